"""Settings for the whole site: one file, every value that differs between
machines read from an environment variable (see .env.example and the README)."""

import os
import re
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE

from hawkins_site import SettingError

BASE_DIR = Path(__file__).resolve().parent.parent


def env(name, default=None):
    """The environment variable `name`; stop start-up if it is unset and required."""
    if (value := os.environ.get(name, default)) is None:
        raise SettingError(f"Set the {name} environment variable.")
    return value


def env_bool(name, default):
    """A true/false environment variable; anything unexpected stops start-up."""
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise SettingError(f"Set {name} to true or false, not {value!r}.")


def env_int(name, default, minimum=1):
    """A whole-number environment variable; anything else stops start-up."""
    value = env(name, str(default)).strip()
    if not (value.isascii() and value.isdigit()) or int(value) < minimum:
        raise SettingError(
            f"Set {name} to a whole number of at least {minimum}, not {value!r}."
        )
    return int(value)


DEBUG = env_bool("DJANGO_DEBUG", False)
SECRET_KEY = env("DJANGO_SECRET_KEY", "dev-only-insecure-key" if DEBUG else None)
# Rotating the key (README, "Security"): the old key goes here for a while, so
# sessions and signed links made with it stay valid. Comma-separated.
SECRET_KEY_FALLBACKS = [
    k.strip() for k in env("DJANGO_SECRET_KEY_FALLBACKS", "").split(",") if k.strip()
]
ALLOWED_HOSTS = [
    h.strip() for h in env("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1").split(",")
]


def env_web_address(name, default, *, what, path=False, optional=False):
    """An http(s) address from the environment, without a trailing slash; a
    query string, a path where `path` is False, or nothing at all unless
    `optional`, stops start-up."""
    value = env(name, default).strip().rstrip("/")
    if not value and optional:
        return ""
    parts = urlsplit(value)
    if (
        parts.scheme not in {"http", "https"}
        or not parts.netloc
        or parts.query
        or (parts.path and not path)
    ):
        raise SettingError(f"Set {name} to {what}, not {value!r}.")
    return value


# The canonical origin: feeds, share links, canonical tags and the sitemap use it,
# whatever Host header a request arrived with.
# Required in production: a default there would put localhost into every feed.
SITE_URL = env_web_address(
    "SITE_URL",
    "http://127.0.0.1:8000" if DEBUG else None,
    what="an origin such as https://www.example.org",
)

# The old Drupal site's $base_url (no trailing slash), e.g. http://www.example.org:
# its feeds' GUIDs were "<nid> at <base_url>", and RSS items of imported posts
# keep them, so feed readers don't show those posts again. Optional.
DRUPAL_BASE_URL = env_web_address(
    "DRUPAL_BASE_URL",
    "",
    what="the old site's address such as http://www.example.org",
    path=True,
    optional=True,
)

SITE_TITLE = env("SITE_TITLE", "Stressed to Zest")
SITE_TAGLINE = env(
    "SITE_TAGLINE",
    "Mindfulness, compassion and the therapeutic relationship: "
    "notes from an Edinburgh doctor and psychotherapist",
)
SITE_AUTHOR_NAME = env("SITE_AUTHOR_NAME", "Dr Hawkins")
SITE_AUTHOR_JOB_TITLE = env("SITE_AUTHOR_JOB_TITLE", "Doctor and psychotherapist")
SITE_FACEBOOK_URL = env("SITE_FACEBOOK_URL", "")
# Where to report a security problem: served in /.well-known/security.txt and
# linked in the footer when set (README, "Security").
SITE_SECURITY_CONTACT = env("SITE_SECURITY_CONTACT", "").strip()
if SITE_SECURITY_CONTACT and not re.fullmatch(
    r"mailto:[^@\s]+@[^@\s]+\.[^@\s]+|https://[^/\s]+\.[^/\s]+(/\S*)?",
    SITE_SECURITY_CONTACT,
):
    raise SettingError(
        "Set SITE_SECURITY_CONTACT to a mailto: or https:// address, not "
        f"{SITE_SECURITY_CONTACT!r}."
    )
