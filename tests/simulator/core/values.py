"""Small XML and value helpers shared by the service, distribution-group and approval handlers.

Values follow the guide: booleans are accepted as true/yes/1/-1/0/no/false in any case (error 32 otherwise) and
written back as True/False; limits are a number or 'Unlimited' in any case (error 7 otherwise).
Elements are built with xmlio.sub (lxml's SubElement), never with string formatting.
"""

from . import xmlio
from .errors import SimError

# one element builder and one boolean spelling for every package (the handlers import them from here)
sub = xmlio.sub
bool_text = xmlio.bool_text

TRUE_WORDS = frozenset(("true", "yes", "1", "-1"))
FALSE_WORDS = frozenset(("false", "no", "0"))
UNLIMITED = "Unlimited"


def child(el, tag):
    """The first direct child called tag, or None (tags are case-sensitive, as on the real server)."""
    if el is None:
        return None
    return el.find(tag)


def children(el, tag):
    return [] if el is None else el.findall(tag)


def text(el, tag, default=None):
    """Stripped text of the direct child tag; default when the child is absent; '' when it is empty."""
    found = child(el, tag)
    if found is None:
        return default
    return (found.text or "").strip()


def own_text(el):
    return "" if el is None else (el.text or "").strip()


def norm(value):
    """Comparison key for names: case-insensitive, surrounding blanks ignored."""
    return (value or "").strip().casefold()


def parse_bool(value, what):
    word = (value or "").strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise SimError(32, "%s: '%s' is not a Boolean value. Use True or False." % (what, value))


def opt_bool(el, tag, what, default=None):
    """Boolean child value, or default when the child is absent or empty."""
    value = text(el, tag)
    if not value:
        return default
    return parse_bool(value, what)


def parse_limit(value, what):
    word = (value or "").strip()
    if word.lower() == "unlimited":
        return UNLIMITED
    if word.isdigit():
        return int(word)
    raise SimError(7, "%s: '%s' is not a valid limit. Use a whole number or 'Unlimited'." % (what, value))


def limit_text(value):
    return UNLIMITED if value in (None, UNLIMITED) else str(value)


def limit_reached(limit, used):
    return limit not in (None, UNLIMITED) and used >= int(limit)


def parse_int(value, what, minimum=None):
    word = (value or "").strip()
    try:
        number = int(word)
    except ValueError:
        raise SimError(38, "%s: '%s' is not an integer." % (what, value)) from None
    if minimum is not None and number < minimum:
        raise SimError(38, "%s: %d is too small; the smallest allowed value is %d." % (what, number, minimum))
    return number


def subs(parent, pairs):
    """Append one child per (tag, value) pair, in order."""
    for tag, value in pairs:
        sub(parent, tag, value)
    return parent
