# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Finding a customer: playbooks name it by its code (``TC``) or by its full name (``Test Customer 1``).

The locator tries the cheap guess first (one read) and resolves with a FIND only when the guess misses.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import re

from ansible_collections.atria.cortex.plugins.module_utils.api import xml_codec
from ansible_collections.atria.cortex.plugins.module_utils.api.errors import CUSTOMER_NOT_FOUND, NotFoundError
from ansible_collections.atria.cortex.plugins.module_utils.engine.resource import Address, Level


# The server's published rule for a customer short code (see <properties detail="true"/> of a customer).
CUSTOMER_CODE_PATTERN = re.compile(r'^[A-Za-z0-9]{1,20}$')


class CustomerRef:
    """A customer named by code or full name; resolves to the code, which nested requests need."""

    def __init__(self, reference):
        self.reference = reference
        self.code = reference if CUSTOMER_CODE_PATTERN.match(reference or '') else None
        self.resolved = False

    def level(self):
        if self.code:
            return Level('customer', [('name', self.code)], label='customer')
        return Level('customer', [('fullname', self.reference)], label='customer')

    def resolve(self, client):
        """Look the reference up as a full name (then as a code) with FIND; return the code.

        A loop of tasks for one customer's users asks once: the code cannot change within the task (client.memo).
        """
        self.resolved = True
        remembered = ('customer-code', self.reference)
        if client.memo.get(remembered):
            self.code = client.memo[remembered]
            return self.code
        for key in ('fullname', 'name'):
            response = client.find(xml_codec.E('customer', xml_codec.E(key, self.reference)))
            matches = response.findall('customer')
            if len(matches) == 1:
                self.code = client.memo[remembered] = xml_codec.text_of(matches[0], 'name')
                return self.code
        raise NotFoundError(
            CUSTOMER_NOT_FOUND, "Customer '%s' not found." % self.reference, entity="customer '%s'" % self.reference)

    def code_for(self, client):
        """The customer code; a reference given as a full name is looked up first (one FIND, once)."""
        if self.code is None:
            self.resolve(client)
        return self.code

    def retry_after(self, error, client):
        """After a CustomerNotFound for a guessed code, try the reference as a full name once."""
        if getattr(error, 'code', None) != CUSTOMER_NOT_FOUND or self.resolved:
            return False
        previous = self.code
        try:
            self.resolve(client)
        except NotFoundError:
            return False
        return self.code != previous

    def describe(self):
        return "customer '%s'" % self.reference

    def read_with(self, client, read, needs_code=True):
        """``read()`` with this customer named by its code, else by its full name; what read returns.

        The one "code, else full name" rule of the collection: a reference that looks like a code is tried as one
        (the cheap guess: one request). When the server does not know it - a GET answers CustomerNotFound, a FIND
        answers nothing (``read`` returns None) - the reference is looked up once as a full name and ``read`` runs
        again with the code found. ``needs_code``: resolve a full name first (nested requests need the code; a
        customer-level GET may name the customer by full name, ``level()``). None: nothing found after that.
        """
        if needs_code:
            self.code_for(client)
        while True:
            try:
                answer = read()
            except NotFoundError as error:
                if self.retry_after(error, client):
                    continue
                raise
            if answer is not None or self.resolved:
                return answer
            previous = self.code
            self.resolve(client)        # raises CustomerNotFound when no customer has that full name either
            if self.code == previous:
                return None


class CustomerCodes:
    """A run's lookup (engine/context.py) of other customers' codes: a reseller parent named by code or full name."""

    def __init__(self, context):
        self.client = context.client
        self._codes = {}

    def code_of(self, reference):
        """The customer code for a code or full name (one FIND per reference and run, only when asked)."""
        key = (reference or '').lower()
        if key not in self._codes:
            self._codes[key] = CustomerRef(reference).resolve(self.client)
        return self._codes[key]


class CustomerLocator:
    """A customer addressed by its code, else by its full name (a generated code is then never needed)."""

    def __init__(self, name=None, fullname=None):
        self.name = name
        self.fullname = fullname

    def address(self, client=None):
        if self.name:
            return Address([Level('customer', [('name', self.name)])])
        return Address([Level('customer', [('fullname', self.fullname)])])

    def retry_after(self, error, client):
        return False
