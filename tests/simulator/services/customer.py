"""Customer services: FIND / GET / SET / DELETE of customer/service, the status cascades, and seed data.

The core's customer and user handlers call the functions below; user services live in user_services.py and are
reached through thin wrappers here, so the core has one module to import. Behaviour follows the guide's "Querying Services" and
"Provisioning Services" sections and the CPSM 11 captures (see DESIGN.md points 6-9).
"""

from lxml import etree

from ..approvals import responses as approval_responses
from ..core.errors import SimError
from ..groups import contacts, distribution
from ..seed.services import seed_services
from . import exchange, instances, plans, properties
from . import user as user_services
from .catalogue import SERVICES, location_of, lookup, services_at
from .records import (NOT_PROVISIONED, active, clear_deprovisioned, commit, current, default_record, ensure,
                      plan_usage, stored, user_record, working_copy)
from ..core.values import bool_text, child, children, limit_text, norm, opt_bool, parse_limit, sub, text

# Children of a <service> SET that only manage Exchange objects and do not re-provision the service itself.
OBJECT_TAGS = frozenset(("distributiongroups", "contacts"))
IDENTITY_TAGS = frozenset(("name", "fullname"))


def _definition(customer, service_el):
    return lookup(text(service_el, "name"), text(service_el, "fullname"), location_of(customer))


def _label(customer, definition):
    return "%s for customer %s" % (definition["fullname"], customer.get("name"))


# --------------------------------------------------------------------- FIND
def _matches(service_el, definition, record, location):
    name, fullname = text(service_el, "name"), text(service_el, "fullname")
    keys = {norm(definition["name"]), norm(definition["fullname"])}
    if name and norm(name) not in keys:
        return False
    if fullname and norm(fullname) not in keys:
        return False
    wanted_location = text(service_el, "location")
    if wanted_location and norm(wanted_location) != norm(location):
        return False
    wanted_status = text(service_el, "status")
    return not wanted_status or norm(wanted_status) == norm(record.get("status"))


def summary(definition, record, location, detail=False):
    """The FIND entry; detail adds userlimit and isbilled where the GET answer of the capture has them."""
    el = etree.Element("service")
    sub(el, "name", definition["name"])
    sub(el, "fullname", definition["fullname"])
    sub(el, "location", location)
    if detail:
        sub(el, "userlimit", limit_text(record.get("userlimit")))
        sub(el, "isbilled", bool_text(record.get("isbilled", True)))
    sub(el, "status", record.get("status"))
    sub(el, "approvalpending", bool_text(record.get("approvalpending")))
    return el


def find_customer_services(ctx, customer, service_el):
    """Every service offered at the customer's location, provisioned or not (the guide's "Find all Services")."""
    location = location_of(customer)
    offered = services_at(location)
    extra = [SERVICES[code] for code in (customer.get("services") or {}) if SERVICES[code] not in offered]
    found = []
    for definition in offered + extra:
        record = current(customer, definition)
        if service_el is None or _matches(service_el, definition, record, location):
            found.append(summary(definition, record, location))
    return found


# --------------------------------------------------------------------- GET
def get_customer_service(ctx, customer, service_el):
    """The detailed <service>; for a service not yet provisioned, the defaults it would get."""
    definition = _definition(customer, service_el)
    record = current(customer, definition)
    usage, _active = plan_usage(ctx, customer, definition["name"])
    el = summary(definition, record, location_of(customer), detail=True)
    if definition["name"] == "HE":
        exchange.render(el, record, version=not exchange.version_required(ctx, stored(customer, "HE")))
    plans.render(el, definition, record, usage, service_el)
    if definition["name"] == "Reseller":
        _render_resell(el, record)
    props_el = properties.requested(service_el)
    if props_el is not None:
        properties.render(el, definition["properties"], record.get("properties", {}), props_el)
    instances_el = child(service_el, "instances")
    if instances_el is not None:
        instances.render(el, definition, record, instances_el, props_el)
    if child(service_el, "resourceconfiguration") is not None:
        _render_resources(el, definition)
    _require_exchange_objects(definition, service_el)
    groups_el = child(service_el, "distributiongroups")
    if groups_el is not None:
        el.append(distribution.get_groups(ctx, customer, groups_el))
    contacts_el = child(service_el, "contacts")
    if contacts_el is not None:
        el.append(contacts.get_contacts(record, contacts_el))
    return el


def _render_resources(parent, definition):
    out = sub(parent, "resourceconfiguration")
    for name, value in definition["resources"]:
        resource = sub(out, "resource")
        sub(resource, "name", name)
        sub(resource, "value", value)


def _render_resell(parent, record):
    out = sub(parent, "services")
    resell = record.get("resell") or {}
    for definition in SERVICES.values():
        if definition["name"] == "Reseller":
            continue
        item = sub(out, "service")
        sub(item, "name", definition["name"])
        sub(item, "fullname", definition["fullname"])
        sub(item, "enabled", bool_text(resell.get(definition["name"], True)))


