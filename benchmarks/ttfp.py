#!/usr/bin/env python3
# A copy of the team's black-box harness (tools/ttfp.py), unchanged but for these three
# comment lines, so the benchmarks run on their own. Keep it in step with the original.
# ruff: noqa
"""ttfp.py - black-box time-to-first-paint and key-to-repaint timer for terminal UIs.

The program under test runs in a real pseudo-terminal of a fixed size (TIOCSWINSZ,
TERM=xterm-256color by default).  Everything it writes is fed to the `pyte`
terminal emulator, and the harness watches the emulated screen:

  ttfp_s    wall time from just before the spawn until MARKER is visible on screen;
  key_s     (with --key/--after-marker) time from writing the key to the pty until
            the second marker is visible;
  quit_s    time from writing the quit key until the process has exited;
  peak_rss_mib  peak resident set size of the program: the largest VmHWM
            (/proc/PID/status) among the processes of its session, read just
            before the quit key is sent (so it covers start-up and the keys,
            not the shutdown);
  maxrss_mib    ru_maxrss from wait4() when the program is reaped: covers the
            shutdown and the descendants it waited for, but cannot read below
            this harness's own RSS (about 14 MiB), because Linux carries the
            high-water mark of the forked harness image across exec.

A screen change is timed by when its bytes were read from the pty, before pyte
parses them, so the emulator's own parsing cost is not part of the figure.

Output: one machine-readable line per figure on stdout, e.g.
    ttfp_s median=0.5120 min=0.4980 max=0.5300 runs=5
Exit status: 0 ok; 1 a marker did not show within --timeout; 2 usage error;
3 the program exited before a marker showed; 4 cannot run (pyte missing,
command not found).

Terminal queries: a real terminal answers some queries (device attributes,
cursor position, colour, mode and version reports).  Some programs block on
the answer (for instance Go programs using termenv wait for the reply to an
OSC 11 colour query fenced by a DA1 query; prompt_toolkit and crossterm ask
for the cursor position).  The harness answers these as a plain xterm-like
terminal without extensions would (--no-answer turns this off, --trace logs
them).  Textual does not wait for any answer: it only fires DECRQM queries
(?2026 synchronized output, ?2048 in-band resize) and goes on.

Environment: the caller's, with TERM set (--term) and LINES, COLUMNS and
COLORTERM removed so the figure does not depend on the caller's terminal; add
e.g. --env COLORTERM=truecolor to measure a truecolor terminal.

Keys are sent in the legacy xterm encoding (pyte has no kitty keyboard
protocol); a lone Escape is ambiguous there and many programs wait a little
before taking it as a key, which shows in key_s.

Only the standard library and pyte are needed.
"""

from __future__ import annotations

import argparse
import codecs
import fcntl
import os
import re
import select
import signal
import statistics
import struct
import subprocess
import sys
import termios
import time

try:
    import pyte
    from pyte import modes as pyte_modes
except ImportError:  # pragma: no cover - depends on the environment
    sys.stderr.write(
        "ttfp.py: error: the 'pyte' terminal emulator package is required "
        "(install it with: pip install pyte)\n"
    )
    sys.exit(4)

EXIT_OK, EXIT_TIMEOUT, EXIT_USAGE, EXIT_EARLY, EXIT_CANNOT = 0, 1, 2, 3, 4

# --------------------------------------------------------------------------- keys

_NAMED_KEYS = {
    "enter": b"\r",
    "return": b"\r",
    "tab": b"\t",
    "space": b" ",
    "escape": b"\x1b",
    "esc": b"\x1b",
    "backspace": b"\x7f",
    "up": b"\x1b[A",
    "down": b"\x1b[B",
    "right": b"\x1b[C",
    "left": b"\x1b[D",
    "home": b"\x1b[H",
    "end": b"\x1b[F",
    "insert": b"\x1b[2~",
    "delete": b"\x1b[3~",
    "pageup": b"\x1b[5~",
    "pagedown": b"\x1b[6~",
    "backtab": b"\x1b[Z",
    "shift+tab": b"\x1b[Z",
    "f1": b"\x1bOP",
    "f2": b"\x1bOQ",
    "f3": b"\x1bOR",
    "f4": b"\x1bOS",
    "f5": b"\x1b[15~",
    "f6": b"\x1b[17~",
    "f7": b"\x1b[18~",
    "f8": b"\x1b[19~",
    "f9": b"\x1b[20~",
    "f10": b"\x1b[21~",
    "f11": b"\x1b[23~",
    "f12": b"\x1b[24~",
}


