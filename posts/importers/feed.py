"""Feed items become posts: title, dates, full content, categories as tags, and
the item's link recorded as an old address (which then answers 301).

Running it again updates the posts it made (matched on that old address) rather
than adding copies; posts that came from the Drupal database, or that were
edited here since, are left alone."""

from urllib.parse import urlsplit

from django.db import transaction

from hawkins_site.revisions import save_version
from hawkins_site.richtext import sanitize_html

from ..models import LegacyPath, Post
from ..paths import normalise_path
from ..redirects import live_page
from .common import ItemError, record_legacy_path, shorten, unique_slug

TITLE_LENGTH = Post._meta.get_field("title").max_length


class FeedImporter:
    def __init__(self, entries, report, *, dry_run=False, author=None, progress=None):
        self.entries, self.report = entries, report
        self.dry_run, self.author, self.progress = dry_run, author, progress

    def run(self):
        with transaction.atomic():
            for n, entry in enumerate(self.entries, start=1):
                label = f'item {n} "{shorten(entry.title)}"'
                self._import_one(entry, label)
                if self.progress:
                    self.progress.step(label)
            if self.dry_run:
                transaction.set_rollback(True)

    def _import_one(self, entry, label):
        warnings = list(entry.warnings)
        try:
            with transaction.atomic():
                outcome = self._import_entry(entry, warnings)
        except ItemError as exc:
            self.report.skip(label, str(exc))
            return
        except Exception as exc:  # one bad item must not stop the run
            self.report.skip(
                label, f"could not be imported: {type(exc).__name__}: {exc}"
            )
            return
        getattr(self.report, outcome).append(label)
        for message in warnings:
            self.report.warn(label, message)

    def _import_entry(self, entry, warnings):
        if entry.skip_reason:
            raise ItemError(entry.skip_reason)
        title = entry.title.strip()
        if not title and not entry.body.strip():
            raise ItemError("it has neither a title nor any content")
        if not title:
            title = "Untitled"
            warnings.append('it has no title; called it "Untitled"')
        if len(title) > TITLE_LENGTH:
            title = title[: TITLE_LENGTH - 1].rsplit(" ", 1)[0] + "\u2026"
            warnings.append(f"its title is longer than {TITLE_LENGTH} characters; cut")
        path = normalise_path(urlsplit(entry.link).path) if entry.link else ""
        if path in {"", "/"}:
            path = ""
            warnings.append(
                f"its link {entry.link or '(none)'} has no path of its own; "
                "no old address recorded"
            )
        elif (page := live_page(path)) is not None:
            path = ""  # matched on its title and date instead, as without a link
            warnings.append(
                f"its link {entry.link} is an address of this site, where {page} "
                "answers; no old address recorded"
            )
        published_at = entry.published_at
        status = Post.Status.DRAFT if entry.is_draft else Post.Status.PUBLISHED
        if published_at is None and status == Post.Status.PUBLISHED:
            status = Post.Status.DRAFT
            warnings.append("it has no date; imported as a draft")

        updated_at = entry.updated_at or published_at
        body = sanitize_html(entry.body)
        post = self._existing_post(path, title, published_at, updated_at, body)
        is_new = post is None
        if is_new:
            post = Post(slug=unique_slug(title, fallback="imported-post"))
        values = {
            "title": title,
            "body": body,
            "status": status,
            "published_at": published_at,
        }
        if is_new or self.author:
            values["author"] = self.author
        dirty = is_new or any(getattr(post, k) != v for k, v in values.items())
        if dirty:
            for name, value in values.items():
                setattr(post, name, value)
            post.save()
        tags = _unique(entry.categories)
        if {t.name.casefold() for t in post.tags.all()} != {t.casefold() for t in tags}:
            post.tags.set(tags)
            dirty = True
        if path:
            dirty |= record_legacy_path(
                path, report=self.report, label="feed", post=post
            )
        if updated_at and post.updated_at != updated_at:
            Post.objects.filter(pk=post.pk).update(updated_at=updated_at)
            post.updated_at = updated_at
            dirty = True
        if dirty:  # the post as imported, in its History like an admin save
            save_version(post, f"{'Imported' if is_new else 'Updated'} from a feed")
        if is_new:
            return "imported"
        return "updated" if dirty else "unchanged"

    def _existing_post(self, path, title, published_at, updated_at, body):
        """The post an earlier run made from this item, if any."""
        if path:
            row = LegacyPath.objects.select_related("post").filter(path=path).first()
            if row is None:
                return None
            post = row.post
            if post is None:
                raise ItemError(
                    f"its old address {path} already leads to "
                    f"{row.destination_url()}; left as it is"
                )
            if hasattr(post, "drupal_node"):
                raise ItemError(
                    "its post came from the Drupal database, which has more; "
                    "left as it is"
                )
            if post.updated_at > row.created_at:
                raise ItemError(
                    "its post was edited here after it was imported; not overwritten"
                )
            return post
        # An item without a link: the post with its title and date, if an
        # earlier run made it (updated_at is still the item's, set by that run).
        same = Post.objects.filter(title=title, published_at=published_at)
        post = same.select_related("drupal_node").order_by("pk").first()
        if post is None:
            return None
        if hasattr(post, "drupal_node"):
            raise ItemError(
                "a post with this title and date came from the Drupal database, "
                "which has more; left as it is"
            )
        if updated_at is not None and post.updated_at == updated_at:
            return post
        if updated_at is None and post.body == body:
            return post  # undated: the same text is all there is to tell by
        raise ItemError(
            "a post with this title and date is already here (written or "
            "edited here); left as it is"
        )


def _unique(names):
    """Tag names without case-insensitive repeats, first spelling kept."""
    seen, kept = set(), []
    for name in names:
        name = name.strip()[:100]
        if name and name.casefold() not in seen:
            seen.add(name.casefold())
            kept.append(name)
    return kept
