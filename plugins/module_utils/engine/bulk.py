# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Reconciling many children of one customer in one task: one read, one multi-item SET, at most one DELETE.

The CortexAPI accepts several ``<user>`` elements in one SET ("Multi-Item Provision" in the guide). Planning
reuses the single-entity Engine per item, so a bulk task compares exactly like a single-item task does.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.atria.cortex.plugins.module_utils.api import xml_codec
from ansible_collections.atria.cortex.plugins.module_utils.engine.reconciler import Engine, MissingForCreate
from ansible_collections.atria.cortex.plugins.module_utils.api.errors import CortexError, NotFoundError
from ansible_collections.atria.cortex.plugins.module_utils.engine.resource import Address, Level
from ansible_collections.atria.cortex.plugins.module_utils.engine.reads import get_children

# Server answers that mean "no such child" to a GET that names none: the server wants them named.
NO_CHILDREN_CODES = (15, 16)


class BulkItem:
    """One list item: its options, the current element (if any) and its plan."""

    def __init__(self, params, keys):
        self.params = params
        self.keys = keys            # [(tag, value)] that select the entity inside the customer
        self.current = None
        self.plan = None
        self.engine = None

    @property
    def label(self):
        return self.keys[0][1]


class BulkEngine:
    """Reconciles a list of ``child_tag`` entities (users) of one customer."""

    def __init__(self, module, client, resource, customer, child_tag, keys_for, index_keys):
        self.module = module
        self.client = client
        self.resource = resource
        self.customer = customer        # a locators.CustomerRef
        self.child_tag = child_tag
        self.keys_for = keys_for        # keys_for(item_params, customer_code) -> [(tag, value)]
        self.index_keys = index_keys    # tags whose values identify a child (e.g. name, upn)
        self.warnings = []

    # -- reading -----------------------------------------------------------------------------------------
    def read_all(self, read_children=()):
        """Every child of the customer, in detail, indexed by each identifying value (lower-cased).

        One GET with an empty ``<user/>`` asks for all users, as ``<distributiongroups/>`` or ``<instances/>``
        do for theirs. A server that refuses that (error 15/16) is asked the documented way instead: a FIND of
        the users, then GETs naming them in batches.
        """
        if self.customer.code is None:
            self.customer.resolve(self.client)
        while True:
            request = xml_codec.E('customer', xml_codec.leaf('name', self.customer.code), xml_codec.E(self.child_tag, *read_children))
            try:
                children = self.client.get(request).findall('customer/' + self.child_tag)
                break
            except NotFoundError as error:
                if self.customer.retry_after(error, self.client):
                    continue
                if error.code not in NO_CHILDREN_CODES:
                    raise
                children = self._read_all_by_name(read_children)
                break
        index = {}
        for child in children:
            for tag in self.index_keys:
                value = xml_codec.text_of(child, tag)
                if value:
                    index[value.lower()] = child
        return index

    def _read_all_by_name(self, read_children):
        listing = self.client.find(xml_codec.E('customer', xml_codec.leaf('name', self.customer.code), xml_codec.E(self.child_tag)))
        names = [xml_codec.text_of(child, 'name') for child in listing.iterfind('customer/' + self.child_tag)]
        return get_children(self.client, self.customer.code, self.child_tag, names, read_children)

    # -- planning ----------------------------------------------------------------------------------------
    def plan(self, items_params):
        read_children = self.resource.read_children(_union_desired(self.resource, items_params))
        index = self.read_all(read_children)
        # Keys need the customer code, which read_all() has resolved by now.
        items = [BulkItem(params, self.keys_for(params, self.customer.code)) for params in items_params]
        for item in items:
            item.current = _lookup(index, item.keys)
            item.engine = Engine(self.module, self.client, self.resource, _FixedLocator(self.customer, self.child_tag, item.keys),
                                 params=item.params)
            desired = self.resource.desired(item.params)
            item.plan = item.engine.plan(item.current, desired, item.params['state'])
            if item.plan.action == 'create':
                missing = self.resource.missing_for_create(desired)
                if missing:
                    raise MissingForCreate(item.engine.describe(), missing, getattr(self.client, 'username', None))
            self.warnings.extend(item.engine.warnings)
        return items

    # -- applying ----------------------------------------------------------------------------------------
    def apply(self, items):
        """One SET for every create/update, one DELETE for every delete; returns the request ids."""
        request_ids = []
        writes = [item for item in items if item.plan.action in ('create', 'update')]
        deletes = [item for item in items if item.plan.action == 'delete']
        if writes:
            children = [Level(self.child_tag, item.keys).element(item.plan.children(self.client)) for item in writes]
            request = Level('customer', [('name', self.customer.code)]).element(children)
            request_ids.append(self.client.set(request, verify=lambda: self._converged(writes)))
        if deletes:
            children = [Level(self.child_tag, item.keys).element() for item in deletes]
            request = Level('customer', [('name', self.customer.code)]).element(children)
            request_ids.append(self.client.delete(request, verify=lambda: self._converged(deletes)))
        return request_ids

    def _converged(self, items):
        index = self.read_all(self.resource.read_children(_union_desired(self.resource, [item.params for item in items])))
        for item in items:
            current = _lookup(index, item.keys)
            again = item.engine.plan(current, self.resource.desired(item.params), item.params['state'])
            if item.plan.action == 'create' and current is not None:
                continue    # created; write-only values (passwords) cannot be compared anyway
            if again.changed:
                return False
        return True

    # -- the whole run -----------------------------------------------------------------------------------
    def ensure(self, items_params, result_key):
        items = self.plan(items_params)
        changed = any(item.plan.changed for item in items)
        result = {'changed': changed, 'request_ids': []}
        if changed and not self.module.check_mode:
            result['request_ids'] = self.apply(items)
            if self.module.params.get('wait'):
                for request_id in result['request_ids']:
                    Engine(self.module, self.client, self.resource, None).wait(request_id, 'the bulk change')
        created = [item for item in items if item.plan.action == 'create']
        if created and not self.module.check_mode:
            fresh = self.read_all()
            for item in created:
                item.current = _lookup(fresh, item.keys)
        result[result_key] = [self._item_result(item) for item in items]
        if self.module._diff and changed:
            result['diff'] = {
                'before': dict((item.label, item.plan.before) for item in items if item.plan.changed),
                'after': dict((item.label, item.plan.after) for item in items if item.plan.changed),
            }
        if self.warnings:
            result['warnings'] = self.warnings
        return result

    def _item_result(self, item):
        values = self.resource.values(item.current) if item.current is not None else {}
        if item.plan.action == 'delete':
            values = {}
        elif item.plan.changed and item.plan.action != 'create':
            values.update(item.plan.after)
        values.setdefault(item.keys[0][0], item.label)
        values['changed'] = item.plan.changed
        values['action'] = item.plan.action
        return values


class _FixedLocator:
    """The address of one bulk item (its customer code is already known)."""

    def __init__(self, customer, child_tag, keys):
        self.customer = customer
        self.child_tag = child_tag
        self.keys = keys

    def address(self, client=None):
        return Address([self.customer.level(), Level(self.child_tag, self.keys)])

    def retry_after(self, error, client):
        return False


def _lookup(index, keys):
    for _tag, value in keys:
        if value and value.lower() in index:
            return index[value.lower()]
    return None


def _union_desired(resource, items_params):
    desired = {}
    for params in items_params:
        desired.update(resource.desired(params))
    return desired


def check_unique(items, label):
    """Two list items naming the same entity would fight each other: refuse before sending anything."""
    seen = set()
    for item in items:
        key = (item or '').lower()
        if key in seen:
            raise CortexError('%s %r appears twice in the list; give each entity once.' % (label, item))
        seen.add(key)
