"""Generator step: tujuan, sasaran, indicators and their targets and realisasi."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, localcontext
from fractions import Fraction

from lkjip.sample.anggaran import GAJI
from lkjip.sample.common import _CENT, _d, _fmt

# Program-level outcome indicator (persen, naik) with its target range and person in charge.
_PROGRAM_INDICATORS = {
    "7.01.01": ("Persentase dokumen perencanaan, penganggaran, dan pelaporan kinerja yang "
                "tersusun tepat waktu", (85, 100), "Sekretaris Kecamatan"),
    "7.01.02": ("Persentase layanan administrasi yang diselesaikan sesuai standar pelayanan",
                (80, 95), "Kepala Seksi Pelayanan Umum"),
    "7.01.03": ("Persentase kelurahan yang melaksanakan kegiatan pemberdayaan masyarakat sesuai "
                "rencana", (80, 100), "Kepala Seksi Pemberdayaan Masyarakat dan Kelurahan"),
    "7.01.04": ("Persentase gangguan ketenteraman dan ketertiban umum yang tertangani", (75, 95),
                "Kepala Seksi Ketenteraman dan Ketertiban Umum"),
    "7.01.05": ("Persentase kegiatan pembinaan wawasan kebangsaan dan kerukunan yang terlaksana",
                (80, 100), "Kepala Seksi Pemerintahan"),
}  # fmt: skip


@dataclass(frozen=True)
class _Measure:
    """An outcome indicator of the Renstra with how its yearly targets evolve."""

    uraian: str
    satuan: str
    jenis: str
    polaritas: str
    base: tuple[float, float]  # target range in year tahun-2
    step: tuple[float, float]  # yearly improvement (subtracted when polaritas is turun)
    grain: str  # targets are multiples of this
    floor: float
    cap: float  # highest possible value (100 for persen)
    formulasi: str
    sumber_data: str
    penanggung_jawab: str
    dihitung_dari: str = ""


_AKIP = _Measure(
    "Nilai AKIP Kecamatan", "nilai", "indeks", "naik", (58, 68), (1.5, 3.0), "0.5", 40, 95,
    "Nilai hasil evaluasi AKIP tahun n", "LHE AKIP Inspektorat Kota Contoh",
    "Sekretaris Kecamatan", "akip",
)  # fmt: skip
_IKM = _Measure(
    "Indeks Kepuasan Masyarakat", "nilai", "indeks", "naik", (80, 86), (0.5, 1.5), "0.5", 70, 97,
    "Rata-rata nilai IKM seluruh jenis layanan (NRR tertimbang × 25)",
    "Laporan Survei Kepuasan Masyarakat Kecamatan", "Kepala Seksi Pelayanan Umum", "ikm",
)  # fmt: skip
# Third sasaran (optional): theme -> (sasaran text, IKU, programs that support it).
_THIRD = {
    "trantib": (
        "Meningkatnya ketenteraman dan ketertiban umum di wilayah kecamatan",
        _Measure(
            "Persentase pelanggaran Trantibum yang belum tertangani", "%", "persen", "turun",
            (12, 25), (1.0, 3.0), "0.5", 2, 100,
            "Jumlah pelanggaran Trantibum yang belum tertangani / jumlah pelanggaran yang "
            "dilaporkan × 100%", "Laporan Seksi Ketenteraman dan Ketertiban Umum",
            "Kepala Seksi Ketenteraman dan Ketertiban Umum",
        ),
        ("7.01.04", "7.01.05"),
    ),
    "layanan": (
        "Meningkatnya kecepatan pelayanan administrasi kepada masyarakat",
        _Measure(
            "Rata-rata waktu penyelesaian layanan (hari)", "hari", "jumlah", "turun", (3.0, 5.0),
            (0.2, 0.5), "0.1", 1, 30,
            "Jumlah hari penyelesaian seluruh permohonan / jumlah permohonan",
            "Register Pelayanan PATEN", "Kepala Seksi Pelayanan Umum",
        ),
        ("7.01.02",),
    ),
    "pemberdayaan": (
        "Meningkatnya partisipasi masyarakat dalam pembangunan kelurahan",
        _Measure(
            "Persentase usulan Musrenbang kelurahan yang terakomodasi", "%", "persen", "naik",
            (40, 60), (2.0, 4.0), "0.5", 10, 100,
            "Jumlah usulan yang terakomodasi / jumlah usulan Musrenbang kelurahan × 100%",
            "Berita Acara Musrenbang Kecamatan",
            "Kepala Seksi Pemberdayaan Masyarakat dan Kelurahan",
        ),
        ("7.01.03",),
    ),
}  # fmt: skip
_TUJUAN = (
    (
        "Terwujudnya tata kelola pemerintahan kecamatan yang akuntabel dan berkinerja tinggi",
        (
            _Measure(
                "Indeks Reformasi Birokrasi Kecamatan", "indeks", "indeks", "naik", (55, 68),
                (1.5, 3.0), "0.5", 30, 100, "Nilai hasil evaluasi RB Kecamatan",
                "LHE Reformasi Birokrasi", "Camat",
            ),
            _Measure(
                "Persentase capaian sasaran strategis Renstra Kecamatan", "%", "persen", "naik",
                (75, 88), (1.5, 3.0), "0.5", 30, 100,
                "Jumlah sasaran yang tercapai / jumlah sasaran × 100%", "LKjIP Kecamatan", "Camat",
            ),
        ),
    ),
    (
        "Meningkatnya kualitas pelayanan publik dan kesejahteraan masyarakat di wilayah kecamatan",
        (
            _Measure(
                "Indeks Kualitas Pelayanan Publik Kecamatan", "indeks", "indeks", "naik",
                (3.0, 3.8), (0.05, 0.15), "0.01", 1, 5,
                "Nilai evaluasi pelayanan publik (skala 1–5)",
                "LHE Pelayanan Publik Bagian Organisasi", "Camat",
            ),
            _Measure(
                "Indeks Ketenteraman dan Ketertiban Umum Kecamatan", "indeks", "indeks", "naik",
                (70, 80), (1.0, 2.0), "0.5", 30, 100,
                "Rata-rata nilai survei persepsi keamanan dan ketertiban masyarakat",
                "Survei Persepsi Trantibum", "Camat",
            ),
        ),
    ),
)  # fmt: skip
_SASARAN_1 = "Meningkatnya akuntabilitas kinerja Kecamatan"
_SASARAN_2 = "Meningkatnya kualitas pelayanan publik di Kecamatan"
# Fixed third-sasaran theme for the first six (demo) kecamatan, so the demo shows every variant.
_DEMO_THEMES = ("trantib", None, "layanan", "pemberdayaan", "trantib", None)

_AKIP_COMPONENTS = (
    ("Perencanaan Kinerja", 30),
    ("Pengukuran Kinerja", 30),
    ("Pelaporan Kinerja", 15),
    ("Evaluasi Akuntabilitas Kinerja Internal", 25),
)
_AKIP_NOTES = {
    "Perencanaan Kinerja": "Cascading kinerja belum sampai level pelaksana",
    "Pengukuran Kinerja": "Pengukuran kinerja belum dilakukan berkala setiap triwulan",
    "Pelaporan Kinerja": "Analisis efisiensi penggunaan sumber daya belum memadai",
    "Evaluasi Akuntabilitas Kinerja Internal": "Evaluasi internal belum menjangkau seluruh seksi",
}
_LAYANAN = (
    "Rekomendasi Administrasi Kependudukan",
    "Izin Usaha Mikro dan Kecil (IUMK)",
    "Legalisasi Dokumen",
    "Surat Keterangan Ahli Waris",
    "Rekomendasi Izin Keramaian",
    "Surat Keterangan Tidak Mampu",
    "Dispensasi Nikah",
)


def ikm_value(nrr_by_layanan: list[list[Decimal]]) -> Decimal:
    """Unit IKM: mean over layanan of (mean NRR × 25), rounded half up to 2 decimals."""
    with localcontext() as ctx:
        ctx.prec = 50
        per = [sum(v, Decimal(0)) / len(v) * 25 for v in nrr_by_layanan]
        return (sum(per, Decimal(0)) / len(per)).quantize(_CENT, rounding=ROUND_HALF_UP)


def _near_tie(nrr_by_layanan: list[list[Decimal]]) -> bool:
    """True when the exact IKM lies (almost) on a rounding boundary (x.xx5)."""
    exact = sum((Fraction(sum(v, Decimal(0))) * 25 / len(v) for v in nrr_by_layanan), Fraction(0))
    scaled = exact / len(nrr_by_layanan) * 100
    return abs(scaled - int(scaled) - Fraction(1, 2)) < Fraction(1, 10**6)


class _Kinerja:
    """Builds tujuan, sasaran, evaluasi_sakip and ikm, and the indicators with their values."""

    def build_plan(self) -> None:
        """Tujuan, sasaran and the programs that support each sasaran."""
        rng = self.rng
        index = self.k.index
        if index < len(_DEMO_THEMES):
            theme = _DEMO_THEMES[index]
        else:
            theme = rng.choices((None, "trantib", "layanan", "pemberdayaan"), (35, 26, 23, 16))[0]
        self.theme = theme
        programs = ["7.01.01", "7.01.02", "7.01.03"]
        extra = rng.choice((("7.01.04",), ("7.01.05",), ("7.01.04", "7.01.05")))
        self.programs = programs + list(extra)
        start, end = self.years[0], self.years[-1]
        tujuan = [[f"T{t}", text, str(start), str(end)] for t, (text, _m) in enumerate(_TUJUAN, 1)]
        sasaran = [
            ["S1", "T1", _SASARAN_1, str(start), str(end)],
            ["S2", "T2", _SASARAN_2, str(start), str(end)],
        ]
        self.program_sasaran = {p: ("S1" if p == "7.01.01" else "S2") for p in self.programs}
        if theme is not None:
            text, _measure, supported = _THIRD[theme]
            sasaran.append(["S3", "T2", text, str(start), str(end)])
            for p in supported:
                if p in self.program_sasaran:
                    self.program_sasaran[p] = "S3"
        self.k.sheets["tujuan"] = (["kode", "uraian", "tahun_mulai", "tahun_selesai"], tujuan)
        header = ["kode", "tujuan", "uraian", "tahun_mulai", "tahun_selesai"]
        self.k.sheets["sasaran"] = (header, sasaran)

    # --- indicators ------------------------------------------------------------------------
    def capaian(self, mild: bool = False) -> float:
        """A capaian factor: a miss (60–95 %), an overshoot (105–130 %) or about on target.

        ``mild`` narrows the bands (88–95 %, 105–112 %) for series that move slowly, such as
        the AKIP and IKM scores and the years before the report year.
        """
        rng = self.rng
        u = rng.random()
        if u < self.p_miss:
            return rng.uniform(0.88 if mild else 0.60, 0.95)
        if u < self.p_miss + self.p_over:
            return rng.uniform(1.05, 1.12 if mild else 1.30)
        return 1.0 if rng.random() < 0.4 else rng.uniform(0.96, 1.04)

    def realise(self, target: Decimal, m: _Measure, mild: bool = False) -> Decimal:
        c = self.capaian(mild)
        value = float(target) * (c if m.polaritas == "naik" else 2 - c)
        return _d(min(max(value, 0.01), m.cap))

    def targets(self, m: _Measure) -> dict[int, Decimal]:
        """Renstra targets for every year of the period, improving steadily."""
        base, step = self.rng.uniform(*m.base), self.rng.uniform(*m.step)
        sign = 1 if m.polaritas == "naik" else -1
        return {
            y: _d(min(max(base + sign * step * k, m.floor), m.cap), m.grain)
            for k, y in enumerate(self.years)
        }

    def add_indicator(
        self, kode: str, level: str, induk: str, m: _Measure, iku: str, targets: dict[int, Decimal]
    ) -> None:
        start, end = self.years[0], self.years[-1]
        self.indicators.append(
            [kode, level, induk, "", m.uraian, m.satuan, m.polaritas, m.jenis, iku, m.formulasi,
             m.sumber_data, m.penanggung_jawab, _fmt(targets[end]), str(start), str(end),
             m.dihitung_dari]
        )  # fmt: skip

    def add_values(
        self,
        kode: str,
        targets: dict[int, Decimal],
        realised: dict[int, Decimal],
        sumber: str = "",
        penjelasan: str = "",
        quarterly: bool = False,
    ) -> None:
        """Target/realisasi rows: tahun-2..tahun with realisasi, later years target only."""
        for year in self.years:
            tws = ["", "", "", ""]
            if quarterly and year == self.tahun:
                # Quarterly targets are cumulative positions: the value expected at the end of
                # each quarter, moving from last year's target to this year's; TW4 = target.
                prev, cur = targets[year - 1], targets[year]
                tws = [_fmt(_d(prev + (cur - prev) * q / 4)) for q in (1, 2, 3)] + [_fmt(cur)]
            real = realised.get(year)
            self.values.append(
                [kode, str(year), _fmt(targets[year]), _fmt(real), *tws,
                 sumber.format(year=year) if real is not None else "",
                 penjelasan if year == self.tahun else ""]
            )  # fmt: skip

    def miss_note(self, m: _Measure, target: Decimal, real: Decimal) -> str:
        worse = real < target if m.polaritas == "naik" else real > target
        if worse:
            return self.rng.choice((
                "Belum tercapai karena keterbatasan SDM dan anggaran",
                "Belum tercapai; tindak lanjut dimasukkan dalam rencana aksi tahun berikutnya",
                "Belum tercapai karena pelaksanaan kegiatan bergeser ke akhir tahun",
            ))  # fmt: skip
        return ""

    def build_outcomes(self) -> None:
        """Tujuan indicators, IKU (AKIP, IKM, optional third) with evaluasi_sakip and ikm."""
        rng = self.rng
        past = self.years[:3]
        for t, (_text, options) in enumerate(_TUJUAN, start=1):
            m = rng.choice(options)
            targets = self.targets(m)
            real = {y: self.realise(targets[y], m, mild=y < self.tahun) for y in past}
            self.add_indicator(f"IT{t}", "tujuan", f"T{t}", m, "tidak", targets)
            note = self.miss_note(m, targets[self.tahun], real[self.tahun])
            self.add_values(f"IT{t}", targets, real, m.sumber_data + " {year}", note)
        # IKU1: AKIP, realisasi = sum of the component scores of that year.
        targets = self.targets(_AKIP)
        eval_rows, real = [], {}
        for year in past:
            desired = min(max(float(targets[year]) * self.capaian(mild=True), 45), 90)
            scores = []
            for komponen, bobot in _AKIP_COMPONENTS:
                ratio = min(max(desired / 100 + rng.uniform(-0.06, 0.06), 0.3), 0.97)
                scores.append((komponen, bobot, _d(bobot * ratio)))
            weakest = min(scores, key=lambda s: s[2] / s[1])[0]
            for komponen, bobot, nilai in scores:
                note = _AKIP_NOTES[komponen] if komponen == weakest and year == self.tahun else ""
                eval_rows.append([str(year), komponen, str(bobot), _fmt(nilai), note])
            real[year] = sum((s[2] for s in scores), Decimal(0))
        self.k.sheets["evaluasi_sakip"] = (["tahun", "komponen", "bobot", "nilai", "catatan"],
                                           eval_rows)  # fmt: skip
        self.add_indicator("IKU1", "sasaran", "S1", _AKIP, "ya", targets)
        note = self.miss_note(_AKIP, targets[self.tahun], real[self.tahun])
        self.add_values("IKU1", targets, real, "LHE AKIP Tahun {year}", note, quarterly=True)
        self.k.iku["IKU1"] = real[self.tahun]
        self.iku_summary = [(_AKIP, targets, real)]
        # IKU2: IKM, realisasi = unit IKM computed from the NRR of that year.
        targets = self.targets(_IKM)
        layanan = rng.sample(_LAYANAN, rng.randint(3, 5))
        ikm_rows, real = [], {}
        for year in past:
            desired = min(max(float(targets[year]) * self.capaian(mild=True), 76), 96)
            mean = desired / 25
            values = []
            for _name in layanan:
                shift = rng.uniform(-0.10, 0.10)
                values.append(
                    [_d(min(max(mean + shift + rng.uniform(-0.12, 0.12), 2.80), 3.90))
                     for _u in range(9)]
                )  # fmt: skip
            while _near_tie(values):  # keep clear of x.xx5 so every rounding path agrees
                first = values[0][0]
                values[0][0] = first + _CENT if first < Decimal("3.90") else first - _CENT
            for name, nrr in zip(layanan, values, strict=True):
                responden = str(rng.randint(60, 400))
                ikm_rows.extend(
                    [str(year), name, f"U{u}", _fmt(v), responden] for u, v in enumerate(nrr, 1)
                )
            real[year] = ikm_value(values)
        self.k.sheets["ikm"] = (["tahun", "layanan", "unsur", "nrr", "responden"], ikm_rows)
        self.add_indicator("IKU2", "sasaran", "S2", _IKM, "ya", targets)
        note = self.miss_note(_IKM, targets[self.tahun], real[self.tahun])
        self.add_values("IKU2", targets, real, "Laporan SKM Tahun {year}", note, quarterly=True)
        self.k.iku["IKU2"] = real[self.tahun]
        self.iku_summary.append((_IKM, targets, real))
        if self.theme is not None:
            m = _THIRD[self.theme][1]
            targets = self.targets(m)
            real = {y: self.realise(targets[y], m, mild=y < self.tahun) for y in past}
            self.add_indicator("IKU3", "sasaran", "S3", m, "ya", targets)
            note = self.miss_note(m, targets[self.tahun], real[self.tahun])
            self.add_values("IKU3", targets, real, m.sumber_data + " {year}", note, quarterly=True)
            self.iku_summary.append((m, targets, real))

    def build_outputs(self) -> None:
        """Program indicators and one output indicator per sub-kegiatan row (tahun only)."""
        rng = self.rng
        for n, program in enumerate(self.programs, start=1):
            uraian, (lo, hi), pj = _PROGRAM_INDICATORS[program]
            target = _d(rng.randint(lo * 2, hi * 2) / 2)
            m = _Measure(uraian, "%", "persen", "naik", (0, 0), (0, 0), "0.01", 0, 100,
                         "", "Laporan kinerja seksi", pj)  # fmt: skip
            real = self.realise(target, m)
            self.indicators.append(
                [f"IP{n}", "program", program, "", uraian, "%", "naik", "persen", "", "",
                 m.sumber_data, pj, "", "", "", ""]
            )  # fmt: skip
            self.values.append(
                [f"IP{n}", str(self.tahun), _fmt(target), _fmt(real), "", "", "", "", "", ""]
            )
        for n, (sub, unit) in enumerate(self.subs_rows, start=1):
            if sub.kode == GAJI:
                target, real = len(self.asn), len(self.asn) - (rng.random() < 0.2)
            else:
                target = rng.randint(*sub.target)
                real = self.count_realised(target)
            pj = f"Lurah {unit.removeprefix('Kelurahan ')}" if unit else ""
            kode = f"IO{n:02d}"
            self.indicators.append(
                [kode, "subkegiatan", sub.kode, unit, sub.indikator, sub.satuan, "naik", "jumlah",
                 "", "", "", pj, "", "", "", ""]
            )  # fmt: skip
            self.values.append([kode, str(self.tahun), str(target), str(real), "", "", "", "", "",
                                ""])  # fmt: skip

    def count_realised(self, target: int) -> int:
        """Whole-number realisasi whose capaian falls in the drawn band when possible."""
        c = self.capaian()
        lo, hi = (0.60, 0.95) if c < 0.96 else (1.05, 1.30) if c > 1.04 else (1.0, 1.0)
        options = [r for r in range(int(target * lo), int(target * hi) + 2)
                   if lo <= r / target <= hi]  # fmt: skip
        return self.rng.choice(options) if options else target
