"""Admin protection (issue #8, item 3): login lockout (django-axes), the admin
at a configurable path, staff sessions that end after inactivity, password rules."""

import json
import subprocess
import sys
from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.test_deploy_settings import _env
from tests.test_settings import ROOT

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-password"


@pytest.fixture
def author(django_user_model):
    return django_user_model.objects.create_superuser(
        "author", "author@example.org", PASSWORD
    )


def log_in(client, password, username="author", ip="203.0.113.7", **headers):
    return client.post(
        reverse("admin:login"),
        {"username": username, "password": password, "next": reverse("admin:index")},
        REMOTE_ADDR=ip,
        **headers,
    )


def fail(client, times, **kwargs):
    return [
        log_in(client, "wrong-password", **kwargs).status_code for _ in range(times)
    ]


# --- Lockout -------------------------------------------------------------------


def test_five_failures_lock_the_user_out_with_a_plain_429_page(client, author):
    assert fail(client, 4) == [200] * 4  # the form again, with its error
    response = log_in(client, "wrong-password")
    assert response.status_code == 429
    assert response["Retry-After"] == "900"
    text = response.content.decode()
    assert "Too many attempts to log in" in text
    assert "15 minutes" in text
    assert "Traceback" not in text
    # Locked: even the right password is refused now, and nobody is logged in.
    response = log_in(client, PASSWORD)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_spelling_the_username_differently_does_not_reset_the_count(client, author):
    for name in ["author", "Author", "AUTHOR ", "author", " author"]:
        last = log_in(client, "wrong-password", username=name)
    assert last.status_code == 429
    assert log_in(client, PASSWORD).status_code == 429


def test_the_lock_is_per_username_and_address(client, author, django_user_model):
    django_user_model.objects.create_user("helper", password=PASSWORD, is_staff=True)
    fail(client, 5)
    assert log_in(Client(), PASSWORD, ip="198.51.100.9").status_code == 302
    assert log_in(Client(), PASSWORD, username="helper").status_code == 302


def test_a_successful_login_resets_the_count(client, author):
    fail(client, 4)
    assert log_in(client, PASSWORD).status_code == 302
    client.logout()
    assert fail(Client(), 4) == [200] * 4
    assert log_in(Client(), PASSWORD).status_code == 302


def test_the_lock_lifts_after_fifteen_minutes(client, author):
    fail(client, 5)
    assert log_in(client, PASSWORD).status_code == 429
    AccessAttempt.objects.update(
        attempt_time=timezone.now() - timedelta(minutes=15, seconds=5)
    )
    assert log_in(Client(), PASSWORD).status_code == 302


def test_behind_the_proxy_a_forged_forwarded_address_does_not_dodge_the_lock(
    client, author, settings
):
    """The proxy appends the address it saw; only that last entry counts."""
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    for n in range(5):
        log_in(
            client,
            "wrong-password",
            ip="127.0.0.1",
            HTTP_X_FORWARDED_FOR=f"10.0.0.{n}, 203.0.113.7",
        )
    forged = log_in(
        Client(), PASSWORD, ip="127.0.0.1", HTTP_X_FORWARDED_FOR="10.9.9.9, 203.0.113.7"
    )
    assert forged.status_code == 429
    other = log_in(Client(), PASSWORD, ip="127.0.0.1", HTTP_X_FORWARDED_FOR="192.0.2.1")
    assert other.status_code == 302


# --- Admin path ----------------------------------------------------------------

ADMIN_PATH_PROBE = """
import json, django
django.setup()
from django.core.management import call_command
from django.test import Client
from django.test.utils import setup_test_environment
from django.urls import reverse
call_command("migrate", verbosity=0)  # a fresh in-memory database (see below)
setup_test_environment()
client = Client()
login = client.get("/desk/login/")
print(json.dumps({
    "index": reverse("admin:index"),
    "old": client.get("/admin/").status_code,
    "old_login": client.get("/admin/login/").status_code,
    "new": client.get("/desk/").status_code,
    "login": login.status_code,
    "login_csp": login["Content-Security-Policy"],
}))
"""


def test_the_admin_moves_to_the_path_set_in_the_environment():
    result = subprocess.run(
        [sys.executable, "-c", ADMIN_PATH_PROBE],
        cwd=ROOT,
        # Its own in-memory database: a 404 consults the old-address table.
        env=_env(
            {
                "DJANGO_DEBUG": "true",
                "DJANGO_ADMIN_PATH": "desk/",
                "DATABASE_URL": "sqlite://:memory:",
            }
        ),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen["index"] == "/desk/"
    assert seen["old"] == 404 and seen["old_login"] == 404
    assert seen["new"] == 302  # to the login page
    assert seen["login"] == 200
    assert "'unsafe-inline'" in seen["login_csp"]  # the admin policy follows it


def test_the_admin_defaults_to_admin(settings):
    assert settings.ADMIN_PATH == "admin/"
    assert reverse("admin:index") == "/admin/"


# --- Sessions ------------------------------------------------------------------


def test_staff_session_ends_after_two_idle_hours(client, author, travel):
    client.force_login(author)
    index = reverse("admin:index")
    assert client.get(index).status_code == 200
    travel(timedelta(hours=2, minutes=1))
    response = client.get(index)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_activity_keeps_the_session_alive(client, author, travel):
    client.force_login(author)
    index = reverse("admin:index")
    for hours in (1.5, 3, 4.5):  # a request every 90 minutes: never idle 2 hours
        travel(timedelta(hours=hours))
        assert client.get(index).status_code == 200, hours


def test_public_pages_give_readers_no_session_cookie(client):
    response = client.get("/")
    assert "sessionid" not in response.cookies


# --- Passwords -----------------------------------------------------------------


@pytest.mark.parametrize(
    "password",
    ["Sh0rt-pw!", "password1234", "4815162342108", "drhawkins-edinburgh"],
    ids=["too-short", "common", "all-digits", "like-the-username"],
)
def test_weak_passwords_are_refused(django_user_model, password):
    user = django_user_model(username="drhawkins-edinburgh", email="dr@example.org")
    with pytest.raises(ValidationError):
        validate_password(password, user)


def test_a_long_uncommon_password_is_accepted(django_user_model):
    user = django_user_model(username="drhawkins", email="dr@example.org")
    validate_password("lemon tree under a grey Leith sky", user)


def test_the_admin_password_change_form_applies_the_rules(client, author):
    client.force_login(author)
    response = client.post(
        reverse("admin:password_change"),
        {
            "old_password": PASSWORD,
            "new_password1": "password1234",
            "new_password2": "password1234",
        },
    )
    assert response.status_code == 200  # the form again, with the reason
    assert "too common" in response.content.decode()
    author.refresh_from_db()
    assert author.check_password(PASSWORD)


def test_a_rotated_key_keeps_staff_logged_in_through_the_fallback(author, settings):
    """README "Security": rotate by moving the old key to the fallbacks. A
    session used while the fallback is there moves to the new key; one that
    is not must log in again once the fallback is dropped."""
    old, new = "the-old-key-" + "o" * 40, "the-new-key-" + "n" * 40
    settings.SECRET_KEY = old
    active, idle = Client(), Client()
    active.force_login(author)
    idle.force_login(author)
    settings.SECRET_KEY, settings.SECRET_KEY_FALLBACKS = new, [old]
    assert active.get(reverse("admin:index")).status_code == 200
    settings.SECRET_KEY_FALLBACKS = []
    assert active.get(reverse("admin:index")).status_code == 200
    assert idle.get(reverse("admin:index")).status_code == 302  # log in again
