# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The resource engine: read -> compare -> (check mode: stop) -> one SET/DELETE -> optional wait -> result.

Every writing module drives this one engine with a Resource (what the entity is) and a locator (where it
is). The engine owns the rules users rely on: check mode sends reads only; an identical re-run sends one read
and reports changed=false; a write carries only what differs; write-only values never reach a diff, a
result or a trace; a write whose answer was lost is re-read before it is sent again.

An ``Engine`` compares one entity. ``Run`` is the one path from the plans to the result that every writing task
takes, for one entity (``Engine.ensure``) or for a list of them (``bulk.BulkEngine``): the checks before a write,
check mode, the write, the wait, the entities as they now are, the diff and the warnings.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.atria.cortex.plugins.module_utils.api import xml_codec
from ansible_collections.atria.cortex.plugins.module_utils.api.errors import CUSTOMER_NOT_FOUND, USER_NOT_FOUND, CortexError, NotFoundError
from ansible_collections.atria.cortex.plugins.module_utils.engine.resource import IN_FLIGHT_STATUSES
from ansible_collections.atria.cortex.plugins.module_utils.api.status import FAILED, NOT_PROVISIONED, PROVISIONED, status_equal, status_key
from ansible_collections.atria.cortex.plugins.module_utils.engine import waiter
from ansible_collections.atria.cortex.plugins.module_utils.engine.context import RunContext
from ansible_collections.atria.cortex.plugins.module_utils.api.release import release_of
from ansible_collections.atria.cortex.plugins.module_utils.engine import approvals
from ansible_collections.atria.cortex.plugins.module_utils.engine.verification import verify_run

DEFAULT_WAIT_TIMEOUT = 300


