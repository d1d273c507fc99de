"""Helpers for the simulator's tests: request builders (lxml, never string formatting) and shape comparison."""

import re

from lxml import etree
from lxml.builder import ElementMaker

E = ElementMaker()
PASSWORDS = {"admin_Gsp": "Adm1n!Gsp", "admin_DA": "Adm1n!DA", "noapi_Gsp": "NoApi!Gsp"}


def parser():
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def parse(data):
    return etree.fromstring(data, parser())


def req(action, *entities):
    """A <request version="1.0" action=...> document as bytes."""
    root = E.request(*entities, version="1.0", action=action)
    return etree.tostring(root, xml_declaration=True, encoding="utf-8")


def paths(root, skip_below=()):
    """Set of /a/b/c element paths; elements below a tag in skip_below are left out."""
    found = set()
    for el in root.iter(tag=etree.Element):
        steps = [anc.tag for anc in reversed(list(el.iterancestors()))] + [el.tag]
        if any(tag in steps[:-1] for tag in skip_below):
            continue
        found.add("/" + "/".join(steps))
    return found


def error_of(root):
    """(id, message) of an <error> answer, or None."""
    err = root.find("error")
    if err is None:
        return None
    return int(err.findtext("id")), err.findtext("message")


def request_id(root):
    text = root.findtext("request/id")
    return int(text) if text else None


def strip_ids(text):
    return re.sub(r"\d+", "N", text)
