"""Keeps the plugins' form of the connection options (doc fragment atria.cortex.atria.plugin) made from the modules'.

    python scripts/plugin_fragment.py --write   # regenerate PLUGIN in plugins/doc_fragments/atria.py
    python scripts/plugin_fragment.py --check   # exit 1 when PLUGIN is not what DOCUMENTATION makes

The connection options are written once, in the fragment's DOCUMENTATION (modules). Plugins (the inventory) need
the same text in another form: module env fallbacks do not reach plugins, so each option names its variable in
``env:``, and the credentials are ``required``. ansible-test reads doc fragments without running them, so PLUGIN
has to be a literal string; this script writes it, and tests/unit/plugins/doc_fragments/test_atria.py runs --check.
The transformation works on the text, so the wording and the line breaks stay those of DOCUMENTATION:
- the sentence "If not set, the value of the E(VAR) environment variable is used..." becomes ``env: [{name: VAR}]``;
- the sentence "Required, as a task option, ..." (module_defaults, a module matter) becomes ``required: true``;
- options only modules have (trace) are left out.
"""

import ast
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FRAGMENT = os.path.join(ROOT, 'plugins', 'doc_fragments', 'atria.py')
FALLBACK = re.compile(r'^If not set, the value of the E\((\w+)\) environment variable is used')
MODULE_ONLY_SENTENCE = 'Required, as a task option'
MODULE_ONLY_OPTIONS = ('trace',)
OPTION = re.compile(r'^  (\w+):\s*$')
ITEM = re.compile(r'^      - (.*)$')


def fragment_strings(source):
    """{attribute: (value, first line, last line)} of the string attributes of ModuleDocFragment."""
    for node in ast.parse(source).body:
        if isinstance(node, ast.ClassDef) and node.name == 'ModuleDocFragment':
            return {
                statement.targets[0].id: (statement.value.value, statement.lineno, statement.end_lineno)
                for statement in node.body
                if isinstance(statement, ast.Assign) and isinstance(statement.value, ast.Constant)
            }
    raise ValueError('no ModuleDocFragment in %s' % FRAGMENT)


def plugin_options(documentation):
    """The options section of DOCUMENTATION, rewritten for plugins (see the module docstring)."""
    lines = documentation.split('\n')
    start = lines.index('options:')
    out = ['', 'options:']
    option, keep, skip_item, extra = None, False, False, []

    def close():
        if keep:
            out.extend(extra)

    for line in lines[start + 1 :]:
        if line and not line.startswith(' '):  # the next top-level key (notes:, requirements:)
            break
        header = OPTION.match(line)
        if header:
            close()
            option = header.group(1)
            keep, skip_item, extra = option not in MODULE_ONLY_OPTIONS, False, []
            if keep:
                out.append(line)
            continue
        item = ITEM.match(line)
        if item:
            fallback = FALLBACK.match(item.group(1))
            skip_item = bool(fallback) or item.group(1).startswith(MODULE_ONLY_SENTENCE)
            if fallback:
                extra.extend(['    env:', '      - name: %s' % fallback.group(1)])
            elif skip_item:
                extra.insert(0, '    required: true')
        elif not line.startswith('        '):
            skip_item = False  # another key of the option (type:, default:)
        if keep and not skip_item and line.strip():
            out.append(line)
    close()
    return '\n'.join(out) + '\n'


def render(source):
    """The fragment source with PLUGIN regenerated from DOCUMENTATION."""
    strings = fragment_strings(source)
    _value, first, last = strings['PLUGIN']
    lines = source.split('\n')
    literal = ("    PLUGIN = r'''" + plugin_options(strings['DOCUMENTATION'][0]) + "'''").split('\n')
    return '\n'.join(lines[: first - 1] + literal + lines[last:])


def main(argv):
    with open(FRAGMENT, encoding='utf-8') as handle:
        source = handle.read()
    wanted = render(source)
    if wanted == source:
        return 0
    if '--write' in argv:
        with open(FRAGMENT, 'w', encoding='utf-8') as handle:
            handle.write(wanted)
        return 0
    print('%s: PLUGIN is not what DOCUMENTATION makes; run python scripts/plugin_fragment.py --write' % FRAGMENT, file=sys.stderr)
    return 1


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
