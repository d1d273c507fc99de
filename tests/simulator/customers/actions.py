"""<customer> requests: each action to the module that carries it out (read.py, write.py, remove.py)."""

from . import read, remove, write


def handle(ctx, el):
    if ctx.action == "FIND":
        return read.find(ctx, el)
    if ctx.action == "GET":
        return read.get(ctx, el)
    if ctx.action == "SET":
        write.set_customer(ctx, el)
        return []
    return remove.delete(ctx, el)
