"""One API call: validate the <request> envelope, dispatch each entity, build the <response>.

Unknown entity tags are ignored like unknown tags everywhere (the guide: invalid names are ignored), so a request
with nothing the server knows answers an empty <response version="1.0" />.
"""

from ..customers import actions as customers
from ..dialect import releases, spellings, tagfilter
from ..system import identity, location, report, version
from . import extensions, provisioning
from .errors import SimError
from .xmlio import response, sub


def _approval(ctx, el):
    """GET <approval><id>GUID</id></approval>: delegated to approvals.get_approval(ctx, el) -> Element."""
    if ctx.action != "GET":
        raise SimError(5, "<approval> supports only GET, not %s." % ctx.action)
    return [extensions.approvals().get_approval(ctx, el)]


ACTIONS = ("FIND", "GET", "SET", "DELETE")
HANDLERS = {
    "customer": customers.handle,
    "identity": identity.identity,
    "global": version.global_info,
    "location": location.location,
    "report": report.report,
    "request": provisioning.handle,
    "approval": _approval,
}
# Which nested elements make up the log path below each entity (DESIGN: customer/user/service, ...).
PATH_CHILDREN = {
    "customer": ("user", "service", "approvalproviders", "approvalresponses"),
    "user": ("service", "approvalresponses"),
    "service": ("distributiongroups", "contacts"),
}


def envelope(root):
    """The request's action (upper case); error 3 for a bad envelope, 5 for a missing or unknown action."""
    if root.tag != "request":
        raise SimError(3, "The XML in the request is incorrectly formatted: the root element must be <request>, "
                          "not <%s>." % root.tag)
    version = root.get("version")
    if version is None:
        raise SimError(3, "The XML in the request is incorrectly formatted: the version attribute is missing "
                          "(use version=\"1.0\").")
    if version.strip() != "1.0":
        raise SimError(3, "Unsupported request version '%s'; use version=\"1.0\"." % version)
    action = root.get("action")
    if action is None or action.strip().upper() not in ACTIONS:
        raise SimError(5, "The action attribute is missing or is not a valid action (find, get, set, delete): '%s'."
                       % (action or ""))
    return action.strip().upper()


def peek_action(root):
    """Best-effort action for fault filtering and the log, without raising."""
    action = root.get("action") if root is not None and root.tag == "request" else None
    return action.strip().upper() if action else None


def log_path(root):
    if root is None:
        return ""
    entity = next((child for child in root if child.tag in HANDLERS), None)
    if entity is None:
        return ""
    steps = [entity.tag]
    current = entity
    while current.tag in PATH_CHILDREN:
        nxt = next((child for tag in PATH_CHILDREN[current.tag] for child in current.findall(tag)), None)
        if nxt is None:
            break
        steps.append(nxt.tag)
        current = nxt
    return "/".join(steps)


def prepare(root, config, action):
    """Make the request what this server reads: drop the ignore_tags and what the release lacks, then turn the
    spellings it reads into the canonical ones (dialect/spellings.py). The '/'-joined paths of every tag dropped."""
    release = config.get("release") or releases.DEFAULT
    rules = tagfilter.parse_rules(list(config.get("ignore_tags") or ()) + list(releases.MISSING.get(release, ())))
    dropped = tagfilter.drop(root, rules)
    return dropped + spellings.normalise(root, config, releases.SPELLINGS.get(release, {}), action)


def execute(ctx, root):
    """Run every entity of the request; the <response> element to send."""
    results = []
    for child in root:
        handler = HANDLERS.get(child.tag) if isinstance(child.tag, str) else None
        if handler is not None:
            results.extend(handler(ctx, child))
    if ctx.action in ("SET", "DELETE"):
        if not releases.has(ctx.release, "request_ids"):
            return response()       # CPSM 10 answers an accepted write with an empty response
        if ctx.top_request_id is None:
            ctx.top_request_id = provisioning.empty_top(ctx)
        request = sub(response(), "request")
        sub(request, "id", ctx.top_request_id)
        return request.getparent()
    answer = response(results)
    spellings.write_service_names(answer, ctx.store.config, releases.SPELLINGS.get(ctx.release, {}))
    return answer
