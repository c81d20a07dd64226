"""Reading a Drupal 7 database directly, read-only: MySQL/MariaDB (PyMySQL),
PostgreSQL (psycopg) or SQLite (sqlite3).

Text columns come back as bytes, decoded later node by node, so that one node
with invalid UTF-8 cannot stop the whole read."""

import re
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

# The core tables the import reads; a database without them is not Drupal 7.
REQUIRED_TABLES = (
    "node",
    "node_revision",
    "field_config",
    "field_data_body",
    "taxonomy_term_data",
    "url_alias",
    "file_managed",
    "users",
)
# Names interpolated into SQL (field and table names) must look like this.
IDENTIFIER = re.compile(r"^[a-z0-9_]{1,64}$")
# Drupal 7's default text formats and their filters, for a database whose
# {filter} table is missing.
DEFAULT_FILTERS = {
    "filtered_html": {"filter_html", "filter_url", "filter_autop"},
    "full_html": {"filter_url", "filter_autop"},
    "plain_text": {"filter_html_escape", "filter_url", "filter_autop"},
    "php_code": {"php_code"},
}


class SourceError(Exception):
    """The Drupal database cannot be used; the message says why, in plain words."""


def redact(url):
    """`url` with any password replaced by ***, for messages."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
    return parts._replace(netloc=netloc).geturl()


def connect(url):
    """A read-only DB-API connection to the database at `url`, and its dialect."""
    scheme = urlsplit(url).scheme.lower() if "://" in url else ""
    if scheme in {"mysql", "mariadb"}:
        return _connect_mysql(url), "mysql"
    if scheme in {"postgres", "postgresql"}:
        return _connect_postgres(url), "postgresql"
    if scheme in {"sqlite", ""}:
        return _connect_sqlite(url), "sqlite"
    raise SourceError(
        f"Unsupported database address {redact(url)!r}: use mysql://, "
        "mariadb://, postgres:// or sqlite:/// (or a path to an SQLite file)."
    )


def _connect_mysql(url):
    import pymysql

    parts = urlsplit(url)
    database = unquote(parts.path.lstrip("/"))
    if not database:
        raise SourceError(
            f"Name the Drupal database in {redact(url)!r}, "
            "e.g. mysql://user:password@127.0.0.1:3306/drupal"
        )
    try:
        connection = pymysql.connect(
            host=parts.hostname or "localhost",
            port=parts.port or 3306,
            user=unquote(parts.username or "root"),
            password=unquote(parts.password or ""),
            database=database,
            charset="utf8mb4",
            use_unicode=False,
            connect_timeout=10,
        )
        with connection.cursor() as cursor:
            cursor.execute("SET SESSION TRANSACTION READ ONLY")
    except pymysql.MySQLError as exc:
        raise SourceError(
            f"Could not open the Drupal database {redact(url)}: {_reason(exc)}"
        ) from exc
    return connection


def _connect_postgres(url):
    import psycopg

    try:
        # SQL_ASCII: the server sends text as stored and psycopg returns bytes.
        return psycopg.connect(
            url,
            connect_timeout=10,
            options="-c default_transaction_read_only=on -c client_encoding=SQL_ASCII",
        )
    except psycopg.Error as exc:
        raise SourceError(
            f"Could not open the Drupal database {redact(url)}: {_reason(exc)}"
        ) from exc


def _connect_sqlite(url):
    if url.lower().startswith("sqlite:"):
        # sqlite:///relative/path or sqlite:////absolute/path (as dj-database-url)
        raw = url[len("sqlite:") :]
        raw = raw[2:] if raw.startswith("//") else raw
        path = Path(unquote(raw[1:] if raw.startswith("/") else raw))
    else:
        path = Path(url)
    if not path.is_file():
        raise SourceError(
            f"There is no SQLite database file at {path}. (Addresses look like "
            "sqlite:///relative/drupal.sqlite or sqlite:////absolute/drupal.sqlite.)"
        )
    try:
        location = quote(str(path.resolve()))
        connection = sqlite3.connect(f"file:{location}?mode=ro", uri=True)
        connection.text_factory = bytes
        connection.execute("SELECT name FROM sqlite_master LIMIT 1").fetchall()
    except sqlite3.DatabaseError as exc:
        raise SourceError(f"Could not read {path} as SQLite: {exc}") from exc
    return connection


def _reason(exc):
    """A driver's error in one line, without its error-code tuple noise."""
    args = getattr(exc, "args", ())
    if len(args) == 2 and isinstance(args[1], str):
        return args[1]
    return " ".join(str(exc).split()) or type(exc).__name__


