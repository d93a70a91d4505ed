"""Issue 20: what the receivable card shows of the corrections: the reversed payments, the
amended amounts, the disputes with the creditor's deadline, the overpayment, and the forms the
state and the role allow. Gathered here so that the card adds one block (receivables/web.py)."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from app.corrections.forms import FORMS
from app.corrections.repository import CorrectionRepository
from app.domain import lifecycle
from app.domain.lifecycle import Action, State
from app.overpayments.repository import OverpaymentRepository
from app.receivables.repository import ReceivableRepository
from app.receivables.service import Card
from app.titles.repository import TitleRepository
from app.web.forms import FormState, blank_form
from app.web.session import Viewer
from app.web.templating import pl_date, zl

_BY_ROLE = {
    "storno": "collect",
    "zmiana_decyzji": "sign",
    "uchylenie": "sign",
    "wycofanie": "sign",
    "egzekucja": "collect",
    "spor": "collect",
    "spor_koniec": "collect",
    "nadplata_zwrot": "sign",
    "nadplata_zaliczenie": "sign",
}


def _allowed(state: str, action: Action) -> bool:
    return action in lifecycle.allowed_actions(State(state))


async def block(
    session: AsyncSession, card: Card, viewer: Viewer, today: date, failed: FormState | None
) -> dict[str, Any]:
    r = card.receivable
    repo = CorrectionRepository(session)
    disputes = await repo.disputes(r.id)
    open_disputes = [d for d in disputes if d.resolved_on is None]
    overpayment = await OverpaymentRepository(session).of_receivable(r.id)
    settlements = (
        await OverpaymentRepository(session).settlements(overpayment.id) if overpayment else []
    )
    available = overpayment.amount - sum(s.amount for s in settlements) if overpayment else 0
    counted = [p for p in card.payments if p.reversed_on is None]
    others = [
        x
        for x in await ReceivableRepository(session).of_debtor(r.debtor_id)
        if x.id != r.id and x.state not in {s.value for s in lifecycle.CLOSED_STATES}
    ]
    wanted = {
        "storno": bool(counted) and _allowed(r.state, Action.STORNO),
        "zmiana_decyzji": _allowed(r.state, Action.ZMIANA_DECYZJI),
        "uchylenie": _allowed(r.state, Action.UCHYLENIE),
        "wycofanie": _allowed(r.state, Action.WYCOFANIE_TYTULU),
        "egzekucja": r.state == State.TYTUL_WYKONAWCZY,
        "spor": _allowed(r.state, Action.SPOR),
        "spor_koniec": bool(open_disputes),
        "nadplata_zwrot": available > 0,
        "nadplata_zaliczenie": available > 0 and bool(others),
    }
    shown = [n for n, ok in wanted.items() if ok and viewer.can(_BY_ROLE[n])]
    iso = today.isoformat()
    defaults: dict[str, dict[str, str]] = {
        "storno": {"reversed_on": iso, "payment_id": str(counted[-1].id) if counted else ""},
        "zmiana_decyzji": {"effective_on": iso},
        "uchylenie": {"effective_on": iso},
        "wycofanie": {"withdrawn_on": iso},
        "egzekucja": {"on": iso, "kind": "zawieszenie"},
        "spor": {"received_on": iso, "kind": "zarzut"},
        "spor_koniec": {
            "resolved_on": iso,
            "dispute_id": str(open_disputes[0].id) if open_disputes else "",
        },
        "nadplata_zwrot": {"decided_on": iso},
        "nadplata_zaliczenie": {"decided_on": iso},
    }
    forms = {name: blank_form(cls, name, **defaults[name]) for name, cls in FORMS.items()}
    if failed is not None and failed.name in forms:
        forms[failed.name] = failed
    return {
        "forms": forms,
        "shown": shown,
        "payments": counted,
        "reversed": [p for p in card.payments if p.reversed_on is not None],
        "amendments": await ReceivableRepository(session).amendments(r.id),
        "disputes": disputes,
        "open_disputes": open_disputes,
        "overpayment": overpayment,
        "settlements": settlements,
        "available": available,
        "others": others,
        "title": await TitleRepository(session).latest_title(r.id),
        "payment_options": [
            (
                str(p.id),
                f"{pl_date(p.paid_on)} — {zl(p.amount)}"
                + (f" ({p.reference})" if p.reference else ""),
            )
            for p in reversed(counted)
        ],
        "dispute_options": [
            (
                str(d.id),
                f"{'zarzut' if d.kind == 'zarzut' else 'skarga'} z {pl_date(d.received_on)}",
            )
            for d in open_disputes
        ],
        "receivable_options": [(str(x.id), f"nr {x.id}: {x.title[:60]}") for x in others],
    }


NAMES = frozenset(FORMS)
