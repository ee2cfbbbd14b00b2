"""Shapes of data (lkjip sample --varian): kabupaten, rekap-pegawai and the others."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from lkjip.sample.anggaran import GAJI
from lkjip.sample.pegawai import _Person

if TYPE_CHECKING:  # the builder mixes in the variants, so it is imported for typing only
    from lkjip.sample.builder import _Builder


class _Variants:
    """Reshapes a built kecamatan for a variant."""

    # --- variants (lkjip sample --varian; the demo kecamatan's own) --------------------------
    def as_kabupaten(self) -> None:
        """A kecamatan of a kabupaten: desa instead of kelurahan, their population given only
        for the whole kecamatan (profil jumlah_penduduk_l/_p)."""
        header, rows = self.k.sheets["profil"]
        men = sum(int(w["l"]) for w in self.wilayah)  # type: ignore[call-overload]
        women = sum(int(w["p"]) for w in self.wilayah)  # type: ignore[call-overload]
        profil = []
        for key, value in rows:
            profil.append(["jumlah_desa" if key == "jumlah_kelurahan" else key, value])
            if key == "jumlah_penduduk":
                profil += [["jumlah_penduduk_l", str(men)], ["jumlah_penduduk_p", str(women)]]
        self.k.sheets["profil"] = (header, profil)
        header, rows = self.k.sheets["wilayah"]
        keep = [i for i, name in enumerate(header) if name not in ("penduduk_l", "penduduk_p")]
        wilayah = [[("desa" if i == 1 else row[i]) for i in keep] for row in rows]
        self.k.sheets["wilayah"] = ([header[i] for i in keep], wilayah)

    def as_staff_totals(self) -> None:
        """Staff given as totals (sheet rekap_pegawai instead of pegawai): per dimension,
        kelompok and unit (blank = kantor kecamatan), as a kecamatan without a list of names
        reports them. Pegawai without golongan (non-ASN) are one kelompok of that dimension."""
        counts: dict[tuple[str, str, str], int] = {}
        for dimensi in _REKAP_DIMENSIONS:
            for person in self.staff:
                unit = "" if person.unit == "Kecamatan" else person.unit
                key = (dimensi, _rekap_group(person, dimensi), unit)
                counts[key] = counts.get(key, 0) + 1
        rows = [[d, k, u, str(n)] for (d, k, u), n in counts.items()]
        del self.k.sheets["pegawai"]
        self.k.sheets["rekap_pegawai"] = (["dimensi", "kelompok", "unit", "jumlah"], rows)

    def as_month_signature(self) -> None:
        """The report signed in a month, without a day ("Februari 2025"), and without the
        Camat's pangkat."""
        header, rows = self.k.sheets["profil"]
        profil = []
        for key, value in rows:
            if key == "tanggal_ttd":
                day = date.fromisoformat(value)
                value = f"{_MONTH_NAMES[day.month - 1]} {day.year}"
            if key != "camat_pangkat":
                profil.append([key, value])
        self.k.sheets["profil"] = (header, profil)


VARIANTS = ("stres", "kabupaten", "rekap-pegawai", "tanda-tangan-bulan", "anggaran-program")
"""Shapes of data ``lkjip sample --varian`` gives every kecamatan: ``stres`` (long names, many
sub-kegiatan, a budget above Rp 1 triliun), ``kabupaten`` (Kabupaten Contoh: desa, Bupati,
Perbup; population by sex for the whole kecamatan only), ``rekap-pegawai`` (staff as totals per
dimension, with kelurahan units), ``tanda-tangan-bulan`` (signed "Februari 2025", no pangkat),
``anggaran-program`` (pagu per program only, realisasi per kelompok belanja).
A 2021 report year is ``--tahun 2021``."""
_DEMO_VARIANTS = {3: "anggaran-program", 4: "tanda-tangan-bulan", 5: "rekap-pegawai"}
"""The shapes the demo kecamatan (the first six) show by themselves, whatever the variant, so
that the bundled city carries each kecamatan-level shape (as _DEMO_THEMES does the sasaran)."""
_KABUPATEN = "Kabupaten Contoh"
_KABUPATEN_SLUG = "kabupaten-contoh"
_KABUPATEN_FIRST = ("Wanareja", "Sindangbarang", "Pagerageung")


