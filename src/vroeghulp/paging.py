"""Long lists shown a part at a time, with the total counted in the same query."""

from django.db.models import Count, QuerySet, Window


def first_rows(rows: QuerySet, limit: int, offset: int = 0) -> tuple[list, int]:
    """`limit` rows from `offset` on, and how many rows there are in all (one query)."""
    found = list(rows.annotate(in_all=Window(Count("pk")))[offset : offset + limit])
    return found, found[0].in_all if found else 0


def rows_of_page(rows: QuerySet, per_page: int, asked) -> tuple[list, int, int]:
    """The rows of page `asked` (from the query string), that page's number and the total.

    A page number that is not one, or past the end, gives the first page.
    """
    try:
        number = max(int(asked), 1)
    except (TypeError, ValueError):
        number = 1
    found, in_all = first_rows(rows, per_page, (number - 1) * per_page)
    if not found and number > 1:
        number = 1
        found, in_all = first_rows(rows, per_page)
    return found, number, in_all
