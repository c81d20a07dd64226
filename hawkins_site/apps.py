from django.apps import AppConfig


class SiteConfig(AppConfig):
    """Project-wide wiring: the page-cache invalidation signal (hawkins_site.cache)
    and the security.txt deploy check (hawkins_site.security_txt)."""

    name = "hawkins_site"
    verbose_name = "Site"

    def ready(self):
        # Imported for their side effects: the content-changed receiver, and
        # the deploy check on SITE_SECURITY_CONTACT.
        from . import cache, security_txt  # noqa: F401
