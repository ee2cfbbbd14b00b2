"""Click's and typer's own messages in Indonesian, through their gettext hook.

Click marks every message it shows (help headings, "Usage:", usage errors) with
``gettext.gettext``/``ngettext`` of the global ``messages`` domain, and typer's help panels do the
same. :func:`install` binds that domain to lkjip's catalogue (``locale/id/LC_MESSAGES/
messages.po``, compiled with Babel into a cached ``.mo``) and selects Indonesian, so no message
is matched by its English wording. It must run before typer shows any help: typer reads its
panel titles once, when its help module is first imported. :func:`localise` gives every command Indonesian usage placeholders
(``[OPSI]``, ``PERINTAH``), which click does not mark for translation.

``scripts/update_cli_catalogue.py`` brings the catalogue up to date after a click or typer
upgrade; ``tests/test_cli_i18n.py`` fails while one of their messages is untranslated.
"""

from __future__ import annotations

import gettext
import hashlib
import os
import tempfile
from pathlib import Path

from babel.messages.catalog import Catalog

from lkjip.files import WriteError, atomic_write

DOMAIN = "messages"  # the domain gettext.gettext, as click and typer call it, looks up
LANGUAGE = "id"
CATALOGUE = Path(__file__).with_name("locale") / LANGUAGE / "LC_MESSAGES" / f"{DOMAIN}.po"
OPTIONS_METAVAR = "[OPSI]"
SUBCOMMAND_METAVAR = "PERINTAH [ARGUMEN]..."


def install() -> None:
    """Make click's and typer's messages Indonesian for this process (and its workers)."""
    gettext.bindtextdomain(DOMAIN, str(_compiled()))
    gettext.textdomain(DOMAIN)
    # gettext picks the language from the environment; the command line speaks Indonesian
    # whatever the machine's locale is.
    os.environ["LANGUAGE"] = LANGUAGE


def _compiled() -> Path:
    """A locale folder holding the catalogue compiled to ``.mo``: compiled with Babel once per
    catalogue content into the user's cache (a temporary folder where that is not writable)."""
    source = CATALOGUE.read_bytes()
    digest = hashlib.sha256(source).hexdigest()[:16]
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    for root in (
        cache / "lkjip" / "locale",
        Path(tempfile.gettempdir()) / f"lkjip-locale-{_uid()}",
    ):
        folder = root / digest
        mo = folder / LANGUAGE / "LC_MESSAGES" / f"{DOMAIN}.mo"
        if mo.is_file():
            return folder
        try:
            _write_mo(source, mo)
        except (OSError, WriteError):
            continue
        return folder
    return Path(tempfile.mkdtemp(prefix="lkjip-locale-"))  # untranslated rather than a crash


def _uid() -> str:
    return str(os.getuid()) if hasattr(os, "getuid") else "0"


def _write_mo(source: bytes, mo: Path) -> None:
    import io

    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    catalogue = read_po(io.BytesIO(source), locale=LANGUAGE, domain=DOMAIN)

    def write(tmp: Path) -> None:
        with tmp.open("wb") as out:
            write_mo(out, catalogue)

    atomic_write(mo, write)


def localise(command: object) -> None:
    """Indonesian usage placeholders on ``command`` and every command under it. A group's
    suggestion for a mistyped command is click's own (translated); typer's English copy of it
    is switched off."""
    if hasattr(command, "suggest_commands"):
        command.suggest_commands = False  # type: ignore[attr-defined]
    if hasattr(command, "options_metavar"):
        command.options_metavar = OPTIONS_METAVAR  # type: ignore[attr-defined]
    if hasattr(command, "subcommand_metavar"):
        command.subcommand_metavar = SUBCOMMAND_METAVAR  # type: ignore[attr-defined]
    for sub in getattr(command, "commands", {}).values():
        localise(sub)


def extract_template() -> Catalog:
    """Every message the installed click and typer mark for translation (Babel's extractor),
    as a catalogue template."""
    import click
    import typer
    from babel.messages.extract import extract_from_dir

    template = Catalog(domain=DOMAIN)
    keywords = {"_": None, "gettext": None, "ngettext": (1, 2)}
    for package in (click, typer):
        folder = Path(package.__file__).parent
        for _file, _line, message, comments, context in extract_from_dir(
            str(folder), keywords=keywords, comment_tags=()
        ):
            template.add(message, None, auto_comments=comments, context=context)
    return template
