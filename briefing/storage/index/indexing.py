"""Reading brief files for the library index: in this thread, or in worker processes.

:func:`index_file` reads one file into an :class:`IndexedFile` (its identity on
disk and its summary or problems); :func:`index_in_processes` runs it over many
files in ``python -m briefing.storage.index.worker`` processes, one per core,
since parsing and validating is pure Python and threads would share one core.
:func:`~briefing.storage.index.refreshing.refresh` stores what comes back in the index.
"""

from __future__ import annotations

import base64
import json
import os
import pickle
import queue
import subprocess
import sys
import threading
from collections.abc import Generator, Iterator
from contextlib import closing
from datetime import tzinfo
from pathlib import Path

import briefing
from briefing.core.errors import BriefError, Problem
from briefing.core.library import summarize
from briefing.core.library_items import brief_items
from briefing.storage.index.briefs import content_digest as content_digest  # also ours
from briefing.storage.index.briefs import pack
from briefing.storage.index.database import entry_from_row as entry_from_row
from briefing.storage.index.rows import IndexedFile as IndexedFile  # also ours
from briefing.storage.index.rows import Indexer as Indexer
from briefing.storage.index.rows import Progress as Progress
from briefing.storage.index.rows import stale_jobs as stale_jobs


def _error_json(error: Exception) -> str:
    assert isinstance(error, BriefError)
    return json.dumps(
        [[p.message, p.location, p.line, p.column] for p in error.problems], ensure_ascii=False
    )


def index_file(
    path: str, zone: tzinfo | None, known_digest: str | None = None, *, with_items: bool = False
) -> IndexedFile:
    """Read ``path`` and index it; skip parsing when its content hash is ``known_digest``.

    ``with_items`` adds every item of the brief (for the search tables). Listing
    does without: the items are a third of the work of indexing a brief, and a
    first start lists the library before :func:`~.refreshing.build_search` reads them.
    Listing adds the brief's validated content instead (kept for the reader); the
    search tables' pass does without it (the listing kept it).

    A module-level function of plain arguments, so a process pool can run it.
    """
    # Building the reader opens the index before its first frame.
    # deferred: pydantic and the models (~140 ms), only once a file is read
    from briefing.core import loading

    file = Path(path)
    try:
        info = file.stat()
        data = loading.read_limited(file)
    except BriefError as error:
        return IndexedFile(path, -1, -1, "", error=_error_json(error))
    except OSError as error:
        problem = Problem(f"cannot be read ({error.strerror or error})")
        return IndexedFile(path, -1, -1, "", error=_error_json(BriefError(file, [problem])))
    digest = content_digest(data)
    if digest == known_digest:
        return IndexedFile(path, info.st_size, info.st_mtime_ns, digest, unchanged=True)
    try:
        brief = loading.parse_brief(data, file, local_zone=zone)
    except BriefError as error:
        return IndexedFile(path, info.st_size, info.st_mtime_ns, digest, error=_error_json(error))
    summary = summarize(brief)
    return IndexedFile(
        path,
        info.st_size,
        info.st_mtime_ns,
        digest,
        published=summary.published_at.timestamp(),
        summary=json.dumps(summary.to_json(), ensure_ascii=False),
        brief_id=summary.brief_id,
        items=json.dumps([item.to_json() for item in brief_items(brief)], ensure_ascii=False)
        if with_items
        else None,
        content=None if with_items else base64.b64encode(pack(brief)).decode("ascii"),
    )


def index_serially(
    jobs: list[tuple[str, str | None]], zone: tzinfo | None, *, with_items: bool = False
) -> Iterator[IndexedFile]:
    """Index ``jobs`` one after another in this thread."""
    for path, digest in jobs:
        yield index_file(path, zone, digest, with_items=with_items)


POOL_THRESHOLD = 64
"""Fewer files than this are indexed in the calling thread: starting processes costs more."""


