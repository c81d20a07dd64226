"""The same fixture blog, imported from MariaDB/MySQL and from PostgreSQL.

Each test creates a database of its own (drupal_fixture_<random>) on the
server, loads the fixture, imports it and drops the database afterwards. When
the server does not answer, the test is skipped and says why (deselect them
all with -m "not drupal_servers"). Servers:
DRUPAL_TEST_MYSQL_URL (default mysql://root@127.0.0.1:3306/test) and
DRUPAL_TEST_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/postgres);
only the new database is written to."""

import os
import secrets
from io import StringIO
from urllib.parse import unquote, urlsplit

import psycopg
import pymysql
import pytest
from django.core.management import call_command

from posts.models import LegacyPath, Post, Series

from .drupal7_fixture import EN_DASH_ALIAS, build

pytestmark = [pytest.mark.django_db, pytest.mark.drupal_servers]

MYSQL_URL = os.environ.get("DRUPAL_TEST_MYSQL_URL", "mysql://root@127.0.0.1:3306/test")
POSTGRES_URL = os.environ.get(
    "DRUPAL_TEST_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres"
)
# The body of node 9 with a Windows-1252 byte, as old databases hold it.
INVALID_BODY_SQL = (
    "UPDATE field_data_body SET body_value = "
    "E'<div><p>We met in a caf\\351 near the Meadows.</p>"
    "<p>Some <em>emphasis never closed.</p>' WHERE entity_id = 9"
)


def _with_database(url, name):
    return urlsplit(url)._replace(path=f"/{name}").geturl()


@pytest.fixture
def mariadb_drupal():
    parts = urlsplit(MYSQL_URL)
    options = {
        "host": parts.hostname or "127.0.0.1",
        "port": parts.port or 3306,
        "user": unquote(parts.username or "root"),
        "password": unquote(parts.password or ""),
        "connect_timeout": 5,
    }
    try:
        admin = pymysql.connect(**options, autocommit=True)
    except pymysql.MySQLError as exc:
        pytest.skip(
            f"MariaDB/MySQL is not reachable at {options['host']}:{options['port']} "
            f"({exc.args[-1]}); set DRUPAL_TEST_MYSQL_URL to run this test"
        )
    name = f"drupal_fixture_{secrets.token_hex(4)}"
    with admin.cursor() as cursor:
        cursor.execute(f"CREATE DATABASE {name} CHARACTER SET utf8mb4")
    try:
        connection = pymysql.connect(**options, database=name, charset="utf8mb4")
        try:
            build(connection, "mysql", invalid_utf8=False)
        finally:
            connection.close()
        yield _with_database(MYSQL_URL, name)
    finally:
        with admin.cursor() as cursor:
            cursor.execute(f"DROP DATABASE IF EXISTS {name}")
        admin.close()


@pytest.fixture
def postgres_drupal():
    try:
        admin = psycopg.connect(POSTGRES_URL, autocommit=True, connect_timeout=5)
    except psycopg.Error as exc:
        reason = " ".join(str(exc).split())
        pytest.skip(
            f"PostgreSQL is not reachable at {POSTGRES_URL} ({reason}); "
            "set DRUPAL_TEST_POSTGRES_URL to run this test"
        )
    name = f"drupal_fixture_{secrets.token_hex(4)}"
    # SQL_ASCII, as many old installs: it keeps bytes that are not UTF-8.
    admin.execute(
        f"CREATE DATABASE {name} ENCODING 'SQL_ASCII' LC_COLLATE 'C' "
        "LC_CTYPE 'C' TEMPLATE template0"
    )
    try:
        url = _with_database(POSTGRES_URL, name)
        with psycopg.connect(url, options="-c client_encoding=UTF8") as connection:
            build(connection, "postgresql", invalid_utf8=False)
            connection.execute(INVALID_BODY_SQL)
            connection.commit()
        yield url
    finally:
        admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        admin.close()


def run_import(url, files_root):
    out = StringIO()
    call_command(
        "import_drupal7",
        url,
        "--files-root",
        str(files_root),
        "--detect-series",
        stdout=out,
        stderr=StringIO(),
    )
    return out.getvalue()


def check_import(url, drupal_files, client):
    out = run_import(url, drupal_files)
    assert "Posts imported: 20, updated: 0, unchanged: 0, skipped: 3." in out
    assert 'node 10 "Evening talk transcript": its body uses the PHP code' in out
    assert LegacyPath.objects.filter(path=f"/{EN_DASH_ALIAS}").exists()
    assert Series.objects.get().posts.count() == 3
    sleep = Post.objects.get(drupal_node__nid=3)
    assert sleep.title == "Sleep \u2013 the forgotten medicine"
    response = client.get("/stressedtozest/2013/06/sleep-%E2%80%93-forgotten-medicine")
    assert response.status_code == 301
    assert response["Location"] == sleep.get_absolute_url()
    response = client.get("/category/tags/research?page=1")
    assert response["Location"] == "/tags/research/?page=2"
    assert Post.objects.get(drupal_node__nid=1).attachments.count() == 1
    again = run_import(url, drupal_files)
    assert "Posts imported: 0, updated: 0, unchanged: 20, skipped: 3." in again
    return out


def test_import_from_mariadb(mariadb_drupal, drupal_files, client):
    check_import(mariadb_drupal, drupal_files, client)
    assert "caf\u00e9" in Post.objects.get(drupal_node__nid=9).body


def test_import_from_postgresql_with_invalid_utf8(
    postgres_drupal, drupal_files, client
):
    out = check_import(postgres_drupal, drupal_files, client)
    assert "We met in a caf\u00e9 near the Meadows." in (
        Post.objects.get(drupal_node__nid=9).body
    )
    assert "the body is not valid UTF-8 (byte 0xE9 at position 23)" in out
