"""What happens to a change that waited for approval once it is accepted or declined.

An action is stored with the approval request as plain JSON: {"kind": "customer_service" | "user_service" |
"user", "customer_id", "user_id", "code", "event": "Provision" | "Deprovision", "before": the record as it was
before the held SET, or None}. Accepted: the change is carried out (a provisioning request starts, a child of the
approver's SET). Declined: the object is put back as it was before the held SET (a held creation stays
NotProvisioned). Either way approvalpending turns False.
"""

from ..core import extensions
from ..services import customer as customer_services
from ..services import user as user_services
from ..services.catalogue import SERVICES
from ..services.records import stored, user_record
from ..users import write as user_write


def carry_out(ctx, customer, action, accepted):
    if action["kind"] == "user":
        _user(ctx, action, accepted)
        return
    definition = SERVICES.get(action.get("code"))
    if definition is None:
        return
    if action["kind"] == "customer_service":
        _customer_service(ctx, customer, definition, action, accepted)
    else:
        _user_service(ctx, definition, action, accepted)


def _restore(record, before, keep=()):
    """Put record back as it was (in place: running requests hold references to it); keep: keys left alone."""
    kept = dict((key, record[key]) for key in keep if key in record)
    record.clear()
    record.update(before)
    record.update(kept)
    record["approvalpending"] = False


def _declined(records, code, action):
    """Put a service record back; one that did not exist before the held SET is removed (a GET then shows the
    defaults of a service never provisioned: NotProvisioned)."""
    before = action.get("before")
    if before is None:
        records.pop(code, None)
    else:
        _restore(records[code], before)


def _customer_service(ctx, customer, definition, action, accepted):
    record = stored(customer, definition["name"])
    if record is None:
        return
    if not accepted:
        _declined(customer["services"], definition["name"], action)
        return
    record["approvalpending"] = False
    if action["event"] == "Deprovision":
        customer_services.deprovision_customer_service(ctx, customer, definition)
    else:
        ctx.start_request("Provision %s for customer %s" % (definition["fullname"], customer.get("name")),
                          "Customer Service", "%s/%s" % (customer.get("name"), definition["name"]), [record],
                          "Provisioned")


def _user_service(ctx, definition, action, accepted):
    user = ctx.store.users.get(action.get("user_id"))
    record = user_record(user, definition["name"]) if user else None
    if record is None:
        return
    if not accepted:
        _declined(user["services"], definition["name"], action)
        return
    record["approvalpending"] = False
    if action["event"] == "Deprovision":
        user_services.deprovision(ctx, user, definition)
    else:
        ctx.start_request("Provision %s for user %s" % (definition["fullname"], user.get("name")), "User Service",
                          "%s/%s" % (user.get("name"), definition["name"]), [record], "Provisioned")


def _user(ctx, action, accepted):
    user = ctx.store.users.get(action.get("user_id"))
    if user is None:
        return
    if not accepted:
        before = action.get("before")
        if before is not None:
            _restore(user, before, keep=("services", "password"))
        else:
            user.update({"status": "NotProvisioned", "approvalpending": False})
        return
    user["approvalpending"] = False
    if action["event"] == "Deprovision":
        user_write.deprovision_user(ctx, user)
    else:
        ctx.start_request("Provision User %s" % user["name"], "User", user["name"], [user])
        extensions.user_status(ctx, user, "Provisioned")
