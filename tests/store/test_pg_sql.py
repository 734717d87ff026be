"""The store's SQL as PostgreSQL reads it, and the FTS5 query language as a tsquery (pure
functions; the statements themselves run against a real server in the engine tests)."""

from __future__ import annotations

import pytest

from scrutiny_tui.store.pg_sql import to_postgres
from scrutiny_tui.store.search_pg import QuerySyntaxError, to_tsquery_text


def test_parameter_marks_and_percent_signs() -> None:
    sql = "SELECT '50%' FROM t WHERE a = ? AND b = :name AND c LIKE :like ESCAPE '\\'"
    assert to_postgres(sql) == (
        "SELECT '50%%' FROM t WHERE a = %s AND b = %(name)s AND c ILIKE %(like)s ESCAPE '\\'"
    )


def test_marks_inside_literals_and_casts_are_left_alone() -> None:
    assert to_postgres("SELECT 'a ? :b', x::text FROM t") == "SELECT 'a ? :b', x::text FROM t"


def test_null_safe_equality() -> None:
    assert to_postgres("SELECT 1 FROM t WHERE a IS ? AND b IS NOT :b AND c IS NULL") == (
        "SELECT 1 FROM t WHERE a IS NOT DISTINCT FROM %s AND b IS DISTINCT FROM %(b)s AND c IS NULL"
    )


def test_insert_or_ignore_keeps_returning_last() -> None:
    assert to_postgres("INSERT OR IGNORE INTO t (a) VALUES (?) RETURNING id") == (
        "INSERT INTO t (a) VALUES (%s) ON CONFLICT DO NOTHING RETURNING id"
    )
    assert to_postgres("INSERT OR IGNORE INTO temp.m VALUES (?)") == (
        "INSERT INTO pg_temp.m VALUES (%s) ON CONFLICT DO NOTHING"
    )


def test_order_by_puts_nulls_where_sqlite_does() -> None:
    sql = "SELECT a FROM (SELECT a FROM t ORDER BY a DESC LIMIT 3) ORDER BY lower(a), b LIMIT ?"
    assert to_postgres(sql) == (
        "SELECT a FROM (SELECT a FROM t ORDER BY a DESC NULLS LAST LIMIT 3)"
        " ORDER BY lower(a) NULLS FIRST, b NULLS FIRST LIMIT %s"
    )


def test_sqlite_functions_and_join_hints() -> None:
    sql = (
        "SELECT printf(' %06d', n) FROM meeting m CROSS JOIN attendance a ON a.m = m.id"
        " WHERE x IN (SELECT value FROM json_each(?))"
    )
    assert to_postgres(sql) == (
        "SELECT sqlite_printf(' %%06d', n) FROM meeting m JOIN attendance a ON a.m = m.id"
        " WHERE x IN (SELECT value FROM sqlite_json_each(%s))"
    )


def test_pragmas_mean_nothing_there() -> None:
    assert to_postgres("PRAGMA analysis_limit = 400") is None


@pytest.mark.parametrize(
    ("match", "tsquery"),
    [
        ('"care"', "'care'"),
        ('"care" "homes"*', "('care' & 'homes':*)"),
        ('"looked after children"', "('looked' <-> 'after' <-> 'children')"),
        (
            '("CAMHS" OR "child and adolescent") AND "waiting"*',
            "(('camhs' | ('child' <-> 'and' <-> 'adolescent')) & 'waiting':*)",
        ),
        ("budget NOT capital", "('budget' & !'capital')"),
        ("NEAR(ofsted inspection, 5)", "('ofsted' & 'inspection')"),
        ("children's", "('children' <-> 's')"),
    ],
)
def test_fts5_queries_as_tsquery(match: str, tsquery: str) -> None:
    assert to_tsquery_text(match) == tsquery


@pytest.mark.parametrize("match", ['"AND (', "care AND", "(care", "care)", 'a "b', "OR"])
def test_malformed_queries_are_refused_as_sqlite_refuses_them(match: str) -> None:
    with pytest.raises(QuerySyntaxError):
        to_tsquery_text(match)


def test_substr_from_the_end_is_right() -> None:
    sql = "SELECT 1 FROM d WHERE substr(path, -length(?) - 1) IN ('/' || ?, '\\' || ?)"
    assert to_postgres(sql) == (
        "SELECT 1 FROM d WHERE right(path, -(-length(%s) - 1)) IN ('/' || %s, '\\' || %s)"
    )
    assert to_postgres("SELECT substr(lower(a), -3), substr(b, 1, 7), substr(c, ?)") == (
        "SELECT right(lower(a), -(-3)), substr(b, 1, 7), substr(c, %s)"
    )
