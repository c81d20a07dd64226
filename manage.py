#!/usr/bin/env python
"""Django's command-line utility for administrative tasks."""

import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hawkins_site.settings")
    from django.core.management import execute_from_command_line

    from hawkins_site import stop_on_setting_error

    stop_on_setting_error(lambda: execute_from_command_line(sys.argv))


if __name__ == "__main__":
    main()
