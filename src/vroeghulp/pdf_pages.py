"""Pages of the project's print style as PDFs (WeasyPrint): the advice plan, a meeting pack."""

from django.conf import settings
from weasyprint import CSS, HTML

STYLESHEET = settings.BASE_DIR / "static" / "css" / "plan.css"


def html_to_pdf(html: str, **options) -> bytes:
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf(
        stylesheets=[CSS(filename=str(STYLESHEET))], **options
    )
