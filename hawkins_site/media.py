"""What may be served from MEDIA_ROOT, and how.

Only the kinds of file the site itself writes are ever served: images inline,
documents as downloads, each with its content type fixed here (never guessed
from the contents), `nosniff` and a sandboxing Content-Security-Policy. Anything
else (HTML, SVG, XML, scripts, a name without an extension) is a 404, and the
upload paths never write such a name in the first place (`safe_extension`).
In production nginx applies the same rules (README, "Security")."""

import re
from pathlib import PurePosixPath

from django.conf import settings
from django.http import Http404
from django.urls import re_path
from django.utils.http import content_disposition_header
from django.views.static import serve

IMAGE_TYPES = {
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "png": "image/png",
    "gif": "image/gif",
    "webp": "image/webp",
}
OOXML = "application/vnd.openxmlformats-officedocument"
DOWNLOAD_TYPES = {
    "pdf": "application/pdf",
    "doc": "application/msword",
    "docx": f"{OOXML}.wordprocessingml.document",
    "ppt": "application/vnd.ms-powerpoint",
    "pptx": f"{OOXML}.presentationml.presentation",
    "xls": "application/vnd.ms-excel",
    "xlsx": f"{OOXML}.spreadsheetml.sheet",
    "odt": "application/vnd.oasis.opendocument.text",
    "odp": "application/vnd.oasis.opendocument.presentation",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
}
SERVABLE = IMAGE_TYPES | DOWNLOAD_TYPES
# Where unknown kinds of file end up: stored, never served.
QUARANTINE_EXTENSION = "bin"
MEDIA_CSP = "default-src 'none'; sandbox"


def extension_of(name):
    return PurePosixPath(name or "").suffix.lower().lstrip(".")


def safe_extension(extension):
    """`extension` if the site serves that kind of file, else "bin": a file
    called .html, .svg or .xml can never be written under MEDIA_ROOT."""
    extension = (extension or "").lower()
    return extension if extension in SERVABLE else QUARANTINE_EXTENSION


def media_headers(response, path):
    """The headers every media response carries (nginx sets the same)."""
    extension = extension_of(path)
    response["Content-Type"] = SERVABLE[extension]
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = MEDIA_CSP
    if extension not in IMAGE_TYPES:
        name = PurePosixPath(path).name
        response["Content-Disposition"] = content_disposition_header(True, name)
    return response


def serve_media(request, path):
    """Uploaded files while developing (DEBUG); nginx serves them in production."""
    if extension_of(path) not in SERVABLE:
        raise Http404("This kind of file is not served.")
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    return media_headers(response, path)


def media_urlpatterns():
    prefix = re.escape(settings.MEDIA_URL.lstrip("/"))
    return [re_path(rf"^{prefix}(?P<path>.+)$", serve_media, name="media")]
