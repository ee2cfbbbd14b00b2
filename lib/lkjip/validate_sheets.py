"""Cross-checks of the optional evaluation and resource sheets (``evaluasi_rb``, ``indikator_rb``,
``ipp``, ``abk``), of the photos of ``dokumentasi`` and of the IKM unsur against the rules. Called by :mod:`lkjip.validate`; every
message names the file, sheet, row and column to fix.
"""

from __future__ import annotations

import re
from collections import defaultdict
from decimal import Decimal
from pathlib import Path
from typing import Protocol

from lkjip.formatting import angka, round_half_up
from lkjip.inputs import image_format, refusal
from lkjip.loader import KecamatanData, Row, shown
from lkjip.metrics.evaluasi import ipp_result, ipp_weighted
from lkjip.problems import Problems
from lkjip.rules import Aturan

TOLERANCE = Decimal("0.005")
HUNDRED = Decimal(100)
PHOTO_FOLDER = "foto"
_RANGE = re.compile(r"^\s*(-?\d+(?:[.,]\d+)?)\s*(?:-|–|s\.?d\.?|sampai)\s*(-?\d+(?:[.,]\d+)?)\s*$")


class _Checks(Protocol):
    data: KecamatanData
    rules: Aturan
    tahun: int | None
    p: Problems

    def rows(self, sheet: str) -> list[Row]: ...

    def _codes(self, sheet: str, column: str) -> set[str]: ...

    def _parent(self, row: Row, column: str, known: set[str], what: str) -> None: ...


def check_optional_sheets(checks: _Checks) -> None:
    """Every check of this module, in order."""
    _rb(checks)
    _rb_indicators(checks)
    _ipp(checks)
    _abk(checks)
    _photos(checks)
    _ikm_unsur(checks)


def photo_folder(data_path: Path) -> Path:
    """The ``foto/`` folder beside the data (a CSV folder, or the folder of ``data.xlsx``)."""
    base = data_path if data_path.is_dir() else data_path.parent
    return base / PHOTO_FOLDER


def _duplicates(checks: _Checks, sheet: str, key, label: str, column: str) -> None:
    seen: dict[object, Row] = {}
    for row in checks.rows(sheet):
        value = key(row)
        if value is None:
            continue
        if value in seen:
            checks.p.error(
                f"{label} ganda; sudah dipakai di baris {seen[value].line}", **row.where(column)
            )
        else:
            seen[value] = row


def _by_year(rows: list[Row]) -> dict[int, list[Row]]:
    groups: dict[int, list[Row]] = defaultdict(list)
    for row in rows:
        if isinstance(row.get("tahun"), int):
            groups[row["tahun"]].append(row)  # type: ignore[index]
    return groups


def _one_source(checks: _Checks, sheet: str) -> None:
    """The ``sumber`` of one year's rows is written once, or the same everywhere."""
    for _year, rows in _by_year(checks.rows(sheet)).items():
        stated = [r for r in rows if r.get("sumber")]
        first = stated[0] if stated else None
        for row in stated[1:]:
            if str(row["sumber"]).strip() != str(first["sumber"]).strip():  # type: ignore[index]
                checks.p.warning(
                    f"sumber berbeda dengan baris {first.line} tahun yang sama",  # type: ignore[union-attr]
                    found=str(row["sumber"]),
                    expected=str(first["sumber"]),  # type: ignore[index]
                    **row.where("sumber"),
                )


# --- Reformasi Birokrasi ------------------------------------------------------------------------
def _rb(checks: _Checks) -> None:
    rows = checks.rows("evaluasi_rb")
    _duplicates(
        checks,
        "evaluasi_rb",
        lambda r: (r.get("tahun"), r.get("kode")) if r.get("kode") else None,
        "kode komponen RB pada tahun yang sama",
        "kode",
    )
    _one_source(checks, "evaluasi_rb")
    for year, members in _by_year(rows).items():
        by_code = {str(r["kode"]): r for r in members if r.get("kode")}
        children: dict[str, list[Row]] = defaultdict(list)
        for row in members:
            parent = str(row.get("induk") or "")
            if not parent:
                continue
            if parent == str(row.get("kode")):
                checks.p.error("komponen RB menginduk ke dirinya sendiri", **row.where("induk"))
            elif parent not in by_code:
                sample = ", ".join(sorted(by_code)[:8]) or "(belum ada)"
                checks.p.error(
                    f"kode komponen induk '{parent}' tidak ditemukan pada tahun {year}",
                    found=parent,
                    expected=f"salah satu kode tahun {year}: {sample}",
                    **row.where("induk"),
                )
            else:
                children[parent].append(row)
        _rb_cycles(checks, by_code)
        top = [r for r in members if not r.get("induk") or str(r["induk"]) not in by_code]
        weights = [r["bobot"] for r in top if isinstance(r.get("bobot"), Decimal)]
        if top and len(weights) == len(top) and sum(weights) != HUNDRED:
            checks.p.warning(
                f"jumlah bobot komponen utama RB tahun {year} bukan 100",
                found=angka(sum(weights)),
                expected="100",
                **top[0].where("bobot"),
            )
        for code, row in by_code.items():
            kids = children.get(code, [])
            _rb_component(checks, row, kids)


