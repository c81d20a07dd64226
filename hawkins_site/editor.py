"""The editor's image upload endpoint (CKEditor 5's simple upload adapter).

Staff only, CSRF-protected (the editor sends the token as X-CSRFToken), and every
image is verified and re-encoded by hawkins_site.images before it is stored."""

from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.http import JsonResponse
from django.urls import reverse
from django.views import csrf
from django.views.decorators.http import require_POST

from .images import clean_image_file

# The editor reads the CSRF token once, when the page opens; logging in again
# (here or in another tab) gives the session a new one, so every later upload
# from that page fails until it is reloaded. admin-drafts.js keeps the text.
# Saving the form would bounce too (its token is as old), so: reload first.
SESSION_CHANGED = (
    "Your session changed (you logged in again), so the image was not "
    "uploaded. Reload this page (your unsaved text will be offered back), "
    "then upload the image again."
)
SESSION_EXPIRED = (
    "Your session has expired, so the image was not uploaded: log in again "
    "in another tab, then reload this page (your unsaved text will be offered "
    "back) and upload the image again."
)


def _refuse(message, status):
    # CKEditor shows error.message to the author as it is.
    return JsonResponse({"error": {"message": message}}, status=status)


@require_POST
def image_upload(request):
    if not (request.user.is_authenticated and request.user.is_staff):
        if request.user.is_authenticated:
            return _refuse("Only the site's editors can upload images.", 403)
        return _refuse(SESSION_EXPIRED, 403)
    upload = request.FILES.get("upload")
    if upload is None:
        return _refuse("No file arrived. Please try the upload again.", 400)
    try:
        content, _ = clean_image_file(upload, folder="uploads")
    except ValidationError as error:
        return _refuse(error.messages[0], 400)
    name = default_storage.save(content.name, content)
    return JsonResponse({"url": default_storage.url(name)})


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: for the editor's upload a message the editor shows
    (the usual HTML page only makes it say "Couldn't upload file"); Django's
    own 403 page everywhere else."""
    if request.path == reverse("editor_image_upload"):
        return _refuse(SESSION_CHANGED, 403)
    return csrf.csrf_failure(request, reason)
