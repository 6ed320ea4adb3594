"""What the user has seen of each brief, item by item, in the SQLite store.

The reader records the digest of every item it has shown the user (see
:mod:`briefing.core.changes`); what a brief holds that is not recorded, or is
recorded with another digest, is new to the user. A brief never opened has no
record at all.

A version of a brief every item of which the user has seen is remembered too, by the
digest of its file (a row of kind :data:`WHOLE` in the same table): opening that file
again needs no item digested nor any seen item read to know that nothing is new
(issue 15: both were ~150 ms of CPU on each opening of a 20,000-quote brief).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from briefing.storage.store.database import Store

if TYPE_CHECKING:
    from briefing.core.changes import ItemKey


WHOLE = "*file"
"""The kind of the row that holds the file digest of the version whose every item was seen
(no item has this kind: :class:`~briefing.core.anchors.ItemKind` values are words)."""


class SeenItems:
    """Seen items and visits, kept in ``store`` (created by its schema version 3)."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def _read_only(self) -> bool:
        """True when the store opened read-only: what was seen is then not recorded.

        Seen items and visits only mark what is new; nothing the user wrote is lost
        when they are not recorded, and the reader keeps its notes readable.
        """
        self.store.connection  # noqa: B018 - opening it tells whether it can be written
        return self.store.read_only

    def seen(self, brief_id: str) -> dict[ItemKey, str]:
        """The digests the user has seen of the items of ``brief_id``."""
        rows = self.store.execute(
            "SELECT kind, item_id, digest FROM seen WHERE brief_id = ? AND kind != ?",
            (brief_id, WHOLE),
        ).fetchall()
        return {(kind, item_id): digest for kind, item_id, digest in rows}

    def whole(self, brief_id: str) -> str | None:
        """The file digest of the version of ``brief_id`` whose every item the user has seen
        (as :meth:`seen` has them), or None."""
        row = self.store.execute(
            "SELECT digest FROM seen WHERE brief_id = ? AND kind = ? AND item_id = ''",
            (brief_id, WHOLE),
        ).fetchone()
        return str(row[0]) if row else None

    def mark_whole(self, brief_id: str, file_digest: str, now: datetime) -> None:
        """Record that the user has seen every item of the version of ``brief_id`` in the file
        of ``file_digest`` (after its items were recorded with :meth:`mark_seen`)."""
        self.mark_seen(brief_id, [((WHOLE, ""), file_digest)], now)

    def mark_seen(self, brief_id: str, items: Iterable[tuple[ItemKey, str]], now: datetime) -> None:
        """Record that the user has seen ``items`` (pairs of key and digest) of ``brief_id``."""
        stamp = now.astimezone(UTC).isoformat(timespec="seconds")
        rows = [(brief_id, kind, item_id, digest, stamp) for (kind, item_id), digest in items]
        if not rows or self._read_only():
            return
        with self.store.transaction() as connection:
            connection.executemany(
                "INSERT INTO seen (brief_id, kind, item_id, digest, seen_at) VALUES (?, ?, ?, ?, ?)"
                " ON CONFLICT (brief_id, kind, item_id)"
                " DO UPDATE SET digest = excluded.digest, seen_at = excluded.seen_at",
                rows,
            )

    def visit(self, brief_id: str, file_digest: str, now: datetime) -> datetime | None:
        """Record a visit to ``brief_id`` (with the digest of its file); return the previous visit's time."""
        row = self.store.execute(
            "SELECT visited FROM visits WHERE brief_id = ?", (brief_id,)
        ).fetchone()
        if not self._read_only():
            self.store.execute(
                "INSERT INTO visits (brief_id, file_digest, visited) VALUES (?, ?, ?)"
                " ON CONFLICT (brief_id) DO UPDATE SET file_digest = excluded.file_digest,"
                " visited = excluded.visited",
                (brief_id, file_digest, now.astimezone(UTC).isoformat(timespec="seconds")),
            )
        if not row:
            return None
        try:
            return datetime.fromisoformat(row[0])
        except (TypeError, ValueError):
            return None  # a damaged record: as if there were none (it has just been replaced)

    def visited(self) -> dict[str, str]:
        """The file digest of each brief at the user's last visit, by brief id."""
        if not self.store.exists():
            return {}
        rows = self.store.execute("SELECT brief_id, file_digest FROM visits").fetchall()
        return dict(rows)
