"""Downloadable files (handouts, slides, copies of posts) for posts and talks.

Only an allow-list of document types is accepted, and each file's contents must
match its extension: a renamed HTML page or script is refused, whatever it is
called. Files are stored under a dated, unguessable name."""

import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models

from .images import clean_image, unguessable_name
from .media import extension_of

MAX_BYTES = 25 * 1024 * 1024
# What one save of a post or talk can carry: nginx's client_max_body_size
# (deploy/nginx-hawkins.conf) is 120 MB, room for this many full-size downloads,
# a 10 MB featured image and the form itself.
FILES_PER_SAVE = 4
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .doc/.ppt/.xls container

# extension -> (label shown to readers, how the contents are recognised)
KINDS = {
    "pdf": ("PDF", "pdf"),
    "doc": ("Word", "ole2"),
    "docx": ("Word", "ooxml:word/"),
    "ppt": ("PowerPoint", "ole2"),
    "pptx": ("PowerPoint", "ooxml:ppt/"),
    "xls": ("Excel", "ole2"),
    "xlsx": ("Excel", "ooxml:xl/"),
    "odt": ("OpenDocument text", "odf:application/vnd.oasis.opendocument.text"),
    "odp": (
        "OpenDocument slides",
        "odf:application/vnd.oasis.opendocument.presentation",
    ),
    "ods": (
        "OpenDocument spreadsheet",
        "odf:application/vnd.oasis.opendocument.spreadsheet",
    ),
    "jpg": ("JPEG image", "image"),
    "jpeg": ("JPEG image", "image"),
    "png": ("PNG image", "image"),
    "gif": ("GIF image", "image"),
    "webp": ("WebP image", "image"),
}


def max_bytes():
    return getattr(settings, "ATTACHMENT_MAX_BYTES", MAX_BYTES)


def _matches(uploaded, rule):
    uploaded.seek(0)
    head = uploaded.read(8)
    uploaded.seek(0)
    if rule == "pdf":
        return head.startswith(b"%PDF-")
    if rule == "ole2":
        return head == OLE2
    if not head.startswith(b"PK\x03\x04"):
        return False
    try:
        with zipfile.ZipFile(uploaded) as archive:
            names = archive.namelist()
            if rule.startswith("ooxml:"):
                folder = rule.removeprefix("ooxml:")
                return "[Content_Types].xml" in names and any(
                    n.startswith(folder) for n in names
                )
            if rule.startswith("odf:") and "mimetype" in names:
                return archive.read("mimetype").decode("ascii", "replace").strip() == (
                    rule.removeprefix("odf:")
                )
    except (zipfile.BadZipFile, OSError, KeyError):
        return False
    finally:
        uploaded.seek(0)
    return False


def validate_attachment(uploaded):
    """Raise ValidationError unless `uploaded` is an allowed document whose
    contents match its extension and which is within the size limit."""
    limit = max_bytes()
    if uploaded.size > limit:
        raise ValidationError(
            f"The file is too large ({uploaded.size / 1024 / 1024:.1f} MB). "
            f"The limit is {limit // 1024 // 1024} MB.",
            code="too_large",
        )
    ext = extension_of(uploaded.name)
    if ext not in KINDS:
        allowed = ", ".join(sorted({e.upper() for e in KINDS}))
        raise ValidationError(
            f"Files of type “.{ext}” cannot be attached. Allowed: {allowed}.",
            code="bad_extension",
        )
    label, rule = KINDS[ext]
    if rule == "image":
        clean = clean_image(uploaded)  # raises with a plain reason
        if ("jpg" if ext == "jpeg" else ext) != clean.extension:
            raise ValidationError(
                f"This file is called .{ext} but is a {clean.extension.upper()} "
                "image. Rename it and try again.",
                code="mismatch",
            )
        return
    if not _matches(uploaded, rule):
        raise ValidationError(
            f"This file is called .{ext} but its contents are not a {label} "
            "document, so it was refused.",
            code="mismatch",
        )


def inline_help_text():
    """The downloads inline's advice on sizes (the model's help text is shorter)."""
    each = max_bytes() // 1024 // 1024
    image = settings.IMAGE_MAX_BYTES // 1024 // 1024
    return (
        f"PDF, Word, PowerPoint, Excel or OpenDocument, at most {each} MB each, "
        f"or an image, at most {image} MB. One save carries up to {FILES_PER_SAVE} "
        f"files of {each} MB ({FILES_PER_SAVE * each} MB): add more large files in "
        "a second save."
    )


def attachment_upload_to(instance, filename):
    return unguessable_name(filename, extension_of(filename) or "bin", "attachments")


def human_size(num_bytes):
    """'2.4 MB', '830 KB', '12 bytes': the size as readers see it."""
    if num_bytes < 1024:
        return f"{num_bytes} bytes"
    if num_bytes < 1024 * 1024:
        return f"{round(num_bytes / 1024)} KB"
    return f"{num_bytes / 1024 / 1024:.1f} MB"


class AttachmentBase(models.Model):
    """Fields and behaviour shared by post and talk attachments."""

    title = models.CharField(
        max_length=200, help_text="What readers see, e.g. “Slides” or “Handout”."
    )
    file = models.FileField(
        upload_to=attachment_upload_to,
        max_length=255,
        validators=[validate_attachment],
        help_text="PDF, Word, PowerPoint, Excel or OpenDocument, at most 25 MB; "
        "or an image, at most 10 MB.",
    )
    file_type = models.CharField(max_length=40, editable=False, blank=True)
    file_size = models.PositiveBigIntegerField(editable=False, default=0)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        abstract = True
        ordering = ["position", "pk"]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if self.file and not self.file._committed:
            self._store_clean_image()
        if self.file:
            self.file_type = KINDS.get(extension_of(self.file.name), ("File",))[0]
            try:
                self.file_size = self.file.size
            except (OSError, ValueError):
                pass  # the stored file went missing: keep the last known size
        super().save(*args, **kwargs)

    def _store_clean_image(self):
        """A new picture is stored as clean_image() re-encodes it (orientation
        applied, EXIF such as GPS location dropped), not as uploaded. The form's
        validator has refused bad files; code that saves directly (imports) is
        not validated, so a file Pillow cannot clean is kept as it came, under
        the safe name upload_to gives it."""
        if KINDS.get(extension_of(self.file.name), (None, None))[1] != "image":
            return
        try:
            clean = clean_image(self.file)
        except ValidationError:
            return
        self.file = ContentFile(clean.content, name=self.file.name)

    @property
    def description(self):
        """'PDF, 2.4 MB'"""
        return f"{self.file_type}, {human_size(self.file_size)}"