def _rb_cycles(checks: _Checks, by_code: dict[str, Row]) -> None:
    parents = {code: str(row.get("induk") or "") for code, row in by_code.items()}
    for cycle in find_cycles(parents):
        if len(cycle) > 1:  # a component that is its own parent is reported by _rb
            checks.p.error(
                "komponen RB saling menginduk (melingkar): " + " → ".join([*cycle, cycle[0]]),
                **by_code[cycle[0]].where("induk"),
            )


def find_cycles(parent_of: dict[str, str]) -> list[list[str]]:
    """Every cycle of parent links once, as the codes in it from the first one met; a code that
    is its own parent is a cycle of one."""
    state: dict[str, str] = {}  # "path" while being walked, then "done"
    cycles = []
    for start in parent_of:
        path: list[str] = []
        code = start
        while code in parent_of and code not in state:
            state[code] = "path"
            path.append(code)
            code = parent_of[code]
        if state.get(code) == "path":
            cycles.append(path[path.index(code) :])
        state.update(dict.fromkeys(path, "done"))
    return cycles


def _rb_component(checks: _Checks, row: Row, kids: list[Row]) -> None:
    bobot, nilai = row.get("bobot"), row.get("nilai")
    if kids:
        weights = [k["bobot"] for k in kids if isinstance(k.get("bobot"), Decimal)]
        if isinstance(bobot, Decimal) and len(weights) == len(kids) and sum(weights) != bobot:
            checks.p.warning(
                "jumlah bobot subkomponen RB tidak sama dengan bobot komponennya",
                found=angka(sum(weights)),
                expected=angka(bobot),
                **row.where("bobot"),
            )
        scores = [k["nilai"] for k in kids if isinstance(k.get("nilai"), Decimal)]
        if isinstance(nilai, Decimal) and scores and len(scores) == len(kids):
            total = sum(scores, Decimal(0))
            if abs(total - nilai) > TOLERANCE:
                checks.p.error(
                    "nilai komponen RB tidak sama dengan jumlah nilai subkomponennya",
                    found=angka(nilai),
                    expected=f"{angka(total)} (atau kosongkan: nilai dihitung)",
                    **row.where("nilai"),
                )
        return
    if nilai is None and "nilai" not in row.unreadable:
        checks.p.warning(
            "nilai komponen RB kosong; komponen ini tidak ikut dijumlahkan",
            expected="nilai komponen",
            **row.where("nilai"),
        )
    elif isinstance(bobot, Decimal) and isinstance(nilai, Decimal) and nilai > bobot:
        checks.p.error(
            "nilai komponen RB melebihi bobotnya",
            found=angka(nilai),
            expected=f"paling tinggi {angka(bobot)}",
            **row.where("nilai"),
        )


def scale_range(text: object) -> tuple[Decimal, Decimal] | None:
    """ "0 - 100" → (0, 100); None when the text is not a range."""
    match = _RANGE.match(str(text or ""))
    if not match:
        return None
    low, high = (Decimal(g.replace(",", ".")) for g in match.groups())
    return (low, high) if low < high else None


