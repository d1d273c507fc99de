"""Approval requests ("approval responses"): the gate that holds a change for approval, GET and SET of responses.

The guide: "Workflow approval is triggered at the object level" and the object's <status> stays as it is while
<approvalpending> is True. Here provisioning and de-provisioning of users, customer services and user services
are gated (not plain attribute updates, not the cascades of a customer de-provisioning):
when the customer's Workflow Managers or a Workflow Group subscribes to the event (access other than None) and
has approvers, the change waits. Approvers of a Workflow Group are its members (memberstoapprove of them must
accept); approvers of Workflow Managers are the managers of the requesting user (the API caller's "manager"
property, up to <managers> levels up the chain), or the customer's administrators when the caller has no manager;
one of them must accept. One decline declines.

customer["approval"]["responses"] = [{"id", "description", "status", "requestdate", "resolveddate",
    "requestedby" (user id), "needed", "action" (what to do once accepted, or None),
    "subscriptions": [{"id" (GUID), "user_id", "status", "requestdate", "resolveddate", "reason"}]}]
Only pending responses are listed unless <approvalresponses filter="all"/>.
"""

import datetime
import uuid

from lxml import etree

from ..core.errors import SimError
from ..dialect import releases
from ..core.values import children, norm, sub, text

PENDING, ACCEPTED, DECLINED, NOT_REQUIRED = "Pending", "Accepted", "Declined", "NotRequired"
ANSWERS = (ACCEPTED, DECLINED)
ADMIN_ROLE = "Customer Administrator"


def _day(now):
    return datetime.datetime.fromtimestamp(now, datetime.timezone.utc).strftime("%Y%m%d")


def _subscribed(subscriptions, category, label, event):
    if category == "users":
        return (subscriptions.get("users") or {}).get(event, "None") != "None"
    labels = subscriptions.get(category) or {}
    return any((labels.get(key) or {}).get(event, "None") != "None" for key in ("All", label))


def manager_chain(ctx, user, levels):
    """Ids of the user's manager, its manager's manager, ... up to levels (the user property "manager")."""
    chain = []
    current = user
    while current is not None and len(chain) < levels:
        owner = ctx.store.customers.get(current["customer_id"])
        login = (current.get("properties") or {}).get("manager")
        current = ctx.lookup_user(owner, name=login) if owner is not None and login else None
        if current is None or current["id"] in chain or current["id"] == user["id"]:
            break
        chain.append(current["id"])
    return chain


def approvers(ctx, customer, category, label, event):
    """(approver user ids, how many must accept) for an event; ([], 0) when nobody subscribes."""
    from .providers import GROUPS, MANAGERS, providers_of   # late: providers imports this module
    providers = providers_of(customer)
    ids, needed = [], 0
    if _subscribed(providers[MANAGERS]["subscriptions"], category, label, event):
        levels = providers[MANAGERS]["configuration"].get("managers", 1)
        managers = manager_chain(ctx, ctx.caller, levels) or [
            user["id"] for user in ctx.users_of(customer)
            if ADMIN_ROLE in (user.get("roles") or []) and user.get("status") != "NotProvisioned"]
        ids.extend(managers)
        needed = max(needed, 1 if managers else 0)
    for group in providers[GROUPS]["groups"]:
        if _subscribed(group["subscriptions"], category, label, event):
            members = [uid for uid in group["members"] if uid in ctx.store.users]
            ids.extend(uid for uid in members if uid not in ids)
            needed = max(needed, min(group["configuration"].get("memberstoapprove", 1), len(members)))
    return ids, needed


def gate(ctx, customer, category, label, event, description, action, record):
    """Hold the change for approval when someone subscribes to it; True when held (the caller then stops).

    action (JSON) says what to do once answered (outcomes.py); its "before" is the record as it was before
    the SET (None for a creation), restored when the change is declined. Releases without workflow approval
    (CPSM 10) never hold anything.
    """
    if not releases.has(ctx.release, "approval"):
        return False
    ids, needed = approvers(ctx, customer, category, label, event)
    if not ids or needed < 1:
        return False
    day = _day(ctx.now)
    response = {
        "id": ctx.store.next_id("approval"), "description": description, "status": PENDING, "requestdate": day,
        "resolveddate": "", "requestedby": ctx.caller["id"], "needed": needed, "action": action,
        "subscriptions": [{"id": str(uuid.UUID(int=ctx.store.rng.getrandbits(128), version=4)), "user_id": uid,
                           "status": PENDING, "requestdate": day, "resolveddate": "", "reason": ""} for uid in ids],
    }
    customer.setdefault("approval", {}).setdefault("responses", []).append(response)
    record["approvalpending"] = True
    ctx.start_request("Approval requested: %s" % description, "Approval", description, [], "Pending", resting=True)
    return True


# --------------------------------------------------------------------- GET
def _scope(ctx, customer):
    """The customer and the customers below it that the caller can see (their requests are approved here too)."""
    ids = ctx.store.descendant_ids(customer["id"]) & ctx.visible_ids()
    return [ctx.store.customers[cid] for cid in sorted(ids)]


