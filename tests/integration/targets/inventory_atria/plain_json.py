#!/usr/bin/env python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""ansible-inventory --list marks untrusted (server) values as {"__ansible_unsafe": value}, which from_json refuses:
print the listing with those wrappers removed, for assert_inventory.yml. Usage: plain_json.py LIST_JSON
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import json
import sys


def plain(value):
    if isinstance(value, dict):
        if set(value) == {'__ansible_unsafe'}:
            return value['__ansible_unsafe']
        return dict((key, plain(item)) for key, item in value.items())
    if isinstance(value, list):
        return [plain(item) for item in value]
    return value


if __name__ == '__main__':
    with open(sys.argv[1], encoding='utf-8') as handle:
        json.dump(plain(json.load(handle)), sys.stdout, indent=1)
