"""Long lists shown a part at a time: with the total counted in the same query, or, where a
count would read every row, with only a link to the next page."""

from dataclasses import dataclass

from django.db.models import Count, QuerySet, Window


def first_rows(rows: QuerySet, limit: int, offset: int = 0) -> tuple[list, int]:
    """`limit` rows from `offset` on, and how many rows there are in all (one query)."""
    found = list(rows.annotate(in_all=Window(Count("pk")))[offset : offset + limit])
    return found, found[0].in_all if found else 0


# Beyond any list's end, and an offset every database can take
LAST_PAGE_ASKED = 100_000


def page_number(asked) -> int:
    """The page asked for in the query string; anything that is not a page number: the first."""
    try:
        return min(max(int(asked), 1), LAST_PAGE_ASKED)
    except (TypeError, ValueError):
        return 1


def rows_of_page(rows: QuerySet, per_page: int, asked) -> tuple[list, int, int]:
    """The rows of page `asked` (from the query string), that page's number and the total.

    A page number that is not one, or past the end, gives the first page.
    """
    number = page_number(asked)
    found, in_all = first_rows(rows, per_page, (number - 1) * per_page)
    if not found and number > 1:
        number = 1
        found, in_all = first_rows(rows, per_page)
    return found, number, in_all


@dataclass
class NextPrevious:
    """A page of rows that knows only whether there is a next one, as the template asks
    `page.has_next` and the like: no count of every row (a network's log has a hundred
    thousand)."""

    object_list: list
    number: int
    has_next: bool

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_other_pages(self) -> bool:
        return self.has_previous or self.has_next

    def previous_page_number(self) -> int:
        return self.number - 1

    def next_page_number(self) -> int:
        return self.number + 1


def next_previous_page(rows: QuerySet, per_page: int, asked) -> NextPrevious:
    """Page `asked` (from the query string; not a number: the first) in one query of one row
    more than shown. A page past the end is empty and links back."""
    number = page_number(asked)
    start = (number - 1) * per_page
    found = list(rows[start : start + per_page + 1])
    return NextPrevious(found[:per_page], number, len(found) > per_page)
