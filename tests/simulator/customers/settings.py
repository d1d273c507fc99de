"""SET of the customer blocks a GET shows (CustomerGet.xml): password policy, locations, departments, allowed
security roles and the OU structure, so a GET answer can be sent back as a SET (the guide's "Useful Techniques").

- <password>: <minimumlength> and <bannerdisplaydays> follow the published rules of MinimumPasswordLength and
  PasswordBannerDisplayDays; <changeatnextlogon> and <allowneverexpires> are booleans (error 32).
- <locations>/<departments>: <name> items replace the list; Unassigned always stays (users default to it); a name
  a user still has cannot be removed (error 1).
- <roles>: <role> items (by name, or by the id attribute) replace the roles the customer's users may get; an
  unknown role is error 22, a role a user of the customer still holds cannot be removed (error 1).
- <customeroustructure>: one of the values of Appendix B's OrganisationalStructure (CPSM 10 guide), error 1.
"""

from ..core.errors import SimError
from ..core.xmlio import text_of
from ..properties import definitions
from ..users import roles
from .record import UNASSIGNED

OU_STRUCTURES = ("ungrouped", "department", "location", "department_location", "location_department",
                 "user_specified")
POLICY_NUMBERS = (("minimumlength", "MinimumPasswordLength"), ("bannerdisplaydays", "PasswordBannerDisplayDays"))
POLICY_FLAGS = ("changeatnextlogon", "allowneverexpires")


def apply(ctx, rec, el, users):
    """Apply every block present in el to the customer record; True when it changed."""
    changed = False
    password_el = el.find("password")
    if password_el is not None:
        changed = _policy(ctx, rec, password_el) or changed
    for tag, key in (("locations", "location"), ("departments", "department")):
        list_el = el.find(tag)
        if list_el is not None:
            changed = _places(rec, tag, key, list_el, users) or changed
    roles_el = el.find("roles")
    if roles_el is not None:
        changed = _allowed_roles(rec, roles_el, users) or changed
    structure = text_of(el, "customeroustructure")
    if structure:
        changed = _structure(rec, structure) or changed
    return changed


def _replace(target, key, value):
    if target.get(key) == value:
        return False
    target[key] = value
    return True


def _policy(ctx, rec, password_el):
    policy = rec.setdefault("password_policy", {})
    changed = False
    for tag, prop in POLICY_NUMBERS:
        value = text_of(password_el, tag)
        if value:
            definition = definitions.find_def(definitions.customer_defs(ctx.store.config), prop)
            number = int(definitions.check(definition, value, ctx, rec, label="<password><%s>" % tag))
            changed = _replace(policy, tag, number) or changed
    for tag in POLICY_FLAGS:
        value = text_of(password_el, tag)
        if value:
            changed = _replace(policy, tag, ctx.parse_bool(value, "<password><%s>" % tag)) or changed
    return changed


def _places(rec, tag, key, list_el, users):
    wanted = [UNASSIGNED]
    for item in list_el.findall("name"):
        name = (item.text or "").strip()
        if name and name.casefold() not in [known.casefold() for known in wanted]:
            wanted.append(name)
    kept = [known.casefold() for known in wanted]
    in_use = sorted(set(user.get(key) for user in users if (user.get(key) or UNASSIGNED).casefold() not in kept))
    if in_use:
        raise SimError(1, "<%s>: %s still used by users of customer '%s'; move those users first."
                       % (tag, ", ".join("'%s'" % name for name in in_use), rec["name"]))
    return _replace(rec, tag, wanted)


def _allowed_roles(rec, roles_el, users):
    wanted = []
    for role_el in roles_el.findall("role"):
        text = (role_el.text or "").strip()
        found = roles.role(text) or next((item for item in roles.ROLES if item[1] == role_el.get("id")), None)
        if found is None:
            raise SimError(22, "Role '%s' not found." % (text or role_el.get("id")))
        if found[0] not in wanted:
            wanted.append(found[0])
    held = sorted(set(name for user in users for name in user.get("roles") or [] if name not in wanted))
    if held:
        raise SimError(1, "<roles>: %s still held by users of customer '%s'; take the role from those users first."
                       % (", ".join("'%s'" % name for name in held), rec["name"]))
    return _replace(rec, "roles", wanted)


def _structure(rec, value):
    match = [known for known in OU_STRUCTURES if known.casefold() == value.casefold()]
    if not match:
        raise SimError(1, "<customeroustructure> '%s' is not one of %s." % (value, ", ".join(OU_STRUCTURES)))
    if rec["properties"].get("OrganisationalStructure", OU_STRUCTURES[0]) == match[0]:
        return False        # ungrouped is what a customer has until told otherwise
    rec["properties"]["OrganisationalStructure"] = match[0]
    return True
