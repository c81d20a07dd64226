"""The author's desk: featured images, downloads, series, revisions, preview."""

import io
import json
import xml.etree.ElementTree as ET
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image
from pytest_django.asserts import assertContains, assertNotContains
from reversion.models import Version

from hawkins_site.revisions import save_version
from posts.models import Attachment, Post, Series
from tests import images
from tests.factories import EMPTY_INLINES, make_draft, make_post, make_scheduled

pytestmark = pytest.mark.django_db


def form_data(**overrides):
    data = {
        "title": "A post",
        "slug": "a-post",
        "body": "<p>Text.</p>",
        "excerpt": "",
        "tags": "",
        "featured_image_alt": "",
        "featured_image_caption": "",
        "featured_image_credit": "",
        "series": "",
        "series_position": "",
        "status": "draft",
        "published_at_0": "",
        "published_at_1": "",
        "author": "",
        **EMPTY_INLINES,
    }
    return data | overrides


def files_under(root, folder):
    path = Path(root) / folder
    return sorted(p for p in path.rglob("*") if p.is_file()) if path.exists() else []


# --- Editor ---------------------------------------------------------------------


def test_change_form_uses_the_editor_with_the_fitted_toolbar(admin_client):
    response = admin_client.get(reverse("admin:posts_post_add"))
    assertContains(response, "django_ckeditor_5/dist/bundle.js")
    assertContains(response, "js/admin-drafts.js")
    config = json.loads(
        response.content.decode()
        .split('id="id_body_script" type="application/json">')[1]
        .split("</script>")[0]
    )
    toolbar = config["toolbar"]["items"]
    for item in ["heading", "bold", "italic", "link", "bulletedList", "numberedList",
                 "blockQuote", "uploadImage", "insertTable", "horizontalLine",
                 "undo", "redo"]:  # fmt: skip
        assert item in toolbar
    assert "sourceEditing" not in toolbar
    for plugin in ["SourceEditing", "Markdown", "GeneralHtmlSupport", "HtmlEmbed"]:
        assert plugin in config["removePlugins"]
    assert [o.get("view") for o in config["heading"]["options"]] == [
        None,
        "h2",
        "h3",
        "h4",
    ]
    assert "imageTextAlternative" in config["image"]["toolbar"]
    assert "toggleImageCaption" in config["image"]["toolbar"]


def test_hostile_paste_is_stored_clean(admin_client):
    hostile = (
        '<p>Kept</p><img src="x.png" alt="" onerror="alert(1)">'
        '<a href="javascript:alert(1)">link</a><style>p{color:red}</style>'
        '<iframe src="https://evil.example/"></iframe>'
        '<figure class="image"><img src="/media/a.jpg" alt="A"><figcaption>Cap'
        "</figcaption></figure>"
    )
    admin_client.post(reverse("admin:posts_post_add"), form_data(body=hostile))
    body = Post.objects.get(slug="a-post").body
    assert "onerror" not in body and "javascript:" not in body
    assert "<style" not in body and "<iframe" not in body and "color:red" not in body
    assert (
        '<figure class="image"><img src="/media/a.jpg" alt="A"><figcaption>Cap'
        "</figcaption></figure>" in body
    )


# --- Featured image -------------------------------------------------------------


def test_featured_image_without_alt_text_does_not_save(admin_client, settings):
    response = admin_client.post(
        reverse("admin:posts_post_add"),
        form_data(featured_image=SimpleUploadedFile("f.jpg", images.jpeg((800, 400)))),
    )
    assert response.status_code == 200
    assertContains(response, "Describe the image for readers who cannot see it")
    assert not Post.objects.exists()
    assert files_under(settings.MEDIA_ROOT, "featured") == []


def test_bad_featured_image_is_refused_with_the_reason(admin_client, settings):
    response = admin_client.post(
        reverse("admin:posts_post_add"),
        form_data(
            featured_image=SimpleUploadedFile("x.png", images.SVG),
            featured_image_alt="A drawing",
        ),
    )
    assertContains(response, "SVG and other formats are not accepted")
    assert not Post.objects.exists()
    assert files_under(settings.MEDIA_ROOT, "") == []


