"""User services: FIND / GET / SET of customer/user/service.

Rules (guide "Provision a User Service", "Hosted Apps and Desktops to a User"; DESIGN.md point 8):
- the customer service must be provisioned first, and every chosen user plan enabled there (error 10 otherwise);
- Hosted Exchange names its plans <userpackage>, every other service <userplan> (the other tag is ignored, as
  the real server ignores unknown tags);
- HostedAppsandDesktops gives a user several plans; any other service exactly one (several -> error 10);
- one plan per user: the plan listed replaces the user's plan; several plans per user (HostedAppsandDesktops):
  the plans listed are added and a plan listed with <enabled>False</enabled> is removed (the guide shows only
  adding); with no plan listed, a provisioned user keeps its plans and a new or re-provisioned one gets the
  first plan enabled for the customer (the plans held before a de-provisioning are not used, even when the
  deployment keeps listing them: config keep_user_plans_on_deprovision);
- a user plan's (or the service's) user limit reached -> error 10;
- <status>NotProvisioned</status> de-provisions.

A user's Hosted Exchange mailbox (UserServiceGet.xml shows <replyaddress>; README "Behaviour worth knowing"):
- <replyaddress> is the primary SMTP address; <emailaddresses><emailaddress> (the guide's spelling of an Exchange
  object's address list, replaced as a whole: Atria guide line 3041) are the other SMTP addresses, shown as the
  non-primary items of the user's <addresses> (the captured shape, UserGet.xml). Each must use a domain of the
  customer (error 10). The guide shows no user-level SET of them; the simulator reads them as it reads a group's.
- <mailboxstoragelimit> (a number or Unlimited; the captures show it at customer level only) is stored and shown
  in the user's HE GET once set.
"""

import copy

from lxml import etree

from ..approvals import responses as approval_responses
from ..core.errors import SimError
from ..groups import membership
from . import instances, plans, properties
from .catalogue import find_plan, location_of, lookup, services_at
from .records import NOT_PROVISIONED, active, clear_deprovisioned, ensure_user_record, plan_usage, stored, user_record
from ..core.values import bool_text, child, children, limit_reached, limit_text, norm, opt_bool, parse_limit, sub, text


def _definition(customer, service_el):
    return lookup(text(service_el, "name"), text(service_el, "fullname"), location_of(customer))


def _summary(definition, record):
    el = etree.Element("service")
    sub(el, "name", definition["name"])
    sub(el, "fullname", definition["fullname"])
    sub(el, "status", record.get("status") if record else NOT_PROVISIONED)
    sub(el, "approvalpending", bool_text(record.get("approvalpending") if record else False))
    return el


def _render_instances(parent, record):
    out = sub(parent, "instances")
    for name in (record or {}).get("instances") or []:
        sub(sub(out, "instance"), "name", name)


# --------------------------------------------------------------------- FIND
def find_user_services(ctx, customer, user, service_el):
    """Services available to the user: user-level services the customer has provisioned, plus any the user has."""
    name, fullname, status = (text(service_el, tag) for tag in ("name", "fullname", "status"))
    found = []
    for definition in services_at(location_of(customer)):
        record = user_record(user, definition["name"])
        if not definition["user_level"]:
            continue
        if not active(ctx, stored(customer, definition["name"])) and not active(ctx, record):
            continue
        keys = {norm(definition["name"]), norm(definition["fullname"])}
        if (name and norm(name) not in keys) or (fullname and norm(fullname) not in keys):
            continue
        el = _summary(definition, record)
        if status and norm(status) != norm(el.findtext("status")):
            continue
        if child(service_el, "instances") is not None and definition["multi_instance"]:
            _render_instances(el, record)
        found.append(el)
    return found


