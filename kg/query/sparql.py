"""SPARQL over the graph: read-only queries with the usual prefixes declared, typed results, errors that
point at the line and column of the user's text, a row limit and a time limit.

Works on the rdflib Memory store (what `open_graph` gives) and on oxrdflib's Oxigraph store
(`kg.query.sparql_store.open_dataset(DIR, "oxigraph")`): both go through ``Dataset.query``.
"""

from __future__ import annotations

import itertools
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

import rdflib.plugins.sparql
from rdflib import Dataset, Graph
from rdflib.namespace import DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SKOS, XSD
from rdflib.term import Node

from kg.graph.namespace import KG_NS, ONTOLOGY_DIR

PREFIXES: dict[str, str] = {
    "kg": KG_NS,
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
    "owl": str(OWL),
    "dcterms": str(DCTERMS),
    "schema": "https://schema.org/",
    "foaf": str(FOAF),
    "prov": str(PROV),
    "skos": str(SKOS),
}
"""Prefixes every query may use without declaring them (a PREFIX line in the query wins)."""

KINDS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")

# FROM <g> names a graph of the dataset; rdflib's default would fetch <g> from the web instead.
rdflib.plugins.sparql.SPARQL_LOAD_GRAPHS = False


class SparqlError(ValueError):
    """The query cannot be answered; the message says why and what to do."""


class SparqlSyntaxError(SparqlError):
    """Malformed SPARQL; ``line`` and ``column`` (1-based) point into the text the user wrote."""

    def __init__(self, message: str, line: int, column: int) -> None:
        super().__init__(message, line, column)
        self.message, self.line, self.column = message, line, column

    def __str__(self) -> str:
        return f"SPARQL syntax error at line {self.line}, column {self.column}: {self.message}"

    def excerpt(self, query_text: str) -> str:
        """The offending line of the query with a caret under the column."""
        lines = query_text.split("\n")
        if not 1 <= self.line <= len(lines):
            return ""
        gutter = f"{self.line} | "
        return f"{gutter}{lines[self.line - 1]}\n{' ' * (len(gutter) + self.column - 1)}^"


class UpdateRefused(SparqlError):
    """SPARQL Update (INSERT, DELETE, LOAD, CLEAR, ...) on a read-only graph."""

    def __init__(self, message: str = "the graph is read-only: SPARQL Update (INSERT, DELETE, LOAD, CLEAR, "
                 "DROP, ...) is refused. Rebuild the graph with `kg build` to change it.") -> None:
        super().__init__(message)


class QueryTimeout(SparqlError):
    """The query ran past its time limit and was stopped."""

    def __init__(self, timeout_s: float) -> None:
        super().__init__(timeout_s)
        self.timeout_s = timeout_s

    def __str__(self) -> str:
        return (f"the query ran longer than the {self.timeout_s:g} s time limit and was stopped. "
                "Narrow it (a LIMIT, more specific patterns) or allow more time.")


@dataclass
class QueryResult:
    """What a query returned: rows (SELECT), a boolean (ASK) or triples (CONSTRUCT, DESCRIBE)."""

    kind: str
    vars: list[str] = field(default_factory=list)
    rows: list[tuple[Node | None, ...]] = field(default_factory=list)
    boolean: bool | None = None
    triples: list[tuple[Node, Node, Node]] = field(default_factory=list)
    truncated: bool = False  # more rows/triples existed than the limit let through
    limit: int | None = None
    elapsed_s: float = 0.0

    @property
    def graph(self) -> Graph:
        """CONSTRUCT/DESCRIBE triples as a Graph with the usual prefixes bound."""
        g = Graph()
        for prefix, ns in PREFIXES.items():
            g.bind(prefix, ns, override=True)
        for t in self.triples:
            g.add(t)
        return g

    def records(self) -> list[dict[str, object]]:
        """SELECT rows as dicts of plain Python values (None where unbound), for code that wants values."""
        return [{v: (None if t is None else t.toPython()) for v, t in zip(self.vars, row)}
                for row in self.rows]


