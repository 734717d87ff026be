"""Only ``scrutiny_tui/store`` speaks SQL.

Every string constant in the other packages is read for SQL statements; the import-linter
contract in pyproject.toml forbids the drivers (sqlite3, SQLAlchemy, SQLModel) outside the
store. Together they keep a second database engine a change to one package."""

from __future__ import annotations

import ast
import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "scrutiny_tui"

SQL = re.compile(
    r"\bSELECT\b[\s\S]+?\bFROM\b|\bINSERT\s+INTO\b|\bUPDATE\s+\w+\s+SET\b|\bDELETE\s+FROM\b"
    r"|\bCREATE\s+(?:TABLE|INDEX|VIEW|TRIGGER)\b|\bPRAGMA\s+\w+|\bBEGIN\s+IMMEDIATE\b",
)


def sql_strings(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        is_text = isinstance(node, ast.Constant) and isinstance(node.value, str)
        if is_text and SQL.search(node.value):
            found.append((node.lineno, node.value.strip().splitlines()[0][:60]))
    return found


def test_no_sql_outside_the_store() -> None:
    offenders = {
        str(path.relative_to(PACKAGE)): strings
        for path in sorted(PACKAGE.rglob("*.py"))
        if "store" not in path.relative_to(PACKAGE).parts[:1] and (strings := sql_strings(path))
    }
    assert offenders == {}


def test_the_check_finds_sql_when_there_is_some(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        'QUERY = """SELECT id\\n FROM meeting"""\nOTHER = "select the committee from the list"\n',
        encoding="utf-8",
    )
    assert [line for line, _ in sql_strings(sample)] == [1]
