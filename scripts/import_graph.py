"""The collection's import graph, from the source: layers, cycles, and a diagram for docs/architecture.md.

    python scripts/import_graph.py            # the package-level diagram (mermaid) and any problem found
    python scripts/import_graph.py --check    # exit 1 on a cycle or an import against the layers

Layers, lowest first: module_utils/api <- module_utils/engine <- module_utils/entities <- everything else
(modules, action, inventory, callback, plugin_utils). A module may import its own layer or lower ones only.
"""

import ast
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PREFIX = 'ansible_collections.atria.cortex.'
LAYERS = ('plugins.module_utils.api', 'plugins.module_utils.engine', 'plugins.module_utils.entities')


def source_modules():
    """{dotted name below the collection: path} for every Python file under plugins/."""
    found = {}
    for folder, _dirs, files in os.walk(os.path.join(ROOT, 'plugins')):
        for name in files:
            if name.endswith('.py') and name != '__init__.py':
                path = os.path.join(folder, name)
                found[os.path.relpath(path, ROOT)[:-3].replace(os.sep, '.')] = path
    return found


def imports_of(path, known):
    """The collection modules a file imports (``from X import name`` counts X.name when that is a module)."""
    with open(path, encoding='utf-8') as handle:
        tree = ast.parse(handle.read(), path)
    targets = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or '').startswith(PREFIX):
            base = node.module[len(PREFIX):]
            for alias in node.names:
                sub = base + '.' + alias.name
                targets.add(sub if sub in known else base)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith(PREFIX):
                    targets.add(alias.name[len(PREFIX):])
    return sorted(t for t in targets if t in known)


def graph():
    known = source_modules()
    return {name: imports_of(path, known) for name, path in sorted(known.items())}


def layer(module):
    for rank, prefix in enumerate(LAYERS):
        if module == prefix or module.startswith(prefix + '.'):
            return rank
    return len(LAYERS)


def cycles(edges):
    """Strongly connected components of more than one module (Tarjan), and self-imports."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in edges.get(node, ()):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1 or node in edges.get(node, ()):
                found.append(sorted(component))

    sys.setrecursionlimit(10000)
    for node in edges:
        if node not in index:
            visit(node)
    return found


def layer_violations(edges):
    return [(source, target) for source, targets in edges.items() for target in targets if layer(target) > layer(source)]


def package_of(module):
    """module_utils sub-packages one level below api/engine/entities; other plugins by plugin type."""
    parts = module.split('.')
    if parts[1] == 'module_utils':
        return '/'.join(parts[1:4]) if parts[2] == 'entities' and len(parts) > 4 else '/'.join(parts[1:3])
    return '/'.join(parts[:2])


def mermaid(edges):
    links = sorted({(package_of(s), package_of(t)) for s, ts in edges.items() for t in ts if package_of(s) != package_of(t)})
    lines = ['```mermaid', 'graph RL']
    lines.extend('    %s["%s"] --> %s["%s"]' % (s.replace('/', '_'), s, t.replace('/', '_'), t) for s, t in links)
    lines.append('```')
    return '\n'.join(lines)


def main(argv):
    edges = graph()
    problems = ['import cycle: ' + ' -> '.join(c) for c in cycles(edges)]
    problems += ['%s imports %s, a higher layer' % pair for pair in layer_violations(edges)]
    if '--check' not in argv:
        print(mermaid(edges))
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