def parse_key(spec: str) -> bytes:
    """Turn a key spec into the bytes a terminal sends.

    Accepts a name (enter, tab, escape, up, pagedown, f5, ...), ctrl+X (also
    ^X), or literal text; literal text with a backslash is decoded with Python
    escapes, so '\\x1b[A' is the Up arrow.
    """
    low = spec.lower()
    if low in _NAMED_KEYS:
        return _NAMED_KEYS[low]
    m = re.fullmatch(r"(?:ctrl\+|c-|\^)(.)", spec, re.IGNORECASE)
    if m and len(spec) > 1:
        ch = m.group(1)
        if ch == "?":
            return b"\x7f"
        return bytes([ord(ch.upper()) & 0x1F])
    if "\\" in spec:
        return codecs.decode(spec, "unicode_escape").encode("latin-1", "surrogatepass")
    return spec.encode("utf-8")


# ------------------------------------------------------------- terminal emulation

QUERY_RE = re.compile(
    rb"\x1b\[(?P<da>>?)0?c"  # DA1 / DA2
    rb"|\x1b\[(?P<dsr>\??[56])n"  # DSR status / cursor position
    rb"|\x1b\[(?P<rqm>\??)(?P<rqmn>\d+)\$p"  # DECRQM (ANSI and private)
    rb"|\x1b\](?P<osc>1[0-2]|4;\d+);\?(?P<st>\x07|\x1b\\)"  # OSC colour queries
    rb"|\x1b\[>0?q"  # XTVERSION
    rb"|\x1b\[(?P<winop>1[468])t"  # window / cell size reports
    rb"|\x1bP\+q[0-9A-Fa-f;]*\x1b\\"  # XTGETTCAP
)

_PRIVATE_MODES = {
    3: pyte_modes.DECCOLM,
    5: pyte_modes.DECSCNM,
    6: pyte_modes.DECOM,
    7: pyte_modes.DECAWM,
    25: pyte_modes.DECTCEM,
}
_ANSI_MODES = {4: pyte_modes.IRM, 20: pyte_modes.LNM}


