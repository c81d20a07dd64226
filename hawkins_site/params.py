"""Numbers typed into URLs (?page=, ?year=, /archive/<year>/), read one way
everywhere: only plain ASCII digits count. ("²" and "٢" pass str.isdigit() but
not int(), and thousands of digits exceed int()'s limit: both would be a 500.)"""

# Years a datetime lookup can take without overflowing (datetime.MAXYEAR - 1).
MIN_YEAR, MAX_YEAR = 1, 9998
# Longer digit strings are past any real last page (and too long for int()).
MAX_PAGE_DIGITS = 18


def _digits(text, max_digits):
    """int(text) for up to `max_digits` plain ASCII digits, else None."""
    text = text or ""
    if text.isascii() and text.isdigit() and len(text) <= max_digits:
        return int(text)
    return None


def parse_year(text):
    """The year in `text` if it is one a date lookup can take, else None."""
    year = _digits(text, 4)
    return year if year is not None and MIN_YEAR <= year <= MAX_YEAR else None


def requested_page(request):
    """The ?page= number asked for: 1 when it is missing, not a plain ASCII
    number ("abc", "1.5", "-1", "²"), or 0; None when it is absurdly long."""
    raw = request.GET.get("page")
    if raw is None:
        return 1
    number = _digits(raw, MAX_PAGE_DIGITS) if raw.isascii() and raw.isdigit() else 1
    number = None if number is None else max(number, 1)
    if str(number) != raw:
        mark_not_canonical(request)  # ?page=abc, ?page=0, ?page=007: another name
    return number


def mark_not_canonical(request):
    """The page ignored a query value or read it another way (?page=abc,
    ?year=1850 with no posts): the answer is right, but the page cache must not
    keep one copy per spelling (hawkins_site/middleware.py)."""
    request.query_is_canonical = False
