import logging
from collections import defaultdict

from django import forms
from django.contrib import admin, messages
from django.core.files.uploadedfile import UploadedFile
from django.db.models import Count
from django.forms.models import BaseInlineFormSet
from django.utils import timezone
from django.utils.formats import date_format
from reversion.admin import VersionAdmin
from taggit.forms import TagWidget
from taggit.models import Tag

from hawkins_site.admin_filters import year_filter
from hawkins_site.attachments import inline_help_text
from hawkins_site.images import (
    clean_image_file,
    featured_image_problem,
    render_renditions,
)
from hawkins_site.revisions import CompareVersionsMixin
from hawkins_site.richtext import validate_editor_images
from hawkins_site.tagging import prefetch_tags

from . import tag_admin  # noqa: F401  (registers the tags' admin)
from .legacy_admin import LegacyPathInline
from .models import Attachment, Post, Series
from .redirects import record_moved_slug, record_old_slug

logger = logging.getLogger(__name__)


class TagAutocompleteWidget(TagWidget):
    """taggit's comma-separated text box, plus suggestions from existing tags
    (static/js/tag-autocomplete.js; the names travel as JSON, not as script)."""

    template_name = "admin/posts/tag_autocomplete_widget.html"

    class Media:
        js = ["js/tag-autocomplete.js"]
        css = {"all": ["css/admin-tags.css"]}

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["names_id"] = context["widget"]["attrs"].get("id", name) + "-names"
        context["tag_names"] = list(
            Tag.objects.order_by("name").values_list("name", flat=True)
        )
        return context


class PostAdminForm(forms.ModelForm):
    class Meta:
        model = Post
        fields = [
            "title",
            "slug",
            "body",
            "excerpt",
            "tags",
            "featured_image",
            "featured_image_alt",
            "featured_image_caption",
            "featured_image_credit",
            "series",
            "series_position",
            "related_posts",
            "status",
            "published_at",
            "author",
        ]
        widgets = {
            "tags": TagAutocompleteWidget(attrs={"size": 60}),
            "excerpt": forms.Textarea(attrs={"rows": 3, "cols": 90}),
            "featured_image": forms.ClearableFileInput(
                attrs={"accept": "image/jpeg,image/png,image/webp,image/gif"}
            ),
        }

    def clean_body(self):
        return validate_editor_images(self.cleaned_data.get("body", ""))

    def clean_featured_image(self):
        image = self.cleaned_data.get("featured_image")
        if isinstance(image, UploadedFile):
            # Verified and re-encoded (no EXIF location), stored under a new name.
            content, clean = clean_image_file(image, folder="featured")
            if problem := featured_image_problem(clean.width, clean.height):
                raise forms.ValidationError(problem, code="shape")
            try:
                # Cut now, so a picture that cannot be cut is refused here;
                # Post.save() stores these (and nothing if the form fails).
                self.instance.pending_renditions = render_renditions(clean.content)
            except Exception as error:
                logger.exception("Renditions of %s failed", image.name)
                raise forms.ValidationError(
                    "This picture could not be resized for the site's pages. "
                    "Open it in a photo editor, export it again as JPEG or PNG "
                    "and upload that.",
                    code="renditions",
                ) from error
            return content
        return image

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("featured_image")
            and not cleaned.get("featured_image_alt", "").strip()
        ):
            self.add_error(
                "featured_image_alt",
                "Describe the image for readers who cannot see it (alt text).",
            )
        self._check_part_number(cleaned)
        # Publishing without a date means "publish now".
        if cleaned.get("status") == Post.Status.PUBLISHED and not cleaned.get(
            "published_at"
        ):
            cleaned["published_at"] = timezone.now()
            self.instance.published_at = cleaned["published_at"]
        return cleaned

    def _check_part_number(self, cleaned):
        """Two posts cannot be the same part of a series: say which post has
        the number (the database constraint would only say that one does)."""
        series, position = cleaned.get("series"), cleaned.get("series_position")
        if series is None or position is None:
            return
        other = (
            Post.objects.filter(series=series, series_position=position)
            .exclude(pk=self.instance.pk)
            .only("title")
            .first()
        )
        if other:
            self.add_error(
                "series_position",
                f"“{other.title}” is already part {position} of “{series}”. "
                "Choose another number, or change that post's number first "
                "(the series page in the admin can renumber all its posts at once).",
            )


class AttachmentInline(admin.TabularInline):
    model = Attachment
    fields = ["title", "file", "position", "file_type", "file_size"]
    readonly_fields = ["file_type", "file_size"]
    extra = 0
    verbose_name = "download"
    verbose_name_plural = "downloads (handouts, slides, copies)"

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "file":
            kwargs["help_text"] = inline_help_text()
        return super().formfield_for_dbfield(db_field, request, **kwargs)


