import io
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage, default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from hawkins_site.images import (
    clean_image,
    clean_image_file,
    has_alpha,
    make_renditions,
    on_white,
    to_srgb,
)
from tests import images


def upload(data, name="picture.png"):
    return SimpleUploadedFile(name, data)


@pytest.mark.parametrize(
    ("maker", "extension"),
    [(images.jpeg, "jpg"), (images.png, "png"), (images.gif, "gif")],
)
def test_good_images_are_accepted_and_reencoded(maker, extension):
    clean = clean_image(upload(maker()))
    assert clean.extension == extension
    Image.open(io.BytesIO(clean.content)).verify()


def test_exif_orientation_is_applied_and_location_dropped():
    data = images.jpeg(size=(40, 20), exif=images.exif_with_gps_and_rotation())
    assert b"PhoneMaker" in data
    clean = clean_image(upload(data, "phone.jpg"))
    with Image.open(io.BytesIO(clean.content)) as image:
        assert image.size == (20, 40)  # rotated upright
        assert not image.getexif()  # no GPS, no camera details
    assert b"PhoneMaker" not in clean.content


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (images.SVG, "SVG and other formats are not accepted"),
        (images.HTML, "not a picture"),
        (b"GIF89a" + images.HTML, "not a picture"),
        (images.polyglot_png(), "web-page code"),
        (images.png_with_header(8000, 6000), "megapixels"),
        (images.truncated_jpeg(), "damaged or incomplete"),
        (b"", "not a picture"),
    ],
    ids=["svg", "html", "gif-header-html", "polyglot", "bomb", "truncated", "empty"],
)
def test_bad_files_are_refused_with_a_plain_reason(data, reason):
    with pytest.raises(ValidationError) as error:
        clean_image(upload(data))
    assert reason in error.value.messages[0]


def test_oversized_upload_is_refused(settings):
    settings.IMAGE_MAX_BYTES = 1024
    with pytest.raises(ValidationError, match="too large"):
        clean_image(upload(images.jpeg((400, 400))))


def test_clean_file_gets_a_dated_unguessable_name():
    first, _ = clean_image_file(upload(images.png(), "My Photo.PNG"), "uploads")
    second, _ = clean_image_file(upload(images.png(), "My Photo.PNG"), "uploads")
    assert first.name.startswith("uploads/")
    assert first.name.split("/")[1].isdigit() and len(first.name.split("/")[2]) == 2
    assert first.name.rsplit("/", 1)[1].startswith("my-photo-")
    assert first.name != second.name


def test_renditions_have_the_fixed_widths_and_a_social_card(tmp_path):
    data = images.jpeg(size=(2000, 1000))
    result = make_renditions(default_storage, "big.jpg", data, "renditions/t")
    assert [(s["width"], s["height"]) for s in result["sizes"]] == [
        (480, 240),
        (960, 480),
        (1600, 800),
    ]
    for size in result["sizes"]:
        for key, fmt in (("webp", "WEBP"), ("jpg", "JPEG")):
            with default_storage.open(size[key]) as f, Image.open(f) as image:
                assert image.format == fmt
                assert image.size == (size["width"], size["height"])
    with default_storage.open(result["card"]) as f, Image.open(f) as card:
        assert card.size == (1200, 630)


def test_small_images_are_not_upscaled():
    result = make_renditions(
        default_storage, "small.png", images.png((700, 350)), "renditions/t"
    )
    assert [s["width"] for s in result["sizes"]] == [480, 700]


# --- Very tall, very wide, failing -------------------------------------------------


@pytest.mark.parametrize(
    ("size", "expected"),
    [
        # 960 wide would be 17,280 high: past WebP's 16,383, so 910 × 16,383 is
        # the largest, and no further size repeats it.
        ((1000, 18000), [(480, 8640), (910, 16383)]),
        # 480 wide would be 0.12 pixels high: at least one pixel.
        ((12000, 3), [(480, 1), (960, 1), (1600, 1)]),
    ],
    ids=["tall", "wide"],
)
def test_renditions_of_extreme_shapes_stay_within_webp_limits(size, expected):
    data = images.encoded(Image.new("L", size, 128))
    result = make_renditions(default_storage, "odd.png", data, "renditions/t")
    assert [(s["width"], s["height"]) for s in result["sizes"]] == expected
    for entry in result["sizes"]:
        with default_storage.open(entry["webp"]) as f, Image.open(f) as image:
            assert image.size == (entry["width"], entry["height"])


def test_a_rendition_that_cannot_be_stored_leaves_no_files(monkeypatch, settings):
    data = images.jpeg((2000, 1000))
    storage = FileSystemStorage(location=settings.MEDIA_ROOT)
    real_save = storage.save
    calls = []

    def failing_save(name, content, **kwargs):
        calls.append(name)
        if len(calls) == 4:
            raise OSError("No space left on device")
        return real_save(name, content, **kwargs)

    monkeypatch.setattr(storage, "save", failing_save)
    with pytest.raises(OSError, match="No space"):
        make_renditions(storage, "big.jpg", data, "renditions/t")
    assert len(calls) == 4
    assert files_under(settings.MEDIA_ROOT) == []