def test_featured_image_is_cleaned_and_cut_into_renditions_once(
    admin_client, client, settings
):
    photo = images.jpeg((2000, 1000), exif=images.exif_with_gps_and_rotation())
    response = admin_client.post(
        reverse("admin:posts_post_add"),
        form_data(
            featured_image=SimpleUploadedFile("Photo.jpg", photo),
            featured_image_alt="A test photograph",
            featured_image_caption="A caption",
            featured_image_credit="Photo: the author",
            status="published",
        ),
    )
    assert response.status_code == 302, response.content[:3000]
    post = Post.objects.get()
    assert post.featured_image.name.startswith("featured/")
    assert post.featured_image.read()[:3] == b"\xff\xd8\xff"
    assert b"PhoneMaker" not in post.featured_image.open().read()
    widths = [s["width"] for s in post.featured_renditions["sizes"]]
    assert widths == [480, 960, 1000]  # upright: 1000 wide, never upscaled
    made = files_under(settings.MEDIA_ROOT, "renditions")
    assert len(made) == len(widths) * 2 + 1  # WebP + JPEG per width, one card

    page = client.get(post.get_absolute_url())
    assertContains(page, 'type="image/webp"')
    assertContains(page, 'alt="A test photograph"')
    assertContains(page, "480w")
    assertContains(page, 'width="960"')
    assertContains(page, "A caption")
    assertContains(page, "Photo: the author")
    home = client.get("/")
    assertContains(home, 'loading="lazy"')

    post.title = "Renamed"
    post.save()
    client.get(post.get_absolute_url())
    assert files_under(settings.MEDIA_ROOT, "renditions") == made


def test_database_refuses_an_image_without_alt():
    post = make_post()
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        Post.objects.filter(pk=post.pk).update(featured_image="featured/x.jpg")


@pytest.mark.parametrize(
    ("size", "shape"),
    [((1000, 18000), "too tall"), ((12000, 3), "too wide")],
)
def test_featured_image_of_an_absurd_shape_is_refused_plainly(
    admin_client, settings, size, shape
):
    response = admin_client.post(
        reverse("admin:posts_post_add"),
        form_data(
            featured_image=SimpleUploadedFile(
                "strip.png", images.encoded(Image.new("L", size, 200))
            ),
            featured_image_alt="A strip",
        ),
    )
    assert response.status_code == 200
    assertContains(response, f"{shape} for a featured image")
    assert not Post.objects.exists()
    assert files_under(settings.MEDIA_ROOT, "") == []


def test_a_tall_featured_image_within_ten_to_one_is_cut(admin_client):
    response = admin_client.post(
        reverse("admin:posts_post_add"),
        form_data(
            featured_image=SimpleUploadedFile(
                "tall.png", images.encoded(Image.new("RGB", (400, 4000), "teal"))
            ),
            featured_image_alt="A tall diagram",
        ),
    )
    assert response.status_code == 302
    sizes = Post.objects.get().featured_renditions["sizes"]
    assert [(s["width"], s["height"]) for s in sizes] == [(400, 4000)]


def test_when_renditions_cannot_be_made_the_form_says_so_and_leaves_nothing(
    admin_client, settings, monkeypatch
):
    def broken(*args, **kwargs):
        raise ValueError("Pillow could not do it")

    monkeypatch.setattr("hawkins_site.images.ImageOps.fit", broken)
    response = admin_client.post(
        reverse("admin:posts_post_add"),
        form_data(
            featured_image=SimpleUploadedFile("f.jpg", images.jpeg((800, 400))),
            featured_image_alt="A picture",
        ),
    )
    assert response.status_code == 200
    assertContains(response, "This picture could not be resized")
    assert not Post.objects.exists()
    assert files_under(settings.MEDIA_ROOT, "") == []


def test_when_renditions_cannot_be_stored_the_new_upload_goes_too(
    settings, monkeypatch
):
    real_save = FileSystemStorage.save

    def save(storage, name, content, **kwargs):
        if name.startswith("renditions/") and name.endswith("-card.jpg"):
            raise OSError("No space left on device")
        return real_save(storage, name, content, **kwargs)

    monkeypatch.setattr(FileSystemStorage, "save", save)
    with pytest.raises(OSError):
        make_post(
            featured_image=ContentFile(images.jpeg((600, 300)), name="pic.jpg"),
            featured_image_alt="A picture",
        )
    assert files_under(settings.MEDIA_ROOT, "") == []


# --- Attachments ----------------------------------------------------------------


