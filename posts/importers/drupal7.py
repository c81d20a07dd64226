"""Drupal 7 nodes become posts: body, summary, dates, status, author, tags,
featured image (a node's first image field), attachments, inline files and
every old address.

Each node is imported in its own transaction (a savepoint inside the run's),
keyed on its nid: a second run updates posts instead of adding copies, and a
node that fails is reported and skipped without leaving half-written rows."""

import traceback
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import SuspiciousFileOperation, ValidationError
from django.core.files import File
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.utils import validate_file_name
from django.db import transaction

from hawkins_site.attachments import validate_attachment
from hawkins_site.images import clean_image
from hawkins_site.revisions import save_version
from hawkins_site.richtext import plain_text, sanitize_html

from ..models import Attachment, DrupalNode, Post
from ..redirects import DRUPAL_MEDIA_FOLDER
from .common import ItemError, shorten, unique_slug
from .drupal7_aliases import OldAddresses
from .drupal7_source import DEFAULT_FILTERS
from .drupal7_text import (
    apply_text_format,
    decode_text,
    html_problems,
    rewrite_file_urls,
)
from .series import detect_series

TITLE_LENGTH = Post._meta.get_field("title").max_length
ATTACHMENT_TITLE_LENGTH = Attachment._meta.get_field("title").max_length
ALT_LENGTH = Post._meta.get_field("featured_image_alt").max_length
# Unix times outside this range are not dates a blog post could have.
EARLIEST, LATEST = 0, 4102444800  # 1970 to 2100


@dataclass
class Drupal7Options:
    files_root: Path | None = None
    types: tuple = ("blog", "article")
    detect_series: bool = False
    dry_run: bool = False
    author: object = None  # one user for every post; None: match Drupal's users
    old_hosts: frozenset = frozenset()
    show_traceback: bool = False


