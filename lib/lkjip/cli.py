"""The ``lkjip`` command line. User-facing text is Indonesian; no traceback for user errors."""

from __future__ import annotations

import difflib
import importlib
import json
import os
import re
import signal
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from lkjip.formatting import angka, angka_masukan, detik, persen, rupiah
from lkjip.problems import InputError
from lkjip.targets import Target, resolve

if TYPE_CHECKING:
    from lkjip.config import CityConfig
    from lkjip.validate import Checked

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="lkjip: Laporan Kinerja (LKjIP) kecamatan dari satu sumber data.",
)
# No emoji codes: user text such as ":x:" is printed as typed (markup is off where it is printed).
out = Console(soft_wrap=True, highlight=False, emoji=False)
err = Console(stderr=True, soft_wrap=True, highlight=False, emoji=False)

PathsArg = Annotated[
    list[Path] | None,
    typer.Argument(
        help="Konfigurasi kota (params/*.yaml), folder data kecamatan, atau workbook .xlsx. "
        "Kosong = semua konfigurasi di params/.",
        show_default=False,
    ),
]
ParamsOpt = Annotated[
    Path | None,
    typer.Option("--params", help="Konfigurasi kota yang aturannya dipakai untuk folder/workbook."),
]


def _say(text: str, style: str | None = None, console: Console = out) -> None:
    console.print(text, style=style, markup=False, highlight=False)


def _plain(*cells: str) -> list[Text]:
    """Table cells shown as written: brackets and emoji codes in user text stay text."""
    return [Text(cell) for cell in cells]


def _check(target: Target) -> Checked:
    from lkjip.validate import check_kecamatan

    return check_kecamatan(target.path, target.rules, target.tahun)


@app.command()
def validate(paths: PathsArg = None, params: ParamsOpt = None) -> None:
    """Periksa data kecamatan; setiap masalah satu baris. Keluar 0 hanya bila tanpa galat."""
    targets = resolve(paths or [], params)
    total_errors = total_warnings = 0
    for target in targets:
        checked = _check(target)
        errors, warnings = len(checked.problems.errors), len(checked.problems.warnings)
        total_errors, total_warnings = total_errors + errors, total_warnings + warnings
        status = "OK" if checked.ok else "GAGAL"
        _say(f"{status}  {target.label}: {errors} galat, {warnings} peringatan", "bold")
        for problem in checked.problems:
            _say("  " + problem.line(), "red" if problem.severity == "galat" else "yellow")
    _say(
        f"Ringkasan: {len(targets)} kecamatan diperiksa, {total_errors} galat, "
        f"{total_warnings} peringatan."
    )
    if total_errors:
        raise typer.Exit(1)


@app.command()
def summary(
    paths: PathsArg = None,
    params: ParamsOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="Keluaran JSON untuk skrip.")] = False,
) -> None:
    """Angka utama kecamatan: capaian IKU, capaian rata-rata, anggaran dan efisiensi."""
    results, failed = [], False
    for target in resolve(paths or [], params):
        checked = _check(target)
        if not checked.ok:
            failed = True
            _say(f"GAGAL  {target.label}: data belum valid, ringkasan tidak dibuat", console=err)
            for problem in checked.problems.errors:
                _say("  " + problem.line(), console=err)
            continue
        tahun = target.tahun or checked.data.tahun
        from lkjip.summary import summarise

        figures = summarise(checked.data, target.rules, tahun)  # type: ignore[arg-type]
        if target.config:
            figures = {"kota": target.config.nama, **figures}
        results.append(figures)
        if not as_json:
            _print_summary(figures)
    if as_json:
        from lkjip.summary import jsonable

        payload = jsonable(results[0] if len(results) == 1 else results)
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    if failed:
        raise typer.Exit(1)


