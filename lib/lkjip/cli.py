"""The ``lkjip`` command line. User-facing text is Indonesian; no traceback for user errors."""

from __future__ import annotations

import importlib
import json
import os
import signal
import sys
from importlib.metadata import version as package_version
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer
from rich.table import Table
from rich.text import Text

from lkjip import cli_i18n
from lkjip.formatting import angka, angka_masukan, detik, persen, rupiah
from lkjip.problems import InputError
from lkjip.targets import Target, resolve, unknown_kecamatan
from lkjip.terminal import err, out
from lkjip.terminal import say as _say

if TYPE_CHECKING:
    from lkjip.config import CityConfig
    from lkjip.validate import Checked

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="lkjip: Laporan Kinerja (LKjIP) kecamatan dari satu sumber data.",
)

PathsArg = Annotated[
    list[Path] | None,
    typer.Argument(
        help="Konfigurasi kota (params/*.yaml), folder data kecamatan, atau workbook .xlsx. "
        "Kosong = semua konfigurasi di params/.",
        show_default=False,
        metavar="JALUR...",
    ),
]
ParamsOpt = Annotated[
    Path | None,
    typer.Option(
        "--params",
        help="Konfigurasi kota yang aturannya dipakai untuk folder/workbook.",
        metavar="KONFIGURASI",
    ),
]


def _at_least(low: float, high: float | None = None):  # type: ignore[no-untyped-def]
    """A check of a number option: ``low`` or more (and at most ``high``). Used instead of
    click's ranges, whose help shows "[x>=1]"."""

    def check(value: float | None) -> float | None:
        if value is None:
            return value
        if value < low:
            raise typer.BadParameter(f"{value} terlalu kecil; paling kecil {low}")
        if high is not None and value > high:
            raise typer.BadParameter(f"{value} terlalu besar; paling besar {high}")
        return value

    return check


def _show_version(value: bool) -> None:
    if value:
        _say(f"lkjip {package_version('lkjip')}")
        raise typer.Exit()


@app.callback()
def _root(
    versi: Annotated[
        bool,
        typer.Option(
            "--version",
            callback=_show_version,
            is_eager=True,
            help="Tampilkan versi lkjip lalu keluar.",
        ),
    ] = False,
) -> None:
    # Options of ``lkjip`` itself (the help text is the app's).
    pass


def _plain(*cells: str) -> list[Text]:
    """Table cells shown as written: brackets and emoji codes in user text stay text."""
    return [Text(cell) for cell in cells]


def _check(target: Target) -> Checked:
    from lkjip.validate import check_kecamatan

    return check_kecamatan(target.path, target.rules, target.tahun, target.others)


