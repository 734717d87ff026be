"""Reading files under a budget: each file gets a time and a memory allowance, and a file
that spends it is reported ("took too long", "too large once unpacked") while the run goes
on. Worker processes never outlive the process that started them.

Two ways to run, chosen by the caller (``services/ingest.py``):

- **Worker processes** (many files): each worker reads one file at a time. Inside it a
  watchdog thread interrupts a file past its time, and the address space is capped
  (``RLIMIT_AS``) at what the worker uses plus the memory allowance, so an allocation past
  it fails there and then. The parent kills a worker that does not answer in time (a reader
  stuck inside C code cannot be interrupted) and starts another; a worker that dies takes
  only its own file with it. A worker exits when its parent goes, however it goes: Linux
  sends it SIGKILL (``PR_SET_PDEATHSIG``), and on every platform its watchdog sees its parent
  change and its pipe to the parent close.
- **In this process** (few files: starting workers costs more than reading them): the same
  watchdog interrupts the file past its time or once this process has grown by more than the
  allowance while reading it. It cannot cap an allocation before it happens, nor stop code
  stuck inside a C call, which is why many files, and any run that can afford it, go to
  workers.
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from typing import Generic, TypeVar

R = TypeVar("R")
Task = Callable[[str, str], R]  # (a file's path, its relpath)

POLL_SECONDS = 0.05  # how often the watchdog looks at the clock and the memory in use
PARENT_POLL_SECONDS = 0.5  # how often a worker checks its parent is still there
STARTUP_FAILURES = 2  # workers that die before they are ready: run in this process instead
JOBS_PER_WORKER = 2  # files sent ahead to a worker, so it never waits for the parent


@dataclass(frozen=True, slots=True)
class FileBudget:
    """What one file may cost to read and parse (``ingest`` in config.yaml)."""

    seconds: float = 30.0
    memory_mb: int = 1024

    @property
    def took_too_long(self) -> str:
        return (
            f"took too long: more than {self.seconds:g} s to read "
            "(ingest.file_seconds in config.yaml)"
        )

    @property
    def too_large(self) -> str:
        return (
            f"too large once unpacked: more than {self.memory_mb} MB in memory "
            "(ingest.file_memory_mb in config.yaml)"
        )

    @property
    def kill_after(self) -> float:
        """When the parent stops waiting for a worker whose own watchdog did not stop the
        file (stuck inside C code): a grace past the budget, never before it."""
        return self.seconds + max(2.0, self.seconds / 2)


class BudgetSpent(BaseException):
    """Raised inside the thread reading a file when its budget is spent. A BaseException,
    so the readers' own ``except Exception`` cannot swallow it."""


class OutOfTime(BudgetSpent):
    pass


class OutOfMemory(BudgetSpent):
    pass


# ---- measuring a process ----------------------------------------------------------------


def _statm_bytes(field_index: int) -> int | None:
    try:
        with open("/proc/self/statm", "rb") as handle:
            return int(handle.read().split()[field_index]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError, AttributeError):
        return None


def resident_bytes() -> int | None:
    """Memory this process holds now (Linux), or its peak (elsewhere), or None."""
    found = _statm_bytes(1)
    if found is not None:
        return found
    try:
        import resource

        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    except (ImportError, OSError):
        return None
    return int(peak) if sys.platform == "darwin" else int(peak) * 1024


@contextlib.contextmanager
def address_space_cap(extra_bytes: int) -> Iterator[None]:
    """Cap this process's address space at its present size plus ``extra_bytes`` for the
    block (Linux; elsewhere the cap is not enforced and nothing is done)."""
    size = _statm_bytes(0)
    try:
        import resource
    except ImportError:
        yield
        return
    if size is None or not sys.platform.startswith("linux"):
        yield
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    cap = size + extra_bytes
    if hard != resource.RLIM_INFINITY:
        cap = min(cap, hard)
    resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


# ---- the watchdog -----------------------------------------------------------------------


def _raise_in(thread_id: int, exception: type[BaseException] | None) -> None:
    """Make ``exception`` be raised in the thread at its next Python instruction (None:
    withdraw one not raised yet). CPython only; elsewhere budgets are not interrupted."""
    if sys.implementation.name != "cpython":
        return
    target = ctypes.c_ulong(thread_id)
    if exception is None:
        ctypes.pythonapi.PyThreadState_SetAsyncExc(target, None)
    else:
        ctypes.pythonapi.PyThreadState_SetAsyncExc(target, ctypes.py_object(exception))


@dataclass(slots=True)
class _Watched:
    thread_id: int
    deadline: float
    memory_limit: int | None


