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
from PIL import Image, ImageOps, UnidentifiedImageError

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

# Web-page code hidden in an image file (a "polyglot": appended after the image,
# or in a comment or text chunk). The patterns are long enough that compressed
# pixel data matches them by chance about once in a million 10 MB files.
HIDDEN_MARKUP = re.compile(
    rb"<script|<html[\s>]|<!doctype\s+html|<iframe|<\?php|javascript:"
    rb"|<svg\s[^>]{0,200}xmlns|\son(?:error|load)\s*=",
    re.IGNORECASE,
)

PIL_ERRORS = (
    UnidentifiedImageError,
    Image.DecompressionBombError,
    Image.DecompressionBombWarning,
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
                probe.verify()
        except PIL_ERRORS as error:
            raise not_an_image from error
        if width * height > max_pixels:
            raise ValidationError(
                f"The image is {width}×{height} pixels, more than the "
                f"{max_pixels // 1_000_000} megapixels we accept. "
                "Please scale it down first.",
                code="too_many_pixels",
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
    """Pixels only: orientation applied, metadata dropped (colour profile kept)."""
    out = io.BytesIO()
    if fmt == "GIF":
        frames = getattr(image, "n_frames", 1)
        image.save(out, "GIF", save_all=frames > 1)
        return out.getvalue()
    icc = image.info.get("icc_profile")
    options = {"icc_profile": icc} if icc else {}
    upright = ImageOps.exif_transpose(image)
    if fmt == "JPEG":
        if upright.mode not in ("RGB", "L", "CMYK"):
            upright = upright.convert("RGB")
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


# --- Renditions -----------------------------------------------------------------

RENDITION_WIDTHS = (480, 960, 1600)
SOCIAL_CARD_SIZE = (1200, 630)


def make_renditions(storage, source_name, image_bytes, folder):
    """Resized copies of an image saved to `storage`, described as plain data
    (stored on the row, so pages never touch storage to render them)."""
    with Image.open(io.BytesIO(image_bytes)) as original:
        original.load()
        base = ImageOps.exif_transpose(original)
    if base.mode not in ("RGB", "RGBA"):
        base = base.convert("RGBA" if "transparency" in base.info else "RGB")
    width, height = base.size
    token = secrets.token_urlsafe(6)
    stem = slugify(PurePosixPath(source_name).stem)[:50] or "image"

    def save(image, fmt, ext, suffix, **options):
        out = io.BytesIO()
        image.save(out, fmt, **options)
        name = storage.save(
            f"{folder}/{stem}-{token}-{suffix}.{ext}", ContentFile(out.getvalue())
        )
        return name, out.tell()

    sizes = []
    for target in RENDITION_WIDTHS:
        w = min(target, width)
        h = round(height * w / width)
        resized = base.resize((w, h), Image.Resampling.LANCZOS) if w < width else base
        webp, _ = save(resized, "WEBP", "webp", w, quality=82)
        jpg, jpg_bytes = save(resized.convert("RGB"), "JPEG", "jpg", w, quality=82)
        # jpg_bytes: feeds announce the JPEG as an enclosure, with its length.
        sizes.append(
            {"width": w, "height": h, "webp": webp, "jpg": jpg, "jpg_bytes": jpg_bytes}
        )
        if w == width:  # never upscale: larger targets would repeat this one
            break
    card = ImageOps.fit(base.convert("RGB"), SOCIAL_CARD_SIZE, Image.Resampling.LANCZOS)
    return {
        "source": source_name,
        "width": width,
        "height": height,
        "sizes": sizes,
        "card": save(card, "JPEG", "jpg", "card", quality=85)[0],
    }