def _print_summary(figures: dict[str, object]) -> None:
    title = f"Kecamatan {figures['kecamatan']}"
    if figures.get("kota"):
        title += f", {figures['kota']}"
    title += f" — tahun {figures['tahun']} (aturan {figures['aturan']})"
    _say(title, "bold")
    table = Table("Kode", "Indikator Kinerja Utama", "Target", "Realisasi", "Capaian", "Kategori")
    for row in figures["iku"]:  # type: ignore[attr-defined]
        table.add_row(
            *_plain(
                row["kode"],
                row["uraian"],
                angka_masukan(row["target"]),
                angka_masukan(row["realisasi"]),
                persen(row["capaian"]),
                row["kategori"] or "-",
            )
        )
    out.print(table)
    _say(
        f"Capaian rata-rata IKU: {persen(figures['capaian_rata_rata'])} "  # type: ignore[arg-type]
        f"({figures['kategori'] or '-'})"
    )
    money: dict = figures["anggaran"]  # type: ignore[assignment]
    _say(
        f"Anggaran: pagu {rupiah(money['pagu'])}, realisasi {rupiah(money['realisasi'])} "
        f"({persen(money['persen'])}), SiLPA {rupiah(money['silpa'])}"
    )
    points = figures.get("efisiensi_satuan") == "poin persen"
    for row in figures["efisiensi"]:  # type: ignore[attr-defined]
        value = row["efisiensi"]
        shown = f"{angka(value)} poin persen" if points and value is not None else persen(value)
        _say(
            f"Efisiensi sasaran {row['sasaran']}: kinerja {persen(row['capaian_kinerja'])}, "
            f"anggaran {persen(row['capaian_anggaran'])}, efisiensi {shown}"
        )
    _say("")


