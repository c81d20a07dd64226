from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase

from hawkins_site.paths import cached_reverse
from hawkins_site.richtext import sanitize_html, teaser_from_html


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
        return cached_reverse("posts:detail", slug=self.slug)

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
        return settings.SITE_URL + cached_reverse("posts:short", pk=self.pk)
