# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The resource engine: read -> compare -> (check mode: stop) -> one SET/DELETE -> optional wait -> result.

Every writing module drives this one engine with a Resource (what the entity is) and a locator (where it
is). The engine owns the rules users rely on: check mode sends reads only; an identical re-run sends one read
and reports changed=false; a write carries only what differs; write-only values never reach a diff, a
result or a trace; a write whose answer was lost is re-read before it is sent again.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.atria.cortex.plugins.module_utils.api import xml_codec
from ansible_collections.atria.cortex.plugins.module_utils.api.errors import CortexError, NotFoundError
from ansible_collections.atria.cortex.plugins.module_utils.engine.resource import IN_FLIGHT_STATUSES
from ansible_collections.atria.cortex.plugins.module_utils.api.xml_codec import status_key
from ansible_collections.atria.cortex.plugins.module_utils.engine import waiter


class Plan:
    """What one entity needs: its field changes, a status change, and the diff both sides see."""

    def __init__(self, action, changes=(), status=None, before=None, after=None):
        self.action = action            # 'none', 'create', 'update', 'delete'
        self.changes = list(changes)    # [(field, Change)]
        self.status = status            # status to send, or None
        self.before = before or {}
        self.after = after or {}

    @property
    def changed(self):
        return self.action != 'none'

    def children(self, client):
        elements = []
        shared = {}
        for field, change in self.changes:
            for element in field.build(field.prepare(client, change.send)):
                # Values that share a container (<configuration><timeoutdays/><reminderdays/></configuration>)
                # travel in one: the API reads only the first container of a kind.
                if field.shares_container and element.tag in shared:
                    shared[element.tag].extend(list(element))
                    continue
                if field.shares_container:
                    shared[element.tag] = element
                elements.append(element)
        if self.status:
            elements.append(xml_codec.leaf('status', self.status))
        return elements

    def sent(self, option):
        """The value the plan sends for an option (for checks before the write), or None."""
        return next((change.send for field, change in self.changes if field.option == option), None)


