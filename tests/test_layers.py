"""The package's layers: the model at the ground floor, and no import cycle."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).parent.parent / "src" / "interviewkit"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports(path: Path) -> set[str]:
    """The interviewkit modules a module imports when it runs.

    Imports under ``if TYPE_CHECKING:`` are for the type checker only, and
    do not count.
    """
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    is_package = path.name == "__init__.py"
    own = module_name(path)
    package = own if is_package else own.rpartition(".")[0]

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = (
                    package.rsplit(".", node.level - 1)[0]
                    if node.level > 1
                    else package
                )
                base = f"{anchor}.{base}" if base else anchor
            found.add(base)
            for alias in node.names:
                found.add(f"{base}.{alias.name}")
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return found


MODULES = {module_name(path): path for path in PACKAGE.rglob("*.py")}
GRAPH = {
    name: {target for target in imports(path) if target in MODULES and target != name}
    for name, path in MODULES.items()
}


def test_the_model_imports_only_errors() -> None:
    for name, targets in GRAPH.items():
        if name == "interviewkit.model" or name.startswith("interviewkit.model."):
            outside = {
                target
                for target in targets
                if not target.startswith("interviewkit.model")
            }
            assert outside <= {"interviewkit.errors"}, (name, outside)


def test_no_module_imports_one_that_imports_it_back() -> None:
    # A package's own __init__ importing its submodules is how packages work;
    # every other edge must make a graph without cycles.
    def edges(name: str) -> set[str]:
        return {
            target
            for target in GRAPH[name]
            if not (
                MODULES[target].name == "__init__.py" and name.startswith(target + ".")
            )
        }

    visiting: list[str] = []
    done: set[str] = set()

    def walk(name: str) -> None:
        if name in done:
            return
        assert name not in visiting, " -> ".join([*visiting, name])
        visiting.append(name)
        for target in sorted(edges(name)):
            walk(target)
        visiting.pop()
        done.add(name)

    for name in sorted(GRAPH):
        walk(name)


def test_modules_stay_small() -> None:
    sizes = {
        name: len(path.read_text(encoding="utf-8").splitlines())
        for name, path in MODULES.items()
    }
    assert {name: size for name, size in sizes.items() if size > 650} == {}
