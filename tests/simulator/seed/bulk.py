"""POST /_sim/seed: bulk customers and users for scale tests, and the seed keys of other packages."""

import time

from ..core.context import optional_module
from ..core.errors import SimError
from ..customers import record as customer_record
from ..users import record as user_record
from ..users import roles

LOCATION = customer_record.DEFAULT_LOCATION
# seed key -> module (below tests/simulator) whose bulk_seed(store, value) handles it
SEED_KEYS = {"distgroups": "seed.groups"}


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
    rec = store.add_customer(customer_record.new_customer(
        cid, code, fullname, parent["id"], primarydomain=domain, contactname="Contact %s" % code,
        contactemail="contact@%s" % domain, location=parent.get("location", LOCATION)))
    for index in range(users):
        uid = store.next_id("user", 113)
        store.add_user(user_record.new_user(uid, rec, "user%d" % (index + 1), now, password="Passw0rd!%d" % uid,
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
        module = optional_module(SEED_KEYS.get(key, key)) if key.replace(".", "_").isidentifier() else None
        if module is None or not hasattr(module, "bulk_seed"):
            raise SimError(0, "Unknown seed key '%s' (known: customers, users_per_customer, resellers, parent, %s)." % (key, ", ".join(sorted(SEED_KEYS))))
        result[key] = module.bulk_seed(store, value)
    return result