def run(ds: Dataset, query_text: str, timeout_s: float | None = None,
        limit: int | None = None) -> QueryResult:
    """Answer a read-only SPARQL query on ``ds``.

    ``limit`` caps the rows (or triples) returned, setting ``truncated`` when more existed. With
    ``timeout_s`` the query is evaluated in a forked child process that is killed when time runs out
    (rdflib's evaluator cannot be interrupted otherwise); a QueryTimeout is raised then.
    Raises SparqlSyntaxError (line/column in ``query_text``), UpdateRefused, QueryTimeout or SparqlError.
    """
    if limit is not None and limit < 0:
        raise SparqlError(f"the row limit must be 0 or more, not {limit}")
    if not query_text.strip():
        raise SparqlError("the query is empty: give a SELECT, ASK, CONSTRUCT or DESCRIBE query")
    if timeout_s is None:
        return evaluate(ds, query_text, limit)
    from kg.query.sparql_worker import call_in_child

    return call_in_child(evaluate, (ds, query_text, limit), timeout_s)


def evaluate(ds: Dataset, query_text: str, limit: int | None = None) -> QueryResult:
    """Answer the query in this process (no time limit): what ``run`` does, in the child when timed."""
    start = time.perf_counter()
    refuse_service(query_text)
    try:
        result = _ask(ds, query_text)
        out = _collect(result, query_text, limit)
    except SparqlError:
        raise
    except AttributeError as e:
        # rdflib fails on a short CONSTRUCT whose pattern has no triple (CONSTRUCT WHERE {}): its template
        # is empty, so it constructs nothing, as pyoxigraph answers
        if "translated" not in str(e) or query_kind(query_text) != "CONSTRUCT":
            raise as_sparql_error(e, query_text) from None
        out = QueryResult("CONSTRUCT", triples=[], limit=limit)
    except Exception as e:  # parsers and evaluators raise many types; name the ones a user can fix
        raise as_sparql_error(e, query_text) from None
    out.elapsed_s = time.perf_counter() - start
    return out


def _ask(ds: Dataset, query_text: str):
    if re.search(_KEYWORD.format("FROM"), _code_only(query_text), re.I) and \
            type(ds.store).__name__ == "OxigraphStore":  # oxrdflib's union default graph ignores FROM
        return ds.store.query(query_text, PREFIXES, {}, None)
    return ds.query(query_text, initNs=PREFIXES)


def _collect(result, query_text: str, limit: int | None) -> QueryResult:
    kind = result.type
    if kind == "ASK":
        return QueryResult("ASK", boolean=bool(result.askAnswer))
    if kind == "SELECT":
        names = [str(v) for v in result.vars or []]
        rows = [tuple(row) for row in itertools.islice(result, None if limit is None else limit + 1)]
        truncated = limit is not None and len(rows) > limit
        return QueryResult("SELECT", vars=names, rows=rows[:limit] if truncated else rows,
                           truncated=truncated, limit=limit)
    if kind == "CONSTRUCT" and query_kind(query_text) == "DESCRIBE":  # oxrdflib reports DESCRIBE so
        kind = "DESCRIBE"
    triples = list(itertools.islice(iter(result.graph), None if limit is None else limit + 1))
    truncated = limit is not None and len(triples) > limit
    return QueryResult(kind, triples=triples[:limit] if truncated else triples, truncated=truncated,
                       limit=limit)


_OXIGRAPH_POSITION = re.compile(r"^error at (\d+):(\d+): (.*)$", re.S)
_UNKNOWN_PREFIX = re.compile(r"Unknown namespace prefix\s*:\s*(\S*)")
_CUSTOM_FUNCTION = re.compile(r"custom function (<[^>]*>|\S+) is not supported")  # pyoxigraph's words


def as_sparql_error(error: Exception, query_text: str) -> SparqlError:
    """The SparqlError a user should see for an exception raised while parsing or evaluating."""
    from pyparsing import ParseBaseException

    if isinstance(error, (ParseBaseException, SyntaxError)) and is_update(query_text):
        return UpdateRefused()
    if isinstance(error, ParseBaseException):
        lines = query_text.split("\n")
        line = lines[error.lineno - 1] if 0 < error.lineno <= len(lines) else ""
        return SparqlSyntaxError(_pyparsing_message(error), error.lineno, _unexpanded_column(line, error.col))
    if isinstance(error, SyntaxError):  # pyoxigraph, whose position is often the end of the text:
        return _rdflib_verdict(query_text) or _oxigraph_error(error)  # rdflib's parser points better
    match = _UNKNOWN_PREFIX.search(str(error))
    if match:
        return _unknown_prefix(match[1], query_text)
    match = _CUSTOM_FUNCTION.search(str(error))
    if match:  # kg:foo(?x): a call of a function the store does not define
        return SparqlError(f"the function {match[1]} is not defined: use SPARQL's built-in functions "
                           "(regex, lang, str, contains, ...)")
    if str(error).startswith("Cannot eval thing"):  # rdflib on an expression it cannot evaluate there
        return SparqlError("the in-memory store cannot evaluate an expression of this query (a constant "
                           "in GROUP BY or ORDER BY?): group by variables, or query the store "
                           "(--store oxigraph)")
    return SparqlError(f"the query failed: {type(error).__name__}: {error}")


