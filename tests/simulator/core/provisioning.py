"""Provisioning requests: creation, the status timer, and GET <request>.

Every accepted SET/DELETE makes one top-level request (its id is the answer) with one child per entity touched.
Statuses are computed from timestamps, never by a background thread: a request created at time C with delay D is
Requested before C + D/2, InProgress before C + D, then its final status (Failed when the fail_rate draw said so).
``refresh`` copies that onto the records the still-running requests drive; the server calls it before every
handler, so it is cheap (only unfinished requests are looked at) and deterministic for a given clock.
"""

import datetime

from lxml import etree

from .errors import SimError
from .xmlio import sub, text_of

STATUSES = ("NotProvisioned", "Requested", "InProgress", "Provisioned", "Failed", "Pending")
# Pending is the guide's "Pending Changes": a resting status like Provisioned. No request ever passes through it;
# it is only ever a final status (a change held for approval), never a phase (see phase()).
IN_FLIGHT = ("Requested", "InProgress")
_CANONICAL = dict((s.lower(), s) for s in STATUSES)


def canonical_status(value):
    return _CANONICAL.get((value or "").strip().lower())


def phase(req, now):
    """The request's status at time now."""
    elapsed = now - req["created"]
    delay = req["delay"]
    if elapsed >= delay:
        return "Failed" if req["failed"] else req["final"]
    if elapsed >= delay / 2.0:
        return "InProgress"
    return "Requested"


def _finished(req, now):
    return now - req["created"] >= req["delay"]


def _new_request(ctx, parent_id, description, obj, final_status, request_type, failed, delay=None):
    store = ctx.store
    rid = store.next_id("request", 45666)
    req = {
        "id": rid, "parent_id": parent_id, "children": [], "type": request_type, "name": "",
        "description": description, "object": obj, "created": ctx.now,
        "delay": float(store.config.get("provisioning_delay") or 0.0) if delay is None else delay,
        "final": final_status, "failed": failed,
        "fail_rate": float(store.config.get("fail_rate") or 0.0), "caller": ctx.caller["name"],
        "customer_id": ctx.caller["customer_id"], "settled": False,
    }
    store.requests[rid] = req
    return req


def start_child(ctx, description, object_type, object_name, records, final_status, request_type, object_description,
                resting=False):
    """See RequestContext.start_request. resting: the request is at final_status at once and never fails (a
    change held for approval rests at Pending: nothing is in flight until an approver answers)."""
    store = ctx.store
    final_status = canonical_status(final_status) or "Provisioned"
    if request_type is None:
        request_type = "Object Deprovision" if final_status == "NotProvisioned" else "Object Provision"
    obj = {"type": object_type, "name": object_name or "", "description": object_description or description}
    if ctx.top_request_id is None:
        top = _new_request(ctx, None, description, dict(obj), final_status, request_type, False)
        ctx.top_request_id = top["id"]
    top = store.requests[ctx.top_request_id]
    child = _new_request(ctx, top["id"], description, obj, final_status, request_type,
                         False if resting else store.fail_draw(), 0.0 if resting else None)
    top["children"].append(child["id"])
    top["failed"] = top["failed"] or child["failed"]
    if len(top["children"]) > 1:
        top["description"] = "%s (and %d more)" % (store.requests[top["children"][0]]["description"],
                                                   len(top["children"]) - 1)
    ctx.child_request_ids.append(child["id"])
    status = phase(child, ctx.now)
    for rec in records:
        rec["status"] = status
        rec["_request"] = child["id"]
    if _finished(child, ctx.now):
        child["settled"] = True
    else:
        store.pending[child["id"]] = list(records)
    return child["id"]


def empty_top(ctx):
    """A SET/DELETE that changed nothing still gets a request id (finished at once, no children)."""
    obj = {"type": "Request", "name": "", "description": "No changes"}
    req = _new_request(ctx, None, "No changes", obj, "Provisioned", "Object Update", False)
    req["delay"] = 0.0
    req["settled"] = True
    return req["id"]


def settled_status(store, record, now):
    rid = record.get("_request")
    req = store.requests.get(rid) if rid is not None else None
    if req is not None and not _finished(req, now):
        status = "Failed" if req["failed"] else req["final"]
    else:
        status = record.get("status") or "Provisioned"
    if status == "Failed" or status in IN_FLIGHT:
        return "Provisioned"      # a change to a failed entity resubmits it
    return status


