# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Input checks that run before any request is sent: only what the guide states for every deployment.

The server rejects values with rules it publishes in ``<properties detail="true"/>`` answers, and those rules are
per deployment (DESIGN point 13): the CPSM 11 capture's server allows only letters, digits, spaces, dots and
hyphens in a customer's full name, another server accepts "Dunder & Mifflin, Inc.". So the client checks only
what holds everywhere (a required value is not blank, an e-mail address has an @ and a domain, a count is not
negative) and leaves the rest to the server; when the server refuses a value, the module explains the refusal
with the rule that server publishes (entities/customer/rules.py).
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import re

EMAIL = re.compile(r'^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$')


def not_blank_problem(value):
    """The guide requires a customer's full name (and a code, when one is given): neither may be blank."""
    if not (value or '').strip():
        return 'must not be empty'
    return None


def email_problem(value):
    if not EMAIL.match(value or ''):
        return 'is not an e-mail address (expected name@domain.tld)'
    return None


def non_negative_problem(value):
    if value < 0:
        return 'must be 0 or more'
    return None


def positive_problem(value):
    if value < 1:
        return 'must be at least 1'
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
        module.fail('Invalid input, nothing was sent: ' + '; '.join(problems) + '.')
