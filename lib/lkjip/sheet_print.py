"""How a worksheet prints: A4, one page wide (as many pages down as needed), its title rows
repeated on every page, a footer with the sheet name and page number. Shared by the input
workbook (:mod:`lkjip.template`) and the city recap (:mod:`lkjip.batch.recap`)."""

from __future__ import annotations

from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet


def print_one_page_wide(ws: Worksheet, landscape: bool, title_rows: str | None = None) -> None:
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    if title_rows:
        ws.print_title_rows = title_rows
        ws.print_options.gridLines = True
    ws.oddFooter.center.text = "&A — halaman &P dari &N"
