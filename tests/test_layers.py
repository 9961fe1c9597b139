"""The shape of the package: no import cycles, executors on top, flags only in the CLI."""

from __future__ import annotations

import ast
import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "textclean"


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def imports(name: str, path: Path, known: dict[str, Path]) -> set[str]:
    """Modules of the package that ``name`` imports, at the top or inside functions.

    Imports that only type checkers see are left out, and so are the imports in
    a module's ``__getattr__``, which resolve old names kept as aliases.
    """
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _is_type_checking(node):
            return
        if isinstance(node, ast.FunctionDef) and node.name == "__getattr__":
            return
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                parent = ".".join(parts[: len(parts) - node.level + 1])
                base = f"{parent}.{base}" if base else parent
            for alias in node.names:
                # ``from package import module`` imports the module; else the names
                # come from ``base`` itself.
                sub = f"{base}.{alias.name}"
                found.add(sub if sub in known else base)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return {m for m in found if m in known and m != name}


def import_graph() -> dict[str, set[str]]:
    """Module -> the package modules it imports."""
    known = modules()
    return {name: imports(name, path, known) for name, path in known.items()}


def reachable(graph: dict[str, set[str]], start: str) -> set[str]:
    seen: set[str] = set()
    todo = list(graph[start])
    while todo:
        node = todo.pop()
        if node not in seen:
            seen.add(node)
            todo.extend(graph[node])
    return seen


def cycles(graph: dict[str, set[str]]) -> set[frozenset[str]]:
    """The groups of modules that import each other, directly or through others."""
    reach = {n: reachable(graph, n) for n in graph}
    return {frozenset({n} | {m for m in reach[n] if n in reach[m]}) for n in graph if n in reach[n]}


def test_no_module_imports_one_that_imports_it_back():
    found = sorted(sorted(c) for c in cycles(import_graph()))
    assert not found, f"import cycles: {found}"


def test_the_graph_sees_imports_inside_functions():
    graph = import_graph()
    # filters.language imports paragraph_language inside a method only.
    assert "textclean.filters.paragraph_language" in graph["textclean.filters.language"]
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == {frozenset("abc")}


def test_nothing_below_the_run_layer_imports_executors_or_the_cli():
    graph = import_graph()
    above = ("textclean.parallel", "textclean.cli", "textclean.run")

    def is_above(name: str) -> bool:
        return any(name == a or name.startswith(a + ".") for a in above)

    below = [n for n in graph if not is_above(n) and n not in ("textclean", "textclean.__main__")]
    climbs = sorted((n, t) for n in below for t in graph[n] if is_above(t))
    assert not climbs, f"modules below the run layer import it or what sits above: {climbs}"


FLAG = re.compile(r"(?<![\w-])--[a-z][a-z-]+")


def test_no_command_line_flag_outside_the_cli():
    found = [
        f"{path.relative_to(PACKAGE.parent)}:{lineno}: {line.strip()}"
        for path in sorted(PACKAGE.rglob("*.py"))
        if "cli" not in path.relative_to(PACKAGE).parts
        for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if FLAG.search(line)
    ]
    assert not found, "library code names command-line flags:\n" + "\n".join(found)


def test_the_flag_pattern_finds_flags():
    assert FLAG.search("use --on-error skip") and FLAG.search("``--index DIR``")
    assert not FLAG.search("a -- b") and not FLAG.search("x--y")


def test_only_the_run_layer_imports_the_executors():
    graph = import_graph()
    allowed = ("textclean.parallel", "textclean.run")
    importers = sorted(
        n
        for n, targets in graph.items()
        if not any(n == a or n.startswith(a + ".") for a in allowed)
        and any(t == "textclean.parallel" or t.startswith("textclean.parallel.") for t in targets)
    )
    assert not importers, f"outside the run layer, these import textclean.parallel: {importers}"