# Check mode: a GET answering these for a child entity means its parent is not there (yet): a customer, a user.
PARENT_NOT_FOUND_CODES = (CUSTOMER_NOT_FOUND, USER_NOT_FOUND)


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

    def children(self, context):
        """The elements the write carries; fields turn their values into what the server wants with ``context``."""
        elements = []
        shared = {}
        for field, change in self.changes:
            for element in field.build(field.prepare(context, change.send)):
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
    """Reconciles one entity described by ``resource`` at the place ``locator`` names.

    ``survey(state)`` reads and plans it (``desired``, ``current``, ``planned``); ``ensure(state)`` is the whole
    task. As the store of a Run it sends its own write (``send``) and reads itself back (``read_back``).
    ``context``: the run's RunContext, handed to the fields (bulk work shares one; by default the engine makes it).
    """

    def __init__(self, module, client, resource, locator, params=None, context=None):
        self.module = module        # the task: params, check_mode, diff (engine/runner.py)
        self.client = client
        self.resource = resource
        self.locator = locator
        # Bulk modules plan many entities with one engine each, each with the options of its list item.
        self.params = module.params if params is None else params
        self.warnings = []
        self.state = None
        self.desired = {}
        self.current = None
        self.planned = None
        self.context = context if context is not None else RunContext.of(client, locator, check_mode=module.check_mode)
        # True in check mode when the entity's customer or user does not exist yet (parent_missing_in_check_mode).
        self.parent_absent = False

    # -- reading -----------------------------------------------------------------------------------------
    def read(self, desired=None):
        """The entity element as the server has it now, or None when it does not exist."""
        while True:
            try:
                address = self.locator.address(self.client)
                return address.read(self.client, self.resource.read_children(desired or {}))
            except NotFoundError as error:
                if self.locator.retry_after(error, self.client):
                    continue
                if error.code in self.resource.missing_codes:
                    return None
                if self.parent_missing_in_check_mode(error):
                    return None
                raise

    def parent_missing_in_check_mode(self, error):
        """Check mode: the customer (or user) the entity belongs to does not exist yet, which is what an earlier task
        of the same run that creates it leaves behind. The entity is then previewed as one to create (changed, with
        its diff) and a warning, instead of failing with CustomerNotFound; the checks before a write, which would
        read that parent, are skipped for it (Run.execute). A real run reads the parent the earlier task made."""
        if not self.module.check_mode or error.code not in PARENT_NOT_FOUND_CODES:
            return False
        self.parent_absent = True
        self.warnings.append(
            '%s: check mode preview. %s - in check mode that is what an earlier task that would create it leaves '
            'behind - so this task shows what it would create; it was not checked against the server.'
            % (self.describe_safely(), (error.server_message or 'Its customer or user does not exist yet').rstrip('.')))
        return True

    def describe_safely(self):
        try:
            return self.describe()
        except CortexError:
            return 'This %s' % self.resource.noun

    # -- planning ----------------------------------------------------------------------------------------
    def survey(self, state, current=None, read=True):
        """Read the entity (unless ``read`` is False: ``current`` was read already) and plan it for ``state``.

        This is the one place a creation is checked for the options it needs: MissingForCreate, before any write.
        """
        self.state = state
        self.desired = self.resource.desired(self.params)
        self.resource.announce(self.desired, self.context)
        self.current = self.read(self.desired) if read else current
        self.planned = self.plan(self.current, self.desired, state)
        if self.planned.action == 'create':
            missing = self.resource.missing_for_create(self.desired)
            if missing:
                raise MissingForCreate(self.describe(), missing, getattr(self.client, 'username', None))
        return self.planned

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
            change = field.compare(None, desired.get(field.option), self.params, creating=True, context=self.context)
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
        status = self._status_to_send(values.get('status'), state)
        # Re-provisioning carries everything the task asks for, as a creation does: a server given only the status
        # applies its defaults (a user service gets the customer's first enabled plan), whatever its read showed.
        # Write-only values (passwords) are not sent again for that.
        reprovisioning = status == PROVISIONED
        for field in self.resource.fields:
            if field.option not in desired:
                continue
            change = field.compare(values.get(field.option), desired[field.option], self.params,
                                   creating=reprovisioning and not field.write_only, context=self.context)
            if not field.write_only:
                before[field.option] = change.before
                after[field.option] = change.after
            if change.changed:
                changes.append((field, change))
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
        if state == 'present' and (status_equal(current, NOT_PROVISIONED) or status_equal(current, FAILED)):
            # A failed provisioning is submitted again: the run after fixing its cause (which the failure message
            # asks for) provisions the entity, and until then every run says that it is not provisioned.
            return PROVISIONED
        if state == 'deprovisioned' and not status_equal(current, NOT_PROVISIONED):
            return NOT_PROVISIONED
        return None

    def _visible(self, current, desired):
        values = self.resource.values(current)
        keys = set(desired) | set(['status'])
        return dict((key, value) for key, value in values.items() if key in keys)

    # -- after a write: does a read show it? ---------------------------------------------------------------
    def unsent(self, current, desired, state):
        """What a plan for ``current`` would still send: [(field, change)] without write-only values (they cannot
        be read back), plus ('status', status) when the status would be sent again. [] means the write shows."""
        again = self._plan_update(current, desired, state)
        pending = [(field, change) for field, change in again.changes if not field.write_only]
        if again.status:
            pending.append(('status', again.status))
        return pending

    def still_to_send(self, current):
        """[(field, change)] a write would still have to send for ``current``, write-only fields left out, compared as
        an update whatever the entity's status (a re-provisioning compares every field as new): what a read-back
        after a write is checked with (verification.py)."""
        desired = self.resource.resolve(current, self.desired)
        values = self.resource.values(current)
        pending = []
        for field in self.resource.fields:
            if field.option in desired and not field.write_only:
                change = field.compare(values.get(field.option), desired[field.option], self.params, creating=False,
                                       context=self.context)
                if change.changed:
                    pending.append((field, change))
        return pending

    def replan(self, current):
        """The plan this engine would make now for ``current`` (same task, same state), without new warnings:
        what a read-back after the write is compared with."""
        warnings = list(self.warnings)
        try:
            return self.plan(current, self.desired, self.state)
        finally:
            self.warnings = warnings

    def shows_plan(self, current):
        """True when ``current`` (read after the surveyed plan was sent) shows that write as done."""
        if self.planned.action == 'delete':
            return current is None
        return current is not None and not self.unsent(current, self.desired, _state_sent(self.planned))

    def converged(self, desired, plan):
        """True when a re-read shows the write already applied (its answer was lost on the way back)."""
        current = self.read(desired)
        return current is not None and not self.unsent(current, desired, _state_sent(plan))

    # -- the store of a single-entity Run ----------------------------------------------------------------
    def apply(self, plan, desired):
        """Send the one write the plan needs; return the provisioning request id (None on CPSM 10)."""
        address = self.locator.address(self.client)
        if plan.action == 'delete':
            if self.resource.delete_by_set is not None:
                return self.client.set(address.element(self.resource.delete_by_set()), verify=lambda: self.read() is None)
            return self.client.delete(address.element(entity_children=False), verify=lambda: self.read() is None)
        return self.client.set(address.element(plan.children(self.context)), verify=lambda: self.converged(desired, plan))

    def send(self, engines):
        """Run store: the write of this one entity; returns [request id]."""
        return [engine.apply(engine.planned, engine.desired) for engine in engines]

    def read_back(self, engines):
        """Run store: each engine's entity as it is now (engine.current)."""
        for engine in engines:
            engine.current = engine.read(engine.desired)

    def wait_for(self, request_id, engines):
        """Run store: wait for the request this entity's write started."""
        return self.wait(request_id)

    def wait(self, request_id, describe=None):
        """Wait for the provisioning request (CPSM 10, no id: for the entity's status); the request dict or None."""
        timeout = self.params.get('wait_timeout') or DEFAULT_WAIT_TIMEOUT
        if request_id is not None:
            return waiter.wait_for_request(self.client, request_id, timeout, progress=self.module.progress,
                                           label=describe or self.describe())

        def read_status():
            current = self.read()
            return None if current is None else xml_codec.text_of(current, 'status')

        waiter.wait_for_status(read_status, timeout, describe or self.describe(), progress=self.module.progress)
        return None

    # -- the whole run -----------------------------------------------------------------------------------
    def ensure(self, state, before_delete=None, before_write=None):
        """Reconcile and return the module result (a dict for exit_json).

        before_delete(current) and before_write(plan) (a create or update) are checks that may read and raise;
        they run in check mode too, so an audit reports what a real run would refuse, and cost nothing when
        there is nothing to write.
        """
        self.survey(state)
        run = Run(self.module, self.params, [self], self).execute(before_delete, before_write)
        result = {'changed': run.changed, 'request_id': run.request_ids[0] if run.request_ids else None}
        if run.requests and run.requests[0]:
            result['request'] = run.requests[0]
        result[self.resource.result_key] = run.entity(self)
        return run.finish(result, {'before': self.planned.before, 'after': self.planned.after})

    def describe(self):
        return self.locator.address(self.client).describe()


