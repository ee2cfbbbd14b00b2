"""Cross-checks between the sheets of a kecamatan, each naming the row to fix."""

from __future__ import annotations

import os
import re
from collections import defaultdict
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from difflib import get_close_matches
from pathlib import Path

from lkjip.formatting import angka, angka_masukan, round_half_up, rupiah
from lkjip.inputs import real
from lkjip.loader import KecamatanData, Row, data_files, load_kecamatan, read_text, shown
from lkjip.memo import Recent, files_digest
from lkjip.metrics.anggaran import BudgetLine, anggaran_tree, stated_differences, unit_of
from lkjip.metrics.capaian import (
    Derivation,
    capaian,
    component_codes,
    derivations,
    derived_value,
    in_force,
    target_rows,
)
from lkjip.metrics.evaluasi import akip_result, component_score, ikm_result
from lkjip.metrics.pembanding import OPD, is_self
from lkjip.narasi import (
    PER_SASARAN,
    SECTIONS,
    narrative_path,
    parse_narrative,
    unknown_anchors,
)
from lkjip.problems import InputError, Problems
from lkjip.rules import Aturan
from lkjip.schema import MEANS
from lkjip.stated import check as check_stated
from lkjip.validate_narrative import Context as NarrativeContext
from lkjip.validate_narrative import lint_narrative
from lkjip.validate_sheets import check_optional_sheets, find_cycles
from lkjip.validate_staff import check_staff

TOLERANCE = Decimal("0.005")
UNIT_DEPTH_MAX = 10  # levels of the organisation chart below the Camat
PARENT_SHEET = {"tujuan": "tujuan", "sasaran": "sasaran"}


@dataclass
class Checked:
    """A kecamatan's data together with every problem found in it."""

    data: KecamatanData
    problems: Problems

    @property
    def ok(self) -> bool:
        return not self.problems.errors


_RECENT: Recent[Checked] = Recent()


def check_kecamatan(
    path: Path, rules: Aturan, tahun: int | None = None, others: Sequence[str] = ()
) -> Checked:
    """Load and cross-check one kecamatan. ``tahun`` is the city config's year, if known;
    ``others`` the names of the city's other kecamatan (the narrative must not name them).
    The result is remembered for the same inputs (see :mod:`lkjip.memo`); treat it as read-only."""
    key = (
        str(real(Path(path))),
        os.getcwd(),  # messages name files relative to the working folder
        files_digest([*data_files(Path(path)), narrative_path(Path(path))]),
        rules.model_dump_json(),
        tahun,
        tuple(others),
    )
    return _RECENT.get(key, lambda: _check(Path(path), rules, tahun, tuple(others)))


def _check(path: Path, rules: Aturan, tahun: int | None, others: tuple[str, ...]) -> Checked:
    data = load_kecamatan(path)
    problems = data.problems
    checks = _Checks(data, rules, tahun or data.tahun, problems)
    checks.others = others
    checks.run(expected_year=tahun)
    return Checked(data, problems)


