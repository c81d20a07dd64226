"""Every image that enters the site passes through here: verified and re-encoded
with Pillow (format allow-list, size and pixel limits, EXIF orientation applied,
EXIF data such as GPS location dropped), and later cut into renditions.

Re-encoding is the point: whatever rode along in the file (metadata, a second
image, a payload) does not survive it. Files that visibly carry web-page code
are refused outright."""

import io
import re
import secrets
import warnings
from dataclasses import dataclass
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.text import slugify
from PIL import Image, ImageCms, ImageOps, ImageSequence, UnidentifiedImageError

from .media import extension_of, safe_extension

# Pillow format name -> (extension, content type)
FORMATS = {
    "JPEG": ("jpg", "image/jpeg"),
    "PNG": ("png", "image/png"),
    "WEBP": ("webp", "image/webp"),
    "GIF": ("gif", "image/gif"),
}
MAX_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 40_000_000
# An animation is re-encoded frame by frame: its frames together may hold this
# many times the still-image pixel limit (a 480×270 clip of 1,500 frames).
ANIMATION_BUDGET = 5

# Web-page code hidden in an image file (a "polyglot": appended after the image,
# or in a comment or text chunk). The patterns are long enough that compressed
# pixel data matches them by chance about once in a million 10 MB files.
HIDDEN_MARKUP = re.compile(
    rb"<script|<html[\s>]|<!doctype\s+html|<iframe|<\?php|javascript:"
    rb"|<svg\s[^>]{0,200}xmlns|\son(?:error|load)\s*=",
    re.IGNORECASE,
)

BOMB_ERRORS = (Image.DecompressionBombError, Image.DecompressionBombWarning)
PIL_ERRORS = (
    UnidentifiedImageError,
    *BOMB_ERRORS,
    OSError,
    SyntaxError,
    ValueError,
)


@dataclass
class CleanImage:
    content: bytes
    extension: str
    width: int
    height: int


def _megabytes(n):
    return f"{n / 1024 / 1024:.1f} MB"


def _read_within_limit(uploaded, max_bytes):
    size = getattr(uploaded, "size", None)
    too_large = ValidationError(
        f"The image is too large"
        f"{f' ({_megabytes(size)})' if size else ''}. "
        f"The limit is {max_bytes // 1024 // 1024} MB.",
        code="too_large",
    )
    if size is not None and size > max_bytes:
        raise too_large
    uploaded.seek(0)
    data = uploaded.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise too_large
    return data


def _too_many_pixels(max_pixels, width=None, height=None, error=None):
    if width is None and error is not None:
        # Pillow refused to open it (DecompressionBombError/Warning): its message
        # gives the pixel count, "Image size (108000000 pixels) exceeds …".
        found = re.search(r"\((\d+) pixels\)", str(error))
        size = f"{int(found[1]) / 1_000_000:.0f} megapixels" if found else None
    else:
        size = f"{width}×{height} pixels" if width else None
    return ValidationError(
        f"The image is {size or 'far too large'}, more than the "
        f"{max_pixels // 1_000_000} megapixels we accept. "
        "Please scale it down first.",
        code="too_many_pixels",
    )