def _person(parent, tag, user):
    el = sub(parent, tag)
    sub(el, "name", (user or {}).get("name"))
    sub(el, "fullname", (user or {}).get("fullname"))
    sub(el, "email", ((user or {}).get("upn") or "").lower() or None)
    return el


def _render_response(ctx, parent, owner, response, subscriptions):
    el = sub(parent, "approvalresponse")
    for field in ("description", "status", "requestdate", "resolveddate"):
        sub(el, field, response[field])
    customer_el = sub(el, "customer")
    sub(customer_el, "name", owner.get("name"))
    sub(customer_el, "fullname", owner.get("fullname"))
    _person(el, "requestedbyuser", ctx.store.users.get(response["requestedby"]))
    for subscription in subscriptions:
        sub_el = sub(el, "subscription")
        for field in ("id", "requestdate", "resolveddate", "status", "reason"):
            sub(sub_el, field, subscription[field])
        _person(sub_el, "user", ctx.store.users.get(subscription["user_id"]))
    return el


def render_responses(ctx, customer, user, el):
    show_all = norm(el.get("filter")) == "all"
    out = etree.Element("approvalresponses")
    for owner in _scope(ctx, customer) if user is None else [customer]:
        for response in (owner.get("approval") or {}).get("responses") or []:
            subscriptions = response["subscriptions"]
            if user is not None:
                subscriptions = [item for item in subscriptions if item["user_id"] == user["id"]]
                if not subscriptions or (not show_all and subscriptions[0]["status"] != PENDING):
                    continue
            elif not show_all and response["status"] != PENDING:
                continue
            _render_response(ctx, out, owner, response, subscriptions)
    return out


def render_approval(ctx, el):
    wanted = text(el, "id") or ""
    for owner in ctx.visible_customers():
        for response in (owner.get("approval") or {}).get("responses") or []:
            if any(norm(item["id"]) == norm(wanted) for item in response["subscriptions"]):
                out = etree.Element("approval")
                sub(out, "id", wanted)
                _render_response(ctx, out, owner, response, response["subscriptions"])
                return out
    raise SimError(18, "Approval request '%s' not found." % wanted)


# --------------------------------------------------------------------- SET
def respond(ctx, customer, user, el):
    """Accept or decline subscriptions by id; everything is checked before anything changes."""
    index = {}
    for owner in _scope(ctx, customer) if user is None else [customer]:
        for response in (owner.get("approval") or {}).get("responses") or []:
            for subscription in response["subscriptions"]:
                if user is None or subscription["user_id"] == user["id"]:
                    index[norm(subscription["id"])] = (owner, response, subscription)
    answers = []
    for response_el in children(el, "approvalresponse"):
        for subscription_el in children(response_el, "subscription"):
            sid = text(subscription_el, "id") or ""
            if norm(sid) not in index:
                whose = "user '%s'" % user["name"] if user is not None else "customer '%s'" % customer.get("name")
                raise SimError(18, "Approval subscription '%s' not found for %s." % (sid, whose))
            status = text(subscription_el, "status") or ""
            match = [answer for answer in ANSWERS if norm(answer) == norm(status)]
            if not match:
                raise SimError(17, "Approval subscription '%s': <status> '%s' is not valid; use Accepted or Declined."
                               % (sid, status))
            owner, response, subscription = index[norm(sid)]
            if subscription["status"] not in (PENDING, match[0]):
                raise SimError(1, "Approval subscription '%s' was already answered (%s)." % (sid, subscription["status"]))
            answers.append((owner, response, subscription, match[0], text(subscription_el, "reason")))
    for owner, response, subscription, status, reason in answers:
        if subscription["status"] == status:
            continue
        subscription.update({"status": status, "resolveddate": _day(ctx.now), "reason": reason or ""})
        _settle(ctx, owner, response)
    ctx.mark_changed()


def _settle(ctx, owner, response):
    if response["status"] != PENDING:
        return
    statuses = [item["status"] for item in response["subscriptions"]]
    if DECLINED in statuses:
        outcome = DECLINED
    elif statuses.count(ACCEPTED) >= response["needed"]:
        outcome = ACCEPTED
    else:
        return
    response.update({"status": outcome, "resolveddate": _day(ctx.now)})
    for item in response["subscriptions"]:
        if item["status"] == PENDING:
            item["status"] = NOT_REQUIRED
    if response.get("action"):
        from .outcomes import carry_out   # late: outcomes imports the service modules
        carry_out(ctx, owner, response["action"], outcome == ACCEPTED)


def withdraw_user(ctx, user):
    """A deleted approver no longer blocks anything: their pending subscriptions become NotRequired."""
    customer = ctx.store.customers.get(user["customer_id"]) or {}
    for response in (customer.get("approval") or {}).get("responses") or []:
        for item in response["subscriptions"]:
            if item["user_id"] == user["id"] and item["status"] == PENDING:
                item["status"] = NOT_REQUIRED
        remaining = [item for item in response["subscriptions"] if item["status"] in (PENDING, ACCEPTED)]
        # With fewer approvers left than needed, the ones left decide (none left: the change goes ahead).
        response["needed"] = min(response["needed"], len(remaining))
        _settle(ctx, customer, response)
