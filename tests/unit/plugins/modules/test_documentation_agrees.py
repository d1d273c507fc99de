# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""For every module: DOCUMENTATION, the argument spec and the entity's Resource say the same about each option.

The Resource is the one source of an option's name, type, choices and write-only-ness; modules derive their
argument spec from it and DOCUMENTATION is written by hand. Three ways to drift, one test per module:
- DOCUMENTATION (with its doc fragments) and argument_spec(): names, type, elements, choices, default, required,
  aliases and suboptions, recursively;
- argument_spec() and the Resource: every option the Resource declares appears with the Resource's spec;
- no_log: exactly the Resource's write-only fields and the connection password are no_log, and every option
  whose name looks secret says no_log explicitly (True or False).
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import copy
import importlib
import os
import re

import pytest
import yaml

from ansible_collections.atria.cortex.plugins.module_utils.engine import fields as f
from ansible_collections.atria.cortex.plugins.module_utils.entities.approval.responses import APPROVAL_SUBSCRIPTION
from ansible_collections.atria.cortex.plugins.module_utils.entities.customer.resource import CUSTOMER
from ansible_collections.atria.cortex.plugins.module_utils.entities.groups.approval import APPROVAL_GROUP, APPROVAL_MANAGERS
from ansible_collections.atria.cortex.plugins.module_utils.entities.groups.contact import CONTACT
from ansible_collections.atria.cortex.plugins.module_utils.entities.groups.distribution import DIST_GROUP
from ansible_collections.atria.cortex.plugins.module_utils.entities.location.resource import LOCATION
from ansible_collections.atria.cortex.plugins.module_utils.entities.service.resource import CUSTOMER_SERVICE, SERVICE_SUMMARY, USER_SERVICE
from ansible_collections.atria.cortex.plugins.module_utils.entities.user.resource import USER

PREFIX = 'ansible_collections.atria.cortex.plugins.'
MODULES_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', '..', '..', 'plugins', 'modules')
MODULES = sorted(name[:-3] for name in os.listdir(MODULES_DIR) if name.endswith('.py') and not name.startswith('_'))
CONNECTION_SECRETS = ('api_password',)
SECRET_NAME = re.compile(r'pass|secret|token|key', re.IGNORECASE)

# module -> [(Resource, options)]: options None = every field of the Resource (a writing module), else the
# fields or facts the module offers (an _info module's filters). A new module must be listed here.
RESOURCES = {
    'atria_approval_group': lambda module: [(APPROVAL_GROUP, None)],
    'atria_approval_group_info': lambda module: [(APPROVAL_GROUP, module.FILTER_OPTIONS)],
    'atria_approval_managers': lambda module: [(APPROVAL_MANAGERS, None)],
    'atria_approval_response': lambda module: [(APPROVAL_SUBSCRIPTION, None)],
    'atria_approval_response_info': lambda module: [],
    'atria_contact': lambda module: [(CONTACT, None)],
    'atria_contact_info': lambda module: [(CONTACT, module.FILTER_OPTIONS)],
    'atria_customer': lambda module: [(CUSTOMER, None)],
    'atria_customer_info': lambda module: [(CUSTOMER, module.FILTER_OPTIONS)],
    'atria_dist_group': lambda module: [(DIST_GROUP, None)],
    'atria_dist_group_info': lambda module: [(DIST_GROUP, module.FILTER_OPTIONS)],
    'atria_location': lambda module: [(LOCATION, None)],
    'atria_location_info': lambda module: [(LOCATION, module.FILTER_OPTIONS)],
    'atria_report_info': lambda module: [],
    'atria_request_info': lambda module: [],
    'atria_service': lambda module: [(CUSTOMER_SERVICE, None), (USER_SERVICE, None)],
    'atria_service_info': lambda module: [(SERVICE_SUMMARY, module.FILTER_OPTIONS)],
    'atria_user': lambda module: [(USER, None)],
    'atria_user_info': lambda module: [(USER, module.FILTER_OPTIONS)],
}
# Options whose items are the Resource's options again (one entity per item).
ITEM_OPTIONS = {'atria_user': ('users', USER)}

# (key, value when absent) compared between DOCUMENTATION and the argument spec.
COMPARED = (('type', 'str'), ('elements', None), ('choices', None), ('default', None), ('required', False), ('aliases', None))


def _listed(value):
    return sorted(str(item) for item in value) if isinstance(value, (list, tuple)) else value


def fragment_options(name):
    """Options of a doc fragment: atria.cortex.atria -> DOCUMENTATION, atria.cortex.atria.wait -> WAIT."""
    parts = name.split('.')
    holder = importlib.import_module(PREFIX + 'doc_fragments.' + parts[2]).ModuleDocFragment
    text = getattr(holder, parts[3].upper() if len(parts) > 3 else 'DOCUMENTATION')
    return (yaml.safe_load(text) or {}).get('options') or {}


def documented_options(module):
    doc = yaml.safe_load(module.DOCUMENTATION)
    options = {}
    for name in doc.get('extends_documentation_fragment') or ():
        options.update(fragment_options(name))
    options.update(doc.get('options') or {})
    return options


