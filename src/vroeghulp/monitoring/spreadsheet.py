"""The indicators as an XLSX workbook: one sheet of figures, one of definitions."""

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from .indicators import INDICATORS, Scope
from .presentation import Row


def workbook(table: list[Row], scope: Scope) -> bytes:
    book = Workbook()
    figures = book.active
    figures.title = "Indicatoren"
    figures.append([f"Periode {scope.start:%d-%m-%Y} tot en met {scope.end:%d-%m-%Y}"])
    figures.append(["Indicator", "Waarde", "Toelichting bij de waarde", "Uitsplitsing"])
    for row in table:
        breakdown = "; ".join(f"{cell.label}: {cell.shown}" for cell in row.breakdown)
        figures.append([row.name, row.value, row.detail, breakdown])
    definitions = book.create_sheet("Definities")
    definitions.append(["Indicator", "Eenheid", "Definitie"])
    for indicator in INDICATORS:
        definitions.append([indicator.name, indicator.unit, indicator.explanation])
    definitions.append([])
    definitions.append(
        [
            "Elk aantal staat er als bandbreedte (5–8, 9–12, …); 0 tot en met 4 als <5. "
            "Percentages zijn uit die bandbreedtes berekend."
        ]
    )
    for sheet, widths in ((figures, (34, 22, 50, 60)), (definitions, (34, 10, 90))):
        for row in sheet.iter_rows(min_row=1, max_row=2):
            for cell in row:
                cell.font = Font(bold=True)
        for column, width in zip("ABCD", widths, strict=False):
            sheet.column_dimensions[column].width = width
        for row in sheet.iter_rows():
            for cell in row:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
