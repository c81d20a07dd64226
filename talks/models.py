from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import DEFERRED, F, Q
from django.utils import timezone
from django_ckeditor_5.fields import CKEditor5Field
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase

from hawkins_site.attachments import AttachmentBase
from hawkins_site.reversing import cached_reverse
from hawkins_site.richtext import sanitize_html, strip_control_characters
from hawkins_site.tagging import TagListManager, TagListMixin

# A talk without an end time is taken to last this long: in the .ics, and when
# deciding whether it is still upcoming.
DEFAULT_DURATION = timedelta(hours=1)

# Slugs that would collide with the talks app's own addresses.
RESERVED_SLUGS = {"feed", "calendar"}


def validate_talk_slug(value):
    """Refuse slugs that the talks app's own addresses already use."""
    if value in RESERVED_SLUGS:
        raise ValidationError(
            "“%(slug)s” is already used by the site for another page; "
            "choose another slug.",
            params={"slug": value},
            code="reserved",
        )


class TalkQuerySet(models.QuerySet):
    def published(self):
        """Talks the public may see: marked published (they always have a start)."""
        return self.filter(visibility=Talk.Visibility.PUBLISHED)

    def upcoming(self):
        """Talks that have not ended yet (one in progress counts), soonest first."""
        now = timezone.now()
        return self.filter(
            Q(ends_at__gt=now)
            | Q(ends_at__isnull=True, starts_at__gt=now - DEFAULT_DURATION)
        ).order_by("starts_at", "pk")

    def past(self):
        """Talks that have ended, newest first."""
        now = timezone.now()
        return self.filter(
            Q(ends_at__lte=now)
            | Q(ends_at__isnull=True, starts_at__lte=now - DEFAULT_DURATION)
        ).order_by("-starts_at", "-pk")

    def for_listing(self):
        """published() without the long text fields, for lists and boxes."""
        return self.published().defer("abstract", "speaker_bio")


class TaggedTalk(TaggedItemBase):
    """Tag <-> talk link with a real foreign key (not taggit's generic relation)."""

    content_object = models.ForeignKey("Talk", on_delete=models.CASCADE)

    class Meta:
        verbose_name = "talk tag"
        constraints = [
            models.UniqueConstraint(
                fields=["content_object", "tag"], name="taggedtalk_unique"
            )
        ]

    def __str__(self):
        return f"{self.content_object} / {self.tag}"