def refresh(store, now):
    for rid in list(store.pending):
        req = store.requests.get(rid)
        records = store.pending[rid]
        if req is None:
            del store.pending[rid]
            continue
        status = phase(req, now)
        for rec in records:
            if rec.get("_request") == rid:
                rec["status"] = status
        if _finished(req, now):
            req["settled"] = True
            del store.pending[rid]


def _walk_records(value, found):
    if isinstance(value, dict):
        if "_request" in value:
            found.append(value)
        for item in value.values():
            _walk_records(item, found)
    elif isinstance(value, list):
        for item in value:
            _walk_records(item, found)


def rebuild_pending(store):
    """After loading a state file: find the records unfinished requests still drive (services included)."""
    store.pending = {}
    found = []
    _walk_records(list(store.customers.values()) + list(store.users.values()), found)
    for rec in found:
        req = store.requests.get(rec["_request"])
        if req is not None and not req.get("settled"):
            store.pending.setdefault(req["id"], []).append(rec)
    for req in store.requests.values():
        if not req.get("settled") and req["parent_id"] is not None:
            store.pending.setdefault(req["id"], [])


# --------------------------------------------------------------------- GET <request>
def _stamp(when):
    return datetime.datetime.fromtimestamp(when, datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")[:-4] + "Z"


def _log_lines(store, req, now):
    lines = [(req["created"], "Info", "Request %d queued by %s: %s" % (req["id"], req["caller"], req["description"]))]
    half = req["created"] + req["delay"] / 2.0
    end = req["created"] + req["delay"]
    if now >= half and req["delay"] > 0:
        lines.append((half, "Info", "Provisioning engine started processing request %d." % req["id"]))
    if now >= end:
        obj = req["object"]
        if req["failed"]:
            lines.append((end, "Error", "Provisioning failed for %s '%s': simulated failure (fail_rate=%s). The target "
                                        "system did not respond; correct the cause and provision the entity again."
                          % (obj["type"], obj["name"], req.get("fail_rate"))))
        lines.append((end, "Info", "Request %d finished with status %s." % (req["id"], phase(req, now))))
    for cid in req["children"]:
        child = store.requests.get(cid)
        if child is not None:
            lines.extend(line for line in _log_lines(store, child, now)[1:])
    return sorted(lines, key=lambda item: item[0])


def render(store, req, now, with_log=False, with_times=False):
    status = phase(req, now)
    el = etree.Element("request")
    sub(el, "id", str(req["id"]))
    sub(el, "type", req["type"])
    sub(el, "name", req["name"])
    sub(el, "description", req["description"])
    sub(el, "status", status)
    if req["parent_id"] is not None:
        sub(el, "parentid", str(req["parent_id"]))
    obj = sub(el, "object")
    for tag in ("type", "name", "description"):
        sub(obj, tag, req["object"][tag])
    sub(obj, "status", status)
    if with_log:
        log = sub(el, "log")
        for when, level, message in _log_lines(store, req, now):
            entry = sub(log, "entry")
            sub(entry, "time", _stamp(when))
            sub(entry, "level", level)
            sub(entry, "message", message)
    if with_times:
        times = sub(el, "times")
        sub(times, "requested", _stamp(req["created"]))
        start = req["created"] + req["delay"] / 2.0
        sub(times, "started", _stamp(start) if now >= start else None)
        end = req["created"] + req["delay"]
        sub(times, "completed", _stamp(end) if now >= end else None)
    return el


def _request_id(value, what):
    try:
        return int((value or "").strip())
    except ValueError:
        raise SimError(38, "%s: '%s' is not an integer request id." % (what, value)) from None


def handle(ctx, el):
    """GET <request> by <id> or <parentid>; returns the response's child elements."""
    if ctx.action not in ("GET", "FIND"):
        raise SimError(5, "Provisioning requests can only be read (GET); '%s' is not supported." % ctx.action)
    store = ctx.store
    with_log = el.find("log") is not None
    with_times = el.find("times") is not None
    visible = ctx.visible_ids()
    rid = text_of(el, "id")
    if rid is not None:
        req = store.requests.get(_request_id(rid, "<request><id>"))
        if req is None or req["customer_id"] not in visible:
            raise SimError(18, "Request '%s' not found." % rid.strip())
        return [render(store, req, ctx.now, with_log, with_times)]
    parent = text_of(el, "parentid")
    if parent is not None:
        req = store.requests.get(_request_id(parent, "<request><parentid>"))
        if req is None or req["customer_id"] not in visible:
            raise SimError(18, "Request '%s' not found." % parent.strip())
        return [render(store, store.requests[cid], ctx.now, with_log, with_times) for cid in req["children"]]
    raise SimError(3, "A <request> must specify <id> or <parentid>.")
