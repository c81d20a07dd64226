"""Free slugs: the one way this site numbers a slug that is already taken."""


def free_slug(base, rows):
    """`base`, else `base-2`, `base-3` …: the first slug no row of `rows` (a
    queryset of a model with a `slug`) has taken, found in one query."""
    taken = set(rows.filter(slug__startswith=base).values_list("slug", flat=True))
    slug, n = base, 1
    while slug in taken:
        n += 1
        slug = f"{base}-{n}"
    return slug
