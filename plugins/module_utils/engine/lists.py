# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""List modes shared by every list option of the collection.

Every list option ``X`` comes with ``X_mode``:
  exact   -- the given list is the whole list (items not given are removed);
  present -- the given items are added, the others kept;
  absent  -- the given items are removed, the others kept.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

LIST_MODES = ('exact', 'present', 'absent')


def _key(item, ignore_case):
    return item.lower() if ignore_case and isinstance(item, str) else item


def merge_list(current, desired, mode, ignore_case=False):
    """The full list the entity should end up with, keeping the current order where it can."""
    current = list(current or [])
    desired = list(desired or [])
    if mode == 'exact':
        return _unique(desired, ignore_case)
    if mode == 'present':
        known = set(_key(item, ignore_case) for item in current)
        return current + [item for item in _unique(desired, ignore_case) if _key(item, ignore_case) not in known]
    if mode == 'absent':
        unwanted = set(_key(item, ignore_case) for item in desired)
        return [item for item in current if _key(item, ignore_case) not in unwanted]
    raise ValueError('unknown list mode %r (expected one of %s)' % (mode, ', '.join(LIST_MODES)))


def list_delta(current, wanted, ignore_case=False):
    """(added, removed) between two lists, for APIs that add and remove items one by one."""
    current_keys = set(_key(item, ignore_case) for item in current or [])
    wanted_keys = set(_key(item, ignore_case) for item in wanted or [])
    added = [item for item in wanted or [] if _key(item, ignore_case) not in current_keys]
    removed = [item for item in current or [] if _key(item, ignore_case) not in wanted_keys]
    return added, removed


def same_items(first, second, ignore_case=False):
    """Order-insensitive equality: the API does not promise to keep the order of these lists."""
    return sorted(_key(item, ignore_case) for item in first or []) == sorted(_key(item, ignore_case) for item in second or [])


def mode_option_spec():
    """The argument spec entry of an ``X_mode`` option."""
    return dict(type='str', default='exact', choices=list(LIST_MODES))


def _unique(items, ignore_case):
    seen = set()
    result = []
    for item in items:
        key = _key(item, ignore_case)
        if key not in seen:
            seen.add(key)
            result.append(item)
    return result
