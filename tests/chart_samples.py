"""Sample charts for the chart tests: one of each kind, with the report's kinds of values."""

from __future__ import annotations

from decimal import Decimal as D

from lkjip.report.chart import Chart, NumberFormat, Series

YEARS = ("2020", "2021", "2022", "2023", "2024")

BAR = Chart(
    kind="bar",
    categories=YEARS,
    series=(
        Series(
            name="Realisasi anggaran",
            values=(1250000000, 1387500000, 2010000000, 75000000, 1999999999),
            unit="Rp",
        ),
    ),
    title_x="Tahun",
    title_y="Rupiah",
    number_format=NumberFormat(kind="rupiah_ringkas"),
    caption="Realisasi anggaran Kecamatan Contoh 2020–2024",
    label="fig-anggaran",
)

GROUPED = Chart(
    kind="grouped_bar",
    categories=(
        "Meningkatnya kualitas pelayanan publik kecamatan",
        "Meningkatnya partisipasi masyarakat dalam pembangunan",
        "Terwujudnya tata kelola pemerintahan yang baik",
    ),
    series=(
        Series(name="Target", values=(D("80.00"), D("75.50"), D("90")), unit="%"),
        Series(name="Realisasi", values=(D("82.35"), D("3.10"), None), unit="%"),
    ),
    title_y="Capaian (%)",
    number_format=NumberFormat(kind="persen", places=2),
    caption="Target dan realisasi indikator sasaran",
    label="fig-sasaran",
)

STACKED = Chart(
    kind="stacked_bar",
    categories=YEARS,
    series=(
        Series(name="Belanja pegawai", values=(500, 520, 610, 640, 700)),
        Series(name="Belanja barang dan jasa", values=(300, 280, 330, 120, 410)),
        Series(name="Belanja modal", values=(90, 0, 150, 40, 60)),
    ),
    title_y="Juta rupiah",
    caption="Komposisi belanja",
    label="fig-belanja",
)

LINE = Chart(
    kind="line",
    categories=YEARS,
    series=(
        Series(
            name="Indeks kepuasan masyarakat",
            values=(D("78.2"), D("80.15"), None, D("83.4"), D("85.05")),
        ),
        Series(name="Target", values=(D("78"), D("80"), D("82"), D("84"), D("86"))),
    ),
    title_x="Tahun",
    title_y="Nilai IKM",
    number_format=NumberFormat(kind="angka", places=2),
    caption="Indeks kepuasan masyarakat",
    label="fig-ikm",
)

BAR_LINE = Chart(
    kind="bar_line",
    categories=YEARS,
    series=(
        Series(
            name="Anggaran",
            values=(1250000000, 1387500000, 2010000000, 1800000000, 1999999999),
            unit="Rp",
        ),
        Series(
            name="Realisasi (%)",
            values=(D("95.5"), D("97.25"), D("88"), D("99.1"), D("100")),
            unit="%",
            axis="secondary",
            line=True,
        ),
    ),
    title_y="Rupiah",
    title_y2="Persen",
    number_format=NumberFormat(kind="rupiah_ringkas"),
    number_format_y2=NumberFormat(kind="persen", places=1),
    caption="Anggaran dan persentase realisasi",
    label="fig-realisasi",
)

ALL = (BAR, GROUPED, STACKED, LINE, BAR_LINE)
