import pytest
from django.test import RequestFactory

from hawkins_site.params import parse_year, requested_page


@pytest.mark.parametrize(
    ("text", "year"),
    [("2024", 2024), ("1", 1), ("9998", 9998), ("9999", None), ("0", None),
     ("²", None), ("٢٠٢٤", None), ("9" * 5000, None), ("-1", None), ("", None),
     (None, None), ("2024.0", None)],
)  # fmt: skip
def test_parse_year(text, year):
    assert parse_year(text) == year


@pytest.mark.parametrize(
    ("raw", "page"),
    [("", 1), ("abc", 1), ("²", 1), ("0", 1), ("3", 3), ("9" * 19, None),
     ("9" * 5000, None)],
)  # fmt: skip
def test_requested_page(raw, page):
    assert requested_page(RequestFactory().get("/", {"page": raw})) == page
