# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Input checks that run before any request is sent.

The server silently ignores tags it does not know and rejects values with rules it publishes in
``<properties detail="true"/>`` answers. Checking the same rules here gives the user the fix at once, before
a half-applied change can happen.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import re

# Published by the server for customers (CustomerGetProperties): ^[\p{L}\p{N} .-]{1,60}$ and ^[A-Za-z0-9]{1,20}$.
CUSTOMER_FULLNAME_MAX = 60
CUSTOMER_FULLNAME_EXTRA_CHARS = ' .-'
CUSTOMER_CODE = re.compile(r'^[A-Za-z0-9]{1,20}$')
EMAIL = re.compile(r'^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$')


def customer_fullname_problem(value):
    """None when the full name follows the server's rule, else what is wrong with it."""
    if not value or len(value) > CUSTOMER_FULLNAME_MAX:
        return 'must be 1 to %d characters long' % CUSTOMER_FULLNAME_MAX
    bad = sorted(set(char for char in value if not (char.isalnum() or char in CUSTOMER_FULLNAME_EXTRA_CHARS)))
    if bad:
        return ('may contain only letters, digits, spaces, dots and hyphens (the server rule ^[\\p{L}\\p{N} .-]{1,60}$); '
                'it contains %s' % ', '.join(repr(char) for char in bad))
    return None


def customer_code_problem(value):
    if not CUSTOMER_CODE.match(value or ''):
        return 'must be 1 to 20 letters or digits (the server rule ^[A-Za-z0-9]{1,20}$)'
    return None


def email_problem(value):
    if not EMAIL.match(value or ''):
        return 'is not an e-mail address (expected name@domain.tld)'
    return None


def non_negative_problem(value):
    if value < 0:
        return 'must be 0 or more'
    return None


def check_options(module, rules):
    """Fail the module with every problem found; ``rules`` maps option name -> function(value) -> problem."""
    problems = []
    for option, rule in rules.items():
        value = module.params.get(option)
        if value is None:
            continue
        problem = rule(value)
        if problem:
            problems.append('%s %r %s' % (option, value, problem))
    if problems:
        module.fail_json(msg='Invalid input, nothing was sent: ' + '; '.join(problems) + '.')
