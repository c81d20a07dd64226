"""ASGI entry point (unused in production today; gunicorn serves WSGI)."""

import os

from django.core.asgi import get_asgi_application

from hawkins_site import stop_on_setting_error

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hawkins_site.settings")

application = stop_on_setting_error(get_asgi_application)
