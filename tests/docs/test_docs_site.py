# -*- coding: utf-8 -*-
# Copyright: (c) 2026, atria.cortex contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The documentation site of `make docs` (.build/docs/html): a page for every module, the inventory and callback
plugins and the role; a module page opened in headless Chromium (through ChromeDriver) shows its options table,
with every option ansible-doc knows, and its examples. A screenshot is kept in .build/docs/.

Run by `make docs-test` after `make docs`. The browser comes from scripts/ensure-chromium (Debian's chromium and
chromium-driver, installed when missing): no browser is a failure, never a skip.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import base64
import json
import os
import shutil
import socket
import struct
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest
from lxml import html as lxml_html

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SITE = os.path.join(ROOT, '.build', 'docs', 'html')
STAGED = os.path.join(ROOT, '.build', 'docs', 'collections')
MODULE = 'atria_customer'
ELEMENT = 'element-6066-11e4-a52e-4f735466cecf'   # the W3C web element reference key
CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
                  '--disable-background-networking', '--disable-component-update', '--disable-sync']


# plugins/<folder> -> the page suffix antsibull-docs gives that plugin type (action plugins share their module's page)
PLUGIN_PAGES = {'modules': 'module', 'inventory': 'inventory', 'callback': 'callback', 'filter': 'filter',
                'lookup': 'lookup', 'test': 'test', 'connection': 'connection', 'become': 'become', 'cache': 'cache',
                'vars': 'vars', 'strategy': 'strategy'}


def plugins(folder):
    path = os.path.join(ROOT, 'plugins', folder)
    if not os.path.isdir(path):
        return []
    return sorted(name[:-3] for name in os.listdir(path) if name.endswith('.py') and not name.startswith('_'))


def expected_pages():
    pages = ['%s_%s.html' % (name, suffix) for folder, suffix in PLUGIN_PAGES.items() for name in plugins(folder)]
    roles = os.path.join(ROOT, 'roles')
    pages += ['%s_role.html' % name for name in sorted(os.listdir(roles)) if os.path.isdir(os.path.join(roles, name))]
    return pages


@pytest.fixture(scope='module')
def site():
    index = os.path.join(SITE, 'index.html')
    assert os.path.exists(index), 'no documentation site: run `make docs` first (%s)' % index
    return SITE


def test_every_module_plugin_and_the_role_has_a_page_linked_from_the_index(site):
    expected = expected_pages()
    # The ones the issue names, whatever else the collection grows.
    assert {'atria_customer_module.html', 'atria_inventory.html', 'atria_audit_callback.html',
            'tenant_role.html'} <= set(expected)
    tree = lxml_html.parse(os.path.join(site, 'index.html')).getroot()
    linked = set(tree.xpath('//a/@href'))
    for page in expected:
        assert os.path.exists(os.path.join(site, page)), page
        assert page in linked, '%s is not linked from index.html' % page


def ansible_doc_options(module):
    """The module's top-level options as ansible-doc (of the .venv) reads them from the staged collection."""
    env = dict(os.environ, ANSIBLE_COLLECTIONS_PATH=STAGED, ANSIBLE_COLLECTIONS_SCAN_SYS_PATH='false')
    out = subprocess.run([os.path.join(os.path.dirname(sys.executable), 'ansible-doc'), '--json',
                          'atria.cortex.%s' % module], env=env, capture_output=True, text=True, check=True, timeout=120)
    data = json.loads(out.stdout)['atria.cortex.%s' % module]
    return sorted(data['doc']['options']), data['examples']


# ------------------------------------------------------------------------------------------- the browser
def free_port():
    with socket.socket() as sock:
        sock.bind(('127.0.0.1', 0))
        return sock.getsockname()[1]


