"""The SPARQL 1.1 Protocol's choices that do not need a socket: which response format a client asked for
(a `format`/`output` parameter, else the Accept header) and what a request asks (query or update)."""

from __future__ import annotations

from urllib.parse import parse_qs

from kg.query.sparql_format import GRAPH_FORMATS, RESULT_FORMATS

# a name or media type a client may send -> (format for SELECT/ASK, format for CONSTRUCT/DESCRIBE)
_NAMES: dict[str, tuple[str | None, str | None]] = {
    "json": ("json", "jsonld"), "xml": ("xml", "rdfxml"), "csv": ("csv", None), "tsv": ("tsv", None),
    "turtle": (None, "turtle"), "ttl": (None, "turtle"), "n3": (None, "turtle"),
    "nt": (None, "nt"), "ntriples": (None, "nt"), "n-triples": (None, "nt"),
    "jsonld": (None, "jsonld"), "json-ld": (None, "jsonld"), "rdf+xml": (None, "rdfxml"),
    "rdfxml": (None, "rdfxml"), "rdf": (None, "rdfxml"),
}
_MEDIA_TYPES: dict[str, tuple[str | None, str | None]] = {
    **{media: (name, None) for name, media in RESULT_FORMATS.items()},
    **{media: (None, name) for name, media in GRAPH_FORMATS.items()},
    "application/json": ("json", "jsonld"),
    "application/xml": ("xml", "rdfxml"), "text/xml": ("xml", "rdfxml"),
    "application/turtle": (None, "turtle"), "application/x-turtle": (None, "turtle"),
    "text/n3": (None, "turtle"), "text/plain": (None, "nt"),
}
DEFAULT_FORMAT = {"SELECT": "json", "ASK": "json", "CONSTRUCT": "turtle", "DESCRIBE": "turtle"}


class NotAcceptable(ValueError):
    """No format the client accepts can carry this kind of result (HTTP 406)."""


class BadRequest(ValueError):
    """The request is not a SPARQL Protocol query request (HTTP 400)."""


def _pick(entry: tuple[str | None, str | None] | None, kind: str) -> str | None:
    if entry is None:
        return None
    return entry[0] if kind in ("SELECT", "ASK") else entry[1]


def choose_format(kind: str, format_values: list[str], accept: str | None) -> str:
    """The response format for a ``kind`` result: the first usable `format` value, else the best match of
    the Accept header, else the default (SPARQL JSON, or Turtle for graphs)."""
    for value in format_values:
        key = value.strip().lower()
        fmt = _pick(_NAMES.get(key) or _MEDIA_TYPES.get(key.split(";")[0].strip()), kind)
        if fmt:
            return fmt
    if format_values and any(v.strip() for v in format_values):
        raise NotAcceptable(f"format {', '.join(format_values)!s} cannot carry a {kind} result; "
                            f"choose one of {_offer(kind)}")
    if not accept or not accept.strip():
        return DEFAULT_FORMAT[kind]
    for media in _ranked(accept):
        if media in ("*/*", "*"):
            return DEFAULT_FORMAT[kind]
        if media.endswith("/*"):
            family = media[:-1]
            for candidate, entry in _MEDIA_TYPES.items():
                fmt = _pick(entry, kind)
                if candidate.startswith(family) and fmt:
                    return fmt
            continue
        fmt = _pick(_MEDIA_TYPES.get(media), kind)
        if fmt:
            return fmt
    raise NotAcceptable(f"none of the accepted types ({accept}) can carry a {kind} result; "
                        f"the endpoint offers {_offer(kind)}")


def _offer(kind: str) -> str:
    formats = RESULT_FORMATS if kind in ("SELECT", "ASK") else GRAPH_FORMATS
    return ", ".join(f"{media} (format={name})" for name, media in formats.items())


def _ranked(accept: str) -> list[str]:
    """Media types of an Accept header, best first (by q, then order); q=0 left out."""
    ranked = []
    for order, part in enumerate(accept.split(",")):
        media, *params = [p.strip() for p in part.split(";")]
        q = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if media and q > 0:
            ranked.append((-q, order, media.lower()))
    return [media for _, _, media in sorted(ranked)]


def query_parameters(query_string: str) -> dict[str, list[str]]:
    """Parameters of a URL query string or an urlencoded form (BadRequest on bad UTF-8)."""
    try:
        return parse_qs(query_string, keep_blank_values=True, errors="strict")
    except UnicodeDecodeError as e:
        raise BadRequest(f"the parameters are not valid UTF-8 ({e})") from None


def format_values(params: dict[str, list[str]]) -> list[str]:
    """What the client asked for with `format` or `output` (SPARQLWrapper sends both)."""
    return params.get("format", []) + params.get("output", [])


def the_query(params: dict[str, list[str]]) -> str:
    """The one `query` parameter (BadRequest when absent, repeated or with a dataset the endpoint lacks)."""
    queries = params.get("query", [])
    if len(queries) != 1:
        raise BadRequest(f"send exactly one query parameter (got {len(queries)})")
    for name in ("default-graph-uri", "named-graph-uri"):
        if params.get(name):
            raise BadRequest(f"{name} is not supported: the query runs over the whole graph (the union of "
                             "its named graphs); use GRAPH <...> { } in the query to pick one")
    return queries[0]
