# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""XML for the CortexAPI: a hardened parser, element builders and the mapping of CortexAPI values.

Requests are only ever built as element trees, never from strings, so ``A&B <Ltd>`` is data, not markup.
Responses come from a server we do not control: the parser resolves no entities, reads no DTD, touches no
network and refuses any document with a DOCTYPE (the usual vehicle of entity-expansion and XXE attacks).

Value conventions (shared by every module and the inventory plugin):

* ``text_of`` returns ``''`` for an element that is present but empty (``<phone />``) and ``default`` (None) for
  an element that is missing. Empty and unset are therefore distinguishable, and the engine decides whether they
  compare equal.
* Booleans read as Python bools from any spelling the server accepts; they are written as ``True``/``False``.
* Limits read as ``int`` or the string ``'Unlimited'``; they are written as digits or ``Unlimited``.
"""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import re
import traceback
from copy import deepcopy

from ansible_collections.atria.cortex.plugins.module_utils.api.errors import InvalidValueError, XmlError, XmlLimitError

try:
    from lxml import etree
    from lxml.builder import ElementMaker
except ImportError:
    HAS_LXML = False
    LXML_IMPORT_ERROR = traceback.format_exc()
    etree = None
    E = None
else:
    HAS_LXML = True
    LXML_IMPORT_ERROR = None
    E = ElementMaker()

ACTIONS = ('FIND', 'GET', 'SET', 'DELETE')
UNLIMITED = 'Unlimited'
REDACTED = '********'

_UTF8_BOM = b'\xef\xbb\xbf'
_TRUE_TEXTS = frozenset(('true', 'yes', '1', '-1'))
_FALSE_TEXTS = frozenset(('false', 'no', '0'))
# What may precede the root element: the XML declaration, comments, processing instructions, whitespace.
_PROLOG_ITEM = re.compile(br'\s+|<\?.*?\?>|<!--.*?-->', re.DOTALL)
_ENCODING_DECLARATION = re.compile(br'<\?xml[^>]*?encoding\s*=\s*["\']([A-Za-z0-9._-]+)["\']')
# ASCII-compatible encodings only, so that the byte-level DOCTYPE check sees what lxml will see.
_ACCEPTED_ENCODINGS = ('utf-8', 'utf8', 'us-ascii', 'ascii', 'iso-8859-1', 'latin-1', 'latin1', 'windows-1252', 'cp1252')


def _strip_leading_noise(data):
    """Drop leading whitespace and byte order marks: IIS sends a BOM, some proxies add blank lines."""
    while True:
        stripped = data.lstrip()
        if stripped.startswith(_UTF8_BOM):
            stripped = stripped[len(_UTF8_BOM):]
        if stripped == data:
            return data
        data = stripped


def _has_doctype(data):
    """True when a DOCTYPE appears in the prolog, checked before lxml sees a single byte of it."""
    position = 0
    while True:
        match = _PROLOG_ITEM.match(data, position)
        if not match or match.end() == position:
            break
        position = match.end()
    return data[position:position + 9].upper() == b'<!DOCTYPE'


def _declared_encoding(data):
    match = _ENCODING_DECLARATION.match(data)
    return match.group(1).decode('ascii').lower() if match else 'utf-8'


if HAS_LXML:
    class _NoExternalResources(etree.Resolver):
        """Answers every external DTD or entity lookup with nothing, so libxml2 never opens a file or URL."""

        def resolve(self, system_url, public_id, context):
            return self.resolve_string('', context)


# How libxml2 (huge_tree=False) words a refusal on its limits, across its releases.
_LIMIT_PHRASES = ('XML_PARSE_HUGE', 'huge text node', 'CData section too big', 'Buffer size limit exceeded',
                  'Excessive depth', 'Resource limit exceeded')


def _parser():
    # A fresh parser per document: lxml parsers must not be shared between threads (the inventory may thread).
    # Do not add collect_ids=False: with it libxml2 opens the external DTD named in a DOCTYPE (seen with strace).
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                             huge_tree=False, remove_comments=True, remove_pis=True)
    parser.resolvers.add(_NoExternalResources())
    return parser


def parse(data):
    """Parse a CortexAPI document (bytes; str is encoded as UTF-8) into its root element.

    Raises XmlError for empty, malformed, truncated, too deep or too large documents and for any DOCTYPE.
    """
    if isinstance(data, str):
        data = data.encode('utf-8')
    data = _strip_leading_noise(data or b'')
    if not data:
        raise XmlError('The document is empty.')
    # The DOCTYPE check below reads bytes, so only ASCII-compatible encodings are accepted (the CortexAPI sends UTF-8):
    # UTF-16/32 contain NUL bytes, and other encodings (UTF-7, EBCDIC) could spell "<!DOCTYPE" differently.
    if b'\x00' in data or not data.startswith(b'<'):
        raise XmlError('The document is not XML: it does not start with "<" (or is not UTF-8).')
    if _declared_encoding(data) not in _ACCEPTED_ENCODINGS:
        raise XmlError('The document declares encoding %r; only UTF-8 (or another ASCII-compatible encoding) is accepted.'
                       % _declared_encoding(data))
    if _has_doctype(data):
        raise XmlError('The document contains a DOCTYPE declaration; it was refused (DTDs and entities are never processed).')
    try:
        root = etree.fromstring(data, parser=_parser())
    except etree.XMLSyntaxError as exc:
        if any(phrase in str(exc) for phrase in _LIMIT_PHRASES):
            raise XmlLimitError('The document is beyond the hardened parser\'s limits: %s' % exc)
        raise XmlError('The document is not well-formed XML: %s' % exc)
    except ValueError as exc:
        raise XmlError('The document could not be read as XML: %s' % exc)
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None or docinfo.externalDTD is not None:
        raise XmlError('The document contains a DOCTYPE declaration; it was refused.')
    return root


def serialize(el, pretty=False):
    """The UTF-8 bytes of an element, with the XML declaration the CortexAPI examples use."""
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + etree.tostring(el, encoding='utf-8', pretty_print=pretty)


def request(action, *entities):
    """``<request version="1.0" action="ACTION">`` around the entity elements."""
    action = str(action).upper()
    if action not in ACTIONS:
        raise InvalidValueError('Unknown CortexAPI action %r; use one of %s.' % (action, ', '.join(ACTIONS)))
    root = etree.Element('request')
    root.set('version', '1.0')
    root.set('action', action)
    for entity in entities:
        if entity is not None:
            root.append(entity)
    return root


# ---------------------------------------------------------------- values

def to_bool(text):
    """CortexAPI boolean text (True/False/true/yes/1/-1/0/no/false, any case) -> bool; None or '' -> None."""
    if text is None or isinstance(text, bool):
        return text
    if isinstance(text, int):
        text = str(text)
    value = str(text).strip().lower()
    if value == '':
        return None
    if value in _TRUE_TEXTS:
        return True
    if value in _FALSE_TEXTS:
        return False
    raise InvalidValueError('%r is not a CortexAPI boolean; use true/false, yes/no, 1/0 or -1.' % (text,))


def bool_text(value):
    """A boolean (or any spelling to_bool accepts) -> 'True'/'False', the server's own spelling; None -> None."""
    flag = to_bool(value)
    if flag is None:
        return None
    return 'True' if flag else 'False'


