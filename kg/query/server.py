"""A read-only SPARQL 1.1 Protocol endpoint over the graph (stdlib http.server, one thread a connection).

Queries come by GET ?query=, POST urlencoded (query=) or POST application/sparql-query; the result format
follows `format`/`output` or the Accept header. Updates are refused (403). Each query runs in a forked
child that is killed at the time limit, so a runaway query never blocks the server; at most
``max_running`` run at once; the others wait their turn (a slot frees within one time limit), up to
``max_waiting`` of them, each for at most WAIT_ROUNDS time limits, else 503 "busy". Results past
``limit`` rows are cut, and the KG-Result-Truncated header says so.
A body over MAX_BODY bytes is refused with 413, a query over MAX_QUERY characters with 414 (in the URL) or
413 (in the body); a connection idle for ``idle_timeout_s`` is closed, so idle or slow clients hold only
their own thread. SIGTERM and SIGINT stop the server cleanly, whatever disposition it inherited.
"""

from __future__ import annotations

import gc
import signal
import sys
import threading
import time
from collections.abc import Callable
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

from rdflib import Dataset

from kg.query.server_protocol import (
    BadRequest,
    NotAcceptable,
    choose_format,
    format_values,
    query_parameters,
    the_query,
)
from kg.query.sparql import (
    QueryTimeout,
    SparqlError,
    SparqlSyntaxError,
    UpdateRefused,
    evaluate,
    query_kind,
    run,
)
from kg.query.sparql_format import GRAPH_FORMATS, RESULT_FORMATS, formats_for, serialize

PATHS = ("/sparql", "/")
MAX_BODY = 1 << 20  # a body over 1 MiB is not a query a person wrote
DRAIN_LIMIT = 8 << 20  # a refused body up to this size is read and dropped before the 413
MAX_QUERY = 1 << 15  # characters of query text: a generated query with a long VALUES fits; in a URL, 32 KiB
IDLE_TIMEOUT_S = 30.0  # a connection that sends nothing for this long is closed
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)
WAIT_ROUNDS = 4  # a waiting query is answered "busy" after this many time limits without a free slot
REFRESH_S = 1.0  # how often a server with a refresh looks for a newer graph
CORS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Expose-Headers": "KG-Result-Truncated, KG-Result-Limit, Server-Timing",
}
UPDATE_REFUSED = UpdateRefused()


class SparqlServer(ThreadingHTTPServer):
    """The endpoint: a graph, its limits, and the HTTP server answering for it."""

    daemon_threads = True
    request_queue_size = 128  # the listen backlog: socketserver's 5 resets clients that connect at once

    def __init__(self, address: tuple[str, int], ds: Dataset, timeout_s: float = 30.0,
                 limit: int | None = 10_000, max_running: int = 4, quiet: bool = False,
                 name: str = "graph", idle_timeout_s: float = IDLE_TIMEOUT_S, max_waiting: int = 32,
                 refresh: Callable[[Dataset], Dataset | None] | None = None) -> None:
        self.ds, self.timeout_s, self.limit, self.quiet, self.name = ds, timeout_s, limit, quiet, name
        self.idle_timeout_s = idle_timeout_s
        self.refresh, self._checked, self._swapping = refresh, time.monotonic(), threading.Lock()
        self.slots = threading.BoundedSemaphore(max_running)
        self.max_waiting, self.waiting, self.waiting_lock = max_waiting, 0, threading.Lock()
        evaluate(ds, "ASK { ?s ?p ?o }")  # imports the evaluator's lazy modules before threads fork
        gc.collect()
        gc.freeze()  # the loaded graph lives as long as the server: keep the collector off its pages
        super().__init__(address, SparqlHandler)

    def dataset(self) -> Dataset:
        """The graph to answer from: ``refresh(current)`` may give a newer one (a later `kg build` of the
        query store, kg.graph.oxstore.newer); asked at most once a second, by one request at a time."""
        if self.refresh is not None and time.monotonic() - self._checked >= REFRESH_S \
                and self._swapping.acquire(blocking=False):
            try:
                self._checked = time.monotonic()
                newer = self.refresh(self.ds)
                if newer is not None:
                    self.ds = newer
            except Exception:  # noqa: BLE001 - the graph in hand still answers
                pass
            finally:
                self._swapping.release()
        return self.ds

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        host = f"[{host}]" if ":" in str(host) else host
        return f"http://{host}:{port}/sparql"


def make_server(ds: Dataset, host: str = "127.0.0.1", port: int = 8000, **options) -> SparqlServer:
    """A SparqlServer bound to host:port (port 0 picks a free one; see ``.url``), not yet serving.
    Options: timeout_s, limit (None for no limit), max_running, max_waiting, quiet, name, idle_timeout_s,
    refresh."""
    return SparqlServer((host, port), ds, **options)


