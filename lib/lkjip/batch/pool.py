"""The local worker processes of a batch, each building one kecamatan at a time on a leash.

The parent hands a worker one task with a deadline and a scratch folder the parent created, and
reads the worker's progress and result from a pipe. So the parent can

- end a worker that passes its deadline from outside (a notebook cell may swallow the alarm that
  :func:`lkjip.batch.unit.run_unit` raises inside it), report that kecamatan as timed out and go
  on with a fresh worker;
- fail only the kecamatan a worker held when it dies (killed, out of memory): the others are
  built by the workers left and by fresh ones;
- remove every scratch folder itself, whatever became of its worker. The worker's temporary
  files (renderer scratch included) live inside it; the folders of a batch killed outright are
  swept by the next one.

Each worker leads a process group of its own, so ending it ends what it started (pandoc) too, and
Ctrl-C on the terminal reaches the parent only: the parent stops the workers, and while it does
so a second Ctrl-C is ignored. On Linux a worker dies with its parent, however the parent died.
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import re
import shutil
import signal
import sys
import tempfile
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Generic, TypeVar

from lkjip.batch.unit import SCRATCH_PREFIX, UnitResult, UnitTask, run_unit, timeout_reason
from lkjip.files import writing

GRACE = 2.0  # seconds a worker gets past its timeout to stop itself before it is killed
EVENT, RESULT = "tahap", "hasil"  # what a worker sends: a stage message, then its result
LOST = "proses pekerja berhenti tak terduga"
PR_SET_PDEATHSIG = 1  # linux/prctl.h

Key = TypeVar("Key")


@dataclass
class _Worker(Generic[Key]):
    process: BaseProcess
    conn: Connection
    key: Key | None = None
    task: UnitTask | None = None
    scratch: Path | None = None
    started: float = 0.0
    deadline: float = 0.0

    @property
    def busy(self) -> bool:
        return self.task is not None


class LocalPool(Generic[Key]):
    """``size`` worker processes (forked, so each starts with this process's imports)."""

    def __init__(self, size: int) -> None:
        self.size = max(1, size)
        self.context = multiprocessing.get_context("fork")
        self.workers: list[_Worker[Key]] = []

    def run(
        self, tasks: Iterable[tuple[Key, UnitTask]], on_event: Callable[[Key, str], None]
    ) -> Iterator[tuple[Key, UnitResult]]:
        """Each task's result as it comes, every task exactly once; ``on_event`` gets the
        stages a worker reports. Closing the iterator early (an error, Ctrl-C) ends every
        worker and removes every scratch folder."""
        sweep_scratch()
        pending = deque(tasks)
        finished = False
        try:
            while pending or any(w.busy for w in self.workers):
                self._dispatch(pending)
                yield from self._collect(on_event)
            finished = True
        finally:
            self.close(graceful=finished)

    def close(self, graceful: bool = True) -> None:
        """Stop every worker (idle ones asked, the others killed) and remove their scratch."""
        with _interrupts_ignored():
            if graceful:
                for worker in self.workers:
                    if not worker.busy:
                        with contextlib.suppress(OSError):
                            worker.conn.send(None)
            for worker in list(self.workers):
                if graceful and not worker.busy:
                    worker.process.join(timeout=5)
                self._discard(worker, kill=worker.process.exitcode is None)

    # --- giving out work ---------------------------------------------------------------------
    def _dispatch(self, pending: deque[tuple[Key, UnitTask]]) -> None:
        while pending and (worker := self._idle()) is not None:
            key, task = pending.popleft()
            scratch = new_scratch()
            try:
                worker.conn.send((task, str(scratch)))
            except OSError:  # it died while idle: the task goes to another worker
                _remove(scratch)
                pending.appendleft((key, task))
                self._discard(worker)
                continue
            worker.key, worker.task, worker.scratch = key, task, scratch
            worker.started = time.monotonic()
            worker.deadline = worker.started + task.timeout + GRACE

    def _idle(self) -> _Worker[Key] | None:
        for dead in [w for w in self.workers if not w.busy and not w.process.is_alive()]:
            self._discard(dead, kill=False)  # an idle worker has started nothing
        idle = next((w for w in self.workers if not w.busy), None)
        if idle is None and len(self.workers) < self.size:
            idle = self._spawn()
        return idle

    def _spawn(self) -> _Worker[Key]:
        ours, theirs = self.context.Pipe()
        process = self.context.Process(
            target=_serve,
            args=(theirs, os.getpid()),
            name=f"lkjip-pekerja-{len(self.workers) + 1}",
            daemon=True,
        )
        with _interrupts_held():  # until the worker ignores them itself
            process.start()
        with contextlib.suppress(OSError):  # its own group (the worker sets it too: no race)
            os.setpgid(process.pid, process.pid)
        theirs.close()  # only the worker holds its end: its death reads as end of file here
        worker: _Worker[Key] = _Worker(process, ours)
        self.workers.append(worker)
        return worker

    # --- taking in results -------------------------------------------------------------------
    def _collect(self, on_event: Callable[[Key, str], None]) -> Iterator[tuple[Key, UnitResult]]:
        """Wait until a worker says something, dies or passes its deadline; handle each."""
        busy = [w for w in self.workers if w.busy]
        if not busy:
            return
        timeout = max(0.0, min(w.deadline for w in busy) - time.monotonic())
        ready = set(wait([w.conn for w in busy] + [w.process.sentinel for w in busy], timeout))
        for worker in busy:
            if worker.conn in ready:
                done = self._receive(worker, on_event)
            elif worker.process.sentinel in ready:
                done = self._lost(worker)
            elif time.monotonic() >= worker.deadline:
                done = self._overdue(worker)
            else:
                continue
            if done is not None:
                yield done

    def _receive(
        self, worker: _Worker[Key], on_event: Callable[[Key, str], None]
    ) -> tuple[Key, UnitResult] | None:
        try:
            kind, payload = worker.conn.recv()
        except (EOFError, OSError):
            return self._lost(worker)
        if kind == EVENT:
            on_event(worker.key, payload)  # type: ignore[arg-type]
            return None
        done = (worker.key, payload)
        _remove(worker.scratch)
        worker.key, worker.task, worker.scratch = None, None, None
        return done  # type: ignore[return-value]

    def _lost(self, worker: _Worker[Key]) -> tuple[Key, UnitResult]:
        """The worker died holding a task: only that task fails."""
        exitcode = _end(worker.process)
        return self._failed(worker, LOST + _how(exitcode))

    def _overdue(self, worker: _Worker[Key]) -> tuple[Key, UnitResult]:
        """Past its deadline (a cell may swallow the alarm): ended from outside."""
        assert worker.task is not None
        _end(worker.process)
        return self._failed(worker, timeout_reason(worker.task.timeout))

    def _failed(self, worker: _Worker[Key], reason: str) -> tuple[Key, UnitResult]:
        """The result of the ended worker's task, which failed for ``reason``."""
        assert worker.task is not None
        result = UnitResult(worker.task.slug, False, reason=reason)
        result.seconds = time.monotonic() - worker.started
        key = worker.key
        self._discard(worker, kill=False)
        return key, result  # type: ignore[return-value]

    def _discard(self, worker: _Worker[Key], kill: bool = True) -> None:
        """Forget the worker, ended first unless ``kill`` is False; its scratch folder goes."""
        if kill:
            _end(worker.process)
        worker.process.join(timeout=10)
        worker.conn.close()
        _remove(worker.scratch)
        self.workers.remove(worker)


def _end(process: BaseProcess) -> int | None:
    """Kill the worker and whatever it started (its process group, before it is reaped, so the
    group cannot be another's); its exit code once it is gone."""
    for kill in (os.killpg, os.kill):
        with contextlib.suppress(ProcessLookupError, PermissionError):
            kill(process.pid, signal.SIGKILL)  # type: ignore[arg-type]
    process.join(timeout=10)
    return process.exitcode


def _how(exitcode: int | None) -> str:
    """How a worker ended, e.g. `` (sinyal SIGKILL)``."""
    if exitcode is None or exitcode == 0:
        return ""
    if exitcode < 0:
        with contextlib.suppress(ValueError):
            return f" (sinyal {signal.Signals(-exitcode).name})"
    return f" (kode keluar {exitcode})"


# --- scratch folders -----------------------------------------------------------------------------
def new_scratch() -> Path:
    """A scratch folder owned by this process: ``lkjip-unit-<pid>-…`` in the temporary folder."""
    where = tempfile.gettempdir()
    with writing(where):
        return Path(tempfile.mkdtemp(prefix=f"{SCRATCH_PREFIX}{os.getpid()}-", dir=where))


def sweep_scratch() -> None:
    """Remove the scratch folders of batches whose process is gone (killed before it could)."""
    pattern = re.compile(rf"{re.escape(SCRATCH_PREFIX)}(\d+)-")
    for folder in Path(tempfile.gettempdir()).glob(f"{SCRATCH_PREFIX}*"):
        owner = pattern.match(folder.name)
        if owner and not _alive(int(owner.group(1))):
            _remove(folder)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process
        return True
    return True


def _remove(folder: Path | None) -> None:
    """Remove a scratch folder; again if a process just killed was still writing in it."""
    if folder is None:
        return
    for _attempt in range(3):
        shutil.rmtree(folder, ignore_errors=True)
        if not folder.exists():
            return
        time.sleep(0.05)


@contextlib.contextmanager
def _interrupts_ignored() -> Iterator[None]:
    """Ctrl-C has no effect inside (the main thread only can set a signal handler)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


@contextlib.contextmanager
def _interrupts_held() -> Iterator[None]:
    """Ctrl-C waits until the block is done (a child forked inside starts with it held)."""
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


# --- inside a worker -----------------------------------------------------------------------------
def _serve(conn: Connection, parent: int) -> None:
    """A worker's life: take a task, build it in the scratch folder given, send the result."""
    with contextlib.suppress(OSError):  # a group of its own: ending it ends what it started
        os.setpgid(0, 0)
    _die_with_parent()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    if os.getppid() != parent:  # the parent died before its death could take this one along
        return
    try:
        while _work_waiting(conn, parent):
            message = conn.recv()
            if message is None:
                return
            task, scratch = message
            with _temporary_files_in(scratch):
                result = run_unit(task, lambda text: _send(conn, (EVENT, text)), Path(scratch))
            _send(conn, (RESULT, result))
    except (EOFError, OSError):  # the parent is gone
        return


def _die_with_parent() -> None:
    """On Linux the kernel kills this process when its parent dies, even by SIGKILL."""
    if not sys.platform.startswith("linux"):
        return
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)


def _work_waiting(conn: Connection, parent: int) -> bool:
    """Wait for the next message; False once the parent is gone (its pipe may stay open in
    other workers)."""
    while not conn.poll(1.0):
        if os.getppid() != parent:
            return False
    return True


def _send(conn: Connection, message: object) -> None:
    """Send whole: the timeout alarm is held back until the message is out, so it cannot cut
    one in half (a worker runs one thread, the one that blocks the signal)."""
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
    try:
        conn.send(message)
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGALRM})


@contextlib.contextmanager
def _temporary_files_in(folder: str) -> Iterator[None]:
    """Every temporary file of the unit (Python's and its subprocesses') inside ``folder``."""
    saved_dir, saved_env = tempfile.tempdir, os.environ.get("TMPDIR")
    tempfile.tempdir, os.environ["TMPDIR"] = folder, folder
    try:
        yield
    finally:
        tempfile.tempdir = saved_dir
        if saved_env is None:
            os.environ.pop("TMPDIR", None)
        else:
            os.environ["TMPDIR"] = saved_env