class Drupal7Importer:
    def __init__(self, data, options, report, progress=None, stderr=None):
        self.data, self.options, self.report = data, options, report
        self.progress, self.stderr = progress, stderr
        self.copied = {}  # relative file path -> storage name, or None
        self.copy_failures = {}  # relative file path -> why it was not copied
        self.not_copied = set()  # files left behind for want of --files-root
        self.term_paths_done = set()
        self.addresses = OldAddresses(data.aliases, report)
        self.users = {}
        if not options.author:
            self.users, missing = match_users(data)
            if missing:
                report.notes.append(
                    f"No account here matches Drupal user(s) {', '.join(missing)}: "
                    "their posts have no author (choose one with --author)."
                )

    def run(self):
        with transaction.atomic():
            for node in self.data.nodes:
                label = self._import_one(node)
                if self.progress:
                    self.progress.step(label)
            nids = {node["nid"] for node in self.data.nodes}
            self.addresses.record_others(nids, self.term_paths_done)
            if self.options.detect_series:
                imported = Post.objects.filter(drupal_node__isnull=False)
                detect_series(imported.select_related("series"), self.report)
            if self.options.dry_run:
                transaction.set_rollback(True)
        if not settings.DRUPAL_BASE_URL:
            self.report.notes.append(
                "Feeds: set DRUPAL_BASE_URL to the old site's base URL, as the "
                'GUIDs of its rss.xml show it ("123 at http://www.example.org"), '
                "so that feed readers keep these posts' GUIDs and do not show "
                "them again as new."
            )
        if self.not_copied:
            self.report.warn(
                "files",
                f"{len(self.not_copied)} attachments and inline files were not "
                "copied because no --files-root was given; run again with it",
            )

    # --- one node ------------------------------------------------------------

    def _import_one(self, node):
        nid = node["nid"]
        warnings = []
        title = decode_text(node["title"], "the title", warnings, prose=True).strip()
        label = f'node {nid} "{shorten(title)}"'
        try:
            with transaction.atomic():
                outcome = self._import_node(node, title, warnings)
        except ItemError as exc:
            self.report.skip(label, str(exc))
            return label
        except Exception as exc:  # one bad node must not stop the run
            self.report.skip(
                label, f"could not be imported: {type(exc).__name__}: {exc}"
            )
            if self.options.show_traceback and self.stderr:
                self.stderr.write(traceback.format_exc())
            return label
        getattr(self.report, outcome).append(label)
        for message in warnings:
            self.report.warn(label, message)
        return label

    def _import_node(self, node, title, warnings):
        nid = node["nid"]
        values, changed = self._read_node(node, title, warnings)
        mapping = DrupalNode.objects.select_related("post").filter(nid=nid).first()
        if mapping is not None and mapping.post is None:
            raise ItemError("its post was deleted here after an earlier import")
        post = mapping.post if mapping else None
        if post is not None and post.updated_at > mapping.imported_at:
            raise ItemError(
                "its post was edited here after the last import "
                f"({post.updated_at:%Y-%m-%d %H:%M}); not overwritten"
            )
        is_new = post is None
        if is_new:
            post = Post(slug=unique_slug(values["title"], fallback=f"node-{nid}"))
        updated_before = post.updated_at
        dirty = is_new or self._differs(post, values)
        if dirty:
            for name, value in values.items():
                setattr(post, name, value)
            post.save()
        dirty |= self._set_tags(post, nid, warnings)
        dirty |= self._attach_files(post, nid, warnings)
        dirty |= self._record_node_paths(post, nid, warnings)
        if post.updated_at != changed:
            # updated_at is auto_now: save() just set it to now.
            Post.objects.filter(pk=post.pk).update(updated_at=changed)
            post.updated_at = changed
            dirty |= updated_before != changed
        if dirty:  # the post as imported, in its History like an admin save
            save_version(post, f"{'Imported' if is_new else 'Updated'} from Drupal 7")
        if is_new:
            DrupalNode.objects.create(nid=nid, post=post)
            return "imported"
        if dirty:
            mapping.save()  # imported_at: the edit check above compares with it
            return "updated"
        return "unchanged"

    def _read_node(self, node, title, warnings):
        """The post's fields from the node, and its changed time."""
        kind = decode_text(node["type"], "the type", [])
        if kind not in self.options.types:
            raise ItemError(
                f'content type "{kind}" is not imported '
                f"(--types {','.join(self.options.types)})"
            )
        body_row = self._body_row(node)
        text_format = decode_text(body_row.get("body_format"), "format", [])
        # Drupal shows a body without a format through its fallback, plain text.
        filters = self.data.filters.get(text_format or "plain_text")
        if filters is None:
            warnings.append(f'unknown text format "{text_format}"; read as full HTML')
            filters = DEFAULT_FILTERS["full_html"]
        if "php_code" in filters:
            raise ItemError(
                "its body uses the PHP code text format, which cannot run here: "
                "copy this post by hand"
            )
        created = self._time(node["created"], "created")
        changed = self._time(
            node["changed"] or node["revision_timestamp"] or node["created"], "changed"
        )
        if not title:
            title = f"Untitled (node {node['nid']})"
            warnings.append(f'it has no title; called it "{title}"')
        if len(title) > TITLE_LENGTH:
            title = title[: TITLE_LENGTH - 1].rsplit(" ", 1)[0] + "\u2026"
            warnings.append(f"its title is longer than {TITLE_LENGTH} characters; cut")
        if body_row.get("body_value") is None:
            warnings.append("it has no body")
        body = decode_text(body_row.get("body_value"), "the body", warnings, prose=True)
        body = self._convert(body, filters, warnings)
        if problems := html_problems(body):
            shown = ", ".join(problems[:5]) + (", ..." if len(problems) > 5 else "")
            warnings.append(
                f"the body's HTML is malformed ({shown}); repaired as a browser "
                "would: check the post"
            )
        summary = decode_text(
            body_row.get("body_summary"), "the summary", warnings, prose=True
        )
        excerpt = ""
        if summary.strip():
            summary_html = self._convert(summary, filters, warnings)
            excerpt = plain_text(sanitize_html(summary_html))
        values = {
            "title": title,
            "body": body,
            "excerpt": excerpt,
            "status": Post.Status.PUBLISHED if node["status"] else Post.Status.DRAFT,
            "published_at": created,
            "author": self.options.author or self.users.get(node["uid"]),
        }
        return values, changed

    def _body_row(self, node):
        rows = [r for r in self.data.bodies.get(node["nid"], []) if r["delta"] == 0]
        language = node.get("language")
        for wanted in (language, b"und", "und"):
            for row in rows:
                if row["language"] == wanted:
                    return row
        return rows[0] if rows else {}

    def _time(self, value, what):
        try:
            seconds = int(value)
        except (TypeError, ValueError):
            seconds = None
        if seconds is None or not EARLIEST < seconds < LATEST:
            raise ItemError(f"its {what} time {value!r} is not a valid date")
        return datetime.fromtimestamp(seconds, tz=UTC)

    def _convert(self, text, filters, warnings):
        text = apply_text_format(text, filters)
        return rewrite_file_urls(
            text, lambda path: self._inline_url(path, warnings), self.options.old_hosts
        )

    def _differs(self, post, values):
        for name, value in values.items():
            if name == "author":
                if post.author_id != (value.pk if value else None):
                    return True
            elif name == "body":
                if post.body != sanitize_html(value):
                    return True
            elif name == "excerpt":
                if post.excerpt != value.strip():
                    return True
            elif getattr(post, name) != value:
                return True
        return False

    # --- tags ------------------------------------------------------------------

    def _set_tags(self, post, nid, warnings):
        wanted = {}  # casefolded name -> (tid, name)
        for tid in self.data.node_terms.get(nid, []):
            raw = self.data.terms.get(tid)
            if raw is None:
                warnings.append(f"tag term {tid} no longer exists; left out")
                continue
            name = decode_text(
                raw, f"the name of tag term {tid}", warnings, prose=True
            ).strip()
            if len(name) > 100:
                name = name[:100].strip()
                warnings.append(f"tag {name}... is longer than 100 characters; cut")
            if name:
                wanted.setdefault(name.casefold(), (tid, name))
        current = {tag.name.casefold(): tag for tag in post.tags.all()}
        changed = set(current) != set(wanted)
        if changed:
            post.tags.set([name for _, name in wanted.values()])
            current = {tag.name.casefold(): tag for tag in post.tags.all()}
        for key, (tid, _) in wanted.items():
            if tid not in self.term_paths_done and key in current:
                self.term_paths_done.add(tid)
                self._record_term_paths(tid, current[key])
        return changed

    def _record_term_paths(self, tid, tag):
        self.addresses.record_term(tid, tag)

    # --- old addresses ---------------------------------------------------------

    def _record_node_paths(self, post, nid, warnings):
        return self.addresses.record_node(post, nid, warnings)

    # --- files -----------------------------------------------------------------

    def _attach_files(self, post, nid, warnings):
        changed = False
        featured = False  # the node's first usable image-field picture
        for ref in self.data.node_files.get(nid, []):
            row = self.data.files.get(ref["fid"])
            if row is None:
                warnings.append(f"attachment file {ref['fid']} is not in file_managed")
                continue
            uri = decode_text(row["uri"], "a file address", warnings)
            filename = decode_text(row["filename"], "a file name", warnings)
            if not ref["display"]:
                warnings.append(
                    f"attachment {filename} was hidden on the old site; left out"
                )
                continue
            if not uri.startswith("public://"):
                warnings.append(
                    f"attachment {uri} is not a public file; copy it by hand"
                )
                continue
            relative = uri.removeprefix("public://")
            name = self._copy(relative, "attachment", warnings)
            if name is None:
                continue
            description = decode_text(
                ref.get("description"), "a file title", warnings, prose=True
            )
            alt = decode_text(
                ref.get("alt"), "an image's alt text", warnings, prose=True
            )
            if ref.get("kind") == "image" and not featured:
                # Drupal's image field (an article's "Image") is the picture at
                # the top of the post: here, the featured image.
                result = self._feature(post, relative, name, alt, description, warnings)
                if result is not None:
                    featured = True
                    changed |= result
                    continue
            title = (description.strip() or alt.strip() or filename)[
                :ATTACHMENT_TITLE_LENGTH
            ]
            attachment, created = Attachment.objects.get_or_create(
                post=post, file=name, defaults={"title": title}
            )
            if not created and attachment.title != title:
                attachment.title = title
                attachment.save(update_fields=["title"])
                created = True
            changed |= created
        return changed

    def _feature(self, post, relative, name, alt, title, warnings):
        """Make stored file `name` the post's featured image: True if that
        changed the post, False if it already was, None (with a warning) when
        the file is no usable picture, which then stays a download."""
        try:
            clean_image(ContentFile(self._read(relative, name), name=name))
        except ValidationError as error:
            warnings.append(
                f"image {relative} cannot be the featured image "
                f"({error.messages[0].rstrip('.')}); kept as a download"
            )
            return None
        alt = " ".join((alt.strip() or title).split())[:ALT_LENGTH]
        if not alt:
            alt = post.title[:ALT_LENGTH]
            warnings.append(
                f"its image {relative} had no alt text; the post's title stands in "
                "(describe the picture in the admin)"
            )
        if post.featured_image.name == name and post.featured_image_alt == alt:
            return False
        if self.options.dry_run:  # the file is not in storage: no renditions
            Post.objects.filter(pk=post.pk).update(
                featured_image=name, featured_image_alt=alt
            )
            return True
        post.featured_image, post.featured_image_alt = name, alt
        post.save()
        # An earlier import may have made the same file a download.
        Attachment.objects.filter(post=post, file=name).delete()
        return True

    def _read(self, relative, name):
        """The bytes of a copied Drupal file: from --files-root when given (a
        dry run copies nothing), else from media storage."""
        if self.options.files_root is not None:
            return (self.options.files_root / relative).read_bytes()
        with default_storage.open(name, "rb") as handle:
            return handle.read()

    def _inline_url(self, relative, warnings):
        name = self._copy(relative, "inline file", warnings)
        return default_storage.url(name) if name else None

    def _copy(self, relative, what, warnings):
        """The media storage name of Drupal file `relative`, copied there once
        per run; None (with a warning) when it cannot be."""
        if relative in self.copied:
            if relative in self.copy_failures:
                warnings.append(self.copy_failures[relative])
            return self.copied[relative]
        self.copied[relative] = None
        root = self.options.files_root
        # Under the media folder where /sites/default/files/<path> then leads.
        name = f"{DRUPAL_MEDIA_FOLDER}/{relative}"
        if root is None:
            if _is_safe_name(name) and default_storage.exists(name):
                self.copied[relative] = name  # copied by an earlier run
                return name
            self.not_copied.add(relative)
            return None
        source = (root / relative).resolve()
        if not source.is_relative_to(root.resolve()):
            return self._fail(
                relative, f"{what} {relative} lies outside --files-root", warnings
            )
        if not source.is_file():
            return self._fail(
                relative,
                f"{what} {relative} is missing from --files-root ({root}); left out",
                warnings,
            )
        if not _is_safe_name(name):
            return self._fail(
                relative, f"{what} {relative} has an unusable name", warnings
            )
        if problem := _refusal(source):
            return self._fail(
                relative, f"{what} {relative}: {problem}; left out", warnings
            )
        if not _same_file(name, source):
            if not self.options.dry_run:
                name = self._store(name, source)
            self.report.files_copied += 1
        self.copied[relative] = name
        return name

    def _fail(self, relative, message, warnings):
        self.copy_failures[relative] = message
        warnings.append(message)
        return None

    def _store(self, name, source):
        if default_storage.exists(name):
            default_storage.delete(name)
        with source.open("rb") as handle:
            return default_storage.save(name, File(handle))