def test_attachment_inline_refuses_disguised_files(admin_client, settings):
    data = form_data(
        **{
            "attachments-TOTAL_FORMS": "1",
            "attachments-0-title": "Not really a PDF",
            "attachments-0-file": SimpleUploadedFile("slides.pdf", images.HTML),
            "attachments-0-position": "0",
        }
    )
    response = admin_client.post(reverse("admin:posts_post_add"), data)
    assertContains(response, "its contents are not a PDF document")
    assert not Post.objects.exists()
    assert files_under(settings.MEDIA_ROOT, "attachments") == []


def test_downloads_show_title_type_and_size(admin_client, client):
    data = form_data(
        status="published",
        **{
            "attachments-TOTAL_FORMS": "1",
            "attachments-0-title": "Slides",
            "attachments-0-file": SimpleUploadedFile(
                "talk.pdf", images.PDF + b" " * (2_516_582 - len(images.PDF))
            ),
            "attachments-0-position": "0",
        },
    )
    assert admin_client.post(reverse("admin:posts_post_add"), data).status_code == 302
    attachment = Attachment.objects.get()
    assert attachment.file.name.startswith("attachments/")
    page = client.get(Post.objects.get().get_absolute_url())
    assertContains(page, '<h2 id="downloads-title">Downloads</h2>', html=True)
    assertContains(page, f'<a href="{attachment.file.url}" download>Slides</a>')
    assertContains(page, "(PDF, 2.4 MB)")


def test_photo_downloads_are_stored_without_their_location(admin_client):
    photo = images.jpeg((40, 20), exif=images.exif_with_gps_and_rotation())
    data = form_data(
        **{
            "attachments-TOTAL_FORMS": "1",
            "attachments-0-title": "The venue",
            "attachments-0-file": SimpleUploadedFile("venue.jpg", photo),
            "attachments-0-position": "0",
        }
    )
    assert admin_client.post(reverse("admin:posts_post_add"), data).status_code == 302
    stored = Attachment.objects.get().file.read()
    assert b"PhoneMaker" not in stored
    assert not Image.open(io.BytesIO(stored)).getexif()


def test_downloads_inline_says_how_much_one_save_carries(admin_client):
    response = admin_client.get(reverse("admin:posts_post_add"))
    assertContains(response, "One save carries up to 4 files of 25 MB (100 MB)")
    assertContains(response, "or an image, at most 10 MB")


# --- Series ---------------------------------------------------------------------


@pytest.fixture
def series():
    series = Series.objects.create(title="Compassion at work", slug="compassion")
    make_post(title="Part two", series=series, series_position=2, slug="two")
    make_post(title="Part one", series=series, series_position=1, slug="one")
    make_post(title="Part three", series=series, series_position=3, slug="three")
    make_draft(title="Draft part", series=series, series_position=4, slug="d")
    make_scheduled(title="Future part", series=series, series_position=5, slug="f")
    return series


def test_series_page_lists_public_posts_in_order(client, series):
    response = client.get("/series/compassion/")
    assert [p.title for p in response.context["parts"]] == [
        "Part one",
        "Part two",
        "Part three",
    ]
    assertNotContains(response, "Draft part")
    assertNotContains(response, "Future part")
    assertContains(response, 'href="/series/compassion/feed/"')


def test_post_page_shows_its_place_in_the_series(client, series):
    response = client.get("/posts/two/")
    assertContains(response, "Part 2 of 3 in")
    assertContains(response, 'href="/posts/one/">&larr; Previous part</a>')
    assertContains(response, 'href="/posts/three/">Next part &rarr;</a>')
    assertNotContains(response, "Draft part")
    assertNotContains(response, "Future part")


def test_series_index_lists_series_with_public_posts(client, series):
    Series.objects.create(title="Empty series", slug="empty")
    only_drafts = Series.objects.create(title="Hidden series", slug="hidden")
    make_draft(series=only_drafts)
    response = client.get("/series/")
    assertContains(response, "Compassion at work")
    assertContains(response, "3 parts")
    assertNotContains(response, "Empty series")
    assertNotContains(response, "Hidden series")
    assert client.get("/series/empty/").status_code == 404
    assert client.get("/series/hidden/").status_code == 404


def test_series_feed_parses_and_hides_drafts(client, series):
    response = client.get("/series/compassion/feed/")
    root = ET.fromstring(response.content)
    titles = [item.findtext("title") for item in root.findall("channel/item")]
    assert sorted(titles) == ["Part one", "Part three", "Part two"]
    assert (
        root.findtext("channel/link") == "https://blog.example.org/series/compassion/"
    )


