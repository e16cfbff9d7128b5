"""The package's shape: folders by concern, imports that run one way. Read from the source with ast (imports under
`if TYPE_CHECKING:` are for type checkers only and are left out; imports inside functions count)."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "newslint"


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def runtime_imports(path: Path) -> set[str]:
    """The newslint modules a module imports when it runs."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    typing_only = {id(node) for node in ast.walk(tree) if isinstance(node, ast.If)
                   and "TYPE_CHECKING" in ast.unparse(node.test) for node in ast.walk(node)}
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("newslint"):
            for alias in node.names:
                candidate = f"{node.module}.{alias.name}"
                found.add(candidate if candidate in MODULES else node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.startswith("newslint"))
    return {name for name in found if name in MODULES}


MODULES = {module_name(path): path for path in PACKAGE.rglob("*.py")}
GRAPH = {name: runtime_imports(path) for name, path in MODULES.items()}


def cycles() -> list[list[str]]:
    """Every strongly connected group of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in sorted(GRAPH[node]):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(GRAPH):
        if node not in index:
            visit(node)
    return found


def test_no_import_cycle():
    assert cycles() == []


def test_the_engine_documents_language_and_packs_import_no_rule_and_no_reporter():
    below = ("newslint.engine", "newslint.document", "newslint.language", "newslint.rulepacks")
    wrong = {(name, other) for name, imports in GRAPH.items() if name.startswith(below)
             for other in imports if other.startswith(("newslint.rules.", "newslint.reporters"))}
    assert wrong == set()


def test_reporters_import_neither_each_other_nor_the_registry():
    wrong = {(name, other) for name, imports in GRAPH.items() if name.startswith("newslint.reporters.")
             for other in imports if other.startswith("newslint.reporters.") or other == "newslint.engine.registry"}
    assert wrong == set()


def test_documents_and_language_do_not_import_the_engine_beyond_its_vocabulary():
    """A document and the language models know nothing of configuration, linting or reports; they may name the
    diagnostic types, the language word lists may raise a configuration error, and a language model's tuned numbers
    carry their records (engine/tuning.py)."""
    allowed = {"newslint.engine.diagnostic", "newslint.engine.config", "newslint.engine.tuning"}
    wrong = {(name, other) for name, imports in GRAPH.items()
             if name.startswith(("newslint.document", "newslint.language"))
             for other in imports if other.startswith("newslint.engine") and other not in allowed}
    assert wrong == set()
