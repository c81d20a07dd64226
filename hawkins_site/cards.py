"""Sharing-card images (1200×630, what Facebook, LinkedIn, X and messaging apps
show beside a link) drawn with Pillow from a title and the site's name, for pages
without a featured image. Made once and stored; never drawn per request."""

import io
import secrets

from django.conf import settings
from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.text import slugify
from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 1200, 630
PAPER = (253, 252, 248)
INK = (28, 38, 40)
ACCENT = (31, 95, 91)
ZEST = (232, 162, 0)


def _font(size):
    return ImageFont.load_default(size=size)  # Pillow's built-in scalable font


def _wrap(draw, text, font, width, max_lines):
    words, lines, line = text.split(), [], ""
    for word in words:
        trial = f"{line} {word}".strip()
        if draw.textlength(trial, font=font) <= width or not line:
            line = trial
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1].rstrip(" ,;:.") + "\u2026"
    return lines


def draw_card(title, subtitle=None):
    """PNG bytes of a 1200×630 card with `title` and the site's name."""
    image = Image.new("RGB", (WIDTH, HEIGHT), PAPER)
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, 0, WIDTH, 18], fill=ACCENT)
    draw.ellipse([980, 380, 1260, 660], fill=ZEST)
    draw.ellipse([1010, 410, 1230, 630], fill=(255, 247, 209))
    size = 72
    font = _font(size)
    lines = _wrap(draw, title, font, 880, 4)
    while len(lines) == 4 and size > 52:
        size -= 6
        font = _font(size)
        lines = _wrap(draw, title, font, 880, 4)
    y = 110
    for line in lines:
        draw.text((80, y), line, font=font, fill=INK)
        y += int(size * 1.2)
    draw.text((80, 520), subtitle or settings.SITE_TITLE, font=_font(36), fill=ACCENT)
    out = io.BytesIO()
    image.save(out, "PNG", optimize=True)
    return out.getvalue()


def store_card(storage, title, folder="cards"):
    """Draw a card for `title`, save it under a dated name, return the name."""
    month = timezone.localtime().strftime("%Y/%m")
    stem = slugify(title)[:50] or "card"
    name = f"{folder}/{month}/{stem}-{secrets.token_urlsafe(6)}.png"
    return storage.save(name, ContentFile(draw_card(title)))
