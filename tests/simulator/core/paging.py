"""Filters and paging for Hosted Exchange distribution groups and contacts.

Filters (<displaynamefilter>, <emailfilter>, <syncfilter>) match a case-insensitive substring; a filter holding
'*' is a wildcard pattern instead ('M*' = starts with M). The guide shows 'M' as a filter without saying which,
and a substring match is the superset, so a client that assumed "starts with" still finds its groups.

Paging: <pageindex> is 1-based, <pagesize> defaults to DEFAULT_PAGE_SIZE. The guide documents no total count, so
the answer carries none: a client has read the last page when a page holds fewer than pagesize entries (possibly
zero). Items are ordered by display name (case-insensitive), then id, so pages are stable between calls.
"""

import fnmatch

from .values import norm, parse_int, text

DEFAULT_PAGE_SIZE = 100


def matches(pattern, *values):
    if not pattern:
        return True
    wanted = norm(pattern)
    if "*" in wanted:
        return any(fnmatch.fnmatchcase(norm(value), wanted) for value in values if value)
    return any(wanted in norm(value) for value in values if value)


def page(items, request_el, what):
    """The slice of items the request's <pageindex>/<pagesize> ask for (errors 38 for non-integers or < 1)."""
    index_text = text(request_el, "pageindex")
    size_text = text(request_el, "pagesize")
    index = parse_int(index_text, what + " <pageindex>", minimum=1) if index_text else 1
    size = parse_int(size_text, what + " <pagesize>", minimum=1) if size_text else DEFAULT_PAGE_SIZE
    ordered = sorted(items, key=lambda item: (norm(item.get("displayname")), item.get("id", 0)))
    start = (index - 1) * size
    return ordered[start:start + size]
