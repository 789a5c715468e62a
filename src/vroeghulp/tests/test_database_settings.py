"""PostgreSQL plans for data on SSDs or in memory, whatever the server's default."""

import pytest
from django.db import connection


@pytest.mark.django_db
def test_random_page_cost_on_postgresql():
    if connection.vendor != "postgresql":
        assert "options" not in connection.settings_dict.get("OPTIONS", {})
        return
    with connection.cursor() as cursor:
        cursor.execute("SHOW random_page_cost")
        assert cursor.fetchone() == ("1.1",)
