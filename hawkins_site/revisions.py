"""Comparing two saved versions (django-reversion) of a post or talk in the admin.

django-reversion gives the history list, revert and "recover deleted"; this adds
a side-by-side comparison of any two versions, field by field."""

import difflib
import re

from django.contrib import admin
from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe
from reversion.models import Version

from .richtext import plain_text

_BLOCK_END = re.compile(r"(</(?:p|h[1-6]|li|blockquote|figure|tr|table|ul|ol)>)")


def _lines(value, is_html):
    """Text split into lines that diff well: one block element per line."""
    text = "" if value is None else str(value)
    if is_html:
        lines = (plain_text(chunk) for chunk in _BLOCK_END.split(text))
        return [line for line in lines if line]
    return text.splitlines()


def field_diffs(model, old, new, html_fields=(), skip=()):
    """[(label, diff table HTML)] for each field that differs between two
    `Version.field_dict`s. The tables are built by difflib from escaped text."""
    differ = difflib.HtmlDiff(wrapcolumn=70)
    rows = []
    for field in model._meta.concrete_fields:
        name = field.attname
        if field.name in skip or (name not in old and name not in new):
            continue
        before, after = old.get(name), new.get(name)
        if before == after:
            continue
        is_html = field.name in html_fields
        table = differ.make_table(
            _lines(before, is_html) or [""],
            _lines(after, is_html) or [""],
            context=is_html,
            numlines=2,
        )
        rows.append((field.verbose_name, mark_safe(table)))  # difflib escapes text
    return rows


class CompareVersionsMixin:
    """Adds <object_id>/history/compare/?a=<version>&b=<version> to a VersionAdmin."""

    compare_html_fields = ()
    # Derived or automatic fields: their changes follow from the others.
    compare_skip_fields = ("teaser", "updated_at", "featured_renditions")

    def get_urls(self):
        opts = self.model._meta
        return [
            path(
                "<path:object_id>/history/compare/",
                self.admin_site.admin_view(self.compare_view),
                name=f"{opts.app_label}_{opts.model_name}_compare",
            ),
            *super().get_urls(),
        ]

    def history_view(self, request, object_id, extra_context=None):
        """django-reversion's history list, with version ids for comparing."""
        obj = self.get_object(request, unquote(object_id))
        opts = self.model._meta
        action_list = []
        if obj is not None:
            versions = self._reversion_order_version_queryset(
                request,
                Version.objects.get_for_object(obj).select_related(
                    "revision", "revision__user"
                ),
            )
            revision_url = (
                f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_revision"
            )
            action_list = [
                {
                    "revision": version.revision,
                    "version_id": version.pk,
                    "url": reverse(
                        revision_url, args=(quote(version.object_id), version.pk)
                    ),
                }
                for version in versions
            ]
        context = {"action_list": action_list, **(extra_context or {})}
        return admin.ModelAdmin.history_view(self, request, object_id, context)

    def compare_view(self, request, object_id):
        obj = self.get_object(request, object_id)
        if obj is None:
            raise Http404("No such object.")
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        versions = Version.objects.get_for_object(obj).select_related("revision")
        try:
            a_id, b_id = int(request.GET["a"]), int(request.GET["b"])
        except (KeyError, ValueError) as error:
            raise Http404("Choose two versions to compare.") from error
        first = get_object_or_404(versions, pk=a_id)
        second = get_object_or_404(versions, pk=b_id)
        older, newer = sorted(
            [first, second], key=lambda v: (v.revision.date_created, v.pk)
        )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "object": obj,
            "title": f"Compare versions of “{escape(str(obj))}”",
            "older": older,
            "newer": newer,
            "diffs": field_diffs(
                self.model,
                older.field_dict,
                newer.field_dict,
                html_fields=self.compare_html_fields,
                skip=self.compare_skip_fields,
            ),
        }
        return TemplateResponse(request, "admin/compare_versions.html", context)
