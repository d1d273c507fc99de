"""Factory for customer records (plain dicts; see core/store.py for the meaning of each key)."""

from ..users import roles

UNASSIGNED = "Unassigned"
DEFAULT_LOCATION = "Location GSP"


def new_customer(cid, name, fullname, parent_id, **fields):
    rec = {
        "id": cid, "name": name, "fullname": fullname, "parent_id": parent_id, "location": DEFAULT_LOCATION,
        "billingid": "", "primarydomain": "", "contactname": "", "contactemail": "", "address": "", "phone": "",
        "fax": "", "domains": [], "properties": {}, "enabled": True, "status": "Provisioned",
        "approvalpending": False, "roles": [name for name, _rid in roles.ROLES],
        "locations": [UNASSIGNED], "departments": [UNASSIGNED],
        "password_policy": {"minimumlength": 7, "bannerdisplaydays": 0, "changeatnextlogon": False,
                            "allowneverexpires": False},
        # owned by services/, approvals/ and groups/
        "services": {}, "approval": {}, "distgroups": [],
    }
    rec.update(fields)
    if rec["primarydomain"] and not rec["domains"]:
        rec["domains"] = [rec["primarydomain"]]
    return rec
