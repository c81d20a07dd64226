from django.apps import AppConfig


class SiteConfig(AppConfig):
    """Project-wide wiring: the page-cache invalidation signal (hawkins_site.cache),
    the security.txt deploy check (hawkins_site.security_txt) and the SQL
    functions of the SQLite fallback search (hawkins_site.sqlite)."""

    name = "hawkins_site"
    verbose_name = "Site"

    def ready(self):
        # Imported for their side effects: the content-changed receiver, the
        # deploy check on SITE_SECURITY_CONTACT, and the receiver registering
        # SQLite's search functions.
        from . import cache, security_txt, sqlite  # noqa: F401
