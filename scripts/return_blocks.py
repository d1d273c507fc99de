"""Keeps the RETURN entries several modules share written once: here, copied into each module between markers.

    python scripts/return_blocks.py --write   # rewrite every marked block in plugins/modules from BLOCKS
    python scripts/return_blocks.py --check   # exit 1 when a marked block differs from BLOCKS

Doc fragments cannot carry RETURN, and ansible-test and ansible-doc read RETURN as a literal string, so the text
has to stand in each module. A module takes a shared block by holding its markers inside RETURN (YAML comments):

    # shared RETURN block: approval (scripts/return_blocks.py)
    ...
    # end of shared RETURN block: approval

tests/unit/test_return_blocks.py runs --check, so an edit made in one module only fails the unit tests.
"""

import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MODULES = os.path.join(ROOT, 'plugins', 'modules')

# Returned by every module whose write may be held for workflow approval (engine/approvals.py).
BLOCKS = {
    'approval': '''\
approval_pending:
  description:
    - True when the server holds the change for workflow approval (see O(wait_for_approval)); absent otherwise.
  returned: when the change is held for approval
  type: bool
  sample: true
approval:
  description:
    - The approval request that holds the change, in the shape of M(atria.cortex.atria_approval_response_info)'s
      requests (description, status, dates, customer, requester, subscriptions with id, approver, status, reason).
  returned: when the change is held for approval
  type: dict
  sample:
    description: Provision User - Minnie Mouse
    status: Pending
    subscriptions: [{id: b360825a-d7b1-4685-a1cc-ceb94b81fa4a, approver: Mickey_CSP, status: Pending, reason: ""}]
approval_requests:
  description: Every approval request holding a change of the task (several with a list of entities), as RV(approval).
  returned: when the change is held for approval
  type: list
  elements: dict
''',
}

BLOCK = re.compile(r'(?m)^# shared RETURN block: (\w+) \(scripts/return_blocks\.py\)\n(.*?)^# end of shared RETURN block: \1\n',
                   re.DOTALL)


def render(source):
    """The module source with every marked block replaced by its text from BLOCKS (KeyError: unknown block)."""

    def fill(match):
        name = match.group(1)
        return '# shared RETURN block: %s (scripts/return_blocks.py)\n%s# end of shared RETURN block: %s\n' % (
            name, BLOCKS[name], name)

    return BLOCK.sub(fill, source)


def users(directory=MODULES):
    """{module file: [block names it holds]}."""
    found = {}
    for name in sorted(os.listdir(directory)):
        if name.endswith('.py'):
            with open(os.path.join(directory, name), encoding='utf-8') as handle:
                blocks = [match.group(1) for match in BLOCK.finditer(handle.read())]
            if blocks:
                found[name] = blocks
    return found


def main(argv, directory=MODULES):
    stale = []
    for name in users(directory):
        path = os.path.join(directory, name)
        with open(path, encoding='utf-8') as handle:
            source = handle.read()
        wanted = render(source)
        if wanted == source:
            continue
        if '--write' in argv:
            with open(path, 'w', encoding='utf-8') as handle:
                handle.write(wanted)
        else:
            stale.append(name)
    if stale:
        print('%s: a shared RETURN block differs from scripts/return_blocks.py; edit it there and run '
              'python scripts/return_blocks.py --write' % ', '.join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
