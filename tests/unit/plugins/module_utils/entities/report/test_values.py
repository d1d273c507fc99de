# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Report cells typed by their SQL column type, conservatively."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.atria.cortex.plugins.module_utils.entities.report.values import base_type, convert


@pytest.mark.parametrize('sql_type, text, value', [
    ('int', '3', 3), ('bigint', '9007199254740993', 9007199254740993), ('smallint', ' -2 ', -2), ('tinyint', '0', 0),
    ('INT', '7', 7), ('int', '', None), ('int', 'n/a', 'n/a'),
    ('bit', 'True', True), ('bit', 'false', False), ('bit', '1', True), ('bit', '0', False), ('bit', '-1', True),
    ('bit', '', None), ('bit', 'maybe', 'maybe'),
    ('float', '1.5', 1.5), ('real', '2', 2.0), ('float', '', None),
    ('decimal', '12345678901234567.89', '12345678901234567.89'), ('money', '10.5000', '10.5000'),
    ('numeric(10,2)', ' 1.20 ', '1.20'), ('decimal', '', None),
    ('datetime', '7/29/2012 8:36:22 PM', '7/29/2012 8:36:22 PM'), ('datetime2', '2012-07-29T20:36:22', '2012-07-29T20:36:22'),
    ('date', '', None),
    ('nvarchar', 'Cortex service Provider', 'Cortex service Provider'), ('nvarchar', '', ''), ('nvarchar', ' a ', ' a '),
    ('uniqueidentifier', 'A-B', 'A-B'), ('', 'x', 'x'), (None, '', ''), ('whatever', '1', '1'),
    ('int', None, None), ('nvarchar', None, None),
])
def test_convert(sql_type, text, value):
    result = convert(sql_type, text)
    assert result == value and type(result) is type(value)


def test_base_type():
    assert [base_type(t) for t in ('nvarchar(50)', 'Decimal(10, 2)', ' INT ', None)] == ['nvarchar', 'decimal', 'int', '']
