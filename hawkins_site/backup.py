"""Backups: one archive file holding the database and every uploaded file.

An archive is a gzip'd tar with
    database.pgdump   pg_dump's custom format (on PostgreSQL), or
    database.json     Django's dumpdata with natural keys (any other database)
    media/<name>      each file in MEDIA_ROOT (through the storage API)
    manifest.json     written last: format, creation time, the database file,
                      SHA-256 and size of every file, row counts per model and
                      the migrations applied.
A cut-short archive has no manifest and is refused; so is one whose files do
not match their checksums. The database is read in one snapshot (pg_dump
--snapshot on PostgreSQL, one transaction elsewhere), and the row counts come
from the same snapshot, so a restore can prove it brought everything back.

Restoring (hawkins_site/restore.py) goes into an empty database (no tables, or
tables without content) unless forced; forcing replaces the content. See the
README, "Backups".

Files are streamed into and out of the archive a chunk at a time, so a folder of
large attachments needs no more memory than a small one. An archive is created
readable by its owner only: it holds every user's password hash.
"""

import hashlib
import io
import json
import os
import posixpath
import re
import shutil
import subprocess
import tarfile
import tempfile
from contextlib import contextmanager
from pathlib import Path

import django
from django.apps import apps
from django.core.exceptions import SuspiciousFileOperation
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import connection, connections, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

FORMAT = 1
MANIFEST = "manifest.json"
PG_DUMP_NAME = "database.pgdump"
JSON_NAME = "database.json"
DATABASE_NAMES = (PG_DUMP_NAME, JSON_NAME)
MEDIA_PREFIX = "media/"
CHUNK = 1024 * 1024
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
# Rebuilt by `migrate` (content types, permissions) or worthless (sessions).
NOT_CONTENT = ("contenttypes", "auth.permission", "sessions")


class BackupError(Exception):
    """Something the operator must be told, in one plain sentence."""


# --- What is in the database -----------------------------------------------------


def content_models():
    """Every model whose rows are the site's content (posts, users, history…)."""
    skip_apps = {"contenttypes", "sessions"}
    return [
        model
        for model in apps.get_models()
        if model._meta.app_label not in skip_apps
        and model._meta.label_lower != "auth.permission"
        and not model._meta.proxy
        and model._meta.managed
    ]


def row_counts(using="default"):
    """{model label: rows} for the content models whose tables exist."""
    existing = set(connections[using].introspection.table_names())
    return {
        model._meta.label: model._default_manager.using(using).count()
        for model in content_models()
        if model._meta.db_table in existing
    }


def is_empty(using="default"):
    return not any(row_counts(using).values())


def applied_migrations(using="default"):
    recorder = MigrationRecorder(connections[using])
    if not recorder.has_table():
        return {}
    applied = {}
    for app, name in sorted(recorder.applied_migrations()):
        applied.setdefault(app, []).append(name)
    return applied


def is_postgres(using="default"):
    return connections[using].vendor == "postgresql"


# --- PostgreSQL tools -------------------------------------------------------------


def pg_tool(name):
    path = shutil.which(name)
    if path is None:
        raise BackupError(
            f"{name} was not found. Install the PostgreSQL client tools "
            f"(Debian: apt-get install postgresql-client) and try again."
        )
    return path


def pg_env(using="default"):
    """libpq's environment for the database: no password on a command line."""
    db = connections[using].settings_dict
    env = dict(os.environ)
    for key, value in [
        ("PGHOST", db.get("HOST")),
        ("PGPORT", db.get("PORT")),
        ("PGUSER", db.get("USER")),
        ("PGPASSWORD", db.get("PASSWORD")),
        ("PGDATABASE", db.get("NAME")),
        ("PGSSLMODE", (db.get("OPTIONS") or {}).get("sslmode")),
    ]:
        if value:
            env[key] = str(value)
    return env


def run_tool(command, env):
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip().splitlines()
        raise BackupError(
            f"{Path(command[0]).name} failed: {detail[-1] if detail else 'no output'}"
        )


# --- Archive members ----------------------------------------------------------------


def check_member_name(name):
    """`name` if it is one a backup writes: the manifest, a database file, or
    media/<a plain relative path> (no empty, "." or ".." segment, no backslash
    or control character, nothing a normalisation would change); else
    BackupError. Whatever a storage or file system would make of anything else,
    it is refused before it reaches one."""
    if name in (MANIFEST, *DATABASE_NAMES):
        return name
    relative = name.removeprefix(MEDIA_PREFIX)
    plain = (
        name.startswith(MEDIA_PREFIX)
        and posixpath.normpath(name) == name
        and "\\" not in name
        and not _CONTROL.search(name)
        and all(part not in {"", ".", ".."} for part in relative.split("/"))
    )
    if not plain:
        raise BackupError(f"The archive holds an unsafe file name ({name!r}).")
    return name