class _Checks:
    def __init__(self, data: KecamatanData, rules: Aturan, tahun: int | None, problems: Problems):
        self.data, self.rules, self.tahun, self.p = data, rules, tahun, problems
        self.others: tuple[str, ...] = ()  # the city's other kecamatan

    def usable(self, *sheets: str) -> bool:
        return not any(s in self.data.unusable for s in sheets)

    def rows(self, sheet: str) -> list[Row]:
        return self.data.table(sheet) if self.usable(sheet) else []

    def run(self, expected_year: int | None) -> None:
        self.check_year(expected_year)
        self.check_unique()
        self.check_parents()
        self.check_units()
        self.check_names()
        self.check_indicators()
        self.check_money()
        self.check_budget()
        self.check_stated_totals()
        self.check_population()
        self.check_evaluations()
        self.check_nip()
        self.check_narrative()
        check_optional_sheets(self)  # evaluasi_rb, indikator_rb, ipp, abk, dokumentasi
        check_staff(self)  # pegawai or rekap_pegawai, totals against each other, units

    # --- identity and years -------------------------------------------------------------
    def check_year(self, expected: int | None) -> None:
        tahun = self.data.tahun
        profil = self.rows("profil")
        where = {"file": profil[0].source, "sheet": "profil"} if profil else {}
        if expected is not None and tahun is not None and tahun != expected:
            self.p.error(
                "tahun profil berbeda dengan tahun konfigurasi kota",
                found=str(tahun),
                expected=str(expected),
                column="tahun",
                **where,
            )
        if self.tahun is None:
            return
        dated = ("evaluasi_sakip", "ikm", "prestasi", "pembanding", "tindak_lanjut")
        for sheet in (*dated, "evaluasi_rb", "indikator_rb", "ipp"):
            for row in self.rows(sheet):
                year = row.get("tahun")
                if isinstance(year, int) and year > self.tahun:
                    self.p.error(
                        "tahun sesudah tahun laporan",
                        found=str(year),
                        expected=f"paling lambat {self.tahun}",
                        **row.where("tahun"),
                    )
        for row in self.rows("target_realisasi"):
            year = row.get("tahun")
            if isinstance(year, int) and year > self.tahun and row.get("realisasi") is not None:
                self.p.error(
                    "realisasi diisi untuk tahun sesudah tahun laporan",
                    found=str(year),
                    expected=f"realisasi hanya sampai tahun {self.tahun}; tahun depan cukup target",
                    **row.where("realisasi"),
                )

    # --- keys ------------------------------------------------------------------------------
    def _unique(self, sheet: str, key: Callable[[Row], Hashable], label: str, column: str) -> None:
        seen: dict[Hashable, Row] = {}
        for row in self.rows(sheet):
            value = key(row)
            if value is None or (isinstance(value, tuple) and None in value):
                continue
            if value in seen:
                shown = " / ".join(str(v) for v in value) if isinstance(value, tuple) else value
                self.p.error(
                    f"{label} '{shown}' ganda; sudah dipakai di baris {seen[value].line}",
                    **row.where(column),
                )
            else:
                seen[value] = row

    def check_unique(self) -> None:
        self._unique("tujuan", lambda r: r.get("kode"), "kode tujuan", "kode")
        self._unique("sasaran", lambda r: r.get("kode"), "kode sasaran", "kode")
        self._unique("indikator", lambda r: r.get("kode"), "kode indikator", "kode")
        self._unique("unit_organisasi", lambda r: r.get("kode"), "kode unit", "kode")
        self._unique(
            "anggaran",
            lambda r: (r.get("kode"), unit_of(r)),
            "sub kegiatan (kode/unit)",
            "kode",
        )
        self._unique(
            "target_realisasi",
            lambda r: (r.get("indikator"), r.get("tahun")),
            "indikator/tahun",
            "indikator",
        )
        self._unique(
            "evaluasi_sakip",
            lambda r: (r.get("tahun"), str(r.get("komponen") or "").lower()),
            "komponen AKIP per tahun",
            "komponen",
        )
        self._unique(
            "pagu_program", lambda r: r.get("program_kode"), "kode program", "program_kode"
        )
        self._unique(
            "anggaran_kegiatan", lambda r: r.get("kegiatan_kode"), "kode kegiatan", "kegiatan_kode"
        )
        self._unique(
            "belanja",
            lambda r: str(r["kelompok"]).lower() if r.get("kelompok") else None,
            "kelompok belanja",
            "kelompok",
        )
        self._unique(
            "ikm",
            lambda r: (
                (r.get("tahun"), r.get("layanan"), r.get("unsur") or "-")
                if r.get("unsur")
                else None
            ),
            "unsur IKM per layanan dan tahun",
            "unsur",
        )

    def _codes(self, sheet: str, column: str) -> set[str]:
        return {str(r[column]) for r in self.rows(sheet) if r.get(column)}

    def _parent(self, row: Row, column: str, known: set[str], what: str) -> None:
        value = row.get(column)
        if value and str(value) not in known:
            sample = ", ".join(sorted(known)[:8]) or "(belum ada)"
            self.p.error(
                f"{what} '{value}' tidak ditemukan",
                found=str(value),
                expected=f"salah satu kode yang ada: {sample}",
                **row.where(column),
            )

    def check_parents(self) -> None:
        """Every code points at an existing parent. A parent sheet that could not be read
        (missing, or without a required column) has already been reported: its children are not
        checked against it, so one missing column does not cascade into an error per row."""
        tujuan = self._codes("tujuan", "kode")
        sasaran = self._codes("sasaran", "kode")
        indikator = self._codes("indikator", "kode")
        anggaran = self.rows("anggaran")
        kegiatan_rows = self.rows("anggaran_kegiatan")
        program_rows = self.rows("pagu_program")
        budget_rows = [*anggaran, *kegiatan_rows, *program_rows]
        parents = {
            "tujuan": tujuan,
            "sasaran": sasaran,
            "program": {str(r.get("program_kode")) for r in budget_rows},
            "kegiatan": {str(r.get("kegiatan_kode")) for r in [*anggaran, *kegiatan_rows]},
            "subkegiatan": {str(r.get("kode")) for r in anggaran},
        }
        sheet_of = {level: PARENT_SHEET.get(level, "anggaran") for level in parents}
        units_of: dict[object, set[str]] = defaultdict(set)  # sub kegiatan → its units
        for r in anggaran:
            units_of[r.get("kode")].add(unit_of(r))
        if self.usable("tujuan"):
            for row in self.rows("sasaran"):
                self._parent(row, "tujuan", tujuan, "kode tujuan induk")
        for row in self.rows("indikator"):
            level = row.get("level")
            if level not in parents or not self.usable(sheet_of[level]):  # type: ignore[index]
                continue
            if level in PARENT_SHEET or budget_rows:
                self._parent(row, "induk", parents[level], f"induk {level}")  # type: ignore[index]
            if level == "subkegiatan" and row.get("unit"):
                units = units_of.get(row.get("induk"), set())
                if units and row["unit"] not in units:
                    self.p.error(
                        f"sub kegiatan '{row.get('induk')}' tidak dilaksanakan unit ini",
                        found=str(row["unit"]),
                        expected="salah satu unit di sheet anggaran: " + ", ".join(sorted(units)),
                        **row.where("unit"),
                    )
        if self.usable("indikator"):
            for sheet in ("target_realisasi", "pembanding", "dokumentasi"):
                for row in self.rows(sheet):
                    self._parent(row, "indikator", indikator, "kode indikator")
        if self.usable("sasaran"):
            for row in budget_rows:
                self._parent(row, "sasaran", sasaran, "kode sasaran")
        if self.usable("anggaran", "anggaran_kegiatan", "pagu_program"):
            for row in self.rows("dokumentasi"):
                self._parent(row, "program_kode", parents["program"], "kode program")
        units = self._codes("unit_organisasi", "kode")
        for row in self.rows("unit_organisasi"):
            self._parent(row, "induk", units, "kode unit induk")
        complete = self.usable("anggaran", "anggaran_kegiatan", "pagu_program")
        if complete and budget_rows and sasaran and all(not r.get("sasaran") for r in budget_rows):
            self.p.warning(
                "tidak ada sub kegiatan (atau kegiatan/program) yang dipetakan ke sasaran; "
                "efisiensi per sasaran tidak dapat dihitung",
                file=budget_rows[0].source,
                sheet=budget_rows[0].sheet,
                column="sasaran",
            )
        self._single_parent("kegiatan_kode", "program_kode", "kegiatan", "program")
        self._single_parent("kode", "kegiatan_kode", "sub kegiatan", "kegiatan")

    def _single_parent(self, column: str, parent: str, what: str, parent_what: str) -> None:
        """In anggaran (and anggaran_kegiatan) a kegiatan belongs to one program, a sub kegiatan
        to one kegiatan."""
        first: dict[str, Row] = {}
        for row in [*self.rows("anggaran"), *self.rows("anggaran_kegiatan")]:
            code, owner = row.get(column), row.get(parent)
            if not code or not owner:
                continue
            seen = first.setdefault(str(code), row)
            if seen[parent] != owner:
                self.p.error(
                    f"kode {what} '{code}' di bawah {parent_what} '{owner}', padahal di baris "
                    f"{seen.line} di bawah {parent_what} '{seen[parent]}'",
                    found=str(owner),
                    expected=f"{seen[parent]}: satu {what} hanya milik satu {parent_what}",
                    **row.where(parent),
                )

    def check_units(self) -> None:
        """The organisation chart is a tree: no unit is its own parent, no units are each
        other's parents (the chart would have no top), and it is not absurdly deep."""
        by_code = {str(r["kode"]): r for r in self.rows("unit_organisasi") if r.get("kode")}
        parents = {code: str(row.get("induk") or "") for code, row in by_code.items()}
        cycles = find_cycles(parents)
        for cycle in cycles:
            first = by_code[cycle[0]]
            if len(cycle) == 1:
                self.p.error(
                    f"unit '{cycle[0]}' menginduk ke dirinya sendiri",
                    found=cycle[0],
                    expected="kode unit atasannya, atau kosong untuk unit puncak (Camat)",
                    **first.where("induk"),
                )
                continue
            lines = ", ".join(str(by_code[c].line) for c in cycle)
            self.p.error(
                "unit saling menginduk (melingkar): "
                + " → ".join([*cycle, cycle[0]])
                + f" (baris {lines})",
                expected="satu unit puncak (Camat) tanpa induk; unit lain menginduk ke atasannya",
                **first.where("induk"),
            )
        if not cycles:
            self._unit_depth(by_code, parents)

    def _unit_depth(self, by_code: dict[str, Row], parents: dict[str, str]) -> None:
        for code, row in by_code.items():
            depth, current = 0, code
            while parents.get(current) in by_code:
                depth, current = depth + 1, parents[current]
            if depth > UNIT_DEPTH_MAX:
                self.p.error(
                    f"susunan unit terlalu dalam: unit '{code}' berada {depth} tingkat di "
                    "bawah unit puncak",
                    expected=f"paling banyak {UNIT_DEPTH_MAX} tingkat",
                    **row.where("induk"),
                )
                return

    def check_names(self) -> None:
        for code_col, name_col, what in (
            ("program_kode", "program", "program"),
            ("kegiatan_kode", "kegiatan", "kegiatan"),
        ):
            first: dict[str, Row] = {}
            sheets = ("anggaran", "anggaran_kegiatan", "pagu_program")[
                : 3 if what == "program" else 2
            ]
            for row in [r for sheet in sheets for r in self.rows(sheet)]:
                code, name = row.get(code_col), row.get(name_col)
                if not code or not name:
                    continue
                if code not in first:
                    first[code] = row  # type: ignore[index]
                elif str(first[code][name_col]).lower() != str(name).lower():  # type: ignore[index]
                    self.p.error(
                        f"kode {what} '{code}' bernama lain di baris {first[code].line}",  # type: ignore[index]
                        found=str(name),
                        expected=str(first[code][name_col]),  # type: ignore[index]
                        **row.where(name_col),
                    )

    # --- indicators -------------------------------------------------------------------------
    def check_indicators(self) -> None:
        for row in self.rows("indikator"):
            if row.get("target_akhir") == 0:
                self.p.error(
                    "target akhir 0: capaian terhadap target akhir Renstra tidak dapat dihitung "
                    "(pembagian dengan nol)",
                    found="0",
                    expected="target akhir bukan nol, atau kosongkan bila tidak ada",
                    **row.where("target_akhir"),
                )
        if not self.usable("indikator", "target_realisasi") or self.tahun is None:
            return
        values = {(r.get("indikator"), r.get("tahun")): r for r in self.rows("target_realisasi")}
        for row in self.rows("target_realisasi"):
            if row.get("target") == 0:
                self.p.error(
                    "target 0: capaian tidak dapat dihitung (pembagian dengan nol)",
                    found="0",
                    expected="target bukan nol; hapus indikator yang tidak ditargetkan tahun ini",
                    **row.where("target"),
                )
        if self.rules.capaian_turun == "target_per_realisasi":
            falling = {
                r.get("kode") for r in self.rows("indikator") if r.get("polaritas") == "turun"
            }
            for row in self.rows("target_realisasi"):
                if row.get("indikator") in falling and row.get("realisasi") == 0:
                    self.p.warning(
                        f"realisasi 0 pada indikator '{row['indikator']}' yang makin rendah makin "
                        "baik: capaian target/realisasi tidak dapat dihitung dan tampil '-'",
                        found="0",
                        expected="realisasi bukan nol, atau aturan capaian_turun: dua_kali_target "
                        "di konfigurasi kota",
                        **row.where("realisasi"),
                    )
        in_force_now = [
            r for r in self.rows("indikator") if r.get("kode") and in_force(r, self.tahun)
        ]
        computed = target_rows(self.data, self.rules)  # a mean of others is computed
        for row in in_force_now:
            value = values.get((row["kode"], self.tahun))
            if value is None:
                tr = self.rows("target_realisasi")
                self.p.error(
                    f"indikator '{row['kode']}' tidak punya target dan realisasi tahun {self.tahun}",
                    file=tr[0].source if tr else row.source,
                    sheet="target_realisasi",
                    expected=f"baris indikator={row['kode']}, tahun={self.tahun}",
                )
                continue
            if value.get("target") is None and "target" not in value.unreadable:
                self.p.error(
                    f"target tahun {self.tahun} indikator '{row['kode']}' kosong",
                    **value.where("target"),
                    expected="target tahun laporan (hanya tahun-tahun sebelumnya yang boleh "
                    "tanpa target)",
                )
            derived = computed.get((row["kode"], self.tahun), {}).get("realisasi")
            if derived is None and "realisasi" not in value.unreadable:
                self.p.error(
                    f"realisasi tahun {self.tahun} indikator '{row['kode']}' kosong",
                    **value.where("realisasi"),
                    expected="angka realisasi (isi 0 bila memang nol)",
                )
            if row.get("iku") and row.get("level") != "sasaran":
                self.p.warning(
                    "hanya indikator tingkat sasaran yang dapat menjadi IKU", **row.where("iku")
                )
        if self.usable("sasaran") and not any(r.get("level") == "sasaran" for r in in_force_now):
            rows = self.rows("indikator")
            self.p.error(
                f"tidak ada indikator sasaran (IKU) yang berlaku tahun {self.tahun}",
                file=rows[0].source if rows else str(self.data.path),
                sheet="indikator",
                column="level",
                expected="minimal satu indikator dengan level 'sasaran'",
            )

    # --- money ------------------------------------------------------------------------------
    def check_money(self) -> None:
        """Amounts of one row against each other (negative or absurd amounts are rejected when
        the cells are read: lkjip.schema.KIND_RANGE)."""
        # A TW sum with a cell that could not be read would be a second, misleading error.
        summed = {"pagu_murni", "pagu", *(f"tw{q}" for q in range(1, 5))}
        for row in self.rows("anggaran"):
            tws = [row.get(f"tw{q}") for q in range(1, 5)]
            if any(isinstance(t, int) for t in tws) and not row.unreadable & summed:
                basis = "pagu_murni" if isinstance(row.get("pagu_murni"), int) else "pagu"
                total = sum(t for t in tws if isinstance(t, int))
                if isinstance(row.get(basis), int) and total != row[basis]:
                    self.p.error(
                        f"jumlah alokasi TW1–TW4 ({rupiah(total)}) tidak sama dengan {basis}",
                        found=rupiah(total),
                        expected=rupiah(row[basis]),  # type: ignore[arg-type]
                        **row.where("tw1"),
                    )
        for sheet in ("anggaran", "anggaran_kegiatan", "pagu_program", "belanja"):
            for row in self.rows(sheet):
                pagu, realisasi = row.get("pagu"), row.get("realisasi")
                if isinstance(pagu, int) and isinstance(realisasi, int) and realisasi > pagu:
                    self.p.warning(
                        "realisasi melebihi pagu",
                        found=rupiah(realisasi),
                        expected=f"paling banyak {rupiah(pagu)}",
                        **row.where("realisasi"),
                    )

    # --- budget at the level it was entered ----------------------------------------------
    def check_budget(self) -> None:
        """The budget tree (:mod:`lkjip.metrics.anggaran`): every amount stated on a row of its own
        (kegiatan, program, kelompok belanja, profil totals) equals the sum below it; within one
        kegiatan, program or the whole budget an amount is given for every part or for none;
        every program has a name and a pagu; the realisasi is known at some level."""
        sheets = ("anggaran", "anggaran_kegiatan", "pagu_program", "belanja", "profil")
        if not self.usable(*sheets) or not any(self.rows(s) for s in sheets[:4]):
            return
        total = anggaran_tree(self.data, self.rules)
        for difference in stated_differences(total):
            line, stated = difference.line, difference.stated
            murni = stated.column == "pagu_murni"
            if stated.what:
                message = f"{stated.what} tidak sama dengan jumlah {stated.column} yang dihitung"
                basis = "dihitung dari " + _basis_sheet(
                    stated.basis or line.basis.get(stated.column)
                )
            else:
                below = (
                    "sub kegiatannya" if line.basis.get("pagu") == "subkegiatan" else "kegiatannya"
                )
                message = (
                    f"{stated.column} {line.level} '{line.kode}' tidak sama dengan jumlah {below}"
                )
                basis = "jumlah " + _basis_sheet(line.basis.get("pagu" if murni else stated.column))
            check_stated(
                self.p, stated.row, stated.cell or stated.column, stated.value, difference.computed,
                message, basis, money=True,
            )  # fmt: skip
        for line in total.walk():
            for column, lacking in line.lacking.items():
                for child in lacking:
                    if column not in child.lacking:  # else the cause below is reported
                        self._lacking(line, child, column)
        self._program_names(total)
        if total.pagu is not None and total.realisasi is None and not total.lacking:
            first = next(self.rows(s)[0] for s in sheets[:4] if self.rows(s))
            self.p.error(
                "realisasi anggaran tidak tersedia pada tingkat mana pun",
                file=first.source,
                sheet=first.sheet,
                expected="realisasi per sub kegiatan (anggaran), per kegiatan (anggaran_kegiatan), "
                "per program (pagu_program) atau per kelompok belanja (sheet belanja)",
            )

    def _lacking(self, parent: BudgetLine, child: BudgetLine, column: str) -> None:
        """``child`` has no ``column`` while its siblings have one."""
        row = next((x.row or x.rows[0] for x in child.walk() if x.row or x.rows), None)
        if row is None:
            return
        if child.level == "subkegiatan":
            self.p.error(
                f"{column} sub kegiatan kosong, padahal sub kegiatan lain di kegiatan "
                f"'{parent.kode}' diisi",
                expected=f"{column} semua sub kegiatan kegiatan ini, atau kosongkan semuanya dan "
                f"isi {column} kegiatan di sheet anggaran_kegiatan",
                **row.where(column),
            )
            return
        others = (
            "program lain"
            if child.level == "program"
            else f"kegiatan lain di program '{parent.kode}'"
        )
        where = "sheet pagu_program" if child.level == "program" else "sheet anggaran_kegiatan"
        self.p.error(
            f"{child.level} '{child.kode}' tidak memiliki {column}, padahal {others} memilikinya",
            expected=f"{column} pada sub kegiatannya (sheet anggaran) atau pada {child.level} ini "
            f"({where})",
            **row.where(column),
        )

    def _program_names(self, total: BudgetLine) -> None:
        """A program given only in pagu_program needs its name there; one given only there while
        other programs have sub kegiatan with amounts may be a mistyped code (warning)."""
        listed = {
            str(r.get("program_kode"))
            for sheet in ("anggaran", "anggaran_kegiatan")
            for r in self.rows(sheet)
            if r.get("program")
        }
        detailed = any(line.basis.get("pagu") == "subkegiatan" for line in total.children)
        for row in self.rows("pagu_program"):
            code = str(row.get("program_kode") or "")
            if not code or code in listed:
                continue
            if not row.get("program"):
                self.p.error(
                    f"program '{code}' tidak ada di sheet anggaran/anggaran_kegiatan dan namanya "
                    "kosong",
                    expected="nama program di kolom program",
                    **row.where("program"),
                )
            if detailed and self.rows("anggaran"):
                self.p.warning(
                    f"program '{code}' hanya ada di sheet pagu_program (tanpa sub kegiatan); "
                    "dicantumkan dengan anggaran per program",
                    found=code,
                    expected="kode program yang ada di sheet anggaran, bila salah ketik",
                    **row.where("program_kode"),
                )

    # --- stated totals ----------------------------------------------------------------------
    def check_stated_totals(self) -> None:
        wilayah = self.rows("wilayah")
        profil_rows = self.rows("profil")
        if wilayah and profil_rows:
            by_key = {str(r.get("kunci")).lower(): r for r in profil_rows}
            for key, jenis in (("jumlah_desa", "desa"), ("jumlah_kelurahan", "kelurahan")):
                stated = self.data.profil.get(key)
                count = sum(1 for r in wilayah if r.get("jenis") == jenis)
                if isinstance(stated, int) and stated != count:
                    self.p.error(
                        f"{key} tidak sama dengan banyaknya {jenis} di sheet wilayah",
                        found=str(stated),
                        expected=str(count),
                        **by_key[key].where("nilai"),
                    )
            stated = self.data.profil.get("jumlah_penduduk")
            people = [(r.get("penduduk_l"), r.get("penduduk_p")) for r in wilayah]
            if isinstance(stated, int) and all(isinstance(v, int) for pair in people for v in pair):
                total = sum(a + b for a, b in people)  # type: ignore[operator]
                if total != stated:
                    self.p.error(
                        "jumlah_penduduk tidak sama dengan jumlah penduduk di sheet wilayah",
                        found=angka(stated, 0),
                        expected=angka(total, 0),
                        **by_key["jumlah_penduduk"].where("nilai"),
                    )
            if isinstance(self.data.profil.get("luas_km2"), Decimal):
                self._check_area(wilayah, by_key["luas_km2"])

    def check_population(self) -> None:
        """The kecamatan's men and women (``jumlah_penduduk_l``/``_p``): both or neither, their
        sum equal to ``jumlah_penduduk``, each equal to the sum of the wilayah rows when those
        give every desa/kelurahan's figures."""
        by_key = {str(r.get("kunci")).lower(): r for r in self.rows("profil")}
        profil = self.data.profil
        men, women = profil.get("jumlah_penduduk_l"), profil.get("jumlah_penduduk_p")
        given = [
            k for k in ("jumlah_penduduk_l", "jumlah_penduduk_p") if isinstance(profil.get(k), int)
        ]
        if len(given) == 1:
            other = ({"jumlah_penduduk_l", "jumlah_penduduk_p"} - set(given)).pop()
            self.p.warning(
                f"{given[0]} diisi tanpa {other}; penduduk menurut jenis kelamin tidak dicetak",
                expected="kedua kunci diisi, atau keduanya kosong",
                **by_key[given[0]].where("nilai"),
            )
            return
        if len(given) < 2:
            return
        total = profil.get("jumlah_penduduk")
        if isinstance(total, int) and total != men + women:  # type: ignore[operator]
            self.p.error(
                "jumlah_penduduk tidak sama dengan jumlah_penduduk_l + jumlah_penduduk_p",
                found=angka(total, 0),
                expected=angka(men + women, 0),  # type: ignore[operator]
                **by_key["jumlah_penduduk"].where("nilai"),
            )
        wilayah = self.rows("wilayah")
        for key, column in (
            ("jumlah_penduduk_l", "penduduk_l"),
            ("jumlah_penduduk_p", "penduduk_p"),
        ):
            values = [r.get(column) for r in wilayah]
            if not values or not all(isinstance(v, int) for v in values):
                continue
            counted = sum(values)  # type: ignore[arg-type]
            if counted != profil[key]:
                self.p.error(
                    f"{key} tidak sama dengan jumlah kolom {column} di sheet wilayah",
                    found=angka(profil[key], 0),  # type: ignore[arg-type]
                    expected=angka(counted, 0),
                    **by_key[key].where("nilai"),
                )

    def _check_area(self, wilayah: list[Row], stated_row: Row) -> None:
        """profil.luas_km2 against the sum of the wilayah areas. Each figure may have been
        rounded to the decimals it is written with; a difference beyond that is an error. When
        only some areas are filled in, their sum must not already exceed the stated total."""
        stated: Decimal = self.data.profil["luas_km2"]  # type: ignore[assignment]
        areas = [r.get("luas_km2") for r in wilayah]
        known = [a for a in areas if isinstance(a, Decimal)]
        if not known:
            return

        def half_unit(value: Decimal) -> Decimal:
            return Decimal(5).scaleb(min(0, value.as_tuple().exponent) - 1)  # type: ignore[operator]

        total = sum(known, Decimal(0))
        slack = half_unit(stated) + sum((half_unit(a) for a in known), Decimal(0))
        places = max(2, -min(0, stated.as_tuple().exponent))  # type: ignore[operator]
        complete = len(known) == len(areas)
        if complete and abs(total - stated) > slack:
            self.p.error(
                "luas_km2 tidak sama dengan jumlah luas desa/kelurahan di sheet wilayah",
                found=angka(stated, places),
                expected=f"{angka(total, places)} (jumlah kolom luas_km2 sheet wilayah)",
                **stated_row.where("nilai"),
            )
        elif not complete and total - stated > slack:
            self.p.error(
                "luas_km2 lebih kecil daripada jumlah luas desa/kelurahan yang diisi di sheet "
                "wilayah",
                found=angka(stated, places),
                expected=f"paling sedikit {angka(total, places)}",
                **stated_row.where("nilai"),
            )

    # --- evaluation scores ------------------------------------------------------------------
    def check_evaluations(self) -> None:
        rows = self.rows("evaluasi_sakip")
        by_year: dict[int, list[Row]] = defaultdict(list)
        for row in rows:
            if isinstance(row.get("tahun"), int):
                by_year[row["tahun"]].append(row)  # type: ignore[index]
            bobot, nilai = row.get("bobot"), component_score(row, self.rules)
            if isinstance(bobot, Decimal) and nilai is not None and nilai > bobot:
                self.p.error(
                    "nilai komponen AKIP melebihi bobotnya",
                    found=angka(nilai),
                    expected=f"paling tinggi {angka(bobot)}",
                    **row.where("nilai"),
                )
            if (
                row.get("nilai") is not None
                and row.get("nilai_lke") is not None
                and row.get("nilai_lapangan") is not None
                and self.rules.akip_bobot_lke is not None
            ):
                stated = row["nilai"]
                computed = component_score({**row, "nilai": None}, self.rules)  # type: ignore[arg-type]
                if computed is not None and abs(round_half_up(computed) - stated) > TOLERANCE:  # type: ignore[operator]
                    self.p.warning(
                        "nilai komponen AKIP tidak sesuai bobot LKE/lapangan pada aturan",
                        found=angka(stated),  # type: ignore[arg-type]
                        expected=angka(computed),
                        **row.where("nilai"),
                    )
        weights_of = {name.lower(): weight for name, weight in self.rules.akip_komponen.items()}
        for row in rows:
            name, bobot = str(row.get("komponen") or ""), row.get("bobot")
            if name and name.lower() not in weights_of:
                self.p.warning(
                    "komponen AKIP tidak dikenal aturan yang berlaku",
                    found=name,
                    expected="salah satu dari: " + ", ".join(self.rules.akip_komponen),
                    **row.where("komponen"),
                )
            elif isinstance(bobot, Decimal) and name and bobot != weights_of[name.lower()]:
                self.p.warning(
                    "bobot komponen AKIP berbeda dengan aturan yang berlaku",
                    found=angka(bobot),
                    expected=angka(weights_of[name.lower()]),
                    **row.where("bobot"),
                )
        for year, members in by_year.items():
            weights = [r["bobot"] for r in members if isinstance(r.get("bobot"), Decimal)]
            if len(weights) == len(members) and sum(weights) != 100:
                self.p.warning(
                    f"jumlah bobot komponen AKIP tahun {year} bukan 100",
                    found=angka(sum(weights)),
                    expected="100",
                    **members[0].where("bobot"),
                )
        for row in self.rows("ikm"):
            nrr, nilai = row.get("nrr"), row.get("nilai")
            if isinstance(nrr, Decimal) and not 1 <= nrr <= 4:
                self.p.error(
                    "NRR di luar skala 1–4",
                    found=angka(nrr),
                    expected="1 sampai 4",
                    **row.where("nrr"),
                )
            if isinstance(nilai, Decimal) and not 25 <= nilai <= 100:
                self.p.error(
                    "nilai IKM di luar skala 25–100",
                    found=angka(nilai),
                    expected="25 sampai 100",
                    **row.where("nilai"),
                )
        self.check_computed_indicators()
        self.check_means()
        self.check_stated_capaian()
        self.check_comparators()

    def check_computed_indicators(self) -> None:
        """An indicator computed from evaluasi_sakip or ikm must state the same realisasi."""
        values = self.rows("target_realisasi")
        for indicator in self.rows("indikator"):
            source = indicator.get("dihitung_dari")
            if source not in ("akip", "ikm"):  # ipp: lkjip.validate_sheets
                continue
            for row in values:
                if row.get("indikator") != indicator.get("kode") or row.get("realisasi") is None:
                    continue
                year = row["tahun"]
                if source == "akip":
                    result = akip_result(self.data, self.rules, year)  # type: ignore[arg-type]
                    computed, sheet = (result.nilai if result else None), "evaluasi_sakip"
                else:
                    ikm = ikm_result(self.data, self.rules, year)  # type: ignore[arg-type]
                    computed, sheet = (ikm.nilai if ikm else None), "ikm"
                if computed is None:
                    continue
                stated: Decimal = row["realisasi"]  # type: ignore[assignment]
                if abs(round_half_up(computed) - stated) > TOLERANCE:
                    self.p.error(
                        f"realisasi berbeda dengan nilai yang dihitung dari sheet {sheet} tahun {year}",
                        found=angka(stated),
                        expected=angka(computed),
                        **row.where("realisasi"),
                    )

    def check_means(self) -> None:
        """An indicator computed as the mean of others (``dihitung_dari: rata_rata`` /
        ``rata_rata_capaian``): its komponen exist and do not lead back to it; an entered
        realisasi equals the computed mean."""
        if not self.usable("indikator"):
            return
        codes = self._codes("indikator", "kode")
        means = derivations(self.data)
        for row in self.rows("indikator"):
            kode, listed = str(row.get("kode") or ""), row.get("komponen")
            if row.get("dihitung_dari") not in MEANS:
                if listed:
                    self.p.warning(
                        "komponen diisi, tetapi dihitung_dari bukan rata_rata atau "
                        "rata_rata_capaian; komponen diabaikan",
                        **row.where("komponen"),
                    )
                continue
            parts = component_codes(listed)
            if not parts:
                self.p.error(
                    "indikator rata-rata tanpa komponen",
                    expected="kode indikator yang dirata-ratakan, dipisah koma (mis. IKU1, IKU2)",
                    **row.where("komponen"),
                )
            for code in parts:
                if code not in codes:
                    self.p.error(
                        f"kode indikator komponen '{code}' tidak ditemukan",
                        found=code,
                        expected="kode indikator di sheet indikator",
                        **row.where("komponen"),
                    )
            if kode in _reachable(kode, means):
                self.p.error(
                    f"indikator '{kode}' menjadi komponen dari dirinya sendiri (melingkar)",
                    found=str(listed),
                    expected="komponen yang tidak dihitung dari indikator ini",
                    **row.where("komponen"),
                )
        if self.tahun is None or not self.usable("target_realisasi"):
            return
        for row in self.rows("target_realisasi"):
            kode, stated = str(row.get("indikator") or ""), row.get("realisasi")
            if kode not in means or not isinstance(stated, Decimal):
                continue
            computed = derived_value(self.data, self.rules, kode, row["tahun"], means)  # type: ignore[arg-type]
            if computed is None:
                continue
            what = "capaian" if means[kode].cara == "rata_rata_capaian" else "realisasi"
            parts = ", ".join(means[kode].komponen)
            check_stated(
                self.p, row, "realisasi", stated, computed,
                f"realisasi berbeda dengan rata-rata {what} komponennya tahun {row['tahun']}",
                f"rata-rata {what} {parts}",
            )  # fmt: skip

    def check_stated_capaian(self) -> None:
        """``capaian_tertulis``: the capaian a document states, against the computed one."""
        if not self.usable("indikator", "target_realisasi"):
            return
        polarity = {
            str(r.get("kode")): str(r.get("polaritas") or "naik") for r in self.rows("indikator")
        }
        values = target_rows(self.data, self.rules)
        for row in self.rows("target_realisasi"):
            stated = row.get("capaian_tertulis")
            if not isinstance(stated, Decimal):
                continue
            kode, year = str(row.get("indikator")), row.get("tahun")
            used = values.get((kode, year), row)  # type: ignore[call-overload]
            target, realisasi = used.get("target"), used.get("realisasi")
            rule = polarity.get(kode, "naik")
            computed = capaian(target, realisasi, rule, self.rules)
            if computed is None:
                self.p.warning(
                    "capaian tertulis tidak dapat dicocokkan: capaian tidak dapat dihitung",
                    found=angka_masukan(stated),
                    expected="target dan realisasi tahun yang sama",
                    **row.where("capaian_tertulis"),
                )
                continue
            check_stated(
                self.p, row, "capaian_tertulis", stated, computed,
                f"capaian tertulis indikator '{kode}' tahun {year} tidak sama dengan capaian yang "
                "dihitung",
                _capaian_formula(target, realisasi, rule, self.rules),
            )  # fmt: skip

    def check_comparators(self) -> None:
        """``pembanding`` of level perangkat_daerah: each names its perangkat daerah, once per
        indicator and year; a row naming the kecamatan itself states its realisasi."""
        rows = [r for r in self.rows("pembanding") if r.get("level") == OPD]
        self._unique(
            "pembanding",
            lambda r: (
                (r.get("indikator"), r.get("tahun"), " ".join(str(r["nama"]).lower().split()))
                if r.get("level") == OPD and r.get("nama")
                else None
            ),
            "perangkat daerah per indikator dan tahun",
            "nama",
        )
        values = target_rows(self.data, self.rules) if self.usable("target_realisasi") else {}
        for row in rows:
            if not row.get("nama"):
                self.p.error(
                    "nama perangkat daerah kosong",
                    expected="nama perangkat daerah yang nilainya dibandingkan",
                    **row.where("nama"),
                )
                continue
            own = values.get((row.get("indikator"), row.get("tahun")), {})  # type: ignore[call-overload]
            realisasi, stated = own.get("realisasi"), row.get("nilai")
            if (
                is_self(row["nama"], self.data.nama)
                and isinstance(stated, Decimal)
                and (isinstance(realisasi, Decimal))
            ):
                check_stated(
                    self.p, row, "nilai", stated, realisasi,
                    "nilai kecamatan ini di antara perangkat daerah tidak sama dengan realisasinya",
                    f"realisasi {row.get('indikator')} tahun {row.get('tahun')}",
                )  # fmt: skip

    # --- narrative ------------------------------------------------------------------------------
    def check_narrative(self) -> None:
        """narasi.md: readable (non-UTF-8 is read with a warning), only known sections, and
        free of template residue, other kecamatan's names and far-off years (warnings:
        :mod:`lkjip.validate_narrative`)."""
        path = narrative_path(self.data.path)
        if not path.exists():
            return
        try:
            text = read_text(path, self.p)
        except InputError as exc:
            self.p.error(str(exc).split(": ", 1)[-1], file=shown(path))
            return
        sections = parse_narrative(text)
        known = [*SECTIONS, *(f"{base}-N" for base in PER_SASARAN)]
        for anchor in unknown_anchors(sections):
            close = get_close_matches(anchor, [k.replace("-N", "-1") for k in known], n=1)
            self.p.warning(
                f"bagian '## {anchor}' tidak dikenal; isinya tidak masuk laporan",
                file=shown(path),
                found=anchor,
                expected=f"'{close[0]}'"
                if close
                else "salah satu dari: " + ", ".join(known) + " (N = nomor sasaran)",
            )
        lint_narrative(path, text, self.narrative_context(), self.p)

    def narrative_context(self) -> NarrativeContext:
        """The names and years the narrative is compared with."""
        own = [self.data.nama, *(str(r["nama"]) for r in self.rows("wilayah") if r.get("nama"))]
        periods = [
            (int(a), int(b))
            for a, b in re.findall(
                r"(\d{4})\s*[-–/]\s*(\d{4})", str(self.data.profil.get("periode_renstra") or "")
            )
        ]
        others = [name for name in self.others if name.lower() != self.data.nama.lower()]
        return NarrativeContext(self.tahun, own, others, periods)

    def check_nip(self) -> None:
        def digits(value: object) -> str:
            return "".join(str(value).split())

        for row in self.rows("pegawai"):
            nip = row.get("nip")
            if nip and not (digits(nip).isdigit() and len(digits(nip)) == 18):
                self.p.warning(
                    "NIP bukan 18 digit",
                    found=str(nip),
                    expected="18 digit angka",
                    **row.where("nip"),
                )
        nip = self.data.profil.get("camat_nip")
        if nip and not (digits(nip).isdigit() and len(digits(nip)) == 18):
            key = next((r for r in self.rows("profil") if r.get("kunci") == "camat_nip"), None)
            where = key.where("nilai") if key else {}
            self.p.warning(
                "NIP Camat bukan 18 digit", found=str(nip), expected="18 digit angka", **where
            )


