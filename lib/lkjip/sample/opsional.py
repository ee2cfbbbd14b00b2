"""Generator step: the optional sheets (IPP, ABK) and the photos (hand-written PNG)."""

from __future__ import annotations

import random
import struct
import zlib

from lkjip.sample.common import CITY, _d, _fmt

# Optional sheets (ipp, abk, dokumentasi): drawn from a separate random stream per kecamatan, so
# that adding them left every other generated value unchanged.
_IPP_ASPEK = (
    ("Kebijakan Pelayanan", 30),
    ("Profesionalisme SDM", 18),
    ("Sarana Prasarana", 15),
    ("Sistem Informasi Pelayanan Publik", 15),
    ("Konsultasi dan Pengaduan", 15),
    ("Inovasi", 7),
)
_SEKRETARIAT_WORDS = ("Sekretari", "Subbagian", "Bendahara", "Pengurus Barang", "Arsiparis",
                      "Pengadaan", "Pranata Komputer", "Pengadministrasi")  # fmt: skip
# (file, caption template, program it documents or "")
_FOTO = (
    ("musrenbang.png", "Musyawarah Perencanaan Pembangunan (Musrenbang) Kecamatan {nama} Tahun "
     "{tahun}", "7.01.03"),
    ("paten.png", "Pelayanan Administrasi Terpadu Kecamatan (PATEN) di Kantor Kecamatan {nama}",
     "7.01.02"),
    ("kerja-bakti.png", "Kerja bakti bersama warga Kelurahan {kelurahan}", ""),
)  # fmt: skip
# 16-colour palette of the generated photos: sky, ground, walls, roofs, people.
_FOTO_PALETTE = (
    (135, 190, 235), (160, 205, 240), (190, 220, 245), (225, 240, 250),
    (96, 140, 70), (120, 160, 85), (150, 120, 90), (235, 230, 215),
    (205, 195, 175), (180, 60, 45), (150, 45, 40), (60, 60, 70),
    (230, 190, 150), (40, 90, 160), (245, 245, 245), (250, 215, 80),
)  # fmt: skip


def _deflate_stored(data: bytes) -> bytes:
    """A zlib stream of uncompressed ("stored") blocks: byte-identical on every zlib version."""
    out = bytearray(b"\x78\x01")
    chunks = [data[i : i + 65535] for i in range(0, len(data), 65535)] or [b""]
    for n, chunk in enumerate(chunks):
        out.append(1 if n == len(chunks) - 1 else 0)
        out += struct.pack("<HH", len(chunk), 0xFFFF ^ len(chunk))
        out += chunk
    out += struct.pack(">I", zlib.adler32(data))
    return bytes(out)


def tiny_png(pixels: list[list[int]], palette: tuple[tuple[int, int, int], ...]) -> bytes:
    """A 4-bit palette PNG of ``pixels`` (rows of palette indices 0-15), written by hand."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    height, width = len(pixels), len(pixels[0])
    raw = bytearray()
    for row in pixels:
        raw.append(0)  # filter: none
        padded = [*row, 0] if width % 2 else row
        raw += bytes((padded[i] << 4) | padded[i + 1] for i in range(0, len(padded), 2))
    header = struct.pack(">IIBBBBB", width, height, 4, 3, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"PLTE", bytes(c for rgb in palette for c in rgb))
        + chunk(b"IDAT", _deflate_stored(bytes(raw)))
        + chunk(b"IEND", b"")
    )


def _scene(rng: random.Random, width: int = 128, height: int = 96) -> list[list[int]]:
    """A small made-up "photo": sky, ground, a few buildings and people."""
    horizon = rng.randint(height // 2, height * 2 // 3)
    pixels = [
        [min(3, y * 4 // horizon) if y < horizon else 4 + (x + y) % 2 for x in range(width)]
        for y in range(height)
    ]
    for _ in range(rng.randint(2, 4)):
        w, h = rng.randint(18, 40), rng.randint(14, 30)
        x0, y1 = rng.randint(0, width - w), horizon + rng.randint(0, 6)
        wall, roof = rng.choice((6, 7, 8)), rng.choice((9, 10, 11))
        for y in range(max(0, y1 - h), min(height, y1)):
            for x in range(x0, x0 + w):
                top = y1 - h
                pixels[y][x] = roof if y < top + h // 4 else wall
                if top + h // 3 < y < y1 - 3 and (x - x0) % 7 in (2, 3):
                    pixels[y][x] = 13  # windows
    for _ in range(rng.randint(3, 7)):
        x0, y0 = rng.randint(2, width - 4), rng.randint(horizon + 8, height - 10)
        shirt = rng.choice((9, 13, 14, 15))
        for y in range(y0, min(height, y0 + 9)):
            for x in range(x0, min(width, x0 + 3)):
                pixels[y][x] = 12 if y < y0 + 3 else shirt
    return pixels


class _Optional:
    """Builds ipp, abk and dokumentasi (with its photos) for some kecamatan."""

    def build_optional(self) -> None:
        """IPP aspects, the ABK and photos for some kecamatan (own random stream)."""
        index, rng = self.k.index, self.extra
        if index % 3 != 1:
            years = [self.tahun - 1, self.tahun] if index % 3 == 0 else [self.tahun]
            rows = []
            for year in years:
                for n, (aspek, bobot) in enumerate(_IPP_ASPEK):
                    score = _d(rng.uniform(2.4, 4.9))
                    sumber = (
                        f"Hasil Evaluasi Pelayanan Publik {CITY} Tahun {year}" if n == 0 else ""
                    )
                    rows.append([str(year), aspek, str(bobot), _fmt(score), sumber])
            self.k.sheets["ipp"] = (["tahun", "aspek", "bobot", "nilai_indikator", "sumber"], rows)
            by_sasaran = index % 3 == 2
            counts: dict[str, int] = {}
            structural: set[str] = set()
            for person in self.staff:
                if person.unit == "Kecamatan" and person.kategori != "non_asn":
                    counts[person.jabatan] = counts.get(person.jabatan, 0) + 1
                    if person.kategori == "struktural":
                        structural.add(person.jabatan)
            rows = []
            for jabatan, have in counts.items():
                # A structural post is one position; the other jabatan vary around their staff.
                change = 0 if jabatan in structural else rng.choice((0, 0, 1, 1, 2, -1))
                need = max(1, have + change)
                sasaran = ""
                if by_sasaran:
                    office = any(word in jabatan for word in _SEKRETARIAT_WORDS)
                    sasaran = "S1" if office else "S2"
                rows.append([jabatan, sasaran, str(need), str(have)])
            self.k.sheets["abk"] = (["jabatan", "sasaran", "kebutuhan", "ketersediaan"], rows)
        if index % 3 == 0:
            rows = []
            for file, caption, program in _FOTO:
                text = caption.format(
                    nama=self.k.nama, tahun=self.tahun, kelurahan=rng.choice(self.kelurahan)
                )
                rows.append([file, text, program if program in self.programs else ""])
                self.k.photos[file] = tiny_png(_scene(rng), _FOTO_PALETTE)
            self.k.sheets["dokumentasi"] = (["file", "keterangan", "program_kode"], rows)
