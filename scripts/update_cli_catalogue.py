"""Update the Indonesian catalogue of click's and typer's own messages.

Extracts every string click and typer mark with ``gettext``/``ngettext`` from the installed
packages (Babel's extractor), merges them into ``lib/lkjip/locale/id/LC_MESSAGES/messages.po``
(kept translations stay, new strings arrive untranslated, vanished ones become obsolete) and
lists what is left to translate. Run it after upgrading click or typer, then translate the new
entries; ``tests/test_cli_i18n.py`` fails while a message of theirs has no translation.

    .venv/bin/python scripts/update_cli_catalogue.py
"""

from __future__ import annotations

from babel.messages.pofile import read_po, write_po

from lkjip.cli_i18n import CATALOGUE, extract_template


def main() -> None:
    template = extract_template()
    with CATALOGUE.open("rb") as source:
        catalogue = read_po(source, locale="id")
    catalogue.update(template, no_fuzzy_matching=True)
    with CATALOGUE.open("wb") as target:
        write_po(target, catalogue, width=100, omit_header=False, ignore_obsolete=True)
    missing = [m.id for m in catalogue if m.id and not m.string]
    print(f"{CATALOGUE}: {len(catalogue)} pesan, {len(missing)} belum diterjemahkan")
    for message in missing:
        print(f"  {message!r}")


if __name__ == "__main__":
    main()