# ISO 3166 code of the country talks usually take place in: a new talk's country
# (schema.org addressCountry), which the author can change per talk.
SITE_COUNTRY = env("SITE_COUNTRY", "GB")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "django.forms",
    "taggit",
    "django_ckeditor_5",
    "reversion",
    "csp",
    "axes",
    "hawkins_site",
    "posts",
    "talks",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Before whitenoise, so static files carry the headers too.
    "hawkins_site.security.ContentSecurityPolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Anonymous readers' pages from the cache; a hit skips everything below.
    "hawkins_site.middleware.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Near the end, so it sees a 404 first: old (Drupal) addresses answer 301.
    "posts.redirects.LegacyRedirectMiddleware",
    # Last, as django-axes asks: answers a locked-out login with its own page.
    "axes.middleware.AxesMiddleware",
]

# Widgets may override their templates from templates/ (the tag autocomplete does).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

ROOT_URLCONF = "hawkins_site.urls"
WSGI_APPLICATION = "hawkins_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "hawkins_site.context_processors.site",
            ],
        },
    },
]


# Embedded SQLite unless DATABASE_URL names a server (PostgreSQL in production and CI).
# Persistent connections with health checks survive a database restart.
def _database_config(url):
    """DATABASE_URL as Django's settings; a malformed one stops start-up."""
    try:
        return dj_database_url.parse(url, conn_max_age=600, conn_health_checks=True)
    except (ValueError, dj_database_url.UnknownSchemeError):
        raise SettingError(
            "Set DATABASE_URL to a database URL such as "
            "postgres://user@host:5432/name, or unset it for SQLite, "
            f"not {url!r}."
        ) from None


