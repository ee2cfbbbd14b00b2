"""Human resources against the workload analysis (ABK): need, availability, fulfilment, and the
efficiency of each sasaran's staff set against its capaian kinerja (the rules' ``efisiensi``)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from lkjip.loader import KecamatanData
from lkjip.metrics.anggaran import share
from lkjip.metrics.capaian import sasaran_results
from lkjip.metrics.efisiensi import efisiensi
from lkjip.rules import Aturan


@dataclass(frozen=True)
class AbkLine:
    """One jabatan (or group of jabatan): pegawai needed by the ABK and pegawai available."""

    jabatan: str
    sasaran: str
    kebutuhan: int
    ketersediaan: int
    keterangan: str

    @property
    def selisih(self) -> int:
        """Available minus needed: negative is a shortage."""
        return self.ketersediaan - self.kebutuhan

    @property
    def pemenuhan(self) -> Decimal | None:
        """Fulfilment: ketersediaan / kebutuhan × 100 (None for a zero need)."""
        return share(self.ketersediaan, self.kebutuhan)


@dataclass(frozen=True)
class SasaranSdm:
    """The staff supporting one sasaran, set against its capaian kinerja."""

    kode: str
    uraian: str
    kebutuhan: int
    ketersediaan: int
    capaian_kinerja: Decimal | None
    efisiensi: Decimal | None

    @property
    def pemenuhan(self) -> Decimal | None:
        return share(self.ketersediaan, self.kebutuhan)


def abk_lines(data: KecamatanData) -> list[AbkLine]:
    """The rows of sheet ``abk`` that name a jabatan and both counts, in input order."""
    lines = []
    for row in data.table("abk"):
        need, have = row.get("kebutuhan"), row.get("ketersediaan")
        if not row.get("jabatan") or not isinstance(need, int) or not isinstance(have, int):
            continue
        lines.append(
            AbkLine(
                jabatan=str(row["jabatan"]),
                sasaran=str(row.get("sasaran") or ""),
                kebutuhan=need,
                ketersediaan=have,
                keterangan=str(row.get("keterangan") or ""),
            )
        )
    return lines


def total_need(lines: list[AbkLine]) -> tuple[int, int, Decimal | None]:
    """(Σ kebutuhan, Σ ketersediaan, fulfilment of the totals)."""
    need = sum(line.kebutuhan for line in lines)
    have = sum(line.ketersediaan for line in lines)
    return need, have, share(have, need)


def sdm_by_sasaran(data: KecamatanData, rules: Aturan, tahun: int) -> list[SasaranSdm]:
    """Per sasaran in force whose jabatan are mapped in ``abk.sasaran``: fulfilment, capaian
    kinerja and their efficiency (``selisih``: kinerja − pemenuhan; ``rasio``: kinerja ÷
    pemenuhan − 1, × 100)."""
    lines = abk_lines(data)
    results = []
    for sasaran in sasaran_results(data, rules, tahun):
        mine = [line for line in lines if line.sasaran == sasaran.kode]
        if not mine:
            continue
        need, have, pemenuhan = total_need(mine)
        kinerja = sasaran.capaian.nilai
        results.append(
            SasaranSdm(
                kode=sasaran.kode,
                uraian=sasaran.uraian,
                kebutuhan=need,
                ketersediaan=have,
                capaian_kinerja=kinerja,
                efisiensi=efisiensi(kinerja, pemenuhan, rules),
            )
        )
    return results
