from pathlib import Path
from urllib.parse import urlsplit

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from hawkins_site.cache import bump_content_version
from posts.importers.common import ImportReport, Progress
from posts.importers.drupal7 import Drupal7Importer, Drupal7Options
from posts.importers.drupal7_source import Drupal7Source, SourceError


class Command(BaseCommand):
    help = (
        "Import the posts of a Drupal 7 blog, read straight from its database: "
        "bodies, summaries, dates, status, tags, attachments, inline images and "
        "every old address (which then answers 301). Safe to run again: posts "
        "are matched on their Drupal node ID and updated, never duplicated."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "database_url",
            help="The Drupal database: mysql://user:password@host:3306/name "
            "(MariaDB too), postgres://user@host/name or sqlite:///path/to/file",
        )
        parser.add_argument(
            "--files-root",
            type=Path,
            help="Drupal's public files directory (sites/default/files): "
            "attachments and inline images are copied from there",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="report what would change, and change nothing",
        )
        parser.add_argument(
            "--detect-series",
            action="store_true",
            help='group posts titled "... (2nd post)", "... (third post)" into series',
        )
        parser.add_argument(
            "--types",
            default="blog,article",
            help="content types to import, comma-separated (default: blog,article)",
        )
        parser.add_argument(
            "--author",
            metavar="USERNAME",
            help="make this user the author of every post (default: the user "
            "here with the Drupal author's user name or email)",
        )
        parser.add_argument(
            "--old-host",
            action="append",
            default=[],
            metavar="HOST",
            help="the old site's host name, e.g. www.example.org: absolute links "
            "to its files are rewritten too (repeat for several)",
        )
        parser.add_argument(
            "--table-prefix", default="", help="Drupal's table prefix, if any"
        )
        parser.add_argument(
            "--progress",
            action="store_true",
            help="draw the progress bar even when not writing to a terminal",
        )

    def handle(self, *args, **options):
        files_root = options["files_root"]
        if files_root is not None and not files_root.is_dir():
            raise CommandError(f"--files-root {files_root} is not a directory.")
        types = tuple(t.strip() for t in options["types"].split(",") if t.strip())
        if not types:
            raise CommandError("--types needs at least one content type.")
        author = None
        if options["author"]:
            User = get_user_model()
            author = User.objects.filter(username=options["author"]).first()
            if author is None:
                raise CommandError(f"There is no user {options['author']!r} here.")
        import_options = Drupal7Options(
            files_root=files_root,
            types=types,
            detect_series=options["detect_series"],
            dry_run=options["dry_run"],
            author=author,
            old_hosts=frozenset(_host(h) for h in options["old_host"]),
            show_traceback=options["traceback"],
        )
        try:
            source = Drupal7Source(options["database_url"], options["table_prefix"])
        except SourceError as exc:
            raise CommandError(str(exc)) from exc
        try:
            source.check()
            data = source.read()
        except SourceError as exc:
            raise CommandError(str(exc)) from exc
        finally:
            source.close()

        self.stdout.write(
            f"Read {source.describe()}: {len(data.nodes)} nodes, "
            f"{len(data.terms)} tags, {len(data.aliases)} URL aliases, "
            f"{len(data.files)} files."
        )
        report = ImportReport()
        progress = Progress(
            self.stderr,
            len(data.nodes),
            enabled=options["progress"] or self.stderr.isatty(),
        )
        Drupal7Importer(
            data, import_options, report, progress=progress, stderr=self.stderr
        ).run()
        if not options["dry_run"]:
            bump_content_version()  # dates were set with update(): no signal
        report.write(self.stdout, dry_run=options["dry_run"], style=self.style)


def _host(value):
    """ "https://www.example.org/" or "www.example.org" -> "www.example.org"."""
    value = value.strip().lower()
    return urlsplit(value).netloc if "://" in value else value.strip("/")
