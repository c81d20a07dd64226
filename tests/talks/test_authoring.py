"""The author's desk for talks: the editor, downloads and revisions."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar
from pytest_django.asserts import assertContains
from reversion.models import Version

from talks.models import Talk
from tests import images
from tests.factories import make_talk
from tests.talks.test_admin import ADD, form_data

pytestmark = pytest.mark.django_db


def test_abstract_uses_the_editor_and_drafts_are_kept(admin_client):
    response = admin_client.get(ADD)
    assertContains(response, "django_ckeditor_5/dist/bundle.js")
    assertContains(response, "js/admin-drafts.js")
    config = json.loads(
        response.content.decode()
        .split('id="id_abstract_script" type="application/json">')[1]
        .split("</script>")[0]
    )
    assert "SourceEditing" in config["removePlugins"]
    assert "uploadImage" in config["toolbar"]["items"]


def test_talk_downloads_are_checked_and_listed(admin_client, client):
    data = form_data(
        **{
            "attachments-TOTAL_FORMS": "2",
            "attachments-0-title": "Slides",
            "attachments-0-file": SimpleUploadedFile("slides.pdf", images.PDF),
            "attachments-0-position": "0",
            "attachments-1-title": "Sneaky",
            "attachments-1-file": SimpleUploadedFile("notes.pdf", images.HTML),
            "attachments-1-position": "1",
        }
    )
    response = admin_client.post(ADD, data)
    assertContains(response, "its contents are not a PDF document")
    assert not Talk.objects.exists()

    data["attachments-TOTAL_FORMS"] = "1"
    data["attachments-0-file"] = SimpleUploadedFile("slides.pdf", images.PDF)
    assert admin_client.post(ADD, data).status_code == 302
    talk = Talk.objects.get()
    page = client.get(talk.get_absolute_url())
    assertContains(page, ">Slides</a> (PDF, ")


def test_talk_history_can_be_compared_and_restored(admin_client):
    talk = make_talk(abstract="<p>First abstract.</p>")
    url = reverse("admin:talks_talk_change", args=[talk.pk])
    base = form_data(title=talk.title, slug=talk.slug)
    assert (
        admin_client.post(
            url, base | {"abstract": "<p>First abstract.</p>"}
        ).status_code
        == 302
    )
    assert (
        admin_client.post(
            url, base | {"abstract": "<p>Second abstract.</p>"}
        ).status_code
        == 302
    )
    versions = Version.objects.get_for_object(talk)
    assert versions.count() == 2
    compare = admin_client.get(
        reverse("admin:talks_talk_compare", args=[talk.pk]),
        {"a": versions.last().pk, "b": versions.first().pk},
    )
    assertContains(compare, "First&nbsp;abstract.")
    revert = reverse("admin:talks_talk_revision", args=[talk.pk, versions.last().pk])
    assertContains(admin_client.get(revert), "First abstract.")  # the old text
    assert (
        admin_client.post(
            revert, base | {"abstract": "<p>First abstract.</p>"}
        ).status_code
        == 302
    )
    talk.refresh_from_db()
    assert talk.abstract == "<p>First abstract.</p>"
    assert Version.objects.get_for_object(talk).count() == 3


def test_talk_abstract_images_need_alt_text(admin_client):
    response = admin_client.post(
        ADD, form_data(abstract='<p>x</p><img src="/media/uploads/a.jpg">')
    )
    assertContains(response, "1 image has no text alternative")
    assert not Talk.objects.exists()


def test_restoring_an_old_version_never_lowers_the_calendar_sequence(
    admin_client, client
):
    """django-reversion restores a version with a raw save, old SEQUENCE and
    all: calendar apps would ignore the restored time as an older update."""
    assert admin_client.post(ADD, form_data()).status_code == 302  # 18:30
    talk = Talk.objects.get()
    announced = talk.announced_at
    change = reverse("admin:talks_talk_change", args=[talk.pk])
    moved = form_data(starts_at_1="19:00", ends_at_1="20:30")
    assert admin_client.post(change, moved).status_code == 302
    talk.refresh_from_db()
    assert talk.sequence == 1

    first = Version.objects.get_for_object(talk).last()
    revert = reverse("admin:talks_talk_revision", args=[talk.pk, first.pk])
    preview = admin_client.get(revert).context["adminform"].form
    assert timezone.localtime(preview.initial["starts_at"]).hour == 18  # old time
    assert admin_client.post(revert, form_data()).status_code == 302
    talk.refresh_from_db()
    assert timezone.localtime(talk.starts_at).strftime("%H:%M") == "18:30"
    assert talk.sequence == 2
    assert talk.announced_at == announced
    event = Calendar.from_ical(client.get(talk.get_ics_url()).content).walk("VEVENT")
    assert int(event[0]["SEQUENCE"]) == 2

    # Restoring the version that is already current changes nothing that
    # calendars hold: no new SEQUENCE.
    latest = Version.objects.get_for_object(talk).first()
    revert = reverse("admin:talks_talk_revision", args=[talk.pk, latest.pk])
    assert admin_client.post(revert, form_data()).status_code == 302
    talk.refresh_from_db()
    assert talk.sequence == 2
