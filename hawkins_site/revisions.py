"""Comparing two saved versions (django-reversion) of a post or talk in the admin.

django-reversion gives the history list, revert and "recover deleted"; this adds
a side-by-side comparison of any two versions, field by field."""

import datetime
import difflib
import re

import reversion
from django.contrib import admin
from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.safestring import mark_safe
from reversion.models import Version

from .dates import zone_name
from .richtext import plain_text

_BLOCK_END = re.compile(r"(</(?:p|h[1-6]|li|blockquote|figure|tr|table|ul|ol)>)")


def _shown(field, value):
    """A stored value as the author knows it: dates and times in the site's
    time zone (Europe/London, not UTC), choices by their label, a related
    object by its name (a query, for the few fields that differ)."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        if timezone.is_naive(value):
            value = timezone.make_aware(value, datetime.UTC)
        local = timezone.localtime(value)
        return f"{date_format(local, 'j F Y, H:i')} {zone_name(local)}"
    if field.is_relation:  # the series' or author's name, not its id
        found = field.related_model._base_manager.filter(pk=value).first()
        return str(found) if found else f"(deleted, id {value})"
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    return str(value)


def _lines(text, is_html):
    """Text split into lines that diff well: one block element per line."""
    if is_html:
        lines = (plain_text(chunk) for chunk in _BLOCK_END.split(text))
        return [line for line in lines if line]
    return text.splitlines()


def field_diffs(model, old, new, html_fields=(), skip=()):
    """[(label, diff table HTML)] for each field the author edits that differs
    between two `Version.field_dict`s. Fields the site derives or sets itself
    (editable=False: plain text, word count, contents, renditions, social card,
    search vector, "last updated") are left out: their changes follow from the
    others. The tables are built by difflib from escaped text."""
    differ = difflib.HtmlDiff(wrapcolumn=70)
    rows = []
    for field in model._meta.concrete_fields:
        name = field.attname
        if not field.editable or field.name in skip:
            continue
        if name not in old and name not in new:
            continue
        before, after = old.get(name), new.get(name)
        if before == after:
            continue
        is_html = field.name in html_fields
        table = differ.make_table(
            _lines(_shown(field, before), is_html) or [""],
            _lines(_shown(field, after), is_html) or [""],
            context=is_html,
            numlines=2,
        )
        rows.append((field.verbose_name, mark_safe(table)))  # difflib escapes text
    return rows


def save_version(obj, comment, user=None):
    """Keep a version of `obj` as it is now (with the relations it is
    registered to follow), as a revision of its own: for code that saves
    outside the admin, e.g. save_version(post, "Imported from Drupal")."""
    with reversion.create_revision():
        reversion.add_to_revision(obj)
        reversion.set_comment(comment)
        if user is not None:
            reversion.set_user(user)


class CompareVersionsMixin:
    """Adds <object_id>/history/compare/?a=<version>&b=<version> to a VersionAdmin."""

    compare_html_fields = ()
    # Fields left out besides the non-editable ones field_diffs() skips.
    compare_skip_fields = ()

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
