"""The tags' admin, in place of taggit's: renaming a tag keeps its old address
and feed working (301), its posts' search text follows the new name, and
merging tags moves their posts and talks. (taggit's own merge moves only its
generic TaggedItem rows, which this site does not use: it would report success
and change nothing.)"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.db.models import Count
from django.template.response import TemplateResponse
from django.urls import reverse
from taggit.models import Tag

from .models import Post
from .redirects import record_tag_move
from .services import merge_tags

admin.site.unregister(Tag)


class TagChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, tag):
        posts, talks = tag.num_posts, tag.num_talks
        return (
            f"{tag.name} ({posts} post{'' if posts == 1 else 's'}, "
            f"{talks} talk{'' if talks == 1 else 's'})"
        )


class MergeForm(forms.Form):
    keep = TagChoiceField(
        queryset=Tag.objects.none(),
        widget=forms.RadioSelect,
        empty_label=None,
        label="Keep this tag",
        error_messages={"required": "Choose the tag to keep."},
    )

    def __init__(self, *args, tags, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["keep"].queryset = tags


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "num_posts", "num_talks"]
    ordering = ["name"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    actions = ["merge_selected"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                num_posts=Count("posts_taggedpost_items", distinct=True),
                num_talks=Count("talks_taggedtalk_items", distinct=True),
            )
        )

    @admin.display(description="posts", ordering="num_posts")
    def num_posts(self, obj):
        return obj.num_posts

    @admin.display(description="talks", ordering="num_talks")
    def num_talks(self, obj):
        return obj.num_talks

    def view_on_site(self, obj):
        return reverse("posts:tag", kwargs={"slug": obj.slug})

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if not change:
            return
        old_slug = form.initial.get("slug")
        if "slug" in form.changed_data and old_slug:
            record_tag_move(obj, old_slug)
            messages.info(
                request,
                f"The tag's old address /tags/{old_slug}/ and its feed now lead "
                "to the new one.",
            )
        if "name" in form.changed_data:
            for post in Post.objects.filter(tags=obj).only("pk"):
                post.update_search_vector()

    # Merging deletes tags: only for those who may change and delete them.
    @admin.action(
        description="Merge the selected tags into one",
        permissions=["change", "delete"],
    )
    def merge_selected(self, request, queryset):
        tags = queryset.order_by("name")
        if tags.count() < 2:
            self.message_user(
                request, "Choose two or more tags to merge.", messages.WARNING
            )
            return None
        form = MergeForm(request.POST if "apply" in request.POST else None, tags=tags)
        if form.is_valid():
            keep = form.cleaned_data["keep"]
            others = [tag for tag in tags if tag.pk != keep.pk]
            count = merge_tags(keep, others)
            names = ", ".join(f"“{tag.name}”" for tag in others)
            self.message_user(
                request,
                f"Merged {names} into “{keep.name}”: {count} post"
                f"{' carries' if count == 1 else 's carry'} it instead; the old "
                "tag pages and feeds now lead to it.",
                messages.SUCCESS,
            )
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": "Merge tags",
            "opts": self.model._meta,
            "form": form,
            "tags": tags,
            "action_checkbox_name": ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/taggit/tag/merge.html", context)
