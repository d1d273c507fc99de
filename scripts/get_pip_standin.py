"""Stand-in for ansible-test's get-pip bootstrap script, for machines without access to ci-files.testing.ansible.com.

ansible-test creates each sanity virtualenv with `python -m venv --without-pip`, then bootstraps pip by running
https://ci-files.testing.ansible.com/ansible-test/get-pip-<version>.py -- or, when present, the cached copy
~/.ansible/test/cache/get_pip_<version>.py (see ansible_test/_util/target/setup/requirements.py, bootstrap()).
It runs the script through its quiet_pip.py wrapper (GET_PIP=<this file>, run as __main__) with arguments like

    --disable-pip-version-check pip==24.2 --no-setuptools --no-wheel

The real script carries pip inside itself and runs `pip install --upgrade --force-reinstall <arguments> pip
[setuptools] [wheel]`. This one does the same with pip taken from the standard library (ensurepip, no network)
and the requested packages from the package index pip is configured to use. The result is the same environment:
the requested pip version, plus setuptools/wheel only when not disabled.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import subprocess
import sys


def main(argv: list[str]) -> int:
    """Bootstrap pip into the running (pip-less) interpreter."""
    parser = argparse.ArgumentParser(prog='get-pip (ansible-test stand-in)', add_help=False)
    parser.add_argument('--no-setuptools', action='store_true')
    parser.add_argument('--no-wheel', action='store_true')
    options, pip_args = parser.parse_known_args(argv)

    # Same rule as get-pip.py: install setuptools / wheel only when not disabled by option or environment
    # and not already importable.
    want_setuptools = not (options.no_setuptools or os.environ.get('PIP_NO_SETUPTOOLS')) and not _importable('setuptools')
    want_wheel = not (options.no_wheel or os.environ.get('PIP_NO_WHEEL')) and not _importable('wheel')
    had_setuptools = _importable('setuptools')

    # 1. A working (older) pip from the bundled wheels, offline.
    _run([sys.executable, '-m', 'ensurepip', '--default-pip'])

    # 2. The requested packages (e.g. pip==24.2) from the configured index, as get-pip.py would install them.
    packages = []
    if not any(_is_requirement_for('pip', arg) for arg in pip_args):
        packages.append('pip')
    # ansible-test 2.16 and 2.17 name setuptools and wheel with their versions (setuptools==67.7.2 wheel==0.37.1):
    # those pins stand; the bare names are only added when not asked for already.
    if want_setuptools and not any(_is_requirement_for('setuptools', arg) for arg in pip_args):
        packages.append('setuptools')
    if want_wheel and not any(_is_requirement_for('wheel', arg) for arg in pip_args):
        packages.append('wheel')
    _run([sys.executable, '-m', 'pip', 'install', '--upgrade', '--force-reinstall'] + pip_args + packages)

    # 3. On Python < 3.12 ensurepip also installs setuptools; get-pip.py would not have, so remove it again.
    if not had_setuptools and not want_setuptools and _installed('setuptools'):
        _run([sys.executable, '-m', 'pip', 'uninstall', '--yes', '--disable-pip-version-check', 'setuptools'])

    return 0


def _is_requirement_for(name: str, arg: str) -> bool:
    """True when a pip argument is a requirement specifier for the given distribution (pip, pip==24.2, ...)."""
    head = arg.split(';', 1)[0].strip().lower()
    for separator in ('==', '>=', '<=', '~=', '!=', '>', '<', '[', ' ', '@'):
        head = head.split(separator, 1)[0]
    return head == name


def _importable(module: str) -> bool:
    return importlib.util.find_spec(module) is not None


def _installed(distribution: str) -> bool:
    """Ask a fresh interpreter: this process may have cached an older view of site-packages."""
    code = 'import importlib.metadata as m, sys\ntry:\n    m.version(sys.argv[1])\nexcept m.PackageNotFoundError:\n    sys.exit(1)\n'
    return subprocess.call([sys.executable, '-c', code, distribution]) == 0


def _run(command: list[str]) -> None:
    result = subprocess.run(command, check=False)
    if result.returncode != 0:
        sys.stderr.write('get-pip stand-in: command failed with status %d: %s\n' % (result.returncode, ' '.join(command)))
        sys.exit(result.returncode)


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
