"""The project package: settings, URLs, and helpers both apps share."""

from django.core.exceptions import ImproperlyConfigured

# gunicorn's code for "this worker can never boot": the master then stops too,
# instead of starting new workers that fail the same way, forever.
WORKER_BOOT_ERROR = 3


class SettingError(ImproperlyConfigured):
    """An environment variable is missing or malformed. Entry points (manage.py,
    wsgi, asgi) print its one sentence and stop, rather than a traceback."""


def stop_on_setting_error(start, exit_code=1):
    """Run `start()`; a SettingError ends the process with its sentence."""
    import sys

    try:
        return start()
    except SettingError as error:
        sys.stderr.write(f"Cannot start: {error}\n")
        sys.exit(exit_code)
