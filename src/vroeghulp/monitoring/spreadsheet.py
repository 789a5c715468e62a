"""The indicators as an XLSX workbook: one sheet of figures, one of definitions."""

import io

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from .indicators import INDICATORS, Scope
from .presentation import Row, unit_label


def workbook(table: list[Row], scope: Scope) -> bytes:
    book = Workbook()
    figures = book.active
    figures.title = _("Indicatoren")
    period = {"start": f"{scope.start:%d-%m-%Y}", "end": f"{scope.end:%d-%m-%Y}"}
    figures.append([_("Periode %(start)s tot en met %(end)s") % period])
    figures.append([_("Indicator"), _("Waarde"), _("Toelichting bij de waarde"), _("Uitsplitsing")])
    for row in table:
        breakdown = "; ".join(f"{cell.label}: {cell.shown}" for cell in row.breakdown)
        figures.append([row.name, row.value, row.detail, breakdown])
    definitions = book.create_sheet(_("Definities"))
    definitions.append([_("Indicator"), _("Eenheid"), _("Definitie")])
    for indicator in INDICATORS:
        definitions.append(
            [str(indicator.name), unit_label(indicator.unit), str(indicator.explanation)]
        )
    definitions.append([])
    definitions.append(
        [
            _(
                "Elk aantal staat er als bandbreedte (5–8, 9–12, …); 0 tot en met 4 als <5. "
                "Percentages zijn uit die bandbreedtes berekend."
            )
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