class HashingReader:
    """A read-only file wrapper that hashes and counts what is read through it,
    and notices a file that is shorter than it was said to be."""

    def __init__(self, raw, name, size):
        self.raw, self.name, self.expected = raw, name, size
        self.sha256 = hashlib.sha256()
        self.size = 0

    def read(self, n=-1):
        data = self.raw.read(n)
        self.sha256.update(data)
        self.size += len(data)
        if n and n > 0 and len(data) < n and self.size < self.expected:
            raise BackupError(
                f"{self.name} changed while it was being backed up; run the "
                "backup again."
            )
        return data

    def record(self):
        return {"sha256": self.sha256.hexdigest(), "bytes": self.size}


def _add_file(archive, name, handle, size):
    """Stream `size` bytes of `handle` into the archive as `name`; return the
    file's manifest entry."""
    info = tarfile.TarInfo(check_member_name(name))
    info.size = size
    info.mtime = int(timezone.now().timestamp())
    info.mode = 0o644
    reader = HashingReader(handle, name, size)
    archive.addfile(info, reader)
    if handle.read(1):
        raise BackupError(
            f"{name} changed while it was being backed up; run the backup again."
        )
    return reader.record()


@contextmanager
def storage_refusal(name):
    """The storage's SuspiciousFileOperation as a BackupError naming the file."""
    try:
        yield
    except SuspiciousFileOperation as error:
        raise BackupError(
            f"The media storage refuses the file name {name!r} ({error})."
        ) from error


def stored_sha256(name):
    digest = hashlib.sha256()
    with storage_refusal(name), default_storage.open(name, "rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


# --- Backup -------------------------------------------------------------------------


def _media_names(storage, folder=""):
    """Every file name in `storage`, walking folders."""
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:
        return []
    names = [f"{folder}/{f}" if folder else f for f in sorted(files)]
    for sub in sorted(folders):
        names += _media_names(storage, f"{folder}/{sub}" if folder else sub)
    return names


def _dump_database(workdir):
    """Dump the database into `workdir`; return (file name, counts, migrations),
    all from one snapshot of the data."""
    with transaction.atomic():
        if is_postgres():
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
                cursor.execute("SELECT pg_export_snapshot()")
                snapshot = cursor.fetchone()[0]
            target = workdir / PG_DUMP_NAME
            command = [pg_tool("pg_dump"), "--format=custom", "--no-owner"]
            command += ["--no-privileges", f"--snapshot={snapshot}", f"--file={target}"]
            run_tool(command, pg_env())
            name = PG_DUMP_NAME
        else:
            target = workdir / JSON_NAME
            call_command(
                "dumpdata",
                natural_foreign=True,
                exclude=list(NOT_CONTENT),
                indent=1,
                output=str(target),
                verbosity=0,
            )
            name = JSON_NAME
        return name, row_counts(), applied_migrations()


def create_backup(output):
    """Write a backup archive to `output` (a path); return its manifest. The
    archive (and a folder made for it) is readable by its owner only."""
    output = Path(output)
    if output.exists():
        raise BackupError(f"{output} already exists; choose another name.")
    try:
        output.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as error:
        raise BackupError(f"Could not create {output.parent} ({error}).") from error
    partial = output.with_name(output.name + ".partial")
    try:
        # O_EXCL: never follow a link planted there, never share a file with
        # another backup; 0o600 whatever the umask.
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError as error:
        raise BackupError(
            f"{partial} exists: another backup is being written there, or one "
            "was cut short. Remove it once no backup is running."
        ) from error
    except OSError as error:
        raise BackupError(f"Could not create {partial} ({error}).") from error
    try:
        with os.fdopen(fd, "wb") as raw:
            manifest = _write_archive(raw)
            raw.flush()
            os.fsync(raw.fileno())
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise BackupError(f"Writing {partial} failed ({error}).") from error
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    partial.replace(output)
    return manifest


def _write_archive(raw):
    with tempfile.TemporaryDirectory() as tmp:
        db_name, counts, migrations = _dump_database(Path(tmp))
        dump = Path(tmp) / db_name
        with tarfile.open(fileobj=raw, mode="w:gz") as archive:
            with dump.open("rb") as handle:
                files = {
                    db_name: _add_file(archive, db_name, handle, dump.stat().st_size)
                }
            for name in _media_names(default_storage):
                member = MEDIA_PREFIX + name
                try:
                    check_member_name(member)
                except BackupError as error:
                    # An archive that restore refuses is no backup at all.
                    raise BackupError(
                        f"The media file {name!r} has a name a backup cannot "
                        "hold; rename or remove it and run the backup again."
                    ) from error
                with storage_refusal(name), default_storage.open(name, "rb") as handle:
                    size = default_storage.size(name)
                    files[member] = _add_file(archive, member, handle, size)
            manifest = {
                "format": FORMAT,
                "created_at": timezone.now().isoformat(),
                "django": django.get_version(),
                "database": {"file": db_name, "vendor": connection.vendor},
                "files": files,
                "counts": counts,
                "migrations": migrations,
            }
            data = json.dumps(manifest, indent=1).encode()
            _add_file(archive, MANIFEST, io.BytesIO(data), len(data))
    return manifest
