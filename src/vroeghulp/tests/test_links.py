"""`link` gives the same address as `reverse`, also behind a script prefix."""

import uuid

import pytest
from django.urls import clear_script_prefix, reverse, set_script_prefix

from vroeghulp.links import link

NAMES = ["cases:detail", "cases:registration", "meetings:detail", "followup:case", "plans:plan"]


@pytest.mark.parametrize("name", NAMES)
def test_link_is_the_reversed_address(name):
    code = uuid.uuid4()
    assert link(code, name) == reverse(name, kwargs={"code": code})
    assert link(str(code), name) == reverse(name, kwargs={"code": code})


def test_link_follows_the_script_prefix():
    code = uuid.uuid4()
    set_script_prefix("/vroeghulp/")
    try:
        assert link(code, "cases:detail") == reverse("cases:detail", kwargs={"code": code})
        assert link(code, "cases:detail").startswith("/vroeghulp/")
    finally:
        clear_script_prefix()


def test_a_code_that_is_not_one_is_refused():
    with pytest.raises(ValueError):
        link("../beheer/", "cases:detail")
