# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""A write is not done until a read shows it (DESIGN point 15).

The CortexAPI silently ignores tags it does not read - a tag of another release, a spelling from the other guide,
a field a deployment locks - and still answers the SET with a request id. So after every write the engine reads
the entity back (one GET) and compares what it sent with what the server now holds, with the fields' own
comparison (the one the diff uses): the read-back is planned again against the task, and every field the write
carried that would still have to be sent did not take.

- A value still missing while the entity is in flight (Requested, InProgress) may only show once provisioning
  ends: the entity is re-read, with the waiter's growing intervals, until it rests or ``timeout`` passes.
- A change held for workflow approval (``<approvalpending>True``) is not applied until an approver answers; that
  is reported as a warning, not as a failure.
- A delete is done when the entity is gone, or rests de-provisioned.
- Write-only values (passwords) are never returned by the server and cannot be checked.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import time

from ansible_collections.atria.cortex.plugins.module_utils.api import xml_codec
from ansible_collections.atria.cortex.plugins.module_utils.api.errors import CortexError
from ansible_collections.atria.cortex.plugins.module_utils.api.release import known_release
from ansible_collections.atria.cortex.plugins.module_utils.api.status import FAILED, NOT_PROVISIONED, in_flight as status_in_flight, status_equal
from ansible_collections.atria.cortex.plugins.module_utils.engine.spellings import fallback_of
from ansible_collections.atria.cortex.plugins.module_utils.engine.waiter import ProvisioningFailed, failure_log, poll_intervals

DEFAULT_TIMEOUT = 300
# confirm(current=UNREAD): no read was made after the write yet (None means "read, and it is not there").
UNREAD = object()
_SHOWN_CHARACTERS = 120


class Mismatch:
    """One field a write carried that the server does not hold afterwards."""

    def __init__(self, field, sent, held):
        self.field = field
        self.sent = sent
        self.held = held

    @property
    def option(self):
        return self.field.option

    @property
    def tag(self):
        return tag_of(self.field)

    def describe(self):
        return '`%s` (tag %s): sent %s, it holds %s' % (self.option, self.tag, shown(self.sent), shown(self.held))

    def to_dict(self):
        return dict(option=self.option, tag=self.tag, sent=self.sent, held=self.held)


class StatusField:
    """Stands for the entity's <status> in a Mismatch (the engine sends it, no Field describes it)."""

    option = 'state'
    tag = 'status'
    write_only = False


def tag_of(field):
    """How a field travels, for messages: '<lastname>', '<members><member>', '<configuration><timeoutdays>'."""
    explicit = getattr(field, 'verify_tag', None)
    if explicit:
        return explicit
    container = getattr(field, 'container', None)
    tag = field.tag
    if tag is None:
        service = getattr(field, 'service', None)
        tag = service.plan_tag() if service is not None and hasattr(service, 'plan_tag') else field.option
    item = getattr(field, 'item_tag', None)
    parts = [container] if container else []
    parts.append(tag)
    if item:
        parts.append(item)
    return ''.join('<%s>' % part for part in parts)


def shown(value):
    """A value as messages quote it: 'Tester', [a, b], True, nothing; a plan list as the plans it enables."""
    if isinstance(value, list) and value and all(isinstance(item, dict) and 'enabled' in item for item in value):
        value = 'enabled: %s' % (', '.join(str(item.get('name')) for item in value if item.get('enabled')) or 'none')
    if value is None or value == '' or value == [] or value == {}:
        return 'nothing' if value is None else repr(value)
    text = repr(value) if not isinstance(value, str) else "'%s'" % value
    return text if len(text) <= _SHOWN_CHARACTERS else text[:_SHOWN_CHARACTERS - 3] + '...'


def unapplied(plan, again):
    """The fields ``plan`` sent that the plan ``again`` (made from the read-back) would still have to send.

    Write-only and read-only fields are skipped: the server never shows the first, the second are never sent.
    """
    if plan.status and again.status:
        # The status did not take (still not provisioned): the values are judged once it did.
        return [Mismatch(StatusField(), plan.status, (again.before or {}).get('status'))]
    still = dict((field.option, change) for field, change in again.changes)
    mismatches = []
    for field, change in plan.changes:
        if field.write_only or getattr(field, 'read_only', False) or field.option not in still:
            continue
        mismatches.append(Mismatch(field, change.after, still[field.option].before))
    return mismatches


def status_of(entity):
    return xml_codec.text_of(entity, 'status') if entity is not None else None


def in_flight(entity):
    return status_in_flight(status_of(entity))


def approval_pending(entity):
    return entity is not None and xml_codec.to_bool(xml_codec.text_of(entity, 'approvalpending')) is True


