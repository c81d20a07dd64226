import sqlite3
from contextlib import closing
from io import StringIO

import pytest
from django.core.management import call_command

from .drupal7_fixture import build, make_files_root


@pytest.fixture
def drupal_db(tmp_path):
    """The fixture Drupal 7 blog as an SQLite file."""
    path = tmp_path / "drupal.sqlite"
    with closing(sqlite3.connect(path)) as connection:
        build(connection, "sqlite")
    return path


@pytest.fixture
def drupal_files(tmp_path):
    """Its sites/default/files directory (the slides are missing)."""
    return make_files_root(tmp_path / "files")


@pytest.fixture
def import_drupal(drupal_db, drupal_files):
    """import_drupal(*options) runs import_drupal7 on the fixture with
    --files-root and returns what it printed (stdout, stderr)."""

    def run(*options, url=None, files_root=True):
        out, err = StringIO(), StringIO()
        args = [url or f"sqlite:///{drupal_db}"]
        if files_root:
            args += ["--files-root", str(drupal_files)]
        call_command("import_drupal7", *args, *options, stdout=out, stderr=err)
        return out.getvalue(), err.getvalue()

    return run


@pytest.fixture
def imported(import_drupal):
    """The fixture blog imported, series detected: the import's summary."""
    out, _ = import_drupal("--detect-series")
    return out
