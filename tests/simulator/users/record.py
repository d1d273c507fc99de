"""Factory for user records (plain dicts; see core/store.py for the meaning of each key)."""

import datetime
import string

from ..customers.record import UNASSIGNED

DEFAULT_LASTNAME = "Default Lastname"
PASSWORD_ALPHABET = string.ascii_letters + string.digits + "!#%*+-="


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
        # owned by services/ (user services)
        "services": {},
    }
    rec.update(fields)
    return rec


def generated_password(rng):
    """What the server does when no password is given: a random one nobody is told."""
    return "".join(rng.choice(PASSWORD_ALPHABET) for _index in range(14))
