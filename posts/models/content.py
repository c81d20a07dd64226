from django.conf import settings
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.core.files.storage import default_storage
from django.db import connection, models, transaction
from django.db.models import Count, Exists, F, OuterRef, Q, TextField, Value
from django.db.models.functions import Lower, Replace
from django.urls import reverse
from django.utils import timezone
from django_ckeditor_5.fields import CKEditor5Field
from taggit.managers import TaggableManager
from taggit.models import Tag, TaggedItemBase

from hawkins_site.attachments import AttachmentBase
from hawkins_site.cards import store_card
from hawkins_site.images import (
    delete_quietly,
    keep_or_unguessable,
    render_renditions,
    store_renditions,
)
from hawkins_site.links import media_url
from hawkins_site.reversing import cached_reverse
from hawkins_site.richtext import (
    add_heading_anchors,
    plain_text,
    reading_minutes,
    sanitize_html,
    strip_control_characters,
    teaser_from_html,
)
from hawkins_site.tagging import TagListManager, TagListMixin, prefetch_tags

# Fields that save() derives from the others; kept current on partial saves too.
DERIVED_FIELDS = {"body", "teaser", "body_text", "word_count", "toc"}


def searchable(expression):
    """Text as PostgreSQL's parser should read it: a literal "<script>" in plain
    text would otherwise be taken for markup and the words after it skipped."""
    inner = Replace(expression, Value("<"), Value(" "), output_field=TextField())
    return Replace(inner, Value(">"), Value(" "), output_field=TextField())


class PostTagManager(TagListManager):
    """The tag manager keeping the post's search vector current whatever changes
    its tags: admin, imports, code."""

    def add(self, *tags, **kwargs):
        super().add(*tags, **kwargs)
        self.instance.update_search_vector()

    def remove(self, *tags):
        super().remove(*tags)
        self.instance.update_search_vector()

    def clear(self):
        super().clear()
        self.instance.update_search_vector()


def featured_image_upload_to(instance, filename):
    return keep_or_unguessable(filename, "featured")


class PostQuerySet(models.QuerySet):
    def published(self):
        """Posts the public may see: marked published and dated in the past."""
        return self.filter(
            status=Post.Status.PUBLISHED, published_at__lte=timezone.now()
        )

    def for_listing(self):
        """published(), plus every relation that list pages and feeds render
        (the Drupal node: RSS items of imported posts keep Drupal's GUID)."""
        return (
            self.published()
            .select_related("drupal_node")
            .prefetch_related(prefetch_tags())
        )

    def teasers(self):
        """for_listing() without the long text, for pages that show teasers."""
        return self.for_listing().defer("body", "body_text", "search_vector", "toc")

    def in_series_order(self):
        """Series position first; unnumbered parts after, by date."""
        return self.order_by(
            F("series_position").asc(nulls_last=True), "published_at", "pk"
        )


def public_tags():
    """Tags carrying at least one public post, each with `num_posts`, A to Z.
    (The tag model is taggit's; this is the one definition of a public tag.)"""
    return (
        Tag.objects.filter(
            posts_taggedpost_items__content_object__in=Post.objects.published()
        )
        .annotate(num_posts=Count("posts_taggedpost_items"))
        .order_by(Lower("name"))
    )


def public_tag_list():
    """public_tags() as a list, for the tag cloud: the same tags, counts and
    order, but counted per tag before the names are joined, which PostgreSQL
    does in well under half the time of the grouped join (issue #7). One query."""
    links = (
        TaggedPost.objects.filter(content_object__in=Post.objects.published())
        .order_by()
        .values("tag_id")
        .annotate(n=Count("pk"))
    )
    inner, params = links.query.sql_with_params()
    table = connection.ops.quote_name(Tag._meta.db_table)
    sql = (
        f"SELECT t.id, t.name, t.slug, c.n AS num_posts FROM {table} t "
        f"JOIN ({inner}) c ON c.tag_id = t.id ORDER BY LOWER(t.name), t.id"
    )
    return list(Tag.objects.raw(sql, params))


