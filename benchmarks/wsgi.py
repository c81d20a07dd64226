"""WSGI entry point of the benchmark: the site's settings, with benchmarks.urls
(the site plus the floor view) as the URLconf."""

import os

from django.conf import settings
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hawkins_site.settings")
settings.ROOT_URLCONF = "benchmarks.urls"

application = get_wsgi_application()