def _rb_indicators(checks: _Checks) -> None:
    _duplicates(
        checks,
        "indikator_rb",
        lambda r: (r.get("tahun"), str(r["indikator"]).lower()) if r.get("indikator") else None,
        "indikator RB pada tahun yang sama",
        "indikator",
    )
    for row in checks.rows("indikator_rb"):
        skala = row.get("skala")
        if not skala:
            continue
        bounds = scale_range(skala)
        if bounds is None:
            checks.p.warning(
                "skala tidak dapat dibaca; nilai tidak diperiksa terhadapnya",
                found=str(skala),
                expected="rentang 'bawah - atas', mis. 0 - 100",
                **row.where("skala"),
            )
            continue
        nilai = row.get("nilai")
        if isinstance(nilai, Decimal) and not bounds[0] <= nilai <= bounds[1]:
            checks.p.error(
                "nilai di luar skala indikator",
                found=angka(nilai),
                expected=f"{angka(bounds[0])} sampai {angka(bounds[1])}",
                **row.where("nilai"),
            )


# --- Indeks Pelayanan Publik --------------------------------------------------------------------
def _ipp(checks: _Checks) -> None:
    rows = checks.rows("ipp")
    _duplicates(
        checks,
        "ipp",
        lambda r: (r.get("tahun"), str(r["aspek"]).lower()) if r.get("aspek") else None,
        "aspek IPP pada tahun yang sama",
        "aspek",
    )
    _one_source(checks, "ipp")
    for row in rows:
        score = row.get("nilai_indikator")
        if isinstance(score, Decimal) and not 0 <= score <= 5:
            checks.p.error(
                "nilai indikator aspek IPP di luar skala 0–5",
                found=angka(score),
                expected="0 sampai 5",
                **row.where("nilai_indikator"),
            )
        stated, computed = row.get("nilai"), ipp_weighted(row)
        if (
            stated is None
            and computed is None
            and not row.unreadable & {"nilai", "nilai_indikator"}
        ):
            checks.p.warning(
                "nilai aspek IPP tidak dapat dihitung; aspek ini tidak ikut dijumlahkan",
                expected="nilai_indikator (atau nilai tertimbang di kolom nilai)",
                **row.where("nilai_indikator"),
            )
        elif (
            isinstance(stated, Decimal)
            and computed is not None
            and abs(round_half_up(computed) - stated) > TOLERANCE
        ):
            checks.p.warning(
                "nilai aspek IPP tidak sama dengan bobot × nilai indikator ÷ 100",
                found=angka(stated),
                expected=angka(computed),
                **row.where("nilai"),
            )
    for year, members in _by_year(rows).items():
        weights = [r["bobot"] for r in members if isinstance(r.get("bobot"), Decimal)]
        if len(weights) == len(members) and sum(weights) != HUNDRED:
            checks.p.warning(
                f"jumlah bobot aspek IPP tahun {year} bukan 100",
                found=angka(sum(weights)),
                expected="100",
                **members[0].where("bobot"),
            )
    _ipp_indicator(checks)


def _ipp_indicator(checks: _Checks) -> None:
    """An indicator computed from the ipp sheet (``dihitung_dari: ipp``) states the same value."""
    codes = {str(r["kode"]) for r in checks.rows("indikator") if r.get("dihitung_dari") == "ipp"}
    for row in checks.rows("target_realisasi"):
        if str(row.get("indikator")) not in codes or row.get("realisasi") is None:
            continue
        result = ipp_result(checks.data, checks.rules, row["tahun"])  # type: ignore[arg-type]
        if result is None or result.nilai is None:
            continue
        stated: Decimal = row["realisasi"]  # type: ignore[assignment]
        if abs(round_half_up(result.nilai) - stated) > TOLERANCE:
            checks.p.error(
                f"realisasi berbeda dengan IPP yang dihitung dari sheet ipp tahun {row['tahun']}",
                found=angka(stated),
                expected=angka(result.nilai),
                **row.where("realisasi"),
            )


# --- ABK ----------------------------------------------------------------------------------------
def _abk(checks: _Checks) -> None:
    rows = checks.rows("abk")
    if not rows:
        return
    _duplicates(
        checks,
        "abk",
        lambda r: (str(r["jabatan"]).lower(), r.get("sasaran")) if r.get("jabatan") else None,
        "jabatan (per sasaran)",
        "jabatan",
    )
    sasaran = checks._codes("sasaran", "kode")
    for row in rows:
        checks._parent(row, "sasaran", sasaran, "kode sasaran")
        if row.get("kebutuhan") == 0:
            checks.p.warning(
                "kebutuhan 0: tingkat pemenuhan jabatan ini tidak dapat dihitung",
                found="0",
                expected="kebutuhan pegawai menurut ABK (hapus jabatan yang tidak dibutuhkan)",
                **row.where("kebutuhan"),
            )
    staff = checks.rows("pegawai")
    if staff and not any(r.get("sasaran") for r in rows):
        # One row per jabatan: the available pegawai cannot outnumber the staff list.
        have = sum(r["ketersediaan"] for r in rows if isinstance(r.get("ketersediaan"), int))
        people = sum(r["jumlah"] if isinstance(r.get("jumlah"), int) else 1 for r in staff)
        if have > people:
            checks.p.warning(
                f"jumlah ketersediaan ABK ({have}) melebihi jumlah pegawai di sheet pegawai",
                found=str(have),
                expected=f"paling banyak {people}",
                **rows[0].where("ketersediaan"),
            )


