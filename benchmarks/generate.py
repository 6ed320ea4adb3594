#!/usr/bin/env python3
"""Deterministic generators of synthetic briefs for the scale benchmarks.

    python benchmarks/generate.py [--seed S] library N DIR
        write N brief files into DIR (about 90% TOML, 10% JSON), each of a
        realistic size: 3-15 participants, 2-20 quotes, 0-5 deadlines (some
        after 2026-11-28), a timeline, figures, tags and a Markdown summary.

    python benchmarks/generate.py [--seed S] big QUOTES PARTICIPANTS FILE
        write one brief with that many quotes and participants to FILE
        (.json for JSON, anything else TOML).

The same seed always gives the same files. Every file passes `briefing validate`.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import tomli_w

FIRST = (
    "Ada",
    "Bram",
    "Chiara",
    "Dmitri",
    "Elif",
    "Femi",
    "Greta",
    "Hiro",
    "Ines",
    "Jonas",
    "Kavya",
    "Luis",
    "Mei",
    "Nadia",
    "Omar",
    "Priya",
    "Quentin",
    "Rosa",
    "Sven",
    "Tariq",
    "Ulla",
    "Vikram",
    "Wen",
    "Ximena",
    "Yusuf",
    "Zofia",
)
LAST = (
    "Abara",
    "Becker",
    "Castillo",
    "Dubois",
    "Eriksen",
    "Fontaine",
    "Gallo",
    "Hayes",
    "Ivanova",
    "Jensen",
    "Kowalski",
    "Lindqvist",
    "Moreau",
    "Nakamura",
    "Okafor",
    "Petrov",
    "Quint",
    "Rahman",
    "Santos",
    "Tanaka",
    "Uribe",
    "Varga",
    "Whitlock",
    "Yilmaz",
    "Zhou",
)
ROLES = (
    "Minister of Finance",
    "Chief Executive",
    "Committee Chair",
    "Lead Negotiator",
    "Spokesperson",
    "Mayor",
    "Chief Economist",
    "Union Leader",
    "Board Member",
    "Deputy Director",
    "Ambassador",
    "Regulator",
)
ORGS = (
    "Northwind Robotics",
    "Ministry of Trade",
    "City Council",
    "Harbour Authority",
    "Central Bank",
    "Workers' Union",
    "European Commission",
    "Red Cross",
    "Parliament",
)
SIDES = ("Government", "Opposition", "Management", "Board", "Union", "Observers")
TOPICS = (
    "tariffs",
    "housing",
    "flood defences",
    "the merger",
    "the budget",
    "rail strikes",
    "energy prices",
    "the ceasefire",
    "fishing quotas",
    "data protection",
)
VERBS = (
    "will not accept",
    "remain committed to",
    "are cautiously optimistic about",
    "have serious concerns about",
    "expect a deal on",
    "reject any delay to",
    "need more time for",
    "welcome progress on",
)
TAGS = (
    "fictional",
    "trade",
    "housing",
    "energy",
    "corporate",
    "crisis",
    "legislation",
    "diplomacy",
    "labour",
    "finance",
    "transport",
    "climate",
    "health",
)
ZONES = (
    "Europe/London",
    "Europe/Berlin",
    "America/New_York",
    "Asia/Kuala_Lumpur",
    "Asia/Tokyo",
    "Australia/Sydney",
    None,
)
STATUSES = ("open", "open", "open", "met", "missed", "extended", "cancelled")
NOW = datetime(2026, 11, 28, 12, 0)


def _when(rng: random.Random, lo_days: int, hi_days: int) -> datetime:
    return (
        NOW + timedelta(days=rng.randint(lo_days, hi_days), minutes=rng.randrange(0, 24 * 60, 15))
    ).replace(second=0)


def _summary(rng: random.Random, topic: str, names: list[str]) -> str:
    paras = [f"*A synthetic brief about {topic}, generated for benchmarks.*", "### What happened"]
    for _ in range(rng.randint(2, 4)):
        sent = [
            f"**{rng.choice(names)}** said the talks on {rng.choice(TOPICS)} "
            f"had moved {rng.choice(('forward', 'backwards', 'sideways'))} "
            f"after {rng.randint(2, 40)} hours of negotiation."
            for _ in range(rng.randint(2, 5))
        ]
        paras.append(" ".join(sent))
    paras.append(
        "- "
        + "\n- ".join(
            f"{rng.randint(1, 999)} {rng.choice(TOPICS)} items" for _ in range(rng.randint(2, 4))
        )
    )
    paras.append("> " + f"Nothing is agreed on {topic} until everything is agreed.")
    return "\n\n".join(paras) + "\n"


def make_brief(rng: random.Random, n_quotes: int, n_participants: int, n: int = 0) -> dict:
    topic = rng.choice(TOPICS)
    zone = rng.choice(ZONES)
    participants = []
    for i in range(n_participants):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        p = {
            "id": f"p{i}-{last.lower()}",
            "name": f"{first} {last}",
            "role": rng.choice(ROLES),
            "affiliation": rng.choice(ORGS),
            "side": rng.choice(SIDES),
        }
        if rng.random() < 0.4:
            p["notes"] = f"Has followed {rng.choice(TOPICS)} since {rng.randint(1995, 2025)}."
        participants.append(p)
    quotes = []
    for i in range(n_quotes):
        q = {
            "speaker": rng.choice(participants)["id"]
            if participants and rng.random() < 0.95
            else None,
            "text": f"We {rng.choice(VERBS)} {rng.choice(TOPICS)}, and we said so "
            f"{rng.randint(2, 90)} times (remark {n}-{i}).",
            "said": _when(rng, -60, 0),
            "source": rng.choice(("told reporters", "press conference", "statement", "interview")),
        }
        if q["speaker"] is None:
            del q["speaker"]
        if rng.random() < 0.5:
            q["context"] = f"Speaking after the session on {rng.choice(TOPICS)}."
        quotes.append(q)
    deadlines = []
    for i in range(rng.randint(0, 5)):
        due = _when(rng, -90, 400)
        d = {
            "id": f"d{i}",
            "title": f"Decision on {rng.choice(TOPICS)} due ({i + 1})",
            "due": due.date() if rng.random() < 0.3 else due,
            "status": rng.choice(STATUSES),
        }
        if rng.random() < 0.5:
            d["details"] = f"Set by the {rng.choice(ORGS)}; **{rng.randint(2, 30)}** days' notice."
        deadlines.append(d)
    timeline = []
    for i in range(rng.randint(2, 10)):
        when = _when(rng, -400, 30)
        form = rng.random()
        value = when.strftime("%Y-%m") if form < 0.15 else when.date() if form < 0.5 else when
        e = {"id": f"e{i}", "date": value, "label": f"{rng.choice(ORGS)} meets on {topic}"}
        if rng.random() < 0.5:
            e["place"] = rng.choice(("Brussels", "Kuala Lumpur", "London", "Geneva", "Osaka"))
        timeline.append(e)
    figures = [
        {
            "id": f"f{i}",
            "label": f"{rng.choice(TOPICS).capitalize()} figure {i + 1}",
            "value": rng.choice(
                (f"{rng.randint(1, 99)}%", f"${rng.randint(1, 999)}m", f"{rng.randint(1, 99999):,}")
            ),
        }
        for i in range(rng.randint(1, 6))
    ]
    published = _when(rng, -30, 0)
    brief = {
        "format": 1,
        "title": f"Synthetic brief {n}: {topic} talks {rng.choice(('stall', 'resume', 'end'))}",
        "published": published.replace(tzinfo=UTC) if zone is None else published,
        "source": {"name": "Synthetic generator", "url": f"https://example.org/briefs/{n}"},
        "tags": sorted(set(rng.sample(TAGS, rng.randint(1, 5)))),
        "summary": _summary(rng, topic, [p["name"] for p in participants] or ["Nobody"]),
        "participants": participants,
        "quotes": quotes,
        "deadlines": deadlines,
        "timeline": timeline,
        "figures": figures,
    }
    if zone:
        brief["timezone"] = zone
    return brief


def _iso(value: date | datetime) -> str:
    return value.isoformat()


def write_brief(brief: dict, path: Path) -> None:
    if path.suffix == ".json":
        path.write_text(
            json.dumps(brief, ensure_ascii=False, indent=1, default=_iso), encoding="utf-8"
        )
    else:
        path.write_bytes(tomli_w.dumps(brief, multiline_strings=True).encode("utf-8"))


def library(seed: int, n: int, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    for i in range(n):
        brief = make_brief(rng, rng.randint(2, 20), rng.randint(3, 15), i)
        ext = ".json" if rng.random() < 0.1 else ".toml"
        write_brief(brief, out / f"brief-{i:05d}{ext}")


def big(seed: int, quotes: int, participants: int, out: Path) -> None:
    rng = random.Random(seed)
    brief = make_brief(rng, quotes, participants, 0)
    brief["title"] = f"Big synthetic brief: {quotes} quotes, {participants} participants"
    write_brief(brief, out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seed", type=int, default=1)
    sub = ap.add_subparsers(dest="cmd", required=True)
    lib = sub.add_parser("library")
    lib.add_argument("n", type=int)
    lib.add_argument("dir", type=Path)
    bg = sub.add_parser("big")
    bg.add_argument("quotes", type=int)
    bg.add_argument("participants", type=int)
    bg.add_argument("file", type=Path)
    args = ap.parse_args(argv)
    if args.cmd == "library":
        library(args.seed, args.n, args.dir)
    else:
        big(args.seed, args.quotes, args.participants, args.file)
    return 0


if __name__ == "__main__":
    sys.exit(main())