def test_series_are_in_the_sitemap(client, series):
    assertContains(
        client.get("/sitemap.xml"), "https://blog.example.org/series/compassion/"
    )


# --- Revisions ------------------------------------------------------------------


def save_in_admin(admin_client, post, **changes):
    current = {
        "title": post.title,
        "slug": post.slug,
        "body": post.body,
        "tags": ", ".join(t.name for t in post.tags.all()),
        "status": post.status,
        "published_at_0": timezone.localtime(post.published_at).strftime("%Y-%m-%d"),
        "published_at_1": timezone.localtime(post.published_at).strftime("%H:%M:%S"),
    }
    data = form_data(**(current | changes))
    response = admin_client.post(
        reverse("admin:posts_post_change", args=[post.pk]), data
    )
    assert response.status_code == 302, response.content[:3000]


def test_every_admin_save_keeps_a_version_and_an_old_one_can_be_restored(admin_client):
    post = make_post(body="<p>First draft.</p>", tags=["Sleep"])
    save_in_admin(admin_client, post, body="<p>First draft.</p>", tags="Sleep")
    save_in_admin(admin_client, post, body="<p>Second draft.</p>", tags="Stress")
    versions = Version.objects.get_for_object(post)
    assert versions.count() == 2
    oldest = versions.last()

    history = admin_client.get(reverse("admin:posts_post_history", args=[post.pk]))
    assertContains(history, "Compare selected versions")

    compare = admin_client.get(
        reverse("admin:posts_post_compare", args=[post.pk]),
        {"a": oldest.pk, "b": versions.first().pk},
    )
    assertContains(compare, "First&nbsp;draft.")
    assertContains(compare, "Second&nbsp;draft.")
    assertNotContains(compare, "Last updated")  # derived fields are not compared

    revert_url = reverse("admin:posts_post_revision", args=[post.pk, oldest.pk])
    form = admin_client.get(revert_url)
    assertContains(form, "First draft.")
    response = admin_client.post(
        revert_url,
        form_data(
            title=post.title,
            slug=post.slug,
            body="<p>First draft.</p>",
            tags="Sleep",
            status="published",
            published_at_0=timezone.localtime(post.published_at).strftime("%Y-%m-%d"),
            published_at_1=timezone.localtime(post.published_at).strftime("%H:%M:%S"),
        ),
    )
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.body == "<p>First draft.</p>"
    assert list(post.tags.names()) == ["Sleep"]


def test_compare_with_bad_ids_is_404(admin_client):
    post = make_post()
    url = reverse("admin:posts_post_compare", args=[post.pk])
    assert admin_client.get(url).status_code == 404
    assert admin_client.get(url, {"a": "x", "b": "1"}).status_code == 404
    assert admin_client.get(url, {"a": "999", "b": "998"}).status_code == 404


def test_a_deleted_post_can_be_recovered(admin_client):
    post = make_post(title="Precious words", body="<p>Years of work.</p>")
    save_in_admin(admin_client, post)
    admin_client.post(
        reverse("admin:posts_post_delete", args=[post.pk]), {"post": "yes"}
    )
    assert not Post.objects.exists()
    recover_list = admin_client.get(reverse("admin:posts_post_recoverlist"))
    assertContains(recover_list, "Precious words")
    version = Version.objects.get_deleted(Post).get()
    recover_url = reverse("admin:posts_post_recover", args=[version.pk])
    response = admin_client.post(
        recover_url,
        form_data(
            title="Precious words",
            slug=post.slug,
            body="<p>Years of work.</p>",
            status="published",
            published_at_0=timezone.localtime(post.published_at).strftime("%Y-%m-%d"),
            published_at_1=timezone.localtime(post.published_at).strftime("%H:%M:%S"),
        ),
    )
    assert response.status_code == 302
    assert Post.objects.get().body == "<p>Years of work.</p>"


def test_compare_shows_what_the_author_edits_with_london_times(admin_client):
    post = make_draft(body="<p>One.</p>")
    admin_client.post(
        reverse("admin:posts_post_change", args=[post.pk]),
        form_data(title=post.title, slug=post.slug, body="<p>One.</p>"),
    )
    save_in_admin(
        admin_client,
        post,
        body="<h2>Part</h2><p>Two more words.</p>",
        status="published",
        published_at_0="2026-07-01",  # entered in Edinburgh time (BST)
        published_at_1="09:00:00",
    )
    newer, older = Version.objects.get_for_object(post)[:2]
    response = admin_client.get(
        reverse("admin:posts_post_compare", args=[post.pk]),
        {"a": older.pk, "b": newer.pk},
    )
    labels = [label for label, _ in response.context["diffs"]]
    # No word count, plain text, contents, teaser or "last updated".
    assert labels == ["body", "status", "published at"]
    assertContains(response, "1&nbsp;July&nbsp;2026,&nbsp;09:00&nbsp;BST")
    assertContains(response, '<span class="diff_add">Published</span>')
    assertNotContains(response, "+00:00")


