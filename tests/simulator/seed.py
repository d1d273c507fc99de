"""Seed data (as docs/architecture.md fixes it) and bulk seeding for scale tests.

Deterministic: the same ids, names and passwords every time, so tests and other engineers can rely on them.
"""

import time

from . import records, roles
from .context import optional_module
from .errors import SimError

LOCATION = records.DEFAULT_LOCATION
API_USERS = (
    # (user id, customer code, base name, password, api access, roles)
    (1, "Gsp", "admin", "Adm1n!Gsp", True, [roles.CUSTOMER_ADMINISTRATOR]),
    (2, "Gsp", "noapi", "NoApi!Gsp", False, []),
    (60, "DA", "admin", "Adm1n!DA", True, [roles.CUSTOMER_ADMINISTRATOR, "Reseller Full Administrator"]),
    (61, "OC", "admin", "Adm1n!OC", False, [roles.CUSTOMER_ADMINISTRATOR]),
)


def seed_core(store, now=None):
    """Replace the whole state with the seed data (customers Gsp, DA, OC, their users, one location)."""
    now = time.time() if now is None else now
    store.clear()
    store.counters = {"customer": 34, "user": 113, "request": 45666, "location": 2}
    store.locations = [{"id": 1, "name": LOCATION}]
    gsp = records.new_customer(1, "Gsp", "Globalsp", None, primarydomain="pp-exchange.local",
                               contactname="Service Provider", contactemail="admin@pp-exchange.local",
                               address="1 Provider Street")
    gsp["password_policy"]["allowneverexpires"] = True
    store.add_customer(gsp)
    store.add_customer(records.new_customer(
        23, "DA", "Demo Also", 1, primarydomain="nervogrid.com", contactname="Aleksandrs Selickis",
        contactemail="aleksandrs.selickis@nervogrid.com", address="Liliju iela 29",
        properties={"City": "Riga", "Country": "Latvia", "ZipCode": "LV-1010"}))
    store.add_customer(records.new_customer(
        24, "OC", "Other Customer", 1, primarydomain="other.local", contactname="Olga Other",
        contactemail="olga@other.local", address="2 Other Road"))
    by_code = dict((rec["name"], rec) for rec in store.customers.values())
    for uid, code, base, password, api, role_names in API_USERS:
        customer = by_code[code]
        store.add_user(records.new_user(uid, customer, base, now, password=password, api_access=api,
                                        roles=list(role_names), fullname="%s %s" % (base.title(), code),
                                        lastname=code))
    services = optional_module("services")
    if services is not None:
        services.seed(store)


def _unique_code(prefix, number, taken):
    code = "%s%d" % (prefix, number)
    while code.casefold() in taken:
        number += 1
        code = "%s%d" % (prefix, number)
    taken.add(code.casefold())
    return code


def _bulk_customer(store, parent, fullname, prefix, number, taken, users, now):
    cid = store.next_id("customer", 34)
    code = _unique_code(prefix, number, taken)
    domain = "%s.example.test" % code.lower()
    rec = store.add_customer(records.new_customer(
        cid, code, fullname, parent["id"], primarydomain=domain, contactname="Contact %s" % code,
        contactemail="contact@%s" % domain, location=parent.get("location", LOCATION)))
    for index in range(users):
        uid = store.next_id("user", 113)
        store.add_user(records.new_user(uid, rec, "user%d" % (index + 1), now, password="Passw0rd!%d" % uid,
                                        roles=[roles.CUSTOMER_ADMINISTRATOR] if index == 0 else []))
    return rec


def bulk_seed(store, spec, now=None):
    """POST /_sim/seed: add customers (Provisioned at once, no requests) and hand other keys to extensions."""
    now = time.time() if now is None else now
    count = int(spec.get("customers", 0) or 0)
    users = int(spec.get("users_per_customer", 0) or 0)
    resellers = int(spec.get("resellers", 0) or 0)
    parent = store.find_customer("name", spec.get("parent") or "Gsp")
    if parent is None:
        raise SimError(34, "Customer '%s' not found." % spec.get("parent"))
    taken = set(rec["name"].casefold() for rec in store.customers.values())
    first = store.counters.get("customer", 34)
    parents = [_bulk_customer(store, parent, "Scale Reseller %d" % (index + 1), "SR", index + 1, taken, users, now)
               for index in range(resellers)] or [parent]
    for index in range(count):
        _bulk_customer(store, parents[index % len(parents)], "Scale Customer %d" % (index + 1), "SC", index + 1,
                       taken, users, now)
    last = store.counters.get("customer", 34) - 1
    result = {"customers": [first, last] if last >= first else [], "users": (count + resellers) * users,
              "resellers": [rec["name"] for rec in parents if rec is not parent]}
    for key, value in spec.items():
        if key in ("customers", "users_per_customer", "resellers", "parent"):
            continue
        module = optional_module(key) if key.isidentifier() else None
        if module is None or not hasattr(module, "bulk_seed"):
            raise SimError(0, "Unknown seed key '%s' (no tests/simulator/%s.py with bulk_seed)." % (key, key))
        result[key] = module.bulk_seed(store, value)
    return result