class Watchdog:
    """Watches the file being read by the thread inside :meth:`watch`: past its time, or
    with this process grown by more than its memory allowance (when ``memory`` is set),
    :class:`OutOfTime` or :class:`OutOfMemory` is raised in that thread. In a worker it also
    ends the process when the parent has gone."""

    def __init__(self, budget: FileBudget, *, memory: bool, parent_pid: int | None = None) -> None:
        self.budget = budget
        self.memory = memory
        self.parent_pid = parent_pid
        self._lock = threading.Condition()
        self._watched: _Watched | None = None
        self._fired: type[BudgetSpent] | None = None
        self._stopped = False
        self._thread = threading.Thread(target=self._run, name="file-budget", daemon=True)
        self._thread.start()

    @contextlib.contextmanager
    def watch(self) -> Iterator[None]:
        """Hold the calling thread to the budget for the block. The caller catches
        :class:`BudgetSpent` around the block (it may be raised as the block ends)."""
        start = resident_bytes() if self.memory else None
        limit = None if start is None else start + self.budget.memory_mb * 1_048_576
        with self._lock:
            deadline = time.monotonic() + self.budget.seconds
            self._watched = _Watched(threading.get_ident(), deadline, limit)
            self._fired = None
            self._lock.notify()
        try:
            yield
        finally:
            with self._lock:
                self._watched = None
                fired = self._fired
            if fired is not None:  # it fired as the block ended: withdraw it if still pending
                _raise_in(threading.get_ident(), None)

    def stop(self) -> None:
        with self._lock:
            self._stopped = True
            self._lock.notify()
        self._thread.join()

    def _run(self) -> None:
        parent_checked = time.monotonic()
        with self._lock:
            while not self._stopped:
                self._lock.wait(POLL_SECONDS)
                now = time.monotonic()
                if self.parent_pid is not None and now - parent_checked > PARENT_POLL_SECONDS:
                    parent_checked = now
                    if os.getppid() != self.parent_pid:
                        os._exit(1)  # the parent has gone: nobody wants what we read
                watched = self._watched
                if watched is None:
                    continue
                spent: type[BudgetSpent] | None = None
                if now > watched.deadline:
                    spent = OutOfTime
                elif watched.memory_limit is not None:
                    resident = resident_bytes()
                    if resident is not None and resident > watched.memory_limit:
                        spent = OutOfMemory
                if spent is not None:
                    self._fired = spent
                    self._watched = None
                    _raise_in(watched.thread_id, spent)


def run_guarded(
    task: Task[R],
    failed: Callable[[str, str], R],
    path: str,
    relpath: str,
    watchdog: Watchdog,
    *,
    cap_memory: bool,
) -> R:
    """``task(path, relpath)`` held to the watchdog's budget; a spent budget (or a failed
    allocation) becomes ``failed(path, reason)``."""
    return _guarded(task, failed, path, relpath, watchdog, cap_memory=cap_memory)[0]


def _guarded(
    task: Task[R],
    failed: Callable[[str, str], R],
    path: str,
    relpath: str,
    watchdog: Watchdog,
    *,
    cap_memory: bool,
) -> tuple[R, bool]:
    """As :func:`run_guarded`, and whether the file ran out of memory."""
    budget = watchdog.budget
    cap = (
        address_space_cap(budget.memory_mb * 1_048_576) if cap_memory else contextlib.nullcontext()
    )
    try:
        with cap, watchdog.watch():
            return task(path, relpath), False
    except OutOfTime:
        return failed(path, budget.took_too_long), False
    except (OutOfMemory, MemoryError):
        return failed(path, budget.too_large), True


def run_here(
    files: list[tuple[str, str]],
    task: Task[R],
    failed: Callable[[str, str], R],
    budget: FileBudget,
) -> Iterator[R]:
    """Each file read in this process, in order, under the budget (see the module
    docstring for what that can and cannot stop)."""
    watchdog = Watchdog(budget, memory=True)
    try:
        for path, relpath in files:
            yield run_guarded(task, failed, path, relpath, watchdog, cap_memory=False)
    finally:
        watchdog.stop()


# ---- worker processes -------------------------------------------------------------------

PR_SET_PDEATHSIG = 1