def to_limit(text):
    """CortexAPI limit text -> int or 'Unlimited' (any case); None or '' -> None. Negative numbers are refused."""
    if text is None:
        return None
    if isinstance(text, bool):
        raise InvalidValueError('%r is not a limit; use a whole number or Unlimited.' % (text,))
    if isinstance(text, int):
        value = text
    else:
        word = str(text).strip()
        if word == '':
            return None
        if word.lower() == UNLIMITED.lower():
            return UNLIMITED
        if not re.match(r'^\+?[0-9]+$', word):
            raise InvalidValueError('%r is not a limit; use a whole number or Unlimited.' % (text,))
        value = int(word)
    if value < 0:
        raise InvalidValueError('%r is not a limit; use a whole number (0 or more) or Unlimited.' % (text,))
    return value


def limit_text(value):
    """An int or 'Unlimited' (any case, or a digit string) -> the text the server expects; None -> None."""
    limit = to_limit(value)
    if limit is None:
        return None
    return limit if limit == UNLIMITED else str(limit)


def value_text(value):
    """Any option value -> its CortexAPI text: bools as True/False, numbers as digits, None stays None."""
    if value is None:
        return None
    if isinstance(value, bool):
        return bool_text(value)
    if isinstance(value, (int, float)):
        return str(value)
    return value if isinstance(value, str) else str(value)


