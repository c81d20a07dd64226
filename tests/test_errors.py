"""Error pages (issue #8, items 5 and 6): they leak nothing, and a database
outage is a friendly 503 that heals by itself when the database is back."""

import pytest
from django.db import InterfaceError, OperationalError, connections
from django.test import Client

from hawkins_site.errors import is_database_outage
from tests.factories import make_post

pytestmark = pytest.mark.django_db

LEAKS = ["Traceback", "SECRET_KEY", "DATABASES", "test-only-not-a-secret",
         "Using the URLconf", "urlpatterns", "internal detail", "site-packages",
         "hawkins_site", "Exception Value"]  # fmt: skip


@pytest.fixture
def browser():
    """A client that gets the error pages a reader would, not the exception."""
    return Client(raise_request_exception=False)


def assert_no_leaks(response):
    text = response.content.decode()
    for leak in LEAKS:
        assert leak not in text, leak


def test_debug_is_off_in_tests_as_in_production(settings):
    assert settings.DEBUG is False


def test_404_page_is_friendly_and_leaks_nothing(browser):
    response = browser.get("/posts/no-such-post/")
    assert response.status_code == 404
    assert "Sorry, there is nothing here" in response.content.decode()
    assert_no_leaks(response)


@pytest.mark.urls("tests.error_urls")
def test_500_page_is_friendly_and_leaks_nothing(browser):
    response = browser.get("/broken/")
    assert response.status_code == 500
    assert "Something went wrong on our side" in response.content.decode()
    assert "Retry-After" not in response
    assert_no_leaks(response)


# --- The database goes away -----------------------------------------------------


@pytest.fixture
def database_down(monkeypatch):
    """Every query fails as it does while PostgreSQL restarts: the server
    refuses connections. `database_down.back()` brings it back."""

    def refuse(*args, **kwargs):
        raise OperationalError(
            'connection to server at "127.0.0.1", port 5432 failed: Connection refused'
        )

    class Switch:
        def __init__(self):
            monkeypatch.setattr(connections["default"], "ensure_connection", refuse)

        def back(self):
            monkeypatch.undo()

        def fail_with(self, error):
            def fail(*args, **kwargs):
                raise error

            monkeypatch.setattr(connections["default"], "ensure_connection", fail)

    return Switch


PAGES = ["/", "/posts/kept-safe/", "/tags/", "/tags/sleep/", "/archive/",
         "/archive/2020/", "/series/", "/feed/", "/feed/atom/", "/rss.xml",
         "/sitemap.xml", "/p/1/"]  # fmt: skip


def test_public_pages_answer_503_while_the_database_is_down_then_recover(
    browser, database_down
):
    post = make_post(slug="kept-safe", tags=["sleep"])
    outage = database_down()
    for page in PAGES:
        response = browser.get(page)
        assert response.status_code == 503, page
        assert response["Retry-After"] == "30"
        assert response["Cache-Control"] == "no-store"
        assert "Back in a moment" in response.content.decode()
        assert_no_leaks(response)
    outage.back()
    assert browser.get("/").status_code == 200
    assert browser.get(post.get_absolute_url()).status_code == 200


def test_a_dropped_connection_is_a_503_too(browser, database_down):
    database_down().fail_with(InterfaceError("connection already closed"))
    assert browser.get("/").status_code == 503


def test_the_admin_answers_503_too_rather_than_a_traceback(
    browser, database_down, admin_user
):
    browser.force_login(admin_user)
    database_down()  # the session, the user and the page all need the database
    response = browser.get("/admin/")
    assert response.status_code == 503
    assert_no_leaks(response)


def test_pages_that_need_no_database_keep_working(browser, database_down):
    database_down()
    assert browser.get("/robots.txt").status_code == 200


def test_other_database_errors_stay_500s():
    from django.db import IntegrityError

    assert not is_database_outage(IntegrityError("duplicate key"))
    assert not is_database_outage(RuntimeError("bug"))


def test_an_error_raised_while_handling_an_outage_counts_as_the_outage():
    try:
        try:
            raise OperationalError("server closed the connection unexpectedly")
        except OperationalError:
            raise RuntimeError("template failed") from None
    except RuntimeError as error:
        assert error.__context__ is not None
        assert is_database_outage(error)