def _refusal(source):
    """Why a Drupal file may not be copied, or None: only the kinds of file the
    site serves, and only when the contents match the extension (the same
    check as the admin's downloads), so no .html, .svg or disguised file ever
    lands in media storage."""
    with source.open("rb") as handle:
        try:
            validate_attachment(File(handle, name=source.name))
        except ValidationError as error:
            return error.messages[0].rstrip(".")
    return None


def _is_safe_name(name):
    try:
        validate_file_name(name, allow_relative_path=True)
    except SuspiciousFileOperation:
        return False
    return True


def _same_file(name, source):
    """True if media storage already holds exactly the bytes of `source`."""
    if not default_storage.exists(name):
        return False
    if default_storage.size(name) != source.stat().st_size:
        return False
    with default_storage.open(name, "rb") as stored, source.open("rb") as original:
        while chunk := original.read(1 << 16):
            if stored.read(len(chunk)) != chunk:
                return False
    return True


def match_users(data):
    """Drupal user id -> this site's user with the same user name or email."""
    User = get_user_model()
    found, missing = {}, []
    authors = {node["uid"] for node in data.nodes}
    for uid in sorted(authors):
        row = data.users.get(uid)
        if not uid or row is None:
            continue
        name = decode_text(row["name"], "a user name", [])
        mail = decode_text(row["mail"], "an email address", [])
        user = User.objects.filter(username__iexact=name).first()
        if user is None and mail:
            user = User.objects.filter(email__iexact=mail).first()
        if user is None:
            missing.append(name)
        found[uid] = user
    return found, missing
