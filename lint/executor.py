"""The executor: run the per-file pipeline over the files, in this process or in a
pool of worker processes, with the same outcomes in the same order either way."""
from __future__ import annotations

import os
from typing import Callable, Optional

# More files than this are linted in parallel by default: below it, starting the
# processes costs more than it saves.
PARALLEL_MIN_FILES = 8


def default_jobs(n_files: int) -> int:
    return (os.cpu_count() or 1) if n_files > PARALLEL_MIN_FILES else 1


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
    from concurrent.futures import ProcessPoolExecutor

    # fork shares the parent's loaded modules; elsewhere workers import afresh.
    context = multiprocessing.get_context(
        "fork" if "fork" in multiprocessing.get_all_start_methods() else None)
    workers = min(jobs, len(tasks))
    chunk = max(1, min(8, len(tasks) // (workers * 4)))
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context,
                               initializer=_init_worker, initargs=make_process)
    try:
        yield from pool.map(_work, tasks, chunksize=chunk)
    except BaseException:   # Ctrl-C, or the reader stopped: drop the queued files
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()


_worker_process: Optional[Callable] = None


def _init_worker(factory: Callable, settings: dict) -> None:
    """Each worker builds its own pipeline, rules and automatons."""
    import signal

    # Ctrl-C is the parent's to handle: a worker would print a traceback of its own.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    global _worker_process
    _worker_process = factory(**settings).process


def _work(task: tuple):
    assert _worker_process is not None  # _init_worker ran in this process
    outcome = _worker_process(*task)
    outcome.doc = None  # its caches need not pickle: the parent rebuilds it
    return outcome
