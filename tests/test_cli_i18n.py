"""The command line speaks Indonesian: click's and typer's own messages through their gettext
hook (a catalogue, not regexes on English text), Indonesian metavars, ``--version``, and one
wording for a mistyped kecamatan slug."""

from __future__ import annotations

import re
from importlib.metadata import version
from pathlib import Path

import pytest
import typer
from babel.messages.pofile import read_po

from conftest import run_cli
from lkjip.cli import app
from lkjip.cli_i18n import CATALOGUE, extract_template

# Click's type names as its help shows them, and the placeholders it does not translate.
CLICK_TYPES = {"text", "integer", "float", "path", "boolean", "range", "choice", "options"}
ALSO_INDONESIAN = {"valid"}  # "kecamatan yang valid"


def _catalogue():
    with CATALOGUE.open("rb") as source:
        return read_po(source, locale="id")


def _words(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[A-Za-z]{4,}", re.sub(r"\{[^}]*\}", "", text))}


def english_vocabulary() -> set[str]:
    """Every word of click's and typer's messages (the catalogue's msgids) that its Indonesian
    translations do not use, plus click's type names."""
    english: set[str] = set()
    indonesian: set[str] = set()
    for message in _catalogue():
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for text in ids:
            english |= _words(text)
        for text in strings:
            indonesian |= _words(text or "")
    return (english - indonesian - ALSO_INDONESIAN) | CLICK_TYPES


ENGLISH = english_vocabulary()


def english_in(output: str) -> set[str]:
    """Click's English words in ``output``; option names (``--output``) are the interface and
    are left out."""
    return _words(re.sub(r"(?<!\w)--?[\w-]+", " ", output)) & ENGLISH


def command_paths() -> list[tuple[tuple[str, ...], object]]:
    """Every command and group of the app with its path (``()``, ``("build",)``, …)."""
    found: list[tuple[tuple[str, ...], object]] = []

    def walk(path: tuple[str, ...], command: object) -> None:
        found.append((path, command))
        for name, sub in sorted(getattr(command, "commands", {}).items()):
            walk((*path, name), sub)

    walk((), typer.main.get_command(app))
    return found


COMMANDS = command_paths()
IDS = [" ".join(path) or "lkjip" for path, _ in COMMANDS]


def test_the_vocabulary_knows_clicks_english():
    """The check below can fail: the words click uses are in it."""
    assert {"usage", "options", "missing", "invalid", "show", "message", "exit"} <= ENGLISH
    assert english_in("Usage: lkjip build [OPTIONS] Show this message and exit.") >= {
        "usage",
        "options",
        "show",
    }
    assert not english_in("Pemakaian: lkjip build [OPSI] --output FOLDER --json")


@pytest.mark.parametrize(("path", "command"), COMMANDS, ids=IDS)
def test_every_help_screen_is_indonesian(tmp_path: Path, path, command):
    result = run_cli(*path, "--help", cwd=tmp_path)
    assert result.code == 0, result.output
    assert "Pemakaian: lkjip" in result.stdout and "[OPSI]" in result.stdout, result.stdout
    assert not english_in(result.output), (english_in(result.output), result.output)
    assert "<" not in result.stdout  # no developer types such as <list[Path]>
    # every argument's help is on the screen (click 8.5 drops typer 0.25's)
    shown = " ".join(result.stdout.replace("│", " ").split())
    for param in getattr(command, "params", []):
        if param.param_type_name == "argument":
            assert param.help and param.help.split(";")[0].rstrip(".") in shown, (param.name, shown)


def _bad_invocations(path: tuple[str, ...], command: object) -> list[tuple[str, ...]]:
    """Usage errors for one command: an unknown option, each required argument left out,
    a word for each number option, an extra argument."""
    cases = [(*path, "--tidak-ada")]
    params = getattr(command, "params", [])
    arguments = [p for p in params if p.param_type_name == "argument"]
    if any(p.required for p in arguments):
        cases.append(path)
    for param in params:
        if param.param_type_name == "option" and param.type.name in ("integer", "float"):
            filler = ["x.xlsx"] * sum(p.required for p in arguments)
            cases.append((*path, *filler, param.opts[0], "abc"))
    if arguments and all(p.nargs == 1 for p in arguments):
        cases.append((*path, *(["a"] * len(arguments)), "lebih"))
    return cases


USAGE_ERRORS = [
    case for path, command in COMMANDS if path for case in _bad_invocations(path, command)
]


@pytest.mark.parametrize("args", USAGE_ERRORS, ids=[" ".join(a) for a in USAGE_ERRORS])
def test_every_usage_error_is_indonesian(tmp_path: Path, args):
    result = run_cli(*args, cwd=tmp_path)
    assert result.code == 2, result.output
    assert result.stderr.startswith("galat: "), result.stderr
    assert "Lihat 'lkjip" in result.stderr and "--help'." in result.stderr, result.stderr
    assert not english_in(result.output), (english_in(result.output), result.output)
    assert "Traceback" not in result.output


def test_version(tmp_path: Path):
    result = run_cli("--version", cwd=tmp_path)
    assert result.code == 0, result.output
    assert result.stdout.strip() == f"lkjip {version('lkjip')}"


def test_the_catalogue_translates_every_message_of_the_installed_click_and_typer():
    """A click or typer upgrade that adds or rewords a message fails here, not silently in
    English (scripts/update_cli_catalogue.py merges the new messages)."""
    translated = {m.id for m in _catalogue() if m.id and m.string and all(m.string)}
    missing = [m.id for m in extract_template() if m.id and m.id not in translated]
    assert not missing, missing


@pytest.mark.parametrize("command", ["build", "notebook"])
def test_a_mistyped_slug_gets_a_suggestion_and_the_list(command: str):
    result = run_cli(command, "--kecamatan", "prak")
    assert result.code == 2, result.output
    assert (
        "galat: kecamatan 'prak' (mungkin maksudnya: perak) tidak ditemukan di konfigurasi kota. "
        "Slug kecamatan yang ada: "
    ) in result.stderr, result.stderr
    listed = result.stderr.split("Slug kecamatan yang ada: ", 1)[1].strip().split(", ")
    assert {"perak", "bekasi-utara", "sukamaju", "karang-anyar"} <= set(listed)


def test_build_and_notebook_word_an_unknown_slug_the_same():
    build = run_cli("build", "-k", "bekasi-utra").stderr
    notebook = run_cli("notebook", "-k", "bekasi-utra").stderr
    assert build == notebook and "mungkin maksudnya: bekasi-utara" in build, (build, notebook)
