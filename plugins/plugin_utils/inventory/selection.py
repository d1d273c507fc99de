# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Which customers of the FIND answer become inventory hosts (the inventory's ``filters`` and
``include_deprovisioned`` options), decided on the customer values alone, without requests.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import fnmatch
import re

from ansible_collections.atria.cortex.plugins.module_utils.api import status as provisioning

DEPROVISIONED = provisioning.status_key(provisioning.NOT_PROVISIONED)


def compile_pattern(text, option):
    """A predicate for one pattern: shell-style (``web*``, ``[a-c]?``) or, after a leading ``~``, a Python regular
    expression searched anywhere in the value. Both ignore case, as the server does for names.
    Raises ValueError naming the option when the regular expression does not compile.
    """
    if not isinstance(text, str) or not text:
        raise ValueError('%s: every pattern must be a non-empty string, got %r.' % (option, text))
    if text.startswith('~'):
        try:
            regex = re.compile(text[1:], re.IGNORECASE)
        except re.error as exc:
            raise ValueError('%s: %r is not a valid regular expression: %s.' % (option, text[1:], exc))
        return lambda value: regex.search(value) is not None
    regex = re.compile(fnmatch.translate(text), re.IGNORECASE)
    return lambda value: regex.match(value) is not None


class Selection:
    """statuses: the statuses to keep (any spelling; None keeps all but, without include_deprovisioned,
    NotProvisioned). A pattern list keeps a customer when any of its patterns matches.
    """

    def __init__(self, statuses=None, include_deprovisioned=False, name_patterns=(), fullname_patterns=()):
        unknown = [status for status in statuses or () if not provisioning.is_known(status)]
        if unknown:
            raise ValueError('filters.status: unknown status %s; use %s.'
                             % (', '.join(repr(status) for status in unknown), ', '.join(provisioning.STATUSES)))
        # An explicit status list says everything about statuses; include_deprovisioned only matters without one.
        self.statuses = set(provisioning.status_key(status) for status in statuses) if statuses else None
        self.include_deprovisioned = include_deprovisioned
        self.name_tests = [compile_pattern(pattern, 'filters.name_pattern') for pattern in name_patterns or ()]
        self.fullname_tests = [compile_pattern(pattern, 'filters.fullname_pattern') for pattern in fullname_patterns or ()]

    def keeps(self, values):
        """values: a customer's option-named values (CUSTOMER.values)."""
        status = provisioning.status_key(values.get('status') or '')
        if self.statuses is not None:
            if status not in self.statuses:
                return False
        elif status == DEPROVISIONED and not self.include_deprovisioned:
            return False
        return _any_match(self.name_tests, values.get('name')) and _any_match(self.fullname_tests, values.get('fullname'))


def _any_match(tests, value):
    return not tests or any(test(value or '') for test in tests)
