"""The 500 handler. When the database is unreachable (restarting, failing over,
out of connections) readers get a friendly 503 with Retry-After instead of
"Something went wrong"; the site recovers by itself once the database answers,
because connections are health-checked (CONN_HEALTH_CHECKS) at each request."""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseServerError
from django.template import loader
from django.views.decorators.csrf import requires_csrf_token

RETRY_AFTER_SECONDS = 30


def is_database_outage(error):
    """True when `error`, or an error it was raised from, means the database
    cannot be reached or cannot serve queries right now."""
    seen = set()
    while error is not None and id(error) not in seen:
        if isinstance(error, OperationalError | InterfaceError):
            return True
        seen.add(id(error))
        error = error.__cause__ or error.__context__
    return False


def database_unavailable():
    # Rendered without the request: context processors could query the database.
    response = HttpResponse(loader.get_template("503.html").render(), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


@requires_csrf_token
def server_error(request):
    """handler500: called by Django while the uncaught exception is handled."""
    if is_database_outage(sys.exc_info()[1]):
        return database_unavailable()
    return HttpResponseServerError(loader.get_template("500.html").render())
