"""No lost data (issue #8, item 7): `manage.py backup` and `manage.py restore`
round-trip the demo content (posts, tags, series, attachments with their bytes,
revisions, users) on SQLite and on PostgreSQL (with pg_dump/pg_restore)."""

import hashlib
import io
import json
import os
import shutil
import stat
import subprocess
import sys
import tarfile
import tracemalloc
from pathlib import Path
from urllib.parse import quote

import psycopg
import pytest
from django.core.exceptions import SuspiciousFileOperation
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage
from django.core.management import CommandError, call_command
from django.db import connection

from hawkins_site import backup
from hawkins_site.backup import is_empty
from posts.models import Attachment, Post
from talks.models import Attachment as TalkAttachment
from talks.models import Talk
from tests.backup_snapshot import snapshot
from tests.test_deploy_settings import _env
from tests.test_settings import ROOT

# pg_dump sees only committed data, so these tests commit (and flush after).
pytestmark = pytest.mark.django_db(transaction=True)

MUST_HAVE_ROWS = ["posts.Post", "taggit.Tag", "posts.TaggedPost", "posts.Series",
                  "posts.Attachment", "talks.Talk", "talks.Attachment",
                  "talks.TaggedTalk", "reversion.Revision", "reversion.Version",
                  "auth.User"]  # fmt: skip


@pytest.fixture(autouse=True)
def _pg_tools():
    if connection.vendor == "postgresql" and not (
        shutil.which("pg_dump") and shutil.which("pg_restore")
    ):
        pytest.skip("pg_dump/pg_restore are not installed (apt: postgresql-client)")


@pytest.fixture
def demo(settings):
    call_command("seed_demo", stdout=io.StringIO())
    # The demo's talks have no files; the backup must carry a talk's slides too.
    TalkAttachment.objects.create(
        talk=Talk.objects.published().order_by("pk").first(),
        title="Slides",
        file=ContentFile(b"%PDF-1.4 slides", name="slides.pdf"),
    )
    before = snapshot()
    for label in MUST_HAVE_ROWS:
        assert before["rows"][label], label
    assert any(name.startswith("attachments/") for name in before["media"])
    assert any(name.startswith("renditions/") for name in before["media"])
    return before


def attachment_bytes():
    return {
        (type(a)._meta.label, a.pk): a.file.open("rb").read()
        for model in (Attachment, TalkAttachment)
        for a in model.objects.all()
    }


def back_up(tmp_path):
    archive = tmp_path / "backup" / "site.tar.gz"
    out = io.StringIO()
    call_command("backup", output=str(archive), stdout=out)
    assert "Backed up" in out.getvalue()
    return archive


def test_restore_into_an_emptied_database_brings_everything_back(
    demo, tmp_path, settings
):
    files = attachment_bytes()
    archive = back_up(tmp_path)
    call_command("flush", interactive=False, verbosity=0)
    shutil.rmtree(settings.MEDIA_ROOT)
    assert is_empty()
    assert snapshot() != demo

    out = io.StringIO()
    call_command("restore", str(archive), stdout=out)
    assert "Restored" in out.getvalue()
    assert snapshot() == demo
    assert attachment_bytes() == files


def test_restore_refuses_a_database_with_content_unless_forced(demo, tmp_path):
    archive = back_up(tmp_path)
    post = Post.objects.order_by("pk").first()
    Post.objects.filter(pk=post.pk).update(title="Changed after the backup")
    Post.objects.create(title="New", slug="new-after-backup", body="<p>x</p>")

    with pytest.raises(CommandError, match="--force"):
        call_command("restore", str(archive))
    assert Post.objects.filter(title="Changed after the backup").exists()

    call_command("restore", str(archive), force=True, stdout=io.StringIO())
    assert snapshot() == demo