# --------------------------------------------------------------------- GET
def get_user_service(ctx, customer, user, service_el):
    definition = _definition(customer, service_el)
    record = user_record(user, definition["name"])
    el = _summary(definition, record)
    if definition["name"] == "HE" and active(ctx, record):
        sub(el, "replyaddress", record.get("replyaddress") or _default_reply(user))
        if record.get("mailboxstoragelimit") is not None:
            sub(el, "mailboxstoragelimit", limit_text(record["mailboxstoragelimit"]))
    tag = definition["plan_tag"]
    asked = {norm(text(plan_el, "name") or text(plan_el, "fullname")): plan_el
             for plan_el in children(service_el, tag)}
    customer_record = stored(customer, definition["name"]) or {}
    for plan_name in (record or {}).get("plans") or []:
        entry = find_plan(definition["userplans"], plan_name)
        plan_el = sub(el, tag)
        sub(plan_el, "name", entry["name"])
        sub(plan_el, "fullname", entry["fullname"])
        # (an lxml element is falsy when it has no children, so pick by key, not with `or`)
        asked_el = asked.get(norm(entry["name"]), asked.get(norm(entry["fullname"])))
        props_el = properties.requested(asked_el)
        if props_el is not None:
            state = (customer_record.get("userplans") or {}).get(entry["name"], {})
            properties.render(plan_el, entry["properties"], state.get("properties", {}), props_el)
    props_el = properties.requested(service_el)
    if props_el is not None:
        properties.render(el, definition["user_properties"], (record or {}).get("properties", {}), props_el)
    if child(service_el, "instances") is not None:
        instances.render_user(el, record, child(service_el, "instances"))     # the named ones, or all of them
    groups_el = child(service_el, "distributiongroups")
    if groups_el is not None:
        if definition["name"] != "HE":
            raise SimError(10, "<distributiongroups> only exist for Hosted Exchange (HE).")
        el.append(membership.groups_of_user(ctx, customer, user))
    return el


def _default_reply(user):
    return (user.get("upn") or user.get("name") or "").lower()


# --------------------------------------------------------------------- SET
def set_user_service(ctx, customer, user, service_el):
    definition = _definition(customer, service_el)
    code = definition["name"]
    what = "Service %s of user %s" % (code, user.get("name"))
    status_text = text(service_el, "status")
    target = ctx.parse_status(status_text, what + " <status>") if status_text else None
    groups_el = child(service_el, "distributiongroups")
    if groups_el is not None and code != "HE":
        raise SimError(10, "<distributiongroups> only exist for Hosted Exchange (HE).")
    record = user_record(user, code)
    if target == NOT_PROVISIONED:
        if not (active(ctx, record) and _held(ctx, customer, user, definition, record, "Deprovision",
                                              copy.deepcopy(record))):
            deprovision(ctx, user, definition)
        return
    tags = {item.tag for item in service_el if isinstance(item.tag, str)}
    if groups_el is not None and not tags - {"name", "fullname", "distributiongroups"}:
        if not active(ctx, record):
            raise SimError(10, "User '%s' has no Hosted Exchange mailbox; provision HE to the user before changing "
                               "its distribution group membership." % user.get("name"))
        membership.set_user_membership(ctx, customer, user, groups_el)
        return
    if not definition["user_level"]:
        raise SimError(10, "Service '%s' is a customer-level service; it cannot be provisioned to users." % code)
    customer_record = stored(customer, code)
    if not active(ctx, customer_record):
        raise SimError(10, "Service '%s' is not provisioned for customer '%s'. The customer service must be "
                           "provisioned first (SET customer/service) before it can be provisioned to a user."
                       % (code, customer.get("name")))
    chosen = _choose_plans(ctx, definition, customer_record, record, service_el)
    _check_limits(ctx, customer, user, definition, customer_record, record, chosen)
    chosen_instances = _choose_instances(ctx, definition, customer_record, record, service_el)
    settings = properties.apply(definition["user_properties"], (record or {}).get("properties", {}),
                                child(service_el, "properties"), what)
    mailbox = _mailbox_of(customer, service_el) if code == "HE" else {}
    provisioning = not active(ctx, record)
    if record is not None and record.get("approvalpending"):
        _held(ctx, customer, user, definition, record, "Provision")
    before = copy.deepcopy(record) if record is not None else None
    record = ensure_user_record(user, code)
    record.update({"plans": chosen, "instances": chosen_instances, "properties": settings})
    record.update(mailbox)
    if provisioning and _held(ctx, customer, user, definition, record, "Provision", before):
        return
    final = "Provisioned" if provisioning else ctx.settled_status(record)
    ctx.start_request("%s %s for user %s" % ("Provision" if provisioning else "Update", definition["fullname"],
                                             user.get("name")),
                      "User Service", "%s/%s" % (user.get("name"), code), [record], final)
    if groups_el is not None:
        membership.set_user_membership(ctx, customer, user, groups_el)


