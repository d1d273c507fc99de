"""DELETE <customer><user>: a user; the last user of a customer cannot be deleted (error 15, the guide's text)."""

from ..core import extensions
from ..core.errors import SimError
from .read import locate

LAST_USER = "Unable to delete the last user from the customer"


def delete_user(ctx, customer, el):
    if el.find("service") is not None:
        # Only the instances assigned to a user's service can be deleted (services/instances.py, guide line 302).
        user = locate(ctx, customer, el)
        for service_el in el.findall("service"):
            extensions.services().delete_user_service(ctx, customer, user, service_el)
        return
    user = locate(ctx, customer, el)
    if len(ctx.users_of(customer)) <= 1:
        raise SimError(15, LAST_USER)
    extensions.user_deleted(ctx, customer, user)
    ctx.store.remove_user(user["id"])
    ctx.start_request("Delete User %s" % user["name"], "User", user["name"], [], final_status="NotProvisioned",
                      request_type="Object Delete")
