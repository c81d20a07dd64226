from django.core.exceptions import SuspiciousFileOperation
from django.core.management.base import BaseCommand, CommandError

from hawkins_site.backup import BackupError
from hawkins_site.cache import bump_content_version
from hawkins_site.restore import restore_backup


class Command(BaseCommand):
    help = (
        "Restore an archive written by `manage.py backup` into an empty database "
        "and media folder (the database is migrated first when it has no tables). "
        "Every file is checked against the archive's manifest first, and the row "
        "counts are checked afterwards."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="Path of the .tar.gz backup archive.")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Replace the content of a database that is not empty, and "
            "overwrite media files of the same name.",
        )

    def handle(self, *args, archive, force, **options):
        try:
            manifest = restore_backup(archive, force=force)
        except (BackupError, SuspiciousFileOperation) as error:
            # (backup.py turns the storage's refusals into BackupErrors that name
            # the file; this catches any it did not foresee.)
            raise CommandError(str(error)) from error
        bump_content_version()  # pg_restore and loaddata send no signals
        rows = sum(manifest["counts"].values())
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored {rows} rows and {len(manifest['files']) - 1} media "
                f"file(s) from the backup of {manifest['created_at']}."
            )
        )
