"""Times as readers in the UK read them: in the site's zone, Europe/London."""

from django.utils import timezone


def zone_name(moment):
    """GMT or BST for `moment`. (Django's "T" format gives "" in the hour that
    happens twice when the clocks go back; the datetime itself knows which.)"""
    return timezone.localtime(moment).tzname()