def clean_image(uploaded):
    """The upload as a safe, re-encoded image, or ValidationError saying why not."""
    max_bytes = getattr(settings, "IMAGE_MAX_BYTES", MAX_BYTES)
    max_pixels = getattr(settings, "IMAGE_MAX_PIXELS", MAX_PIXELS)
    data = _read_within_limit(uploaded, max_bytes)
    not_an_image = ValidationError(
        "This file is not a picture we can use. Upload a JPEG, PNG, WebP or GIF "
        "image (SVG and other formats are not accepted).",
        code="not_an_image",
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(io.BytesIO(data)) as probe:
                if probe.format not in FORMATS:
                    raise not_an_image
                width, height = probe.size
                frames = getattr(probe, "n_frames", 1)
                probe.verify()
        except BOMB_ERRORS as error:
            raise _too_many_pixels(max_pixels, error=error) from error
        except PIL_ERRORS as error:
            raise not_an_image from error
        if width * height > max_pixels:
            raise _too_many_pixels(max_pixels, width, height)
        if frames > 1 and width * height * frames > max_pixels * ANIMATION_BUDGET:
            raise ValidationError(
                f"The animation has {frames} frames of {width}×{height} pixels, "
                "more than we can re-encode. Shorten it or make it smaller.",
                code="too_many_frames",
            )
        if HIDDEN_MARKUP.search(data):
            raise ValidationError(
                "This file contains web-page code (HTML or script) as well as a "
                "picture, so it was refused. Export the image again from a photo "
                "editor and upload that.",
                code="hidden_markup",
            )
        try:
            with Image.open(io.BytesIO(data)) as image:
                image.load()  # a truncated file fails here
                fmt = image.format
                content = _reencode(image, fmt)
            with Image.open(io.BytesIO(content)) as final:
                width, height = final.size
        except PIL_ERRORS as error:
            raise ValidationError(
                "The image file is damaged or incomplete (perhaps cut short while "
                "copying). Please export or download it again.",
                code="damaged",
            ) from error
    return CleanImage(content, FORMATS[fmt][0], width, height)


def _reencode(image, fmt):
    """Pixels only: orientation applied, metadata dropped (colour profile kept).
    Animated GIF and WebP keep every frame and their timing."""
    out = io.BytesIO()
    if fmt == "GIF":
        image.save(out, "GIF", save_all=getattr(image, "n_frames", 1) > 1)
        return out.getvalue()
    if fmt == "WEBP" and getattr(image, "n_frames", 1) > 1:
        durations = []
        for frame in ImageSequence.Iterator(image):
            frame.load()  # Pillow sets a WebP frame's duration as it decodes it
            durations.append(frame.info.get("duration", 100))
        image.seek(0)
        image.save(
            out,
            "WEBP",
            save_all=True,
            duration=durations,
            loop=image.info.get("loop", 0),
            quality=88,
        )
        return out.getvalue()
    icc = image.info.get("icc_profile")
    options = {"icc_profile": icc} if icc else {}
    upright = ImageOps.exif_transpose(image)
    if fmt == "JPEG":
        if upright.mode not in ("RGB", "L", "CMYK"):
            upright = on_white(upright)
        upright.save(out, "JPEG", quality=88, optimize=True, **options)
    elif fmt == "PNG":
        upright.save(out, "PNG", optimize=True, **options)
    else:
        upright.save(out, "WEBP", quality=88, **options)
    return out.getvalue()


def unguessable_name(original_name, extension, folder):
    """`folder/YYYY/MM/<slug>-<random>.<ext>`: dated, readable, not guessable.
    An extension the site does not serve (.html, .svg…) becomes .bin."""
    stem = slugify(PurePosixPath(original_name or "image").stem)[:60] or "file"
    month = timezone.localtime().strftime("%Y/%m")
    ext = safe_extension(extension)
    return f"{folder}/{month}/{stem}-{secrets.token_urlsafe(9)}.{ext}"


def keep_or_unguessable(filename, folder):
    """For upload_to: keep a name unguessable_name() already made for `folder`,
    give any other file one."""
    ext = extension_of(filename)
    if filename.startswith(f"{folder}/") and safe_extension(ext) == ext:
        return filename
    return unguessable_name(filename, ext, folder)


def clean_image_file(uploaded, folder="uploads"):
    """clean_image() wrapped as a ContentFile named for storage."""
    clean = clean_image(uploaded)
    name = unguessable_name(getattr(uploaded, "name", ""), clean.extension, folder)
    return ContentFile(clean.content, name=name), clean


# --- Colour and transparency ----------------------------------------------------

# Modes with an alpha band. A palette or greyscale image may instead name one
# transparent colour in info["transparency"] (GIF, PNG tRNS): also alpha.
ALPHA_MODES = {"RGBA", "RGBa", "LA", "La", "PA"}
SRGB = ImageCms.createProfile("sRGB")


def has_alpha(image):
    return image.mode in ALPHA_MODES or "transparency" in image.info


def on_white(image):
    """The image as RGB, any transparency composited onto white (JPEG has no
    alpha: converting directly shows black, or colours hidden under it)."""
    if not has_alpha(image):
        return image if image.mode == "RGB" else image.convert("RGB")
    rgba = (image.convert("LA") if image.mode == "La" else image).convert("RGBA")
    white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
    return Image.alpha_composite(white, rgba).convert("RGB")


def to_srgb(image):
    """RGB, or RGBA when the image has transparency, in sRGB (what browsers
    assume of an image without a colour profile): an embedded ICC profile
    (Adobe RGB, Display P3, a CMYK press profile, a grey gamma) is applied,
    16-bit greyscale is scaled to 8 bits rather than clipped to white."""
    icc = image.info.get("icc_profile")
    if image.mode.startswith("I"):  # PNG 16-bit greyscale: 0…65535
        image = image.convert("I").point(lambda value: value / 256).convert("L")
    alpha = None
    if has_alpha(image):
        grey = image.mode in ("L", "LA", "La")
        image = image.convert("LA" if grey else "RGBA")
        alpha = image.getchannel("A")
        image = image.convert("L" if grey else "RGB")
    if image.mode == "1":
        image = image.convert("L")
    elif image.mode not in ("L", "RGB", "CMYK"):
        image = image.convert("RGB")
    converted = None
    if icc:
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            converted = ImageCms.profileToProfile(image, source, SRGB, outputMode="RGB")
        except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
            converted = None  # a broken or mismatched profile: use the numbers
    image = converted or image.convert("RGB")
    if alpha is not None:
        image.putalpha(alpha)
    return image


# --- Renditions -----------------------------------------------------------------

RENDITION_WIDTHS = (480, 960, 1600)
SOCIAL_CARD_SIZE = (1200, 630)
WEBP_MAX_SIDE = 16383  # libwebp's limit per side
# Featured images beyond 10:1 either way are refused (featured_image_problem):
# phone panoramas stay within about 8:1, while at 10:1 the 480-pixel rendition
# is 48 pixels high and the 1.9:1 social card would show a fifth of the picture.
MAX_ASPECT_RATIO = 10


@dataclass
class Rendered:
    """Renditions encoded in memory, not yet stored."""

    width: int
    height: int
    sizes: list  # [{"width", "height", "webp": bytes, "jpg": bytes}]
    card: bytes


def featured_image_problem(width, height):
    """A plain sentence when an image's shape cannot make a featured image."""
    ratio = max(width / height, height / width)
    if ratio > MAX_ASPECT_RATIO:
        shape = "wide" if width > height else "tall"
        return (
            f"This image is {width}×{height} pixels: too {shape} for a featured "
            f"image (more than {MAX_ASPECT_RATIO} times as {shape} as it is "
            f"{'high' if shape == 'wide' else 'wide'}). Crop it first, or put it "
            "in the text instead."
        )
    return None


def rendition_size(width, height, target):
    """(w, h) for a rendition `target` pixels wide: never wider than the
    original, same shape, each side between 1 and WEBP_MAX_SIDE pixels."""
    w = min(target, width)
    h = height * w / width
    if h > WEBP_MAX_SIDE:
        w, h = w * WEBP_MAX_SIDE / h, WEBP_MAX_SIDE
    return max(1, min(WEBP_MAX_SIDE, round(w))), max(1, min(WEBP_MAX_SIDE, round(h)))


def _encode(image, fmt, **options):
    out = io.BytesIO()
    image.save(out, fmt, **options)
    return out.getvalue()


def render_renditions(image_bytes):
    """The renditions of an image, encoded in memory: WebP (keeping any
    transparency) and JPEG (on white) at each width, and the social card.
    Animations give renditions of their first frame."""
    with Image.open(io.BytesIO(image_bytes)) as original:
        original.load()
        base = to_srgb(ImageOps.exif_transpose(original))
    width, height = base.size
    sizes = []
    for target in RENDITION_WIDTHS:
        w, h = rendition_size(width, height, target)
        resized = base.resize((w, h), Image.Resampling.LANCZOS) if w < width else base
        sizes.append(
            {
                "width": w,
                "height": h,
                "webp": _encode(resized, "WEBP", quality=82),
                "jpg": _encode(on_white(resized), "JPEG", quality=82),
            }
        )
        if w < target or w >= width:  # never upscale, nor repeat a size
            break
    card = ImageOps.fit(on_white(base), SOCIAL_CARD_SIZE, Image.Resampling.LANCZOS)
    return Rendered(width, height, sizes, _encode(card, "JPEG", quality=85))


def store_renditions(storage, source_name, rendered, folder):
    """Save `rendered` to `storage`, described as plain data (stored on the
    row, so pages never touch storage to render them). If any file cannot be
    written, those already written are deleted and the error raised."""
    token = secrets.token_urlsafe(6)
    stem = slugify(PurePosixPath(source_name).stem)[:50] or "image"
    written = []

    def save(data, suffix, ext):
        name = storage.save(
            f"{folder}/{stem}-{token}-{suffix}.{ext}", ContentFile(data)
        )
        written.append(name)
        return name

    try:
        sizes = [
            {
                "width": size["width"],
                "height": size["height"],
                "webp": save(size["webp"], size["width"], "webp"),
                "jpg": save(size["jpg"], size["width"], "jpg"),
                # Feeds announce the JPEG as an enclosure, with its length.
                "jpg_bytes": len(size["jpg"]),
            }
            for size in rendered.sizes
        ]
        card = save(rendered.card, "card", "jpg")
    except Exception:
        delete_quietly(storage, written)
        raise
    return {
        "source": source_name,
        "width": rendered.width,
        "height": rendered.height,
        "sizes": sizes,
        "card": card,
    }


def delete_quietly(storage, names):
    """Remove files written by a save that failed; a file that is already gone
    or cannot be removed must not hide the original error."""
    for name in names:
        try:
            storage.delete(name)
        except Exception:
            pass


def make_renditions(storage, source_name, image_bytes, folder):
    """render_renditions() then store_renditions(): nothing stays behind when
    either fails."""
    return store_renditions(
        storage, source_name, render_renditions(image_bytes), folder
    )
