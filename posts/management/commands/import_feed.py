from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from hawkins_site.cache import bump_content_version
from posts.importers.common import ImportReport, Progress
from posts.importers.feed import FeedImporter
from posts.importers.feed_parse import FeedError, parse_feed, read_feed


class Command(BaseCommand):
    help = (
        "Import posts from an RSS 2.0 or Atom feed (a file or an http(s) URL), "
        "e.g. Drupal's rss.xml or a WordPress export: titles, dates, full "
        "content, categories as tags, and each item's link as an old address "
        "that answers 301. Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument("location", help="a feed file, or its http(s) URL")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="report what would change, and change nothing",
        )
        parser.add_argument(
            "--author", metavar="USERNAME", help="make this user the posts' author"
        )
        parser.add_argument(
            "--progress",
            action="store_true",
            help="draw the progress bar even when not writing to a terminal",
        )

    def handle(self, *args, **options):
        author = None
        if options["author"]:
            author = get_user_model().objects.filter(username=options["author"]).first()
            if author is None:
                raise CommandError(f"There is no user {options['author']!r} here.")
        location = options["location"]
        try:
            title, entries = parse_feed(read_feed(location), base_url=location)
        except FeedError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f'Read "{title or location}": {len(entries)} items.')
        report = ImportReport()
        progress = Progress(
            self.stderr,
            len(entries),
            enabled=options["progress"] or self.stderr.isatty(),
        )
        FeedImporter(
            entries,
            report,
            dry_run=options["dry_run"],
            author=author,
            progress=progress,
        ).run()
        if not options["dry_run"]:
            bump_content_version()  # dates were set with update(): no signal
        report.write(self.stdout, dry_run=options["dry_run"], style=self.style)