# --- dokumentasi --------------------------------------------------------------------------------
def _photos(checks: _Checks) -> None:
    rows = [r for r in checks.rows("dokumentasi") if r.get("file")]
    if not rows:
        return
    folder = photo_folder(checks.data.path)
    for row in rows:
        name = str(row["file"]).strip()
        if Path(name).name != name or name in (".", ".."):
            checks.p.error(
                "nama berkas foto harus nama berkas saja, tanpa folder",
                found=name,
                expected=f"nama berkas di folder {PHOTO_FOLDER}/",
                **row.where("file"),
            )
            continue
        path = folder / name
        if not path.exists():
            checks.p.error(
                f"berkas foto tidak ditemukan di folder {PHOTO_FOLDER}/",
                found=name,
                expected=f"berkas {name} di {shown(folder)}",
                **row.where("file"),
            )
            continue
        if reason := refusal(path, folder.parent):
            checks.p.error(
                f"berkas foto: {reason}",
                found=name,
                expected=f"foto JPEG atau PNG yang tersimpan di {shown(folder)}",
                **row.where("file"),
            )
            continue
        if photo_too_large(path):
            checks.p.warning(
                "foto terlalu besar untuk diolah (lebih dari "
                f"{angka(_max_pixels(), 0)} piksel); foto ini tidak dimuat di laporan",
                found=name,
                expected="foto yang diperkecil, mis. sisi terpanjang 4.000 piksel",
                **row.where("file"),
            )
            continue
        if image_format(path) is None:
            checks.p.error(
                "berkas foto tidak dapat dibaca sebagai gambar",
                found=name,
                expected="foto JPEG atau PNG",
                **row.where("file"),
            )


def _max_pixels() -> int:
    from PIL import Image

    return int(Image.MAX_IMAGE_PIXELS or 0)


def photo_too_large(path: Path) -> bool:
    """True when the image at ``path`` claims more pixels than Pillow decodes safely
    (``Image.MAX_IMAGE_PIXELS``, about 89 million; a header may claim 50000 × 50000). Only the
    header is read. Such a photo is left out of the report, with a warning from validation."""
    import warnings

    from PIL import Image

    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(path):
                return False
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            return True
        except (OSError, SyntaxError, ValueError):
            return False  # not an image at all: _is_image reports it


# --- IKM unsur ----------------------------------------------------------------------------------
def _ikm_unsur(checks: _Checks) -> None:
    """Unsur codes are those of the rules in force (``ikm_unsur``); a service scored on fewer
    unsur than the rules list gets an IKM from the unsur given (warning)."""
    known = checks.rules.ikm_unsur
    groups: dict[tuple[object, object], list[Row]] = defaultdict(list)
    for row in checks.rows("ikm"):
        code = row.get("unsur")
        if not code or row.get("nrr") is None:
            continue
        if str(code) not in known:
            checks.p.error(
                f"unsur '{code}' tidak dikenal aturan yang berlaku",
                found=str(code),
                expected="salah satu dari: " + ", ".join(known) + " (aturan ikm_unsur)",
                **row.where("unsur"),
            )
            continue
        groups[(row.get("tahun"), row.get("layanan"))].append(row)
    for (year, layanan), rows in groups.items():
        missing = [c for c in known if c not in {str(r["unsur"]) for r in rows}]
        if missing:
            service = f"layanan '{layanan}'" if layanan else "seluruh layanan"
            checks.p.warning(
                f"{service} tahun {year} tanpa nilai unsur {', '.join(missing)}; IKM dihitung "
                f"dari {len(known) - len(missing)} unsur yang diisi",
                expected=f"NRR setiap unsur: {', '.join(known)}",
                **rows[0].where("unsur"),
            )
