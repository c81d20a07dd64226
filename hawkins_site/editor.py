"""The editor's image upload endpoint (CKEditor 5's simple upload adapter).

Staff only, CSRF-protected (the editor sends the token as X-CSRFToken), and every
image is verified and re-encoded by hawkins_site.images before it is stored."""

from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.http import JsonResponse
from django.views.decorators.http import require_POST

from .images import clean_image_file


def _refuse(message, status):
    # CKEditor shows error.message to the author as it is.
    return JsonResponse({"error": {"message": message}}, status=status)


@require_POST
def image_upload(request):
    if not (request.user.is_authenticated and request.user.is_staff):
        return _refuse(
            "Only the site's editors can upload images. Your session may have "
            "expired: log in again in another tab, then retry.",
            403,
        )
    upload = request.FILES.get("upload")
    if upload is None:
        return _refuse("No file arrived. Please try the upload again.", 400)
    try:
        content, _ = clean_image_file(upload, folder="uploads")
    except ValidationError as error:
        return _refuse(error.messages[0], 400)
    name = default_storage.save(content.name, content)
    return JsonResponse({"url": default_storage.url(name)})
