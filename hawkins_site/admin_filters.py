"""Admin list filters shared by the post and talk change lists."""

from django.contrib import admin
from django.db.models.functions import ExtractYear

from .params import parse_year


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
            if (year := parse_year(self.value())) is not None:
                return queryset.filter(**{f"{field_name}__year": year})
            return queryset

    YearListFilter.title = title
    return YearListFilter
