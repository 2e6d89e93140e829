"""Load on `kg serve`, on loopback only, bounded in count and time.

Starts `kg serve --graph DIR` on 127.0.0.1 (a free port), then sends REQUESTS requests from CLIENTS
concurrent clients (threads with keep-alive connections), a seeded mix of: valid queries (the example
.rq files, GET and POST, JSON/CSV/XML/Turtle), malformed queries, updates, large results (every triple,
cut at the server's row limit) and queries that run into the time limit. It checks what a user must be
able to count on: the status each kind must get (200, 400, 403, 200, 503), no other 5xx, the server
alive at the end and stopped cleanly by SIGTERM, and its memory (RSS, its query children not counted)
bounded. Prints the counts, p50/p99 latency by kind and overall, requests/s and RSS before and after.

Usage: python benchmarks/server_load.py --graph out/ [--requests 2000] [--clients 16] [--seed 14]
Exit status 0 when everything held, 1 otherwise. docs/sparql.md has the figures, docs/reliability.md
what was tried.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import signal
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from kg.query.sparql import query_kind

ROOT = Path(__file__).resolve().parents[1]
HOST = "127.0.0.1"  # loopback only: this sends thousands of requests
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
MALFORMED = ["SELECT ?x WHERE { ?x rdfs:label ?l ]", "SELEC * { ?s ?p ?o }", "ASK { ?s ?p }",
             "SELECT * WHERE { ?s nope:x ?o }", "PREFIX : SELECT", "SELECT (COUNT(*) AS ?n WHERE { }"]
UPDATES = ["INSERT DATA { <urn:a> <urn:b> 'c' }", "CLEAR ALL", "DELETE WHERE { ?s ?p ?o }", "DROP ALL"]
LARGE = ["SELECT * WHERE { ?s ?p ?o }", "CONSTRUCT WHERE { ?s ?p ?o }"]
# kind -> share of the requests, and the status every request of that kind must get
MIX = {"valid": (0.61, 200), "malformed": (0.15, 400), "update": (0.10, 403), "large": (0.13, 200),
       "time_limit": (0.01, 503)}
TABLE_TYPES = ["application/sparql-results+json", "text/csv", "application/sparql-results+xml",
               "text/tab-separated-values", "*/*"]
GRAPH_TYPES = ["text/turtle", "application/n-triples", "application/ld+json", "*/*"]


@dataclass
class Outcome:
    kind: str
    status: int  # 0: no answer (connection failure)
    seconds: float
    size: int
    note: str = ""


@dataclass
class Summary:
    requests: int
    clients: int
    wall_s: float
    outcomes: list[Outcome] = field(default_factory=list)
    rss_before_kb: int = 0
    rss_after_kb: int = 0
    alive: bool = False
    stopped_cleanly: bool = False

    @property
    def counts(self) -> Counter:
        return Counter((o.kind, o.status) for o in self.outcomes)

    @property
    def wrong(self) -> list[Outcome]:
        """Requests that did not get the status their kind must get."""
        return [o for o in self.outcomes if o.status != MIX[o.kind][1]]

    @property
    def server_errors(self) -> list[Outcome]:
        """5xx other than 503 for the time limit."""
        return [o for o in self.outcomes
                if o.status >= 500 and not (o.status == 503 and o.kind == "time_limit")]

    def latency(self, kind: str | None = None) -> tuple[float, float]:
        times = sorted(o.seconds for o in self.outcomes if kind is None or o.kind == kind)
        if not times:
            return 0.0, 0.0
        p99 = times[min(len(times) - 1, int(round(0.99 * (len(times) - 1))))]
        return statistics.median(times), p99

    @property
    def ok(self) -> bool:
        memory_bounded = self.rss_after_kb < max(2 * self.rss_before_kb, self.rss_before_kb + 200_000)
        return (not self.wrong and not self.server_errors and self.alive and self.stopped_cleanly
                and len(self.outcomes) == self.requests and memory_bounded)

    def report(self) -> str:
        lines = [f"{len(self.outcomes)} requests from {self.clients} clients in {self.wall_s:.1f} s: "
                 f"{len(self.outcomes) / self.wall_s:.1f} requests/s"]
        for kind, (_, expected) in MIX.items():
            statuses = {s: n for (k, s), n in sorted(self.counts.items()) if k == kind}
            p50, p99 = self.latency(kind)
            lines.append(f"  {kind:<11} {sum(statuses.values()):>5}  statuses {statuses} (must be {expected})"
                         f"  p50 {p50 * 1000:.0f} ms  p99 {p99 * 1000:.0f} ms")
        p50, p99 = self.latency()
        lines.append(f"  all         p50 {p50 * 1000:.0f} ms  p99 {p99 * 1000:.0f} ms")
        lines.append(f"server RSS {self.rss_before_kb / 1024:.0f} MiB before, "
                     f"{self.rss_after_kb / 1024:.0f} MiB after; alive at the end: {self.alive}; "
                     f"stopped by SIGTERM with status 0: {self.stopped_cleanly}")
        lines.append(f"wrong statuses: {len(self.wrong)}; 5xx other than the time limit's 503: "
                     f"{len(self.server_errors)}; {'OK' if self.ok else 'FAILED'}")
        for o in (self.wrong + self.server_errors)[:10]:
            lines.append(f"    {o.kind} -> {o.status} {o.note[:160]}")
        return "\n".join(lines)


def plan(requests: int, seed: int) -> list[tuple[str, str, str, dict[str, str], bytes | None]]:
    """(kind, method, path with query string, headers, body) for each request, in a seeded order."""
    rng = random.Random(seed)
    examples = [q.read_text("utf-8") for q in sorted((ROOT / "ontology" / "queries").glob("*.rq"))]
    kinds, weights = zip(*((k, share) for k, (share, _) in MIX.items()))
    made = []
    for _ in range(requests):
        kind = rng.choices(kinds, weights)[0]
        query = {"valid": lambda: rng.choice(examples), "malformed": lambda: rng.choice(MALFORMED),
                 "update": lambda: rng.choice(UPDATES), "large": lambda: rng.choice(LARGE),
                 "time_limit": lambda: RUNAWAY}[kind]()
        graph = query_kind(query) in ("CONSTRUCT", "DESCRIBE")
        headers = {"Accept": rng.choice(GRAPH_TYPES if graph else TABLE_TYPES)}
        how = rng.choice(["get", "form", "direct"])
        if kind == "update" and how != "get":
            how = rng.choice(["form", "update"])
        if how == "get":
            made.append((kind, "GET", "/sparql?" + urllib.parse.urlencode({"query": query}), headers, None))
        elif how == "form":
            field_name = "update" if kind == "update" else "query"
            body = urllib.parse.urlencode({field_name: query}).encode("utf-8")
            form = {**headers, "Content-Type": "application/x-www-form-urlencoded"}
            made.append((kind, "POST", "/sparql", form, body))
        else:
            media = "application/sparql-update" if how == "update" else "application/sparql-query"
            made.append((kind, "POST", "/sparql", {**headers, "Content-Type": media}, query.encode("utf-8")))
    return made


def rss_kb(pid: int) -> int:
    """Resident memory of one process (Linux /proc), 0 where unknown."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def start_server(graph: Path, timeout_s: float) -> tuple[subprocess.Popen, int]:
    command = [sys.executable, "-c", "from kg.cli import app; app()", "serve", "--graph", str(graph),
               "--host", HOST, "--port", "0", "--quiet", "--timeout", str(timeout_s)]
    server = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                              env={**os.environ, "COLUMNS": "300"})
    line = server.stdout.readline()
    if "http://" not in line:
        server.kill()
        raise RuntimeError(f"kg serve did not start: {line}{server.stderr.read()}")
    url = next(word for word in line.split() if word.startswith("http://"))
    return server, urllib.parse.urlsplit(url).port


