class TagSlugConverter:
    """Tag slugs may be non-ASCII (taggit keeps unicode); refuse slashes and
    control characters such as NUL, which PostgreSQL rejects in a query."""

    regex = r"[^/\x00-\x1f\x7f]{1,255}"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value
