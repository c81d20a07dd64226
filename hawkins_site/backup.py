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

Restoring goes into an empty database (no tables, or tables without content)
unless forced; forcing replaces the content. See the README, "Backups".
"""

import hashlib
import io
import json
import os
import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path, PurePosixPath

import django
from django.apps import apps
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import connection, connections, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

FORMAT = 1
MANIFEST = "manifest.json"
PG_DUMP_NAME = "database.pgdump"
JSON_NAME = "database.json"
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


def _pg_tool(name):
    path = shutil.which(name)
    if path is None:
        raise BackupError(
            f"{name} was not found. Install the PostgreSQL client tools "
            f"(Debian: apt-get install postgresql-client) and try again."
        )
    return path


def _pg_env(using="default"):
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


def _run(command, env):
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip().splitlines()
        raise BackupError(
            f"{Path(command[0]).name} failed: {detail[-1] if detail else 'no output'}"
        )


# --- Backup -------------------------------------------------------------------------


def _sha256(data):
    return hashlib.sha256(data).hexdigest()


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
            command = [_pg_tool("pg_dump"), "--format=custom", "--no-owner"]
            command += ["--no-privileges", f"--snapshot={snapshot}", f"--file={target}"]
            _run(command, _pg_env())
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
    """Write a backup archive to `output` (a path); return its manifest."""
    output = Path(output)
    if output.exists():
        raise BackupError(f"{output} already exists; choose another name.")
    output.parent.mkdir(parents=True, exist_ok=True)
    partial = output.with_name(output.name + ".partial")
    with tempfile.TemporaryDirectory() as tmp:
        db_name, counts, migrations = _dump_database(Path(tmp))
        db_bytes = (Path(tmp) / db_name).read_bytes()
        files = {db_name: {"sha256": _sha256(db_bytes), "bytes": len(db_bytes)}}
        with tarfile.open(partial, "w:gz") as archive:
            _add(archive, db_name, db_bytes)
            for name in _media_names(default_storage):
                with default_storage.open(name, "rb") as handle:
                    data = handle.read()
                member = f"media/{name}"
                _add(archive, member, data)
                files[member] = {"sha256": _sha256(data), "bytes": len(data)}
            manifest = {
                "format": FORMAT,
                "created_at": timezone.now().isoformat(),
                "django": django.get_version(),
                "database": {"file": db_name, "vendor": connection.vendor},
                "files": files,
                "counts": counts,
                "migrations": migrations,
            }
            _add(archive, MANIFEST, json.dumps(manifest, indent=1).encode())
    partial.replace(output)
    return manifest


def _add(archive, name, data):
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(timezone.now().timestamp())
    info.mode = 0o644
    archive.addfile(info, io.BytesIO(data))


# --- Restore ------------------------------------------------------------------------


def _safe_member_name(name):
    path = PurePosixPath(name)
    if path.is_absolute() or ".." in path.parts or "\\" in name or "\x00" in name:
        raise BackupError(f"The archive holds an unsafe file name ({name!r}).")
    return name


def read_archive(path):
    """(manifest, {member name: bytes}) after checking every file against the
    manifest; anything missing, extra, altered or unsafe is refused."""
    try:
        with tarfile.open(path, "r:gz") as archive:
            members = {}
            for info in archive:
                name = _safe_member_name(info.name)
                if not info.isfile():
                    raise BackupError(f"The archive holds a non-file entry ({name}).")
                members[name] = archive.extractfile(info).read()
    except (tarfile.TarError, EOFError, OSError, UnicodeError) as error:
        raise BackupError(
            f"{path} is not a readable backup archive ({error})."
        ) from error
    if MANIFEST not in members:
        raise BackupError(
            f"{path} has no manifest: it is not a backup, or it was cut short."
        )
    try:
        manifest = json.loads(members.pop(MANIFEST))
    except ValueError as error:
        raise BackupError(f"The manifest in {path} is damaged ({error}).") from error
    if manifest.get("format") != FORMAT:
        raise BackupError(f"{path} has backup format {manifest.get('format')!r}.")
    expected = manifest["files"]
    if set(members) != set(expected):
        missing = sorted(set(expected) - set(members))
        extra = sorted(set(members) - set(expected))
        raise BackupError(
            f"The archive does not match its manifest (missing: {missing}, "
            f"unexpected: {extra})."
        )
    for name, data in members.items():
        if _sha256(data) != expected[name]["sha256"]:
            raise BackupError(f"{name} in the archive is damaged (checksum differs).")
    return manifest, members


def restore_backup(path, force=False, stdout=None):
    """Bring the archive at `path` back into the configured database and media
    storage. Refuses a database or media storage holding other content unless
    `force`, which replaces the database content and overwrites media files."""
    manifest, members = read_archive(path)
    db_file = manifest["database"]["file"]
    if db_file == PG_DUMP_NAME and not is_postgres():
        raise BackupError(
            "This archive holds a PostgreSQL dump; set DATABASE_URL to a "
            "PostgreSQL database to restore it."
        )
    media = {
        name.removeprefix("media/"): data
        for name, data in members.items()
        if name.startswith("media/")
    }
    if not force:
        if not is_empty():
            raise BackupError(
                "The database already holds content. Restore into an empty "
                "database, or pass --force to replace what is there."
            )
        clashes = [
            name
            for name, data in media.items()
            if default_storage.exists(name) and _stored_bytes(name) != data
        ]
        if clashes:
            raise BackupError(
                f"{len(clashes)} media file(s) already exist with other contents "
                f"(e.g. {clashes[0]}). Use an empty MEDIA_ROOT, or --force."
            )

    with tempfile.TemporaryDirectory() as tmp:
        dump = Path(tmp) / db_file
        dump.write_bytes(members[db_file])
        if db_file == PG_DUMP_NAME:
            _pg_restore(dump)
            call_command("migrate", interactive=False, verbosity=0)
        else:
            call_command("migrate", interactive=False, verbosity=0)
            with transaction.atomic():
                if force:
                    call_command("flush", interactive=False, verbosity=0)
                call_command("loaddata", str(dump), verbosity=0)

    for name, data in media.items():
        if default_storage.exists(name):
            if _stored_bytes(name) == data:
                continue
            default_storage.delete(name)
        saved = default_storage.save(name, ContentFile(data))
        if saved != name:
            raise BackupError(f"Media file {name} could not be stored under its name.")

    counts = row_counts()
    wrong = {
        label: (expected, counts.get(label))
        for label, expected in manifest["counts"].items()
        if counts.get(label) != expected
    }
    if wrong:
        raise BackupError(f"Restored row counts differ from the backup's: {wrong}.")
    return manifest


def _stored_bytes(name):
    with default_storage.open(name, "rb") as handle:
        return handle.read()


def _pg_restore(dump):
    """pg_restore in one transaction; --clean drops what migrate may have made."""
    for conn in connections.all():
        conn.close()
    command = [_pg_tool("pg_restore"), "--clean", "--if-exists", "--no-owner"]
    command += ["--no-privileges", "--single-transaction", "--exit-on-error"]
    db = connections["default"].settings_dict
    command += [f"--dbname={db['NAME']}", str(dump)]
    _run(command, _pg_env())
