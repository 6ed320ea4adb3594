"""A worker process of the library index: reads brief files and prints what it found.

Run by :func:`briefing.storage.index.indexing.index_in_processes` as
``python -m briefing.storage.index.worker ZONE [--items]``: it reads every job (a JSON
``[path, known digest]`` per line) from standard input until it closes, then
prints one JSON line per file. Reading every job first means the parent can
write them all before it reads a result, with no risk of both sides waiting
on a full pipe.

Plain pipes rather than :mod:`multiprocessing`: a Textual app has replaced
``sys.stderr``, which multiprocessing's resource tracker tries to pass on.
"""

from __future__ import annotations

import base64
import json
import os
import pickle
import sys
from dataclasses import astuple

from briefing.storage.index.indexing import index_file


def main() -> int:
    """Index the jobs on standard input; return the exit status."""
    # Background work: the reader the user is typing in comes first. With the two
    # cores of a small machine busy indexing, a sort pressed during a first start
    # waited seconds for the interpreter; niced, the workers take what is left.
    if hasattr(os, "nice"):
        try:
            os.nice(5)
        except OSError:
            pass

    # The zone comes pickled from the parent process (the same program), never from a user.
    zone = pickle.loads(base64.b64decode(sys.argv[1])) if len(sys.argv) > 1 else None
    with_items = "--items" in sys.argv[2:]
    jobs = [json.loads(line) for line in sys.stdin if line.strip()]
    out = sys.stdout
    for path, digest in jobs:
        # ASCII JSON: a file name that is not UTF-8 travels as \udcXX escapes, not raw bytes.
        out.write(json.dumps(astuple(index_file(path, zone, digest, with_items=with_items))))
        out.write("\n")
    out.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
