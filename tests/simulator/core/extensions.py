"""Calls into the service and approval packages (services/customer.py, approvals/providers.py), imported lazily.

A <service> or approvals element with its module missing is an API error; the cascade notifications are simply
skipped, so the core works (and is tested) on its own.
"""

from .context import optional_module
from .errors import SimError


def services():
    module = optional_module("services.customer")
    if module is None:
        raise SimError(21, "The service specified does not exist or has not been configured (no services are "
                           "available on this server).")
    return module


def approvals():
    module = optional_module("approvals.providers")
    if module is None:
        raise SimError(0, "Workflow approval is not available on this server.")
    return module


def customer_status(ctx, customer, new_status):
    module = optional_module("services.customer")
    if module is not None:
        module.on_customer_status(ctx, customer, new_status)


def user_status(ctx, user, new_status):
    module = optional_module("services.customer")
    if module is not None:
        module.on_user_status(ctx, user, new_status)


def user_deleted(ctx, customer, user):
    module = optional_module("approvals.providers")
    if module is not None:
        module.on_user_deleted(ctx, customer, user)