def files_under(root):
    return sorted(p for p in Path(root).rglob("*") if p.is_file())


# --- Transparency, colour profiles, 16-bit ----------------------------------------


def transparent(mode):
    """A 40×20 picture of red hidden under full transparency, in `mode`."""
    rgba = Image.new("RGBA", (40, 20), (255, 0, 0, 0))
    if mode == "LA":
        return Image.new("LA", (40, 20), (0, 0))
    if mode == "P":  # palette with a transparent index (as GIF and PNG8 do)
        image = Image.new("P", (40, 20), 1)
        image.putpalette([0, 0, 0, 255, 0, 0])
        image.info["transparency"] = 1
        return image
    return rgba.convert(mode)


def pixel(storage_name, xy=(5, 5)):
    with default_storage.open(storage_name) as f, Image.open(f) as image:
        image.load()
        return image.mode, image.getpixel(xy)


@pytest.mark.parametrize("mode", ["RGBA", "LA", "P"])
def test_transparent_parts_are_white_in_jpeg_and_the_card_and_kept_in_webp(mode):
    data = images.encoded(transparent(mode))
    result = make_renditions(default_storage, "logo.png", data, "renditions/t")
    size = result["sizes"][0]
    assert pixel(size["jpg"]) == ("RGB", pixel(size["jpg"])[1])
    assert all(channel > 245 for channel in pixel(size["jpg"])[1])  # not black/red
    assert all(channel > 245 for channel in pixel(result["card"], (600, 315))[1])
    mode_webp, value = pixel(size["webp"])
    assert mode_webp == "RGBA" and value[3] == 0  # still see-through


@pytest.mark.parametrize("mode", ["RGBa", "PA", "La"])
def test_every_mode_with_an_alpha_band_counts_as_transparent(mode):
    if mode == "PA":
        image = transparent("P").convert("PA")
        image.putalpha(0)
    else:  # premultiplied: built from their plain modes
        image = transparent({"RGBa": "RGBA", "La": "LA"}[mode]).convert(mode)
    assert has_alpha(image)
    assert on_white(image).getpixel((3, 3)) == (255, 255, 255)
    assert to_srgb(image).mode == "RGBA"


def test_an_embedded_colour_profile_is_applied():
    """The profile says (255, 0, 0) is green; ignoring it would show red."""
    data = images.encoded(
        Image.new("RGB", (40, 20), (255, 0, 0)),
        icc_profile=images.swapped_primaries_profile(),
    )
    result = make_renditions(default_storage, "p3.png", data, "renditions/t")
    for key in ("jpg", "webp"):
        red, green, blue = pixel(result["sizes"][0][key])[1][:3]
        assert green > 200 and red < 60 and blue < 60


def test_sixteen_bit_greyscale_is_scaled_not_white():
    data = images.encoded(Image.new("I;16", (40, 20), 32768))  # mid grey
    result = make_renditions(default_storage, "scan.png", data, "renditions/t")
    assert all(120 <= c <= 136 for c in pixel(result["sizes"][0]["jpg"])[1])
    assert all(120 <= c <= 136 for c in pixel(result["card"], (600, 315))[1])


# --- Decompression bombs, animations ------------------------------------------------


@pytest.mark.parametrize(
    ("data", "shown"),
    [
        # Past Pillow's warning threshold (89.5 MP): refused when opened.
        (images.jpeg_with_header(12000, 9000), "108 megapixels"),
        (images.png_with_header(12000, 9000), "108 megapixels"),
        # Past twice that, Pillow raises DecompressionBombError instead.
        (images.png_with_header(20000, 10000), "200 megapixels"),
    ],
    ids=["jpeg-108mp", "png-108mp", "png-200mp"],
)
def test_huge_pictures_get_the_too_many_pixels_message(data, shown):
    with pytest.raises(ValidationError) as error:
        clean_image(upload(data, "huge.jpg"))
    assert error.value.code == "too_many_pixels"
    assert shown in error.value.messages[0]
    assert "more than the 40 megapixels" in error.value.messages[0]


def test_animated_webp_keeps_every_frame_and_its_timing():
    clean = clean_image(upload(images.animated_webp((100, 200, 300)), "a.webp"))
    with Image.open(io.BytesIO(clean.content)) as image:
        assert image.n_frames == 3
        timing = []
        for frame in range(3):
            image.seek(frame)
            image.load()
            timing.append(image.info["duration"])
    assert timing == [100, 200, 300]


def test_animation_with_too_many_frames_for_its_size_is_refused(settings):
    settings.IMAGE_MAX_PIXELS = 1000  # frames of 20×20: five frames fit
    with pytest.raises(ValidationError) as error:
        clean_image(upload(images.animated_webp((50,) * 20), "long.webp"))
    assert error.value.code == "too_many_frames"
    assert "20 frames" in error.value.messages[0]
