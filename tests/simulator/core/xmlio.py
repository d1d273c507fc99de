"""XML in and out: a hardened parser for requests and builders for responses.

The parser never resolves entities, never loads a DTD or touches the network, refuses any DOCTYPE (so no entity
expansion tricks) and caps the body size. A leading byte order mark and whitespace inside closing tags
(``<name>HE</name >``, seen in the captures) are plain XML and parse fine. Responses are built with lxml elements,
never by formatting strings, and always start with the XML declaration the real server writes.
"""

from lxml import etree

from .errors import SimError

MAX_BODY = 8 * 1024 * 1024
DECLARATION = b'<?xml version="1.0" encoding="utf-8"?>\n'
BOM = b"\xef\xbb\xbf"


def _parser():
    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False,
                           dtd_validation=False, remove_comments=True, remove_pis=True, collect_ids=False)


def parse_request(body):
    """Parse a request body; SimError 3 (InvalidXmlFormat) for anything that is not a plain XML document."""
    if not body or not body.strip():
        raise SimError(3, "The request body is empty; send an XML <request version=\"1.0\" action=\"...\"> document.")
    if len(body) > MAX_BODY:
        raise SimError(3, "The request body is larger than %d bytes." % MAX_BODY)
    try:
        root = etree.fromstring(body, _parser())
    except etree.XMLSyntaxError as exc:
        raise SimError(3, "The XML in the request is incorrectly formatted: %s" % exc) from None
    tree = root.getroottree()
    if tree.docinfo.doctype or tree.docinfo.internalDTD is not None:
        raise SimError(3, "The XML in the request is incorrectly formatted: DOCTYPE declarations are not allowed.")
    return root


def text_of(el, tag):
    """Stripped text of the direct child ``tag``; None when absent, '' when empty (tags are case-sensitive)."""
    if el is None:
        return None
    found = el.find(tag)
    if found is None:
        return None
    return (found.text or "").strip()


def raw_text_of(el, tag):
    """Unstripped text of the direct child ``tag`` (free-text fields keep their blanks); None when absent."""
    found = None if el is None else el.find(tag)
    if found is None:
        return None
    return found.text or ""


def bool_text(value):
    return "True" if value else "False"


def sub(parent, tag, value=None, **attrs):
    """Append <tag> to parent: bools as True/False, None as an empty element, anything else as str()."""
    el = etree.SubElement(parent, tag, **attrs)
    if isinstance(value, bool):
        el.text = bool_text(value)
    elif value is not None and value != "":
        el.text = str(value)
    return el


def response(children=()):
    root = etree.Element("response", version="1.0")
    for child in children:
        root.append(child)
    return root


def error_response(code, message):
    root = response()
    err = sub(root, "error")
    sub(err, "id", str(code))
    sub(err, "message", message)
    return root


def serialize(root, bom=False):
    body = etree.tostring(root, encoding="utf-8", xml_declaration=False, pretty_print=True)
    return (BOM if bom else b"") + DECLARATION + body


def element_paths(root):
    """Set of /a/b/c element paths (no indexes); used by tests to compare shapes with the captures."""
    paths = set()
    for el in root.iter(tag=etree.Element):
        steps = [anc.tag for anc in reversed(list(el.iterancestors()))] + [el.tag]
        paths.add("/" + "/".join(steps))
    return paths