class Engine:
    """Reconciles one entity described by ``resource`` at the place ``locator`` names."""

    def __init__(self, module, client, resource, locator, params=None):
        self.module = module
        self.client = client
        self.resource = resource
        self.locator = locator
        # Bulk modules plan many entities with one engine each, each with the options of its list item.
        self.params = module.params if params is None else params
        self.warnings = []

    # -- reading -----------------------------------------------------------------------------------------
    def read(self, desired=None):
        """The entity element as the server has it now, or None when it does not exist."""
        while True:
            address = self.locator.address(self.client)
            try:
                return address.read(self.client, self.resource.read_children(desired or {}))
            except NotFoundError as error:
                if self.locator.retry_after(error, self.client):
                    continue
                if error.code in self.resource.missing_codes:
                    return None
                raise

    # -- planning ----------------------------------------------------------------------------------------
    def plan(self, current, desired, state):
        """Compare the current entity element (or None) with the desired option values."""
        if state == 'absent':
            if current is None:
                return Plan('none')
            return Plan('delete', before=self._visible(current, desired), after={})
        if current is None:
            if state == 'deprovisioned':
                self.warnings.append('%s does not exist, so there is nothing to de-provision.' % self.describe())
                return Plan('none')
            return self._plan_create(desired)
        return self._plan_update(current, desired, state)

    def _plan_create(self, desired):
        changes = []
        after = {}
        for field in self.resource.fields:
            change = field.compare(None, desired.get(field.option), self.params, creating=True)
            if change.changed:
                changes.append((field, change))
                if not field.write_only:
                    after[field.option] = change.after
        return Plan('create', changes, before={}, after=after)

    def _plan_update(self, current, desired, state):
        desired = self.resource.resolve(current, desired)
        values = self.resource.values(current)
        changes = []
        before, after = {}, {}
        for field in self.resource.fields:
            if field.option not in desired:
                continue
            change = field.compare(values.get(field.option), desired[field.option], self.params, creating=False)
            if not field.write_only:
                before[field.option] = change.before
                after[field.option] = change.after
            if change.changed:
                changes.append((field, change))
        status = self._status_to_send(values.get('status'), state)
        if status:
            before['status'] = values.get('status')
            after['status'] = status
        action = 'update' if changes or status else 'none'
        return Plan(action, changes, status=status, before=before, after=after)

    def _status_to_send(self, current_status, state):
        if not self.resource.provisionable or current_status is None:
            return None
        current = status_key(current_status) or ''
        if current in IN_FLIGHT_STATUSES:
            if state == 'deprovisioned':
                self.warnings.append('%s has the status %s: a provisioning request is still running. Re-run the task '
                                     'once it has finished (or use wait: true).' % (self.describe(), current_status))
            return None
        if state == 'present' and current in ('notprovisioned', 'failed'):
            # A failed provisioning is submitted again: the run after fixing its cause (which the failure message
            # asks for) provisions the entity, and until then every run says that it is not provisioned.
            return 'Provisioned'
        if state == 'deprovisioned' and current != 'notprovisioned':
            return 'NotProvisioned'
        return None

    def _visible(self, current, desired):
        values = self.resource.values(current)
        keys = set(desired) | set(['status'])
        return dict((key, value) for key, value in values.items() if key in keys)

    # -- applying ----------------------------------------------------------------------------------------
    def apply(self, plan, desired):
        """Send the one write the plan needs; return the provisioning request id (None on CPSM 10)."""
        address = self.locator.address(self.client)
        if plan.action == 'delete':
            if self.resource.delete_by_set is not None:
                return self.client.set(address.element(self.resource.delete_by_set()), verify=lambda: self.read() is None)
            return self.client.delete(address.element(entity_children=False), verify=lambda: self.read() is None)
        return self.client.set(address.element(plan.children(self.client)), verify=lambda: self.converged(desired, plan))

    def converged(self, desired, plan):
        """True when a re-read shows the write already applied (its answer was lost on the way back)."""
        current = self.read(desired)
        if current is None:
            return False
        state = 'deprovisioned' if plan.status == 'NotProvisioned' else 'present'
        again = self._plan_update(current, desired, state)
        # Write-only values cannot be re-read: they count as applied once the entity exists.
        return not [change for field, change in again.changes if not field.write_only] and not again.status

    def wait(self, request_id, describe):
        timeout = self.params.get('wait_timeout') or 300
        if request_id is not None:
            return waiter.wait_for_request(self.client, request_id, timeout)

        def read_status():
            current = self.read()
            return None if current is None else xml_codec.text_of(current, 'status')

        waiter.wait_for_status(read_status, timeout, describe)
        return None

    # -- the whole run -----------------------------------------------------------------------------------
    def ensure(self, state, before_delete=None, before_write=None):
        """Reconcile and return the module result (a dict for exit_json).

        before_delete(current) and before_write(plan) (a create or update) are checks that may read and raise;
        they run in check mode too, so an audit reports what a real run would refuse, and cost nothing when
        there is nothing to write.
        """
        desired = self.resource.desired(self.params)
        current = self.read(desired)
        plan = self.plan(current, desired, state)
        if plan.action == 'create':
            missing = self.resource.missing_for_create(desired)
            if missing:
                raise MissingForCreate(self.describe(), missing, getattr(self.client, 'username', None))
        if plan.action == 'delete' and before_delete is not None:
            before_delete(current)
        if plan.action in ('create', 'update') and before_write is not None:
            before_write(plan)
        result = {'changed': plan.changed, 'request_id': None}
        if plan.changed and not self.module.check_mode:
            result['request_id'] = self.apply(plan, desired)
            if self.params.get('wait'):
                request = self.wait(result['request_id'], self.describe())
                if request:
                    result['request'] = request
        result[self.resource.result_key] = self.result_entity(plan, current, desired)
        if self.module._diff and plan.changed:
            result['diff'] = {'before': plan.before, 'after': plan.after}
        if self.warnings:
            result['warnings'] = self.warnings
        return result

    def result_entity(self, plan, current, desired):
        """The entity as it now is: re-read after a real create or a wait, predicted otherwise."""
        if plan.action == 'delete':
            return {}
        reread = plan.changed and not self.module.check_mode and (plan.action == 'create' or self.params.get('wait'))
        if reread:
            current = self.read(desired)
        values = self.resource.values(current) if current is not None else {}
        if plan.changed and not reread:
            values.update(plan.after)
        return values

    def describe(self):
        return self.locator.address(self.client).describe()


class MissingForCreate(CortexError):
    """The entity must be created, but the task lacks options the API requires for that (checked before any write)."""

    def __init__(self, describe, missing, api_user=None):
        self.missing = missing
        visible = " or is not visible to API user '%s'" % api_user if api_user else ''
        super(MissingForCreate, self).__init__(
            '%s does not exist%s, and creating it needs: %s. Add %s to the task, or fix the name (and the API user, '
            'for a customer outside its reseller scope) if it should already exist.'
            % (describe, visible, ', '.join(missing), 'them' if len(missing) > 1 else 'it'))