class Run:
    """The one path from plans to the module result, for one entity or many.

    engines  -- surveyed Engines (``engine.planned`` set), one per entity
    store    -- sends their writes and reads them back: ``send(engines) -> [request ids]`` (the only place a
                write is sent), ``read_back(engines)`` (sets each ``engine.current``),
                ``wait_for(request_id, engines) -> request dict or None``. An Engine is the store of its own
                single-entity run; a BulkEngine sends a list in one SET.
    params   -- the task-level options (``wait``, ``wait_timeout``)
    """

    def __init__(self, task, params, engines, store):
        self.task = task
        self.params = params
        self.engines = list(engines)
        self.store = store
        self.changed = any(engine.planned.changed for engine in self.engines)
        self.request_ids = []
        self.requests = []
        self.reread = []        # engines read back after the write (their result is what the server has)
        self.holds = []         # writes held for workflow approval (engine/approvals.py)

    def execute(self, before_delete=None, before_write=None):
        """Checks (in check mode too), then - unless check mode - the write, the wait and the read-back."""
        for engine in self.engines:
            if engine.planned.changed and engine.resource.needs:
                # A feature CPSM 10 lacks is silently ignored there: refuse before writing (one GET <global/>).
                release_of(engine.client).require(engine.resource.needs, engine.describe())
            if engine.parent_absent:
                continue        # check mode, its parent does not exist yet: nothing on the server to check against
            if engine.planned.action == 'delete':
                for check in engine.resource.delete_checks:
                    check(engine.current, engine.context, engine.describe)
                if before_delete is not None:
                    before_delete(engine.current)
            if engine.planned.action in ('create', 'update'):
                for check in engine.resource.checks:
                    check(engine.planned, engine.context, engine.describe)
                if before_write is not None:
                    before_write(engine.planned)
        if not self.changed or self.task.check_mode:
            return self
        written = [engine for engine in self.engines if engine.planned.changed]
        self.request_ids = self.store.send(written)
        wait = bool(self.params.get('wait'))
        if wait:
            self.requests = [self.store.wait_for(request_id, written) for request_id in self.request_ids]
        # A write is not done until a read shows it (DESIGN point 15): every entity written is read back once (one
        # GET; one GET of all children in bulk), compared with what was sent (what did not take fails the task), and
        # the result reports what the server holds.
        self.store.read_back(written)
        self.reread = [engine for engine in written if engine.planned.action != 'delete']
        verify_run(self, written)
        # A change held for workflow approval: say who must approve, or wait for the answer (wait_for_approval).
        self.holds = approvals.settle(self, written)
        return self

    def entity(self, engine):
        """The entity as it now is: read back after a real create or a wait, predicted otherwise (check mode)."""
        plan = engine.planned
        if plan.action == 'delete':
            return {}
        values = values_of(engine.resource, engine.current)
        if plan.changed and engine not in self.reread:
            values.update(plan.after)
        return values

    def finish(self, result, diff):
        """The diff (in diff mode, when something changed) and every engine's warnings, added to ``result``."""
        if self.task.diff and self.changed:
            result['diff'] = diff
        warnings = []
        for source in [engine.warnings for engine in self.engines] + [engine.context.warnings for engine in self.engines]:
            warnings.extend(warning for warning in source if warning not in warnings)
        if warnings:
            result['warnings'] = warnings
        result.update(approvals.result_of(self.holds))
        return result


def values_of(resource, current):
    """The entity element as option values; {} when there is none."""
    return resource.values(current) if current is not None else {}


def _state_sent(plan):
    """The state a plan's write was made for, as far as a re-read can tell (its status, if it sent one)."""
    return 'deprovisioned' if plan.status == NOT_PROVISIONED else 'present'


class MissingForCreate(CortexError):
    """The entity must be created, but the task lacks options the API requires for that (checked before any write)."""

    def __init__(self, describe, missing, api_user=None):
        self.missing = missing
        visible = " or is not visible to API user '%s'" % api_user if api_user else ''
        super(MissingForCreate, self).__init__(
            '%s does not exist%s, and creating it needs: %s. Add %s to the task, or fix the name (and the API user, '
            'for a customer outside its reseller scope) if it should already exist.'
            % (describe, visible, ', '.join(missing), 'them' if len(missing) > 1 else 'it'))
