# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Checks before a customer is written, so that what the server would refuse is refused first, with the fix.

- A customer's code (``name``) cannot be changed, and full names are unique. A task that names a code the server
  does not know with the full name of an existing customer reads as "create" (a SET with a new code) and the server
  refuses it (error 1); what the user meant is a new code for that customer, which no request can do. One FIND by
  the full name, only when a customer is about to be created.
- A customer's parent (its reseller) is chosen at creation: the guides document <parent> only there ("the reseller
  under which this customer will be created"), and moving a customer below another reseller is no API operation.
  A task that asks an existing customer for another parent is refused; the current parent is in the GET the module
  already made, so the check costs no request.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.atria.cortex.plugins.module_utils.api import xml_codec
from ansible_collections.atria.cortex.plugins.module_utils.api.errors import CortexError


class CustomerCheckError(CortexError):
    """A customer write the server would refuse, found before anything was sent."""

    name = 'InvalidCustomer'

    def __init__(self, message):
        super(CustomerCheckError, self).__init__(message + ' Nothing was sent.')


def check_code_change(plan, context, describe):
    """``Resource(checks=...)``: a creation whose full name belongs to a customer with another code."""
    if plan.action != 'create':
        return
    fullname = plan.sent('fullname')
    code = plan.sent('name') or _code_of(describe)
    if not fullname or not code:
        return
    answer = context.client.find(xml_codec.E('customer', xml_codec.leaf('fullname', fullname)))
    for found in answer.iterfind('customer'):
        existing = xml_codec.text_of(found, 'name')
        if existing and existing.lower() != code.lower() and (xml_codec.text_of(found, 'fullname') or '').lower() == fullname.lower():
            raise CustomerCheckError(
                "Customer '%s' (full name %r) already exists with the code '%s'; a customer's code cannot be changed, "
                "and full names are unique, so the server would refuse to create '%s'. To manage that customer, use "
                "name: %s (or give only its fullname); to create another customer, give it another full name."
                % (existing, fullname, existing, code, existing))


def check_parent_change(plan, context, describe):
    """``Resource(checks=...)``: an existing customer asked for another parent."""
    if plan.action != 'update':
        return
    wanted = plan.sent('parent')
    if wanted is None:
        return
    current = plan.before.get('parent')
    where = ("is below reseller '%s' (its parent)" % current) if current else 'has no parent'
    keep = ('Leave parent out of the task, or set it to %s. ' % current) if current else 'Leave parent out of the task. '
    raise CustomerCheckError(
        "%s %s, and a customer's parent cannot be changed through the CortexAPI: the API takes <parent> only when a "
        "customer is created. %sMoving the customer below '%s' must be done another way (by a service provider "
        "administrator in Services Manager, where the deployment allows moving customers); afterwards set parent: %s "
        "here." % (_capitalized(describe), where, keep, wanted, wanted))


def _capitalized(describe):
    text = (describe() if callable(describe) else describe) or 'The customer'
    return text[:1].upper() + text[1:]


def _code_of(describe):
    """The code the task addresses the customer by, from "customer 'CODE'" (the locator's description)."""
    text = describe() if callable(describe) else describe
    if text and text.startswith("customer '") and text.endswith("'"):
        return text[len("customer '"):-1]
    return None
