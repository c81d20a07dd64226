"""Restoring a backup archive (hawkins_site/backup.py describes the format).

The archive is read twice, a chunk at a time: first to check every member's
name, checksum and size against the manifest (the manifest and the database
file are unpacked into a temporary folder, media files only hashed), then,
after the database is back, to stream each media file into the storage.
Every media name is checked against the storage before the database is
touched.
"""

import json
import posixpath
import shutil
import tarfile
import tempfile
import zlib
from contextlib import contextmanager
from pathlib import Path

from django.core.files.base import File
from django.core.files.storage import default_storage
from django.core.files.utils import validate_file_name
from django.core.management import call_command
from django.db import connections, transaction

from .backup import (
    CHUNK,
    DATABASE_NAMES,
    FORMAT,
    MANIFEST,
    MEDIA_PREFIX,
    PG_DUMP_NAME,
    BackupError,
    HashingReader,
    check_member_name,
    is_empty,
    is_postgres,
    pg_env,
    pg_tool,
    row_counts,
    run_tool,
    storage_refusal,
    stored_sha256,
)


def _members(archive):
    """(name, TarInfo) of every member, refusing unsafe names, anything but a
    plain file, and a name given twice."""
    seen = set()
    for info in archive:
        name = check_member_name(info.name)
        if not info.isfile():
            raise BackupError(f"The archive holds a non-file entry ({name}).")
        if name in seen:
            raise BackupError(f"The archive holds {name} twice.")
        seen.add(name)
        yield name, info


@contextmanager
def _reading(path):
    """The archive at `path`, open; a damaged archive is a BackupError."""
    try:
        with tarfile.open(path, "r:gz") as archive:
            yield archive
    except (tarfile.TarError, EOFError, OSError, UnicodeError, zlib.error) as error:
        raise BackupError(
            f"{path} is not a readable backup archive ({error})."
        ) from error


def read_archive(path, workdir):
    """The archive's manifest, after checking every file in it against the
    manifest (anything missing, extra, altered or unsafe is refused). The
    manifest and the database file are unpacked into `workdir`; media files are
    only read, a chunk at a time."""
    found = {}
    with _reading(path) as archive:
        for name, info in _members(archive):
            source = archive.extractfile(info)
            reader = HashingReader(source, name, info.size)
            if name.startswith(MEDIA_PREFIX):
                while reader.read(CHUNK):
                    pass
            else:
                with (workdir / name).open("wb") as sink:
                    shutil.copyfileobj(reader, sink, CHUNK)
            found[name] = reader.record()
    if MANIFEST not in found:
        raise BackupError(
            f"{path} has no manifest: it is not a backup, or it was cut short."
        )
    found.pop(MANIFEST)
    manifest = _load_manifest(workdir / MANIFEST, path)
    expected = manifest["files"]
    if set(found) != set(expected):
        missing = sorted(set(expected) - set(found))
        extra = sorted(set(found) - set(expected))
        raise BackupError(
            f"The archive does not match its manifest (missing: {missing}, "
            f"unexpected: {extra})."
        )
    for name, record in found.items():
        if record != expected[name]:
            raise BackupError(f"{name} in the archive is damaged (checksum differs).")
    return manifest


def _load_manifest(file, path):
    try:
        manifest = json.loads(file.read_bytes())
    except ValueError as error:
        raise BackupError(f"The manifest in {path} is damaged ({error}).") from error
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        found = manifest.get("format") if isinstance(manifest, dict) else None
        raise BackupError(f"{path} has backup format {found!r}.")
    try:
        files, counts = manifest["files"], manifest["counts"]
        db_file = manifest["database"]["file"]
        well_formed = (
            db_file in DATABASE_NAMES
            and db_file in files
            and isinstance(counts, dict)
            and all(
                isinstance(r, dict) and set(r) == {"sha256", "bytes"}
                for r in files.values()
            )
        )
    except (KeyError, TypeError, AttributeError):
        well_formed = False
    if not well_formed:
        raise BackupError(f"The manifest in {path} is damaged (entries missing).")
    return manifest


