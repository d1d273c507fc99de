"""Factories for customer and user records (plain dicts; see store.py for the meaning of each key)."""

import datetime
import string

from . import roles

UNASSIGNED = "Unassigned"
DEFAULT_LASTNAME = "Default Lastname"
DEFAULT_LOCATION = "Location GSP"
PASSWORD_ALPHABET = string.ascii_letters + string.digits + "!#%*+-="


def new_customer(cid, name, fullname, parent_id, **fields):
    rec = {
        "id": cid, "name": name, "fullname": fullname, "parent_id": parent_id, "location": DEFAULT_LOCATION,
        "billingid": "", "primarydomain": "", "contactname": "", "contactemail": "", "address": "", "phone": "",
        "fax": "", "domains": [], "properties": {}, "enabled": True, "status": "Provisioned",
        "approvalpending": False, "roles": [name for name, _rid in roles.ROLES],
        "locations": [UNASSIGNED], "departments": [UNASSIGNED],
        "password_policy": {"minimumlength": 7, "bannerdisplaydays": 0, "changeatnextlogon": False,
                            "allowneverexpires": False},
        # owned by the services engineer (services.py, approvals.py, distgroups.py)
        "services": {}, "approval": {}, "distgroups": [],
    }
    rec.update(fields)
    if rec["primarydomain"] and not rec["domains"]:
        rec["domains"] = [rec["primarydomain"]]
    return rec


def default_password_expiry(now):
    """Passwords expire 90 days after they are set (the capture shows a YYYYMMDD date)."""
    when = datetime.datetime.fromtimestamp(now, datetime.timezone.utc) + datetime.timedelta(days=90)
    return when.strftime("%Y%m%d")


def new_user(uid, customer, base_name, now, **fields):
    """A user stored as <base_name>_<CODE> with the defaults the captures show."""
    name = "%s_%s" % (base_name, customer["name"])
    rec = {
        "id": uid, "customer_id": customer["id"], "name": name, "fullname": base_name,
        "upn": "%s@%s" % (name, customer["primarydomain"]), "firstname": base_name, "lastname": DEFAULT_LASTNAME,
        "externalemail": "", "location": UNASSIGNED, "department": UNASSIGNED, "phone": "", "customfield1": "",
        "customfield2": "", "expires": "Never", "enabled": True, "locked": False, "status": "Provisioned",
        "approvalpending": False, "roles": [], "password": "", "changeatnextlogon": False,
        "password_expires": default_password_expiry(now), "properties": {}, "api_access": False,
        # owned by the services engineer
        "services": {},
    }
    rec.update(fields)
    return rec


def generated_password(rng):
    """What the server does when no password is given: a random one nobody is told."""
    return "".join(rng.choice(PASSWORD_ALPHABET) for _index in range(14))
