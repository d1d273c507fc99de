# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Reconciling many children of one customer in one task: one read, one multi-item SET, at most one DELETE.

The CortexAPI accepts several ``<user>`` elements in one SET ("Multi-Item Provision" in the guide). Each item is
planned by a single-entity Engine, and the task goes the one path every task takes (reconciler.Run): a bulk task
compares, checks, reports and waits exactly like a single-item task. What differs is only how the entities are
read and written, which is this store's job.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.atria.cortex.plugins.module_utils.api import xml_codec
from ansible_collections.atria.cortex.plugins.module_utils.engine.reconciler import DEFAULT_WAIT_TIMEOUT, Engine, Run
from ansible_collections.atria.cortex.plugins.module_utils.api.errors import CUSTOMER_NOT_FOUND, CortexError, NotFoundError
from ansible_collections.atria.cortex.plugins.module_utils.api.status import FAILED, in_flight, status_equal
from ansible_collections.atria.cortex.plugins.module_utils.engine.resource import Address, Level
from ansible_collections.atria.cortex.plugins.module_utils.engine.reads import all_children
from ansible_collections.atria.cortex.plugins.module_utils.engine import waiter
from ansible_collections.atria.cortex.plugins.module_utils.engine.context import RunContext


class BulkEngine:
    """Reconciles a list of ``child_tag`` entities (users) of one customer; the store of their Run."""

    def __init__(self, module, client, resource, customer, child_tag, keys_for, index_keys):
        self.module = module
        self.client = client
        self.resource = resource
        self.customer = customer        # a locators.CustomerRef
        self.child_tag = child_tag
        self.keys_for = keys_for        # keys_for(item_params, customer_code) -> [(tag, value)]
        self.index_keys = index_keys    # tags whose values identify a child (e.g. name, upn)

    # -- reading -----------------------------------------------------------------------------------------
    def read_all(self, read_children=()):
        """Every child of the customer, in detail, indexed by each identifying value (lower-cased).

        (reads.all_children: one GET of all of them, or a FIND and batched GETs where the server wants them named)
        """
        children = all_children(self.client, self.customer, self.child_tag, read_children)
        index = {}
        for child in children:
            for tag in self.index_keys:
                value = xml_codec.text_of(child, tag)
                if value:
                    index[value.lower()] = child
        return index

    def _read_index(self, engines):
        return self.read_all(self.resource.read_children(_union_desired(self.resource, [engine.params for engine in engines])))

    # -- planning ----------------------------------------------------------------------------------------
    def plan(self, items_params):
        """One surveyed Engine per list item, all read with one read of the customer's children."""
        parent_missing = None
        try:
            index = self.read_all(self.resource.read_children(_union_desired(self.resource, items_params)))
        except NotFoundError as error:
            # Check mode, the customer does not exist yet (an earlier task would create it): preview every item.
            if not self.module.check_mode or error.code != CUSTOMER_NOT_FOUND:
                raise
            index, parent_missing = {}, error
        engines = []
        # One context for every item: what fields look up (users, a customer's administrators) is read once.
        context = RunContext(self.client, customer=self.customer, check_mode=self.module.check_mode)
        # Keys need the customer code, which read_all() has resolved by now.
        for params in items_params:
            locator = ChildLocator(self.customer, self.child_tag, self.keys_for(params, self.customer.code))
            engine = Engine(self.module, self.client, self.resource, locator, params=params, context=context)
            if parent_missing is not None:
                engine.parent_absent = True
            engine.survey(params['state'], current=_lookup(index, locator.keys), read=False)
            engines.append(engine)
        if parent_missing is not None and engines:
            engines[0].warnings.append(
                "Check mode preview: %s - in check mode that is what an earlier task that would create the customer "
                "leaves behind - so this task shows the users it would create; they were not checked against the "
                "server." % (parent_missing.server_message or "customer '%s' does not exist yet" % self.customer.reference).rstrip('.'))
        return engines

    # -- the store of the Run ----------------------------------------------------------------------------
    def send(self, engines):
        """One SET for every create/update, one DELETE for every delete; returns the request ids."""
        request_ids = []
        writes = [engine for engine in engines if engine.planned.action in ('create', 'update')]
        deletes = [engine for engine in engines if engine.planned.action == 'delete']
        if writes:
            children = [engine.locator.level().element(engine.planned.children(engine.context)) for engine in writes]
            request_ids.append(self.client.set(self._customer_element(children), verify=lambda: self._shown(writes)))
        if deletes:
            children = [engine.locator.level().element() for engine in deletes]
            request_ids.append(self.client.delete(self._customer_element(children), verify=lambda: self._shown(deletes)))
        return request_ids

    def _customer_element(self, children):
        return Level('customer', [('name', self.customer.code)]).element(children)

    def _shown(self, engines):
        """True when one read shows every write of ``engines`` as done (its answer was lost on the way back)."""
        index = self._read_index(engines)
        return all(engine.shows_plan(_lookup(index, engine.locator.keys)) for engine in engines)

    def read_back(self, engines):
        index = self._read_index(engines)
        for engine in engines:
            engine.current = _lookup(index, engine.locator.keys)

    def wait_for(self, request_id, engines):
        """Wait for a request the write started; CPSM 10 answers no id, so then for the written children's status."""
        timeout = self.module.params.get('wait_timeout') or DEFAULT_WAIT_TIMEOUT
        if request_id is not None:
            return waiter.wait_for_request(self.client, request_id, timeout, progress=self.module.progress,
                                           label='%s (bulk change)' % self.customer.describe())

        def read_status():
            index = self.read_all()
            return _settling([xml_codec.text_of(_lookup(index, engine.locator.keys), 'status') for engine in engines])

        waiter.wait_for_status(read_status, timeout, 'the bulk change', progress=self.module.progress)
        return None

    # -- the whole run -----------------------------------------------------------------------------------
    def ensure(self, items_params, result_key, before_delete=None, before_write=None):
        """before_delete(current) / before_write(plan): checks per item, as Engine.ensure takes them."""
        engines = self.plan(items_params)
        run = Run(self.module, self.module.params, engines, self).execute(before_delete, before_write)
        result = {'changed': run.changed, 'request_ids': run.request_ids}
        result[result_key] = [self._item_result(run, engine) for engine in engines]
        changed = [engine for engine in engines if engine.planned.changed]
        return run.finish(result, {
            'before': dict((engine.locator.label, engine.planned.before) for engine in changed),
            'after': dict((engine.locator.label, engine.planned.after) for engine in changed),
        })

    @staticmethod
    def _item_result(run, engine):
        values = run.entity(engine)
        values.setdefault(engine.locator.keys[0][0], engine.locator.label)
        values['changed'] = engine.planned.changed
        values['action'] = engine.planned.action
        return values


class ChildLocator:
    """The address of one bulk item (its customer code is already known)."""

    def __init__(self, customer, child_tag, keys):
        self.customer = customer
        self.child_tag = child_tag
        self.keys = keys

    @property
    def label(self):
        return self.keys[0][1]

    def level(self):
        return Level(self.child_tag, self.keys)

    def address(self, client=None):
        return Address([self.customer.level(), self.level()])

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


def _settling(statuses):
    """The status that decides a wait for several entities: Failed, else one still in flight, else None (done)."""
    if any(status_equal(status, FAILED) for status in statuses):
        return FAILED
    return next((status for status in statuses if in_flight(status)), None)


def check_unique(items, label):
    """Two list items naming the same entity would fight each other: refuse before sending anything."""
    seen = set()
    for item in items:
        key = (item or '').lower()
        if key in seen:
            raise CortexError('%s %r appears twice in the list; give each entity once.' % (label, item))
        seen.add(key)
