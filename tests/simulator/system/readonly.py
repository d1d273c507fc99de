"""The system entities can only be read: any other action is InvalidAction (5)."""

from ..core.errors import SimError


def read_only(ctx, what, actions=("GET",)):
    if ctx.action not in actions:
        raise SimError(5, "%s supports only %s, not %s." % (what, "/".join(actions), ctx.action))
