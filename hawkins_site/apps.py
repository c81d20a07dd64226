from django.apps import AppConfig


class SiteConfig(AppConfig):
    """Project-wide wiring: the page-cache invalidation signal (hawkins_site.cache)
    and the SQL functions of the SQLite fallback search (hawkins_site.sqlite)."""

    name = "hawkins_site"
    verbose_name = "Site"

    def ready(self):
        # Imported for their receivers: the content-changed one (cache) and
        # the one registering SQLite's search functions (sqlite).
        from . import cache, sqlite  # noqa: F401
