# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Who is whose parent, at a cost that grows with the number of resellers rather than of customers.

A FIND answer carries no parent (see CustomerFind.xml); only a customer's GET does. Asking every customer would
cost one GET each. Instead:

1. the top is the API user's own customer (GET <identity/>, one request);
2. FIND with the documented ``<parent>`` filter lists the top's children (one request);
3. while some customer of the answer is still unplaced, its parent is a reseller nobody asked about yet: one GET
   of that customer names the reseller, and one FIND with the reseller as ``<parent>`` places all its children.

Every reseller below the top that has visible children is asked about exactly once, so the walk costs
``2 + 2 * R`` requests, R being the number of such resellers, whatever the number of customers.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.atria.cortex.plugins.module_utils.api import xml_codec
from ansible_collections.atria.cortex.plugins.module_utils.entities.customer.resource import CUSTOMER
from ansible_collections.atria.cortex.plugins.module_utils.api.errors import CortexError, NotFoundError
from ansible_collections.atria.cortex.plugins.module_utils.api.release import release_of
from ansible_collections.atria.cortex.plugins.module_utils.entities.customer.finder import find_customers, get_customer, get_identity


def _key(code):
    # The server treats customer codes without regard to case.
    return (code or '').casefold()


def _reference(element):
    """The ``{'name', 'fullname'}`` shape CustomerReferenceField reads, so parents look alike everywhere."""
    return {'name': xml_codec.text_of(element, 'name'), 'fullname': xml_codec.text_of(element, 'fullname')}


class ResellerWalk:
    """The parents of a set of customers (FIND summaries). ``requests`` counts what the walk itself sent."""

    def __init__(self, client):
        self.client = client
        self.requests = 0
        self.resellers = []  # references of the customers asked about, in the order they were asked about
        self._parents = {}
        self._asked = set()

    def parents(self, summaries, top=None):
        """{code casefolded: parent reference} for the summaries; the top (and anything whose parent the API user
        cannot see) has no entry. ``top``: the API user's customer element; read with GET <identity/> when None.
        """
        if top is None:
            top = self._identity()
        top_key = _key(xml_codec.text_of(top, 'name'))
        self._children_of(_reference(top))
        for summary in summaries:
            code = xml_codec.text_of(summary, 'name')
            if _key(code) in self._parents or _key(code) == top_key:
                continue
            parent = self._parent_by_get(code)
            if parent is not None and _key(parent['name']) not in self._asked:
                self._children_of(parent)
        return self._parents

    def _identity(self):
        """The API user's customer. CPSM 10 has no <identity> and answers nothing: say so (one GET <global/>, only
        then) rather than fail on the missing element."""
        top = get_identity(self.client)
        self.requests += 1
        if top is not None:
            return top
        self.requests += 1
        release_of(self.client).require('identity', 'The inventory option reseller_groups', writing=False)
        error = CortexError(
            'The inventory option reseller_groups needs the API user\'s customer, and GET <identity/> answered none '
            '(%s). Set reseller_groups: false, or use an API user this server can identify.' % release_of(self.client).describe())
        error.hint = 'Set reseller_groups: false for this server.'
        raise error

    def _children_of(self, reference):
        self._asked.add(_key(reference['name']))
        self.resellers.append(reference)
        self.requests += 1
        for child in find_customers(self.client, [('parent', reference['name'])]):
            self._parents[_key(xml_codec.text_of(child, 'name'))] = reference

    def _parent_by_get(self, code):
        """The parent reference a customer's GET names; None when it names none, or the customer is gone."""
        self.requests += 1
        try:
            detail = get_customer(self.client, code)
        except NotFoundError:
            return None  # deleted since the FIND: nothing to place
        parent = CUSTOMER.field('parent').read(detail) if detail is not None else None
        return parent if parent and parent.get('name') else None