@app.command()
def build(
    configs: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Konfigurasi kota (params/*.yaml). Kosong = semua di params/.", show_default=False
        ),
    ] = None,
    kecamatan: Annotated[
        list[str] | None,
        typer.Option("--kecamatan", "-k", help="Hanya kecamatan ini (slug); boleh berulang."),
    ] = None,
    formats: Annotated[
        str, typer.Option("--format", help="Format keluaran: docx,pdf")
    ] = "docx,pdf",
    renderer: Annotated[
        str,
        typer.Option(
            "--renderer",
            help="embedded, quarto, atau auto (pilihan kota di konfigurasinya, 'renderer:'; "
            "bila tidak ada: embedded, juga bila Quarto terpasang)",
        ),
    ] = "auto",
    keep_project: Annotated[
        bool,
        typer.Option(
            "--keep-project",
            help="Dengan Quarto: simpan proyek yang dirender (dan log Quarto) sebagai "
            "proyek-quarto.zip di folder kecamatan, juga bila gagal.",
        ),
    ] = False,
    output: Annotated[Path, typer.Option("--output", help="Folder keluaran.")] = Path("outputs"),
    jobs: Annotated[
        int,
        typer.Option("-j", "--jobs", min=0, help="Banyaknya proses pekerja (0 = jumlah inti)."),
    ] = 0,
    timeout: Annotated[
        float, typer.Option("--timeout", min=1, help="Batas waktu per kecamatan (detik).")
    ] = 600,
    force: Annotated[
        bool, typer.Option("--force", help="Susun ulang walau tidak ada perubahan.")
    ] = False,
    executor: Annotated[str, typer.Option("--executor", help="local atau dask")] = "local",
    scheduler: Annotated[
        str, typer.Option("--scheduler", help="Alamat penjadwal Dask, tcp://HOST:PORT")
    ] = "",
) -> None:
    """Susun laporan (DOCX dan PDF) setiap kecamatan: paralel, bertahap, hanya yang berubah."""
    import os

    from lkjip.batch.display import batch_display
    from lkjip.batch.runner import exit_ok, run_batch
    from lkjip.config import load_config
    from lkjip.report.formats import FORMATS, check_renderer, renderer_for, require_quarto
    from lkjip.targets import city_configs

    wanted = tuple(f.strip().lower() for f in formats.split(",") if f.strip())
    if not wanted or any(f not in FORMATS for f in wanted):
        raise InputError(f"format tidak dikenal: {formats}; pilihan: docx, pdf")
    check_renderer(renderer)
    if executor not in ("local", "dask"):
        raise InputError(f"executor tidak dikenal: {executor}; pilihan: local, dask")
    if executor == "dask" and not scheduler:
        raise InputError("executor dask memerlukan --scheduler tcp://HOST:PORT")
    loaded = [load_config(p) for p in (configs or city_configs())]
    if kecamatan:
        known = {e.slug for c in loaded for e in c.kecamatan}
        if missing := [k for k in kecamatan if k not in known]:
            raise InputError("kecamatan tidak ditemukan di konfigurasi: " + ", ".join(missing))
    if executor == "local":  # a Dask worker checks its own PATH (build_kecamatan)
        require_quarto([c.slug for c in loaded if renderer_for(renderer, c.renderer) == "quarto"])
    with batch_display(out) as display:
        cities = run_batch(
            loaded,
            kecamatan or None,
            wanted,
            renderer,
            output,
            force,
            timeout,
            jobs or os.cpu_count() or 1,
            executor,
            scheduler,
            on_event=display.event,
            on_done=lambda job: display.done(
                job.label, job.row.status, job.row.seconds, job.row.reason
            ),
            on_phase=display.phase,
            keep_project=keep_project,
        )
    _print_batch(cities)
    if not exit_ok(cities):
        raise typer.Exit(1)


def _print_batch(cities) -> None:
    table = Table(
        "Kecamatan", "Status", "Capaian", "Serapan", "Waktu", "Alasan", title="Ringkasan penyusunan"
    )
    counts: dict[str, int] = {}
    for city in cities:
        for row in city.rows:
            counts[row.status] = counts.get(row.status, 0) + 1
            table.add_row(
                *_plain(
                    f"{city.slug}/{row.slug}",
                    row.status,
                    persen(row.capaian),
                    persen(row.serapan),
                    f"{detik(row.seconds)} dtk" if row.seconds else "-",
                    row.reason.splitlines()[0] if row.reason else "",
                )
            )
    out.print(table)
    for city in cities:
        for row in city.rows:
            if row.status in ("gagal", "tidak valid") and row.reason:
                _say(f"GAGAL  {city.slug}/{row.slug}: {row.reason}", "red")
    total = sum(counts.values())
    parts = ", ".join(f"{n} {status}" for status, n in sorted(counts.items()))
    _say(
        f"Ringkasan: {total} kecamatan: {parts}. Status: "
        + ", ".join(str(c.folder / "index.html") for c in cities)
    )


@app.command()
def notebook(
    config: Annotated[
        Path | None, typer.Argument(help="Konfigurasi kota; kosong = cari kecamatan di params/.")
    ] = None,
    kecamatan: Annotated[str, typer.Option("--kecamatan", "-k", help="Slug kecamatan.")] = "",
    output: Annotated[Path, typer.Option("--output", help="Folder keluaran.")] = Path("outputs"),
) -> None:
    """Siapkan notebook satu kecamatan (parameter terisi) untuk dibuka di Jupyter."""
    from lkjip.report.build import prepare_kecamatan

    city = _city_of(config, kecamatan)
    paths = prepare_kecamatan(city, city.find(kecamatan), output)
    _say(f"Notebook kecamatan {kecamatan} disiapkan di {paths[0].parent}:")
    for path in paths:
        _say(f"  {path}")
    _say(
        "Buka dengan: jupyter lab "
        + str(paths[0].parent)
        + "  (pasang dulu: bash scripts/setup.sh --jupyter)"
    )


@app.command("quarto-project")
def quarto_project(
    config: Annotated[
        Path | None, typer.Argument(help="Konfigurasi kota; kosong = cari kecamatan di params/.")
    ] = None,
    output: Annotated[
        Path | None,
        typer.Argument(
            help="Folder proyek yang akan ditulis (kosong atau belum ada).", show_default=False
        ),
    ] = None,
    kecamatan: Annotated[str, typer.Option("--kecamatan", "-k", help="Slug kecamatan.")] = "",
) -> None:
    """Tulis laporan satu kecamatan sebagai proyek Quarto siap render (tanpa merender)."""
    from lkjip.report.build import BuildError, export_quarto_project
    from lkjip.report.execute import NotebookError

    if output is None and config is not None and config.suffix.lower() not in (".yaml", ".yml"):
        config, output = None, config  # only the folder given: find the kecamatan in params/
    if output is None:
        raise InputError("sebutkan folder proyek tujuan (OUT_DIR)")
    if output.exists() and (not output.is_dir() or any(output.iterdir())):
        raise InputError(f"{output}: sudah ada dan tidak kosong; pilih folder baru")
    city = _city_of(config, kecamatan)
    try:
        project = export_quarto_project(city, city.find(kecamatan), output, _say)
    except (BuildError, NotebookError) as exc:  # bad data or a failing cell, as in a build
        _say(f"GAGAL  {city.slug}/{kecamatan}: {exc}", "red", console=err)
        raise typer.Exit(1) from exc
    _say(f"Proyek Quarto kecamatan {kecamatan} ditulis di {project.folder}:")
    _say(
        f"  {project.notebook.name} (yang dirender), _quarto.yml, gambar, templat; "
        "notebook bab yang telah dijalankan di notebooks/"
    )
    _say(
        "Render dengan: cd "
        + str(project.folder)
        + " && quarto render --no-execute --to docx   (atau --to typst untuk PDF; "
        "pratinjau: quarto preview --no-execute)"
    )


def _city_of(config: Path | None, kecamatan: str) -> CityConfig:
    """The city config that lists ``kecamatan`` (``config``, or the one in params/)."""
    from lkjip.config import load_config
    from lkjip.targets import city_configs

    if not kecamatan:
        raise InputError("sebutkan kecamatan dengan --kecamatan SLUG")
    candidates = [load_config(config)] if config else [load_config(p) for p in city_configs()]
    owners = [c for c in candidates if any(e.slug == kecamatan for e in c.kecamatan)]
    if not owners:
        raise InputError(f"kecamatan '{kecamatan}' tidak ditemukan di konfigurasi kota")
    if len(owners) > 1:
        names = ", ".join(str(c.path) for c in owners)
        raise InputError(
            f"kecamatan '{kecamatan}' ada di beberapa kota ({names}); sebutkan konfigurasinya"
        )
    return owners[0]


@app.command()
def template(
    output: Annotated[Path, typer.Argument(help="Berkas .xlsx yang akan ditulis.")],
    source: Annotated[
        Path | None,
        typer.Option("--dari", help="Isi workbook dengan data kecamatan ini (folder CSV)."),
    ] = None,
) -> None:
    """Tulis workbook isian kosong (atau terisi data yang ada) dengan petunjuk dan dropdown."""
    from lkjip.loader import load_kecamatan
    from lkjip.template import write_template

    if output.suffix.lower() != ".xlsx":
        raise InputError(f"{output}: nama berkas keluaran harus berakhiran .xlsx")
    data = load_kecamatan(source) if source else None
    if data is not None and data.problems.errors:
        for problem in data.problems.errors:
            _say(problem.line(), console=err)
        raise InputError(f"{source}: data tidak dapat dibaca utuh; perbaiki dulu galat di atas")
    write_template(output, data)
    _say(f"Workbook ditulis: {output}")


@app.command()
def sample(
    output: Annotated[
        Path, typer.Argument(help="Folder tujuan (params/ dan data/ dibuat di sini).")
    ],
    kecamatan: Annotated[int, typer.Option("--kecamatan", min=1, help="Banyaknya kecamatan.")] = 6,
    seed: Annotated[int, typer.Option("--seed", help="Benih acak; sama = hasil sama.")] = 1,
    tahun: Annotated[int, typer.Option("--tahun", min=2000, max=2100)] = 2024,
    anggaran: Annotated[
        int | None,
        typer.Option(
            "--anggaran",
            min=1,
            help="Paling sedikit sekian baris anggaran per kecamatan (uji skala; bawaan: "
            "sebanyak katalog).",
        ),
    ] = None,
    varian: Annotated[
        str,
        typer.Option(
            "--varian",
            help="Bentuk data: 'stres' = nama program/kegiatan panjang, paling sedikit 40 sub "
            "kegiatan dan anggaran di atas Rp 1 triliun (uji tata letak).",
        ),
    ] = "",
) -> None:
    """Buat kota sintetis 'Kota Contoh' dengan N kecamatan yang valid dan realistis."""
    from lkjip.loader import os_reason
    from lkjip.sample import VARIANTS, generate_city

    if output.exists() and not output.is_dir():
        raise InputError(f"{output}: sudah ada sebagai berkas; sebutkan folder tujuan")
    try:
        if varian and varian not in VARIANTS:
            raise InputError(f"varian tidak dikenal: {varian}; pilihan: {', '.join(VARIANTS)}")
        config = generate_city(output, kecamatan, seed, tahun, anggaran, varian)
    except OSError as exc:
        where = exc.filename or output
        raise InputError(f"{where}: kota contoh tidak dapat ditulis ({os_reason(exc)})") from exc
    _say(f"Kota Contoh dengan {kecamatan} kecamatan ditulis; konfigurasi: {config}")


@app.command()
def contract(
    output: Annotated[Path, typer.Argument(help="Berkas Markdown tujuan.")] = Path(
        "docs/data-contract.md"
    ),
) -> None:
    """Tulis ulang dokumen kontrak data dari skema."""
    from lkjip.contract_doc import contract_markdown
    from lkjip.loader import os_reason

    try:
        output.write_text(contract_markdown(), encoding="utf-8")
    except OSError as exc:
        raise InputError(f"{output}: dokumen tidak dapat ditulis ({os_reason(exc)})") from exc
    _say(f"Kontrak data ditulis: {output}")


# Click (as bundled by typer) reports usage errors in English; they are translated here. The
# exception classes live where typer.BadParameter does: typer's own copy of click, or click.
_CLICK = importlib.import_module(typer.BadParameter.__module__)
_VALUE_PROBLEMS = (
    (r"valid integer", "harus bilangan bulat"),
    (r"valid (?:number|float)", "harus angka"),
    (r"valid boolean", "harus true atau false"),
    (r"greater than or equal to (\S+?)\.?$", "paling kecil {0}"),
    (r"less than or equal to (\S+?)\.?$", "paling besar {0}"),
    (r"greater than (\S+?)\.?$", "harus lebih besar dari {0}"),
    (r"less than (\S+?)\.?$", "harus lebih kecil dari {0}"),
    (r"not in the range (.+?)\.?$", "di luar rentang {0}"),
    (r"is not one of (.+?)\.?$", "pilihan: {0}"),
    (r"does not exist", "tidak ditemukan"),
)


def _param_name(param: object) -> str:
    if getattr(param, "param_type_name", "") == "option":
        return "opsi " + " / ".join(getattr(param, "opts", []))
    return f"argumen '{getattr(param, 'name', '')}'"


def _given(param: object, args: list[str]) -> str | None:
    """The value typed for an option, as found on the command line."""
    for index, arg in enumerate(args):
        for opt in getattr(param, "opts", []):
            if arg == opt and index + 1 < len(args):
                return args[index + 1]
            if arg.startswith(opt + "="):
                return arg[len(opt) + 1 :]
    return None


def _usage_message(exc: Exception, args: list[str]) -> str:
    """One Indonesian line for a click usage error (missing argument, unknown option or
    command, bad value), with a pointer to the command's --help."""
    message = str(getattr(exc, "message", "") or exc)
    param = getattr(exc, "param", None)
    if isinstance(exc, _CLICK.MissingParameter) and param is not None:
        text = f"{_param_name(param)} wajib diisi"
        if getattr(param, "help", None):
            text += f" ({str(param.help).rstrip('.')})"
    elif isinstance(exc, _CLICK.BadParameter):
        detail = next(
            (
                meaning.format(*found.groups())
                for pattern, meaning in _VALUE_PROBLEMS
                if (found := re.search(pattern, message))
            ),
            message,
        )
        text = f"nilai {_param_name(param)} tidak sah" if param else "nilai tidak sah"
        value = _given(param, args) if param is not None else None
        text += f" (ditemukan '{value}'; {detail})" if value is not None else f" ({detail})"
    elif isinstance(exc, _CLICK.NoSuchOption):
        text = f"opsi tidak dikenal: {exc.option_name}"
        if exc.possibilities:
            text += " (mungkin maksudnya: " + ", ".join(sorted(exc.possibilities)) + ")"
    elif isinstance(exc, _CLICK.BadOptionUsage) and "requires" in message:
        text = f"opsi {exc.option_name} memerlukan nilai"
    elif isinstance(exc, _CLICK.BadOptionUsage) and "does not take a value" in message:
        text = f"opsi {exc.option_name} tidak menerima nilai"
    elif found := re.match(r"No such command '(.+?)'", message):
        text = f"perintah tidak dikenal: {found.group(1)}"
        ctx = getattr(exc, "ctx", None)
        commands = list(ctx.command.list_commands(ctx)) if ctx is not None else []
        if close := difflib.get_close_matches(found.group(1), commands):
            text += " (mungkin maksudnya: " + ", ".join(close) + ")"
        elif commands:
            text += "; perintah yang ada: " + ", ".join(commands)
    elif found := re.search(r"unexpected extra argument(?:s|\(s\))? \((.+)\)", message):
        text = f"argumen berlebih: {found.group(1)}"
    else:
        text = f"pemakaian perintah salah: {message}"
    ctx = getattr(exc, "ctx", None)
    if ctx is not None:
        command = ctx.command_path
    else:  # raised while parsing, before the command's context exists
        command = "lkjip" + (f" {args[0]}" if args and not args[0].startswith("-") else "")
    return f"{text}. Lihat '{command} --help'."


def _register_subcommands() -> None:
    from lkjip.cli_narrative import narrative_app

    app.add_typer(narrative_app, name="narrative")


_register_subcommands()


def _on_ctrl_c(_signum: int, _frame: object) -> None:
    """The first Ctrl-C interrupts; the ones after it change nothing while the command cleans
    up (a batch ends its workers) and says so."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    raise KeyboardInterrupt


def _interrupted() -> NoReturn:
    _say("dihentikan.", console=err)
    sys.exit(130)


def _os_problem(exc: OSError) -> str | None:
    """A refusal of the file system the user can fix (full disk, read-only file system, no
    permission) as one line; None for anything else. Writes of the batch say so themselves
    (:func:`lkjip.report.render.atomic_write`); this catches the rest."""
    from lkjip.loader import os_reason
    from lkjip.report.render import CANNOT_WRITE, cannot_write

    where = exc.filename or "berkas"
    if isinstance(exc, PermissionError):
        return f"{where}: tidak dapat dibaca atau ditulis ({os_reason(exc)})"
    return str(cannot_write(where, exc)) if exc.errno in CANNOT_WRITE else None


def _unexpected(exc: Exception) -> NoReturn:
    if os.environ.get("LKJIP_DEBUG"):
        raise exc
    _say(
        f"galat tak terduga: {exc.__class__.__name__}: {exc}. "
        "Jalankan ulang dengan LKJIP_DEBUG=1 untuk rincian teknis dan laporkan.",
        "red",
        console=err,
    )
    sys.exit(3)


def main() -> None:
    """Entry point: user errors become one Indonesian message and exit code 2."""
    args = sys.argv[1:]
    signal.signal(signal.SIGINT, _on_ctrl_c)
    try:
        code = app(args=args, prog_name="lkjip", standalone_mode=False)
    except _CLICK.UsageError as exc:
        if type(exc).__name__ == "NoArgsIsHelpError":  # help for a bare `lkjip`: already shown
            if help_text := exc.format_message().strip():
                _say(help_text, console=err)
        else:
            _say(f"galat: {_usage_message(exc, args)}", "red", console=err)
        sys.exit(exc.exit_code)
    except typer.Abort:
        _say("dibatalkan.", console=err)
        sys.exit(1)
    except InputError as exc:
        _say(f"galat: {exc}", "red", console=err)
        sys.exit(2)
    except KeyboardInterrupt:
        _interrupted()
    except OSError as exc:
        if (problem := _os_problem(exc)) is None:
            _unexpected(exc)
        _say(f"galat: {problem}", "red", console=err)
        sys.exit(2)
    except Exception as exc:
        _unexpected(exc)
    if code == 130:  # typer turns Ctrl+C into exit code 130
        _interrupted()
    sys.exit(code if isinstance(code, int) else 0)


if __name__ == "__main__":
    main()