# ---------------------------------------------------------------- reading

def text_of(el, path, default=None):
    """Text of the first element at ``path`` (ElementPath, e.g. 'parent/name') below ``el``.

    Present but empty (``<phone />``) -> ''. Missing element (or ``el`` None) -> ``default``.
    The text is returned as sent; nothing is stripped.
    """
    if el is None:
        return default
    child = el.find(path)
    if child is None:
        return default
    return child.text or ''


def list_texts(el, child_tag):
    """Texts of the direct children called ``child_tag`` (e.g. the <domain>s of <domains>); el None -> []."""
    if el is None:
        return []
    return [child.text or '' for child in el.findall(child_tag)]


def properties_to_dict(properties_el):
    """``<properties><property><name/><value/></property>...`` -> {name: value}. Missing <value> -> None.

    Detail answers (``<properties detail="true"/>``) carry more children per property; only name and value are read.
    A repeated name keeps its last value.
    """
    result = {}
    if properties_el is None:
        return result
    for prop in properties_el.findall('property'):
        name = text_of(prop, 'name')
        if name:
            result[name] = text_of(prop, 'value')
    return result


def element_to_dict(el, list_tags=()):
    """Generic element -> plain data, for entities the engine reads wholesale.

    A leaf becomes its text ('' when empty). A leaf with attributes becomes {'@attr': value, '#text': text}.
    A container becomes a dict; a tag that repeats becomes a list, and so does any tag in ``list_tags`` even when
    it occurs once (``<domains>`` with a single ``<domain>``). Comments are never present (the parser drops them).
    """
    children = list(el)
    if not children:
        if el.attrib:
            data = dict(('@' + key, value) for key, value in el.attrib.items())
            data['#text'] = el.text or ''
            return data
        return el.text or ''
    data = dict(('@' + key, value) for key, value in el.attrib.items())
    repeated = _repeated_tags(el).union(list_tags)
    for child in children:
        value = element_to_dict(child, list_tags)
        if child.tag in repeated:
            data.setdefault(child.tag, []).append(value)
        else:
            data[child.tag] = value
    return data


def _repeated_tags(el):
    seen, repeated = set(), set()
    for child in el:
        (repeated if child.tag in seen else seen).add(child.tag)
    return repeated


# ---------------------------------------------------------------- writing

def _set_text(el, value):
    text = value_text(value)
    if text is None:
        return
    try:
        el.text = text
    except ValueError:
        raise InvalidValueError('The value for <%s> contains characters XML cannot carry (control characters or NUL).' % el.tag)


def leaf(tag, value=None, **attrib):
    """``<tag attr="...">value</tag>``; value mapped with value_text (bools -> True/False)."""
    el = etree.Element(tag)
    for key, attr_value in attrib.items():
        el.set(key, value_text(attr_value))
    _set_text(el, value)
    return el


def sub(parent, tag, value=None, **attrib):
    """Append ``leaf(tag, value, **attrib)`` to ``parent`` and return the new element."""
    el = leaf(tag, value, **attrib)
    parent.append(el)
    return el


