"""Data flows one way: corpus → index → bot. Nothing lower imports anything higher."""
import ast
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
HIGHER = {"corpus": {"index", "bot"}, "index": {"bot"}}


@pytest.mark.parametrize("package", sorted(HIGHER))
def test_no_upward_imports(package):
    for path in sorted((REPO / package).rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            for name in names:
                assert name.split(".")[0] not in HIGHER[package], f"{path.relative_to(REPO)} imports {name}"


def test_only_the_store_reads_the_index_files():
    """The store owns its schema: code above index/ asks IndexStore, never opens index.db itself."""
    for path in sorted((REPO / "bot").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("index."):
                names = {a.name for a in node.names}
                assert node.module != "index.database" and "DB_NAME" not in names, \
                    f"{path.relative_to(REPO)} imports {node.module}: {sorted(names)}"
