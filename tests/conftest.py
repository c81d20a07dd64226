import pytest
from django.core.cache import cache
from django.utils import timezone


@pytest.fixture(autouse=True)
def _plain_static_storage(settings):
    """Tests render templates without running collectstatic first."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {
            "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        },
    }


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: no cached page or content version
    leaks from one test into the next."""
    cache.clear()


@pytest.fixture
def no_page_cache(settings):
    """Every request renders, as tests that count a page's queries need."""
    settings.PAGE_CACHE_ENABLED = False


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Uploaded files go to a per-test directory, never into the checkout."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def staff_client(client, django_user_model):
    user = django_user_model.objects.create_user(
        "editor", "editor@example.org", "a-long-test-password", is_staff=True
    )
    client.force_login(user)
    return client


@pytest.fixture
def travel(monkeypatch):
    """travel(timedelta) moves the clock forward for everything that asks
    django.utils.timezone.now(), as a scheduled post's due time passing."""
    real_now = timezone.now

    def go(delta):
        monkeypatch.setattr(timezone, "now", lambda: real_now() + delta)

    return go


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Creating users and logging in hash passwords; the production hasher is
    slow on purpose, which tests do not need to prove."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
