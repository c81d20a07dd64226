"""WSGI entry point, used by gunicorn: `gunicorn hawkins_site.wsgi`."""

import os

from django.core.wsgi import get_wsgi_application

from hawkins_site import WORKER_BOOT_ERROR, stop_on_setting_error

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hawkins_site.settings")

application = stop_on_setting_error(get_wsgi_application, WORKER_BOOT_ERROR)
