"""Draw the site's raster icons from the lemon-slice logo (static/img/logo.svg),
with Pillow, so browsers, the admin's tab and feed readers that ask for
/favicon.ico or /apple-touch-icon.png get one:

    .venv/bin/python scripts/make_icons.py

writes static/root/favicon.ico (16, 32 and 48 px) and
static/root/apple-touch-icon.png (180 px). Both are committed; run this again
only when the logo changes."""

import math
import sys
from pathlib import Path

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parent.parent / "static" / "root"
RIND, PITH, FLESH = "#e8a200", "#fff7d1", "#f6cb2f"
SCALE = 8  # draw large, then shrink: smooth edges without an SVG renderer


def lemon(size, background=None):
    """The logo's geometry (a 64-unit square) drawn at `size` pixels."""
    big = size * SCALE
    unit = big / 64
    image = Image.new("RGBA", (big, big), background or (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)

    def circle(radius, fill):
        r = radius * unit
        c = 32 * unit
        draw.ellipse((c - r, c - r, c + r, c + r), fill=fill)

    circle(31, RIND)
    circle(27, PITH)
    # Eight segments between 5 and 22.5 units from the centre, 35 degrees
    # wide with a gap between them, as in the SVG.
    c = 32 * unit
    for k in range(8):
        middle = -90 + 22.5 + 45 * k
        points = []
        for angle in (middle - 17.5, middle + 17.5):
            a = math.radians(angle)
            points.append((c + 5 * unit * math.cos(a), c + 5 * unit * math.sin(a)))
        arc = [
            math.radians(middle + 17.5 - i * 35 / 24) for i in range(25)
        ]  # outer edge, back from +17.5 to -17.5 degrees
        points += [
            (c + 22.5 * unit * math.cos(a), c + 22.5 * unit * math.sin(a)) for a in arc
        ]
        draw.polygon(points, fill=FLESH)
    circle(2.5, PITH)
    return image.resize((size, size), Image.LANCZOS)


def main():
    ROOT.mkdir(parents=True, exist_ok=True)
    sizes = [16, 32, 48]
    icon = lemon(48)
    icon.save(ROOT / "favicon.ico", sizes=[(s, s) for s in sizes])
    # iOS shows no transparency: the slice on the pages' paper colour (--paper).
    touch = Image.new("RGB", (180, 180), "#fdfcf8")
    touch.paste(lemon(160), (10, 10), lemon(160))
    touch.save(ROOT / "apple-touch-icon.png", optimize=True)
    sys.stdout.write(f"wrote {ROOT}/favicon.ico and apple-touch-icon.png\n")


if __name__ == "__main__":
    main()