class Talk(TagListMixin, models.Model):
    class Status(models.TextChoices):
        SCHEDULED = "scheduled", "Scheduled"
        CANCELLED = "cancelled", "Cancelled"
        POSTPONED = "postponed", "Postponed"

    class Visibility(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"

    # Fields whose change calendar apps must pick up (iCalendar SEQUENCE).
    SCHEDULE_FIELDS = (
        "title",
        "starts_at",
        "ends_at",
        "status",
        "venue",
        "address",
        "city",
        "is_online",
    )

    PLAIN_TEXT_FIELDS = (
        "title", "speaker_bio", "event_name", "organiser", "venue", "address", "city",
    )  # fmt: skip

    title = models.CharField(max_length=200)
    slug = models.SlugField(
        max_length=200,
        unique=True,
        validators=[validate_talk_slug],
        help_text="The last part of the talk's address: /talks/<slug>/.",
    )
    abstract = CKEditor5Field(
        config_name="talk",
        blank=True,
        help_text="Scripts, styles and unsafe links are removed when you save.",
    )
    speaker_bio = models.TextField(
        "speaker bio",
        blank=True,
        help_text="A short third-person bio, as the organisers print it. Plain text.",
    )
    event_name = models.CharField(
        "event",
        max_length=200,
        blank=True,
        help_text="The seminar, lecture series or conference.",
    )
    organiser = models.CharField(max_length=200, blank=True)
    venue = models.CharField(max_length=200, blank=True)
    address = models.CharField(max_length=300, blank=True)
    city = models.CharField(max_length=100, blank=True)
    is_online = models.BooleanField(
        "online",
        default=False,
        help_text="Tick for a talk given online (with or without a venue).",
    )
    starts_at = models.DateTimeField(
        "starts at",
        null=True,
        blank=True,
        help_text="UK time. Required before the talk is published.",
    )
    ends_at = models.DateTimeField(
        "ends at",
        null=True,
        blank=True,
        help_text="UK time. Optional: calendars assume one hour when it is empty.",
    )
    status = models.CharField(max_length=10, choices=Status, default=Status.SCHEDULED)
    visibility = models.CharField(
        max_length=10,
        choices=Visibility,
        default=Visibility.DRAFT,
        help_text="Drafts are visible to staff only.",
    )
    event_url = models.URLField("event page", max_length=500, blank=True)
    slides_url = models.URLField("slides", max_length=500, blank=True)
    video_url = models.URLField("video", max_length=500, blank=True)
    related_posts = models.ManyToManyField(
        "posts.Post",
        blank=True,
        related_name="talks",
        help_text="Posts on the same subject. Each post page links back here.",
    )
    tags = TaggableManager(
        through=TaggedTalk,
        manager=TagListManager,
        blank=True,
        help_text="Separate tags with commas.",
    )
    announced_at = models.DateTimeField(
        "announced at",
        null=True,
        blank=True,
        editable=False,
        help_text="When the talk was first published; orders the RSS feed.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField("last updated", auto_now=True)
    sequence = models.PositiveIntegerField(
        default=0,
        editable=False,
        help_text="iCalendar SEQUENCE: raised when the time, place or status "
        "changes, so calendar apps update their copy.",
    )

    objects = TalkQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_at", "-pk"]
        indexes = [
            models.Index(fields=["visibility", "starts_at"], name="talk_public_idx")
        ]
        constraints = [
            models.CheckConstraint(
                name="talk_ends_after_start",
                condition=Q(ends_at__isnull=True)
                | Q(starts_at__isnull=False, ends_at__gt=F("starts_at")),
                violation_error_message="The talk must end after it starts.",
            ),
            models.CheckConstraint(
                name="talk_published_has_start",
                condition=Q(visibility="draft") | Q(starts_at__isnull=False),
                violation_error_message="A published talk needs a start date and time.",
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        derived = {"abstract", *self.PLAIN_TEXT_FIELDS}
        self.abstract = sanitize_html(self.abstract)
        # Control characters (a Word line break, a NUL from an import) would
        # break the feeds and the .ics, and PostgreSQL refuses NUL outright.
        for name in self.PLAIN_TEXT_FIELDS:
            setattr(self, name, strip_control_characters(getattr(self, name)).strip())
        if self.visibility == self.Visibility.PUBLISHED and not self.announced_at:
            self.announced_at = timezone.now()
            derived.add("announced_at")
        loaded = getattr(self, "_loaded", None)
        if loaded and any(
            loaded.get(f, DEFERRED) is not DEFERRED and loaded[f] != getattr(self, f)
            for f in self.SCHEDULE_FIELDS
        ):
            self.sequence += 1
            derived.add("sequence")
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], *derived}
        super().save(*args, **kwargs)
        self._loaded = {f: getattr(self, f) for f in self.SCHEDULE_FIELDS}

    def get_absolute_url(self):
        return cached_reverse("talks:detail", slug=self.slug)

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        # Remember what was loaded, so save() can tell a rescheduling.
        instance._loaded = dict(zip(field_names, values, strict=True))
        return instance

    def clean(self):
        errors = {}
        if self.ends_at and not self.starts_at:
            errors["starts_at"] = "Give the start time as well as the end time."
        elif self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = "The talk must end after it starts."
        if self.visibility == self.Visibility.PUBLISHED and not self.starts_at:
            errors.setdefault(
                "starts_at", "A published talk needs a start date and time."
            )
        if errors:
            raise ValidationError(errors)

    def get_canonical_url(self):
        return settings.SITE_URL + self.get_absolute_url()

    def get_ics_url(self):
        return cached_reverse("talks:ics", slug=self.slug)

    @property
    def is_public(self):
        return self.visibility == self.Visibility.PUBLISHED

    @property
    def effective_ends_at(self):
        """The end time, or the start plus DEFAULT_DURATION when none was given."""
        if self.ends_at:
            return self.ends_at
        if self.starts_at:
            return self.starts_at + DEFAULT_DURATION
        return None

    @property
    def is_upcoming(self):
        """True until the talk has ended, as TalkQuerySet.upcoming() decides."""
        end = self.effective_ends_at
        return end is not None and end > timezone.now()

    @property
    def has_place(self):
        return bool(self.venue or self.city)

    @property
    def place(self):
        """Where, in a few words: venue and city, "Online", or both."""
        where = ", ".join(part for part in (self.venue, self.city) if part)
        if self.is_online:
            return f"{where} and online" if where else "Online"
        return where

    @property
    def uid(self):
        """iCalendar UID and RSS guid: stable for the talk's life, slug changes too."""
        return f"talk-{self.pk}@{urlsplit(settings.SITE_URL).netloc}"


class Attachment(AttachmentBase):
    """A file offered for download on a talk's page: slides, a handout."""

    talk = models.ForeignKey(Talk, on_delete=models.CASCADE, related_name="attachments")

    class Meta(AttachmentBase.Meta):
        pass