def _apply_resell(definition, record, service_el):
    services_el = child(service_el, "services")
    if services_el is None or definition["name"] != "Reseller":
        return
    resell = record.setdefault("resell", {})
    for item in children(services_el, "service"):
        target = lookup(text(item, "name"), text(item, "fullname"))
        enabled = opt_bool(item, "enabled", "Reseller service %s <enabled>" % target["name"], default=True)
        resell[target["name"]] = enabled


def _require_exchange_objects(definition, service_el):
    for tag in OBJECT_TAGS:
        if child(service_el, tag) is not None and not definition["distribution_groups"]:
            raise SimError(10, "<%s> only exist for Hosted Exchange (HE), not for service '%s'."
                           % (tag, definition["name"]))


# --------------------------------------------------------------------- SET
def set_customer_service(ctx, customer, service_el):
    """Provision, update or (with <status>NotProvisioned</status>) de-provision a customer service."""
    definition = _definition(customer, service_el)
    status_text = text(service_el, "status")
    target = ctx.parse_status(status_text, "Service %s <status>" % definition["name"]) if status_text else None
    _require_exchange_objects(definition, service_el)
    record = stored(customer, definition["name"])
    if target == NOT_PROVISIONED:
        if not (active(ctx, record) and _held(ctx, customer, definition, record, "Deprovision",
                                              working_copy(record))):
            deprovision_customer_service(ctx, customer, definition)
        return
    tags = {item.tag for item in service_el if isinstance(item.tag, str)}
    if tags & OBJECT_TAGS and not tags - OBJECT_TAGS - IDENTITY_TAGS:
        _set_exchange_objects(ctx, customer, definition, service_el)
        return
    provisioning = not active(ctx, record)
    if definition["name"] == "HE":
        exchange.check_first_version(ctx, definition, record, service_el)
    if provisioning and record is not None and record.get("approvalpending"):
        _held(ctx, customer, definition, record, "Provision")
    before = working_copy(record) if record is not None else None
    working = working_copy(record) if record is not None else default_record(definition, customer)
    _apply(ctx, customer, definition, working, service_el, provisioning)
    if record is None:
        record = customer.setdefault("services", {})[definition["name"]] = working
    else:
        commit(record, working)
    if provisioning and _held(ctx, customer, definition, record, "Provision", before):
        return
    verb = "Provision" if provisioning else "Update"
    final = "Provisioned" if provisioning else ctx.settled_status(record)
    ctx.start_request("%s %s" % (verb, _label(customer, definition)), "Customer Service",
                      "%s/%s" % (customer.get("name"), definition["name"]), [record], final)
    for instance_el in children(child(service_el, "instances"), "instance"):
        instance = instances.find(record, text(instance_el, "name"))
        ctx.start_request("Provision instance %s of %s" % (instance["name"], _label(customer, definition)),
                          "Service Instance", instance["name"], [instance], "Provisioned")
    if tags & OBJECT_TAGS:
        _set_exchange_objects(ctx, customer, definition, service_el)


def _held(ctx, customer, definition, record, event, before=None):
    """True when the change must wait for workflow approval (approval_responses.py); error 10 when one already waits.
    before: the record as it was before this SET (restored on a decline; None: the service was never stored)."""
    if record.get("approvalpending"):
        raise SimError(10, "Service '%s' of customer '%s' is waiting for workflow approval; accept or decline the "
                           "pending approval request (approvalresponses) before changing it again."
                       % (definition["name"], customer.get("name")))
    action = {"kind": "customer_service", "customer_id": customer["id"], "code": definition["name"], "event": event,
              "before": before}
    description = "%s Customer Service - %s (%s)" % (event, definition["fullname"], customer.get("name"))
    return approval_responses.gate(ctx, customer, "services", definition["fullname"], event, description, action, record)


def _apply(ctx, customer, definition, working, service_el, provisioning):
    what = "Service %s" % definition["name"]
    limit = text(service_el, "userlimit")
    if limit:
        working["userlimit"] = parse_limit(limit, what + " <userlimit>")
    billed = opt_bool(service_el, "isbilled", what + " <isbilled>")
    if billed is not None:
        working["isbilled"] = billed
    usage, _active = plan_usage(ctx, customer, definition["name"])
    plans.apply_packages(definition, working, service_el)
    plans.apply_userplans(definition, working, service_el, provisioning, usage)
    working["properties"] = properties.apply(definition["properties"], working.get("properties", {}),
                                             child(service_el, "properties"), what)
    properties.check_required(definition["properties"], working["properties"], definition["required"], what)
    if definition["name"] == "HE":
        exchange.apply(definition, working, service_el, customer)
    instances.apply(definition, working, service_el, what)
    _apply_resell(definition, working, service_el)


