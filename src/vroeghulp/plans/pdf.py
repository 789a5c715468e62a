"""The plan as a PDF (WeasyPrint) and as a printable page, from one template."""

import datetime

from django.conf import settings
from django.template.loader import render_to_string
from weasyprint import CSS, HTML

STYLESHEET = settings.BASE_DIR / "static" / "css" / "plan.css"


def context_for(content: dict, number: int) -> dict:
    return {
        "content": content,
        "number": number,
        "date": datetime.date.fromisoformat(content["date"]),
        "born": datetime.date.fromisoformat(content["child"]["date_of_birth"]),
    }


def render_html(content: dict, number: int, *, for_print_page: bool = False) -> str:
    context = context_for(content, number) | {"for_print_page": for_print_page}
    return render_to_string("plans/document.html", context)


def render_pdf(content: dict, number: int) -> bytes:
    html = render_html(content, number)
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf(
        stylesheets=[CSS(filename=str(STYLESHEET))], pdf_variant="pdf/ua-1"
    )
