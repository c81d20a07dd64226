from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator, URLValidator
from django.db import models
from django.db.models import DateTimeField, ExpressionWrapper, F, Q, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django_ckeditor_5.fields import CKEditor5Field
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase

from hawkins_site.attachments import AttachmentBase
from hawkins_site.reversing import cached_reverse
from hawkins_site.richtext import http_url, sanitize_html, strip_control_characters
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


HTTP_SCHEMES = ("http", "https")


def default_country():
    """Where talks usually are (SITE_COUNTRY, GB unless set)."""
    return settings.SITE_COUNTRY


validate_http_url = URLValidator(
    schemes=HTTP_SCHEMES,
    message="Enter a web address starting with http:// or https://.",
    code="not_web",  # not "invalid": a form's own message would replace this one
)


class HttpURLField(models.URLField):
    """A URLField for web pages only: http and https (not ftp, not javascript:)."""

    default_validators = [validate_http_url]


def effective_end(ends_at, starts_at):
    """When a talk is over: its end time, or DEFAULT_DURATION after its start
    when it has none. The one definition behind upcoming(), past() and
    Talk.is_upcoming: given a talk's values it returns a datetime (None without
    a start); given F("ends_at") and F("starts_at"), the same rule in SQL."""
    if isinstance(ends_at, F):
        later = ExpressionWrapper(
            starts_at + Value(DEFAULT_DURATION), output_field=DateTimeField()
        )
        return Coalesce(ends_at, later, output_field=DateTimeField())
    if ends_at is not None:
        return ends_at
    return None if starts_at is None else starts_at + DEFAULT_DURATION


class TalkQuerySet(models.QuerySet):
    def published(self):
        """Talks the public may see: marked published (they always have a start)."""
        return self.filter(visibility=Talk.Visibility.PUBLISHED)

    def _by_end(self):
        return self.alias(effective_end=effective_end(F("ends_at"), F("starts_at")))

    def upcoming(self):
        """Talks that have not ended yet (one in progress counts), soonest first."""
        return (
            self._by_end()
            .filter(effective_end__gt=timezone.now())
            .order_by("starts_at", "pk")
        )

    def past(self):
        """Talks that have ended, newest first."""
        return (
            self._by_end()
            .filter(effective_end__lte=timezone.now())
            .order_by("-starts_at", "-pk")
        )

    def going_ahead(self):
        """Talks still going ahead: neither cancelled nor postponed."""
        return self.filter(status=Talk.Status.SCHEDULED)

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
    URL_FIELDS = ("event_url", "slides_url", "video_url")
    # Set from the stored row, never taken from an old version (keep_bookkeeping).
    BOOKKEEPING_FIELDS = ("sequence", "announced_at", "created_at")

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
    country = models.CharField(
        max_length=2,
        default=default_country,
        validators=[
            RegexValidator(
                r"^[A-Z]{2}$", "Enter the country's two-letter code, e.g. GB or PT."
            )
        ],
        help_text="Two-letter code (GB, IE, PT …), for search engines.",
    )
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
    event_url = HttpURLField("event page", max_length=500, blank=True)
    slides_url = HttpURLField("slides", max_length=500, blank=True)
    video_url = HttpURLField("video", max_length=500, blank=True)
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
        derived = {"abstract", *self.PLAIN_TEXT_FIELDS, *self.URL_FIELDS}
        self.abstract = sanitize_html(self.abstract)
        # Control characters (a Word line break, a NUL from an import) would
        # break the feeds and the .ics, and PostgreSQL refuses NUL outright.
        for name in self.PLAIN_TEXT_FIELDS:
            setattr(self, name, strip_control_characters(getattr(self, name)).strip())
        # The admin form checks links; code and importers don't: a javascript:
        # or other non-web address is dropped rather than stored.
        for name in self.URL_FIELDS:
            setattr(self, name, http_url(getattr(self, name)))
        self.keep_bookkeeping()
        derived.update(self.BOOKKEEPING_FIELDS)
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], *derived}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return cached_reverse("talks:detail", slug=self.slug)

    def keep_bookkeeping(self):
        """Set BOOKKEEPING_FIELDS from the row as stored, and say whether there
        was one. SEQUENCE rises when time, place or status differ from the stored
        row and never goes down (a restored old version counts as a change);
        the first announcement and the creation date stay as they were.

        save() calls this, and so does a pre_save receiver for raw saves, which
        bypass save(): django-reversion restores a version that way (and
        loaddata loads a backup)."""
        stored = None
        if self.pk is not None:
            stored = (
                type(self)
                ._base_manager.filter(pk=self.pk)
                .values(*self.BOOKKEEPING_FIELDS, *self.SCHEDULE_FIELDS)
                .first()
            )
        loaded = self.__dict__  # a field deferred on this instance is not in it
        if stored is not None:
            changed = any(
                name in loaded and loaded[name] != stored[name]
                for name in self.SCHEDULE_FIELDS
            )
            self.sequence = max(stored["sequence"], loaded.get("sequence") or 0)
            self.sequence += changed
            self.announced_at = stored["announced_at"] or loaded.get("announced_at")
            self.created_at = stored["created_at"]
        if self.visibility == self.Visibility.PUBLISHED and not self.announced_at:
            self.announced_at = timezone.now()
        return stored is not None

    def clean_fields(self, exclude=None):
        """Field checks, then the rules between fields: the dates, and a place
        for a talk given in person. A rule is skipped when one of its fields
        already has an error of its own (a ModelForm excludes such a field): an
        ambiguous time on the night the clocks go back is refused with that
        reason, not also as a missing start time."""
        errors = {}
        try:
            super().clean_fields(exclude=exclude)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        skip = {*(exclude or ()), *errors}
        if "starts_at" not in skip and "ends_at" not in skip:
            if self.ends_at and not self.starts_at:
                errors["starts_at"] = ["Give the start time as well as the end time."]
            elif self.ends_at and self.ends_at <= self.starts_at:
                errors["ends_at"] = ["The talk must end after it starts."]
        if (
            "starts_at" not in skip
            and "starts_at" not in errors
            and self.visibility == self.Visibility.PUBLISHED
            and not self.starts_at
        ):
            errors["starts_at"] = ["A published talk needs a start date and time."]
        where = {"venue", "city", "is_online", "visibility"}
        if (
            not where & skip
            and self.visibility == self.Visibility.PUBLISHED
            and not self.is_online
            and not self.has_place
        ):
            errors["venue"] = [
                "Say where the talk is: give a venue or a city, or tick “online” "
                "for a talk given online."
            ]
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
        return effective_end(self.ends_at, self.starts_at)

    @property
    def is_going_ahead(self):
        """Neither cancelled nor postponed, as TalkQuerySet.going_ahead() decides."""
        return self.status == self.Status.SCHEDULED

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


def keep_bookkeeping_on_raw_save(sender, instance, raw, **kwargs):
    """pre_save for Talk: a raw save (a version restored from the admin's History,
    a backup loaded) bypasses Talk.save(), and would otherwise write the old
    version's SEQUENCE, lower than the one calendar apps have seen."""
    if raw and instance.keep_bookkeeping():
        instance.updated_at = timezone.now()  # a restore is an edit


class Attachment(AttachmentBase):
    """A file offered for download on a talk's page: slides, a handout."""

    talk = models.ForeignKey(Talk, on_delete=models.CASCADE, related_name="attachments")

    class Meta(AttachmentBase.Meta):
        pass
