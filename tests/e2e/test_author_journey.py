"""The author at the desk: writes a post in CKEditor 5 by typing, uploads an
image and a PDF, tags it, previews the draft, publishes it, edits it, restores
the earlier version, and announces a talk. A reader, in a browser of their own,
sees each step arrive on the site."""

import re
from datetime import timedelta
from pathlib import Path
from xml.etree import ElementTree

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone
from PIL import Image
from playwright.sync_api import expect

from posts.demo_files import one_page_pdf
from posts.models import Post
from talks.models import Talk
from tests.factories import make_post

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PASSWORD = "a-long-password-for-the-browser"
TITLE = "Taking a pause at work"
SLUG = "taking-a-pause-at-work"
NEW_TAG, NEW_TAG_SLUG = "Pausing at work", "pausing-at-work"
GUIDE = "https://example.org/pause-guide"
QUOTE = "Between stimulus and response there is a space."
ALT = "A blue square standing for a pause"
EDIT = "A sentence added in a later edit."
TALK = "Pausing at work: a short seminar"
# The admin's own pages ask for /favicon.ico, which the site does not serve.
ADMIN_NOISE = r"^404 .*/favicon\.ico$"


@pytest.fixture
def desk(live_site, new_context, tmp_path):
    """A logged-in author's browser tab, and the files on the author's disk."""
    get_user_model().objects.create_superuser("author", "author@example.org", PASSWORD)
    make_post(title="An older post", slug="an-older-post", tags=["mindfulness"])
    Image.new("RGB", (640, 400), (40, 120, 160)).save(tmp_path / "pause.png")
    (tmp_path / "pause-card.pdf").write_bytes(
        one_page_pdf("Pause card", ["Stop.", "Breathe.", "Carry on."])
    )
    context, watch = new_context()
    page = context.new_page()
    page.goto(reverse("admin:index"))
    page.get_by_label("Username").fill("author")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(
        page.get_by_role("heading", name="Write, publish and look after")
    ).to_be_visible()
    return page, watch, tmp_path


@pytest.fixture
def reader(new_context):
    """reader() -> page: an anonymous reader arriving now, in a browser of
    their own (no cookies, nothing cached from an earlier visit). The watches of
    all of them are in reader.watches."""

    def arrive():
        context, watch = new_context()
        arrive.watches.append(watch)
        return context.new_page()

    arrive.watches = []
    return arrive


def _write_the_post(page, files):
    page.goto(reverse("admin:posts_post_add"))
    page.get_by_label("Title:").press_sequentially(TITLE)
    expect(page.get_by_label("Slug:")).to_have_value(SLUG)  # filled in as I type

    field = page.locator(".field-body")
    body = field.locator(".ck-editor__editable")
    body.click()
    field.get_by_role("button", name="Heading").click()
    page.get_by_role("menuitemradio", name="Heading", exact=True).click()
    page.keyboard.type("Why pause at all")
    page.keyboard.press("Enter")
    page.keyboard.type("A pause is ")
    page.keyboard.press("Control+b")
    page.keyboard.type("not a luxury")
    page.keyboard.press("Control+b")
    page.keyboard.type(".")
    page.keyboard.press("Enter")
    field.get_by_role("button", name="Bulleted List").click()
    page.keyboard.type("Notice the breath")
    page.keyboard.press("Enter")
    page.keyboard.type("Notice the feet")
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")  # an empty item ends the list
    page.keyboard.type("Read ")
    page.keyboard.press("Control+k")
    page.get_by_label("Displayed text").fill("the guide")
    page.get_by_label("Link URL").fill(GUIDE)
    page.get_by_role("button", name="Insert", exact=True).click()
    page.keyboard.press("Enter")
    field.get_by_role("button", name="Block quote").click()
    page.keyboard.type(QUOTE)
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")  # an empty paragraph leaves the quote

    with page.expect_file_chooser() as chooser:
        field.get_by_role("button", name="Upload image from computer").click()
    chooser.value.set_files(files / "pause.png")
    expect(body.locator("img[src*='/media/uploads/']")).to_be_visible()
    page.get_by_role("button", name="Change image text alternative").click()
    page.get_by_label("Text alternative").fill(ALT)
    page.keyboard.press("Enter")
    expect(body.locator("img")).to_have_attribute("alt", ALT)

    tags = page.get_by_label("Tags:")
    tags.fill(f"{NEW_TAG}, ")
    tags.press_sequentially("mindf")
    page.get_by_role("option", name="mindfulness", exact=True).click()
    expect(tags).to_have_value(f"{NEW_TAG}, mindfulness, ")

    page.get_by_role("button", name="Add another Download").click()
    page.locator("#id_attachments-0-title").fill("Pause card")
    page.locator("#id_attachments-0-file").set_input_files(files / "pause-card.pdf")

    expect(page.get_by_label("Status:")).to_have_value("draft")
    page.get_by_role("button", name="Save and continue editing").click()
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")