def _check_domain(customer, address, what):
    domains = [norm(domain) for domain in customer.get("domains") or []]
    if "@" not in address or norm(address.rpartition("@")[2]) not in domains:
        raise SimError(10, "%s '%s' is not in a domain of customer '%s' (its domains: %s)."
                       % (what, address, customer.get("name"), ", ".join(customer.get("domains") or [])))


def _mailbox_of(customer, service_el):
    """What a SET changes of a user's HE mailbox (checked before anything is stored): <replyaddress>,
    <emailaddresses> (the whole list of other addresses) and <mailboxstoragelimit>."""
    reply = text(service_el, "replyaddress")
    addresses_el = child(service_el, "emailaddresses")
    limit = text(service_el, "mailboxstoragelimit")
    if reply:
        _check_domain(customer, reply, "<replyaddress>")
    addresses = None
    if addresses_el is not None:
        addresses = []
        for item in children(addresses_el, "emailaddress"):
            address = (item.text or "").strip()
            if address and norm(address) not in [norm(known) for known in addresses]:
                _check_domain(customer, address, "<emailaddresses><emailaddress>")
                addresses.append(address)
    changes = {}
    if limit is not None and limit.strip():
        changes["mailboxstoragelimit"] = parse_limit(limit, "User Hosted Exchange <mailboxstoragelimit>")
    if reply:
        changes["replyaddress"] = reply
    if addresses is not None:
        changes["emailaddresses"] = addresses
    return changes


def _held(ctx, customer, user, definition, record, event, before=None):
    """True when the change must wait for workflow approval (approval_responses.py); error 10 when one already waits.
    before: the record as it was before this SET (restored on a decline)."""
    if record.get("approvalpending"):
        raise SimError(10, "Service '%s' of user '%s' is waiting for workflow approval; accept or decline the "
                           "pending approval request (approvalresponses) before changing it again."
                       % (definition["name"], user.get("name")))
    action = {"kind": "user_service", "customer_id": customer["id"], "user_id": user["id"],
              "code": definition["name"], "event": event, "before": before}
    description = "%s User Service - %s (%s)" % (event, definition["fullname"], user.get("name"))
    return approval_responses.gate(ctx, customer, "userservices", definition["fullname"], event, description, action,
                                   record)


def deprovision(ctx, user, definition):
    record = user_record(user, definition["name"])
    if not active(ctx, record):
        return
    clear_deprovisioned(ctx, record)
    ctx.start_request("Deprovision %s for user %s" % (definition["fullname"], user.get("name")), "User Service",
                      "%s/%s" % (user.get("name"), definition["name"]), [record], NOT_PROVISIONED)


