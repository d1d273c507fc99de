"""Customer-service and user-service records: defaults, lookups, usage counts, in-place commits.

customer["services"][code] = {
    "name", "status", "approvalpending", "userlimit", "isbilled", "package", "userplans", "properties",
    Hosted Exchange: "version", "domains", "updateemailaddresspolicy", "mailboxstoragelimit", "publicfolder",
                     "contacts";
    multi-instance services: "instances"; Reseller: "resell" (code -> bool)}
user["services"][code] = {"name", "status", "approvalpending", "plans" (names), "properties", "instances" (names),
                          Hosted Exchange: "replyaddress"}
Records are updated in place (never replaced) because running provisioning requests hold references to them.
"""

import collections
import copy

from ..core.values import UNLIMITED
from . import exchange, plans, properties

NOT_PROVISIONED = "NotProvisioned"


def is_active(record):
    """Not de-provisioned, judging by the status alone (for code without a request context, e.g. seeding)."""
    return record is not None and record.get("status") != NOT_PROVISIONED


def active(ctx, record):
    """Provisioned or on its way there: the status the record settles at once its running request ends is not
    NotProvisioned. A service being de-provisioned (still InProgress) is therefore already inactive."""
    return record is not None and ctx.settled_status(record) != NOT_PROVISIONED


def default_record(definition, customer):
    """What a service looks like before it is provisioned: the documented defaults (not stored by GET)."""
    record = {
        "name": definition["name"],
        "status": "Provisioned" if definition["auto_provision"] else NOT_PROVISIONED,
        "approvalpending": False, "userlimit": UNLIMITED, "isbilled": True,
        "package": plans.default_package(definition), "userplans": plans.default_userplans(definition),
        "properties": properties.defaults(definition["properties"]),
    }
    if definition["name"] == "HE":
        record.update(exchange.defaults(definition, customer))
        record["contacts"] = []
    if definition["multi_instance"]:
        record["instances"] = []
    if definition["name"] == "Reseller":
        record["resell"] = {}
    return record


def stored(customer, code):
    return (customer.get("services") or {}).get(code)


def current(customer, definition):
    """The stored record, or the defaults when the service was never provisioned (read-only use)."""
    return stored(customer, definition["name"]) or default_record(definition, customer)


def ensure(customer, definition):
    """The stored record, storing the defaults first when there is none (for writes)."""
    services = customer.setdefault("services", {})
    if definition["name"] not in services:
        services[definition["name"]] = default_record(definition, customer)
    return services[definition["name"]]


def user_record(user, code):
    return (user.get("services") or {}).get(code)


def ensure_user_record(user, code):
    services = user.setdefault("services", {})
    if code not in services:
        services[code] = {"name": code, "status": NOT_PROVISIONED, "approvalpending": False, "plans": [],
                          "properties": {}, "instances": []}
    return services[code]


def clear_deprovisioned(ctx, record):
    """What de-provisioning a user service forgets: its instances, and its plans unless the deployment keeps them
    (config keep_user_plans_on_deprovision: GET then still lists the plans of a NotProvisioned service)."""
    if not ctx.store.config.get("keep_user_plans_on_deprovision"):
        record["plans"] = []
    record["instances"] = []


def plan_usage(ctx, customer, code, except_user=None):
    """(users per plan, users holding the service) among the customer's users with the service not de-provisioned."""
    counts = collections.Counter()
    holders = 0
    for user in ctx.users_of(customer):
        if except_user is not None and user["id"] == except_user["id"]:
            continue
        record = user_record(user, code)
        if active(ctx, record):
            holders += 1
            counts.update(record.get("plans") or [])
    return counts, holders


def working_copy(record):
    return copy.deepcopy(record)


def commit(record, working):
    """Copy working into record in place; instance dicts keep their identity too (requests may drive them)."""
    old_instances = {item["name"]: item for item in record.get("instances") or []}
    new_instances = []
    for item in working.get("instances") or []:
        target = old_instances.get(item["name"])
        if target is None:
            target = item
        else:
            target.clear()
            target.update(item)
        new_instances.append(target)
    record.clear()
    record.update(working)
    if "instances" in working:
        record["instances"] = new_instances
    return record