def _basis_sheet(basis: str | None) -> str:
    """Where an amount computed from ``basis`` (a level) comes from, for messages: "sheet
    anggaran"."""
    return {
        "subkegiatan": "sheet anggaran",
        "kegiatan": "sheet anggaran_kegiatan",
        "program": "sheet pagu_program",
        "belanja": "sheet belanja",
    }.get(basis or "", "data anggaran")


def _reachable(kode: str, means: dict[str, Derivation]) -> set[str]:
    """Every indicator the mean ``kode`` is computed from, directly or through other means."""
    seen: set[str] = set()
    todo = list(means[kode].komponen) if kode in means else []
    while todo:
        code = todo.pop()
        if code in seen:
            continue
        seen.add(code)
        todo += list(means[code].komponen) if code in means else []
    return seen


def _capaian_formula(target: object, realisasi: object, polaritas: str, rules: Aturan) -> str:
    """How a capaian was computed, for messages: "realisasi 84,84 ÷ target 81 × 100"."""
    t, r = angka_masukan(target), angka_masukan(realisasi)  # type: ignore[arg-type]
    if polaritas != "turun":
        return f"realisasi {r} ÷ target {t} × 100"
    if rules.capaian_turun == "dua_kali_target":
        return f"(2 × target {t} − realisasi {r}) ÷ target {t} × 100"
    return f"target {t} ÷ realisasi {r} × 100"
