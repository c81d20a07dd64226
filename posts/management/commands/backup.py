from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from hawkins_site.backup import BackupError, create_backup


def default_folder():
    """var/backups, made private (archives hold password hashes), also when an
    older release created it readable by all."""
    folder = Path(settings.BASE_DIR) / "var" / "backups"
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        folder.chmod(0o700)
    except OSError as error:
        raise BackupError(f"Could not make {folder} private ({error}).") from error
    return folder


class Command(BaseCommand):
    help = (
        "Write the database (pg_dump on PostgreSQL, dumpdata otherwise) and every "
        "uploaded file into one archive with a manifest of checksums and row "
        "counts. Restore it with `manage.py restore`."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "-o",
            "--output",
            help="Archive path (default: var/backups/hawkins-<date-time>.tar.gz). "
            "The archive is readable by its owner only.",
        )

    def handle(self, *args, output=None, **options):
        try:
            if output is None:
                output = (
                    default_folder()
                    / f"hawkins-{timezone.localtime():%Y%m%d-%H%M%S}.tar.gz"
                )
            manifest = create_backup(output)
        except BackupError as error:
            raise CommandError(str(error)) from error
        rows = sum(manifest["counts"].values())
        media = len(manifest["files"]) - 1
        self.stdout.write(
            self.style.SUCCESS(
                f"Backed up {rows} rows and {media} media file(s) to {output}"
            )
        )
