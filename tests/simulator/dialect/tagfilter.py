"""Dropping tags from a request before it is processed: a server that does not read them.

The real server silently ignores every tag it does not know (DESIGN point 1), so a server of another release, a
guide typo or a customised deployment turns part of a SET into a no-op that still answers success. This module
removes such tags from the parsed request, so every handler behind it behaves exactly as if they had never been
sent. Rules come from the ``ignore_tags`` config hook and from what a release lacks (releases.py).

A rule is either
- a bare tag name (``lastname``): that tag at any depth below the request root, or
- an element path relative to the request root (``customer/user/lastname``; a leading ``/`` is allowed, ``*``
  matches any one tag): only elements at exactly that place.
"""

from lxml import etree

WILDCARD = "*"


def parse_rule(entry):
    """(anchored, steps) for one rule; ValueError for anything that is not a usable tag or path."""
    if not isinstance(entry, str) or not entry.strip().strip("/"):
        raise ValueError("ignore_tags entries must be tag names or paths such as customer/user/lastname, not %r"
                         % (entry,))
    text = entry.strip()
    steps = tuple(text.strip("/").split("/"))
    if any(not step for step in steps):
        raise ValueError("ignore_tags entry %r has an empty step" % entry)
    anchored = "/" in text
    return anchored, steps


def parse_rules(entries):
    if not isinstance(entries, (list, tuple)):
        raise ValueError("ignore_tags must be a list of tag names or paths")
    return [parse_rule(entry) for entry in entries]


def path_of(el):
    """Tag path of el below the request root, e.g. ('customer', 'user', 'lastname')."""
    steps = [el.tag]
    for ancestor in el.iterancestors():
        steps.append(ancestor.tag)
    return tuple(reversed(steps[:-1]))


def _step_matches(wanted, tag):
    return wanted == WILDCARD or wanted == tag


def matches(rule, path):
    anchored, steps = rule
    if not anchored:
        return path[-1] == steps[0]      # a bare tag name (one step): at any depth
    return len(path) == len(steps) and all(_step_matches(want, tag) for want, tag in zip(steps, path))


def drop(root, rules):
    """Remove every element below root that a rule matches; the '/'-joined paths of what was removed."""
    if not rules:
        return []
    doomed = []
    for el in root.iterdescendants(tag=etree.Element):
        # document order: an element inside a dropped one is inside the last one dropped
        if doomed and doomed[-1] in el.iterancestors():
            continue
        path = path_of(el)
        if any(matches(rule, path) for rule in rules):
            doomed.append(el)
    dropped = []
    for el in doomed:
        dropped.append("/".join(path_of(el)))
        remove(el)
    return dropped


def remove(el):
    """Detach el, keeping the text that followed it (lxml stores it on el.tail)."""
    parent = el.getparent()
    if el.tail and el.tail.strip():
        previous = el.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)
