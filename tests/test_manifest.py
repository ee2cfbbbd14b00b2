"""The batch manifest remembers what is costly to find again, and forgets what is gone."""

from __future__ import annotations

from pathlib import Path

from lkjip.batch.manifest import Manifest


def test_empty_sections_are_read_once_per_version_of_a_draft(tmp_path: Path):
    drafts = {"a": tmp_path / "a.docx", "b": tmp_path / "b.docx"}
    drafts["a"].write_bytes(b"draf a")
    drafts["b"].write_bytes(b"draf b")
    reads: list[str] = []

    def read(draft: Path) -> list[str]:
        reads.append(draft.name)
        return [f"Bagian {draft.read_bytes().decode()}"]

    manifest = Manifest(tmp_path / "manifest.json")
    assert manifest.unfilled_in(drafts, read) == {"a": ["Bagian draf a"], "b": ["Bagian draf b"]}
    manifest.save()
    again = Manifest.load(tmp_path)
    assert again.unfilled_in(drafts, read) == {"a": ["Bagian draf a"], "b": ["Bagian draf b"]}
    assert reads == ["a.docx", "b.docx"]  # the unchanged drafts were not read again

    drafts["a"].write_bytes(b"draf a disunting")  # the staff filled a section in Word
    assert again.unfilled_in(drafts, read)["a"] == ["Bagian draf a disunting"]
    assert reads == ["a.docx", "b.docx", "a.docx"]
    assert len(again.unfilled) == 2  # the old version of a.docx is forgotten


def test_a_garbled_memory_of_empty_sections_is_ignored(tmp_path: Path):
    (tmp_path / "manifest.json").write_text(
        '{"kecamatan": {}, "narasi_kosong": {"x": "bukan daftar", "y": [1, 2]}}',
        encoding="utf-8",
    )
    assert Manifest.load(tmp_path).unfilled == {}
