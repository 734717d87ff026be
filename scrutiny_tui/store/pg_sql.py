"""The store's SQL, written once for SQLite, as PostgreSQL reads it.

The query modules in ``store/`` are written in the SQL both engines share, with SQLite's
parameter marks (``?`` and ``:name``). The few SQLite spellings they keep are rewritten here,
outside string literals and quoted names, once per distinct statement:

- parameter marks become psycopg's (``%s``, ``%(name)s``) and a literal ``%`` is doubled;
- ``INSERT OR IGNORE`` becomes ``INSERT … ON CONFLICT DO NOTHING``;
- ``a IS b`` (SQLite's null-safe equality) becomes ``IS NOT DISTINCT FROM``;
- ``LIKE`` becomes ``ILIKE``, because SQLite's LIKE ignores the case of ASCII letters;
- SQLite's functions without a PostgreSQL twin of the same meaning are called through the
  ``sqlite_*`` functions the PostgreSQL schema defines (``json_each``, ``json_valid``,
  ``printf``), and ``char`` is ``chr``;
- ``ORDER BY`` terms say where NULLs go, as SQLite puts them (first when ascending);
- ``substr(x, -n)`` (SQLite counts a negative start from the end) is ``right(x, n)``;
- ``CROSS JOIN … ON`` (SQLite's join-order hint) is a plain ``JOIN``;
- temporary tables are named in ``pg_temp`` and ``WITHOUT ROWID`` is dropped;
- ``PRAGMA`` statements (SQLite's tuning) are dropped altogether (:func:`to_postgres` gives
  ``None``).

Anything else SQLite-only (full-text search, the schema) is written for PostgreSQL in its
own place: ``store/search.py`` and ``store/migrations_pg/``.
"""

from __future__ import annotations

import re
from functools import lru_cache

# A string literal, a quoted name, or a run of anything else.
_PARTS = re.compile(r"'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|[^'\"]+|['\"]")

_RENAMED_FUNCTIONS = {
    "json_each": "sqlite_json_each",
    "json_valid": "sqlite_json_valid",
    "printf": "sqlite_printf",
    "char": "chr",
    "ifnull": "coalesce",
}
_FUNCTION = re.compile(r"(?<![:\w])(" + "|".join(_RENAMED_FUNCTIONS) + r")\s*\(", re.IGNORECASE)
# The single file's compressed text (store/packed_text.py): the server compresses by itself.
_PACKING = re.compile(r"(?<![:\w])(?:un)?packed\s*\(", re.IGNORECASE)
_NAMED_MARK = re.compile(r"(?<![:\w]):([A-Za-z_]\w*)")
_IS_NOT = re.compile(r"(?<![:\w])IS\s+NOT\s+(?!NULL\b|TRUE\b|FALSE\b|DISTINCT\b)", re.IGNORECASE)
_IS = re.compile(r"(?<![:\w])IS\s+(?!NOT\b|NULL\b|TRUE\b|FALSE\b|DISTINCT\b)", re.IGNORECASE)
_LIKE = re.compile(r"(?<![:\w])LIKE\b", re.IGNORECASE)
_INSERT_OR_IGNORE = re.compile(r"\bINSERT\s+OR\s+IGNORE\s+INTO\b", re.IGNORECASE)
_RETURNING = re.compile(r"\bRETURNING\b", re.IGNORECASE)
# SQLite reads "CROSS JOIN t ON …" as an inner join whose order the planner keeps.
_CROSS_JOIN_ON = re.compile(r"\bCROSS\s+JOIN\s+(\w+(?:\s+(?!ON\b)\w+)?)\s+ON\b", re.IGNORECASE)
_TEMP_SCHEMA = re.compile(r"\btemp\.", re.IGNORECASE)
_WITHOUT_ROWID = re.compile(r"\bWITHOUT\s+ROWID\b", re.IGNORECASE)
_PRAGMA = re.compile(r"^\s*PRAGMA\b", re.IGNORECASE)
_ORDER_BY = re.compile(r"\bORDER\s+BY\b", re.IGNORECASE)
_ORDER_END = re.compile(r"\b(LIMIT|OFFSET|FOR)\b", re.IGNORECASE)
_NULLS = re.compile(r"\bNULLS\s+(FIRST|LAST)\s*$", re.IGNORECASE)
_DESC = re.compile(r"\bDESC\s*$", re.IGNORECASE)
_SUBSTR = re.compile(r"(?<![:\w])substr\s*\(", re.IGNORECASE)


