from django.apps import AppConfig


class SiteConfig(AppConfig):
    """Project-wide wiring: the page-cache invalidation signal (hawkins_site.cache)."""

    name = "hawkins_site"
    verbose_name = "Site"

    def ready(self):
        from . import cache  # noqa: F401  connects the content-changed receiver
        from . import security_txt  # noqa: F401  registers its deploy check
