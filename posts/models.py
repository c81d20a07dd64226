from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from taggit.managers import TaggableManager
from taggit.models import Tag, TaggedItemBase

from hawkins_site.richtext import sanitize_html, teaser_from_html

from .paths import is_allowed_target, normalise_path


class PostQuerySet(models.QuerySet):
    def published(self):
        """Posts the public may see: marked published and dated in the past."""
        return self.filter(
            status=Post.Status.PUBLISHED, published_at__lte=timezone.now()
        )

    def for_listing(self):
        """published(), plus every relation that list pages and feeds render."""
        return self.published().prefetch_related("tags")

    def teasers(self):
        """for_listing() without the body, for pages that show only teasers."""
        return self.for_listing().defer("body")


class TaggedPost(TaggedItemBase):
    """Tag <-> post link with a real foreign key (not taggit's generic relation)."""

    content_object = models.ForeignKey("Post", on_delete=models.CASCADE)

    class Meta:
        verbose_name = "post tag"
        constraints = [
            models.UniqueConstraint(
                fields=["content_object", "tag"], name="taggedpost_unique"
            )
        ]

    def __str__(self):
        return f"{self.content_object} / {self.tag}"


class Post(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"

    title = models.CharField(max_length=200)
    slug = models.SlugField(
        max_length=200,
        unique=True,
        help_text="The last part of the post's address: /posts/<slug>/.",
    )
    body = models.TextField(
        help_text="HTML. Scripts, styles and unsafe links are removed on save."
    )
    excerpt = models.TextField(
        blank=True,
        help_text="Optional plain-text summary for lists and feeds. "
        "Left empty, the first paragraph of the body is used.",
    )
    teaser = models.TextField(
        editable=False,
        blank=True,
        help_text="Plain text shown in lists: the excerpt, or the body's "
        "first paragraph cut on a word boundary. Derived on save.",
    )
    status = models.CharField(max_length=10, choices=Status, default=Status.DRAFT)
    published_at = models.DateTimeField(
        "published at",
        null=True,
        blank=True,
        help_text="A date in the future schedules the post: it appears by itself "
        "at that moment.",
    )
    updated_at = models.DateTimeField("last updated", auto_now=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="posts",
    )
    tags = TaggableManager(
        through=TaggedPost,
        blank=True,
        help_text="Separate tags with commas. Start typing to pick an existing "
        "tag (arrow keys, then Enter).",
    )
    series = models.ForeignKey(
        "Series",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="posts",
    )
    series_position = models.PositiveSmallIntegerField(null=True, blank=True)

    objects = PostQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-id"]
        indexes = [
            models.Index(fields=["status", "-published_at"], name="post_public_idx")
        ]
        constraints = [
            models.CheckConstraint(
                name="post_published_has_date",
                condition=Q(status="draft") | Q(published_at__isnull=False),
                violation_error_message="A published post needs a publication date.",
            )
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.body = sanitize_html(self.body)
        self.excerpt = self.excerpt.strip()
        self.teaser = self.excerpt or teaser_from_html(self.body)
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "teaser"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("posts:detail", kwargs={"slug": self.slug})

    @property
    def is_scheduled(self):
        """Marked published but dated in the future: it goes live by itself."""
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at > timezone.now()
        )

    @property
    def was_updated_later(self):
        """True when the last edit fell on a later day than publication."""
        if not self.published_at or not self.updated_at:
            return False
        local = timezone.localtime
        return local(self.updated_at).date() > local(self.published_at).date()

    def get_canonical_url(self):
        return settings.SITE_URL + self.get_absolute_url()

    def get_short_url(self):
        return settings.SITE_URL + reverse("posts:short", kwargs={"pk": self.pk})


class Series(models.Model):
    """Posts that belong together, in order. (Minimal here: the series page,
    its admin and feed are built separately.)"""

    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["title"]
        verbose_name_plural = "series"

    def __str__(self):
        return self.title


class Attachment(models.Model):
    """A file offered with a post: slides, a handout. (Minimal here: the admin
    inline and the post page's list are built separately.)"""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to="attachments/%Y/%m/")
    title = models.CharField(max_length=200)

    def __str__(self):
        return self.title


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
    tag = models.ForeignKey(
        Tag, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    target = models.CharField(
        "other address",
        max_length=500,
        blank=True,
        help_text="Instead of a post or a tag: an address on this site such as "
        "/archive/2012/, or a full https:// URL.",
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

    def __str__(self):
        return self.path

    def save(self, *args, **kwargs):
        self.path = normalise_path(self.path)
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if self.path:
            self.path = normalise_path(self.path)
            if self.path in {"", "/"}:
                raise ValidationError(
                    {"path": "Enter an old address such as /blog/my-post."}
                )
        self.target = self.target.strip()
        if self.target and not is_allowed_target(self.target):
            raise ValidationError(
                {
                    "target": "Enter a path on this site starting with / "
                    "or a full http:// or https:// address."
                }
            )

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
