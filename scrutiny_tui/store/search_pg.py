"""Full-text search on a team store: the FTS5 query language read into a PostgreSQL tsquery.

The search service writes (or passes through) queries in FTS5's language, so both engines
take the same queries and refuse the same malformed ones. This module reads that language
(words, "phrases", a trailing ``*`` for a prefix, AND, OR, NOT, brackets, NEAR(…)) and
writes the equivalent ``tsquery`` text: a phrase is a ``<->`` chain, a prefix ``:*``,
``a NOT b`` is ``a & !b``, and NEAR's terms must all occur. Words are reduced to letters and
digits, so no text reaches ``to_tsquery`` that it could misread.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


class QuerySyntaxError(ValueError):
    """The query is not valid in the FTS5 language; the message says where, as SQLite does."""


_TOKEN = re.compile(
    r'\s*(?:(?P<phrase>"(?:[^"]|"")*")|(?P<open>\()|(?P<close>\))|(?P<star>\*)'
    r"|(?P<comma>,)|(?P<word>[^\s\"()*,^:+]+)|(?P<bad>\S))"
)
_WORD = re.compile(r"\w+")
_KEYWORDS = {"AND", "OR", "NOT", "NEAR"}


@dataclass(frozen=True, slots=True)
class _Token:
    kind: str
    text: str


def _tokens(query: str) -> list[_Token]:
    tokens: list[_Token] = []
    position = 0
    while position < len(query):
        match = _TOKEN.match(query, position)
        if match is None or match.end() == position:
            break
        position = match.end()
        kind = match.lastgroup or "bad"
        text = match.group(kind)
        if kind == "bad":
            raise QuerySyntaxError(f'syntax error near "{text}"')
        if kind == "word" and text in _KEYWORDS:
            kind = text
        tokens.append(_Token(kind, text))
    if query[position:].strip() and '"' in query[position:]:
        raise QuerySyntaxError("unterminated string")
    return tokens


class _Reader:
    def __init__(self, tokens: list[_Token]) -> None:
        self.tokens = tokens
        self.index = 0

    def peek(self) -> _Token | None:
        return self.tokens[self.index] if self.index < len(self.tokens) else None

    def take(self) -> _Token:
        token = self.tokens[self.index]
        self.index += 1
        return token

    def or_expr(self) -> str:
        parts = [self.and_expr()]
        while (token := self.peek()) and token.kind == "OR":
            self.take()
            parts.append(self.and_expr())
        return parts[0] if len(parts) == 1 else "(" + " | ".join(parts) + ")"

    def and_expr(self) -> str:
        parts = [self.not_expr()]
        while (token := self.peek()) and token.kind not in ("OR", "close", "comma"):
            if token.kind == "AND":
                self.take()
            parts.append(self.not_expr())
        return parts[0] if len(parts) == 1 else "(" + " & ".join(parts) + ")"

    def not_expr(self) -> str:
        expr = self.primary()
        while (token := self.peek()) and token.kind == "NOT":
            self.take()
            expr = f"({expr} & !{self.primary()})"
        return expr

    def primary(self) -> str:
        token = self.peek()
        if token is None:
            raise QuerySyntaxError("syntax error: the query ends where a term was expected")
        if token.kind == "open":
            self.take()
            inner = self.or_expr()
            closing = self.peek()
            if closing is None or closing.kind != "close":
                raise QuerySyntaxError('syntax error: a "(" is never closed')
            self.take()
            return inner
        if token.kind == "NEAR" and self._next_is_open():
            return self._near()
        if token.kind in ("phrase", "word", "NEAR"):
            self.take()
            words = _WORD.findall(
                token.text[1:-1].replace('""', '"') if token.kind == "phrase" else token.text
            )
            prefix = bool((after := self.peek()) and after.kind == "star")
            if prefix:
                self.take()
            return _phrase(words, prefix)
        raise QuerySyntaxError(f'syntax error near "{token.text}"')

    def _next_is_open(self) -> bool:
        following = self.index + 1
        return following < len(self.tokens) and self.tokens[following].kind == "open"

    def _near(self) -> str:
        self.take()  # NEAR
        self.take()  # (
        terms: list[str] = []
        while (token := self.peek()) and token.kind not in ("close", "comma"):
            terms.append(self.primary())
        if (token := self.peek()) and token.kind == "comma":
            self.take()
            distance = self.peek()
            if distance is None or not distance.text.isdigit():
                raise QuerySyntaxError("syntax error: NEAR's distance must be a number")
            self.take()
        closing = self.peek()
        if closing is None or closing.kind != "close" or not terms:
            raise QuerySyntaxError("syntax error in NEAR(…)")
        self.take()
        return terms[0] if len(terms) == 1 else "(" + " & ".join(terms) + ")"


def _phrase(words: list[str], prefix: bool) -> str:
    """Words as a tsquery phrase; a phrase of no words matches nothing."""
    if not words:
        return "''"
    lexemes = [f"'{word.lower()}'" for word in words]
    if prefix:
        lexemes[-1] += ":*"
    return lexemes[0] if len(lexemes) == 1 else "(" + " <-> ".join(lexemes) + ")"


def to_tsquery_text(match: str) -> str:
    """The FTS5 expression ``match`` as text for ``to_tsquery``; raises
    :class:`QuerySyntaxError` where SQLite would refuse it."""
    if match.count('"') % 2:
        raise QuerySyntaxError("unterminated string")
    reader = _Reader(_tokens(match))
    if not reader.tokens:
        raise QuerySyntaxError("syntax error: empty query")
    expr = reader.or_expr()
    if reader.peek() is not None:
        raise QuerySyntaxError(f'syntax error near "{reader.peek().text}"')  # type: ignore[union-attr]
    return expr


# The words of the query are matched by the same configuration that indexed the text
# (English stems with no stop words, as FTS5's porter tokenizer reads it); titles weigh more.
RANKED_PG = """
WITH q AS (SELECT to_tsquery('scrutiny', %(query)s) AS query),
top AS (
    SELECT s.id, ts_rank(s.terms, q.query) AS score
    FROM search_index s, q WHERE s.terms @@ q.query
    ORDER BY score DESC, s.id LIMIT %(limit)s OFFSET %(offset)s
)
SELECT s.kind, s.ref, s.title, s.body, s.item_id, i.title, m.committee, m.date, d.path,
       i.number, i.uid
FROM top
JOIN search_index s ON s.id = top.id
LEFT JOIN agenda_item i ON i.id = s.item_id
LEFT JOIN meeting m ON m.id = i.meeting_id
LEFT JOIN document d ON d.id = i.document_id
ORDER BY top.score DESC, s.id
"""
