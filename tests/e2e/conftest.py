"""The browser suite's fixtures.

The real site is served from a thread of this process, as in production: DEBUG
off, static files collected into a temporary STATIC_ROOT with hashed and
compressed names and served by whitenoise, uploads in a temporary MEDIA_ROOT
(served by Django's test server only; production serves media from nginx),
on the test database of the run (PostgreSQL in CI). One Chromium serves the
whole session; each test gets a fresh browser context.

The server's threads must see what the tests write, so the tests are
transactional (`django_db(transaction=True)`): rows are committed, and
pytest-django empties the tables after each test.
"""

import io
import json
import os
from dataclasses import dataclass

import pytest
from django.conf import settings
from django.core.cache import caches
from django.core.management import call_command
from django.db import connections
from django.test.testcases import LiveServerThread
from django.test.utils import override_settings
from django.urls import reverse
from playwright.sync_api import expect, sync_playwright

from posts.demo_content import POSTS, SERIES
from talks.demo_content import TALKS

from . import browser as b
from .content import add_rich_post

# Generous for a busy 2-core machine: every wait is for a condition, not a time.
TIMEOUT_MS = 10_000
expect.set_options(timeout=TIMEOUT_MS)

# Demo pages with the most on them: featured image, download, talks, series.
DEMO_POST = POSTS[0]["slug"]
DEMO_TALK = TALKS[0]["slug"]
DEMO_SERIES = SERIES["slug"]


@pytest.fixture(autouse=True)
def _plain_static_storage():
    """Replaces tests/conftest.py's: the browser gets production's storage."""


@pytest.fixture(autouse=True)
def _media_in_tmp():
    """Replaces tests/conftest.py's: the server keeps one MEDIA_ROOT a session."""


@dataclass
class Site:
    url: str  # the origin, e.g. http://127.0.0.1:40123


def _whitenoise_serves_static(app):
    """LiveServerThread would put its own static handler in front; whitenoise's
    middleware (as in production) serves the collected files instead."""
    return app


@pytest.fixture(scope="session")
def live_site(django_db_setup, tmp_path_factory):
    """The site, served for the whole session on a free port of 127.0.0.1."""
    b.require(b.AXE_JS, "run `make install` (npm ci) first")
    b.require(b.VNU_JAR, "run `make install` (npm ci) first")
    root = tmp_path_factory.mktemp("site")
    production_like = override_settings(
        DEBUG=False,
        SECURE_SSL_REDIRECT=False,  # plain HTTP on the loopback
        STATIC_ROOT=root / "static",
        MEDIA_ROOT=root / "media",
        STORAGES={
            **settings.STORAGES,
            "staticfiles": {
                "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
            },
        },
    )
    production_like.enable()
    # An in-memory SQLite test database exists only through this connection.
    shared = {
        conn.alias: conn
        for conn in connections.all()
        if conn.vendor == "sqlite" and conn.is_in_memory_db()
    }
    server = None
    try:
        call_command("collectstatic", interactive=False, verbosity=0)
        for conn in shared.values():
            conn.inc_thread_sharing()
        server = LiveServerThread(
            "127.0.0.1", _whitenoise_serves_static, connections_override=shared
        )
        server.daemon = True
        server.start()
        server.is_ready.wait()
        if server.error:
            raise server.error
        yield Site(f"http://127.0.0.1:{server.port}")
    finally:
        if server is not None:
            server.terminate()
            for conn in shared.values():
                conn.dec_thread_sharing()
        production_like.disable()


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts from an empty cache: a cached page must not outlive the
    rows it showed (pytest-django empties the tables after each test)."""
    for cache in caches.all():
        cache.clear()


@pytest.fixture
def demo_site(live_site):
    """The site with `manage.py seed_demo`'s posts, series, tags and talks."""
    call_command("seed_demo", stdout=io.StringIO())
    return live_site


@pytest.fixture
def public_pages(demo_site):
    """{name: (path, status)} of the pages every check visits."""
    return {
        "home": (reverse("posts:list"), 200),
        "post": (reverse("posts:detail", kwargs={"slug": DEMO_POST}), 200),
        "rich-post": (add_rich_post().get_absolute_url(), 200),
        "tag": (reverse("posts:tag", kwargs={"slug": "mindfulness"}), 200),
        "tag-cloud": (reverse("posts:tag_cloud"), 200),
        "search": (reverse("posts:search") + "?q=compassion", 200),
        "talks": (reverse("talks:list"), 200),
        "talk": (reverse("talks:detail", kwargs={"slug": DEMO_TALK}), 200),
        "series": (reverse("posts:series", kwargs={"slug": DEMO_SERIES}), 200),
        "archive": (reverse("posts:archive_index"), 200),
        "not-found": ("/no-such-page/", 404),
    }


@pytest.fixture(scope="session")
def chromium():
    b.require(b.CHROMIUM, "apt-get install -y chromium")
    # Playwright's sync API keeps an asyncio loop running on this thread between
    # calls, which Django would take for an async context and refuse ORM calls
    # (the tests' own setup queries). Nothing here is really concurrent.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=str(b.CHROMIUM), headless=True, args=b.CHROMIUM_ARGS
            )
            yield browser
            browser.close()
    finally:
        if previous is None:
            del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def new_context(chromium, live_site):
    """new_context(**options) -> (context, watch): a fresh browser profile on
    the site (no cookies, no cache), with a watcher attached."""
    opened = []

    def make(**options):
        context = chromium.new_context(
            base_url=live_site.url,
            locale="en-GB",
            timezone_id="Europe/London",
            accept_downloads=True,
            **({"viewport": {"width": 1280, "height": 800}} | options),
        )
        # Pages here answer in milliseconds; fail in seconds, not half a minute.
        context.set_default_timeout(TIMEOUT_MS)
        watch = b.Watch(origin=live_site.url)
        watch.attach(context)
        opened.append(context)
        return context, watch

    yield make
    for context in opened:
        context.close()


@pytest.fixture
def page_and_watch(new_context):
    context, watch = new_context()
    return context.new_page(), watch


def pytest_terminal_summary(terminalreporter):
    if b.AXE_NEEDS_REVIEW:
        terminalreporter.section("axe-core: needs a person's review (not failures)")
        for page, lines in b.AXE_NEEDS_REVIEW.items():
            for line in lines:
                terminalreporter.write_line(f"{page}: {line}")
        b.ARTIFACTS.mkdir(exist_ok=True)
        (b.ARTIFACTS / "axe-needs-review.json").write_text(
            json.dumps(b.AXE_NEEDS_REVIEW, indent=2)
        )
    if not b.PAGE_WEIGHTS:
        return
    terminalreporter.section("page weight in the browser (first visit, no cache)")
    terminalreporter.write_line(
        f"{'page':<12} {'requests':>8} {'transfer':>10}  {'HTML':>8}  first-party only"
    )
    for row in b.PAGE_WEIGHTS:
        terminalreporter.write_line(
            f"{row['page']:<12} {row['requests']:>8} {row['transfer_bytes']:>10,}"
            f"  {row['html_bytes']:>8,}  {'yes' if not row['third_party'] else 'NO'}"
        )
    b.ARTIFACTS.mkdir(exist_ok=True)
    (b.ARTIFACTS / "page-weight.json").write_text(json.dumps(b.PAGE_WEIGHTS, indent=2))
    terminalreporter.write_line(f"(also in {b.ARTIFACTS / 'page-weight.json'})")