def send(port: int, requests: list, results: list[Outcome], deadline: float) -> None:
    """One client: its requests in order over one keep-alive connection (a new one after a close)."""
    connection = None
    for kind, method, path, headers, body in requests:
        if time.monotonic() > deadline:
            break
        started = time.perf_counter()
        try:
            connection = connection or http.client.HTTPConnection(HOST, port, timeout=120)
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            data = response.read()
            note = data[:200].decode("utf-8", "replace") if response.status != 200 else ""
            results.append(Outcome(kind, response.status, time.perf_counter() - started, len(data), note))
            if response.will_close:
                connection.close()
                connection = None
        except (OSError, http.client.HTTPException) as e:
            results.append(Outcome(kind, 0, time.perf_counter() - started, 0, f"{type(e).__name__}: {e}"))
            if connection is not None:
                connection.close()
            connection = None
    if connection is not None:
        connection.close()


def run_load(graph: Path, requests: int = 2000, clients: int = 16, seed: int = 14, timeout_s: float = 5.0,
             max_seconds: float = 600.0) -> Summary:
    """Serve ``graph``, send the load, stop the server; the Summary says what happened."""
    server, port = start_server(graph, timeout_s)
    summary = Summary(requests, clients, 0.0)
    try:
        warm: list[Outcome] = []
        warm_up = [r for r in plan(20, seed + 1) if r[0] in ("valid", "large")]
        send(port, warm_up, warm, time.monotonic() + 120)
        summary.rss_before_kb = rss_kb(server.pid)
        work = plan(requests, seed)
        shares: list[list] = [work[i::clients] for i in range(clients)]
        results: list[list[Outcome]] = [[] for _ in range(clients)]
        deadline = time.monotonic() + max_seconds
        started = time.perf_counter()
        threads = [threading.Thread(target=send, args=(port, shares[i], results[i], deadline))
                   for i in range(clients)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        summary.wall_s = time.perf_counter() - started
        summary.outcomes = [o for r in results for o in r]
        summary.rss_after_kb = rss_kb(server.pid)
        check: list[Outcome] = []
        send(port, [("valid", "GET", "/sparql?" + urllib.parse.urlencode({"query": "ASK { ?s ?p ?o }"}),
                     {"Accept": "application/sparql-results+json"}, None)], check, time.monotonic() + 60)
        summary.alive = server.poll() is None and bool(check) and check[0].status == 200
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            summary.stopped_cleanly = server.wait(30) == 0
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
    return summary


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--graph", type=Path, required=True, help="a directory `kg build --out` wrote")
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--timeout", type=float, default=5.0, help="the server's time limit per query (s)")
    parser.add_argument("--max-seconds", type=float, default=600.0, help="stop sending after this long")
    parser.add_argument("--json", action="store_true", help="also print the figures as one JSON line")
    args = parser.parse_args()
    summary = run_load(args.graph, args.requests, args.clients, args.seed, args.timeout, args.max_seconds)
    print(summary.report())
    if args.json:
        p50, p99 = summary.latency()
        print(json.dumps({"requests": len(summary.outcomes), "clients": args.clients,
                          "wall_s": summary.wall_s,
                          "rps": len(summary.outcomes) / summary.wall_s, "p50_s": p50, "p99_s": p99,
                          "rss_before_kb": summary.rss_before_kb, "rss_after_kb": summary.rss_after_kb,
                          "ok": summary.ok}))
    return 0 if summary.ok else 1


if __name__ == "__main__":
    sys.exit(main())
