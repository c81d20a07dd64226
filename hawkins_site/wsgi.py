"""WSGI entry point, used by gunicorn: `gunicorn hawkins_site.wsgi`."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hawkins_site.settings")

application = get_wsgi_application()
