"""Distribution groups at scale: POST /_sim/seed {"distgroups": {"customer": "OC", "count": 2500}}."""

from ..core.values import norm
from ..groups.distribution import new_group
from ..services.catalogue import SERVICES
from ..services.records import ensure, is_active


def seed_distgroups(store, customer, count):
    """Create count groups for a customer (record or code) without going through the API; Hosted Exchange is
    provisioned first when it is not. Names 'Group 00001'... continue after the groups already there."""
    if not isinstance(customer, dict):
        customer = store.find_customer("name", customer)
        if customer is None:
            raise ValueError("seed_distgroups: no customer with that code")
    record = ensure(customer, SERVICES["HE"])
    if not is_active(record):
        record["status"] = "Provisioned"
    groups = customer.setdefault("distgroups", [])
    taken = {norm(group["displayname"]) for group in groups}
    number = len(groups)
    created = 0
    while created < int(count):
        number += 1
        name = "Group %05d" % number
        if norm(name) in taken:
            continue
        groups.append(new_group(store.next_id("distgroup"), customer, name))
        created += 1
    return created


def bulk_seed(store, spec):
    """POST /_sim/seed {"distgroups": {"customer": "TC", "count": 2500}}."""
    created = seed_distgroups(store, spec.get("customer"), int(spec.get("count", 0) or 0))
    return {"customer": spec.get("customer"), "created": created}