def _check_the_preview(page):
    """The author's own view of the draft, at its real address."""
    with page.context.expect_page() as opened:
        page.get_by_role("link", name="Preview").click()
    preview = opened.value
    preview.wait_for_load_state()
    assert preview.url.endswith(f"/posts/{SLUG}/")
    expect(preview.get_by_role("note")).to_contain_text("Draft — not public")
    prose = preview.locator(".prose")
    expect(prose.get_by_role("heading", level=2)).to_have_text("Why pause at all")
    expect(prose.locator("strong")).to_have_text("not a luxury")
    expect(prose.locator("ul > li")).to_have_text(
        ["Notice the breath", "Notice the feet"]
    )
    expect(prose.get_by_role("link", name="the guide")).to_have_attribute("href", GUIDE)
    expect(prose.locator("blockquote")).to_have_text(QUOTE)
    image = prose.get_by_role("img", name=ALT)
    expect(image).to_be_visible()
    assert image.evaluate("img => img.complete && img.naturalWidth === 640")
    tags = preview.get_by_role("list", name="Tags").get_by_role("link")
    expect(tags).to_have_text(["mindfulness", NEW_TAG])
    card = preview.get_by_role("link", name="Pause card")
    pdf = preview.request.get(card.get_attribute("href"))
    assert pdf.ok and pdf.body().startswith(b"%PDF-")
    preview.close()


def _feed_titles(page):
    feed = page.request.get(reverse("posts:feed"))
    assert feed.ok
    return [
        item.findtext("title")
        for item in ElementTree.fromstring(feed.text()).iter("item")
    ]


def _sitemap_locations(page):
    sitemap = page.request.get("/sitemap.xml")
    assert sitemap.ok
    ns = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    return [loc.text for loc in ElementTree.fromstring(sitemap.text()).iter(f"{ns}loc")]