class WriteNotApplied(CortexError):
    """The server accepted a write (answered success) but a read-back shows that (part of) it did not take."""

    name = 'WriteNotApplied'

    def __init__(self, describe, mismatches, request_id=None, release=None, action='update', spellings_tried=None):
        self.mismatches = list(mismatches)
        self.request_id = request_id
        self.entity = describe
        request = ' (request %s)' % request_id if request_id is not None else ' (no request id: CPSM 10 answers none)'
        if len(self.mismatches) == 1:
            what = 'did not apply %s' % self.mismatches[0].describe()
        else:
            what = 'did not apply %d of the values it was sent: %s' % (
                len(self.mismatches), '; '.join(mismatch.describe() for mismatch in self.mismatches))
        release_text = ' (%s)' % release.describe() if release is not None and release.known else ''
        tried = ''
        if spellings_tried:
            tried = ' Both spellings the guides document were sent (%s), one after the other.' % '; '.join(spellings_tried)
        super(WriteNotApplied, self).__init__(
            'The server accepted the %s of %s%s but %s.%s The CortexAPI silently ignores tags it does not read: this '
            'Atria release%s may not support the tag or spell it differently, or the deployment may lock the field '
            '(a policy, a role, a customisation). Check the field in the Atria control panel and in the request log '
            '(atria.cortex.atria_request_info), and leave the option out of the task for this server if it cannot be '
            'set through the API.' % (action, describe, request, what, tried, release_text))
        self.hint = 'Leave %s out for this server, or fix what keeps the server from applying it.' % ', '.join(
            sorted(set(mismatch.option for mismatch in self.mismatches)))

    def to_dict(self):
        result = super(WriteNotApplied, self).to_dict()
        result['unapplied'] = [mismatch.to_dict() for mismatch in self.mismatches]
        result['request_id'] = self.request_id
        return result


class NotCreated(CortexError):
    """The server accepted the creation but the entity cannot be read afterwards."""

    name = 'WriteNotApplied'

    def __init__(self, describe, request_id=None, release=None):
        self.entity = describe
        request = ' (request %s)' % request_id if request_id is not None else ''
        release_text = ' (%s)' % release.describe() if release is not None and release.known else ''
        super(NotCreated, self).__init__(
            'The server accepted the creation of %s%s, but a read right after it does not find it. The CortexAPI '
            'silently ignores what it does not know: this release%s may not support this kind of entity, or the '
            'request may lack a tag this server needs. Check the request log (atria.cortex.atria_request_info) and '
            'the Atria control panel.' % (describe, request, release_text))


class NotRemoved(CortexError):
    """The server accepted a delete but the entity is still there, and not de-provisioned."""

    name = 'WriteNotApplied'

    def __init__(self, describe, status, request_id=None, release=None):
        self.entity = describe
        request = ' (request %s)' % request_id if request_id is not None else ''
        release_text = ' (%s)' % release.describe() if release is not None and release.known else ''
        super(NotRemoved, self).__init__(
            'The server accepted the removal of %s%s, but it still exists (status %s). The CortexAPI silently ignores '
            'tags it does not read: this release%s may remove this entity another way. Check the request log '
            '(atria.cortex.atria_request_info) and the Atria control panel.'
            % (describe, request, status or 'unknown', release_text))


class Verifier:
    """Reads an entity back after a write and decides whether the server did what was sent.

    read()          -> the entity element now, or None when it does not exist
    replan(entity)  -> the Plan the engine would make for that entity now (same task, same state)
    describe        -> how messages name the entity
    """

    def __init__(self, read, replan, describe, client=None, timeout=None, sleep=time.sleep, clock=time.monotonic):
        self.read = read
        self.replan = replan
        self.describe = describe
        self.client = client
        self.timeout = DEFAULT_TIMEOUT if timeout is None else timeout
        self.sleep = sleep
        self.clock = clock
        self.warnings = []

    # -- creates and updates -----------------------------------------------------------------------------
    def confirm(self, plan, request_id=None, current=UNREAD):
        """The entity as it is after the write (``current``: a read already made after it, reused).

        Raises NotCreated when a created entity cannot be read, WriteNotApplied when fields it was sent did not
        take (see ``check`` for the decision without raising).
        """
        entity, mismatches = self.check(plan, current)
        if entity is None:
            raise NotCreated(self.describe_now(), request_id, self.release())
        if mismatches:
            raise WriteNotApplied(self.describe_now(), mismatches, request_id, self.release(), plan.action)
        return entity

    def check(self, plan, current=UNREAD):
        """(entity, mismatches) after the write; [] when everything took or waits for an approver (a warning).

        The database is updated when the SET is answered (CPSM 10 guide, "Provisioning"), so an entity that is not
        there right after its creation is not coming; values of an entity in flight are re-read until it rests.
        """
        entity = self.read() if current is UNREAD else current
        if entity is None:
            return None, []
        mismatches = unapplied(plan, self.replan(entity))
        if mismatches and in_flight(entity):
            for interval in poll_intervals(self.timeout, clock=self.clock):
                self.sleep(interval)
                entity = self.read()
                if entity is None:
                    return None, []
                mismatches = unapplied(plan, self.replan(entity))
                if not mismatches or not in_flight(entity):
                    break
        if approval_pending(entity):
            waiting = ' (%s not applied yet)' % ', '.join('`%s`' % mismatch.option for mismatch in mismatches) if mismatches else ''
            self.warnings.append('%s is held for workflow approval: the change takes effect when an approver accepts '
                                 'it%s.' % (self.describe_now(), waiting))
            return entity, []
        return entity, mismatches

    # -- deletes -----------------------------------------------------------------------------------------
    def confirm_gone(self, request_id=None, current=UNREAD):
        """Return once the entity is gone or rests de-provisioned; raise NotRemoved otherwise."""
        entity = self.read() if current is UNREAD else current
        if self._removed(entity):
            return
        if in_flight(entity) or approval_pending(entity):
            if approval_pending(entity):
                self.warnings.append('The removal of %s is held for workflow approval; it is removed when an approver '
                                     'accepts it.' % self.describe_now())
                return
            for interval in poll_intervals(self.timeout, clock=self.clock):
                self.sleep(interval)
                entity = self.read()
                if self._removed(entity) or not in_flight(entity):
                    break
        if not self._removed(entity):
            raise NotRemoved(self.describe_now(), xml_codec.text_of(entity, 'status'), request_id, self.release())

    @staticmethod
    def _removed(entity):
        return entity is None or status_equal(status_of(entity), NOT_PROVISIONED)

    # -- messages ----------------------------------------------------------------------------------------
    def describe_now(self):
        return self.describe() if callable(self.describe) else self.describe

    def release(self):
        return known_release(self.client) if self.client is not None else None