def _xterm_rgb(n: int) -> tuple[int, int, int]:
    base16 = [
        (0, 0, 0),
        (205, 0, 0),
        (0, 205, 0),
        (205, 205, 0),
        (0, 0, 238),
        (205, 0, 205),
        (0, 205, 205),
        (229, 229, 229),
        (127, 127, 127),
        (255, 0, 0),
        (0, 255, 0),
        (255, 255, 0),
        (92, 92, 255),
        (255, 0, 255),
        (0, 255, 255),
        (255, 255, 255),
    ]
    if n < 16:
        return base16[n]
    if n < 232:
        n -= 16
        steps = [0, 95, 135, 175, 215, 255]
        return steps[n // 36], steps[(n // 6) % 6], steps[n % 6]
    v = 8 + 10 * (min(n, 255) - 232)
    return v, v, v


def _osc_rgb(rgb: tuple[int, int, int]) -> bytes:
    return ("rgb:" + "/".join("%02x%02x" % (c, c) for c in rgb)).encode()


class Term:
    """A pyte screen plus query answering and a cheap per-line text cache."""

    def __init__(self, cols: int, rows: int, answer: bool, trace: bool):
        self.cols, self.rows = cols, rows
        self.screen = pyte.Screen(cols, rows)
        self.stream = pyte.ByteStream(self.screen)
        self.answer, self.trace = answer, trace
        self._tail = b""
        self._lines = [""] * rows
        self._text = ""
        self.screen.dirty.clear()
        self.queries_answered = 0
        self.feed_error = False

    def _render_line(self, y: int) -> str:
        # pyte stores the second cell of a wide character as "", so a plain
        # join gives the same text as pyte's Screen.display.
        # Trailing blanks are dropped, so a regex '$' means the end of the text.
        line = self.screen.buffer[y]
        return "".join([line[x].data for x in range(self.cols)]).rstrip()

    def text(self) -> str:
        dirty = self.screen.dirty
        if dirty:
            for y in dirty:
                if 0 <= y < self.rows:
                    self._lines[y] = self._render_line(y)
            dirty.clear()
            self._text = "\n".join(self._lines)
        return self._text

    def lines(self) -> list[str]:
        self.text()
        return list(self._lines)

    def _reply(self, m: re.Match) -> bytes:
        g = m.groupdict()
        if g["da"] is not None:
            return b"\x1b[>1;10;0c" if g["da"] else b"\x1b[?62;22c"
        if g["dsr"] is not None:
            if g["dsr"] == b"5":
                return b"\x1b[0n"
            cur = self.screen.cursor
            if g["dsr"] == b"?6":
                return b"\x1b[?%d;%d;1R" % (cur.y + 1, cur.x + 1)
            return b"\x1b[%d;%dR" % (cur.y + 1, cur.x + 1)
        if g["rqmn"] is not None:
            n = int(g["rqmn"])
            table = _PRIVATE_MODES if g["rqm"] else _ANSI_MODES
            state = 0
            if n in table:
                state = 1 if table[n] in self.screen.mode else 2
            return b"\x1b[%s%d;%d$y" % (g["rqm"], n, state)
        if g["osc"] is not None:
            which = g["osc"]
            if which == b"11":
                rgb = (0, 0, 0)
            elif which in (b"10", b"12"):
                rgb = (229, 229, 229)
            else:
                rgb = _xterm_rgb(int(which.split(b";")[1]))
            return b"\x1b]" + which + b";" + _osc_rgb(rgb) + g["st"]
        if g["winop"] is not None:
            w = g["winop"]
            if w == b"18":
                return b"\x1b[8;%d;%dt" % (self.rows, self.cols)
            if w == b"14":
                return b"\x1b[4;%d;%dt" % (self.rows * 16, self.cols * 8)
            return b"\x1b[6;16;8t"
        if m.group(0).startswith(b"\x1bP+q"):
            return b"\x1bP0+r\x1b\\"
        return b"\x1bP>|ttfp(pyte)\x1b\\"  # XTVERSION

    def feed(self, chunk: bytes) -> list[bytes]:
        """Feed output bytes; return the replies to write back to the program."""
        replies: list[bytes] = []
        fed = 0
        if self.answer:
            combined = self._tail + chunk
            off = len(self._tail)
            for m in QUERY_RE.finditer(combined):
                end = m.end() - off
                if end <= 0:  # already answered with the previous chunk
                    continue
                if end > fed:  # the screen must be up to date for a cursor report
                    self._safe_feed(chunk[fed:end])
                    fed = end
                reply = self._reply(m)
                replies.append(reply)
                self.queries_answered += 1
                if self.trace:
                    sys.stderr.write("ttfp: query %r -> reply %r\n" % (m.group(0), reply))
            p = combined.rfind(b"\x1b")
            self._tail = combined[p:] if p >= 0 and len(combined) - p < 64 else b""
        if fed < len(chunk):
            self._safe_feed(chunk[fed:])
        return replies

    def _safe_feed(self, data: bytes) -> None:
        try:
            self.stream.feed(data)
        except Exception as exc:  # an emulator bug must not end the measurement
            if not self.feed_error:
                sys.stderr.write("ttfp.py: warning: pyte could not parse some output: %r\n" % exc)
            self.feed_error = True


# ------------------------------------------------------------------ the session


class Failure(Exception):
    def __init__(self, code: int, message: str, screen: list[str] | None = None):
        super().__init__(message)
        self.code, self.message, self.screen = code, message, screen


def _make_controlling_tty() -> None:  # runs in the child between fork and exec
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


class Session:
    """One run of the program in a pty."""

    def __init__(self, argv, cols, rows, env, cwd, answer, trace, record):
        self.term = Term(cols, rows, answer, trace)
        self.record = open(record, "wb") if record else None
        self.exited = False
        self.exit_time = None
        self.returncode = None
        self.rusage = None
        self.eof = False
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, cols * 8, rows * 16))
        self.master = master
        self.t0 = time.perf_counter()
        try:
            self.proc = subprocess.Popen(
                argv,
                stdin=slave,
                stdout=slave,
                stderr=slave,
                env=env,
                cwd=cwd,
                start_new_session=True,
                preexec_fn=_make_controlling_tty,
                close_fds=True,
            )
        except OSError as exc:
            os.close(slave)
            os.close(master)
            if self.record:
                self.record.close()
            raise Failure(EXIT_CANNOT, "cannot start %r: %s" % (argv[0], exc)) from None
        os.close(slave)
        os.set_blocking(master, False)
        try:
            self.pidfd = os.pidfd_open(self.proc.pid)
        except (AttributeError, OSError):
            self.pidfd = None  # fall back to polling waitpid every 50 ms

    # -- low level ------------------------------------------------------------
    def _reap(self, block: bool = False) -> bool:
        if self.exited:
            return True
        try:
            pid, status, rusage = os.wait4(self.proc.pid, 0 if block else os.WNOHANG)
        except ChildProcessError:
            pid, status, rusage = self.proc.pid, 0, None
        if pid == 0:
            return False
        self.exit_time = time.perf_counter()
        self.exited = True
        self.returncode = os.waitstatus_to_exitcode(status)
        self.proc.returncode = self.returncode  # keep Popen from waiting again
        self.rusage = rusage
        if self.pidfd is not None:
            os.close(self.pidfd)
            self.pidfd = None
        return True

    def _drain(self) -> list[tuple[float, bytes]]:
        """Read everything the program has written so far, with read times."""
        chunks = []
        while not self.eof:
            try:
                data = os.read(self.master, 65536)
            except BlockingIOError:
                break
            except OSError:  # EIO: every slave side is closed
                self.eof = True
                break
            if not data:
                self.eof = True
                break
            chunks.append((time.perf_counter(), data))
        return chunks

    def _feed(self, chunks, pred):
        """Feed chunks; return the read time of the first chunk after which
        pred(screen text) holds (None if it never does)."""
        hit = None
        for t, data in chunks:
            if self.record:
                self.record.write(data)
            for reply in self.term.feed(data):
                try:
                    self._write_all(reply, timeout=1.0)
                except OSError:
                    pass
            if (
                hit is None
                and pred is not None
                and self.term.screen.dirty
                and pred(self.term.text())
            ):
                hit = t
        return hit

    def pump(self, deadline: float, pred=None, until_exit=False, quiet=None):
        """Process output until pred(text) holds (returns the read time), the
        deadline passes, the program exits (until_exit), or no output came for
        `quiet` seconds.  Returns (hit_time_or_None, why)."""
        if pred is not None and pred(self.term.text()):
            return time.perf_counter(), "already"
        last_output = time.perf_counter()
        while True:
            now = time.perf_counter()
            if now >= deadline:
                return None, "timeout"
            wait = deadline - now
            if quiet is not None:
                wait = min(wait, max(0.0, last_output + quiet - now))
            fds = []
            if not self.eof:
                fds.append(self.master)
            if not self.exited:
                if self.pidfd is not None:
                    fds.append(self.pidfd)
                else:
                    wait = min(wait, 0.05)
            if not fds and self.exited:
                return None, "exited"
            r, _, _ = select.select(fds, [], [], wait)
            if self.master in r:
                chunks = self._drain()
                if chunks:
                    last_output = chunks[-1][0]
                hit = self._feed(chunks, pred)
                if hit is not None:
                    return hit, "marker"
            if not self.exited and (self.pidfd is None or self.pidfd in r or self.eof):
                if self._reap(block=False):
                    # take what it wrote last before judging
                    hit = self._feed(self._drain(), pred)
                    if hit is not None:
                        return hit, "marker"
                    if until_exit or pred is not None:
                        return None, "exited"
            if self.exited and until_exit:
                return None, "exited"
            if self.eof and self.exited:
                return None, "exited"
            if quiet is not None and time.perf_counter() - last_output >= quiet:
                return None, "quiet"

    def _write_all(self, data: bytes, timeout: float = 5.0) -> None:
        """Write to the program's input; the pty is non-blocking, so wait for
        room if its input queue is full.  Raises OSError if it is gone."""
        deadline = time.perf_counter() + timeout
        while data:
            try:
                n = os.write(self.master, data)
                data = data[n:]
            except BlockingIOError:
                left = deadline - time.perf_counter()
                if left <= 0:
                    raise OSError("the program does not read its input") from None
                select.select([], [self.master], [], left)

    def send(self, data: bytes) -> float:
        t = time.perf_counter()
        self._write_all(data)
        return t

    def stop(self, quit_key: bytes | None, grace: float):
        """Quit with the key, else SIGTERM, else SIGKILL; return (quit_s, how)."""
        if self.exited:
            return None, "exited-by-itself"
        if quit_key:
            try:
                t = self.send(quit_key)
            except OSError:
                t = None
            if t is not None:
                self.pump(time.perf_counter() + grace, until_exit=True)
                if self.exited:
                    return self.exit_time - t, "key"
        for sig, wait in ((signal.SIGTERM, 2.0), (signal.SIGKILL, 5.0)):
            try:
                os.killpg(self.proc.pid, sig)
            except ProcessLookupError:
                pass
            self.pump(time.perf_counter() + wait, until_exit=True)
            if self.exited:
                return None, signal.Signals(sig).name
        self._reap(block=True)
        return None, "SIGKILL"

    def close(self):
        if not self.exited:
            try:
                os.killpg(self.proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self._reap(block=True)
        if self.pidfd is not None:
            os.close(self.pidfd)
            self.pidfd = None
        os.close(self.master)  # hangs up anything left on the terminal
        if self.record:
            self.record.close()


# ------------------------------------------------------------------- the runs


def session_hwm_kib(sid: int) -> int | None:
    """Largest VmHWM (peak RSS since exec, in KiB) among the live processes of
    session `sid` (the program and whatever it started), or None off Linux."""
    best = None
    try:
        names = os.listdir("/proc")
    except OSError:
        return None
    for name in names:
        if not name.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % name, "rb") as f:
                stat = f.read()
            if int(stat[stat.rindex(b")") + 2 :].split()[3]) != sid:
                continue
            with open("/proc/%s/status" % name, "rb") as f:
                for line in f:
                    if line.startswith(b"VmHWM:"):
                        kib = int(line.split()[1])
                        best = kib if best is None else max(best, kib)
                        break
        except (OSError, ValueError, IndexError):
            continue
    return best


