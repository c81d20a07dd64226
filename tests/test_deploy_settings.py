"""Production settings (issue #8, item 1): `check --deploy` is clean and the
HTTPS, cookie and HSTS settings are what the README promises."""

import json
import os
import subprocess
import sys

from tests.test_settings import ROOT, start

PRODUCTION = {
    "DJANGO_DEBUG": "false",
    "DJANGO_SECRET_KEY": "a-production-like-key-" + "x7Qp" * 12,
    "DJANGO_ALLOWED_HOSTS": "www.example.org",
    "SITE_URL": "https://www.example.org",
    "DJANGO_SECURE_SSL_REDIRECT": "true",
    "SITE_SECURITY_CONTACT": "mailto:security@example.org",
}

NAMES = [
    "DEBUG",
    "SECURE_SSL_REDIRECT",
    "SESSION_COOKIE_SECURE",
    "SESSION_COOKIE_HTTPONLY",
    "CSRF_COOKIE_SECURE",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_CONTENT_TYPE_NOSNIFF",
    "SECURE_REFERRER_POLICY",
    "SECURE_CROSS_ORIGIN_OPENER_POLICY",
    "X_FRAME_OPTIONS",
    "SESSION_COOKIE_AGE",
    "SESSION_SAVE_EVERY_REQUEST",
    "ADMIN_PATH",
    "SECRET_KEY_FALLBACKS",
    "DATABASES",
]


def settings_under(**env):
    code = (
        "import django, json; django.setup(); from django.conf import settings; "
        f"names = {NAMES!r}; "
        "values = {n: getattr(settings, n) for n in names}; "
        "values['PROXY'] = getattr(settings, 'SECURE_PROXY_SSL_HEADER', None); "
        "print(json.dumps(values))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=_env(env),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def _env(extra):
    keep = {
        k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "SITE_"))
    }
    keep.pop("DATABASE_URL", None)
    return keep | {"DJANGO_SETTINGS_MODULE": "hawkins_site.settings"} | extra


def test_check_deploy_reports_nothing_under_production_settings():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=_env(PRODUCTION),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_check_deploy_passes_without_a_security_contact_but_says_so():
    """An optional setting: mentioned (Info), never a warning that fails
    `make check`."""
    env = {k: v for k, v in PRODUCTION.items() if k != "SITE_SECURITY_CONTACT"}
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=_env(env),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    output = result.stdout + result.stderr
    assert "hawkins_site.I001" in output
    assert "WARNINGS" not in output


def test_production_settings_are_https_only_with_safe_cookies():
    values = settings_under(**PRODUCTION)
    assert values["DEBUG"] is False
    assert values["SECURE_SSL_REDIRECT"] is True
    assert values["SESSION_COOKIE_SECURE"] is True
    assert values["SESSION_COOKIE_HTTPONLY"] is True
    assert values["CSRF_COOKIE_SECURE"] is True
    assert values["SECURE_HSTS_SECONDS"] >= 31_536_000
    assert values["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True
    assert values["SECURE_CONTENT_TYPE_NOSNIFF"] is True
    assert values["SECURE_REFERRER_POLICY"] == "strict-origin-when-cross-origin"
    assert values["SECURE_CROSS_ORIGIN_OPENER_POLICY"] == "same-origin"
    assert values["X_FRAME_OPTIONS"] == "DENY"


def test_debug_is_off_unless_asked_for():
    env = {k: v for k, v in PRODUCTION.items() if k != "DJANGO_DEBUG"}
    assert settings_under(**env)["DEBUG"] is False


def test_proxy_header_is_trusted_only_when_behind_the_tls_proxy():
    assert settings_under(**PRODUCTION)["PROXY"] is None
    behind = settings_under(**PRODUCTION, DJANGO_BEHIND_TLS_PROXY="true")
    assert behind["PROXY"] == ["HTTP_X_FORWARDED_PROTO", "https"]


def test_staff_sessions_expire_after_idle_time_set_in_the_environment():
    values = settings_under(**PRODUCTION)
    assert values["SESSION_COOKIE_AGE"] == 120 * 60
    assert values["SESSION_SAVE_EVERY_REQUEST"] is True  # inactivity, not age
    shorter = settings_under(**PRODUCTION, DJANGO_SESSION_IDLE_MINUTES="30")
    assert shorter["SESSION_COOKIE_AGE"] == 30 * 60


def test_bad_security_values_stop_start_up():
    for name, value, message in [
        ("DJANGO_SESSION_IDLE_MINUTES", "soon", "DJANGO_SESSION_IDLE_MINUTES"),
        ("DJANGO_ADMIN_PATH", "../x", "Set DJANGO_ADMIN_PATH"),
        ("DJANGO_ADMIN_PATH", "/", "Set DJANGO_ADMIN_PATH"),
        ("SITE_SECURITY_CONTACT", "http://example.org/x", "SITE_SECURITY_CONTACT"),
        ("SITE_SECURITY_CONTACT", "security@example.org", "SITE_SECURITY_CONTACT"),
        ("SITE_SECURITY_CONTACT", "mailto:a@b.org\nExpires: 2099", "SITE_SECURITY"),
    ]:
        result = start(**(PRODUCTION | {name: value}))
        assert result.returncode != 0, name
        assert message in result.stderr, result.stderr


def test_old_secret_keys_can_be_kept_as_fallbacks_while_rotating():
    assert settings_under(**PRODUCTION)["SECRET_KEY_FALLBACKS"] == []
    values = settings_under(**PRODUCTION, DJANGO_SECRET_KEY_FALLBACKS="old-1, old-2")
    assert values["SECRET_KEY_FALLBACKS"] == ["old-1", "old-2"]


def test_postgres_connections_persist_and_are_health_checked():
    """A PostgreSQL restart costs only the requests in flight (README,
    "Database faults"): a connection is kept for a while, and checked before a
    request reuses it, so a dead one is replaced instead of failing the request."""
    for url in [
        "postgres://hawkins:secret@db.example.org:5432/hawkins",
        "postgresql://hawkins@127.0.0.1/hawkins?sslmode=require",
    ]:
        database = settings_under(**PRODUCTION, DATABASE_URL=url)["DATABASES"]
        default = database["default"]
        assert default["ENGINE"] == "django.db.backends.postgresql", url
        assert default["CONN_MAX_AGE"] >= 60, url
        assert default["CONN_HEALTH_CHECKS"] is True, url
