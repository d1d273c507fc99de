"""<customer><user> reads: FIND and GET (SET: write.py, DELETE: remove.py)."""

from ..core import extensions
from ..core.errors import SimError
from ..core.xmlio import text_of
from ..properties import definitions
from . import shape

USER_KEYS = ("id", "name", "upn", "fullname")


def identify(el):
    """(key, value) of the first identifying child given, in the order id, name, upn, fullname."""
    for key in USER_KEYS:
        value = text_of(el, key)
        if value:
            return key, value
    return None, None


def lookup(ctx, customer, key, value):
    param = {"id": "user_id"}.get(key, key)
    return ctx.lookup_user(customer, **{param: value})


def locate(ctx, customer, el):
    key, value = identify(el)
    if key is None:
        raise SimError(16, "User not found: the request names no <name>, <upn>, <id> or <fullname>.")
    user = lookup(ctx, customer, key, value)
    if user is None:
        raise SimError(16, "User '%s' not found." % value)
    return user


# ----------------------------------------------------------------------- FIND
def _filters(ctx, customer, el):
    wanted = []
    name = text_of(el, "name")
    if name:
        names = set([name.casefold(), ("%s_%s" % (name, customer["name"])).casefold()])
        wanted.append(lambda u: u["name"].casefold() in names)
    for key in ("fullname", "upn", "location", "department"):
        value = text_of(el, key)
        if value:
            wanted.append(lambda u, k=key, v=value.casefold(): (u.get(k) or "").casefold() == v)
    value = text_of(el, "id")
    if value:
        wanted.append(lambda u, v=value: str(u["id"]) == v)
    value = text_of(el, "status")
    if value:
        status = ctx.parse_status(value, "<user><status>")
        wanted.append(lambda u: u.get("status") == status)
    return wanted


def find_into(ctx, customer, el, out):
    """Append the summaries of the customer's users matching el's filters (and their services) to out."""
    wanted = _filters(ctx, customer, el)
    service_els = el.findall("service")
    for user in ctx.users_of(customer):
        if all(test(user) for test in wanted):
            entry = shape.user_summary(user)
            for service_el in service_els:
                for item in extensions.services().find_user_services(ctx, customer, user, service_el):
                    entry.append(item)
            out.append(entry)


# ----------------------------------------------------------------------- GET
def get_users(ctx, customer, el):
    """A <user> naming a user answers that user; an empty <user/> answers every user of the customer.

    The guide documents the empty-element form for the lists a GET can return (<distributiongroups/>,
    <instances/>, <approvalproviders/>); the simulator reads <user/> the same way, in detail. The guide itself
    lists users only with FIND, so with the ``refuse_user_list_get`` config hook the empty <user/> is read as what
    it is on a server that does not list: a GET of a user that names none, UserNotFound (16).
    """
    if identify(el)[0] is not None or ctx.store.config.get("refuse_user_list_get"):
        return [get_user(ctx, customer, el)]
    return [get_user_record(ctx, customer, user, el) for user in ctx.users_of(customer)]


def get_user(ctx, customer, el):
    return get_user_record(ctx, customer, locate(ctx, customer, el), el)


def get_user_record(ctx, customer, user, el):
    out = shape.user_detail(user)
    props_el = el.find("properties")
    if props_el is not None:
        detail = (props_el.get("detail") or "").strip().lower() in ("true", "yes", "1", "-1")
        out.append(definitions.render(definitions.USER_DEFS,
                                      lambda definition: definitions.user_value(user, customer, definition), detail))
    if el.find("additionalproperties") is not None:
        out.append(definitions.render_additional(user, customer))
    for service_el in el.findall("service"):
        out.append(extensions.services().get_user_service(ctx, customer, user, service_el))
    for child in el.findall("approvalresponses"):
        out.append(extensions.approvals().get_approvalresponses(ctx, customer, user, child))
    return out
