# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The collection side by side with what a user writes without it: ansible.builtin.uri with templated XML.

The baseline is idempotent too (GET, compare in the playbook, SET only what differs; playbooks/uri_*.yml), so
both sides do the same work and a re-run is a no-op on both. Every scenario runs both ways within the same run of
the benchmark, one after the other on a freshly reset simulator, and reports medians.

The 1,000-user loops cost an ansible-playbook task execution per user (~0.3 s or more each): they are measured
once at full size, and per user over ``runs`` repetitions of a smaller sample; the table says which is which.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from figures import summarise as _summarise


def _ratio(numerator, denominator):
    return round(numerator / denominator, 1) if denominator else None


def customer_side_by_side(bench, runs):
    """Create, identical re-run (no-op), one-field update: atria_customer versus uri, medians over ``runs``."""
    figures = dict((key, []) for key in ('create', 'no-op', 'update', 'uri create', 'uri no-op', 'uri update'))
    for run in range(runs):
        for prefix, playbook in (('', 'customer.yml'), ('uri ', 'uri_customer.yml')):
            bench.sim.reset()
            figures[prefix + 'create'].append(bench.play(playbook))
            figures[prefix + 'no-op'].append(bench.play(playbook))
            figures[prefix + 'update'].append(bench.play(playbook, {'bench_contact': 'Contact %d' % run}))
    result = dict((scenario, _summarise(samples)) for scenario, samples in figures.items())
    for scenario in ('create', 'no-op', 'update'):
        result['uri/collection %s time' % scenario] = _ratio(result['uri ' + scenario]['seconds'], result[scenario]['seconds'])
    return result


def _users(count, offset=0):
    return [{'name': 'user%04d' % number, 'first_name': 'User%d' % number} for number in range(offset, offset + count)]


def _fresh_customer(bench):
    bench.sim.reset()
    bench.play('customer.yml')


def users_side_by_side(bench, count, sample, runs):
    """``count`` users of one customer: one bulk task, a loop of atria_user tasks, a loop of uri requests."""
    users = _users(count)
    bulk = {'create': [], 'no-op': []}
    for _run in range(runs):
        _fresh_customer(bench)
        bulk['create'].append(bench.play('users_bulk.yml', {'bench_users': users}))
        bulk['no-op'].append(bench.play('users_bulk.yml', {'bench_users': users}))
    full = {}
    for label, playbook in (('loop', 'users_loop.yml'), ('uri loop', 'uri_users_loop.yml')):
        _fresh_customer(bench)
        full[label] = [bench.play(playbook, {'bench_users': users})]
    per_user = dict((key, []) for key in ('loop create', 'loop no-op', 'uri loop create', 'uri loop no-op'))
    small = _users(sample)
    for _run in range(runs):
        for label, playbook in (('loop', 'users_loop.yml'), ('uri loop', 'uri_users_loop.yml')):
            _fresh_customer(bench)
            per_user[label + ' create'].append(bench.play(playbook, {'bench_users': small}))
            per_user[label + ' no-op'].append(bench.play(playbook, {'bench_users': small}))

    result = {'bulk create': _summarise(bulk['create']), 'bulk no-op': _summarise(bulk['no-op'])}
    for label in ('loop', 'uri loop'):
        result['%s create (all %d, 1 run)' % (label, count)] = _summarise(full[label])
    for scenario, samples in per_user.items():
        result['%s, per user (%d users)' % (scenario, sample)] = _summarise(samples, per=sample)
    loop_seconds = result['loop create (all %d, 1 run)' % count]['seconds']
    uri_seconds = result['uri loop create (all %d, 1 run)' % count]['seconds']
    result['loop/bulk create time'] = _ratio(loop_seconds, result['bulk create']['seconds'])
    result['uri loop/bulk create time'] = _ratio(uri_seconds, result['bulk create']['seconds'])
    result['uri loop/loop create time'] = _ratio(uri_seconds, loop_seconds)
    result['uri loop/bulk no-op time (per user x %d)' % count] = _ratio(
        result['uri loop no-op, per user (%d users)' % sample]['seconds'] * count, result['bulk no-op']['seconds'])
    return result
