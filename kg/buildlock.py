"""One writer per output directory: `kg build` holds an flock on OUT/.kg-build.lock while it writes.

Two builds into the same OUT (a cron job overlapping a manual run) would both append every document to
OUT/documents.jsonl and race to replace the graph. The second one waits for the first (or, asked not to
wait, fails at once) and is told who holds the lock: the holder writes its pid, host, start time and
command into the lock file. The kernel drops an flock when its process dies, however it dies, so a
lock left by a killed build never blocks the next one; the file itself stays (removing it would let a
third process lock a different file of the same name). Readers (`kg sparql`, `kg serve`, ...) never
take the lock: they read OUT/graph.trig, which a build replaces atomically, so they see the last
complete graph while a build runs.
"""

from __future__ import annotations

import datetime as dt
import os
import socket
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: no flock; builds are not serialized there
    fcntl = None

LOCK_FILE = ".kg-build.lock"
_held: set[tuple[str, int]] = set()  # (lock path, thread) this process holds: taking it again is a no-op


class BuildLocked(RuntimeError):
    """Another process is building into the same directory (raised when told not to wait)."""


def holder_line() -> str:
    """Who this process is, as written into the lock file."""
    since = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M:%S UTC")
    command = " ".join([os.path.basename(sys.argv[0] or "python"), *sys.argv[1:]]) if sys.argv else ""
    command = command if len(command) <= 200 else command[:197] + "..."
    return f"pid {os.getpid()} on {socket.gethostname()}, since {since} ({command})"


def describe_holder(path: Path) -> str:
    """What the lock file says about its holder (it may not have written it yet)."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace").strip()
    except OSError:
        text = ""
    return text.splitlines()[0] if text else "a process that has not said who it is yet"


@contextmanager
def build_lock(out: str | Path, wait: bool = True,
               on_wait: Callable[[str], None] | None = None) -> Iterator[Path]:
    """Hold OUT's build lock for the duration of the block.

    Busy: with ``wait`` it calls ``on_wait(holder)`` once and blocks until the holder ends; without it
    raises BuildLocked naming the holder. An OUT that cannot be written raises the OSError (read-only
    file system, permission denied), before anything in OUT is touched. The thread holding the lock may
    take it again (the command line takes it before loading the models, then calls the builder).
    """
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    path = out / LOCK_FILE
    key = (str(path.resolve()), threading.get_ident())
    if key in _held:
        yield path
        return
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
    try:
        if fcntl is not None:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                holder = describe_holder(path)
                if not wait:
                    raise BuildLocked(
                        f"another kg build is writing {out}: {holder}. Wait for it to finish, or run "
                        "again without --no-wait to queue behind it") from None
                if on_wait is not None:
                    on_wait(holder)
                fcntl.flock(fd, fcntl.LOCK_EX)
        os.ftruncate(fd, 0)
        os.pwrite(fd, (holder_line() + "\n").encode("utf-8"), 0)
        _held.add(key)
        try:
            yield path
        finally:
            _held.discard(key)
        os.ftruncate(fd, 0)  # nobody holds it now
    finally:
        os.close(fd)  # closing the descriptor drops the flock
