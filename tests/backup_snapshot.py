"""Everything a backup must bring back, as plain JSON-able data: every content
row of every model (foreign keys to content types, permissions and users by
natural key, so ids that migrate may assign differently do not matter) and the
SHA-256 of every media file. Run in-process or, printed, in a subprocess."""

import hashlib
import json
import sys

from django.core import serializers
from django.core.files.storage import default_storage

from hawkins_site.backup import _media_names, content_models


def snapshot():
    rows = {}
    for model in content_models():
        queryset = model._default_manager.order_by("pk")
        rows[model._meta.label] = json.loads(
            serializers.serialize("json", queryset, use_natural_foreign_keys=True)
        )
    media = {}
    for name in _media_names(default_storage):
        with default_storage.open(name, "rb") as handle:
            media[name] = hashlib.sha256(handle.read()).hexdigest()
    return {"rows": rows, "media": media}


if __name__ == "__main__":
    import django

    django.setup()
    sys.stdout.write(json.dumps(snapshot()) + "\n")
