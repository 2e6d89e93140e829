"""Evaluating a query in a forked child process, so that a query which would run for ever can be stopped.

rdflib's evaluator is plain Python with no cancellation hook, and a thread cannot be killed; a child
process can. The child shares the parent's loaded graph copy-on-write (no reload), sends its result back
pickled through a pipe and exits; on timeout the parent kills it. Where fork is missing (Windows) the
query runs in this process without a time limit.
"""

from __future__ import annotations

import gc
import os
import pickle
import select
import signal
import stat
import time
from collections.abc import Callable
from typing import Any

from kg.query.sparql import QueryTimeout, SparqlError

CAN_FORK = hasattr(os, "fork")


def call_in_child(function: Callable[..., Any], args: tuple, timeout_s: float) -> Any:
    """``function(*args)`` evaluated in a forked child; its return value or its exception, re-raised here.

    Raises QueryTimeout when the child has not answered within ``timeout_s`` seconds (it is killed)."""
    if not CAN_FORK:
        return function(*args)
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: answer, write, leave without running the parent's cleanup code
        status = 0
        try:
            gc.disable()  # a collection would touch, and so copy, every page of the inherited graph
            # a child left behind by a server that stopped ends by itself soon after its time limit
            signal.signal(signal.SIGALRM, signal.SIG_DFL)
            signal.setitimer(signal.ITIMER_REAL, timeout_s + 5)
            os.close(read_end)
            _close_inherited(keep=write_end)
            _answer(write_end, function, args)
        except BaseException:  # noqa: BLE001 - nothing may escape a forked child
            status = 1
        finally:
            os._exit(status)
    os.close(write_end)
    try:
        data = _read_all(read_end, time.monotonic() + timeout_s)
    except QueryTimeout:
        _kill(pid)
        raise QueryTimeout(timeout_s) from None
    finally:
        os.close(read_end)
        _reap(pid)
    if not data:
        raise SparqlError("the query process died before answering (out of memory?). "
                          "Narrow the query or add a LIMIT.")
    outcome, value = pickle.loads(data)
    if outcome == "error":
        raise value
    return value


def _close_inherited(keep: int) -> None:
    """Hold no other request's socket or pipe open (its client would wait for this child to end), but
    keep regular files: an on-disk store (kg.graph.oxstore) reads through the ones it opened."""
    try:
        fds = [int(name) for name in os.listdir("/proc/self/fd")]
    except OSError:  # no /proc (macOS, BSD): look at every possible descriptor
        fds = range(3, _max_fd())
    for fd in fds:
        if fd < 3 or fd == keep:
            continue
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                os.close(fd)
        except OSError:  # not open (or the listing's own descriptor, closed already)
            pass


def _max_fd() -> int:
    try:
        return min(os.sysconf("SC_OPEN_MAX"), 65536)
    except (ValueError, OSError):
        return 4096


def _answer(write_end: int, function: Callable[..., Any], args: tuple) -> None:
    try:
        payload = ("ok", function(*args))
    except SparqlError as e:
        payload = ("error", e)
    except BaseException as e:  # noqa: BLE001 - reported to the parent, which decides
        payload = ("error", SparqlError(f"the query failed: {type(e).__name__}: {e}"))
    try:
        data = pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception as e:  # an unpicklable term or error: say so rather than hang the parent
        data = pickle.dumps(("error", SparqlError(f"the result could not be sent back: {e}")))
    with os.fdopen(write_end, "wb") as pipe:
        pipe.write(data)


def _read_all(fd: int, deadline: float) -> bytes:
    chunks = []
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            raise QueryTimeout(0)
        ready, _, _ = select.select([fd], [], [], left)
        if not ready:
            raise QueryTimeout(0)
        chunk = os.read(fd, 1 << 20)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)


def _kill(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def _reap(pid: int) -> None:
    try:
        os.waitpid(pid, 0)
    except ChildProcessError:
        pass
