"""Issue 20: disputes that pause a receivable's automatic steps, and the creditor's deadline on a
zarzut w sprawie egzekucji administracyjnej.

The zarzut (u.p.e.a. art. 33) goes to the creditor through the enforcement authority; the
creditor's position on it is a postanowienie (u.p.e.a. art. 34). The number of days is a dated
parameter (zarzut_stanowisko_dni, see the migration i20_corrections for its source and the
caveat on it). A deadline in days is counted from the day after the zarzut was received (KPA
art. 57 §1, applied through u.p.e.a. art. 18) and one ending on a Saturday or a public holiday
ends on the next working day (KPA art. 57 §4).
"""

from __future__ import annotations

from datetime import date, timedelta

from app.domain.workdays import shift_to_working_day

PAUSE_LABELS = {
    "zarzut": "zarzut w sprawie egzekucji administracyjnej",
    "skarga": "skarga na decyzję (sąd administracyjny)",
}


def answer_due(received_on: date, days: int) -> date:
    return shift_to_working_day(received_on + timedelta(days=days))


def paused_reason(open_disputes: list[tuple[str, date]]) -> str | None:
    """What the card and the sweeps show while disputes are open (kind, received on), the
    oldest first; None when none is open."""
    if not open_disputes:
        return None
    parts = [
        f"{PAUSE_LABELS[k]} z dnia {d:%d.%m.%Y}"
        for k, d in sorted(open_disputes, key=lambda x: x[1])
    ]
    return ("wstrzymane: " + "; ".join(parts))[:200]