def test_restore_into_a_brand_new_database(demo, tmp_path):
    """A new server: a database with no tables and an empty media folder."""
    archive = back_up(tmp_path)
    media = tmp_path / "new-media"
    with fresh_database(tmp_path) as url:
        env = _env(
            {
                "DATABASE_URL": url,
                "MEDIA_ROOT": str(media),
                "DJANGO_SECRET_KEY": "restore-test",
                "SITE_URL": "https://www.example.org",  # a production server's
            }
        )
        restore = subprocess.run(
            [sys.executable, "manage.py", "restore", str(archive)],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert restore.returncode == 0, restore.stderr
        assert "Restored" in restore.stdout
        seen = subprocess.run(
            [sys.executable, "-m", "tests.backup_snapshot"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert seen.returncode == 0, seen.stderr
    assert json.loads(seen.stdout) == json.loads(json.dumps(demo))


class fresh_database:
    """An empty database of the engine under test, dropped afterwards."""

    def __init__(self, tmp_path):
        self.tmp_path = tmp_path
        self.db = connection.settings_dict

    def __enter__(self):
        if connection.vendor != "postgresql":
            return f"sqlite:///{self.tmp_path / 'new.sqlite3'}"
        self.name = f"{self.db['NAME']}_restore"
        self._admin(f'DROP DATABASE IF EXISTS "{self.name}"')
        self._admin(f'CREATE DATABASE "{self.name}"')
        user = quote(self.db.get("USER") or "", safe="")
        password = quote(self.db.get("PASSWORD") or "", safe="")
        auth = f"{user}:{password}@" if password else f"{user}@" if user else ""
        host = self.db.get("HOST") or "127.0.0.1"
        port = self.db.get("PORT") or 5432
        return f"postgres://{auth}{host}:{port}/{self.name}"

    def __exit__(self, *exc):
        if connection.vendor == "postgresql":
            self._admin(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')

    def _admin(self, sql):
        with psycopg.connect(
            dbname="postgres",
            user=self.db.get("USER") or None,
            password=self.db.get("PASSWORD") or None,
            host=self.db.get("HOST") or None,
            port=self.db.get("PORT") or None,
            autocommit=True,
        ) as admin:
            admin.execute(sql)


# --- Damaged or hostile archives are refused before anything is touched ---------


def rewrite(archive, change):
    """Copy of `archive` with its members passed through change(name, data)."""
    members = {}
    with tarfile.open(archive, "r:gz") as tar:
        for info in tar:
            members[info.name] = tar.extractfile(info).read()
    copy = archive.with_name("changed.tar.gz")
    with tarfile.open(copy, "w:gz") as tar:
        for name, data in members.items():
            for new_name, new_data in change(name, data):
                info = tarfile.TarInfo(new_name)
                info.size = len(new_data)
                tar.addfile(info, io.BytesIO(new_data))
    return copy


@pytest.fixture
def small_backup(tmp_path):
    Post.objects.create(title="Kept", slug="kept", body="<p>x</p>")
    Attachment.objects.create(
        post=Post.objects.get(),
        title="Notes",
        file=ContentFile(b"%PDF-1.4 notes", name="notes.pdf"),
    )
    return back_up(tmp_path)


def refused(archive, match):
    before = snapshot()
    with pytest.raises(CommandError, match=match):
        call_command("restore", str(archive), force=True)
    assert snapshot() == before


def test_an_altered_file_is_refused(small_backup):
    def alter(name, data):
        yield name, data + b"x" if name.startswith("media/") else data

    refused(rewrite(small_backup, alter), "damaged")


def test_a_cut_short_archive_is_refused(small_backup):
    data = small_backup.read_bytes()
    cut = small_backup.with_name("cut.tar.gz")
    cut.write_bytes(data[: len(data) // 2])
    refused(cut, "not a readable backup archive|no manifest")


def test_an_archive_without_its_manifest_is_refused(small_backup):
    def drop(name, data):
        if name != "manifest.json":
            yield name, data

    refused(rewrite(small_backup, drop), "no manifest")


def test_a_path_escaping_the_media_folder_is_refused(small_backup):
    def escape(name, data):
        yield name, data
        if name.startswith("media/"):
            yield "media/../../escaped.txt", b"x"

    refused(rewrite(small_backup, escape), "unsafe file name")
    assert not (Path(ROOT).parent / "escaped.txt").exists()


def with_listed_member(archive, name, data):
    """Copy of `archive` with one more member, listed in its manifest with the
    right checksum, so only the name itself can give it away."""

    def add(member, content):
        if member != "manifest.json":
            yield member, content
            return
        manifest = json.loads(content)
        digest = hashlib.sha256(data).hexdigest()
        manifest["files"][name] = {"sha256": digest, "bytes": len(data)}
        yield name, data
        yield member, json.dumps(manifest).encode()

    return rewrite(archive, add)


@pytest.mark.parametrize(
    "name",
    [
        "media/{outside}/ESCAPED.txt",  # media//tmp/…: an absolute path in media/
        "media/attachments//ESCAPED.txt",
        "media/./ESCAPED.txt",
        "media/attachments/../ESCAPED.txt",
        "media/attachments/ESCAPED.txt/",
        "media/",
        "/media/ESCAPED.txt",
        "media\\ESCAPED.txt",
        "media/ESCAPED\x01.txt",
        "ESCAPED.txt",
        "database.sqlite3",
    ],
)
def test_a_member_name_that_is_not_plainly_a_media_file_is_refused(
    small_backup, tmp_path, name
):
    """Refused before the database is touched, even with --force, and never a
    raw SuspiciousFileOperation from the storage."""
    outside = tmp_path / "outside"
    archive = with_listed_member(small_backup, name.format(outside=outside), b"x")
    refused(archive, "unsafe file name")
    assert not outside.exists()


class PickyStorage(FileSystemStorage):
    """A storage that refuses some names the archive itself allows (as S3 or a
    storage with rules of its own may)."""

    def exists(self, name):
        if "refused-by-storage" in name:
            raise SuspiciousFileOperation(f"Not here: {name}")
        return super().exists(name)


def test_a_media_name_the_storage_refuses_is_refused_before_the_database(
    small_backup, settings
):
    archive = with_listed_member(small_backup, "media/refused-by-storage.txt", b"x")
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": f"{__name__}.PickyStorage"},
    }
    refused(archive, "media storage refuses")


# --- Archives are private and streamed ------------------------------------------


@pytest.fixture
def umask_022():
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_an_archive_and_its_new_folder_are_readable_by_their_owner_only(
    tmp_path, umask_022
):
    """An archive holds every user's password hash."""
    archive = back_up(tmp_path)
    assert stat.S_IMODE(archive.stat().st_mode) == 0o600
    assert stat.S_IMODE(archive.parent.stat().st_mode) == 0o700


def test_the_default_backup_folder_is_private(tmp_path, settings, umask_022):
    """Also when an earlier release made it readable by all."""
    settings.BASE_DIR = tmp_path
    folder = tmp_path / "var" / "backups"
    folder.mkdir(parents=True, mode=0o755)
    call_command("backup", stdout=io.StringIO())
    (archive,) = folder.iterdir()
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(archive.stat().st_mode) == 0o600


def test_a_left_over_partial_file_is_not_reused(tmp_path):
    """Another backup may be writing it; the partial file is never followed or
    overwritten (O_EXCL), and the operator is told what to do."""
    output = tmp_path / "site.tar.gz"
    partial = tmp_path / "site.tar.gz.partial"
    partial.write_bytes(b"someone else's")
    with pytest.raises(CommandError, match="partial"):
        call_command("backup", output=str(output))
    assert partial.read_bytes() == b"someone else's"
    assert not output.exists()


def test_a_failed_backup_leaves_no_partial_file(tmp_path, monkeypatch):
    def broken(*args, **kwargs):
        raise OSError("No space left on device")

    monkeypatch.setattr(backup, "_media_names", broken)  # after the database
    with pytest.raises(CommandError, match="No space left"):
        call_command("backup", output=str(tmp_path / "site.tar.gz"))
    assert list(tmp_path.iterdir()) == []


BIG = 16 * 1024 * 1024


def test_backup_and_restore_stream_files_instead_of_holding_them(
    small_backup, tmp_path, settings
):
    """A folder of 25 MB attachments must not need 25 MB of memory each: peak
    Python memory stays far below the size of the one big file."""
    big = Path(settings.MEDIA_ROOT) / "attachments" / "big.pdf"
    with big.open("wb") as handle:
        for _ in range(BIG // (1024 * 1024)):
            handle.write(os.urandom(1024 * 1024))
    digest = hashlib.sha256(big.read_bytes()).hexdigest()

    tracemalloc.start()
    try:
        archive = back_up(tmp_path / "streamed")
        _, backup_peak = tracemalloc.get_traced_memory()
        shutil.rmtree(settings.MEDIA_ROOT)
        tracemalloc.reset_peak()
        call_command("restore", str(archive), force=True, stdout=io.StringIO())
        _, restore_peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    # (Migrating and loading the fixture alone take about 3 MB.)
    assert backup_peak < BIG / 3, backup_peak
    assert restore_peak < BIG / 3, restore_peak
    assert hashlib.sha256(big.read_bytes()).hexdigest() == digest


def test_not_an_archive_at_all_is_refused(tmp_path):
    junk = tmp_path / "junk.tar.gz"
    junk.write_bytes(os.urandom(300))
    refused(junk, "not a readable backup archive")
    refused(tmp_path / "missing.tar.gz", "not a readable backup archive")


def test_backup_will_not_overwrite_an_existing_file(small_backup):
    with pytest.raises(CommandError, match="already exists"):
        call_command("backup", output=str(small_backup))
