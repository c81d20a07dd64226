from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.db.models.functions import Upper
from django.urls import reverse
from taggit.models import Tag

from ..paths import is_allowed_target, normalise_path
from .content import Post


class LegacyPath(models.Model):
    """An old address, mostly from the Drupal site, that answers 301 with the
    page it moved to: a post, a tag page, or any other address.

    Looked up only after the URL resolver has answered 404 (posts/redirects.py),
    so normal pages never pay for it."""

    path = models.CharField(
        "old address",
        max_length=500,
        unique=True,
        help_text="The path only, e.g. /blog/my-post or /node/12 "
        "(no domain, no ?query; a trailing slash makes no difference).",
    )
    post = models.ForeignKey(
        Post,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="legacy_paths",
    )
    # PROTECT: deleting a tag must not drop its old addresses silently; the
    # admin says which ones lead to it (merge it into another tag instead).
    tag = models.ForeignKey(
        Tag, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    target = models.CharField(
        "other address",
        max_length=500,
        blank=True,
        help_text="Instead of a post or a tag: an address on this site such as "
        "/archive/2012/, or a full https:// URL.",
    )
    drupal_pages = models.BooleanField(
        "Drupal page numbers",
        default=True,
        help_text="The old address numbered list pages from 0, as Drupal did "
        "(?page=1 was the second page), so ?page=N leads to page N+1 here. "
        "Off for this site's own old addresses (a renamed tag or series).",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["path"]
        verbose_name = "old address"
        verbose_name_plural = "old addresses"
        constraints = [
            models.CheckConstraint(
                name="legacypath_one_destination",
                condition=Q(post__isnull=False, tag__isnull=True, target="")
                | Q(post__isnull=True, tag__isnull=False, target="")
                | (Q(post__isnull=True, tag__isnull=True) & ~Q(target="")),
                violation_error_message="Choose exactly one destination: a post, "
                "a tag or another address.",
            )
        ]
        # For the case-insensitive lookup (path__iexact is UPPER(path) = UPPER(%s)
        # on PostgreSQL) after an exact match failed.
        indexes = [models.Index(Upper("path"), name="legacypath_path_upper")]

    def __str__(self):
        return self.path

    def save(self, *args, **kwargs):
        self.path = normalise_path(self.path)
        super().save(*args, **kwargs)

    @classmethod
    def from_db(cls, db, field_names, values):
        row = super().from_db(db, field_names, values)
        row._stored_path = row.__dict__.get("path")  # clean() compares with it
        return row

    def clean(self):
        super().clean()
        from ..redirects import live_page  # redirects.py imports the models

        if self.path:
            self.path = normalise_path(self.path)
            if self.path in {"", "/"}:
                raise ValidationError(
                    {"path": "Enter an old address such as /blog/my-post."}
                )
            # (Checked only when the address is new or changed: a row that a
            # new page has made useless must not stop its post being saved.)
            page = None
            if self.path != getattr(self, "_stored_path", None):
                page = live_page(self.path)
            if page is not None:
                raise ValidationError(
                    {
                        "path": f"{self.path} is an address of this site: "
                        f"{page} answers there itself, so this old address "
                        "would never be used."
                    }
                )
        self.target = self.target.strip()
        if self.target:
            self.target = self._clean_target(self.target, live_page)

    def _clean_target(self, target, live_page):
        """`target`, refused unless it leads to a page that answers (or
        elsewhere over http(s)), with the slash added where the page has one."""
        if not is_allowed_target(target):
            raise ValidationError(
                {
                    "target": "Enter a path on this site starting with / "
                    "or a full http:// or https:// address."
                }
            )
        if not target.startswith("/"):
            return target  # a full http(s) address of another site
        parts = urlsplit(target)
        if parts.path.startswith(
            ("/" + settings.MEDIA_URL.lstrip("/"), settings.STATIC_URL)
        ):
            return target  # a file: nginx and whitenoise answer, not the views
        page = live_page(parts.path)
        if page is not None:
            return urlunsplit(("", "", page, parts.query, parts.fragment))
        old = normalise_path(parts.path)
        if old == self.path:
            message = "An old address cannot lead to itself."
        elif other := LegacyPath.objects.filter(path=old).exclude(pk=self.pk).first():
            message = (
                f"{parts.path} is itself an old address, leading to "
                f"{other.destination_url()}: enter that instead, so readers "
                "get one redirect, not two."
            )
        else:
            message = (
                f"Nothing on this site answers at {parts.path}. Enter the address "
                "of a page here, such as /archive/2012/ (for a draft or a "
                "scheduled post, choose the post itself above)."
            )
        raise ValidationError({"target": message})

    def destination_url(self):
        """Where this old address leads now (without any query string)."""
        if self.post_id:
            return self.post.get_absolute_url()
        if self.tag_id:
            return reverse("posts:tag", kwargs={"slug": self.tag.slug})
        return self.target


class DrupalNode(models.Model):
    """The Drupal 7 node a post was imported from: importing again updates the
    post instead of adding a copy. A post deleted here stays deleted."""

    nid = models.PositiveIntegerField("Drupal node ID", unique=True)
    post = models.OneToOneField(
        Post,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="drupal_node",
    )
    imported_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "imported Drupal node"

    def __str__(self):
        return f"node/{self.nid}"

    def feed_guid(self):
        """The GUID Drupal 7's feeds gave this node: node_feed() wrote
        `$node->nid . ' at ' . $base_url` (not a permalink), e.g. "123 at
        http://www.example.org"; None when DRUPAL_BASE_URL is not set."""
        if not settings.DRUPAL_BASE_URL:
            return None
        return f"{self.nid} at {settings.DRUPAL_BASE_URL}"


def drupal_feed_guid(post):
    """DrupalNode.feed_guid() of `post`, or None for a post made here. No
    query for posts from for_listing(), which selects the node."""
    if not settings.DRUPAL_BASE_URL:
        return None
    try:
        node = post.drupal_node
    except DrupalNode.DoesNotExist:
        return None
    return node.feed_guid()
