"""Files for the demo content, drawn and written by our own code at seed time:
a featured image (a lemon slice, like the logo) and a one-page PDF handout."""

import io
import math

from PIL import Image, ImageDraw


def lemon_picture(width=1600, height=1000):
    """A JPEG of a lemon slice on a calm blue background."""
    image = Image.new("RGB", (width, height), (214, 233, 240))
    draw = ImageDraw.Draw(image)
    for y in range(height):  # a soft vertical gradient
        shade = int(20 * y / height)
        draw.line([(0, y), (width, y)], fill=(214 - shade, 233 - shade, 240 - shade))
    cx, cy, r = width // 2, height // 2, int(min(width, height) * 0.36)
    draw.ellipse([cx - r, cy - r, cx + r, cy + r], fill=(232, 162, 0))
    inner = int(r * 0.87)
    draw.ellipse([cx - inner, cy - inner, cx + inner, cy + inner], fill=(255, 247, 209))
    for i in range(8):
        start = math.radians(i * 45 - 90 + 5)
        end = math.radians((i + 1) * 45 - 90 - 5)
        points = [(cx + 0.16 * r * math.cos(start), cy + 0.16 * r * math.sin(start))]
        for step in range(11):
            a = start + (end - start) * step / 10
            points.append((cx + 0.78 * r * math.cos(a), cy + 0.78 * r * math.sin(a)))
        points.append((cx + 0.16 * r * math.cos(end), cy + 0.16 * r * math.sin(end)))
        draw.polygon(points, fill=(246, 203, 47))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85)
    return out.getvalue()


def one_page_pdf(title, lines):
    """A minimal, valid one-page PDF with a title and a few lines of text."""

    def escape(text):
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    stream_lines = [
        "BT",
        "/F1 20 Tf",
        "72 760 Td",
        f"({escape(title)}) Tj",
        "/F1 12 Tf",
    ]
    for line in lines:
        stream_lines += ["0 -24 Td", f"({escape(line)}) Tj"]
    stream_lines.append("ET")
    stream = "\n".join(stream_lines).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n"
        % (len(objects) + 1, xref)
    )
    return out.getvalue()
