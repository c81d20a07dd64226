from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from hawkins_site.backup import BackupError, create_backup


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
            help="Archive path (default: var/backups/hawkins-<date-time>.tar.gz).",
        )

    def handle(self, *args, output=None, **options):
        if output is None:
            stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
            output = (
                Path(settings.BASE_DIR) / "var" / "backups" / f"hawkins-{stamp}.tar.gz"
            )
        try:
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