def public_tag_choices():
    """The tags carrying at least one public post, A to Z, without counts (the
    search page's filter). Each tag's check stops at its first public post, so
    this costs the same at 10,000 posts as at 100; counting them does not."""
    in_use = TaggedPost.objects.filter(
        tag=OuterRef("pk"), content_object__in=Post.objects.published()
    )
    return Tag.objects.filter(Exists(in_use)).order_by(Lower("name"), "pk")


class SeriesQuerySet(models.QuerySet):
    def with_public_posts(self):
        """Series that have at least one public post, each with `num_posts`."""
        return (
            self.filter(posts__in=Post.objects.published())
            .annotate(num_posts=Count("posts"))
            .order_by("title")
        )


class Series(models.Model):
    """Numbered posts that belong together, e.g. "(1st post)", "(2nd post)"."""

    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    description = models.TextField(
        blank=True, help_text="Plain text shown at the top of the series page."
    )

    objects = SeriesQuerySet.as_manager()

    class Meta:
        verbose_name_plural = "series"
        ordering = ["title"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("posts:series", kwargs={"slug": self.slug})


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


class Post(TagListMixin, models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"

    title = models.CharField(max_length=200)
    slug = models.SlugField(
        max_length=200,
        unique=True,
        help_text="The last part of the post's address: /posts/<slug>/.",
    )
    body = CKEditor5Field(
        config_name="post",
        help_text="Scripts, styles and unsafe links are removed when you save.",
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
    featured_image = models.FileField(
        upload_to=featured_image_upload_to,
        max_length=255,
        blank=True,
        help_text="JPEG, PNG, WebP or GIF, at most 10 MB. Shown at the top of the "
        "post, in lists and when the post is shared.",
    )
    featured_image_alt = models.CharField(
        "alt text",
        max_length=300,
        blank=True,
        help_text="What the image shows, for readers who cannot see it. "
        "Required when there is an image.",
    )
    featured_image_caption = models.CharField("caption", max_length=300, blank=True)
    featured_image_credit = models.CharField("credit", max_length=200, blank=True)
    featured_renditions = models.JSONField(default=dict, blank=True, editable=False)
    series = models.ForeignKey(
        Series,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="posts",
    )
    series_position = models.PositiveSmallIntegerField(
        "part", null=True, blank=True, help_text="1 for the first post, and so on."
    )
    related_posts = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="+",
        help_text="Shown first under “Related reading”; posts sharing the most "
        "tags fill the remaining places.",
    )
    body_text = models.TextField(editable=False, blank=True)  # search, snippets
    word_count = models.PositiveIntegerField(editable=False, default=0)
    toc = models.JSONField("table of contents", editable=False, default=list)
    social_card = models.JSONField(editable=False, default=dict, blank=True)
    search_vector = SearchVectorField(null=True, editable=False)  # PostgreSQL only
    tags = TaggableManager(
        through=TaggedPost,
        manager=PostTagManager,
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
            ),
            models.CheckConstraint(
                name="post_featured_image_has_alt",
                condition=Q(featured_image="") | ~Q(featured_image_alt=""),
                violation_error_message="Describe the featured image (alt text).",
            ),
            models.UniqueConstraint(
                fields=["series", "series_position"],
                condition=Q(series__isnull=False, series_position__isnull=False),
                name="post_series_position_unique",
                violation_error_message="Another post in this series already has "
                "this part number. Choose another number, or change that post's "
                "number first.",
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.derive_fields()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], *DERIVED_FIELDS}
        fresh_upload = bool(self.featured_image) and not self.featured_image._committed
        # One transaction: if the renditions cannot be made, the row goes too,
        # so no post is left pointing at an upload that was deleted again.
        with transaction.atomic():
            super().save(*args, **kwargs)
            self._refresh_renditions(fresh_upload)
            self.update_search_vector()

    def get_absolute_url(self):
        return cached_reverse("posts:detail", slug=self.slug)

    def derive_fields(self):
        """Sanitise the body and derive what pages show from it (anchors and
        contents, plain text, word count, teaser): save() calls this, and so
        must code that writes posts with bulk_create()."""
        self.body, self.toc = add_heading_anchors(sanitize_html(self.body))
        self.body_text = plain_text(self.body)
        self.word_count = len(self.body_text.split())
        # Imports bypass the admin's form, which refuses NUL; PostgreSQL would too.
        self.title = strip_control_characters(self.title)
        self.excerpt = strip_control_characters(self.excerpt).strip()
        self.teaser = self.excerpt or teaser_from_html(self.body)

    def _refresh_renditions(self, fresh_upload=False):
        """Cut the featured image into renditions once, when it changes. The
        file is committed to storage by super().save(), so this runs after it.
        The admin form renders them while validating (`pending_renditions`), so
        a picture Pillow cannot cut is a form error there, not a failed save.
        If they cannot be made or stored, a file uploaded by this save is
        deleted again (the transaction forgets the row; storage would not)."""
        pending = self.__dict__.pop("pending_renditions", None)
        name = self.featured_image.name if self.featured_image else ""
        if self.featured_renditions.get("source", "") == name:
            return
        renditions = {}
        if name:
            storage = self.featured_image.storage
            month = timezone.localtime().strftime("%Y/%m")
            try:
                if pending is None:
                    with self.featured_image.open("rb") as image:
                        pending = render_renditions(image.read())
                renditions = store_renditions(
                    storage, name, pending, f"renditions/{month}"
                )
            except Exception:
                if fresh_upload:
                    delete_quietly(storage, [name])
                raise
        self.featured_renditions = renditions
        Post.objects.filter(pk=self.pk).update(featured_renditions=renditions)

    def ensure_social_card(self):
        """Draw the sharing card from the title, unless the featured image gives
        one. Called by the post page: drawn on its first view and again only
        after the title changes (one UPDATE then; no work on other requests)."""
        if self.featured_renditions.get("card"):
            return
        if self.social_card.get("title") == self.title and self.social_card.get("name"):
            return
        name = store_card(default_storage, self.title)
        self.social_card = {"title": self.title, "name": name}
        Post.objects.filter(pk=self.pk).update(social_card=self.social_card)

    def update_search_vector(self):
        """Recompute the full-text vector: title (A), tags (B), excerpt and body
        (C). PostgreSQL only; also called by the admin after it saves tags."""
        if connection.vendor != "postgresql":
            return
        tags = " ".join(self.tags.names())
        Post.objects.filter(pk=self.pk).update(
            search_vector=SearchVector(
                searchable(F("title")), weight="A", config="english"
            )
            + SearchVector(searchable(Value(tags)), weight="B", config="english")
            + SearchVector(
                searchable(F("excerpt")),
                searchable(F("body_text")),
                weight="C",
                config="english",
            )
        )

    @property
    def reading_minutes(self):
        return reading_minutes(self.word_count)

    @property
    def has_toc(self):
        """Long posts with three or more sections get a table of contents."""
        return len(self.toc) >= 3

    def card_url(self):
        """The 1200×630 sharing image: the featured image's, else the drawn one."""
        name = self.featured_renditions.get("card") or self.social_card.get("name")
        return media_url(name) if name else None

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

    def middle_rendition(self):
        """The featured image's middle size (960 px, or the largest below it):
        the page's fallback <img> and the feeds' enclosure. None without one."""
        sizes = self.featured_renditions.get("sizes")
        return sizes[min(1, len(sizes) - 1)] if sizes else None

    def featured_picture(self):
        """What templates need to show the featured image; no storage access."""
        data = self.featured_renditions
        if not data.get("sizes"):
            return None
        url = default_storage.url
        sizes = data["sizes"]
        middle = self.middle_rendition()
        return {
            "webp_srcset": ", ".join(f"{url(s['webp'])} {s['width']}w" for s in sizes),
            "jpg_srcset": ", ".join(f"{url(s['jpg'])} {s['width']}w" for s in sizes),
            "src": url(middle["jpg"]),
            "width": middle["width"],
            "height": middle["height"],
            "thumb": url(sizes[0]["jpg"]),
            "thumb_webp": url(sizes[0]["webp"]),
            "thumb_width": sizes[0]["width"],
            "thumb_height": sizes[0]["height"],
            "card": url(data["card"]),
            "alt": self.featured_image_alt,
        }

    def get_canonical_url(self):
        return settings.SITE_URL + self.get_absolute_url()

    def get_short_url(self):
        return settings.SITE_URL + cached_reverse("posts:short", pk=self.pk)


class Attachment(AttachmentBase):
    """A file offered for download on a post's page."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="attachments")

    class Meta(AttachmentBase.Meta):
        pass