def _die_with_parent(parent_pid: int) -> None:
    """Ask Linux to kill this process when its parent goes; on any platform, exit now if
    the parent has gone already (it may go before we could ask)."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent_pid:
        os._exit(1)


def start_worker(parent_pid: int) -> None:
    """What a worker process does first, in any pool: exit with its parent (see
    :func:`_die_with_parent`) and leave ctrl-c to the parent."""
    _die_with_parent(parent_pid)
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _worker_main(
    conn: Connection,
    parent_pid: int,
    budget: FileBudget,
    task: Task[R],
    failed: Callable[[str, str], R],
) -> None:
    """A worker: read the files the parent sends, one at a time, until told to stop or the
    parent goes."""
    _die_with_parent(parent_pid)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # ctrl-c is the parent's to handle
    watchdog = Watchdog(budget, memory=False, parent_pid=parent_pid)
    with contextlib.suppress(EOFError, OSError, KeyboardInterrupt):
        conn.send(("ready", os.getpid()))
        while True:
            job = conn.recv()
            if job is None:
                return
            index, path, relpath = job
            result, out_of_memory = _guarded(task, failed, path, relpath, watchdog, cap_memory=True)
            try:
                conn.send((index, result))
            except MemoryError:
                conn.send((index, failed(path, budget.too_large)))
                return
            if out_of_memory:
                return  # a process that ran out of memory is not trusted with another file


Job = tuple[int, str, str]  # (the file's place in the run, its path, its relpath)


@dataclass(slots=True)
class _Worker:
    process: BaseProcess
    conn: Connection
    ready: bool = False
    # Files sent, in order: the first is being read (since ``started``), the next waits in
    # the pipe so the worker goes straight on to it.
    jobs: deque[Job] = field(default_factory=deque)
    started: float = 0.0
    killed: bool = False


@dataclass(slots=True)
class _Shared(Generic[R]):
    results: dict[int, R] = field(default_factory=dict)
    taken: int = 0  # results handed to the caller so far
    fallback_from: int | None = None  # workers cannot run: the caller reads from here on
    error: BaseException | None = None
    closing: bool = False


class WorkerPool(Generic[R]):
    """Files read by worker processes (see the module docstring), results in file order,
    at most ``window`` results ahead of the caller."""

    def __init__(
        self,
        files: list[tuple[str, str]],
        task: Task[R],
        failed: Callable[[str, str], R],
        budget: FileBudget,
        *,
        workers: int,
        window: int,
    ) -> None:
        self.files = files
        self.task = task
        self.failed = failed
        self.budget = budget
        self.count = max(1, min(workers, len(files)))
        self.window = max(window, self.count * JOBS_PER_WORKER)
        self._context = multiprocessing.get_context("spawn")
        self._shared: _Shared[R] = _Shared()
        self._changed = threading.Condition()
        self._workers: list[_Worker] = []
        self._next = 0  # the next file never handed out
        self._again: deque[Job] = deque()  # files waiting behind one whose worker died
        self._startup_failures = 0
        self._manager = threading.Thread(target=self._manage, name="parse-pool", daemon=True)

    def __iter__(self) -> Iterator[R]:
        self._manager.start()
        try:
            for index in range(len(self.files)):
                found, result = self._take(index)
                if not found:  # workers cannot run here: read the rest in this process
                    rest = self.files[index:]
                    yield from run_here(rest, self.task, self.failed, self.budget)
                    return
                yield result  # type: ignore[misc]
        finally:
            self.close()

    def _take(self, index: int) -> tuple[bool, R | None]:
        """The result for file ``index`` once it is in; (False, None) if the rest must be
        read in this process."""
        with self._changed:
            shared = self._shared
            while True:
                if index in shared.results:
                    shared.taken = index + 1
                    return True, shared.results.pop(index)
                if shared.error is not None:
                    raise shared.error
                if shared.fallback_from is not None and index >= shared.fallback_from:
                    return False, None
                self._changed.wait(0.5)

    def close(self) -> None:
        with self._changed:
            self._shared.closing = True
            self._changed.notify_all()
        if self._manager.is_alive():
            self._manager.join()

    # -- the manager thread: hands out files, collects results, replaces workers

    def _manage(self) -> None:
        try:
            while not self._closing() and not self._finished():
                if not self._staff():
                    self._fall_back()
                    return
                self._hand_out()
                self._collect(self._wait())
                self._enforce_deadlines()
        except BaseException as exc:  # the caller re-raises it
            with self._changed:
                self._shared.error = exc
                self._changed.notify_all()
        finally:
            self._stop_workers()

    def _closing(self) -> bool:
        with self._changed:
            return self._shared.closing

    def _unsent(self) -> int:
        return len(self._again) + len(self.files) - self._next

    def _finished(self) -> bool:
        return not self._unsent() and not any(w.jobs for w in self._workers)

    def _staff(self) -> bool:
        """Keep ``count`` workers (fewer near the end); False when workers cannot start here
        at all."""
        busy = sum(1 for w in self._workers if w.jobs)
        while len(self._workers) < min(self.count, self._unsent() + busy):
            if self._startup_failures >= STARTUP_FAILURES:
                return False
            parent_end, child_end = self._context.Pipe()
            process = self._context.Process(
                target=_worker_main,
                args=(child_end, os.getpid(), self.budget, self.task, self.failed),
                daemon=True,
                name="scrutiny-parse",
            )
            try:
                process.start()
            except OSError:
                self._startup_failures = STARTUP_FAILURES
                return False
            finally:
                child_end.close()
            self._workers.append(_Worker(process, parent_end))
        return True

    def _hand_out(self) -> None:
        with self._changed:
            limit = self._shared.taken + self.window
        for worker in self._workers:
            while worker.ready and len(worker.jobs) < JOBS_PER_WORKER:
                if self._again:
                    job = self._again.popleft()
                elif self._next < min(len(self.files), limit):
                    job = (self._next, *self.files[self._next])
                    self._next += 1
                else:
                    return
                if not worker.jobs:
                    worker.started = time.monotonic()
                worker.jobs.append(job)
                with contextlib.suppress(OSError):  # if it died, _collect reports the file
                    worker.conn.send(job)

    def _wait(self) -> list[object]:
        deadlines = [w.started + self.budget.kill_after for w in self._workers if w.jobs]
        timeout = 0.1
        if deadlines:
            timeout = min(timeout, max(0.0, min(deadlines) - time.monotonic()))
        handles: list[object] = [w.conn for w in self._workers]
        handles += [w.process.sentinel for w in self._workers]
        return list(wait(handles, timeout))  # type: ignore[arg-type]

    def _collect(self, ready: list[object]) -> None:
        for worker in list(self._workers):
            gone = worker.process.sentinel in ready
            if worker.conn in ready or gone:
                self._read(worker)
            if gone or not worker.process.is_alive():
                self._read(worker)
                self._bury(worker)

    def _read(self, worker: _Worker) -> None:
        try:
            while worker.conn.poll():
                message = worker.conn.recv()
                if isinstance(message, tuple) and message and message[0] == "ready":
                    worker.ready = True
                    self._startup_failures = 0
                    continue
                index, result = message
                if worker.jobs and worker.jobs[0][0] == index:
                    worker.jobs.popleft()
                    # The next file began when this one ended: no earlier than now.
                    worker.started = time.monotonic()
                self._deliver(index, result)
        except (EOFError, OSError):
            pass

    def _deliver(self, index: int, result: R) -> None:
        with self._changed:
            self._shared.results[index] = result
            self._changed.notify_all()

    def _bury(self, worker: _Worker) -> None:
        """A worker that ended: the file it was reading (if any) is reported, the files
        waiting behind it go to another worker, and it is not reused."""
        worker.process.join(1)
        if worker.jobs:
            index, path, _ = worker.jobs.popleft()
            self._deliver(index, self.failed(path, self._why_ended(worker)))
            self._again.extendleft(reversed(worker.jobs))
            worker.jobs.clear()
        elif not worker.ready:
            self._startup_failures += 1
        worker.conn.close()
        self._workers.remove(worker)

    def _why_ended(self, worker: _Worker) -> str:
        if worker.killed:
            return self.budget.took_too_long
        code = worker.process.exitcode
        if code is not None and code < 0:
            name = signal.Signals(-code).name if -code in signal.valid_signals() else str(-code)
            if -code == signal.SIGKILL:
                return f"the reader was killed ({name}), most often for want of memory"
            return f"the reader crashed on it ({name})"
        return f"the reader stopped on it (exit status {code})"

    def _enforce_deadlines(self) -> None:
        now = time.monotonic()
        for worker in list(self._workers):
            if worker.jobs and now > worker.started + self.budget.kill_after:
                worker.killed = True
                worker.process.kill()
                worker.process.join(5)
                self._bury(worker)

    def _fall_back(self) -> None:
        with self._changed:
            waiting = [job[0] for w in self._workers for job in w.jobs]
            waiting += [job[0] for job in self._again]
            self._shared.fallback_from = min([*waiting, self._next])
            self._changed.notify_all()

    def _stop_workers(self) -> None:
        for worker in self._workers:
            with contextlib.suppress(OSError):
                worker.conn.send(None)
        for worker in self._workers:
            worker.process.join(1)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join(1)
            worker.conn.close()
        self._workers.clear()
