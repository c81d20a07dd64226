from django.core.paginator import Paginator
from django.http import Http404

from .params import requested_page

PER_PAGE = 10


def paginate(request, object_list, per_page=PER_PAGE, allow_empty=True):
    """The requested page of `object_list` (two queries: count, then rows).

    A missing, non-numeric or non-positive ?page= means page 1; a page past the
    end is a 404, so search engines never index duplicates of the last page.
    With allow_empty=False an empty list is a 404 too. The page number is
    noted on the request for the canonical URL (context_processors.site).
    """
    number = requested_page(request)
    paginator = Paginator(object_list, per_page, allow_empty_first_page=allow_empty)
    if paginator.count == 0 and not allow_empty:
        raise Http404("Nothing to list here.")
    if number is None or number > paginator.num_pages:
        raise Http404("That page number is past the last page.")
    request.page_number = number
    return paginator.page(number)