def _choose_plans(ctx, definition, customer_record, record, service_el):
    """The user's plans after this SET.

    One plan per user (most services): the plan listed replaces the one held. Several plans per user
    (HostedAppsandDesktops): the guide only shows adding, so listed plans are added to those held and a plan listed
    with <enabled>false</enabled> is removed (the customer level enables and disables plans the same way).
    No plan listed: the plans held stay; a (re-)provisioned service gets the customer's first enabled plan.
    """
    if not definition["userplans"]:
        return []
    tag = definition["plan_tag"]
    held = list(record.get("plans") or []) if active(ctx, record) else []
    plan_els = children(service_el, tag)
    added, removed = [], []
    for plan_el in plan_els:
        entry = _named_plan(definition, customer_record, plan_el)
        if opt_bool(plan_el, "enabled", "%s %s <enabled>" % (tag, entry["name"]), default=True):
            if entry["name"] not in added:
                added.append(entry["name"])
        elif entry["name"] not in removed:
            removed.append(entry["name"])
    if definition["multi_plan"]:
        chosen = [name for name in held + added if name not in removed]
        chosen = [name for index, name in enumerate(chosen) if name not in chosen[:index]]
        if plan_els and not chosen:
            raise SimError(10, "Service '%s' of a user needs at least one user plan; de-provision the service "
                               "(<status>NotProvisioned</status>) instead of removing its last plan."
                           % definition["name"])
    else:
        chosen = added
        if len(chosen) > 1:
            raise SimError(10, "Service '%s' allows one user plan per user, but %d were given (%s). Only "
                               "HostedAppsandDesktops gives a user several plans."
                           % (definition["name"], len(chosen), ", ".join(chosen)))
    if chosen or plan_els:
        return chosen
    if held:
        return held
    entry = plans.first_enabled(definition, customer_record)
    if entry is None:
        raise SimError(10, "Service '%s' has no user plan enabled for this customer; enable one on the customer "
                           "service first." % definition["name"])
    return [entry["name"]]


def _named_plan(definition, customer_record, plan_el):
    """The plan a <userplan>/<userpackage> names; removing a plan does not need it enabled for the customer."""
    if opt_bool(plan_el, "enabled", "<%s><enabled>" % definition["plan_tag"], default=True):
        return plans.enabled_plan(definition, customer_record, text(plan_el, "name"), text(plan_el, "fullname"))
    entry = find_plan(definition["userplans"], text(plan_el, "name"), text(plan_el, "fullname"))
    if entry is None:
        return plans.enabled_plan(definition, customer_record, text(plan_el, "name"), text(plan_el, "fullname"))
    return entry


def _check_limits(ctx, customer, user, definition, customer_record, record, chosen):
    usage, holders = plan_usage(ctx, customer, definition["name"], except_user=user)
    held = set((record or {}).get("plans") or []) if active(ctx, record) else set()
    for name in chosen:
        limit = (customer_record.get("userplans") or {}).get(name, {}).get("userlimit")
        if name not in held and limit_reached(limit, usage.get(name, 0)):
            raise SimError(10, "The user limit of %s for user plan '%s' of service '%s' has been reached (%d users). "
                               "Raise the plan's <userlimit> on the customer service or free a seat first."
                           % (limit, name, definition["name"], usage.get(name, 0)))
    limit = customer_record.get("userlimit")
    if not active(ctx, record) and limit_reached(limit, holders):
        raise SimError(10, "The user limit of %s for service '%s' of customer '%s' has been reached (%d users)."
                       % (limit, definition["name"], customer.get("name"), holders))


def _choose_instances(ctx, definition, customer_record, record, service_el):
    instances_el = child(service_el, "instances")
    if instances_el is None:
        return list((record or {}).get("instances") or []) if active(ctx, record) else []
    if not definition["multi_instance"]:
        raise SimError(10, "Service '%s' is not a multi-instance service; it has no <instances>." % definition["name"])
    known = {norm(item["name"]): item["name"] for item in customer_record.get("instances") or []}
    chosen = []
    for instance_el in children(instances_el, "instance"):
        name = text(instance_el, "name") or ""
        if norm(name) not in known:
            raise SimError(10, "Service '%s' of customer has no instance '%s'; create it on the customer service "
                               "first." % (definition["name"], name))
        if known[norm(name)] not in chosen:
            chosen.append(known[norm(name)])
    return chosen
