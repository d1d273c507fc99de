# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Answers a hostile or broken server could send, by name. Each builder returns the body bytes.

``{path}`` in a builder's argument is a local file the payload tries to make the parser read.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DECLARATION = b'<?xml version="1.0" encoding="utf-8"?>\n'
MB = 1024 * 1024


def billion_laughs(_path):
    entities = ''.join('<!ENTITY l%d "%s">' % (level, '&l%d;' % (level - 1) * 10) for level in range(1, 10))
    return DECLARATION + ('<!DOCTYPE response [<!ENTITY l0 "lol">%s]><response>&l9;</response>' % entities).encode()


def quadratic_blowup(_path):
    # One 50 kB entity referenced 50,000 times: no nesting for a naive depth guard to catch, 2.5 GB expanded.
    return DECLARATION + ('<!DOCTYPE response [<!ENTITY a "%s">]><response>%s</response>'
                          % ('a' * 50000, '&a;' * 50000)).encode()


def external_entity(path):
    return DECLARATION + ('<!DOCTYPE response [<!ENTITY leak SYSTEM "file://%s">]>'
                          '<response><customer><name>&leak;</name></customer></response>' % path).encode()


def parameter_entity(path):
    return DECLARATION + ('<!DOCTYPE response [<!ENTITY %% remote SYSTEM "file://%s"> %%remote;]>'
                          '<response>&leak;</response>' % path).encode()


def external_dtd(path):
    return DECLARATION + ('<!DOCTYPE response SYSTEM "file://%s"><response><customer/></response>' % path).encode()


def xinclude(path):
    return DECLARATION + ('<response xmlns:xi="http://www.w3.org/2001/XInclude"><customer><name>'
                          '<xi:include href="file://%s" parse="text"/></name></customer></response>' % path).encode()


def deep_nesting(_path):
    depth = 100000
    return DECLARATION + b'<response>' + b'<customer>' * depth + b'</customer>' * depth + b'</response>'


def huge_text_node(_path):
    # 50 MB in one text node: under the client's 64 MiB answer cap, over libxml2's 10 MB text limit.
    return DECLARATION + b'<response><customer><name>' + b'A' * (50 * MB) + b'</name></customer></response>'


def oversized_answer(_path):
    # Above the client's 64 MiB cap: refused while streaming, never held whole.
    return DECLARATION + b'<response><customer><name>' + b'A' * (80 * MB) + b'</name></customer></response>'


def utf16(_path):
    return u'<?xml version="1.0" encoding="utf-16"?><response><customer><name>DA</name></customer></response>'.encode('utf-16')


def utf16_hiding_a_doctype(path):
    return (u'<?xml version="1.0" encoding="utf-16"?><!DOCTYPE response [<!ENTITY leak SYSTEM "file://%s">]>'
            u'<response>&leak;</response>' % path).encode('utf-16')


def utf7_hiding_a_doctype(path):
    # "+ADw-" is "<" in UTF-7: a byte-level DOCTYPE check would not see this one.
    return ('<?xml version="1.0" encoding="utf-7"?>+ADw-!DOCTYPE response +AFs-+ADw-!ENTITY leak SYSTEM '
            '+ACI-file://%s+ACI-+AD4-+AF0-+AD4-<response>&leak;</response>' % path).encode('ascii')


def utf32(_path):
    return u'<?xml version="1.0" encoding="utf-32"?><response/>'.encode('utf-32')


def ebcdic(_path):
    return u'<?xml version="1.0" encoding="cp500"?><response/>'.encode('cp500')


def invalid_utf8(_path):
    return DECLARATION + b'<response><customer><name>\xff\xfe\xc3\x28 broken</name></customer></response>'


def binary_garbage(_path):
    # Deterministic noise that starts with "<" so it gets past the cheapest checks.
    noise = bytearray(4096)
    state = 12345
    for index in range(len(noise)):
        state = (state * 1103515245 + 12345) & 0x7fffffff
        noise[index] = state >> 16 & 0xff
    return b'<' + bytes(noise)


def oversized_stream(_path):
    # The same without a Content-Length (the body ends when the connection closes): the cap must hold while reading.
    return oversized_answer(_path)


def escape_sequences(_path):
    # XML 1.0 allows C1 controls in text: \x9b is a terminal's CSI. An error message must not carry them to a console.
    return DECLARATION + (u'<response><error><id>1</id><message>Bad \x9b2J\x9b31mvalue</message></error></response>'
                          .encode('utf-8'))


def binary_after_markup(_path):
    return b'<html>\x1b[2J\x1b[31m\x07 fake prompt $ </html>'


PAYLOADS = dict((builder.__name__, builder) for builder in (
    billion_laughs, quadratic_blowup, external_entity, parameter_entity, external_dtd, xinclude, deep_nesting,
    huge_text_node, oversized_answer, utf16, utf16_hiding_a_doctype, utf7_hiding_a_doctype, utf32, ebcdic,
    invalid_utf8, binary_garbage, oversized_stream, escape_sequences, binary_after_markup))
# Served without a Content-Length, the connection closed after the body.
STREAMED = ('oversized_stream',)
# The ones that name a local file (the test makes it a FIFO: opening it would block the parser).
READS_A_FILE = ('external_entity', 'parameter_entity', 'external_dtd', 'xinclude', 'utf16_hiding_a_doctype',
                'utf7_hiding_a_doctype')