def doc_spec_problems(documented, spec, path=''):
    """How DOCUMENTATION and the argument spec disagree, recursively through suboptions."""
    problems = []
    for name in sorted(set(documented) | set(spec)):
        where = path + name
        if name not in spec:
            problems.append('%s: documented but not in the argument spec' % where)
            continue
        if name not in documented:
            problems.append('%s: in the argument spec but not documented' % where)
            continue
        doc, arg = documented[name] or {}, spec[name]
        for key, absent in COMPARED:
            if _listed(doc.get(key, absent)) != _listed(arg.get(key, absent)):
                problems.append('%s: %s is %r in DOCUMENTATION, %r in the argument spec' % (where, key, doc.get(key), arg.get(key)))
        if doc.get('suboptions') or arg.get('options'):
            problems.extend(doc_spec_problems(doc.get('suboptions') or {}, arg.get('options') or {}, where + '.'))
    return problems


def resource_problems(spec, resources, path=''):
    """Options a Resource declares that the argument spec lacks or types differently."""
    problems = []
    for resource, options in resources:
        fields = resource.fields if options is None else [resource.option_field(option) for option in options]
        for field in fields:
            for name, wanted in field.argument_spec().items():
                got = dict(spec.get(name) or {})
                got.pop('required', None)  # which key a module requires is the module's choice
                if name not in spec:
                    problems.append('%s%s: the %s declares it, the argument spec lacks it' % (path, name, resource.noun))
                elif got != wanted:
                    problems.append('%s%s: the %s says %r, the argument spec %r' % (path, name, resource.noun, wanted, spec[name]))
    return problems


def no_log_problems(spec, resources, path=''):
    """no_log exactly on write-only fields and connection secrets; every secret-looking name says no_log itself."""
    write_only = set(CONNECTION_SECRETS)
    for resource, _options in resources:
        write_only.update(field.option for field in resource.fields if field.write_only)
    problems = []
    for name, arg in sorted(spec.items()):
        if bool(arg.get('no_log')) != (name in write_only):
            problems.append('%s%s: no_log is %r, but it is %sa write-only field' % (path, name, arg.get('no_log'), '' if name in write_only else 'not '))
        if SECRET_NAME.search(name) and 'no_log' not in arg:
            problems.append('%s%s: the name looks secret; say no_log=True or no_log=False' % (path, name))
    return problems


def problems_of(documented, spec, resources, items=None):
    problems = doc_spec_problems(documented, spec) + resource_problems(spec, resources) + no_log_problems(spec, resources)
    if items:
        option, resource = items
        problems += resource_problems(spec[option]['options'], [(resource, None)], option + '[].')
        problems += no_log_problems(spec[option]['options'], [(resource, None)], option + '[].')
    return problems


def load(name):
    return importlib.import_module(PREFIX + 'modules.' + name)


def test_every_module_is_checked():
    assert sorted(RESOURCES) == MODULES


@pytest.mark.parametrize('name', MODULES)
def test_documentation_argument_spec_and_resource_agree(name):
    module = load(name)
    problems = problems_of(documented_options(module), module.argument_spec(), RESOURCES[name](module), ITEM_OPTIONS.get(name))
    assert not problems, '\n'.join(problems)


# -- the checks catch each kind of drift (each of the three sources changed alone) --------------------------------
def _user_parts():
    module = load('atria_user')
    return documented_options(module), module.argument_spec(), [(USER, None)]


def test_a_documentation_change_alone_is_caught():
    documented, spec, resources = _user_parts()
    documented = copy.deepcopy(documented)
    documented['enabled']['type'] = 'str'
    documented['users']['suboptions']['roles_mode']['choices'] = ['exact', 'present']
    problems = problems_of(documented, spec, resources)
    assert any(p.startswith('enabled: type') for p in problems)
    assert any(p.startswith('users.roles_mode: choices') for p in problems)


def test_an_argument_spec_change_alone_is_caught():
    documented, spec, resources = _user_parts()
    spec = copy.deepcopy(spec)
    del spec['phone']
    spec['update_password']['default'] = 'always'
    problems = problems_of(documented, spec, resources)
    assert 'phone: documented but not in the argument spec' in problems
    assert any(p.startswith('update_password: default') for p in problems)
    assert any(p.startswith('phone: the user declares it') for p in problems)


def test_a_resource_change_alone_is_caught():
    documented, spec, _resources = _user_parts()
    changed = copy.copy(USER)
    changed.fields = tuple(f.Field('enabled', 'enabled') if field.option == 'enabled' else field for field in USER.fields)
    changed.fields += (f.WriteOnlyField('pin', lambda value: []),)
    problems = problems_of(documented, spec, [(changed, None)])
    assert any(p.startswith('enabled: the user says') for p in problems)
    assert any(p.startswith('pin: the user declares it') for p in problems)


def test_no_log_drift_is_caught():
    documented, spec, resources = _user_parts()
    spec = copy.deepcopy(spec)
    spec['password'].pop('no_log')
    del spec['update_password']['no_log']
    problems = no_log_problems(spec, resources)
    assert any(p.startswith('password: no_log is None') for p in problems)
    assert any(p.startswith('update_password: the name looks secret') for p in problems)


def test_the_audit_names_every_writing_module_s_entity_as_its_resource_does():
    from ansible_collections.atria.cortex.plugins.plugin_utils import audit

    writing = [name for name in MODULES if not name.endswith('_info')]
    assert sorted(audit.ENTITY_NAMES) == writing
    for name in writing:
        resource = audit.MANAGED_ENTITIES[name]
        assert audit.ENTITY_NAMES[name] == (resource.noun, resource.identity)
        assert set(resource.identity) <= set(load(name).argument_spec()), name