@lru_cache(maxsize=2048)
def to_postgres(sql: str) -> str | None:
    """``sql`` as PostgreSQL reads it; None for a statement with no meaning there."""
    if _PRAGMA.match(sql):
        return None
    pieces = [
        _translate_code(part) if part[0] not in "'\"" else _quoted(part)
        for part in _PARTS.findall(sql)
    ]
    text = "".join(pieces)
    text = _order_nulls_as_sqlite(text)
    text = _substr_from_end(text)
    if _INSERT_OR_IGNORE.search(text):
        text = _INSERT_OR_IGNORE.sub("INSERT INTO", text)
        returning = _RETURNING.search(text)
        if returning:
            text = f"{text[: returning.start()]}ON CONFLICT DO NOTHING {text[returning.start() :]}"
        else:
            text = f"{text.rstrip().rstrip(';')} ON CONFLICT DO NOTHING"
    return text


def _quoted(part: str) -> str:
    """A string literal or quoted name: only ``%`` needs doubling for psycopg."""
    return part.replace("%", "%%")


def _translate_code(code: str) -> str:
    code = _IS_NOT.sub("IS DISTINCT FROM ", code)
    code = _IS.sub("IS NOT DISTINCT FROM ", code)
    code = _LIKE.sub("ILIKE", code)
    code = _FUNCTION.sub(lambda m: f"{_RENAMED_FUNCTIONS[m.group(1).lower()]}(", code)
    code = _PACKING.sub("(", code)
    code = _CROSS_JOIN_ON.sub(r"JOIN \1 ON", code)
    code = _TEMP_SCHEMA.sub("pg_temp.", code)
    code = _WITHOUT_ROWID.sub("", code)
    # Marks last, so that a parameter named like a keyword (":like") stays a parameter.
    code = code.replace("%", "%%").replace("?", "%s")
    return _NAMED_MARK.sub(r"%(\1)s", code)


def _order_nulls_as_sqlite(sql: str) -> str:
    """Give every ``ORDER BY`` term SQLite's place for NULLs (first ascending, last
    descending), which is the opposite of PostgreSQL's default."""
    out: list[str] = []
    position = 0
    for match in _ORDER_BY.finditer(sql):
        if match.start() < position:
            continue
        out.append(sql[position : match.end()])
        terms, end = _comma_list(sql, match.end(), clause=True)
        out.append(",".join(_with_nulls(term) for term in terms))
        position = end
    out.append(sql[position:])
    return "".join(out)


def _comma_list(sql: str, start: int, *, clause: bool) -> tuple[list[str], int]:
    """The comma-separated parts from ``start`` to the closing bracket that ends them (a
    call's arguments, or an ORDER BY inside a subquery), or with ``clause`` also to a LIMIT,
    OFFSET or FOR; and where they end (``len(sql)`` at the end of the statement)."""
    depth = 0
    parts: list[str] = []
    part_start = start
    index = start
    while index < len(sql):
        char = sql[index]
        if char == "'":
            closing = sql.find("'", index + 1)
            index = len(sql) if closing < 0 else closing + 1
            continue
        if char == "(":
            depth += 1
        elif char == ")":
            if depth == 0:
                break
            depth -= 1
        elif char == "," and depth == 0:
            parts.append(sql[part_start:index])
            part_start = index + 1
        elif clause and depth == 0 and _ORDER_END.match(sql, index) and _word_start(sql, index):
            break
        index += 1
    parts.append(sql[part_start:index])
    return parts, index


def _substr_from_end(sql: str) -> str:
    """``substr(x, -n)``, the last n characters in SQLite, as ``right(x, n)``: PostgreSQL
    reads a start before the first character as counting from there, not from the end.
    Only the two-argument form whose start is written negative is SQLite's from-the-end."""
    out: list[str] = []
    position = 0
    for match in _SUBSTR.finditer(sql):
        if match.start() < position:
            continue
        args, end = _comma_list(sql, match.end(), clause=False)
        if end >= len(sql) or len(args) != 2 or not args[1].lstrip().startswith("-"):
            continue
        out.append(sql[position : match.start()])
        out.append(f"right({args[0].strip()}, -({args[1].strip()}))")
        position = end + 1
    out.append(sql[position:])
    return "".join(out)


def _word_start(sql: str, index: int) -> bool:
    return index == 0 or not (sql[index - 1].isalnum() or sql[index - 1] == "_")


def _with_nulls(term: str) -> str:
    stripped = term.rstrip()
    trailing = term[len(stripped) :]
    if not stripped.strip() or _NULLS.search(stripped):
        return term
    nulls = " NULLS LAST" if _DESC.search(stripped) else " NULLS FIRST"
    return f"{stripped}{nulls}{trailing}"