@app.command()
def validate(jalur: PathsArg = None, params: ParamsOpt = None) -> None:
    """Periksa data kecamatan; setiap masalah satu baris. Keluar 0 hanya bila tanpa galat."""
    targets = resolve(jalur or [], params)
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
    jalur: PathsArg = None,
    params: ParamsOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="Keluaran JSON untuk skrip.")] = False,
) -> None:
    """Angka utama kecamatan: capaian IKU, capaian rata-rata, anggaran dan efisiensi."""
    results, failed = [], False
    for target in resolve(jalur or [], params):
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
            from lkjip.formatting import pembulatan

            with pembulatan(target.rules.pembulatan):  # as the city presents its figures
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
        f"({persen(money['persen'])}), SiLPA {rupiah(money['silpa'])} "
        f"({persen(money['silpa_persen'])} dari pagu)"
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
    konfigurasi: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Konfigurasi kota (params/*.yaml). Kosong = semua di params/.",
            show_default=False,
            metavar="KONFIGURASI...",
        ),
    ] = None,
    kecamatan: Annotated[
        list[str] | None,
        typer.Option(
            "--kecamatan",
            "-k",
            help="Hanya kecamatan ini (slug); boleh berulang.",
            metavar="SLUG",
        ),
    ] = None,
    formats: Annotated[
        str, typer.Option("--format", help="Format keluaran: docx,pdf", metavar="FORMAT")
    ] = "docx,pdf",
    renderer: Annotated[
        str,
        typer.Option(
            "--renderer",
            help="embedded, quarto, atau auto (pilihan kota di konfigurasinya, 'renderer:'; "
            "bila tidak ada: embedded, juga bila Quarto terpasang)",
            metavar="PENYUSUN",
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
    output: Annotated[
        Path, typer.Option("--output", help="Folder keluaran.", metavar="FOLDER")
    ] = Path("outputs"),
    jobs: Annotated[
        int,
        typer.Option(
            "-j",
            "--jobs",
            callback=_at_least(0),
            help="Banyaknya proses pekerja (0 = jumlah inti).",
            metavar="JUMLAH",
        ),
    ] = 0,
    timeout: Annotated[
        float,
        typer.Option(
            "--timeout",
            callback=_at_least(1),
            help="Batas waktu per kecamatan, paling sedikit 1 detik.",
            metavar="DETIK",
        ),
    ] = 600,
    force: Annotated[
        bool, typer.Option("--force", help="Susun ulang walau tidak ada perubahan.")
    ] = False,
    executor: Annotated[
        str, typer.Option("--executor", help="local atau dask", metavar="PELAKSANA")
    ] = "local",
    scheduler: Annotated[
        str,
        typer.Option(
            "--scheduler", help="Alamat penjadwal Dask, tcp://HOST:PORT", metavar="ALAMAT"
        ),
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
    loaded = [load_config(p) for p in (konfigurasi or city_configs())]
    if kecamatan:
        known = [e.slug for c in loaded for e in c.kecamatan]
        if missing := [k for k in kecamatan if k not in known]:
            raise unknown_kecamatan(missing, known)
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
    from lkjip.batch.display import batch_summary_lines, skip_reason

    labels = [f"{city.slug}/{row.slug}" for city in cities for row in city.rows]
    table = Table(title="Ringkasan penyusunan")
    # A slug is never cut while the terminal is wide enough for it; the reason wraps instead.
    table.add_column("Kecamatan", no_wrap=True, min_width=max(map(len, labels), default=9))
    for name in ("Status", "Capaian", "Serapan", "Waktu"):
        table.add_column(name, no_wrap=True)
    table.add_column("Alasan", overflow="fold")
    for city in cities:
        for row in city.rows:
            table.add_row(
                *_plain(
                    f"{city.slug}/{row.slug}",
                    row.status,
                    persen(row.capaian),
                    persen(row.serapan),
                    f"{detik(row.seconds)} dtk" if row.seconds else "-",
                    row.reason.splitlines()[0] if row.reason else skip_reason(row.status),
                )
            )
    out.print(table)
    for city in cities:
        for row in city.rows:
            if row.status in ("gagal", "tidak valid") and row.reason:
                _say(f"GAGAL  {city.slug}/{row.slug}: {row.reason}", "red")
    for line in batch_summary_lines(cities):
        _say(line)


@app.command()
def notebook(
    konfigurasi: Annotated[
        Path | None,
        typer.Argument(
            help="Konfigurasi kota; kosong = cari kecamatan di params/.", metavar="KONFIGURASI"
        ),
    ] = None,
    kecamatan: Annotated[
        str, typer.Option("--kecamatan", "-k", help="Slug kecamatan.", metavar="SLUG")
    ] = "",
    output: Annotated[
        Path, typer.Option("--output", help="Folder keluaran.", metavar="FOLDER")
    ] = Path("outputs"),
) -> None:
    """Siapkan notebook satu kecamatan (parameter terisi) untuk dibuka di Jupyter."""
    from lkjip.report.build import prepare_kecamatan

    city = _city_of(konfigurasi, kecamatan)
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
    konfigurasi: Annotated[
        Path | None,
        typer.Argument(
            help="Konfigurasi kota; kosong = cari kecamatan di params/.", metavar="KONFIGURASI"
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Argument(
            help="Folder proyek yang akan ditulis (kosong atau belum ada).",
            show_default=False,
            metavar="FOLDER",
        ),
    ] = None,
    kecamatan: Annotated[
        str, typer.Option("--kecamatan", "-k", help="Slug kecamatan.", metavar="SLUG")
    ] = "",
) -> None:
    """Tulis laporan satu kecamatan sebagai proyek Quarto siap render (tanpa merender)."""
    from lkjip.report.build import BuildError, export_quarto_project
    from lkjip.report.execute import NotebookError

    if (
        output is None
        and konfigurasi is not None
        and konfigurasi.suffix.lower() not in (".yaml", ".yml")
    ):
        konfigurasi, output = None, konfigurasi  # only the folder: find the kecamatan in params/
    if output is None:
        raise InputError("sebutkan folder proyek tujuan (OUT_DIR)")
    if output.exists() and (not output.is_dir() or any(output.iterdir())):
        raise InputError(f"{output}: sudah ada dan tidak kosong; pilih folder baru")
    city = _city_of(konfigurasi, kecamatan)
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


def _city_of(konfigurasi: Path | None, kecamatan: str) -> CityConfig:
    """The city config that lists ``kecamatan`` (``konfigurasi``, or the one in params/)."""
    from lkjip.config import load_config
    from lkjip.targets import city_configs

    if not kecamatan:
        raise InputError("sebutkan kecamatan dengan --kecamatan SLUG")
    candidates = (
        [load_config(konfigurasi)] if konfigurasi else [load_config(p) for p in city_configs()]
    )
    owners = [c for c in candidates if any(e.slug == kecamatan for e in c.kecamatan)]
    if not owners:
        raise unknown_kecamatan([kecamatan], [e.slug for c in candidates for e in c.kecamatan])
    if len(owners) > 1:
        names = ", ".join(str(c.path) for c in owners)
        raise InputError(
            f"kecamatan '{kecamatan}' ada di beberapa kota ({names}); sebutkan konfigurasinya"
        )
    return owners[0]


@app.command()
def template(
    berkas: Annotated[
        Path, typer.Argument(help="Berkas .xlsx yang akan ditulis.", metavar="BERKAS.xlsx")
    ],
    source: Annotated[
        Path | None,
        typer.Option(
            "--dari",
            help="Isi workbook dengan data kecamatan ini (folder CSV).",
            metavar="FOLDER",
        ),
    ] = None,
) -> None:
    """Tulis workbook isian kosong (atau terisi data yang ada) dengan petunjuk dan dropdown."""
    from lkjip.loader import load_kecamatan
    from lkjip.template import write_template

    if berkas.suffix.lower() != ".xlsx":
        raise InputError(f"{berkas}: nama berkas keluaran harus berakhiran .xlsx")
    data = load_kecamatan(source) if source else None
    if data is not None and data.problems.errors:
        for problem in data.problems.errors:
            _say(problem.line(), console=err)
        raise InputError(f"{source}: data tidak dapat dibaca utuh; perbaiki dulu galat di atas")
    write_template(berkas, data)
    _say(f"Workbook ditulis: {berkas}")


@app.command()
def sample(
    folder: Annotated[
        Path,
        typer.Argument(help="Folder tujuan (params/ dan data/ dibuat di sini).", metavar="FOLDER"),
    ],
    kecamatan: Annotated[
        int,
        typer.Option(
            "--kecamatan",
            callback=_at_least(1),
            help="Banyaknya kecamatan (paling sedikit 1).",
            metavar="JUMLAH",
        ),
    ] = 6,
    seed: Annotated[
        int, typer.Option("--seed", help="Benih acak; sama = hasil sama.", metavar="ANGKA")
    ] = 1,
    tahun: Annotated[
        int,
        typer.Option(
            "--tahun",
            callback=_at_least(2000, 2100),
            help="Tahun laporan (2000–2100).",
            metavar="TAHUN",
        ),
    ] = 2024,
    anggaran: Annotated[
        int | None,
        typer.Option(
            "--anggaran",
            callback=_at_least(1),
            help="Paling sedikit sekian baris anggaran per kecamatan (uji skala; bawaan: "
            "sebanyak katalog).",
            metavar="BARIS",
        ),
    ] = None,
    varian: Annotated[
        list[str] | None,
        typer.Option(
            "--varian",
            help="Bentuk data (boleh berulang atau dipisah koma): 'stres' = nama program/"
            "kegiatan panjang, paling sedikit 40 sub kegiatan dan anggaran di atas Rp 1 triliun "
            "(uji tata letak); 'kabupaten' = Kabupaten Contoh dengan desa; 'rekap-pegawai' = "
            "pegawai sebagai rekap jumlah per dimensi; 'tanda-tangan-bulan' = tanggal tanda "
            "tangan bulan dan tahun saja; 'anggaran-program' = pagu per program saja dan realisasi per "
            "kelompok belanja (gaji/non gaji). Tahun laporan lain: --tahun.",
            show_default=False,
            metavar="VARIAN",
        ),
    ] = None,
) -> None:
    """Buat kota sintetis 'Kota Contoh' (atau 'Kabupaten Contoh') dengan N kecamatan yang valid
    dan realistis."""
    from lkjip.loader import os_reason
    from lkjip.sample import VARIANTS, generate_city, parse_variants

    if folder.exists() and not folder.is_dir():
        raise InputError(f"{folder}: sudah ada sebagai berkas; sebutkan folder tujuan")
    try:
        variants = parse_variants(varian or [])
    except ValueError as exc:
        unknown = str(exc).split(": ", 1)[-1]
        raise InputError(
            f"varian tidak dikenal: {unknown}; pilihan: {', '.join(VARIANTS)}"
        ) from exc
    try:
        config = generate_city(folder, kecamatan, seed, tahun, anggaran, sorted(variants))
    except OSError as exc:
        where = exc.filename or folder
        raise InputError(f"{where}: kota contoh tidak dapat ditulis ({os_reason(exc)})") from exc
    city = "Kabupaten Contoh" if "kabupaten" in variants else "Kota Contoh"
    _say(f"{city} dengan {kecamatan} kecamatan ditulis; konfigurasi: {config}")


@app.command()
def contract(
    berkas: Annotated[
        Path, typer.Argument(help="Berkas Markdown tujuan.", metavar="BERKAS.md")
    ] = Path("docs/data-contract.md"),
) -> None:
    """Tulis ulang dokumen kontrak data dari skema."""
    from lkjip.contract_doc import contract_markdown
    from lkjip.files import write_text
    from lkjip.loader import os_reason

    try:
        write_text(berkas, contract_markdown())
    except OSError as exc:  # a full disk, a read-only folder …: WriteError, said as it is
        raise InputError(f"{berkas}: dokumen tidak dapat ditulis ({os_reason(exc)})") from exc
    _say(f"Kontrak data ditulis: {berkas}")


# The exception classes live where typer.BadParameter does (click).
_CLICK = importlib.import_module(typer.BadParameter.__module__)


def _usage_message(exc: Exception, args: list[str]) -> str:
    """One line for a click usage error: click's own message (Indonesian through the
    catalogue, :mod:`lkjip.cli_i18n`) and click's pointer to the command's --help."""
    import gettext

    ctx = getattr(exc, "ctx", None)
    if ctx is not None:
        command = ctx.command_path
    else:  # raised while parsing, before the command's context exists
        command = "lkjip" + (f" {args[0]}" if args and not args[0].startswith("-") else "")
    message = (exc.format_message() if hasattr(exc, "format_message") else str(exc)).rstrip()
    if not message.endswith((".", "?", "!")):
        message += "."
    hint = gettext.gettext("Try '{command} {option}' for help.")
    return f"{message} {hint.format(command=command, option='--help')}"


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
    (:func:`lkjip.files.atomic_write`); this catches the rest."""
    from lkjip.files import CANNOT_WRITE, cannot_write
    from lkjip.loader import os_reason

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
    cli_i18n.install()
    command = typer.main.get_command(app)
    cli_i18n.localise(command)
    try:
        code = command.main(args=args, prog_name="lkjip", standalone_mode=False)
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