def _set_exchange_objects(ctx, customer, definition, service_el):
    record = stored(customer, definition["name"])
    if not active(ctx, record):
        raise SimError(10, "Hosted Exchange is not provisioned for customer '%s'; provision the HE customer service "
                           "before managing its distribution groups or contacts." % customer.get("name"))
    groups_el = child(service_el, "distributiongroups")
    if groups_el is not None:
        distribution.set_groups(ctx, customer, groups_el)
    contacts_el = child(service_el, "contacts")
    if contacts_el is not None:
        contacts.set_contacts(ctx, customer, record, contacts_el)


def deprovision_customer_service(ctx, customer, definition):
    """De-provision the service, its instances and the service of every user of the customer (guide: "ATRIA
    de-provisions all users with the HE service")."""
    record = stored(customer, definition["name"])
    if record is None and not definition["auto_provision"]:
        return None
    record = ensure(customer, definition)
    if not active(ctx, record):
        return None
    records = [record] + list(record.get("instances") or [])
    for user in ctx.users_of(customer):
        user_service = user_record(user, definition["name"])
        if active(ctx, user_service):
            clear_deprovisioned(ctx, user_service)
            records.append(user_service)
    return ctx.start_request("Deprovision %s" % _label(customer, definition), "Customer Service",
                             "%s/%s" % (customer.get("name"), definition["name"]), records, NOT_PROVISIONED)


# --------------------------------------------------------------------- DELETE
def delete_customer_service(ctx, customer, service_el):
    """DELETE removes service instances only; anything else is error 10 (de-provision instead)."""
    definition = _definition(customer, service_el)
    if child(service_el, "distributiongroups") is not None:
        raise SimError(10, "Distribution groups are not deleted with DELETE: send a SET with the group and "
                           "<enabled>false</enabled> to remove it.")
    record = stored(customer, definition["name"])
    if definition["multi_instance"] and record is None:
        raise SimError(10, "Service '%s' is not provisioned for customer '%s'; it has no instances to delete."
                       % (definition["name"], customer.get("name")))
    removed = instances.delete(definition, record or {}, service_el)
    for user in ctx.users_of(customer):
        user_service = user_record(user, definition["name"])
        if user_service:
            user_service["instances"] = [name for name in user_service.get("instances") or []
                                         if norm(name) not in {norm(item["name"]) for item in removed}]
    for item in removed:
        ctx.start_request("Delete instance %s of %s" % (item["name"], _label(customer, definition)),
                          "Service Instance", item["name"], [], NOT_PROVISIONED, request_type="Object Delete")


# --------------------------------------------------------------------- user services (user_services.py)
def find_user_services(ctx, customer, user, service_el):
    return user_services.find_user_services(ctx, customer, user, service_el)


def get_user_service(ctx, customer, user, service_el):
    return user_services.get_user_service(ctx, customer, user, service_el)


def set_user_service(ctx, customer, user, service_el):
    user_services.set_user_service(ctx, customer, user, service_el)


def delete_user_service(ctx, customer, user, service_el):
    """DELETE customer/user/service/instances/instance: the instance is taken away from the user (instances.py); a
    user service itself is never deleted (error 10: de-provision it)."""
    definition = _definition(customer, service_el)
    if child(service_el, "instances") is None:
        raise SimError(10, "User services cannot be deleted; de-provision them with <status>NotProvisioned</status>.")
    instances.delete_user_instances(ctx, definition, user, user_record(user, definition["name"]), service_el)


# --------------------------------------------------------------------- cascades
def on_customer_status(ctx, customer, new_status):
    """De-provisioning a customer de-provisions every service of it and of its users; re-provisioning it brings
    back the services that are provisioned automatically (Customer Portal Settings)."""
    if new_status == NOT_PROVISIONED:
        for code in list(customer.get("services") or {}):
            deprovision_customer_service(ctx, customer, SERVICES[code])
        for definition in services_at(location_of(customer)):
            if definition["auto_provision"]:
                deprovision_customer_service(ctx, customer, definition)
        # The core calls on_user_status for each user itself (users first), so users are not cascaded here.
    elif new_status == "Provisioned":
        for definition in services_at(location_of(customer)):
            record = stored(customer, definition["name"])
            if definition["auto_provision"] and record is not None and not active(ctx, record):
                ctx.start_request("Provision %s" % _label(customer, definition), "Customer Service",
                                  "%s/%s" % (customer.get("name"), definition["name"]), [record], "Provisioned")


def on_user_status(ctx, user, new_status):
    """De-provisioning a user de-provisions all of the user's services."""
    if new_status != NOT_PROVISIONED:
        return
    records = []
    for record in (user.get("services") or {}).values():
        if active(ctx, record):
            clear_deprovisioned(ctx, record)
            records.append(record)
    if records:
        ctx.start_request("Deprovision services of user %s" % user.get("name"), "User Service", user.get("name"),
                          records, NOT_PROVISIONED)


# --------------------------------------------------------------------- seed
def seed(store):
    """Services of the seeded customers: DA has Hosted Exchange 2013 with two user plans enabled (and one
    disabled) and its first user on FORFAIT_2GO_2013; everything else is NotProvisioned."""
    seed_services(store)
