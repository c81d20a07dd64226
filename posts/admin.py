from django import forms
from django.contrib import admin
from django.db.models.functions import ExtractYear
from django.utils import timezone
from django.utils.formats import date_format
from taggit.forms import TagWidget
from taggit.models import Tag

from .legacy_admin import LegacyPathInline
from .models import Post
from .redirects import record_old_slug
from .templatetags.posts_tags import sorted_tags


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
            "status",
            "published_at",
            "author",
        ]
        widgets = {
            "tags": TagAutocompleteWidget(attrs={"size": 60}),
            "body": forms.Textarea(attrs={"rows": 30, "cols": 90}),
            "excerpt": forms.Textarea(attrs={"rows": 3, "cols": 90}),
        }

    def clean(self):
        cleaned = super().clean()
        # Publishing without a date means "publish now".
        if cleaned.get("status") == Post.Status.PUBLISHED and not cleaned.get(
            "published_at"
        ):
            cleaned["published_at"] = timezone.now()
            self.instance.published_at = cleaned["published_at"]
        return cleaned


class YearListFilter(admin.SimpleListFilter):
    title = "year published"
    parameter_name = "year"

    def lookups(self, request, model_admin):
        years = (
            Post.objects.exclude(published_at=None)
            .annotate(year=ExtractYear("published_at"))
            .values_list("year", flat=True)
            .distinct()
            .order_by("-year")
        )
        return [(str(y), str(y)) for y in years]

    def queryset(self, request, queryset):
        if self.value() and self.value().isdigit():
            return queryset.filter(published_at__year=int(self.value()))
        return queryset


@admin.register(Post)
class PostAdmin(admin.ModelAdmin):
    form = PostAdminForm
    list_display = ["title", "visibility", "published_at", "tag_list"]
    list_filter = ["status", YearListFilter, "tags"]
    search_fields = ["title", "body"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["updated_at"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "body", "excerpt", "tags"]}),
        ("Publishing", {"fields": ["status", "published_at", "author", "updated_at"]}),
    ]
    inlines = [LegacyPathInline]
    list_per_page = 50
    show_full_result_count = False

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("tags")

    def view_on_site(self, obj):
        return obj.get_absolute_url()

    def save_model(self, request, obj, form, change):
        if obj.author_id is None:
            obj.author = request.user
        super().save_model(request, obj, form, change)
        if change and "slug" in form.changed_data and form.initial.get("slug"):
            record_old_slug(obj, form.initial["slug"])

    @admin.display(description="tags")
    def tag_list(self, obj):
        return ", ".join(tag.name for tag in sorted_tags(obj.tags.all()))

    @admin.display(description="status", ordering="status")
    def visibility(self, obj):
        if obj.is_scheduled:
            when = date_format(timezone.localtime(obj.published_at), "j M Y H:i")
            return f"Scheduled for {when}"
        return obj.get_status_display()
