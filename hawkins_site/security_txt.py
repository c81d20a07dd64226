"""/.well-known/security.txt (RFC 9116): where to report a security problem.

Served only when SITE_SECURITY_CONTACT is set (a 404 otherwise, and `check
--deploy` says so, as an Info that fails no build)."""

from datetime import UTC, datetime

from django.conf import settings
from django.core import checks
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import timezone

from .links import absolute

# RFC 9116 §2.5.5: Expires is RECOMMENDED to be less than a year ahead. The
# first of the month eleven months on is 10-11 months away, and the same all
# month, so the file (and its ETag) changes once a month, not on every request.
EXPIRES_MONTHS_AHEAD = 11


def expires_at(now=None):
    """When the file's promises lapse: the start of the month eleven months on."""
    now = (now or timezone.now()).astimezone(UTC)
    months = now.year * 12 + now.month - 1 + EXPIRES_MONTHS_AHEAD
    return datetime(months // 12, months % 12 + 1, 1, tzinfo=UTC)


def security_txt(request):
    contact = settings.SITE_SECURITY_CONTACT
    if not contact:
        raise Http404("No security contact is configured.")
    lines = [
        f"Contact: {contact}",
        f"Expires: {expires_at():%Y-%m-%dT%H:%M:%SZ}",
        "Preferred-Languages: en",
        f"Canonical: {absolute(reverse('security_txt'))}",
    ]
    return HttpResponse(
        "\n".join(lines) + "\n", content_type="text/plain; charset=utf-8"
    )


@checks.register(checks.Tags.security, deploy=True)
def check_security_contact(app_configs, **kwargs):
    if settings.SITE_SECURITY_CONTACT:
        return []
    return [
        checks.Info(
            "SITE_SECURITY_CONTACT is not set, so /.well-known/security.txt "
            "answers 404 and the footer shows no security contact.",
            hint="Set it to a mailto: or https:// address (README, Security).",
            id="hawkins_site.I001",
        )
    ]