class WebDriver:
    """The few W3C WebDriver commands the test needs, spoken to ChromeDriver over loopback HTTP."""

    def __init__(self, port):
        self.base = 'http://127.0.0.1:%d' % port
        self.session = None

    def call(self, method, path, payload=None):
        data = None if payload is None else json.dumps(payload).encode('utf-8')
        request = urllib.request.Request(self.base + path, data=data, method=method,
                                         headers={'Content-Type': 'application/json'})
        try:
            with urllib.request.urlopen(request, timeout=60) as answer:
                return json.loads(answer.read().decode('utf-8'))['value']
        except urllib.error.HTTPError as error:
            raise AssertionError('WebDriver %s %s: %s' % (method, path, error.read().decode('utf-8', 'replace')[:2000]))

    def wait_ready(self, process, seconds=30):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            assert process.poll() is None, 'chromedriver exited with %s' % process.returncode
            try:
                if self.call('GET', '/status').get('ready'):
                    return
            except (OSError, AssertionError):
                pass
            time.sleep(0.2)
        raise AssertionError('chromedriver not ready after %ds' % seconds)

    def start(self, browser, profile):
        options = {'binary': browser, 'args': CHROMIUM_FLAGS + ['--user-data-dir=%s' % profile, '--window-size=1280,1400']}
        value = self.call('POST', '/session', {'capabilities': {'alwaysMatch': {'browserName': 'chrome',
                                                                                'goog:chromeOptions': options}}})
        self.session = value['sessionId']

    def s(self, method, path, payload=None):
        return self.call(method, '/session/%s%s' % (self.session, path), payload)

    def find_all(self, css, within=None):
        path = '/element/%s/elements' % within if within else '/elements'
        return [found[ELEMENT] for found in self.s('POST', path, {'using': 'css selector', 'value': css})]

    def text(self, element):
        return self.s('GET', '/element/%s/text' % element)

    def stop(self):
        if self.session:
            try:
                self.s('DELETE', '')
            except (OSError, AssertionError):
                pass


@pytest.fixture(scope='module')
def browser_page(site, tmp_path_factory):
    found = subprocess.run([os.path.join(ROOT, 'scripts', 'ensure-chromium')], capture_output=True, text=True, check=False)
    assert found.returncode == 0, 'no Chromium for the documentation test: ' + found.stderr.strip()
    browser = found.stdout.strip().splitlines()[-1]
    chromedriver = shutil.which('chromedriver')
    assert chromedriver, 'ensure-chromium left no chromedriver on PATH'
    port = free_port()
    workdir = tmp_path_factory.mktemp('docs-browser')
    log = open(str(workdir / 'chromedriver.log'), 'wb')     # pylint: disable=consider-using-with
    process = subprocess.Popen([chromedriver, '--port=%d' % port], stdout=log, stderr=subprocess.STDOUT,
                               stdin=subprocess.DEVNULL)   # pylint: disable=consider-using-with
    driver = WebDriver(port)
    try:
        driver.wait_ready(process)
        driver.start(browser, str(workdir / 'profile'))
        page = 'file://' + os.path.join(site, '%s_module.html' % MODULE)
        driver.s('POST', '/url', {'url': page})
        yield driver
    finally:
        driver.stop()
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


def test_the_module_page_opens_in_chromium_with_its_title(browser_page):
    title = browser_page.s('GET', '/title')
    assert 'atria.cortex.%s' % MODULE in title
    assert browser_page.s('GET', '/url').endswith('%s_module.html' % MODULE)


def test_the_options_table_lists_every_option_ansible_doc_knows(browser_page):
    expected, _examples = ansible_doc_options(MODULE)
    tables = browser_page.find_all('section#parameters table.ansible-option-table')
    assert tables, 'no options table in section#parameters'
    headers = [browser_page.text(cell) for cell in browser_page.find_all('thead th', within=tables[0])]
    assert headers and headers[0].startswith('Parameter') and 'Comments' in headers
    shown = sorted(browser_page.text(title) for title in browser_page.find_all('p.ansible-option-title', within=tables[0]))
    assert set(expected) <= set(shown), sorted(set(expected) - set(shown))
    for connection_option in ('api_url', 'api_username', 'api_password', 'validate_certs', 'state'):
        if connection_option in expected:
            assert connection_option in shown


def test_the_examples_are_shown_highlighted(browser_page):
    _options, examples = ansible_doc_options(MODULE)
    blocks = browser_page.find_all('section#examples div.highlight pre')
    assert blocks, 'no highlighted example in section#examples'
    text = browser_page.text(blocks[0])
    assert 'atria.cortex.%s:' % MODULE in text
    first_task = next(line for line in examples.splitlines() if line.startswith('- name:'))
    assert first_task in text


def test_a_screenshot_of_the_page_is_kept(browser_page):
    browser_page.s('POST', '/window/rect', {'width': 1280, 'height': 1400})
    # Scroll to the options table, the part of the page people come for.
    browser_page.s('POST', '/execute/sync', {'script': "document.getElementById('parameters').scrollIntoView();",
                                             'args': []})
    png = base64.b64decode(browser_page.s('GET', '/screenshot'))
    assert png[:8] == b'\x89PNG\r\n\x1a\n'
    width, height = struct.unpack('>II', png[16:24])
    assert width >= 1000 and height >= 800, (width, height)
    assert len(png) > 20000      # a blank page compresses to a few kilobytes
    keep = os.path.join(ROOT, '.build', 'docs', '%s_module.png' % MODULE)
    with open(keep, 'wb') as handle:
        handle.write(png)
