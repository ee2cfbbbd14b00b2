from conftest import ROOT
from lkjip.contract_doc import contract_markdown
from lkjip.rules import preset_names
from lkjip.schema import SHEETS


def test_data_contract_document_is_generated_from_the_schema():
    text = (ROOT / "docs/data-contract.md").read_text(encoding="utf-8")
    assert text == contract_markdown(), "run: lkjip contract docs/data-contract.md"
    for sheet in SHEETS:
        assert f"## `{sheet.name}`" in text


def test_every_preset_is_documented():
    text = (ROOT / "docs/rules.md").read_text(encoding="utf-8")
    for name in preset_names():
        assert f"`{name}`" in text