def _unexpanded_column(line: str, column: int) -> int:
    """The column in the line as written of pyparsing's column, which counts tabs expanded to 8."""
    width = 0
    for i, ch in enumerate(line):
        if width >= column - 1:
            return i + 1
        width = (width // 8 + 1) * 8 if ch == "\t" else width + 1
    return len(line) + 1


def _rdflib_verdict(query_text: str) -> SparqlError | None:
    from rdflib.plugins.sparql import prepareQuery

    try:
        prepareQuery(query_text, initNs=PREFIXES)
    except SyntaxError:
        return None
    except Exception as e:  # noqa: BLE001 - what rdflib says about the same text
        return as_sparql_error(e, query_text)
    return None


def _oxigraph_error(error: SyntaxError) -> SparqlSyntaxError:
    match = _OXIGRAPH_POSITION.match(str(error))
    if not match:
        return SparqlSyntaxError(_shortened(str(error)), 1, 1)
    return SparqlSyntaxError(_shortened(match[3]), int(match[1]), int(match[2]))


def _unknown_prefix(prefix: str, query_text: str) -> SparqlSyntaxError:
    line, column = _position_of(query_text, f"{prefix}:")
    return SparqlSyntaxError(f"unknown prefix {prefix}: (declare it: PREFIX {prefix}: <...>; declared "
                             f"already: {', '.join(PREFIXES)})", line, column)


def _shortened(message: str, most: int = 160) -> str:
    """Oxigraph lists every character class it expected; the first line's start says enough."""
    first = message.strip().splitlines()[0] if message.strip() else message
    return first if len(first) <= most else first[:most].rstrip() + " ..."


def _pyparsing_message(error) -> str:
    found = getattr(error, "found", None)
    return f"unexpected {found} (the parser says: {error.msg})" if found else error.msg


def _position_of(text: str, needle: str) -> tuple[int, int]:
    """1-based line and column of the first ``needle`` that starts a name, else (1, 1)."""
    match = re.search(rf"(?<![\w:]){re.escape(needle)}", text)
    if not match:
        return 1, 1
    before = text[: match.start()]
    return before.count("\n") + 1, match.start() - (before.rfind("\n") + 1) + 1


def is_update(query_text: str) -> bool:
    """Whether the text is SPARQL Update (it parses as one), not a query."""
    from rdflib.plugins.sparql.parser import parseUpdate

    try:
        parseUpdate(query_text)
    except Exception:  # not an update (or not SPARQL at all)
        return False
    return True


_NOT_CODE = re.compile(  # strings, IRIs and comments: where a keyword is not a keyword
    r'"""(?:[^"\\]|\\.|"(?!""))*"""' r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n]|\\.)*"' r"|'(?:[^'\\\n]|\\.)*'" r'|<[^<>"{}|^`\\\s]*>|#[^\n]*', re.S)
_KEYWORD = r"(?<![\w:?$]){}(?![\w:])"


def _code_only(query_text: str) -> str:
    return _NOT_CODE.sub(" ", query_text)


def query_kind(query_text: str) -> str | None:
    """SELECT/ASK/CONSTRUCT/DESCRIBE from the first such keyword (None if there is none): cheap, for
    choosing a response format before the query runs."""
    match = re.search(_KEYWORD.format("(SELECT|ASK|CONSTRUCT|DESCRIBE)"), _code_only(query_text), re.I)
    return match[1].upper() if match else None


def refuse_service(query_text: str) -> None:
    """SERVICE would make the store fetch from the network; the graph answers offline, so refuse it."""
    if re.search(_KEYWORD.format("SERVICE"), _code_only(query_text), re.I):
        raise SparqlError("SERVICE (a federated query to another endpoint) is not allowed: this graph "
                          "answers offline, from its own data only")


def example_queries() -> list[Path]:
    """The example .rq files in ontology/queries/, sorted by name."""
    return sorted((ONTOLOGY_DIR / "queries").glob("*.rq"))
