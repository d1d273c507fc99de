# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""A report cell's text -> a Python value, by the SQL type its ``<column type="...">`` names.

The guide's answers (atria-cortexapi-developer-guide.txt lines 2169-2175, 2263-2305) carry SQL Server type names:
int, nvarchar, datetime. Conversions are deliberately conservative:

* int, bigint, smallint, tinyint -> int; bit -> bool (True/False, 1/0, -1, yes/no); float, real -> float.
* decimal, numeric, money, smallmoney -> str: the digits exactly as sent (a float would round them).
* datetime, datetime2, smalldatetime, date, time, datetimeoffset -> str, as sent: the server writes them in its
  own culture (the guide's sample: ``7/29/2012 8:36:22 PM``, line 2312), where 7/8/2012 may be either day first or
  month first, so no parse would be safe.
* every other type (nvarchar, varchar, char, text, uniqueidentifier, xml, unknown ones) -> str.
* An empty cell is None for every type but the text ones, where it is '' (an answer cannot tell NULL from '').
* A cell that does not read as its type is kept as its text rather than failing the whole report.
"""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

INTEGER_TYPES = frozenset(('int', 'bigint', 'smallint', 'tinyint'))
BOOLEAN_TYPES = frozenset(('bit',))
FLOAT_TYPES = frozenset(('float', 'real'))
EXACT_TYPES = frozenset(('decimal', 'numeric', 'money', 'smallmoney'))
TIME_TYPES = frozenset(('datetime', 'datetime2', 'smalldatetime', 'date', 'time', 'datetimeoffset'))
# Types whose empty cell means NULL (None); text types keep ''.
_NULL_WHEN_EMPTY = INTEGER_TYPES | BOOLEAN_TYPES | FLOAT_TYPES | EXACT_TYPES | TIME_TYPES
_TRUE = frozenset(('true', '1', '-1', 'yes'))
_FALSE = frozenset(('false', '0', 'no'))


def base_type(sql_type):
    """'nvarchar(50)', 'Decimal(10,2)', ' INT ' -> 'nvarchar', 'decimal', 'int'."""
    return (sql_type or '').strip().lower().split('(')[0].strip()


def convert(sql_type, text):
    """The value of one cell (text as sent, None for a missing cell) for a column of ``sql_type``."""
    kind = base_type(sql_type)
    if text is None:
        return None
    if text.strip() == '':
        return None if kind in _NULL_WHEN_EMPTY else text
    word = text.strip()
    if kind in INTEGER_TYPES:
        try:
            return int(word)
        except ValueError:
            return text
    if kind in BOOLEAN_TYPES:
        if word.lower() in _TRUE:
            return True
        if word.lower() in _FALSE:
            return False
        return text
    if kind in FLOAT_TYPES:
        try:
            return float(word)
        except ValueError:
            return text
    if kind in EXACT_TYPES or kind in TIME_TYPES:
        return word
    return text
