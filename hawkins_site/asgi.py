"""ASGI entry point (unused in production today; gunicorn serves WSGI)."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hawkins_site.settings")

application = get_asgi_application()
