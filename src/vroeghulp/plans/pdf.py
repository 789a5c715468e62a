"""The plan as a PDF (WeasyPrint) and as a printable page, from one template."""

import datetime
from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from vroeghulp.pdf_pages import html_to_pdf


def context_for(content: dict, number: int) -> dict:
    return {
        "content": content,
        "number": number,
        "date": datetime.date.fromisoformat(content["date"]),
        "born": datetime.date.fromisoformat(content["child"]["date_of_birth"]),
    }


def render_html(
    content: dict,
    number: int,
    *,
    for_print_page: bool = False,
    logo_src: str = "",
    back_url: str = "",
) -> str:
    """The plan as HTML; as a page (`for_print_page`) it fits a phone and has a way back."""
    context = context_for(content, number) | {
        "for_print_page": for_print_page,
        "logo": logo_src,
        "back_url": back_url,
    }
    return render_to_string("plans/document.html", context)


def render_pdf(content: dict, number: int, network=None, language: str = "") -> bytes:
    """The issued version is a document that never changes: it is written in the network's
    language, not in the language the professional who issued it happened to choose. A parent
    who reads another language gets the same content with its headings in their language
    (`language`), made when they download it."""
    logo = Path(network.logo.path).as_uri() if network is not None and network.logo else ""
    with translation.override(language or settings.LANGUAGE_CODE):
        html = render_html(content, number, logo_src=logo)
    return html_to_pdf(html, pdf_variant="pdf/ua-1")
