# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Acceptance of the group modules (issue #5): list modes of workflow-group members and distribution-group
members and owners, identical re-runs that only read, and reading 2,500 distribution groups."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

# What each list shows X, Y and Z as: workflow groups by stored login name, distribution groups by e-mail.
SHOWN = {
    'workflow': {'xavier': 'xavier_DA', 'yvonne': 'yvonne_DA', 'zoe': 'zoe_DA'},
    'members': {'xavier': 'xavier_da@nervogrid.com', 'yvonne': 'yvonne_da@nervogrid.com', 'zoe': 'zoe_da@nervogrid.com'},
}
SHOWN['owners'] = SHOWN['members']
# Reads of an identical re-run: the group; distribution groups also look up the users named by user name
# (naming members by e-mail address saves that read, see the atria_dist_group integration target).
RERUN_READS = {'workflow': 1, 'members': 2, 'owners': 2}
RESULT_KEY = {'workflow': ('approval_group', 'members'), 'members': ('distribution_group', 'members'),
              'owners': ('distribution_group', 'owners')}


def stored_list(state, kind):
    """The list as the simulator stores it (user ids mapped to stored names): the server's side, not our parser."""
    customer = next(record for record in state['customers'] if record['name'] == 'DA')
    names = dict((record['id'], record['name']) for record in state['users'])
    if kind == 'workflow':
        groups = customer['approval']['providers']['Workflow Groups']['groups']
        ids = next(group for group in groups if group['name'] == 'Acceptance Approvers')['members']
    else:
        group = next(group for group in customer['distgroups'] if group['displayname'] == 'Acceptance Team')
        ids = [entry['id'] for entry in group[kind]]
    return sorted(names[number] for number in ids)


def writes(log):
    return [entry for entry in log if entry['action'] in ('SET', 'DELETE')]


class GroupList:
    """Runs groups.yml for one list and reports the list after the task and what the simulator logged."""

    def __init__(self, playbook, sim, kind):
        self.playbook = playbook
        self.sim = sim
        self.kind = kind

    def converge(self, items, mode='exact'):
        self.sim.hook('log/clear')
        run = self.playbook('groups.yml', extra_vars={'groups_list': self.kind, 'groups_items': items, 'groups_mode': mode})
        assert run.returncode == 0, run.output
        task, = [task for task in run.results('Groups:') if task['status'] != 'skipped']
        entity, option = RESULT_KEY[self.kind]
        stored = stored_list(self.sim.state(), self.kind)
        reported = sorted(task['result'][entity][option])
        assert stored == sorted(self.stored_name(shown) for shown in reported), (stored, reported)
        return task['result']['changed'], reported, self.sim.log()

    @staticmethod
    def stored_name(shown):
        """xavier_da@nervogrid.com (a distribution group shows addresses) or xavier_DA -> xavier_DA."""
        local = shown.split('@')[0]
        return local[:-3] + '_DA' if local.lower().endswith('_da') else local

    def shown(self, *names):
        return sorted(SHOWN[self.kind][name] for name in names)


@pytest.mark.parametrize('kind', ['workflow', 'members', 'owners'])
def test_add_mode_then_full_list_mode_and_identical_reruns_only_read(playbook, sim, kind):
    assert playbook('groups.yml', extra_vars={'groups_list': 'setup'}).returncode == 0
    group_list = GroupList(playbook, sim, kind)
    changed, now, _log = group_list.converge(['yvonne', 'zoe'])
    assert changed and now == group_list.shown('yvonne', 'zoe')

    for items, mode, expected in ((['xavier'], 'present', ('xavier', 'yvonne', 'zoe')), (['xavier'], 'exact', ('xavier',))):
        changed, now, log = group_list.converge(items, mode)
        assert changed and now == group_list.shown(*expected), (mode, now)
        assert len(writes(log)) == 1

        changed, now, log = group_list.converge(items, mode)            # the identical re-run
        assert not changed and now == group_list.shown(*expected)
        assert writes(log) == [] and len(log) == RERUN_READS[kind], log


def test_reading_2500_distribution_groups_returns_all_of_them(playbook, sim):
    sim.hook('seed', {'distgroups': {'customer': 'OC', 'count': 2500}})
    sim.hook('log/clear')
    run = playbook('dist_groups_read.yml', extra_vars={'groups_customer': 'OC'})
    assert run.returncode == 0, run.output
    groups = run.results('Read:')[0]['result']['groups']
    assert len(groups) == 2500
    assert len(set(group['display_name'] for group in groups)) == 2500
    log = sim.log()
    assert writes(log) == [] and len(log) == 3      # pages of 1,000: 1,000 + 1,000 + 500
