"""Tags the guides spell two ways: which spelling the server reads, and turning it into the one the handlers read.

Each concept below lists its spellings, canonical first (the handlers read only the canonical one). Per request,
the server reads the spellings chosen by, in order: the ``spellings`` config hook ({"member_flag": "enabled"}, or
"both"), the release's own guide (releases.SPELLINGS), else both (lenient). A spelling it does not read is
dropped like any unknown tag; one it reads is renamed to the canonical tag. When a request carries two spellings
the server reads, the canonical one wins. The table with the guide lines is in README.md ("Spellings").

GET answers always write the canonical spelling, as the CPSM 11 captures do (CustomerGet.xml writes
<changeatnextlogon>, not the CPSM 11 guide's <changeatnextlogin>). The SharePoint service code is a value, not a
tag: a server that reads only one spelling of it lists its service under that code (write_service_names).
"""

import collections

from ..core.errors import SimError
from .tagfilter import path_of, remove

Concept = collections.namedtuple("Concept", "places spellings items")

_GROUP = "customer/service/distributiongroups/distributiongroup"
_MEMBER_ITEMS = (("members", "member"), ("sendasmembers", "sendasmember"),
                 ("sendrestrictionacceptedmembers", "sendrestrictionacceptedmember"),
                 ("sendrestrictionrejectedmembers", "sendrestrictionrejectedmember"))

# places: paths (from the request root) of the elements whose direct children are spelt either way.
# items: True when the spellings name list items (every one is renamed), False for a single field.
CONCEPTS = {
    "changeatnextlogon": Concept(("customer/user/password",), ("changeatnextlogon", "changeatnextlogin"), False),
    "mailtip": Concept((_GROUP,), ("mailtip", "mailtoip"), False),
    "grouptype": Concept((_GROUP,), ("grouptype", "groupype"), False),
    "sendmoderationnotifications": Concept((_GROUP,), ("sendmoderationnotifications", "sendmoderationnotification"),
                                           False),
    "member_flag": Concept(tuple("%s/%s/%s" % (_GROUP, lst, item) for lst, item in _MEMBER_ITEMS),
                           ("selected", "enabled"), False),
    "owners_item": Concept(("%s/owners" % _GROUP,), ("owner", "owners"), True),
}

# A value rather than a tag: the multi-instance SharePoint service's code. Appendix B of the Atria guide gives the
# code as 'SharePoint 2010'; every sample request sends 'Sharepoint2010'.
SHAREPOINT = ("Sharepoint2010", "SharePoint 2010")
SERVICE_NAME_PLACES = ("customer/service/name", "customer/user/service/name")
BOTH = "both"
KNOWN = dict(CONCEPTS, sharepoint_name=Concept((), SHAREPOINT, False))


def check_config(spellings):
    """ValueError unless spellings maps known concepts to one of their spellings or 'both'."""
    if not isinstance(spellings, dict):
        raise ValueError("spellings must be an object such as {\"member_flag\": \"enabled\"}")
    for key, value in spellings.items():
        if key not in KNOWN:
            raise ValueError("unknown spellings key %r (known: %s)" % (key, ", ".join(sorted(KNOWN))))
        if value != BOTH and value not in KNOWN[key].spellings:
            raise ValueError("spellings[%r] must be one of %s or %r" % (key, ", ".join(KNOWN[key].spellings), BOTH))


def reads(config, release_rules, key):
    """The spellings of concept key this server reads."""
    forced = (config.get("spellings") or {}).get(key) or release_rules.get(key)
    if forced is None or forced == BOTH:
        return KNOWN[key].spellings
    return (forced,)


def _normalise_children(parent, concept, read, dropped):
    canonical = concept.spellings[0]
    for el in [child for child in parent if child.tag in concept.spellings and child.tag not in read]:
        dropped.append("/".join(path_of(el)))
        remove(el)
    readable = [child for child in parent if child.tag in concept.spellings]
    if concept.items:
        for el in readable:
            el.tag = canonical
        return
    # two readable spellings in one request: the canonical one wins, else the first
    keep = next((el for el in readable if el.tag == canonical), readable[0] if readable else None)
    for el in readable:
        if el is keep:
            el.tag = canonical
        else:
            remove(el)


def _service_names(root, read, action):
    for el in [found for place in SERVICE_NAME_PLACES for found in root.iterfind(place)]:
        value = (el.text or "").strip()
        if not _is_sharepoint(value):
            continue
        spelt = SHAREPOINT[1] if " " in value else SHAREPOINT[0]
        if spelt in read:
            continue
        if action == "FIND":
            el.text = "(unknown) " + value      # a FIND of a service the server does not know matches nothing
        else:
            raise SimError(21, "Service '%s' does not exist or has not been configured (this server's code for "
                               "SharePoint 2010 is '%s')." % (value, read[0]))


def _is_sharepoint(value):
    return (value or "").replace(" ", "").casefold() == "sharepoint2010"


def write_service_names(answer, config, release_rules):
    """A FIND/GET answer names the SharePoint service in the one spelling this server reads (a real server lists
    its own code, the one it accepts back); reading both, the catalogue's name stays."""
    read = reads(config, release_rules, "sharepoint_name")
    if len(read) != 1:
        return
    for el in answer.iter("name"):
        parent = el.getparent()
        if parent is not None and parent.tag == "service" and _is_sharepoint(el.text):
            el.text = read[0]


def normalise(root, config, release_rules, action):
    """Rewrite the request in place to the canonical spellings; the paths of the tags dropped as unread."""
    dropped = []
    for key, concept in CONCEPTS.items():
        read = reads(config, release_rules, key)
        for place in concept.places:
            for parent in root.iterfind(place):      # place is a path from the request root
                _normalise_children(parent, concept, read, dropped)
    _service_names(root, reads(config, release_rules, "sharepoint_name"), action)
    return dropped