@admin.register(Post)
class PostAdmin(CompareVersionsMixin, VersionAdmin):
    form = PostAdminForm
    inlines = [AttachmentInline, LegacyPathInline]
    list_display = ["title", "visibility", "published_at", "series", "tag_list"]
    list_filter = [
        "status",
        year_filter("published_at", "year published"),
        "series",
        "tags",
    ]
    list_select_related = ["series"]
    search_fields = ["title", "body"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["updated_at"]
    autocomplete_fields = ["series", "related_posts"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "body", "excerpt", "tags"]}),
        (
            "Featured image",
            {
                "fields": [
                    "featured_image",
                    "featured_image_alt",
                    "featured_image_caption",
                    "featured_image_credit",
                ],
                "classes": ["collapse"],
            },
        ),
        ("Series", {"fields": ["series", "series_position"]}),
        ("Related reading", {"fields": ["related_posts"], "classes": ["collapse"]}),
        ("Publishing", {"fields": ["status", "published_at", "author", "updated_at"]}),
    ]
    list_per_page = 50
    show_full_result_count = False
    history_latest_first = True
    compare_html_fields = ["body"]

    class Media:
        js = ["js/admin-drafts.js"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related(prefetch_tags())

    def view_on_site(self, obj):
        return obj.get_absolute_url()

    def save_model(self, request, obj, form, change):
        if obj.author_id is None:
            obj.author = request.user
        if "_publish_now" in request.POST:
            obj.status = Post.Status.PUBLISHED
            if not obj.published_at or obj.published_at > timezone.now():
                obj.published_at = timezone.now()
            messages.success(request, f"“{obj}” is now published.")
        super().save_model(request, obj, form, change)
        if change and "slug" in form.changed_data and form.initial.get("slug"):
            record_old_slug(obj, form.initial["slug"])

    @admin.display(description="tags")
    def tag_list(self, obj):
        return ", ".join(tag.name for tag in obj.tag_list)

    @admin.display(description="status", ordering="status")
    def visibility(self, obj):
        if obj.is_scheduled:
            when = date_format(timezone.localtime(obj.published_at), "j M Y H:i")
            return f"Scheduled for {when}"
        return obj.get_status_display()


class SeriesPartsFormSet(BaseInlineFormSet):
    """The series' posts with their part numbers: numbers must differ, and may
    be swapped or shifted in one save."""

    def clean(self):
        super().clean()
        titles = defaultdict(list)
        for form in self.forms:
            position = getattr(form, "cleaned_data", {}).get("series_position")
            if position is not None:
                titles[position].append(form.instance.title)
        clashes = []
        for position, names in sorted(titles.items()):
            if len(names) > 1:
                quoted = [f"“{name}”" for name in names]
                both = "both" if len(names) == 2 else "all"
                listed = ", ".join(quoted[:-1]) + " and " + quoted[-1]
                clashes.append(f"{listed} are {both} part {position}")
        if clashes:
            raise forms.ValidationError(
                f"{'; '.join(clashes)}. Give each post its own part number."
            )

    def save_existing_objects(self, commit=True):
        # Free the numbers that change first: saving one post at a time would
        # otherwise meet the number another post is about to give up.
        changed = [
            form.instance.pk
            for form in self.initial_forms
            if "series_position" in form.changed_data
        ]
        if commit and changed:
            Post.objects.filter(pk__in=changed).update(series_position=None)
        return super().save_existing_objects(commit)


class SeriesPostInline(admin.TabularInline):
    model = Post
    formset = SeriesPartsFormSet
    fields = ["series_position", "title", "status", "published_at"]
    readonly_fields = ["title", "status", "published_at"]
    ordering = ["series_position", "published_at"]
    extra = 0
    can_delete = False
    show_change_link = True
    verbose_name = "post in this series"
    verbose_name_plural = "posts in this series (set the part numbers here)"

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Series)
class SeriesAdmin(VersionAdmin):
    list_display = ["title", "num_posts"]
    search_fields = ["title", "description"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [SeriesPostInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(num_posts=Count("posts"))

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        old_slug = form.initial.get("slug")
        if change and "slug" in form.changed_data and old_slug:
            # The series page and its feed keep answering at the old address.
            record_moved_slug(("posts:series", "posts:series_feed"), old_slug, obj.slug)

    def view_on_site(self, obj):
        return obj.get_absolute_url()

    @admin.display(description="posts", ordering="num_posts")
    def num_posts(self, obj):
        return obj.num_posts