def test_author_writes_previews_publishes_edits_and_restores_a_post(desk, reader):
    page, desk_watch, files = desk
    post_path = reverse("posts:detail", kwargs={"slug": SLUG})
    canonical = settings.SITE_URL + post_path

    _write_the_post(page, files)
    _check_the_preview(page)
    early = reader()
    assert early.goto(post_path).status == 404  # a draft is not public yet
    assert TITLE not in _feed_titles(early)

    page.get_by_role("button", name="Save and publish now").click()
    expect(page.locator(".messagelist")).to_contain_text(f"“{TITLE}” is now published")

    reader_page = reader()
    reader_page.goto(reverse("posts:list"))
    reader_page.get_by_role("link", name=TITLE, exact=True).click()
    expect(reader_page.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(reader_page.get_by_role("note")).to_have_count(0)  # no draft banner
    reader_page.get_by_role("list", name="Tags").get_by_role(
        "link", name=NEW_TAG
    ).click()
    expect(reader_page.get_by_role("heading", level=1)).to_have_text(
        f"Posts tagged “{NEW_TAG}”"
    )
    assert reader_page.url.endswith(f"/tags/{NEW_TAG_SLUG}/")
    expect(reader_page.get_by_role("link", name=TITLE, exact=True)).to_be_visible()
    assert TITLE in _feed_titles(reader_page)
    assert canonical in _sitemap_locations(reader_page)

    # Edit: a sentence at the end of the body.
    page.locator("#result_list").get_by_role("link", name=TITLE, exact=True).click()
    page.locator(".field-body .ck-editor__editable").click()
    page.keyboard.press("Control+End")
    page.keyboard.press("Enter")
    page.keyboard.type(EDIT)
    page.get_by_role("button", name="Save and continue editing").click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    reader_page = reader()
    reader_page.goto(post_path)
    expect(reader_page.locator(".prose")).to_contain_text(EDIT)

    # Restore: History, the version before the edit, Save.
    page.get_by_role("link", name="History").click()
    versions = page.locator("#change-history tbody tr")
    expect(versions).to_have_count(3)  # added, published, edited; newest first
    versions.nth(1).get_by_role("link").click()
    expect(page.get_by_text("Press the save button below to revert")).to_be_visible()
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")

    reader_page = reader()
    reader_page.goto(post_path)
    expect(reader_page.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(reader_page.locator(".prose blockquote")).to_have_text(QUOTE)
    expect(reader_page.locator(".prose")).not_to_contain_text(EDIT)
    post = Post.objects.get(slug=SLUG)
    assert post.status == Post.Status.PUBLISHED and EDIT not in post.body
    assert {t.name for t in post.tags.all()} == {NEW_TAG, "mindfulness"}

    # The one failure a reader met was the draft's 404, asked for on purpose.
    for watch in reader.watches:
        watch.assert_clean(allowed_failures=[rf"^404 .*{re.escape(post_path)}$"])
    desk_watch.assert_clean(allowed_failures=[ADMIN_NOISE])


def _unfolded(ics):
    """iCalendar folds lines at 75 octets (RFC 5545 §3.1)."""
    return ics.replace("\r\n ", "").replace("\r\n\t", "")


def test_author_announces_a_talk_that_readers_see_and_can_add_to_a_calendar(
    desk, reader
):
    page, desk_watch, _ = desk
    starts = timezone.localtime() + timedelta(days=14)

    page.goto(reverse("admin:talks_talk_add"))
    page.get_by_label("Title:").fill(TALK)
    page.locator(".field-abstract .ck-editor__editable").click()
    page.keyboard.type("Why short pauses help, and how to take one between patients.")
    page.locator("#id_starts_at_0").fill(starts.strftime("%Y-%m-%d"))
    page.locator("#id_starts_at_1").fill("18:30")
    page.locator("#id_ends_at_0").fill(starts.strftime("%Y-%m-%d"))
    page.locator("#id_ends_at_1").fill("20:00")
    page.get_by_label("Event:").fill("Winter seminars")
    page.get_by_label("Venue:").fill("Seminar Room 3")
    page.get_by_label("City:").fill("Edinburgh")
    page.get_by_label("Visibility:").select_option(label="Published")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")
    talk = Talk.objects.get(title=TALK)

    reader_page = reader()
    reader_page.goto(reverse("talks:list"))
    upcoming = reader_page.get_by_role("region", name="Upcoming talks")
    upcoming.get_by_role("link", name=TALK).click()
    expect(reader_page.get_by_role("heading", level=1)).to_have_text(TALK)
    with reader_page.expect_download() as download:
        reader_page.get_by_role("link", name="Add to calendar (.ics)").click()
    one = _unfolded(Path(download.value.path()).read_text())
    assert f"SUMMARY:{TALK}" in one
    assert re.search(r"^DTSTART:\d{8}T\d{6}Z$", one, re.MULTILINE)

    calendar = reader_page.request.get(reverse("talks:calendar"))
    assert calendar.ok and calendar.headers["content-type"].startswith("text/calendar")
    assert f"SUMMARY:{TALK}" in _unfolded(calendar.text())
    assert f"UID:{talk.uid}" in _unfolded(calendar.text())

    (watch,) = reader.watches
    watch.assert_clean()
    desk_watch.assert_clean(allowed_failures=[ADMIN_NOISE])
