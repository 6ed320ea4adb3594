#!/usr/bin/env python3
"""Score `briefing import` on the development articles in this folder.

usage: score.py [BRIEFING_CMD] [--dir DIR] [--keep WORKDIR] [--only TEXT] [-v]

For every NN-kind-slug.txt that has an NN-kind-slug.gold.json beside it, runs
`BRIEFING_CMD import ARTICLE -o WORKDIR/NN-kind-slug.toml` (BRIEFING_CMD defaults to
`briefing`; it may hold arguments, e.g. "python -m briefing"), reads the draft and compares it
with the gold. Prints one line per article and the micro-averaged figures over all articles; the
last line is always

    quotes R/P speakers S participants R/P roles X dates D

Measures (see README.md, "Scoring"):
- quotes: a gold quote is found when a drafted quote has the same normalised text, or, for gold
  texts over 12 characters, a drafted quote contains it. Normalising: NFKC, curly quotes made
  straight, whitespace collapsed, punctuation trimmed from both ends, lowercase. Each gold quote
  takes the first unused drafted quote that matches (a drafted quote that contains several gold
  quotes serves them all). Recall = gold found / gold; precision = drafted quotes that match a
  gold quote / drafted quotes.
- speakers: over found gold quotes whose gold speaker is not null, the drafted speaker (the
  participant its id points to, or the text itself) is the same person: same surname and same
  first initial, case and accents ignored (titles such as "Mr." and leading "the" dropped; a
  one-word name compares the surname only).
- participants: a gold participant is found when a drafted participant's name (or alias) is the
  same person; precision = drafted participants that are some gold participant / drafted.
- roles: over found participants, the drafted role contains a key noun of the gold role or the
  gold role contains the drafted role's key noun (lowercase, whole words).
- dates: gold dates with a full ISO date (YYYY-MM-DD) found among the draft's deadline `due`
  and timeline `date` values. Month- and year-only gold dates are not scored.
A measure with nothing to count prints 0.00.

Standard library only (Python 3.11+ for tomllib). Always exits 0 once it has run; import
failures count as empty drafts and are listed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import shlex
import subprocess
import sys
import tempfile
import tomllib
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
CURLY = {
    0x2018: "'",
    0x2019: "'",
    0x201A: "'",
    0x201B: "'",
    0x201C: '"',
    0x201D: '"',
    0x201E: '"',
    0x201F: '"',
}
TITLES = {
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "prof",
    "professor",
    "sir",
    "dame",
    "lord",
    "lady",
    "rev",
    "president",
    "judge",
    "justice",
    "senator",
    "sen",
    "rep",
    "gov",
    "governor",
    "general",
    "gen",
    "minister",
    "secretary",
    "chancellor",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
}
SUFFIXES = {"jr", "sr", "ii", "iii", "iv", "qc", "kc", "sc", "mp", "phd"}
DETERMINERS = {"the", "a", "an"}
STOP_AT = {
    "of",
    "at",
    "for",
    "to",
    "in",
    "from",
    "with",
    "on",
    "by",
    "who",
    "which",
    "that",
    "as",
    "and",
}


# ---------------------------------------------------------------------------- text and names
def norm_text(text: object) -> str:
    """Quote text as compared: NFKC, straight quotes, one space, no edge punctuation, lowercase."""
    s = unicodedata.normalize("NFKC", str(text or "")).translate(CURLY)
    s = re.sub(r"\s+", " ", s).strip()
    while s and (unicodedata.category(s[0])[0] in "PZ"):
        s = s[1:]
    while s and (unicodedata.category(s[-1])[0] in "PZ"):
        s = s[:-1]
    return s.lower()


def name_tokens(name: object) -> list[str]:
    """Lowercase, accent-free word tokens of a name without titles, suffixes or a leading article."""
    s = unicodedata.normalize("NFKD", str(name or "")).translate(CURLY)
    s = "".join(ch for ch in s if not unicodedata.combining(ch)).lower()
    toks = re.findall(r"[\w'-]+", s)
    toks = [t.strip("'-") for t in toks if t.strip("'-")]
    while toks and (toks[0] in TITLES or toks[0] in DETERMINERS) and len(toks) > 1:
        toks = toks[1:]
    while toks and toks[-1] in SUFFIXES and len(toks) > 1:
        toks = toks[:-1]
    return toks


def same_person(a: object, b: object) -> bool:
    """Same surname and same first initial; a one-word name is compared by surname only."""
    ta, tb = name_tokens(a), name_tokens(b)
    if not ta or not tb:
        return False
    if ta == tb:
        return True
    if ta[-1] != tb[-1]:
        return False
    if len(ta) == 1 or len(tb) == 1:
        return True
    return ta[0][0] == tb[0][0]


def key_nouns(role: object) -> set[str]:
    """Head words of a role: per ';' segment, the words before the first ',' and preposition, last word."""
    s = re.sub(r"\([^)]*\)", " ", unicodedata.normalize("NFKC", str(role or "")).lower())
    heads = set()
    for seg in s.split(";"):
        words = re.findall(r"[\w'-]+", seg.split(",")[0])
        cut: list[str] = []
        for w in words:
            if w in STOP_AT and cut:
                break
            cut.append(w)
        cut = [w for w in cut if w not in DETERMINERS]
        if cut:
            heads.add(cut[-1].strip("'-"))
    return {h for h in heads if h}


def role_ok(gold_role: object, draft_role: object) -> bool:
    g = re.sub(r"\([^)]*\)", " ", str(gold_role or "").lower())
    d = str(draft_role or "").lower()
    if not d.strip():
        return False

    def has(text, word):
        return re.search(r"(?<![\w-])" + re.escape(word) + r"(?![\w-])", text) is not None

    return any(has(d, k) for k in key_nouns(g)) or any(has(g, k) for k in key_nouns(d))


def iso_days(value: object) -> set[str]:
    """Full ISO dates in a TOML/JSON date value (date, datetime or string)."""
    if isinstance(value, dt.datetime):
        return {value.date().isoformat()}
    if isinstance(value, dt.date):
        return {value.isoformat()}
    return set(re.findall(r"\d{4}-\d{2}-\d{2}", str(value or "")))


# ---------------------------------------------------------------------------- one article
def load_draft(path: Path) -> dict:
    raw = path.read_text(encoding="utf-8")
    try:
        return tomllib.loads(raw)
    except tomllib.TOMLDecodeError:
        return json.loads(raw)


def score_article(gold: dict, draft: dict, verbose: bool) -> tuple[dict, list[str]]:
    c = dict.fromkeys(
        [
            "gq",
            "dq",
            "q_hit",
            "dq_hit",
            "spk_n",
            "spk_ok",
            "gp",
            "dp",
            "p_hit",
            "dp_hit",
            "role_n",
            "role_ok",
            "gd",
            "d_hit",
        ],
        0,
    )
    notes: list[str] = []
    participants = [p for p in draft.get("participants", []) or [] if isinstance(p, dict)]
    by_id = {str(p.get("id")): p for p in participants if p.get("id") is not None}

    def speaker_name(value: object) -> str:
        if value is None:
            return ""
        p = by_id.get(str(value))
        return str(p.get("name", "")) if p else str(value)

    # quotes and speakers
    drafted = [q for q in draft.get("quotes", []) or [] if isinstance(q, dict)]
    dnorm = [norm_text(q.get("text")) for q in drafted]
    used: set[int] = set()
    c["dq"] = len(drafted)
    for g in gold.get("quotes", []):
        c["gq"] += 1
        want = norm_text(g.get("text"))
        exact = [i for i, t in enumerate(dnorm) if want and t == want]
        inside = [i for i, t in enumerate(dnorm) if len(want) > 12 and want in t and i not in exact]
        cands = exact + inside
        if not cands:
            if verbose:
                notes.append(f"  missed quote: {g.get('text', '')[:70]!r}")
            continue
        pick = next((i for i in cands if i not in used), cands[0])
        used.add(pick)
        c["q_hit"] += 1
        if g.get("speaker"):
            c["spk_n"] += 1
            got = speaker_name(drafted[pick].get("speaker"))
            if same_person(got, g["speaker"]):
                c["spk_ok"] += 1
            elif verbose:
                notes.append(
                    f"  speaker {got or '(none)'!r} for {g['text'][:50]!r}, gold {g['speaker']!r}"
                )
    matched = set()
    for i, t in enumerate(dnorm):
        for g in gold.get("quotes", []):
            want = norm_text(g.get("text"))
            if want and (t == want or (len(want) > 12 and want in t)):
                matched.add(i)
                break
    c["dq_hit"] = len(matched)
    if verbose:
        for i, q in enumerate(drafted):
            if i not in matched:
                notes.append(f"  extra quote: {str(q.get('text', ''))[:70]!r}")

    # participants and roles
    def names_of(p: dict) -> list[str]:
        aliases = p.get("aliases") or []
        return [str(p.get("name", ""))] + [str(a) for a in aliases if isinstance(a, str)]

    c["gp"] = len(gold.get("participants", []))
    c["dp"] = len(participants)
    for g in gold.get("participants", []):
        hit = next(
            (p for p in participants if any(same_person(n, g["name"]) for n in names_of(p))), None
        )
        if hit is None:
            if verbose:
                notes.append(f"  missed person: {g['name']!r}")
            continue
        c["p_hit"] += 1
        c["role_n"] += 1
        if role_ok(g.get("role"), hit.get("role")):
            c["role_ok"] += 1
        elif verbose:
            notes.append(f"  role {hit.get('role')!r} for {g['name']!r}, gold {g.get('role')!r}")
    for p in participants:
        if any(
            same_person(n, g["name"]) for g in gold.get("participants", []) for n in names_of(p)
        ):
            c["dp_hit"] += 1
        elif verbose:
            notes.append(f"  extra person: {p.get('name')!r}")

    # dates
    found: set[str] = set()
    for d in draft.get("deadlines", []) or []:
        if isinstance(d, dict):
            found |= iso_days(d.get("due"))
    for e in draft.get("timeline", []) or []:
        if isinstance(e, dict):
            found |= iso_days(e.get("date"))
    for d in gold.get("dates", []):
        iso = d.get("iso") or ""
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", iso):
            c["gd"] += 1
            if iso in found:
                c["d_hit"] += 1
            elif verbose:
                notes.append(f"  missed date: {d['text_in_article']!r} = {iso}")
    return c, notes


# ---------------------------------------------------------------------------- main
def ratio(a: int, b: int) -> str:
    """Two decimals; 0.00 when there is nothing to count (keeps the last line numeric)."""
    return f"{a / b:.2f}" if b else "0.00"


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "command", nargs="?", default="briefing", help="briefing command (default: briefing)"
    )
    ap.add_argument(
        "--dir",
        type=Path,
        default=HERE,
        help="folder with the articles and gold (default: this one)",
    )
    ap.add_argument(
        "--keep",
        type=Path,
        help="write the drafts here and keep them (default: a temporary folder)",
    )
    ap.add_argument("--only", help="score only articles whose file name contains this text")
    ap.add_argument(
        "-v", "--verbose", action="store_true", help="list misses and extras per article"
    )
    args = ap.parse_args(argv)

    cmd = shlex.split(args.command)
    work = args.keep or Path(tempfile.mkdtemp(prefix="importer-dev-"))
    work.mkdir(parents=True, exist_ok=True)
    total: dict[str, int] = {}
    failures: list[str] = []
    scored = 0
    golds = sorted(args.dir.glob("*.gold.json"))
    for gold_file in golds:
        stem = gold_file.name[: -len(".gold.json")]
        article = gold_file.with_name(stem + ".txt")
        if not article.exists() or (args.only and args.only not in stem):
            continue
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        scored += 1
        out = work / (stem + ".toml")
        out.unlink(missing_ok=True)
        draft: dict = {}
        try:
            run = subprocess.run(
                [*cmd, "import", str(article), "-o", str(out)],
                capture_output=True,
                text=True,
                timeout=120,
            )
            if run.returncode != 0 or not out.exists():
                tail = (run.stderr or run.stdout).strip().splitlines()[-1:] or [""]
                failures.append(f"{stem}: exit {run.returncode}: {tail[0][:200]}")
            else:
                draft = load_draft(out)
        except (OSError, subprocess.TimeoutExpired, ValueError) as exc:
            failures.append(f"{stem}: {type(exc).__name__}: {exc}"[:240])
        c, notes = score_article(gold, draft, args.verbose)
        for k, v in c.items():
            total[k] = total.get(k, 0) + v
        print(
            f"{stem[:44]:44} quotes {c['q_hit']:2}/{c['gq']:<2} (drafted {c['dq']:2}, right {c['dq_hit']:2})  "
            f"speakers {c['spk_ok']:2}/{c['spk_n']:<2}  people {c['p_hit']:2}/{c['gp']:<2} "
            f"(drafted {c['dp']:2}, right {c['dp_hit']:2})  roles {c['role_ok']:2}/{c['role_n']:<2}  "
            f"dates {c['d_hit']:2}/{c['gd']:<2}"
        )
        for n in notes:
            print(n)
    if not total:
        print(f"no articles with gold found in {args.dir}")
        total = dict.fromkeys(
            [
                "gq",
                "dq",
                "q_hit",
                "dq_hit",
                "spk_n",
                "spk_ok",
                "gp",
                "dp",
                "p_hit",
                "dp_hit",
                "role_n",
                "role_ok",
                "gd",
                "d_hit",
            ],
            0,
        )
    for f in failures:
        print("import failed:", f)
    t = total
    print(
        f"\nmicro-averaged over {scored} articles: quotes {t['q_hit']}/{t['gq']} found, "
        f"{t['dq_hit']}/{t['dq']} drafted right; speakers {t['spk_ok']}/{t['spk_n']}; participants "
        f"{t['p_hit']}/{t['gp']} found, {t['dp_hit']}/{t['dp']} drafted right; roles {t['role_ok']}/{t['role_n']}; "
        f"dates {t['d_hit']}/{t['gd']}" + (f"; drafts in {work}" if args.keep else "")
    )
    print(
        f"quotes {ratio(t['q_hit'], t['gq'])}/{ratio(t['dq_hit'], t['dq'])} "
        f"speakers {ratio(t['spk_ok'], t['spk_n'])} "
        f"participants {ratio(t['p_hit'], t['gp'])}/{ratio(t['dp_hit'], t['dp'])} "
        f"roles {ratio(t['role_ok'], t['role_n'])} dates {ratio(t['d_hit'], t['gd'])}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
