"""`age`: a child's calendar age, with the corrected age beside it for a child under the rule
("1 jaar 2 mnd (gecorrigeerd 11 mnd)"). It only calls `corrected_age`; lists load the child's
network with the child (`child__network`) so it costs no query."""

from django import template

from vroeghulp.children.corrected_age import age_of, age_of_registration

register = template.Library()


@register.filter
def age(value, on=None) -> str:
    """`{{ child|age }}` today, `{{ child|age:some_date }}` on a date; a registration too."""
    if value is None:
        return ""
    if hasattr(value, "child_date_of_birth"):
        return str(age_of_registration(value, on))
    return str(age_of(value, on))