def properties_element(properties):
    """{name: value} -> ``<properties><property><name/><value/></property>...</properties>`` (order kept).

    Values are mapped with value_text; None is sent as an empty <value/>.
    """
    root = etree.Element('properties')
    for name, value in (properties or {}).items():
        prop = sub(root, 'property')
        sub(prop, 'name', name)
        sub(prop, 'value', value)
    return root


def dict_to_element(tag, value):
    """The inverse of element_to_dict. A dict becomes children in its order ('@x' keys become attributes,
    '#text' the text), a list repeats the tag, None values are left out, scalars become text via value_text.
    """
    el = etree.Element(tag)
    if isinstance(value, dict):
        for key, item in value.items():
            if item is None:
                continue
            if key.startswith('@'):
                el.set(key[1:], value_text(item))
            elif key == '#text':
                _set_text(el, item)
            elif isinstance(item, list):
                for entry in item:
                    if entry is not None:
                        el.append(dict_to_element(key, entry))
            else:
                el.append(dict_to_element(key, item))
    else:
        _set_text(el, value)
    return el


# ---------------------------------------------------------------- reporting

# The elements that address something, and the children that name it (first one present wins).
_ENTITY_TAGS = ('customer', 'user', 'service', 'request', 'location', 'template', 'distributiongroup',
                'approvalprovider', 'approvalgroup', 'report', 'identity', 'global')
_HANDLES = ('name', 'id', 'fullname', 'upn', 'billingid')


def describe_entity(entity_el):
    """A short human description of what a request addresses, innermost first.

    ``<customer><name>TC</name><user><name>User1_TC</name></user></customer>`` -> "user 'User1_TC' of customer 'TC'".
    """
    chain = []
    el = entity_el
    while el is not None:
        handle = None
        for key in _HANDLES:
            value = text_of(el, key)
            if value:
                handle = "'%s'" % value if key == 'name' else "%s '%s'" % (key, value)
                break
        chain.append('%s %s' % (el.tag, handle) if handle else el.tag)
        el = next((child for child in el if child.tag in _ENTITY_TAGS), None)
    return ' of '.join(reversed(chain))


def redact(el, secrets=()):
    """A redacted text copy of ``el`` for traces: every <password> leaf at any depth, and the value of any
    property whose name contains 'password', become ********; so does every occurrence of ``secrets``.
    """
    if el is None:
        return None
    copy = deepcopy(el)
    for node in copy.iter('*'):
        if not len(node) and str(node.tag).lower() == 'password' and node.text:
            node.text = REDACTED
    for prop in copy.iter('property'):
        name = text_of(prop, 'name') or ''
        value = prop.find('value')
        if 'password' in name.lower() and value is not None and value.text:
            value.text = REDACTED
    return redact_text(etree.tostring(copy, encoding='unicode'), secrets)


def redact_text(text, secrets=()):
    """``text`` with every occurrence of each secret (raw and XML-escaped) replaced by ********."""
    if not text:
        return text
    for secret in sorted(_secret_forms(secrets), key=len, reverse=True):
        text = text.replace(secret, REDACTED)
    return text


def _secret_forms(secrets):
    forms = set()
    for secret in secrets:
        if not secret:
            continue
        forms.add(secret)
        escaped = secret.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')
        forms.add(escaped)
        forms.add(escaped.replace('"', '&quot;'))
        forms.add(escaped.replace("'", '&apos;'))
    return forms


def password_texts(el):
    """The texts of every <password> leaf and password property in ``el`` (the request's secrets)."""
    if el is None:
        return []
    found = [node.text for node in el.iter('*') if not len(node) and str(node.tag).lower() == 'password' and node.text]
    for prop in el.iter('property'):
        if 'password' in (text_of(prop, 'name') or '').lower() and text_of(prop, 'value'):
            found.append(text_of(prop, 'value'))
    return found