def _text(value):
    """An identifier-like value (names, formats, types) as str."""
    if isinstance(value, bytes | bytearray | memoryview):
        return bytes(value).decode("utf-8", errors="replace")
    return value


@dataclass
class Drupal7Data:
    """Everything the import needs, read in a handful of queries."""

    nodes: list = field(default_factory=list)
    bodies: dict = field(default_factory=dict)  # nid -> list of rows
    aliases: list = field(default_factory=list)  # rows, oldest first
    terms: dict = field(default_factory=dict)  # tid -> raw name
    node_terms: dict = field(default_factory=dict)  # nid -> [tid, ...]
    node_files: dict = field(default_factory=dict)  # nid -> [file reference rows]
    files: dict = field(default_factory=dict)  # fid -> row
    users: dict = field(default_factory=dict)  # uid -> row
    filters: dict = field(default_factory=dict)  # format -> {filter names}


class Drupal7Source:
    """A Drupal 7 database, read-only."""

    def __init__(self, url, table_prefix=""):
        if table_prefix and not re.fullmatch(r"[A-Za-z0-9_]{1,32}", table_prefix):
            raise SourceError(
                f"The table prefix {table_prefix!r} may hold only letters, "
                "digits and underscores."
            )
        self.url = url
        self.prefix = table_prefix
        self.connection, self.dialect = connect(url)

    def close(self):
        self.connection.close()

    def describe(self):
        return redact(self.url)

    def query(self, sql):
        """Rows of `sql` as dicts; {table} names get the table prefix."""
        sql = re.sub(r"\{(\w+)\}", lambda m: self.prefix + m.group(1), sql)
        cursor = self.connection.cursor()
        try:
            cursor.execute(sql)
            names = [_text(col[0]) for col in cursor.description]
            return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
        finally:
            cursor.close()

    def table_names(self):
        if self.dialect == "sqlite":
            sql = "SELECT name FROM sqlite_master WHERE type = 'table'"
        elif self.dialect == "mysql":
            sql = (
                "SELECT table_name AS name FROM information_schema.tables "
                "WHERE table_schema = DATABASE()"
            )
        else:
            sql = (
                "SELECT tablename AS name FROM pg_catalog.pg_tables "
                "WHERE schemaname = ANY (current_schemas(false))"
            )
        rows = self.query(sql)
        return {_text(next(iter(row.values()))).lower() for row in rows}

    def check(self):
        """Stop with a clear message unless this looks like a Drupal 7 database."""
        try:
            present = self.table_names()
        except Exception as exc:
            raise SourceError(
                f"Could not list the tables of {self.describe()}: {_reason(exc)}"
            ) from exc
        missing = [t for t in REQUIRED_TABLES if self.prefix.lower() + t not in present]
        if not missing:
            return
        if not present:
            hint = " It has no tables at all: is it the right database?"
        elif {"node_revisions", "term_data"} & {
            t.removeprefix(self.prefix.lower()) for t in present
        }:
            hint = (
                " It looks like Drupal 6 or older: upgrade the site to "
                "Drupal 7 first, or import its rss.xml with import_feed."
            )
        elif self.prefix == "" and any(t.endswith("_node") for t in present):
            hint = " Its tables have a prefix: pass it with --table-prefix."
        else:
            hint = ""
        raise SourceError(
            f"{self.describe()} does not look like a Drupal 7 database: "
            f"missing table(s) {', '.join(missing)}.{hint}"
        )

    def read(self):
        """All the rows the import uses."""
        try:
            return self._read()
        except SourceError:
            raise
        except Exception as exc:
            raise SourceError(
                f"Could not read the Drupal tables of {self.describe()}: {_reason(exc)}"
            ) from exc

    def _read(self):
        data = Drupal7Data()
        data.nodes = self.query(
            "SELECT n.nid, n.vid, n.type, n.language, n.title, n.uid, n.status, "
            "n.created, n.changed, r.timestamp AS revision_timestamp "
            "FROM {node} n LEFT JOIN {node_revision} r ON r.vid = n.vid "
            "ORDER BY n.nid"
        )
        for row in self.query(
            "SELECT entity_id, language, delta, body_value, body_summary, "
            "body_format FROM {field_data_body} "
            "WHERE entity_type = 'node' AND deleted = 0 ORDER BY entity_id, delta"
        ):
            data.bodies.setdefault(row["entity_id"], []).append(row)
        data.aliases = self.query(
            "SELECT pid, source, alias FROM {url_alias} ORDER BY pid"
        )
        data.terms = {
            row["tid"]: row["name"]
            for row in self.query("SELECT tid, name FROM {taxonomy_term_data}")
        }
        fields = self.query(
            "SELECT field_name, type FROM {field_config} WHERE deleted = 0"
        )
        present = self.table_names()
        for row in fields:
            name, kind = _text(row["field_name"]), _text(row["type"])
            table = f"field_data_{name}"
            if not IDENTIFIER.match(name) or self.prefix.lower() + table not in present:
                continue
            if kind == "taxonomy_term_reference":
                self._read_term_field(data, name)
            elif kind in {"file", "image"}:
                self._read_file_field(data, name, kind)
        if self.prefix.lower() + "taxonomy_index" in present:
            # Drupal indexes only published nodes here; the fields above have all.
            for row in self.query("SELECT nid, tid FROM {taxonomy_index}"):
                tids = data.node_terms.setdefault(row["nid"], [])
                if row["tid"] not in tids:
                    tids.append(row["tid"])
        data.files = {
            row["fid"]: row
            for row in self.query(
                "SELECT fid, filename, uri, filemime, filesize FROM {file_managed}"
            )
        }
        data.users = {
            row["uid"]: row for row in self.query("SELECT uid, name, mail FROM {users}")
        }
        data.filters = self._read_filters(present)
        return data

    def _read_term_field(self, data, name):
        for row in self.query(
            f"SELECT entity_id, {name}_tid AS tid FROM {{field_data_{name}}} "
            "WHERE entity_type = 'node' AND deleted = 0 ORDER BY entity_id, delta"
        ):
            tids = data.node_terms.setdefault(row["entity_id"], [])
            if row["tid"] is not None and row["tid"] not in tids:
                tids.append(row["tid"])

    def _read_file_field(self, data, name, kind):
        if kind == "file":
            columns = f"{name}_description AS description, {name}_display AS display"
        else:
            columns = f"{name}_title AS description, {name}_alt AS alt, 1 AS display"
        for row in self.query(
            f"SELECT entity_id, delta, {name}_fid AS fid, {columns} "
            f"FROM {{field_data_{name}}} "
            "WHERE entity_type = 'node' AND deleted = 0 ORDER BY entity_id, delta"
        ):
            row["field"], row["kind"] = name, kind
            data.node_files.setdefault(row["entity_id"], []).append(row)

    def _read_filters(self, present):
        if self.prefix.lower() + "filter" not in present:
            return {k: set(v) for k, v in DEFAULT_FILTERS.items()}
        filters = {}
        for row in self.query("SELECT format, name FROM {filter} WHERE status = 1"):
            filters.setdefault(_text(row["format"]), set()).add(_text(row["name"]))
        return filters