def make_pred(marker: str, regex: bool):
    if regex:
        pat = re.compile(marker, re.MULTILINE)
        return lambda text: pat.search(text) is not None
    return lambda text: marker in text


def screen_text(lines: list[str]) -> str:
    lines = [ln.rstrip() for ln in lines]
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines)


def one_run(args, env, pairs, quit_key, record):
    sess = Session(
        args.command, args.cols, args.rows, env, args.cwd, not args.no_answer, args.trace, record
    )
    result = {}
    try:
        hit, why = sess.pump(sess.t0 + args.timeout, make_pred(args.marker, args.regex))
        if hit is None:
            raise _failure(sess, why, "marker %r" % args.marker, args.timeout)
        result["ttfp_s"] = hit - sess.t0
        for i, (key, after) in enumerate(pairs):
            label = "key_s" if len(pairs) == 1 else "key%d_s" % (i + 1)
            if args.settle > 0:  # let the program go quiet before typing
                sess.pump(time.perf_counter() + max(args.settle * 10, 2.0), quiet=args.settle)
            pred = make_pred(after, args.regex)
            if pred(sess.term.text()):
                raise Failure(
                    EXIT_USAGE,
                    "after-marker %r is already on screen before key %r was sent" % (after, key),
                    sess.term.lines(),
                )
            if sess.exited:
                raise _failure(sess, "exited", "after-marker %r" % after, args.timeout)
            try:
                t_key = sess.send(parse_key(key))
            except OSError:
                raise _failure(sess, "exited", "after-marker %r" % after, args.timeout) from None
            hit, why = sess.pump(t_key + args.timeout, pred)
            if hit is None:
                raise _failure(sess, why, "after-marker %r (key %r)" % (after, key), args.timeout)
            result[label] = hit - t_key
        if args.hold > 0:
            sess.pump(time.perf_counter() + args.hold)
        result["screen"] = sess.term.lines()
        result["title"] = getattr(sess.term.screen, "title", "")
        if not sess.exited:
            hwm = session_hwm_kib(sess.proc.pid)
            if hwm is not None:
                result["peak_rss_mib"] = hwm / 1024.0
        quit_s, how = sess.stop(quit_key, args.quit_timeout)
        if quit_s is not None:
            result["quit_s"] = quit_s
        result["quit_how"] = how
        if sess.rusage is not None:
            result["maxrss_mib"] = sess.rusage.ru_maxrss / 1024.0
        result["returncode"] = sess.returncode
    finally:
        sess.close()
    return result


