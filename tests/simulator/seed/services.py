"""Seed data of the services extension, added after the core's customers and users (deterministic).

- DA (23): Hosted Exchange 2013 provisioned, customer plan Default, user plans FORFAIT_2GO_2013 and
  FORFAIT_60GO_1AN enabled (the others disabled); its first user (admin_DA) has HE on FORFAIT_2GO_2013;
  two distribution groups ("DA Staff" with admin_DA as member and owner, "DA Sales"); one contact;
  a Workflow Group "Service Approvers" (member admin_DA, no active subscriptions, so nothing is held for
  approval unless a test subscribes) and one pending approval request for admin_DA to answer.
- Every other service of every customer is NotProvisioned (Customer Portal Settings is always Provisioned).
"""

from ..groups.distribution import new_group
from ..services.catalogue import SERVICES
from ..services.records import default_record, ensure_user_record

SEED_DAY = "20240105"
SEED_SUBSCRIPTION = "6f1c2a4e-3b5d-4c7e-9a1f-2d3e4f5a6b7c"


def seed_services(store):
    da = store.customers.get(23)
    if da is None:
        return
    exchange = default_record(SERVICES["HE"], da)
    exchange["status"] = "Provisioned"
    for name, state in exchange["userplans"].items():
        state["enabled"] = name in ("FORFAIT_2GO_2013", "FORFAIT_60GO_1AN")
    exchange["contacts"] = [{
        "id": store.next_id("contact"), "displayname": "External Partner", "syncobjectid": "", "enabled": True,
        "path": "CN=External Partner,OU=Contacts,OU=Demo Also(DA),OU=Customers,DC=pp-exchange,DC=local",
        "email": "partner@example.org", "emailalias": "partner", "firstname": "External", "lastname": "Partner",
        "initials": "", "jobtitle": "", "companyname": "Partner Ltd", "businessphone": "", "businessfax": "",
        "homephone": "", "mobile": "", "webpage": "", "street": "", "city": "", "state": "", "country": "",
        "postcode": "", "hidefromaddresslists": False,
    }]
    da.setdefault("services", {})["HE"] = exchange
    users = [store.users[uid] for uid in sorted(store.users) if store.users[uid]["customer_id"] == da["id"]]
    if not users:
        return
    admin = users[0]
    mailbox = ensure_user_record(admin, "HE")
    mailbox.update({"status": "Provisioned", "plans": ["FORFAIT_2GO_2013"]})
    staff = new_group(store.next_id("distgroup"), da, "DA Staff")
    staff["members"].append({"type": "user", "id": admin["id"]})
    staff["owners"].append({"type": "user", "id": admin["id"]})
    da["distgroups"] = [staff, new_group(store.next_id("distgroup"), da, "DA Sales")]
    da["approval"] = {
        "providers": {"Workflow Groups": {"groups": [{
            "name": "Service Approvers", "description": "Approves service changes of Demo Also",
            "configuration": {"memberstoapprove": 1, "timeoutdays": 5, "reminderdays": 2},
            "members": [admin["id"]], "subscriptions": {}}]}},
        "responses": [{
            "id": store.next_id("approval"), "description": "Provision User - New Starter", "status": "Pending",
            "requestdate": SEED_DAY, "resolveddate": "", "requestedby": admin["id"], "needed": 1, "action": None,
            "subscriptions": [{"id": SEED_SUBSCRIPTION, "user_id": admin["id"], "status": "Pending",
                               "requestdate": SEED_DAY, "resolveddate": "", "reason": ""}]}],
    }