def test_save_version_keeps_a_version_for_code_outside_the_admin():
    post = make_post(body="<p>Imported.</p>")
    save_version(post, "Imported from Drupal")
    version = Version.objects.get_for_object(post).get()
    assert version.revision.get_comment() == "Imported from Drupal"
    assert version.field_dict["body"] == "<p>Imported.</p>"


# --- Preview and publishing -----------------------------------------------------


def test_change_form_offers_a_preview_at_the_real_url(admin_client):
    post = make_draft(slug="preview-me")
    response = admin_client.get(reverse("admin:posts_post_change", args=[post.pk]))
    assertContains(response, 'href="/posts/preview-me/"')
    assertContains(response, ">Preview</a>")
    assertContains(response, 'name="_publish_now"')
    preview = admin_client.get("/posts/preview-me/")
    assertContains(preview, "Draft — not public")


def test_public_posts_have_no_publish_now_button(admin_client):
    post = make_post()
    response = admin_client.get(reverse("admin:posts_post_change", args=[post.pk]))
    assertNotContains(response, 'name="_publish_now"')


def test_save_and_publish_now(admin_client, client):
    post = make_scheduled(slug="later", published_at=timezone.now() + timedelta(days=3))
    data = form_data(
        title=post.title,
        slug="later",
        body=post.body,
        status="published",
        published_at_0=timezone.localtime(post.published_at).strftime("%Y-%m-%d"),
        published_at_1="09:00:00",
        _publish_now="Save and publish now",
    )
    response = admin_client.post(
        reverse("admin:posts_post_change", args=[post.pk]), data
    )
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.published_at <= timezone.now()
    assert client.get("/posts/later/").status_code == 200


def test_publish_now_on_a_new_draft(admin_client):
    admin_client.post(
        reverse("admin:posts_post_add"), form_data(_publish_now="Save and publish now")
    )
    post = Post.objects.get()
    assert post.status == Post.Status.PUBLISHED
    assert post in Post.objects.published()


# --- Query counts ---------------------------------------------------------------


@pytest.mark.parametrize("n", [1, 5])
def test_post_page_with_everything_stays_flat(
    client, django_assert_num_queries, n, no_page_cache
):
    series = Series.objects.create(title="S", slug="s")
    posts = []
    for position in range(1, n + 1):
        post = make_post(
            series=series,
            series_position=position,
            tags=["a", "b", "c", "d", "e"],
            featured_image=ContentFile(images.jpeg((600, 300)), name="pic.jpg"),
            featured_image_alt="A picture",
        )
        for i in range(n):
            post.attachments.create(
                title=f"File {i}", file=ContentFile(images.PDF, name="f.pdf")
            )
        posts.append(post)
    client.get(posts[0].get_absolute_url())  # as a reader before us
    # post + series, tags, attachments, chosen related, talks, previous, next,
    # the series' parts, posts sharing tags
    with django_assert_num_queries(9):
        response = client.get(posts[0].get_absolute_url())
    assert response.status_code == 200
    assertContains(response, 'type="image/webp"')


def test_images_need_alt_text_and_must_be_our_own(admin_client):
    body = (
        '<p>Text.</p><figure class="image"><img src="/media/uploads/a.jpg"></figure>'
        '<img src="https://elsewhere.example/photo.jpg" alt="A photo">'
    )
    response = admin_client.post(reverse("admin:posts_post_add"), form_data(body=body))
    assertContains(response, "1 image has no text alternative")
    assertContains(response, "Images from other websites cannot be shown here")
    assertContains(response, "elsewhere.example")
    assert not Post.objects.exists()

    fine = (
        '<p>Text.</p><img src="/media/uploads/a.jpg" alt="A diagram">'
        '<img src="https://blog.example.org/media/b.png" alt="">'  # decorative
    )
    response = admin_client.post(reverse("admin:posts_post_add"), form_data(body=fine))
    assert response.status_code == 302
