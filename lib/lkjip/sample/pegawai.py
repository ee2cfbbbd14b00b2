"""Generator step: the staff (pegawai) with their NIP, golongan, education, diklat."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import date

from lkjip.sample.names import _FEMALE, _FEMALE_LAST, _MALE, _MALE_LAST

# --- staff ---------------------------------------------------------------------------------

# Years of service needed before a golongan is plausible (for consistent NIP TMT dates).
_MIN_SERVICE = {
    "II/a": 0, "II/b": 3, "II/c": 7, "II/d": 11, "III/a": 0, "III/b": 4, "III/c": 8,
    "III/d": 12, "IV/a": 16, "IV/b": 20,
}  # fmt: skip
# Annual cost (gaji, tunjangan, TPP) per person in juta Rupiah, by golongan.
_PAY = {
    "II": (90, 130), "III/a": (125, 160), "III/b": (130, 170), "III/c": (160, 210),
    "III/d": (170, 220), "IV": (220, 300), "V": (75, 100), "VII": (90, 120), "IX": (110, 150),
}  # fmt: skip
_FUNGSIONAL = (
    ("Analis Kebijakan Ahli Muda", ("S1", "S2"), ("III/c", "III/d")),
    ("Analis Kebijakan Ahli Pertama", ("S1",), ("III/a", "III/b")),
    ("Pranata Komputer Ahli Pertama", ("S1", "D4"), ("III/a", "III/b")),
    ("Arsiparis Terampil", ("D3",), ("II/c", "II/d")),
    ("Polisi Pamong Praja Terampil", ("SLTA", "D3"), ("II/b", "II/c", "II/d")),
    ("Pengelola Pengadaan Barang/Jasa Ahli Pertama", ("S1",), ("III/a", "III/b")),
)
_PELAKSANA = (
    ("Penata Layanan Operasional", ("S1", "D4"), ("III/a", "III/b", "III/c")),
    ("Pengolah Data dan Informasi", ("D3", "S1"), ("II/c", "II/d", "III/a")),
    ("Pengadministrasi Perkantoran", ("SLTA", "D3"), ("II/a", "II/b", "II/c", "II/d")),
    ("Pengelola Umum Operasional", ("SLTA", "D3"), ("II/b", "II/c", "II/d")),
    ("Bendahara Pengeluaran", ("S1", "D3"), ("III/a", "III/b")),
    ("Pengurus Barang", ("SLTA", "D3"), ("II/c", "II/d", "III/a")),
    ("Penelaah Teknis Kebijakan", ("S1",), ("III/a", "III/b", "III/c")),
)
_PPPK = (
    ("Pranata Komputer Ahli Pertama", ("S1",)),
    ("Penata Layanan Operasional", ("S1", "D4")),
    ("Pengelola Umum Operasional", ("SLTA", "D3")),
    ("Operator Layanan Operasional", ("SLTA", "D3")),
)
_PPPK_GOLONGAN = {"SLTA": "V", "D3": "VII", "D4": "IX", "S1": "IX"}
_NON_ASN = (
    ("Tenaga Kebersihan", ("SD", "SLTP", "SLTA")),
    ("Pengemudi", ("SLTP", "SLTA")),
    ("Petugas Keamanan", ("SLTA",)),
    ("Tenaga Administrasi", ("SLTA", "D3", "S1")),
    ("Operator Komputer", ("SLTA", "D3")),
)
_S1_TITLES = ("S.STP.", "S.IP.", "S.Sos.", "S.E.", "S.H.", "S.Kom.", "S.AP.")
_S2_TITLES = ("M.Si.", "M.M.", "M.A.P.", "M.H.", "M.Kom.")
_D3_TITLES = ("A.Md.", "A.Md.Kom.", "A.Md.Ak.")
_D4_TITLES = ("S.Tr.IP.", "S.ST.")

# (kode, nama, induk) of the organisation units; the 5th seksi is optional.
_UNITS = (
    ("CMT", "Camat", ""),
    ("SEK", "Sekretariat Kecamatan", "CMT"),
    ("UMPEG", "Subbagian Umum dan Kepegawaian", "SEK"),
    ("PK", "Subbagian Perencanaan dan Keuangan", "SEK"),
    ("PEM", "Seksi Pemerintahan", "CMT"),
    ("TRANTIB", "Seksi Ketenteraman dan Ketertiban Umum", "CMT"),
    ("PMK", "Seksi Pemberdayaan Masyarakat dan Kelurahan", "CMT"),
    ("PELUM", "Seksi Pelayanan Umum", "CMT"),
    ("KESOS", "Seksi Kesejahteraan Sosial", "CMT"),
)


@dataclass
class _Person:
    """One row of the pegawai sheet."""

    nama: str
    nip: str
    jabatan: str
    kategori: str
    golongan: str
    pendidikan: str
    jenis_kelamin: str
    diklat: str
    unit: str


class _Staff:
    """Builds the pegawai and unit_organisasi sheets: people, names, NIPs."""

    # --- people ----------------------------------------------------------------------------
    def person_name(self, gender: str) -> str:
        rng = self.rng
        while True:
            first = rng.choice(_MALE if gender == "L" else _FEMALE)
            last = rng.choice(_MALE_LAST if gender == "L" else _FEMALE_LAST)
            name = f"{first} {last}".upper()
            if rng.random() < 0.15:
                name = f"{rng.choice(_MALE if gender == 'L' else _FEMALE)} {name}".upper()
            if name not in self.names:
                self.names.add(name)
                return name

    def titled(self, name: str, pendidikan: str, born: int, gender: str) -> str:
        """Name with academic titles (and H./Hj. for some older staff)."""
        rng = self.rng
        front = ""
        if born < 1980 and rng.random() < 0.3:
            front = "H. " if gender == "L" else "Hj. "
        back: list[str] = []
        if pendidikan in ("S1", "S2") and born < 1972 and rng.random() < 0.4:
            front = ("Drs. " if gender == "L" else "Dra. ") + front
        elif pendidikan in ("S1", "S2", "S3"):
            back.append(rng.choice(_S1_TITLES))
        if pendidikan in ("S2", "S3"):
            back.append(rng.choice(_S2_TITLES))
        elif pendidikan == "D4":
            back.append(rng.choice(_D4_TITLES))
        elif pendidikan == "D3":
            back.append(rng.choice(_D3_TITLES))
        return front + name + "".join(f", {t}" for t in back)

    def nip(self, born: date, tmt: tuple[int, int], gender: str, pppk: bool = False) -> str:
        """NIP (or NI PPPK, month code 21): birth date, TMT, gender digit, sequence."""
        month = "21" if pppk else f"{tmt[1]:02d}"
        for attempt in itertools.count():
            seq = self.rng.randint(1, min(999, 15 + 10 * attempt))
            text = f"{born:%Y%m%d} {tmt[0]}{month} {1 if gender == 'L' else 2} {seq:03d}"
            if text not in self.nips:
                self.nips.add(text)
                return text
        raise AssertionError("unreachable")

    def employee(
        self,
        jabatan: str,
        kategori: str,
        golongan: str,
        pendidikan: str,
        unit: str,
        diklat: str = "",
        gender: str | None = None,
    ) -> _Person:
        rng = self.rng
        gender = gender or ("L" if rng.random() < 0.6 else "P")
        name = self.person_name(gender)
        if kategori == "non_asn":
            return _Person(name, "", jabatan, kategori, "", pendidikan, gender, diklat, unit)
        if kategori == "pppk":
            born = rng.randint(1978, 1998)
            tmt = (rng.randint(min(2022, self.tahun), self.tahun), 1)
        else:
            # TMT CPNS at age 21-30, early enough for the golongan held now.
            latest = self.tahun - _MIN_SERVICE[golongan]
            born = min(rng.randint(1966, 1998), latest - 21)
            tmt = (rng.randint(born + 21, min(born + 30, latest)), rng.choice((1, 2, 3, 4, 12)))
        birth = date(born, rng.randint(1, 12), rng.randint(1, 28))
        nip = self.nip(birth, tmt, gender, pppk=kategori == "pppk")
        nama = self.titled(name, pendidikan, born, gender)
        return _Person(nama, nip, jabatan, kategori, golongan, pendidikan, gender, diklat, unit)

    def build_staff(self) -> None:
        rng = self.rng
        staff: list[_Person] = []
        seksi = [u for u in _UNITS[4:8]] + ([_UNITS[8]] if rng.random() < 0.5 else [])
        self.units = [*_UNITS[:4], *seksi]
        golongan = rng.choice(("IV/a", "IV/b"))
        self.camat = self.employee(
            "Camat", "struktural", golongan, rng.choice(("S2", "S2", "S1")), "Kecamatan", "PKA",
            gender="L" if rng.random() < 0.75 else "P",
        )  # fmt: skip
        self.camat_pangkat = "Pembina" if golongan == "IV/a" else "Pembina Tk.I"
        staff.append(self.camat)
        heads = {"CMT": self.camat.nama}
        for kode, nama, _induk in self.units[1:]:
            if kode == "SEK":
                jabatan, gol, dik = "Sekretaris Kecamatan", rng.choice(("III/d", "IV/a")), "PKA"
            else:
                title = nama.replace("Subbagian", "Kepala Subbagian").replace(
                    "Seksi", "Kepala Seksi"
                )
                jabatan, gol, dik = title, rng.choice(("III/c", "III/d")), "PKP"
            edu = rng.choice(("S1", "S1", "S2", "D4"))
            person = self.employee(jabatan, "struktural", gol, edu, "Kecamatan", dik)
            staff.append(person)
            heads[kode] = person.nama
        self.heads = heads
        self.lurah: dict[str, str] = {}
        if self.kabupaten:  # kepala desa are not kecamatan staff
            self.lurah = self.kepala_desa()
        for nama in [] if self.kabupaten else self.kelurahan:
            edu = rng.choice(("S1", "S1", "S2", "D4"))
            gol = rng.choice(("III/c", "III/d"))
            person = self.employee(
                f"Lurah {nama}", "struktural", gol, edu, f"Kelurahan {nama}", "PKP"
            )
            staff.append(person)
            self.lurah[nama] = person.nama
        total = rng.randint(max(20, len(staff) + 4), 45)
        while len(staff) < total:
            unit = "Kecamatan" if rng.random() < 0.65 else f"Kelurahan {rng.choice(self.kelurahan)}"
            unit = "Kecamatan" if self.kabupaten else unit
            u = rng.random()
            if u < 0.15:
                jab, edus, gols = rng.choice(_FUNGSIONAL)
                edu = rng.choice(edus)
                staff.append(self.employee(jab, "fungsional", rng.choice(gols), edu, unit))
            elif u < 0.60:
                jab, edus, gols = rng.choice(_PELAKSANA)
                edu = rng.choice(edus)
                dik = "Latsar CPNS" if gols[0] in ("II/a", "III/a") and rng.random() < 0.5 else ""
                staff.append(self.employee(jab, "pelaksana", rng.choice(gols), edu, unit, dik))
            elif u < 0.80:
                jab, edus = rng.choice(_PPPK)
                edu = rng.choice(edus)
                staff.append(self.employee(jab, "pppk", _PPPK_GOLONGAN[edu], edu, unit))
            else:
                jab, edus = rng.choice(_NON_ASN)
                staff.append(self.employee(jab, "non_asn", "", rng.choice(edus), unit))
        self.staff = staff
        self.asn = [p for p in staff if p.kategori != "non_asn"]
        rows = [
            [p.nama, p.nip, p.jabatan, p.kategori, p.golongan, p.pendidikan, p.jenis_kelamin,
             p.diklat, p.unit]
            for p in staff
        ]  # fmt: skip
        header = ["nama", "nip", "jabatan", "kategori", "golongan", "pendidikan", "jenis_kelamin",
                  "diklat", "unit"]  # fmt: skip
        self.k.sheets["pegawai"] = (header, rows)
        units = [[kode, nama, induk, heads[kode]] for kode, nama, induk in self.units]
        self.k.sheets["unit_organisasi"] = (["kode", "nama", "induk", "kepala"], units)

    def kepala_desa(self) -> dict[str, str]:
        """The heads of the desa (a kabupaten's desa are not kecamatan offices)."""
        heads = {}
        for nama in self.kelurahan:
            gender = "L" if self.rng.random() < 0.8 else "P"
            heads[nama] = self.person_name(gender)
        return heads