DATABASES = {
    "default": _database_config(
        env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'var' / 'db.sqlite3'}")
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"


def _cache_config(url):
    """CACHE_URL: unset = local memory; redis://… = Django's Redis cache; dummy://."""
    if not url:
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    scheme = urlsplit(url).scheme
    if scheme in {"redis", "rediss", "unix"}:
        return {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": url,
        }
    if scheme == "dummy":
        return {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
    raise SettingError(
        f"Set CACHE_URL to a redis:// URL or leave it unset, not {url!r}."
    )


CACHES = {"default": _cache_config(env("CACHE_URL", ""))}
# Anonymous readers' pages come from the cache (hawkins_site/middleware.py);
# DJANGO_PAGE_CACHE=false renders every request (make bench ARGS=--no-cache).
PAGE_CACHE_ENABLED = env_bool("DJANGO_PAGE_CACHE", True)

AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation."
        "UserAttributeSimilarityValidator"
    },
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
# Files browsers and feed readers ask for at the site's root (/favicon.ico,
# /apple-touch-icon.png), served by whitenoise (scripts/make_icons.py draws them).
WHITENOISE_ROOT = BASE_DIR / "static" / "root"
STATIC_ROOT = Path(env("STATIC_ROOT", str(BASE_DIR / "var" / "static")))
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / "var" / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        # Hashed, compressed names in production; plain files while developing.
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

TAGGIT_CASE_INSENSITIVE = True

# The editor (django-ckeditor-5). Its bundle carries every plugin, including
# Markdown output, raw-HTML embedding and source editing: those are removed so
# the author gets the toolbar below and the HTML that nh3 keeps (richtext.py).
_EDITOR = {
    "removePlugins": [
        "Markdown", "SourceEditing", "GeneralHtmlSupport", "Style", "HtmlEmbed",
        "FullPage", "MediaEmbed", "Font", "Highlight", "CodeBlock", "TodoList",
        "PageBreak", "Mention", "CKFinderUploadAdapter", "Alignment",
        "TableProperties", "TableCellProperties", "IndentBlock", "ImageResize",
        "ShowBlocks",
    ],
    "toolbar": {
        "items": [
            "heading", "|", "bold", "italic", "link", "|",
            "bulletedList", "numberedList", "blockQuote", "|",
            "uploadImage", "insertTable", "horizontalLine", "|",
            "undo", "redo", "|", "findAndReplace",
        ],
        "shouldNotGroupWhenFull": True,
    },
    "heading": {
        "options": [
            {"model": "paragraph", "title": "Paragraph",
             "class": "ck-heading_paragraph"},
            *(
                {"model": f"heading{n}", "view": f"h{n}", "title": title,
                 "class": f"ck-heading_heading{n}"}
                for n, title in [(2, "Heading"), (3, "Subheading"),
                                 (4, "Minor heading")]
            ),
        ]
    },
    "image": {
        "toolbar": [
            "imageTextAlternative", "toggleImageCaption", "|",
            "imageStyle:inline", "imageStyle:block", "imageStyle:side",
        ],
    },
    "table": {
        "contentToolbar": [
            "tableColumn", "tableRow", "mergeTableCells", "toggleTableCaption",
        ],
    },
    "list": {"properties": {"styles": False, "startIndex": True, "reversed": True}},
    "link": {"defaultProtocol": "https://"},
}  # fmt: skip
CKEDITOR_5_CONFIGS = {"default": _EDITOR, "post": _EDITOR, "talk": _EDITOR}
CK_EDITOR_5_UPLOAD_FILE_VIEW_NAME = "editor_image_upload"
CKEDITOR_5_UPLOAD_FILE_TYPES = ["jpeg", "png", "gif", "webp"]
CKEDITOR_5_CUSTOM_CSS = "css/admin-editor.css"

# Uploads: images are re-encoded by hawkins_site/images.py, attachments checked
# by hawkins_site/attachments.py.
IMAGE_MAX_BYTES = 10 * 1024 * 1024
IMAGE_MAX_PIXELS = 40_000_000
ATTACHMENT_MAX_BYTES = 25 * 1024 * 1024
# Requests carrying a file up to the largest limit, plus form fields.
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# HTTPS. Behind a TLS-terminating proxy (see README "Deploying"), the proxy must set
# X-Forwarded-Proto; only then trust it.
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", not DEBUG)
if env_bool("DJANGO_BEHIND_TLS_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
CSRF_FAILURE_VIEW = "hawkins_site.editor.csrf_failure"  # JSON for the editor
SESSION_COOKIE_HTTPONLY = True
SECURE_HSTS_SECONDS = 0 if DEBUG else env_int("DJANGO_HSTS_SECONDS", 31536000, 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

# --- Safe by default (issue #8; README "Security") ------------------------------

# The admin's address, e.g. "desk/" (default "admin/"): moving it off the usual
# path keeps most password-guessing robots away from the login form.
ADMIN_PATH = env("DJANGO_ADMIN_PATH", "admin/").strip("/") + "/"
_SEGMENT = r"[\w.~-]*[A-Za-z0-9][\w.~-]*"
if not re.fullmatch(rf"{_SEGMENT}(/{_SEGMENT})*/", ADMIN_PATH, re.ASCII):
    raise SettingError(
        "Set DJANGO_ADMIN_PATH to a path such as desk/ (letters, digits, . _ ~ -), "
        f"not {ADMIN_PATH!r}."
    )

# Content-Security-Policy (django-csp 4). Public pages run one script of ours,
# from static/, and no inline script or style: stored HTML cannot bring any.
# Images may come from other https sites (figures embedded in older posts).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "https:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "media-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# Added under ADMIN_PATH only (hawkins_site.security): CKEditor 5 injects its
# styles at run time and previews images being uploaded as data:/blob: URLs.
CONTENT_SECURITY_POLICY_ADMIN_UPDATE = {
    "style-src": [UNSAFE_INLINE],
    "img-src": ["data:", "blob:"],
}
# Browser features the site never uses, switched off for it and anything it
# embeds (django-permissions-policy). clipboard-write stays: "Copy link" uses it.
PERMISSIONS_POLICY = {
    feature: []
    for feature in [
        "accelerometer", "autoplay", "browsing-topics", "camera",
        "display-capture", "encrypted-media", "gamepad", "geolocation",
        "gyroscope", "hid", "idle-detection", "local-fonts", "magnetometer",
        "microphone", "midi", "otp-credentials", "payment",
        "publickey-credentials-get", "screen-wake-lock", "serial", "usb",
        "window-management", "xr-spatial-tracking",
    ]
}  # fmt: skip

# Login throttling (django-axes): 5 failures for one username from one address
# lock that pair out for 15 minutes, answered by a plain 429 page.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "hawkins_site.security.client_ip"
AXES_USERNAME_CALLABLE = "hawkins_site.security.login_username"
AXES_LOCKOUT_CALLABLE = "hawkins_site.security.lockout_response"
AXES_VERBOSE = False

# Sessions are only ever made for staff. They end after this much inactivity:
# every request pushes the expiry on (the author's unsaved text survives a
# timeout, see static/js/admin-drafts.js).
SESSION_COOKIE_AGE = env_int("DJANGO_SESSION_IDLE_MINUTES", 120) * 60
SESSION_SAVE_EVERY_REQUEST = True
