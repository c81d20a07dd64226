"""Start-up checks on the environment: run settings in a fresh interpreter."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SETUP = "import django; django.setup(); print('started')"
PRODUCTION = {"DJANGO_DEBUG": "false", "SITE_URL": "https://www.example.org"}


def start(*command, **env):
    """Import the settings as a fresh process would, with exactly `env` set
    (or run `command`, e.g. manage.py, in that environment)."""
    keep = {
        k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "SITE_"))
    }
    keep.pop("DATABASE_URL", None)
    keep.pop("CACHE_URL", None)
    return subprocess.run(
        [sys.executable, *(command or ["-c", SETUP])],
        cwd=ROOT,
        env=keep | {"DJANGO_SETTINGS_MODULE": "hawkins_site.settings"} | env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_refuses_to_start_without_secret_key_when_debug_is_off():
    result = start(**PRODUCTION)
    assert result.returncode != 0
    assert "Set the DJANGO_SECRET_KEY environment variable." in result.stderr


@pytest.mark.parametrize(
    "command",
    [
        ["manage.py", "check"],
        ["-c", "import hawkins_site.wsgi"],
        ["-c", "import hawkins_site.asgi"],
    ],
)
def test_a_missing_variable_stops_start_up_with_one_sentence(command):
    """No traceback to read through: one line naming the variable."""
    result = start(*command, **PRODUCTION)
    assert result.returncode != 0
    assert result.stderr == (
        "Cannot start: Set the DJANGO_SECRET_KEY environment variable.\n"
    )


def test_refuses_to_start_without_site_url_when_debug_is_off():
    """A default would put 127.0.0.1 into every feed, share link and sitemap."""
    result = start("manage.py", "check", DJANGO_DEBUG="false", DJANGO_SECRET_KEY="x")
    assert result.returncode != 0
    assert result.stderr == "Cannot start: Set the SITE_URL environment variable.\n"


def test_starts_with_a_secret_key():
    result = start(**PRODUCTION, DJANGO_SECRET_KEY="x" * 50)
    assert result.returncode == 0, result.stderr
    assert "started" in result.stdout


def test_debug_runs_without_a_secret_key():
    result = start(DJANGO_DEBUG="true")
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("SITE_URL", "www.example.org", "Set SITE_URL to an origin"),
        ("SITE_URL", "https://example.org/blog", "Set SITE_URL to an origin"),
        ("SITE_URL", "", "Set SITE_URL to an origin"),
        ("SITE_URL", "https://example.org?x=1", "Set SITE_URL to an origin"),
        ("DJANGO_DEBUG", "maybe", "Set DJANGO_DEBUG to true or false"),
        ("CACHE_URL", "memcached://x", "Set CACHE_URL to a redis:// URL"),
        ("DATABASE_URL", "", "Set DATABASE_URL to a database URL"),
        ("DATABASE_URL", "mysql//nohost", "Set DATABASE_URL to a database URL"),
    ],
)
def test_bad_values_stop_start_up_with_a_clear_sentence(name, value, message):
    result = start(**{"DJANGO_DEBUG": "true", name: value})
    assert result.returncode != 0
    assert message in result.stderr


def test_database_url_selects_postgres_and_default_is_sqlite():
    code = (
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.DATABASES['default']['ENGINE'])"
    )
    base = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    base |= {"DJANGO_SETTINGS_MODULE": "hawkins_site.settings", "DJANGO_DEBUG": "true"}
    run = lambda env: subprocess.run(  # noqa: E731
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    ).stdout.strip()
    assert run(base) == "django.db.backends.sqlite3"
    pg = base | {"DATABASE_URL": "postgres://postgres@127.0.0.1:5432/x"}
    assert run(pg) == "django.db.backends.postgresql"


def test_time_zone_is_london(settings):
    assert settings.TIME_ZONE == "Europe/London"
    assert settings.USE_TZ is True


def test_a_non_ascii_number_stops_start_up_with_a_clear_sentence():
    result = start(**PRODUCTION, DJANGO_SECRET_KEY="x" * 50, DJANGO_HSTS_SECONDS="²")
    assert result.returncode != 0
    assert "Set DJANGO_HSTS_SECONDS to a whole number" in result.stderr