# -- the read-back of a whole run (engine/reconciler.Run) ------------------------------------------------------
def verify_run(run, written):
    """After ``run`` sent (and maybe waited for) the writes of ``written`` and read them back (``engine.current``):
    check every one against what was sent.

    Entities still in flight are re-read one by one (bounded by wait_timeout); the last read is kept in
    ``engine.current``, so the result reports the server's values.
    """
    timeout = run.params.get('wait_timeout') or DEFAULT_TIMEOUT
    for engine in written:
        verifier = Verifier(lambda engine=engine: _read_again(run.store, engine), lambda current, engine=engine: ReadBack(engine, current),
                            engine.describe, client=engine.client, timeout=timeout)
        request_id = _request_id(run, engine)
        if engine.planned.action == 'delete':
            verifier.confirm_gone(request_id, current=engine.current)
        else:
            engine.current = _confirm_with_fallback(run, engine, verifier, request_id)
        engine.warnings.extend(verifier.warnings)


def _confirm_with_fallback(run, engine, verifier, request_id):
    """confirm(); fields the server did not take and that have another documented spelling are sent once more in
    that spelling (docs/spellings.md, "fallback") before the task fails."""
    plan = engine.planned
    entity, mismatches = verifier.check(plan, engine.current)
    retry = [(fallback_of(mismatch.field), change) for mismatch in mismatches
             for field, change in plan.changes if field is mismatch.field and fallback_of(field) is not None]
    tried = []
    if entity is not None and retry:
        respelt = type(plan)('update', retry, before=plan.before, after=plan.after)
        engine.planned = respelt
        try:
            run.store.send([engine])
        finally:
            engine.planned = plan
        entity, still = verifier.check(respelt)
        retried = set(field.option for field, _change in retry)
        tried = ['%s: %s, then %s' % (field.option, tag_of(plan_field), tag_of(field))
                 for field, _change in retry for plan_field, _c in plan.changes if plan_field.option == field.option]
        mismatches = [mismatch for mismatch in mismatches if mismatch.option not in retried] + still
    if entity is None:
        raise NotCreated(verifier.describe_now(), request_id, verifier.release())
    if any(isinstance(mismatch.field, StatusField) for mismatch in mismatches) and status_equal(status_of(entity), FAILED):
        # The server took the status and tried: provisioning failed, which its log explains (not an ignored tag).
        description, lines = failure_log(engine.client, request_id) if request_id is not None else (None, [])
        raise ProvisioningFailed(request_id, description or verifier.describe_now(), lines)
    if mismatches:
        raise WriteNotApplied(verifier.describe_now(), mismatches, request_id, verifier.release(), plan.action,
                              spellings_tried=tried)
    return entity


class ReadBack:
    """What a read-back of ``engine``'s entity shows as still to do, shaped like a Plan for unapplied(): the fields,
    compared as an update, and the status a plan would send again."""

    def __init__(self, engine, current):
        again = engine.replan(current)
        self.changes = engine.still_to_send(current)
        self.status = again.status
        self.before = again.before


def _read_again(store, engine):
    store.read_back([engine])
    return engine.current


def _request_id(run, engine):
    """Single: the one id. Bulk: the SET's id for creates/updates, the DELETE's (the last) for deletes."""
    if not run.request_ids:
        return None
    return run.request_ids[-1] if engine.planned.action == 'delete' else run.request_ids[0]
