"""The shape of the package: no import cycles, executors on top, stages that open
nothing, Dask paths on the local decisions, old names kept, flags only in the CLI."""

from __future__ import annotations

import ast
import functools
import importlib
import re
from dataclasses import fields
from pathlib import Path

import pytest

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


@functools.cache
def import_graph() -> dict[str, set[str]]:
    """Module -> the package modules it imports (read once per test run)."""
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


def _importers(graph: dict[str, set[str]], target: str) -> set[str]:
    return {n for n, targets in graph.items() if target in targets}


def _in(name: str, *packages: str) -> bool:
    return any(name == p or name.startswith(p + ".") for p in packages)


def test_only_the_run_layer_opens_dedup_indexes():
    # The stores open an index by where it lives; the index modules implement it.
    importers = _importers(import_graph(), "textclean.dedup.stores")
    assert importers and all(_in(n, "textclean.run") for n in importers), importers


def _calls(path: Path, names: set[str]) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        f"{path.name}:{node.lineno}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and (
            (isinstance(node.func, ast.Name) and node.func.id in names)
            or (isinstance(node.func, ast.Attribute) and node.func.attr in names)
        )
    ]


FILE_IO = {"open", "open_index", "write_bytes", "write_text", "AtomicOutput", "SqliteIndex"}


def test_stages_open_no_file_and_no_index():
    # Only the index implementations touch storage inside textclean.dedup.
    storage = {"index.py", "redis_index.py", "stores.py"}
    found = [
        call
        for path in sorted((PACKAGE / "dedup").glob("*.py"))
        if path.name not in storage
        for call in _calls(path, FILE_IO)
    ]
    assert not found, f"dedup modules that open files or indexes: {found}"
    assert _calls(PACKAGE / "dedup" / "stores.py", FILE_IO), "the check sees calls"


def test_the_dask_dedup_path_calls_the_local_decisions():
    graph = import_graph()
    dask_modules = {n for n in graph if n.startswith("textclean.parallel.dask_")}
    used = set().union(*(graph[n] for n in dask_modules))
    assert {"textclean.dedup.stage", "textclean.dedup.frames"} <= used
    assert "textclean.dedup.frame_decisions" in used
    # The keep-or-drop decision is made in one place: dedup.stage.fate.
    reasons = [
        f"{path.relative_to(PACKAGE)}"
        for path in sorted(PACKAGE.rglob("*.py"))
        if '"near_duplicate"' in path.read_text(encoding="utf-8")
    ]
    assert reasons == ["dedup/stage.py"], reasons


def test_parallel_holds_no_dedup_algorithm():
    # Dask modules drive: they read blocks, shuffle and write; the row functions
    # (bands, pairs, components, decisions) live in textclean.dedup.
    for path in sorted((PACKAGE / "parallel").glob("dask_*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = {n.name for n in tree.body if isinstance(n, ast.FunctionDef)}
        moved = {"band_rows", "bucket_pairs", "exact_groups", "estimate", "decide_rows"}
        assert not names & moved, f"{path.name} defines {names & moved}"


#: Old name -> new name: the old one works for one release and "What moved" lists it.
RENAMED = [
    ("textclean.jobs", "clean_files", "textclean.run.engine", "run_on_files"),
    ("textclean.jobs", "join_parts", "textclean.io.parts", "join_parts"),
    ("textclean.jobs", "write_outcomes", "textclean.io.parts", "write_outcomes"),
    ("textclean.dedup.stage", "dedup_documents", "textclean.run.targets", "dedup_documents"),
    ("textclean.dedup.stage", "write_clusters", "textclean.run.targets", "write_clusters"),
    ("textclean", "StepReport", "textclean.explain", "StepExplanation"),
    ("textclean.filters", "Language", "textclean.filters", "DetectedLanguage"),
    ("textclean.filters", "Quality", "textclean.filters", "QualityFindings"),
    ("textclean.filters", "Length", "textclean.filters", "LengthFilter"),
    ("textclean.dedup.index", "open_index", "textclean.dedup.stores", "open_index"),
    ("textclean.parallel.dask_dedup_parts", "band_rows", "textclean.dedup.frames", "band_rows"),
]


@pytest.mark.parametrize(("old_module", "old", "new_module", "new"), RENAMED)
def test_old_names_are_the_new_ones_and_documented(old_module, old, new_module, new):
    before = getattr(importlib.import_module(old_module), old)
    assert before is getattr(importlib.import_module(new_module), new)
    moved = (PACKAGE.parent / "docs" / "pipeline.md").read_text(encoding="utf-8")
    moved = moved.split("### What moved", 1)[1].split("\n## ", 1)[0]
    assert new in moved, f"{new_module}.{new} is not in What moved"
    assert old in moved, f"{old_module}.{old} is not in What moved"


def test_step_names_in_user_configs_still_build_their_steps():
    from textclean import registry

    classes = {
        "language": "LanguageFilter",
        "quality": "QualityFilter",
        "spin_filter": "SpinFilter",
    }
    for name, cls in {**classes, "near_dedup": "NearDedup", "length": "Length"}.items():
        assert registry.get(name).cls.__name__ == cls


def test_enumerated_settings_are_click_choices():
    import click

    from textclean.cli import main
    from textclean.decontaminate import DecontaminationSettings
    from textclean.dedup.settings import DedupSettings
    from textclean.io import ReadOptions
    from textclean.run import RunConfig

    made_from = {
        "clean": (ReadOptions, RunConfig),
        "dedup": (ReadOptions, DedupSettings),
        "decontaminate": (ReadOptions, DecontaminationSettings),
        "explain": (ReadOptions,),
        "passages": (ReadOptions,),
    }
    checked = set()
    for command, classes in made_from.items():
        params = {p.name: p.type for p in main.commands[command].params}
        for f in (f for cls in classes for f in fields(cls) if f.metadata.get("choices")):
            option = params[f.name]
            assert isinstance(option, click.Choice), f"{command} --{f.name} is {option}"
            assert list(option.choices) == list(f.metadata["choices"])
            checked.add(f.name)
    assert checked >= {"on_error", "record", "keep", "format", "verify", "unit", "scheme"}


def code_lines(path: Path) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return sum(1 for line in lines if line.strip() and not line.strip().startswith("#"))


def test_the_cli_stays_a_thin_shell():
    total = sum(code_lines(p) for p in (PACKAGE / "cli").glob("*.py"))
    assert total <= 480, f"cli/ holds {total} code lines; options belong in settings dataclasses"
