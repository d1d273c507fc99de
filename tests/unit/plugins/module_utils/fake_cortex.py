# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""A tiny in-memory stand-in for CortexClient, for engine unit tests.

It keeps customers (and their users) as lxml elements and applies SETs by replacing the tags it is sent, which
is what the engine relies on. It records every call so tests can assert "reads only" and "what was sent".
Behavioural tests against the real protocol run against tests/simulator instead.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import copy

from lxml import etree

from ansible_collections.atria.cortex.plugins.module_utils.errors import NotFoundError


def element(xml):
    return etree.fromstring(xml)


class FakeModule:
    def __init__(self, params, check_mode=False, diff=True):
        self.params = params
        self.check_mode = check_mode
        self._diff = diff


class FakeClient:
    def __init__(self, customers=()):
        self.customers = dict((c.findtext('name'), copy.deepcopy(c)) for c in customers)
        self.calls = []
        self.next_request = 1000

    # -- what tests look at --------------------------------------------------------------------------------
    @property
    def writes(self):
        return [call for call in self.calls if call[0] in ('SET', 'DELETE')]

    @property
    def reads(self):
        return [call for call in self.calls if call[0] in ('GET', 'FIND')]

    # -- the client API ------------------------------------------------------------------------------------
    def get(self, entity):
        self.calls.append(('GET', copy.deepcopy(entity)))
        customer = self._customer(entity)
        response = etree.Element('response', version='1.0')
        answer = copy.deepcopy(customer)
        for user in answer.findall('user'):
            answer.remove(user)
        wanted_users = entity.findall('user')
        for wanted in wanted_users:
            answer.append(copy.deepcopy(self._user(customer, wanted)))
        response.append(answer)
        return response

    def find(self, entity):
        self.calls.append(('FIND', copy.deepcopy(entity)))
        response = etree.Element('response', version='1.0')
        for customer in self.customers.values():
            if all(customer.findtext(child.tag) == child.text for child in entity if child.text):
                summary = etree.SubElement(response, 'customer')
                for tag in ('name', 'id', 'fullname', 'status'):
                    etree.SubElement(summary, tag).text = customer.findtext(tag)
        return response

    def set(self, entity, verify=None):
        self.calls.append(('SET', copy.deepcopy(entity)))
        name = entity.findtext('name')
        if name not in self.customers:
            created = etree.Element('customer')
            etree.SubElement(created, 'status').text = 'Provisioned'
            self.customers[name] = created
        target = self.customers[name]
        for child in entity:
            if child.tag == 'user':
                self._set_user(target, child)
            else:
                self._replace(target, child)
        return self._request_id()

    def delete(self, entity, verify=None):
        self.calls.append(('DELETE', copy.deepcopy(entity)))
        customer = self._customer(entity)
        users = entity.findall('user')
        if not users:
            del self.customers[customer.findtext('name')]
        for user in users:
            customer.remove(self._user(customer, user))
        return self._request_id()

    # -- internals -----------------------------------------------------------------------------------------
    def _request_id(self):
        self.next_request += 1
        return self.next_request

    def _customer(self, entity):
        for key in ('name', 'fullname'):
            value = entity.findtext(key)
            for customer in self.customers.values():
                if value is not None and customer.findtext(key) == value:
                    return customer
        raise NotFoundError(34, "Customer '%s' not found." % (entity.findtext('name') or entity.findtext('fullname')))

    @staticmethod
    def _user(customer, wanted):
        for user in customer.findall('user'):
            if any(wanted.findtext(key) and wanted.findtext(key) == user.findtext(key) for key in ('name', 'upn')):
                return user
        raise NotFoundError(16, "User '%s' not found." % wanted.findtext('name'))

    def _set_user(self, customer, wanted):
        try:
            user = self._user(customer, wanted)
        except NotFoundError:
            user = etree.SubElement(customer, 'user')
            etree.SubElement(user, 'status').text = 'Provisioned'
        for child in wanted:
            if child.tag != 'password':     # write-only, as on the server
                self._replace(user, child)

    @staticmethod
    def _replace(target, child):
        existing = target.find(child.tag)
        if existing is not None:
            target.remove(existing)
        target.append(copy.deepcopy(child))