def _media_to_restore(manifest):
    """{storage name: SHA-256} of the archive's media files, every name checked
    against the storage (without touching it) before the database is."""
    media = {
        name.removeprefix(MEDIA_PREFIX): record["sha256"]
        for name, record in manifest["files"].items()
        if name.startswith(MEDIA_PREFIX)
    }
    for name in media:
        with storage_refusal(name):
            validate_file_name(name, allow_relative_path=True)
            default_storage.exists(name)  # FileSystemStorage: inside MEDIA_ROOT?
    return media


def restore_backup(path, force=False, stdout=None):
    """Bring the archive at `path` back into the configured database and media
    storage. Refuses a database or media storage holding other content unless
    `force`, which replaces the database content and overwrites media files."""
    if not force and not is_empty():  # before reading a large archive through
        raise BackupError(
            "The database already holds content. Restore into an empty "
            "database, or pass --force to replace what is there."
        )
    with tempfile.TemporaryDirectory() as tmp:
        manifest = read_archive(path, Path(tmp))
        db_file = manifest["database"]["file"]
        if db_file == PG_DUMP_NAME and not is_postgres():
            raise BackupError(
                "This archive holds a PostgreSQL dump; set DATABASE_URL to a "
                "PostgreSQL database to restore it."
            )
        media = _media_to_restore(manifest)
        present = {name for name in media if default_storage.exists(name)}
        same = {name for name in present if stored_sha256(name) == media[name]}
        if not force:
            clashes = sorted(present - same)
            if clashes:
                raise BackupError(
                    f"{len(clashes)} media file(s) already exist with other "
                    f"contents (e.g. {clashes[0]}). Use an empty MEDIA_ROOT, or "
                    "--force."
                )
        _restore_database(Path(tmp) / db_file, force)

    with _reading(path) as archive:
        for member, info in _members(archive):
            name = member.removeprefix(MEDIA_PREFIX)
            if member.startswith(MEDIA_PREFIX) and name not in same:
                _restore_file(name, archive.extractfile(info), info.size, media[name])

    counts = row_counts()
    wrong = {
        label: (expected, counts.get(label))
        for label, expected in manifest["counts"].items()
        if counts.get(label) != expected
    }
    if wrong:
        raise BackupError(f"Restored row counts differ from the backup's: {wrong}.")
    return manifest


def _restore_database(dump, force):
    if dump.name == PG_DUMP_NAME:
        _pg_restore(dump)
        call_command("migrate", interactive=False, verbosity=0)
    else:
        call_command("migrate", interactive=False, verbosity=0)
        with transaction.atomic():
            if force:
                call_command("flush", interactive=False, verbosity=0)
            call_command("loaddata", str(dump), verbosity=0)


def _restore_file(name, source, size, sha256):
    """Stream one media file from the archive into the storage, and check what
    was stored (the archive could have changed since it was checked)."""
    content = File(source, name=posixpath.basename(name))
    content.size = size
    try:
        with storage_refusal(name):
            if default_storage.exists(name):
                default_storage.delete(name)
            saved = default_storage.save(name, content)
    except OSError as error:  # not the archive's fault: say so
        raise BackupError(
            f"Media file {name} could not be stored ({error})."
        ) from error
    if saved != name:
        raise BackupError(f"Media file {name} could not be stored under its name.")
    if stored_sha256(name) != sha256:
        raise BackupError(f"Media file {name} was not stored intact.")


def _pg_restore(dump):
    """pg_restore in one transaction; --clean drops what migrate may have made."""
    for conn in connections.all():
        conn.close()
    command = [pg_tool("pg_restore"), "--clean", "--if-exists", "--no-owner"]
    command += ["--no-privileges", "--single-transaction", "--exit-on-error"]
    db = connections["default"].settings_dict
    command += [f"--dbname={db['NAME']}", str(dump)]
    run_tool(command, pg_env())