def _worker_command(zone: tzinfo | None) -> tuple[list[str], dict[str, str]]:

    package_root = os.path.dirname(os.path.dirname(os.path.abspath(briefing.__file__)))
    env = dict(os.environ)
    # The worker imports this very briefing, installed or not.
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [package_root, env.get("PYTHONPATH")]))
    zone_arg = base64.b64encode(pickle.dumps(zone)).decode("ascii")
    return [sys.executable, "-m", "briefing.storage.index.worker", zone_arg], env


def index_in_processes(
    jobs: list[tuple[str, str | None]],
    zone: tzinfo | None,
    *,
    workers: int | None = None,
    with_items: bool = False,
) -> Iterator[IndexedFile]:
    """Index ``jobs`` in worker processes (one per core), yielding results as they arrive.

    Parsing and validating is pure Python, so threads would share one core;
    processes use them all. Whatever the workers do not deliver (they could
    not start, or died) is indexed in this thread instead.
    """
    workers = workers or min(4, os.cpu_count() or 1)
    if len(jobs) < POOL_THRESHOLD or workers < 2:
        yield from index_serially(jobs, zone, with_items=with_items)
        return
    command, env = _worker_command(zone)
    if with_items:
        command = [*command, "--items"]
    results: queue.Queue[IndexedFile | None] = queue.Queue()
    processes = _start_workers(command, env, [jobs[n::workers] for n in range(workers)], results)
    delivered: set[str] = set()
    # closing: a caller that stops early ends the workers now, not when collected
    with closing(_gather(processes, results)) as arriving:
        for item in arriving:
            delivered.add(item.path)
            yield item
    missing = [job for job in jobs if job[0] not in delivered]
    yield from index_serially(missing, zone, with_items=with_items)


def _start_workers(
    command: list[str],
    env: dict[str, str],
    shares: list[list[tuple[str, str | None]]],
    results: queue.Queue[IndexedFile | None],
) -> list[subprocess.Popen[str]]:
    """A worker process for each share of the jobs, with a thread feeding it and one reading it.

    A worker that cannot start is left out: its share is indexed in this thread later.
    """
    processes: list[subprocess.Popen[str]] = []
    for share in shares:
        try:
            process = subprocess.Popen(
                command,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                text=True,
                encoding="utf-8",
                env=env,
            )
        except (OSError, ValueError):
            continue
        processes.append(process)
        threading.Thread(target=_feed, args=(process, share), daemon=True).start()
        threading.Thread(target=_collect, args=(process, results), daemon=True).start()
    return processes


def _feed(process: subprocess.Popen[str], share: list[tuple[str, str | None]]) -> None:
    """Write ``share`` to the worker's input.

    In a thread: a worker reads its jobs only once it has started (100 ms or
    more), and writing them here would hold back the start of the next one.
    """
    assert process.stdin is not None
    try:
        process.stdin.write("".join(json.dumps(job) + "\n" for job in share))
        process.stdin.close()
    except (OSError, ValueError):
        pass  # it died: what it did not deliver is indexed in this thread


def _collect(process: subprocess.Popen[str], results: queue.Queue[IndexedFile | None]) -> None:
    """Put each result the worker writes on ``results``, then None when it stops."""
    assert process.stdout is not None
    try:
        for line in process.stdout:
            try:
                results.put(IndexedFile(*json.loads(line)))
            except (TypeError, ValueError):
                break
    finally:
        results.put(None)


def _gather(
    processes: list[subprocess.Popen[str]], results: queue.Queue[IndexedFile | None]
) -> Generator[IndexedFile, None, None]:
    """The workers' results as they arrive, until every worker has stopped; the workers are
    ended when the caller stops early."""
    try:
        running = len(processes)
        while running:
            item = results.get()
            if item is None:
                running -= 1
                continue
            yield item
    finally:
        for process in processes:
            if process.poll() is None:
                process.kill()
            process.wait()
