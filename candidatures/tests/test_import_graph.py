"""The import graph of candidatures/ (module level): no cycle, models import no sub-domain.

Run with ``-s`` to print the graph grouped by part (lifecycle, applicant, jury, ...).
"""

import ast
from pathlib import Path

import candidatures

ROOT = Path(candidatures.__file__).parent
SKIP = ("tests", "migrations", "demo", "management")


def module_name(path):
    parts = list(path.relative_to(ROOT.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def part(module):
    pieces = module.split(".")
    return pieces[1] if len(pieces) > 1 else "candidatures"


def graph():
    modules = {}
    for path in ROOT.rglob("*.py"):
        rel = path.relative_to(ROOT).parts
        if rel[0] in SKIP:
            continue
        modules[module_name(path)] = path
    edges = {}
    for name, path in modules.items():
        targets = set()
        for node in ast.parse(path.read_text()).body:  # module level only
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                if node.module.startswith("candidatures"):
                    for alias in node.names:
                        full = f"{node.module}.{alias.name}"
                        targets.add(full if full in modules else node.module)
            elif isinstance(node, ast.Import):
                targets |= {a.name for a in node.names if a.name.startswith("candidatures.")}
        edges[name] = {t for t in targets if t in modules and t != name}
    return edges


def find_cycle(edges):
    state = {}

    def visit(node, trail):
        state[node] = "open"
        for target in sorted(edges.get(node, ())):
            if state.get(target) == "open":
                return [*trail, node, target]
            if target not in state:
                found = visit(target, [*trail, node])
                if found:
                    return found
        state[node] = "done"
        return None

    for node in sorted(edges):
        if node not in state:
            found = visit(node, [])
            if found:
                return found
    return None


def test_no_import_cycle_in_candidatures():
    edges = graph()
    assert find_cycle(edges) is None, find_cycle(edges)
    parts = {}
    for source, targets in edges.items():
        for target in targets:
            if part(source) != part(target):
                parts.setdefault(part(source), set()).add(part(target))
    print()
    for source in sorted(parts):
        print(f"{source} -> {', '.join(sorted(parts[source]))}")


def test_models_import_no_sub_domain():
    edges = graph()
    for source, targets in edges.items():
        if source.startswith("candidatures.models"):
            outside = {t for t in targets if not t.startswith("candidatures.models")}
            assert outside <= {"candidatures.roles"}, (source, outside)
