"""Site-wide protections that need a little code around the libraries doing the
work: the admin's own Content-Security-Policy (django-csp), and how django-axes
finds the client's address and answers a locked-out login."""

import math
import unicodedata

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.shortcuts import render


def is_admin_path(path):
    return path.startswith(f"/{settings.ADMIN_PATH}")


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware: CONTENT_SECURITY_POLICY everywhere, plus
    CONTENT_SECURITY_POLICY_ADMIN_UPDATE under the admin, which the editor needs."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and is_admin_path(request.path_info):
            extra = settings.CONTENT_SECURITY_POLICY_ADMIN_UPDATE
            update = dict(parts.update or {})
            for directive, sources in extra.items():
                update[directive] = [*update.get(directive, []), *sources]
            parts.update = update
        return parts


def client_ip(request):
    """The address a login attempt came from, for django-axes.

    Behind the TLS proxy (DJANGO_BEHIND_TLS_PROXY) REMOTE_ADDR is the proxy's
    own. The proxy appends the address it saw to X-Forwarded-For, so the last
    entry is the one a client cannot forge (earlier ones may be made up)."""
    if getattr(settings, "SECURE_PROXY_SSL_HEADER", None):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if last := forwarded.rsplit(",", 1)[-1].strip():
            return last
    return request.META.get("REMOTE_ADDR", "")


def login_username(request, credentials=None):
    """The username a login attempt counts against, for django-axes: folded
    (case, Unicode form, spaces), so "Author " and "AUTHOR" share one count."""
    name = (credentials or {}).get("username")
    if name is None:
        name = request.POST.get("username", "")
    return unicodedata.normalize("NFKC", str(name)).strip().casefold()


def lockout_response(request, original_response=None, credentials=None):
    """django-axes' answer once a username+address pair is locked out: a plain
    page with 429 Too Many Requests and Retry-After."""
    seconds = math.ceil(settings.AXES_COOLOFF_TIME.total_seconds())
    response = render(
        request,
        "lockout.html",
        {"minutes": math.ceil(seconds / 60)},
        status=429,
    )
    response["Retry-After"] = str(seconds)
    return response
