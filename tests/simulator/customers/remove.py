"""DELETE <customer>: a customer, or (nested) its users and service instances. Nobody deletes their own customer;
a customer with sub-customers cannot be deleted (error 1)."""

from ..core import extensions
from ..core.errors import SimError
from ..users import remove as user_remove
from .read import locate_visible


def delete(ctx, el):
    rec = locate_visible(ctx, el)
    user_els = el.findall("user")
    service_els = el.findall("service")
    if user_els or service_els:
        for user_el in user_els:
            user_remove.delete_user(ctx, rec, user_el)
        for service_el in service_els:
            extensions.services().delete_customer_service(ctx, rec, service_el)
        return []
    if rec["id"] == ctx.caller["customer_id"]:
        raise SimError(12, "You cannot delete customer '%s': it is the customer of the calling user." % rec["name"], 401)
    children = [c["name"] for c in ctx.store.customers.values() if c.get("parent_id") == rec["id"]]
    if children:
        raise SimError(1, "Unable to delete customer '%s' because it still has sub-customers (%s). Delete those "
                          "first." % (rec["name"], ", ".join(sorted(children)[:5])))
    ctx.store.remove_customer(rec["id"])
    ctx.forget_scope()
    ctx.start_request("Delete Customer %s" % rec["fullname"], "Customer", rec["name"], [],
                      final_status="NotProvisioned", request_type="Object Delete")
    return []
