"""Image and document files built in memory for the upload tests."""

import io
import struct
import zipfile
import zlib

from PIL import Image


def jpeg(size=(40, 20), color=(200, 100, 50), exif=None):
    out = io.BytesIO()
    image = Image.new("RGB", size, color)
    image.save(out, "JPEG", **({"exif": exif} if exif is not None else {}))
    return out.getvalue()


def png(size=(40, 20), mode="RGB"):
    out = io.BytesIO()
    Image.new(mode, size).save(out, "PNG")
    return out.getvalue()


def gif(size=(10, 10)):
    out = io.BytesIO()
    Image.new("P", size).save(out, "GIF")
    return out.getvalue()


def exif_with_gps_and_rotation():
    """EXIF saying: rotate 90° clockwise to view; taken at a GPS position."""
    exif = Image.Exif()
    exif[0x0112] = 6  # Orientation: rotate 90 CW
    exif[0x010F] = "PhoneMaker"  # Make
    gps = {1: "N", 2: (55.0, 57.0, 1.0), 3: "W", 4: (3.0, 11.0, 2.0)}
    exif[0x8825] = gps  # GPSInfo
    return exif.tobytes()


def png_with_header(width, height):
    """A tiny PNG file whose header claims `width`×`height` pixels."""
    real = png((1, 1))
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    chunk = b"IHDR" + ihdr
    patched = struct.pack(">I", 13) + chunk + struct.pack(">I", zlib.crc32(chunk))
    return real[:8] + patched + real[8 + 25 :]


SVG = (
    b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" '
    b'onload="alert(1)"><circle r="5"/></svg>'
)
HTML = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"


def polyglot_png():
    """A valid PNG with an HTML page appended after its end."""
    return png() + b"<html><body><script>alert(document.domain)</script></body></html>"


def docx():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return out.getvalue()


def odt():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office:document-content/>")
    return out.getvalue()


PDF = b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"


def truncated_jpeg():
    """A JPEG cut off two thirds of the way through, as a failed copy leaves it."""
    noisy = Image.effect_noise((300, 300), 60).convert("RGB")
    out = io.BytesIO()
    noisy.save(out, "JPEG")
    data = out.getvalue()
    return data[: len(data) * 2 // 3]


def encoded(image, fmt="PNG", **options):
    out = io.BytesIO()
    image.save(out, fmt, **options)
    return out.getvalue()


def jpeg_with_header(width, height):
    """A small real JPEG whose frame header (SOF0) claims `width`×`height`."""
    data = bytearray(jpeg((16, 16)))
    sof = data.index(b"\xff\xc0")
    struct.pack_into(">HH", data, sof + 5, height, width)
    return bytes(data)


def swapped_primaries_profile():
    """An RGB colour profile that is sRGB with its red and green primaries
    swapped: under it, pixel values (255, 0, 0) mean pure green."""
    from PIL import ImageCms

    data = bytearray(ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes())
    count = struct.unpack_from(">I", data, 128)[0]
    entries = {}
    for i in range(count):
        signature, offset, size = struct.unpack_from(">4sII", data, 132 + 12 * i)
        entries[signature] = (i, offset, size)
    (r, r_offset, r_size), (g, g_offset, g_size) = entries[b"rXYZ"], entries[b"gXYZ"]
    struct.pack_into(">4sII", data, 132 + 12 * r, b"rXYZ", g_offset, g_size)
    struct.pack_into(">4sII", data, 132 + 12 * g, b"gXYZ", r_offset, r_size)
    return bytes(data)


def animated_webp(durations=(100, 200, 300), size=(20, 20)):
    colours = ["red", "blue", "green", "white", "black"]
    frames = [Image.new("RGB", size, colours[i % 5]) for i in range(len(durations))]
    return encoded(
        frames[0],
        "WEBP",
        save_all=True,
        append_images=frames[1:],
        duration=list(durations),
        loop=0,
    )
