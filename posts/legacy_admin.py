"""Admin for old addresses: a list of every redirect, and an inline on each
post showing the addresses that lead to it."""

from django.contrib import admin
from django.utils.html import format_html

from .models import LegacyPath


class LegacyPathInline(admin.TabularInline):
    model = LegacyPath
    fields = ["path", "created_at"]
    readonly_fields = ["created_at"]
    extra = 0
    verbose_name = "old address leading here"
    verbose_name_plural = "old addresses leading here (301 redirects)"


@admin.register(LegacyPath)
class LegacyPathAdmin(admin.ModelAdmin):
    list_display = ["path", "destination", "created_at"]
    list_select_related = ["post", "tag"]
    search_fields = ["path", "target", "post__title", "tag__name"]
    autocomplete_fields = ["post", "tag"]
    fields = ["path", "post", "tag", "target", "drupal_pages"]
    list_per_page = 100

    @admin.display(description="leads to")
    def destination(self, obj):
        label = obj.post or (obj.tag and f"tag: {obj.tag}") or obj.target
        return format_html('<a href="{}">{}</a>', obj.destination_url(), label)
