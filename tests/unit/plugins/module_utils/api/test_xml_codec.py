"""The XML codec: hardened parsing, builders, and the mapping of CortexAPI values."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import os
import socket
import threading
import time

import pytest
from lxml import etree

from ansible_collections.atria.cortex.plugins.module_utils.api import xml_codec as codec
from ansible_collections.atria.cortex.plugins.module_utils.api.errors import InvalidValueError, XmlError

# The captures live in shared/ beside the repository (CI lays it there too): missing captures are an error.
REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), *(['..'] * 5)))
CAPTURES = os.path.join(os.path.dirname(REPO), 'shared', 'reference', 'cpsm11-captures', 'Responses')
BOM = b'\xef\xbb\xbf'


def capture(name):
    with open(os.path.join(CAPTURES, name), 'rb') as handle:
        return handle.read()


# ------------------------------------------------------------------ parsing


@pytest.mark.parametrize('name', sorted(os.listdir(CAPTURES)))
def test_every_capture_parses_to_a_response(name):
    assert codec.parse(capture(name)).tag == 'response'


def test_bom_and_leading_whitespace_are_tolerated():
    body = b'\r\n  ' + BOM + b' \n<?xml version="1.0" encoding="utf-8"?>\n<response version="1.0" />'
    root = codec.parse(body)
    assert root.tag == 'response' and root.get('version') == '1.0' and len(root) == 0


def test_str_input_is_accepted():
    assert codec.parse(u'<response><name>M\u0101rupe</name></response>').findtext('name') == u'M\u0101rupe'


@pytest.mark.parametrize('body', [b'', b'   \r\n', BOM, b'<response><customer><name>DA</na', b'Service Unavailable'])
def test_empty_truncated_or_non_xml_bodies_raise_xml_error(body):
    with pytest.raises(XmlError):
        codec.parse(body)


@pytest.mark.parametrize('body', [
    b'<!DOCTYPE response><response/>',
    b'<?xml version="1.0"?>\n<!-- note -->\n<!DOCTYPE r [<!ENTITY a "b">]><r>&a;</r>',
    BOM + b'<?xml version="1.0"?><!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "x.dtd"><html/>',
])
def test_any_doctype_is_refused(body):
    with pytest.raises(XmlError, match='DOCTYPE'):
        codec.parse(body)


def test_billion_laughs_is_refused_quickly():
    entities = ''.join('<!ENTITY l%d "&l%d;&l%d;&l%d;&l%d;&l%d;&l%d;&l%d;&l%d;&l%d;&l%d;">' % ((i,) + (i - 1,) * 10)
                       for i in range(1, 10))
    body = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY l0 "lol">%s]><lolz>&l9;</lolz>' % entities).encode()
    started = time.monotonic()
    with pytest.raises(XmlError):
        codec.parse(body)
    assert time.monotonic() - started < 1


def test_external_entity_reads_no_file(tmp_path):
    secret = tmp_path / 'secret.txt'
    secret.write_text('TOP-SECRET-MARKER')
    body = ('<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file://%s">]><r>&x;</r>' % secret).encode()
    with pytest.raises(XmlError) as caught:
        codec.parse(body)
    assert 'TOP-SECRET-MARKER' not in str(caught.value)
    # Even the bare parser, without the DOCTYPE pre-check, leaves the entity unresolved.
    root = etree.fromstring(body, parser=codec._parser())  # pylint: disable=protected-access
    assert 'TOP-SECRET-MARKER' not in etree.tostring(root).decode()


def test_external_dtd_and_entity_touch_no_network():
    listener = socket.socket()
    listener.bind(('127.0.0.1', 0))
    listener.listen(1)
    listener.settimeout(0.3)
    port = listener.getsockname()[1]
    body = ('<?xml version="1.0"?><!DOCTYPE r SYSTEM "http://127.0.0.1:%d/x.dtd" [<!ENTITY e SYSTEM '
            '"http://127.0.0.1:%d/e">]><r>&e;</r>' % (port, port)).encode()
    try:
        with pytest.raises(XmlError):
            codec.parse(body)
        try:
            etree.fromstring(body, parser=codec._parser())  # pylint: disable=protected-access
        except etree.XMLSyntaxError:
            pass
        with pytest.raises(socket.timeout):
            listener.accept()
    finally:
        listener.close()


@pytest.mark.parametrize('template', [
    '<!DOCTYPE r SYSTEM "file://{path}"><r>&leak;</r>',
    '<!DOCTYPE r [<!ENTITY % p SYSTEM "file://{path}"> %p;]><r>&leak;</r>',
    '<!DOCTYPE r [<!ENTITY e SYSTEM "file://{path}">]><r>&e;</r>',
])
@pytest.mark.parametrize('bare_parser', [False, True])
def test_external_resources_are_never_opened(tmp_path, template, bare_parser):
    """A FIFO blocks whoever opens it for reading until a writer comes: if parsing finishes, nothing opened it."""
    fifo = str(tmp_path / 'trap.dtd')
    os.mkfifo(fifo)
    body = template.replace('{path}', fifo).encode()
    outcome = []

    def run():
        try:
            if bare_parser:
                etree.fromstring(body, parser=codec._parser())  # pylint: disable=protected-access
            else:
                codec.parse(body)
            outcome.append('parsed')
        except (XmlError, etree.XMLSyntaxError):
            outcome.append('refused')

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(3)
    if worker.is_alive():  # release the blocked reader before failing
        os.close(os.open(fifo, os.O_WRONLY))
        pytest.fail('the parser opened %s' % fifo)
    assert outcome == (['parsed'] if bare_parser else ['refused']) or outcome == ['refused']


@pytest.mark.parametrize('body', [
    u'<?xml version="1.0" encoding="utf-16"?><!DOCTYPE r SYSTEM "file:///etc/passwd"><r/>'.encode('utf-16'),
    b'<?xml version="1.0" encoding="utf-7"?><r>+ADw-!DOCTYPE</r>',
])
def test_non_ascii_compatible_encodings_are_refused(body):
    with pytest.raises(XmlError):
        codec.parse(body)


def test_deep_nesting_is_bounded():
    with pytest.raises(XmlError, match='depth'):
        codec.parse(b'<a>' * 5000 + b'</a>' * 5000)


def test_comments_and_processing_instructions_are_dropped():
    root = codec.parse(b'<response><name>A<!-- note -->B<?pi x?></name></response>')
    assert codec.text_of(root, 'name') == 'AB'


# ------------------------------------------------------------------ building


def test_request_wraps_entities_with_version_and_action():
    root = codec.request('get', codec.E.customer(codec.E.name('DA')))
    assert root.tag == 'request' and root.get('version') == '1.0' and root.get('action') == 'GET'
    assert codec.text_of(root, 'customer/name') == 'DA'


def test_request_refuses_unknown_actions():
    with pytest.raises(InvalidValueError):
        codec.request('UPDATE', codec.E.customer())


def test_serialize_writes_the_declaration_and_utf8():
    data = codec.serialize(codec.request('FIND', codec.E.customer(codec.E.name(u'M\u0101rupe'))))
    assert data.startswith(b'<?xml version="1.0" encoding="utf-8"?>\n<request version="1.0" action="FIND">')
    assert u'M\u0101rupe'.encode('utf-8') in data


@pytest.mark.parametrize('value', [u'A&B <Ltd>', u'M\u0101rupe', u'"quoted" & \'single\' ]]> <![CDATA[', u'  spaced  '])
def test_text_round_trips_unchanged(value):
    entity = codec.E.customer(codec.E.fullname(value), codec.properties_element({'City': value}))
    data = codec.serialize(codec.request('SET', entity))
    root = codec.parse(data)
    assert codec.text_of(root, 'customer/fullname') == value
    assert codec.properties_to_dict(root.find('customer/properties')) == {'City': value}


def test_markup_in_values_is_escaped_not_interpreted():
    data = codec.serialize(codec.E.customer(codec.E.address(u'A&B <Ltd>')))
    assert b'A&amp;B &lt;Ltd&gt;' in data and b'<Ltd>' not in data


def test_xml_incompatible_characters_are_refused_cleanly():
    with pytest.raises(InvalidValueError, match='address'):
        codec.leaf('address', u'bad\x00value')


def test_leaf_and_sub_map_values():
    parent = codec.E.service()
    codec.sub(parent, 'enabled', True)
    codec.sub(parent, 'userlimit', 5)
    codec.sub(parent, 'domain', 'x.local', type='authoritative')
    codec.sub(parent, 'empty')
    assert etree.tostring(parent) == (b'<service><enabled>True</enabled><userlimit>5</userlimit>'
                                      b'<domain type="authoritative">x.local</domain><empty/></service>')


# ------------------------------------------------------------------ values


@pytest.mark.parametrize('text, expected', [
    ('True', True), ('true', True), ('TRUE', True), ('yes', True), ('Yes', True), ('1', True), ('-1', True),
    ('False', False), ('false', False), ('no', False), ('NO', False), ('0', False), (' True ', True),
    (None, None), ('', None), (True, True), (False, False), (1, True), (0, False),
])
def test_to_bool(text, expected):
    assert codec.to_bool(text) is expected


@pytest.mark.parametrize('text', ['maybe', 'on', '2', 'tru'])
def test_to_bool_refuses_other_spellings(text):
    with pytest.raises(InvalidValueError) as caught:
        codec.to_bool(text)
    assert isinstance(caught.value, ValueError)


@pytest.mark.parametrize('value, expected', [(True, 'True'), (False, 'False'), ('yes', 'True'), ('0', 'False'), (None, None)])
def test_bool_text(value, expected):
    assert codec.bool_text(value) == expected


@pytest.mark.parametrize('text, expected', [
    ('10', 10), ('0', 0), (' 7 ', 7), ('+3', 3), (25, 25), ('Unlimited', 'Unlimited'), ('unlimited', 'Unlimited'),
    ('UNLIMITED', 'Unlimited'), (None, None), ('', None),
])
def test_to_limit(text, expected):
    assert codec.to_limit(text) == expected


@pytest.mark.parametrize('text', ['-1', -5, '1.5', 'lots', True, '10GB'])
def test_to_limit_refuses_invalid_values(text):
    with pytest.raises(InvalidValueError):
        codec.to_limit(text)


@pytest.mark.parametrize('value, expected', [(10, '10'), ('unlimited', 'Unlimited'), ('Unlimited', 'Unlimited'), ('5', '5'), (None, None)])
def test_limit_text(value, expected):
    assert codec.limit_text(value) == expected


def test_text_of_distinguishes_empty_from_missing():
    root = codec.parse(capture('CustomerGet.xml'))
    customer = root.find('customer')
    assert codec.text_of(customer, 'phone') == ''
    assert codec.text_of(customer, 'nosuchtag') is None
    assert codec.text_of(customer, 'nosuchtag', 'dflt') == 'dflt'
    assert codec.text_of(None, 'name') is None
    assert codec.text_of(customer, 'parent/name') == 'Gsp'


def test_list_texts():
    customer = codec.parse(capture('UserGet.xml')).find('customer')
    assert codec.list_texts(customer.find('domains'), 'domain') == ['test2.local', 'nervogrid.com']
    assert codec.list_texts(customer.find('nosuch'), 'domain') == []


def test_properties_to_dict_reads_detail_answers():
    props = codec.properties_to_dict(codec.parse(capture('CustomerGetProperties.xml')).find('customer/properties'))
    assert props['FullName'] == 'Demo Also' and props['ShortName'] == 'DA'
    assert codec.properties_to_dict(None) == {}


def test_properties_element_keeps_order_and_maps_values():
    el = codec.properties_element({'City': u'M\u0101rupe', 'Enabled': True, 'Quota': 5, 'Empty': None})
    assert [codec.text_of(p, 'name') for p in el] == ['City', 'Enabled', 'Quota', 'Empty']
    assert codec.properties_to_dict(el) == {'City': u'M\u0101rupe', 'Enabled': 'True', 'Quota': '5', 'Empty': ''}


# ------------------------------------------------------------------ generic dicts, descriptions, redaction


def test_element_to_dict_and_back():
    service = codec.parse(capture('CustomerServiceGet.xml')).find('customer/service')
    data = codec.element_to_dict(service, list_tags=('domain',))
    assert data['userlimit'] == 'Unlimited'
    assert data['domains'] == {'domain': [{'@type': 'authoritative', '#text': 'test2.local'}]}
    assert [p['name'] for p in data['userpackage']] == ['FORFAIT_2GO_2013', 'FORFAIT_60GO_1AN']
    rebuilt = codec.dict_to_element('service', data)
    assert codec.element_to_dict(rebuilt, list_tags=('domain',)) == data


def test_dict_to_element_skips_none_and_maps_scalars():
    el = codec.dict_to_element('user', {'name': 'U1', 'enabled': False, 'phone': None, 'roles': {'role': ['A', 'B']}})
    assert etree.tostring(el) == b'<user><name>U1</name><enabled>False</enabled><roles><role>A</role><role>B</role></roles></user>'


@pytest.mark.parametrize('entity, expected', [
    (codec.E.customer(codec.E.name('TC'), codec.E.user(codec.E.name('User1_TC'))), "user 'User1_TC' of customer 'TC'"),
    (codec.E.customer(codec.E.name('TC'), codec.E.service(codec.E.name('HE'))), "service 'HE' of customer 'TC'"),
    (codec.E.customer(codec.E.fullname('Test Customer 1')), "customer fullname 'Test Customer 1'"),
    (codec.E.customer(), 'customer'),
    (codec.E.request(codec.E.id('46009')), "request id '46009'"),
])
def test_describe_entity(entity, expected):
    assert codec.describe_entity(entity) == expected


def test_redact_replaces_every_password_leaf_property_and_secret():
    entity = codec.E.customer(
        codec.E.name('TC'),
        codec.E.note('api secret is Adm1n!DA'),
        codec.E.user(codec.E.name('U1'), codec.E.password(codec.E.password(u'p&ss<w\u00f6rd'), codec.E.changeatnextlogon('True'))),
        codec.properties_element({'ServicePassword': 'prop-secret', 'City': 'Riga'}),
    )
    text = codec.redact(entity, ['Adm1n!DA'])
    assert 'p&amp;ss' not in text and u'w\u00f6rd' not in text and 'prop-secret' not in text and 'Adm1n!DA' not in text
    assert text.count(codec.REDACTED) == 3 and 'Riga' in text and 'changeatnextlogon' in text
    assert codec.text_of(entity, 'user/password/password') == u'p&ss<w\u00f6rd'  # the original is untouched


def test_redact_text_covers_escaped_forms():
    assert codec.redact_text('x a&amp;b&lt; y a&b< z', ['a&b<']) == 'x ******** y ******** z'
    assert codec.password_texts(codec.E.user(codec.E.password(codec.E.password('s1')))) == ['s1']
