"""The blog's models: posts and what hangs off them (content.py), and the old
addresses and Drupal bookkeeping of the move from the old site (legacy.py)."""

from .content import (
    DERIVED_FIELDS,
    Attachment,
    Post,
    PostQuerySet,
    PostTagManager,
    Series,
    SeriesQuerySet,
    TaggedPost,
    featured_image_upload_to,
    public_tag_choices,
    public_tag_list,
    public_tags,
    searchable,
)
from .legacy import DrupalNode, LegacyPath

__all__ = [
    "DERIVED_FIELDS",
    "Attachment",
    "DrupalNode",
    "LegacyPath",
    "Post",
    "PostQuerySet",
    "PostTagManager",
    "Series",
    "SeriesQuerySet",
    "TaggedPost",
    "featured_image_upload_to",
    "public_tag_choices",
    "public_tag_list",
    "public_tags",
    "searchable",
]
