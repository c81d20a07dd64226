"""SQL functions the SQLite fallback search needs, registered on every new SQLite
connection (PostgreSQL does this work in its full-text search).

SQLite's LIKE and lower() fold ASCII letters only, so "ψυχοθεραπεία" would not
find "Ψυχοθεραπεία"; and talks keep only the HTML of their abstract, whose
markup ("strong", "noopener", words in an href) must not match."""

from django.db.backends.signals import connection_created
from django.db.models import Func, TextField
from django.dispatch import receiver

from .richtext import plain_text


def _casefold(value):
    return None if value is None else str(value).casefold()


def _html_text(value):
    return None if value is None else plain_text(str(value))


@receiver(connection_created, dispatch_uid="hawkins_sqlite_functions")
def register_functions(sender, connection, **kwargs):
    if connection.vendor != "sqlite":
        return
    raw = connection.connection
    raw.create_function("hawkins_casefold", 1, _casefold, deterministic=True)
    raw.create_function("hawkins_html_text", 1, _html_text, deterministic=True)


class Casefold(Func):
    """Full Unicode case folding (str.casefold). SQLite only."""

    function = "hawkins_casefold"
    output_field = TextField()


class HtmlText(Func):
    """The text of an HTML fragment, as richtext.plain_text reads it. SQLite only."""

    function = "hawkins_html_text"
    output_field = TextField()
