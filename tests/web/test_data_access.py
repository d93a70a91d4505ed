"""Issue 15 item 12 on the pages: the debtor's card is recorded with who looked, and the admin's
card offers the RODO art. 15 extract."""

from __future__ import annotations

from sqlalchemy import select

from app.models import AuditEvent
from tests.factories import create_debtor

EXTRACT = "Wyciąg danych (RODO art. 15)"


async def test_the_card_page_is_recorded_and_the_extract_is_the_admins(
    as_role, api_admin, session
) -> None:
    did = await create_debtor(api_admin)
    specialist, admin = await as_role("specjalista"), await as_role("admin")
    page = await specialist.get(f"/zobowiazani/{did}")
    assert page.status_code == 200
    assert EXTRACT not in page.text
    assert EXTRACT in (await admin.get(f"/zobowiazani/{did}")).text
    rows = (
        await session.execute(
            select(AuditEvent.actor, AuditEvent.details, AuditEvent.source)
            .where(AuditEvent.debtor_id == did)
            .order_by(AuditEvent.id)
        )
    ).all()
    assert [(a, d["co"]) for a, d, _ in rows] == [
        ("u_specjalista", "karta zobowiązanego"),
        ("admin", "karta zobowiązanego"),
    ]
    assert (await specialist.get(f"/api/v1/audit/debtors/{did}/extract.pdf")).status_code == 403