def serve(ds: Dataset, host: str = "127.0.0.1", port: int = 8000, announce=print, **options) -> None:
    """Serve until SIGTERM or SIGINT (Ctrl-C), after announcing the endpoint URL.

    Both signals get a handler here, explicitly: a server started in the background (`&`, nohup) inherits
    SIGINT as ignored, and Python then installs no KeyboardInterrupt for it."""
    server = make_server(ds, host, port, **options)
    previous = {}
    if threading.current_thread() is threading.main_thread():
        previous = {signum: signal.signal(signum, _interrupt) for signum in STOP_SIGNALS}
    announce(server.url)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def _interrupt(signum, frame) -> None:
    raise KeyboardInterrupt


class SparqlHandler(BaseHTTPRequestHandler):
    server: SparqlServer
    protocol_version = "HTTP/1.1"
    server_version = "kg-sparql/0.1"

    error_content_type = "text/plain; charset=utf-8"
    error_message_format = "%(code)d %(message)s: %(explain)s\n"

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """http.server's own refusals (a request line over 64 KiB, a malformed request), as plain text."""
        if code == HTTPStatus.REQUEST_URI_TOO_LONG:
            explain = ("the request line is over 65536 bytes; POST the query as application/sparql-query "
                       f"instead (queries up to {MAX_QUERY} characters are answered)")
        super().send_error(code, message, explain)

    def setup(self) -> None:
        self.timeout = self.server.idle_timeout_s  # reads and writes on this connection time out
        super().setup()

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        self._safely(lambda: self._answer(self._url_parameters(), None))

    def do_POST(self) -> None:  # noqa: N802
        self._safely(self._post)

    def do_OPTIONS(self) -> None:  # noqa: N802 - CORS preflight
        self._send(HTTPStatus.NO_CONTENT, b"", None, {
            "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
            "Access-Control-Allow-Headers": "Content-Type, Accept",
            "Access-Control-Max-Age": "86400", "Allow": "GET, POST, OPTIONS"})

    def _safely(self, handle) -> None:
        """Answer whatever happens: a request the code did not foresee gets a 500, never a dead server."""
        try:
            if urlsplit(self.path).path not in PATHS:
                self._text(HTTPStatus.NOT_FOUND, f"no such path; the SPARQL endpoint is {self.server.url}")
                return
            handle()
        except BadRequest as e:
            self._text(HTTPStatus.BAD_REQUEST, str(e))
        except Exception as e:  # noqa: BLE001 - report, keep serving
            self.log_error("internal error on %r: %s: %s", self.path, type(e).__name__, e)
            try:
                self._text(HTTPStatus.INTERNAL_SERVER_ERROR, f"internal error: {type(e).__name__}: {e}")
            except OSError:  # the client went away
                pass

    def _url_parameters(self) -> dict[str, list[str]]:
        return query_parameters(urlsplit(self.path).query)

    def _post(self) -> None:
        params = self._url_parameters()
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            self._text(HTTPStatus.LENGTH_REQUIRED, "send the body with a Content-Length")
            return
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            raise BadRequest("Content-Length is not a number") from None
        if length > MAX_BODY or length < 0:
            self.close_connection = True
            self._drain(min(max(length, 0), DRAIN_LIMIT))
            self._text(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"the body is {length} bytes, over the limit of "
                       f"{MAX_BODY} bytes; send a shorter query")
            return
        body = self.rfile.read(length)
        media = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if media == "application/sparql-update":
            self._text(HTTPStatus.FORBIDDEN, str(UPDATE_REFUSED))
        elif media == "application/x-www-form-urlencoded":
            try:
                form = query_parameters(body.decode("utf-8"))
            except UnicodeDecodeError:
                raise BadRequest("the form is not valid UTF-8") from None
            self._answer({**params, **{k: params.get(k, []) + v for k, v in form.items()}}, None)
        elif media == "application/sparql-query":
            try:
                self._answer(params, body.decode("utf-8"))
            except UnicodeDecodeError:
                raise BadRequest("the query is not valid UTF-8") from None
        else:
            self._text(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, "POST a query as application/sparql-query or as "
                       "application/x-www-form-urlencoded (query=...)")

    def _drain(self, remaining: int) -> None:
        """Read and drop a refused body (up to DRAIN_LIMIT), so that a client still sending it reads the
        413 instead of a broken pipe; a body larger than that is left unread and the connection closed."""
        try:
            while remaining > 0:
                chunk = self.rfile.read(min(remaining, 1 << 16))
                if not chunk:
                    break
                remaining -= len(chunk)
        except OSError:  # the socket's idle timeout, or the client went away
            pass

    def _answer(self, params: dict[str, list[str]], body_query: str | None) -> None:
        if "update" in params:
            self._text(HTTPStatus.FORBIDDEN, str(UPDATE_REFUSED))
            return
        if body_query is None and "query" not in params:
            self._text(HTTPStatus.OK, self._usage())
            return
        text = body_query if body_query is not None else the_query(params)
        if len(text) > MAX_QUERY:
            in_url = body_query is None and "query" in self._url_parameters()
            status = HTTPStatus.REQUEST_URI_TOO_LONG if in_url else HTTPStatus.REQUEST_ENTITY_TOO_LARGE
            self._text(status, f"the query is {len(text)} characters long, over the limit of {MAX_QUERY}; "
                       "shorten it (for many values, split it into several queries)")
            return
        wanted, accept = format_values(params), self.headers.get("Accept")
        try:
            fmt = choose_format(query_kind(text) or "SELECT", wanted, accept)
        except NotAcceptable as e:
            self._text(HTTPStatus.NOT_ACCEPTABLE, str(e))
            return
        result = self._run(text)
        if result is None:
            return
        if fmt not in formats_for(result.kind):  # the cheap guess at the kind was wrong
            try:
                fmt = choose_format(result.kind, wanted, accept)
            except NotAcceptable as e:
                self._text(HTTPStatus.NOT_ACCEPTABLE, str(e))
                return
        headers = {"Server-Timing": f"query;dur={result.elapsed_s * 1000:.1f}", "Vary": "Accept"}
        if result.limit is not None:
            headers["KG-Result-Limit"] = str(result.limit)
        if result.truncated:
            headers["KG-Result-Truncated"] = "true"
        media = {**RESULT_FORMATS, **GRAPH_FORMATS}[fmt]
        self._send(HTTPStatus.OK, serialize(result, fmt), f"{media}; charset=utf-8", headers)

    def _run(self, text: str):
        """The result, or None after answering with the error."""
        server = self.server
        if not self._slot():
            self._text(HTTPStatus.SERVICE_UNAVAILABLE, "the endpoint is busy with other queries; retry later")
            return None
        try:
            return run(server.dataset(), text, timeout_s=server.timeout_s, limit=server.limit)
        except SparqlSyntaxError as e:
            self._text(HTTPStatus.BAD_REQUEST, f"{e}\n{e.excerpt(text)}")
        except UpdateRefused as e:
            self._text(HTTPStatus.FORBIDDEN, str(e))
        except QueryTimeout as e:
            self._text(HTTPStatus.SERVICE_UNAVAILABLE, str(e))
        except SparqlError as e:
            self._text(HTTPStatus.BAD_REQUEST, str(e))
        finally:
            server.slots.release()
        return None

    def _slot(self) -> bool:
        """Take a slot to run a query, waiting behind at most max_waiting others (False: busy)."""
        server = self.server
        if server.slots.acquire(blocking=False):
            return True
        with server.waiting_lock:
            if server.waiting >= server.max_waiting:
                return False
            server.waiting += 1
        try:
            return server.slots.acquire(timeout=WAIT_ROUNDS * server.timeout_s)
        finally:
            with server.waiting_lock:
                server.waiting -= 1

    def _usage(self) -> str:
        server = self.server
        return (f"SPARQL 1.1 endpoint (read-only) for {server.name}.\n"
                f"Query: GET {server.url}?query=... or POST (application/sparql-query, or a form with "
                f"query=).\nResults: SPARQL JSON, XML, CSV, TSV; graphs: Turtle, N-Triples, JSON-LD, RDF/XML "
                f"(Accept header or format=json|xml|csv|tsv|turtle|nt|jsonld|rdfxml).\n"
                f"Limits: {server.timeout_s:g} s a query; {server.limit or 'no'} rows at most.\n")

    def _text(self, status: HTTPStatus, message: str) -> None:
        self._send(status, (message.rstrip("\n") + "\n").encode("utf-8"), "text/plain; charset=utf-8")

    def _send(self, status: HTTPStatus, body: bytes, content_type: str | None,
              headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in {**CORS, **(headers or {})}.items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_error(self, format: str, *args) -> None:  # noqa: A002 - http.server's signature
        """Errors (timeouts, internal errors) are logged even with --quiet."""
        self._log(format % args)

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - http.server's signature
        if not self.server.quiet:
            self._log(format % args)

    def _log(self, line: str) -> None:
        line = line if len(line) <= 200 else f"{line[:150]}...{line[-40:]}"
        sys.stderr.write(f"{time.strftime('%H:%M:%S')} {self.address_string()} {line}\n")
