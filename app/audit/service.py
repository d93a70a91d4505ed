"""The audit trail (issue 15 item 12): who logged in or failed to, who was throttled, who changed
which user, and who read which debtor's personal data and when (KRI §20 ust. 2 pkt 22: "zapewnienie
rozliczalności działań"; RODO art. 32 ust. 1 lit. b and art. 5 ust. 2). Rows go into the request's
transaction: an answer that failed records nothing, a read that was answered is recorded."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from app.audit.repository import AuditRepository

# What happened, as stored (Polish, ASCII, like the lifecycle's codes).
LOGIN = "logowanie"
LOGIN_FAILED = "logowanie_nieudane"
LOGIN_THROTTLED = "logowanie_wstrzymane"  # a try refused unchecked: its key must wait
THROTTLE_STARTED = "opoznienie_logowania"  # a failure set off a delay on a key
LOGOUT = "wylogowanie"
PASSWORD_CHANGED = "zmiana_hasla"
TOKEN_REVOKED = "odwolanie_tokenu"
SESSIONS_ENDED = "zakonczenie_sesji"  # the user ended their other sessions
USER_CREATED = "uzytkownik_dodany"
USER_CHANGED = "uzytkownik_zmieniony"
USER_DEACTIVATED = "uzytkownik_dezaktywowany"
USER_ACTIVATED = "uzytkownik_aktywowany"
PASSWORD_RESET = "reset_hasla"
USER_UNLOCKED = "odblokowanie"
DATA_READ = "odczyt_danych"  # a debtor's personal data shown or printed
DATA_EXTRACT = "wyciag_rodo"  # the art. 15 extract itself
NOTE_ADDED = "notatka_dodana"  # an entry of a debtor's notes and contacts log
# Issue 20 item 8 (app/retention): the list for the state archive, its consent, the removal.
RETENTION_LIST = "spis_brakowania"
RETENTION_CONSENT = "zgoda_archiwum"
ANONYMISED = "anonimizacja"

LABELS = {
    LOGIN: "logowanie",
    LOGIN_FAILED: "nieudane logowanie",
    LOGIN_THROTTLED: "logowanie wstrzymane (zbyt wiele prób)",
    THROTTLE_STARTED: "opóźnienie kolejnych prób logowania",
    LOGOUT: "wylogowanie",
    PASSWORD_CHANGED: "zmiana hasła",
    TOKEN_REVOKED: "odwołanie tokenu API",
    SESSIONS_ENDED: "zakończenie pozostałych sesji",
    USER_CREATED: "dodanie użytkownika",
    USER_CHANGED: "zmiana danych użytkownika",
    USER_DEACTIVATED: "dezaktywacja użytkownika",
    USER_ACTIVATED: "ponowna aktywacja użytkownika",
    PASSWORD_RESET: "reset hasła przez administratora",
    USER_UNLOCKED: "zniesienie opóźnień logowania",
    DATA_READ: "odczyt danych osobowych",
    DATA_EXTRACT: "wyciąg danych (RODO art. 15)",
    NOTE_ADDED: "wpis w notatkach i kontaktach zobowiązanego",
    RETENTION_LIST: "spis akt do brakowania (art. 5 ust. 2 u.n.z.a.)",
    RETENTION_CONSENT: "zgoda archiwum państwowego na brakowanie",
    ANONYMISED: "usunięcie danych osobowych po upływie okresu przechowywania",
    # issue 22 item 6: the chief accountant's control (app/control)
    "kontrola_wniosek": "wniosek do kontroli głównego księgowego",
    "kontrola_kontrasygnata": "kontrasygnata głównego księgowego",
    "kontrola_zwrot": "zwrot wniosku przez głównego księgowego",
    "kontrola_zatwierdzenie": "decyzja kierownika: zatwierdzenie",
    "kontrola_odmowa": "decyzja kierownika: odmowa",
    "kontrola_wykonanie": "wykonanie operacji po kontroli",
}


@dataclass(frozen=True)
class Who:
    """The person acting and where from; built by the route from the request."""

    actor: str
    source: str = ""


def _row(
    who: Who,
    action: str,
    subject: str = "",
    debtor_id: int | None = None,
    details: dict[str, Any] | None = None,
) -> dict[str, Any]:
    return {
        "actor": who.actor[:64],
        "action": action,
        "source": who.source[:64],
        "subject": subject[:200],
        "debtor_id": debtor_id,
        "details": details or {},
    }


async def record(
    session: AsyncSession,
    who: Who,
    action: str,
    subject: str = "",
    debtor_id: int | None = None,
    **details: Any,
) -> None:
    await AuditRepository(session).add_many([_row(who, action, subject, debtor_id, details)])


async def record_reads(
    session: AsyncSession, who: Who, what: str, debtor_ids: Iterable[int], subject: str = ""
) -> None:
    """A read of these debtors' personal data: `what` names the view (karta, PDF, eksport …)."""
    rows = (
        _row(who, DATA_READ, subject, debtor_id, {"co": what})
        for debtor_id in sorted(set(debtor_ids))
    )
    await AuditRepository(session).add_many(rows)
