import re

from django import forms
from django.contrib import admin, messages
from django.db import models
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from reversion.admin import VersionAdmin

from hawkins_site.admin_filters import year_filter
from hawkins_site.dates import zone_name
from hawkins_site.revisions import CompareVersionsMixin
from hawkins_site.richtext import validate_editor_images
from hawkins_site.slugs import free_slug
from posts.admin import AttachmentInline, TagAutocompleteWidget
from posts.redirects import record_moved_slug

from .models import Attachment, Talk

# Addresses typed without a scheme get https:// (Django 6's default; say so now).
HTTPS_URLS = {models.URLField: {"assume_scheme": "https"}}


def _formfield(db_field, **kwargs):
    if isinstance(db_field, models.URLField):
        kwargs = HTTPS_URLS[models.URLField] | kwargs
    return db_field.formfield(**kwargs)


class TalkAdminForm(forms.ModelForm):
    class Meta:
        model = Talk
        formfield_callback = _formfield
        fields = [
            "title",
            "slug",
            "abstract",
            "speaker_bio",
            "tags",
            "starts_at",
            "ends_at",
            "status",
            "event_name",
            "organiser",
            "venue",
            "address",
            "city",
            "country",
            "is_online",
            "event_url",
            "slides_url",
            "video_url",
            "related_posts",
            "visibility",
        ]
        widgets = {
            "tags": TagAutocompleteWidget(attrs={"size": 60}),
            "speaker_bio": forms.Textarea(attrs={"rows": 4, "cols": 90}),
            "address": forms.TextInput(attrs={"size": 60}),
        }

    def clean_abstract(self):
        return validate_editor_images(self.cleaned_data.get("abstract", ""))


class WhenListFilter(admin.SimpleListFilter):
    title = "when"
    parameter_name = "when"

    def lookups(self, request, model_admin):
        return [("upcoming", "Upcoming (not yet ended)"), ("past", "Past")]

    def queryset(self, request, queryset):
        if self.value() == "upcoming":
            return queryset.upcoming()
        if self.value() == "past":
            return queryset.past()
        return queryset


# What a copy keeps when the same talk is given again elsewhere: the talk itself,
# not the occasion (date, place, event, recording).
DUPLICATED_FIELDS = ["title", "abstract", "speaker_bio", "slides_url"]
ATTACHMENT_FIELDS = ["title", "file", "file_type", "file_size", "position"]


# What _free_slug() adds: a copy of a copy is "-copy-2", not "-copy-copy".
COPY_SUFFIX = re.compile(r"-copy(?:-\d+)?$")


def _free_slug(slug):
    """The slug with -copy, or -copy-2, -copy-3 … : the first no talk has yet.
    An earlier copy's suffix is replaced, not added to."""
    return free_slug(f"{COPY_SUFFIX.sub('', slug)[:190]}-copy", Talk.objects.all())


class TalkAttachmentInline(AttachmentInline):
    model = Attachment
    verbose_name_plural = "downloads (slides, handouts)"


@admin.register(Talk)
class TalkAdmin(CompareVersionsMixin, VersionAdmin):
    form = TalkAdminForm
    inlines = [TalkAttachmentInline]
    history_latest_first = True
    compare_html_fields = ["abstract"]
    compare_skip_fields = ("updated_at", "sequence", "announced_at")
    formfield_overrides = HTTPS_URLS
    list_display = ["when", "title", "event_name", "city", "status", "visibility"]
    list_display_links = ["when", "title"]
    list_filter = [WhenListFilter, "status", "visibility", year_filter("starts_at")]
    search_fields = ["title", "event_name", "venue", "city", "abstract"]
    date_hierarchy = "starts_at"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["related_posts"]
    readonly_fields = ["announced_at", "updated_at", "sequence"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "abstract", "speaker_bio", "tags"]}),
        ("When", {"fields": ["starts_at", "ends_at", "status"]}),
        (
            "Where",
            {
                "fields": [
                    "event_name",
                    "organiser",
                    "venue",
                    "address",
                    "city",
                    "country",
                    "is_online",
                ]
            },
        ),
        ("Links", {"fields": ["event_url", "slides_url", "video_url"]}),
        ("Related posts", {"fields": ["related_posts"]}),
        (
            "Publishing",
            {"fields": ["visibility", "announced_at", "updated_at", "sequence"]},
        ),
    ]
    actions = ["duplicate_talks"]
    list_per_page = 50
    show_full_result_count = False

    class Media:
        js = ["js/admin-drafts.js"]

    def view_on_site(self, obj):
        return obj.get_absolute_url()

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        old_slug = form.initial.get("slug")
        if change and "slug" in form.changed_data and old_slug:
            # A changed address gets a 301, the calendar file's too.
            record_moved_slug(("talks:detail", "talks:ics"), old_slug, obj.slug)

    @admin.display(description="date", ordering="starts_at")
    def when(self, obj):
        if not obj.starts_at:
            return "No date yet"
        local = timezone.localtime(obj.starts_at)
        return f"{date_format(local, 'D j M Y, H:i')} {zone_name(local)}"

    @admin.action(description="Duplicate talk (to give it again elsewhere)")
    def duplicate_talks(self, request, queryset):
        copies = []
        talks = queryset.prefetch_related("tags", "related_posts", "attachments")
        for talk in talks:
            copy = Talk(
                **{f: getattr(talk, f) for f in DUPLICATED_FIELDS},
                slug=_free_slug(talk.slug),
                visibility=Talk.Visibility.DRAFT,
            )
            copy.save()
            copy.tags.set(talk.tags.all())
            copy.related_posts.set(talk.related_posts.all())
            # The slides and handouts go with the talk: the same stored files
            # (nothing deletes a file when its download is removed).
            Attachment.objects.bulk_create(
                Attachment(
                    talk=copy,
                    **{f: getattr(download, f) for f in ATTACHMENT_FIELDS},
                )
                for download in talk.attachments.all()
            )
            copies.append(copy)
        if len(copies) == 1:
            self.message_user(
                request,
                f"Copied “{copies[0]}” as a draft. Add the new date and place, "
                "then publish it.",
                messages.SUCCESS,
            )
            return redirect(reverse("admin:talks_talk_change", args=[copies[0].pk]))
        self.message_user(
            request,
            f"Copied {len(copies)} talks as drafts (their slugs end in “-copy”).",
            messages.SUCCESS,
        )
        return None
