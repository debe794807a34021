"""The executor: run the per-file pipeline over the files, in this process or in a
pool of worker processes, with the same outcomes in the same order either way."""
from __future__ import annotations

import os

TYPE_CHECKING = False   # not typing's: importing typing costs every start 4 ms
if TYPE_CHECKING:
    from typing import Callable, Optional

# More files than this are linted in parallel by default: below it, starting the
# processes costs more than it saves.
PARALLEL_MIN_FILES = 8
# Files sent to a worker at once: enough that a small file's dispatch costs little next to
# linting it, few enough that the workers finish together and progress stays smooth.
MAX_CHUNK = 32
# Seconds between a worker's looks at whether the process that started it is still there.
PARENT_CHECK_EVERY = 0.5


def default_jobs(n_files: int) -> int:
    return (os.cpu_count() or 1) if n_files > PARALLEL_MIN_FILES else 1


def chunk_size(n_tasks: int, workers: int) -> int:
    """Four chunks per worker at least, so that one slow file does not leave the others idle."""
    return max(1, min(MAX_CHUNK, n_tasks // (workers * 4)))


def outcomes(process: Callable, tasks: list, jobs: Optional[int],
             make_process: Optional[tuple] = None):
    """Each task's Outcome, in task order.  ``process(*task)`` lints one file here;
    ``make_process`` = (factory, settings), where ``factory(**settings).process`` does the
    same in a worker (None: run everything in this process)."""
    if jobs is None:
        jobs = default_jobs(len(tasks))
    if jobs <= 1 or len(tasks) <= 1 or make_process is None:
        for task in tasks:
            yield process(*task)
        return
    import multiprocessing

    # fork shares the parent's loaded modules; elsewhere workers import afresh.
    context = multiprocessing.get_context(
        "fork" if "fork" in multiprocessing.get_all_start_methods() else None)
    workers = min(jobs, len(tasks))
    # Each worker builds its pipeline once and keeps it: the rules, their automatons and
    # the configurations serve every file it is sent.
    pool = context.Pool(workers, initializer=_init_worker,
                        initargs=(*make_process, os.getpid()))
    try:
        yield from pool.imap(_work, tasks, chunksize=chunk_size(len(tasks), workers))
    except BaseException:   # Ctrl-C, or the reader stopped: drop the queued files
        pool.terminate()
        raise
    pool.close()
    pool.join()


_worker_process: Optional[Callable] = None
_worker_failed: Optional[Exception] = None   # why this worker has no pipeline


def _init_worker(factory: Callable, settings: dict, parent: int) -> None:
    """Each worker builds its own pipeline, rules and automatons."""
    import signal
    import threading

    # Ctrl-C is the parent's to handle: a worker would print a traceback of its own.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_with, args=(parent,), daemon=True).start()
    global _worker_process, _worker_failed
    try:
        _worker_process = factory(**settings).process
    except Exception as e:   # a pool restarts a worker whose initializer raises, forever
        _worker_failed = e


def _exit_with(parent: int) -> None:
    """End this worker once its parent is gone (killed, say): it would otherwise wait for
    files that never come, an orphan."""
    import time

    while os.getppid() == parent:
        time.sleep(PARENT_CHECK_EVERY)
    os._exit(1)


def _work(task: tuple):
    if _worker_failed is not None:   # the parent raises it, and stops the pool
        raise _worker_failed
    assert _worker_process is not None  # _init_worker ran in this process
    outcome = _worker_process(*task)
    outcome.doc = None  # its caches need not pickle: the parent builds it if it needs it
    return outcome