_REKAP_DIMENSIONS = ("kategori", "pendidikan", "golongan", "jenis_kelamin", "jabatan")
_MONTH_NAMES = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
    "Oktober", "November", "Desember",
)  # fmt: skip
# Words of a kota and what a kabupaten says instead (the program and kegiatan names of the
# Kepmendagri catalogue name both and stay).
_KEPT = ("Desa dan Kelurahan",)
_KABUPATEN_WORDS = (
    ("Wali Kota", "Bupati"),
    ("Kota Contoh", _KABUPATEN),
    ("kotacontoh", "kabcontoh"),
    ("Kelurahan", "Desa"),
    ("kelurahan", "desa"),
)


def _rekap_group(person: _Person, dimensi: str) -> str:
    """The kelompok a person is counted in, as a rekap writes it."""
    if dimensi == "golongan":
        return person.golongan.split("/")[0] if person.golongan else "Tanpa golongan"
    if dimensi == "jabatan":
        return "Lurah" if person.jabatan.startswith("Lurah ") else person.jabatan
    return str(getattr(person, dimensi))


def _as_kabupaten(text: str) -> str:
    """A kota's text as a kabupaten writes it: Kabupaten Contoh, Bupati, desa."""
    if text == "kota":  # a level (pembanding, prestasi)
        return "kabupaten"
    for n, kept in enumerate(_KEPT):
        text = text.replace(kept, f"\0{n}\0")
    for old, new in _KABUPATEN_WORDS:
        text = text.replace(old, new)
    for n, kept in enumerate(_KEPT):
        text = text.replace(f"\0{n}\0", kept)
    return text


def parse_variants(varian: str | list[str] | tuple[str, ...]) -> frozenset[str]:
    """``"kabupaten,rekap-pegawai"`` (or a list of such) as a set; ValueError naming an
    unknown variant."""
    items = [varian] if isinstance(varian, str) else list(varian)
    chosen = frozenset(v.strip() for item in items for v in item.split(",") if v.strip())
    unknown = sorted(chosen - set(VARIANTS))
    if unknown:
        raise ValueError(f"unknown variant: {', '.join(unknown)}")
    return chosen


def budget_per_program(builder: _Builder) -> None:
    """The "anggaran-program" variant, applied to a kecamatan already built: its documents give
    the pagu per program only (the programs of the Perjanjian Kinerja, each with the sasaran it
    supports) and the realisasi per kelompok belanja (gaji / non-gaji), as many real reports do.
    The anggaran sheet gives way to ``pagu_program`` (programs named, pagu without realisasi),
    ``anggaran_kegiatan`` (the kegiatan, listed without amounts) and ``belanja``; the output
    indicators of the sub-kegiatan go with the sub-kegiatan; ``profil`` states the grand totals
    as the documents print them. Same amounts as the full budget, so the totals agree."""
    k = builder.k
    header, rows = k.sheets.pop("anggaran")
    cell = {name: index for index, name in enumerate(header)}
    programs: dict[str, list[str]] = {}
    kegiatan: dict[str, list[str]] = {}
    pagu: dict[str, int] = {}
    groups = {"gaji": [0, 0], "non_gaji": [0, 0]}
    for row in rows:
        code = row[cell["program_kode"]]
        programs.setdefault(code, [code, row[cell["program"]], row[cell["sasaran"]]])
        pagu[code] = pagu.get(code, 0) + int(row[cell["pagu"]])
        kegiatan.setdefault(row[cell["kegiatan_kode"]], [code, row[cell["kegiatan_kode"]],
                                                         row[cell["kegiatan"]]])  # fmt: skip
        group = groups["gaji" if row[cell["kode"]] == GAJI else "non_gaji"]
        group[0] += int(row[cell["pagu"]])
        group[1] += int(row[cell["realisasi"]])
    k.sheets["pagu_program"] = (
        ["program_kode", "program", "sasaran", "pagu"],
        [[*line, str(pagu[code])] for code, line in programs.items()],
    )
    k.sheets["anggaran_kegiatan"] = (
        ["program_kode", "kegiatan_kode", "kegiatan"], list(kegiatan.values())
    )  # fmt: skip
    k.sheets["belanja"] = (
        ["kelompok", "pagu", "realisasi"],
        [
            ["Belanja Gaji dan Tunjangan ASN", *map(str, groups["gaji"])],
            ["Belanja Non Gaji", *map(str, groups["non_gaji"])],
        ],
    )
    outputs = {line[0] for line in builder.indicators if line[1] == "subkegiatan"}
    builder.indicators[:] = [line for line in builder.indicators if line[0] not in outputs]
    builder.values[:] = [line for line in builder.values if line[0] not in outputs]
    profil = k.sheets["profil"][1]
    profil.append(["jumlah_pagu", str(sum(g[0] for g in groups.values()))])
    profil.append(["jumlah_realisasi", str(sum(g[1] for g in groups.values()))])
