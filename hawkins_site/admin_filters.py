"""Admin list filters shared by the post and talk change lists."""

from django.contrib import admin
from django.db.models.functions import ExtractYear

# Years a datetime lookup can take without overflowing (datetime.MAXYEAR - 1).
MIN_YEAR, MAX_YEAR = 1, 9998


def year_filter(field_name, title="year"):
    """A list filter offering the years in which `field_name` has values.
    A junk ?year= (letters, huge numbers) is ignored rather than failing."""

    class YearListFilter(admin.SimpleListFilter):
        parameter_name = "year"

        def lookups(self, request, model_admin):
            years = (
                model_admin.model._default_manager.exclude(**{field_name: None})
                .annotate(year=ExtractYear(field_name))
                .values_list("year", flat=True)
                .distinct()
                .order_by("-year")
            )
            return [(str(y), str(y)) for y in years]

        def queryset(self, request, queryset):
            value = self.value() or ""
            if (
                value.isascii()
                and value.isdigit()
                and len(value) <= 4  # int() refuses thousands of digits
                and MIN_YEAR <= int(value) <= MAX_YEAR
            ):
                return queryset.filter(**{f"{field_name}__year": int(value)})
            return queryset

    YearListFilter.title = title
    return YearListFilter
