"""Make the repository importable as ``ansible_collections.atria.cortex`` for the unit tests.

The repository root is the collection root, so a symlink tree under the git-ignored ``.build/`` gives it the
path Ansible expects: ``.build/collections/ansible_collections/atria/cortex -> <repository root>``.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import os
import sys

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
COLLECTIONS_ROOT = os.path.join(REPO_ROOT, '.build', 'collections')


def _ensure_collection_link():
    namespace_dir = os.path.join(COLLECTIONS_ROOT, 'ansible_collections', 'atria')
    link = os.path.join(namespace_dir, 'cortex')
    if os.path.realpath(link) == os.path.realpath(REPO_ROOT):
        return
    os.makedirs(namespace_dir, exist_ok=True)
    try:
        os.symlink(REPO_ROOT, link)
    except FileExistsError:  # another test run created it in the meantime
        pass


_ensure_collection_link()
if COLLECTIONS_ROOT not in sys.path:
    sys.path.insert(0, COLLECTIONS_ROOT)

# The shared fakes (tests/unit/fakes.py) are imported as ``fakes`` from every test folder.
UNIT_TESTS = os.path.dirname(os.path.abspath(__file__))
if UNIT_TESTS not in sys.path:
    sys.path.insert(0, UNIT_TESTS)
