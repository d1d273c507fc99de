"""What happens to a change that waited for approval once it is accepted or declined.

An action is stored with the approval request as plain JSON: {"kind": "customer_service" | "user_service",
"customer_id", "user_id", "code", "event": "Provision" | "Deprovision"}. Accepted: the change is carried out
(a provisioning request starts). Declined: the object stays as it was. Either way approvalpending turns False.
"""

from . import services, userservices
from .catalogue import SERVICES
from .svcrecords import stored, user_record


def carry_out(ctx, customer, action, accepted):
    definition = SERVICES.get(action.get("code"))
    if definition is None:
        return
    if action["kind"] == "customer_service":
        record = stored(customer, definition["name"])
        if record is None:
            return
        record["approvalpending"] = False
        if not accepted:
            return
        if action["event"] == "Deprovision":
            services.deprovision_customer_service(ctx, customer, definition)
        else:
            ctx.start_request("Provision %s for customer %s" % (definition["fullname"], customer.get("name")),
                              "Customer Service", "%s/%s" % (customer.get("name"), definition["name"]), [record],
                              "Provisioned")
        return
    user = ctx.store.users.get(action.get("user_id"))
    record = user_record(user, definition["name"]) if user else None
    if record is None:
        return
    record["approvalpending"] = False
    if not accepted:
        if action["event"] == "Provision":
            record["plans"] = []
            record["instances"] = []
        return
    if action["event"] == "Deprovision":
        userservices.deprovision(ctx, user, definition)
    else:
        ctx.start_request("Provision %s for user %s" % (definition["fullname"], user.get("name")), "User Service",
                          "%s/%s" % (user.get("name"), definition["name"]), [record], "Provisioned")