def _failure(sess, why, what, timeout):
    if why == "exited":
        # collect any last words and the exit status
        sess._reap(block=False) or sess.pump(time.perf_counter() + 1.0, until_exit=True)
        msg = "the program exited (status %s) before %s was visible" % (sess.returncode, what)
        return Failure(EXIT_EARLY, msg, sess.term.lines())
    return Failure(
        EXIT_TIMEOUT, "%s not visible within %.1f s" % (what, timeout), sess.term.lines()
    )


def summarize(name, values, fmt="%.4f"):
    med = statistics.median(values)
    return "%s median=%s min=%s max=%s runs=%d" % (
        name,
        fmt % med,
        fmt % min(values),
        fmt % max(values),
        len(values),
    )


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(
        prog="ttfp.py",
        description="Time a terminal program from spawn until a marker is visible on "
        "its (emulated) screen; optionally time key-to-repaint latency.",
        epilog="Example: ttfp.py --marker READY --runs 5 --key s --after-marker "
        "SWITCHED -- python app.py",
    )
    ap.add_argument("--cols", type=int, default=120, help="terminal width (default 120)")
    ap.add_argument("--rows", type=int, default=40, help="terminal height (default 40)")
    ap.add_argument(
        "--marker", required=True, help="text (or --regex pattern) that means 'painted'"
    )
    ap.add_argument("--regex", action="store_true", help="markers are Python regular expressions")
    ap.add_argument(
        "--timeout", type=float, default=30.0, help="seconds to wait for each marker (default 30)"
    )
    ap.add_argument("--runs", type=int, default=1, help="measured runs (default 1)")
    ap.add_argument("--warmup", type=int, default=0, help="unmeasured runs first (default 0)")
    ap.add_argument(
        "--key",
        action="append",
        default=[],
        help="key to send after the marker (name like enter/tab/up/f5, "
        "ctrl+x, or text; repeatable, paired with --after-marker)",
    )
    ap.add_argument(
        "--after-marker",
        action="append",
        default=[],
        help="text that must become visible after the matching --key",
    )
    ap.add_argument(
        "--settle",
        type=float,
        default=0.3,
        help="before each key, wait until the program wrote nothing for this "
        "many seconds (default 0.3; 0 sends at once)",
    )
    ap.add_argument(
        "--hold",
        type=float,
        default=0.0,
        help="keep the program running this many seconds before quitting",
    )
    ap.add_argument(
        "--quit-key",
        default="q",
        help="key that quits the program (default q; 'none' goes straight to SIGTERM)",
    )
    ap.add_argument(
        "--quit-timeout",
        type=float,
        default=5.0,
        help="seconds to wait for the quit key before SIGTERM (default 5)",
    )
    ap.add_argument("--term", default="xterm-256color", help="TERM value (default xterm-256color)")
    ap.add_argument(
        "--env",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="extra environment variable for the program (repeatable)",
    )
    ap.add_argument("--cwd", default=None, help="working directory for the program")
    ap.add_argument(
        "--no-answer",
        action="store_true",
        help="do not answer terminal queries (DA1, cursor position, colours, ...)",
    )
    ap.add_argument("--trace", action="store_true", help="log answered queries to stderr")
    ap.add_argument("--record", metavar="FILE", help="write the raw output of the last run to FILE")
    ap.add_argument(
        "--dump",
        action="store_true",
        help="print the screen of the last run (as it was before quitting)",
    )
    ap.add_argument(
        "--verbose", "-v", action="store_true", help="print each run's figures to stderr"
    )
    ap.add_argument("command", nargs=argparse.REMAINDER, help="-- COMMAND [ARG ...]")
    args = ap.parse_args(argv)

    if args.command and args.command[0] == "--":
        args.command = args.command[1:]
    if not args.command:
        ap.error("no command given (put it after --)")
    if len(args.key) != len(args.after_marker):
        ap.error("each --key needs one --after-marker (and the other way round)")
    if args.runs < 1 or args.warmup < 0 or args.cols < 2 or args.rows < 2:
        ap.error("--runs must be >= 1, --warmup >= 0, --cols/--rows >= 2")
    if args.regex:
        for pat in [args.marker] + args.after_marker:
            try:
                re.compile(pat)
            except re.error as exc:
                ap.error("bad regex %r: %s" % (pat, exc))
    try:
        quit_key = None if args.quit_key.lower() == "none" else parse_key(args.quit_key)
        for k in args.key:
            parse_key(k)
    except (ValueError, UnicodeError) as exc:
        ap.error("bad key: %s" % exc)

    if args.record:
        try:
            open(args.record, "ab").close()
        except OSError as exc:
            ap.error("cannot write --record file: %s" % exc)

    # The program sees the caller's environment, except what describes the
    # terminal: TERM is set, and LINES, COLUMNS and COLORTERM (which would make
    # the result depend on the caller's terminal) are removed; --env adds back.
    env = dict(os.environ)
    env["TERM"] = args.term
    for name in ("LINES", "COLUMNS", "COLORTERM"):
        env.pop(name, None)
    for item in args.env:
        name, sep, value = item.partition("=")
        if not sep or not name:
            ap.error("--env wants NAME=VALUE, got %r" % item)
        env[name] = value

    pairs = list(zip(args.key, args.after_marker))
    results = []
    total = args.warmup + args.runs
    for i in range(total):
        last = i == total - 1
        try:
            res = one_run(args, env, pairs, quit_key, args.record if last else None)
        except Failure as f:
            sys.stderr.write("ttfp.py: error: run %d: %s\n" % (i + 1, f.message))
            if f.screen is not None:
                sys.stderr.write(
                    "--- screen %dx%d ---\n%s\n--- end of screen ---\n"
                    % (args.cols, args.rows, screen_text(f.screen))
                )
            return f.code
        except KeyboardInterrupt:
            sys.stderr.write("ttfp.py: interrupted\n")
            return 130
        if args.verbose:
            shown = " ".join("%s=%.4f" % (k, v) for k, v in res.items() if isinstance(v, float))
            sys.stderr.write(
                "ttfp: run %d%s: %s quit=%s rc=%s\n"
                % (
                    i + 1,
                    " (warm-up)" if i < args.warmup else "",
                    shown,
                    res.get("quit_how"),
                    res.get("returncode"),
                )
            )
        if i >= args.warmup:
            results.append(res)

    names = ["ttfp_s"] + (
        ["key_s"] if len(pairs) == 1 else ["key%d_s" % (n + 1) for n in range(len(pairs))]
    )
    for name in names + ["quit_s"]:
        vals = [r[name] for r in results if name in r]
        if vals:
            print(summarize(name, vals))
    for name in ("peak_rss_mib", "maxrss_mib"):
        vals = [r[name] for r in results if name in r]
        if vals:
            print(summarize(name, vals, "%.1f"))
    not_key = [r["quit_how"] for r in results if r["quit_how"] not in ("key", "exited-by-itself")]
    if quit_key and not_key:
        sys.stderr.write(
            "ttfp.py: note: the quit key did not end %d of %d runs; "
            "they were ended by %s\n"
            % (len(not_key), len(results), ", ".join(sorted(set(not_key))))
        )
    if args.dump:
        print("--- screen %dx%d ---" % (args.cols, args.rows))
        print(screen_text(results[-1]["screen"]))
        print("window title: %r" % results[-1].get("title", ""))
        print("--- end of screen ---")
    sys.stdout.flush()
    return EXIT_OK


if __name__ == "__main__":
    try:
        status = main()
    except BrokenPipeError:  # the reader went away (e.g. piped into head)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        status = 141  # as a shell reports a SIGPIPE death
    sys.exit(status)
