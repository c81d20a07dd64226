"""What both importers share: the run's report and progress bar, slugs for new
posts, and recording old addresses."""

from django.utils.text import slugify

from hawkins_site.slugs import free_slug

from ..models import LegacyPath, Post
from ..paths import normalise_path
from ..redirects import live_page

SLUG_LENGTH = 100


class ItemError(Exception):
    """One item cannot be imported; the message says why. The run goes on."""


class ImportReport:
    """Counts and messages of one run, printed as its summary."""

    def __init__(self):
        self.imported = []
        self.updated = []
        self.unchanged = []
        self.skipped = []  # (label, reason)
        self.warnings = []  # (label, message)
        self.paths_not_imported = []  # (old address, reason)
        self.notes = []
        self.files_copied = 0
        self.paths_recorded = 0

    def skip(self, label, reason):
        self.skipped.append((label, reason))

    def warn(self, label, message):
        self.warnings.append((label, message))

    def write(self, out, *, dry_run, style):
        """The summary: counts first, then every skip and warning."""
        would = "would be " if dry_run else ""
        heading = (
            f"Posts {would}imported: {len(self.imported)}, "
            f"{would}updated: {len(self.updated)}, "
            f"unchanged: {len(self.unchanged)}, skipped: {len(self.skipped)}."
        )
        if dry_run:
            out.write(style.WARNING("Dry run: nothing was saved and no file copied."))
        out.write(style.SUCCESS(heading))
        out.write(
            f"Old addresses {would}recorded: {self.paths_recorded}; "
            f"files {would}copied: {self.files_copied}."
        )
        for note in self.notes:
            out.write(note)
        if self.paths_not_imported:
            count = len(self.paths_not_imported)
            out.write(style.WARNING(f"Old addresses not imported ({count}):"))
            for path, reason in self.paths_not_imported:
                out.write(f"  {path}: {reason}")
        if self.skipped:
            out.write(style.WARNING(f"Skipped ({len(self.skipped)}):"))
            for label, reason in self.skipped:
                out.write(f"  {label}: {reason}")
        if self.warnings:
            out.write(style.WARNING(f"Warnings ({len(self.warnings)}):"))
            for label, message in self.warnings:
                out.write(f"  {label}: {message}")


class Progress:
    """A one-line progress bar, drawn only on a terminal (or when forced)."""

    def __init__(self, stream, total, *, enabled, width=30):
        self.stream, self.total, self.enabled, self.width = (
            stream,
            total,
            enabled,
            width,
        )
        self.done = 0

    def step(self, label=""):
        self.done += 1
        if not self.enabled or not self.total:
            return
        filled = round(self.width * self.done / self.total)
        bar = "#" * filled + "-" * (self.width - filled)
        self.stream.write(
            f"\r[{bar}] {self.done}/{self.total} {label[:40]:<40}", ending=""
        )
        if self.done == self.total:
            self.stream.write("")


def shorten(text, length=60):
    """`text` for a one-line label: at most `length` characters."""
    return text if len(text) <= length else text[: length - 1].rstrip() + "\u2026"


def unique_slug(text, *, fallback, exclude_pk=None):
    """A free post slug made from `text`: at most SLUG_LENGTH characters, cut
    between words, never inside one; -2, -3... when taken."""
    base = slugify(text) or slugify(fallback)
    if len(base) > SLUG_LENGTH:
        base = base[: SLUG_LENGTH + 1].rsplit("-", 1)[0] or base[:SLUG_LENGTH]
    return free_slug(base, Post.objects.exclude(pk=exclude_pk))


def record_legacy_path(path, *, report, label, post=None, tag=None, target=""):
    """Store `path` as an old address of `post`, `tag` or `target`. True if a
    row was added; an address already leading elsewhere, or one where this
    site answers itself (/talks, /posts/<a post here>), is left alone, with a
    warning."""
    path = normalise_path(path)
    if path in {"", "/"}:
        return False
    if (page := live_page(path)) is not None:
        leads_to = (post or tag) and _destination(post, tag)
        if page != leads_to:
            report.warn(
                label,
                f"old address {path} is an address of this site, where {page} "
                "answers; not recorded (it would never be used)",
            )
        return False
    existing = LegacyPath.objects.filter(path=path).first()
    if existing is None:
        LegacyPath.objects.create(path=path, post=post, tag=tag, target=target)
        report.paths_recorded += 1
        return True
    same = (
        existing.post_id == (post and post.pk)
        and existing.tag_id == (tag and tag.pk)
        and existing.target == target
    )
    if not same:
        report.warn(
            label,
            f"old address {path} already leads to {existing.destination_url()}; "
            "left as it is (change it in the admin under Old addresses)",
        )
    return False


def _destination(post, tag):
    return LegacyPath(post=post, tag=tag).destination_url()
