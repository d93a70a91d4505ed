"""The lists show the state as of today, as the card does (issue 19 item 1): the receivable list,
its state filter, the dashboard's and the batch page's worklists, and the batch of reminders.
Derived in SQL from the stored facts (app/receivables/state_today.py); the night's sweep still
records the moves (app/sweeps/rules.py), so nothing here runs a sweep."""

from __future__ import annotations

import re
from datetime import date

from sqlalchemy import select, update

from app.models import Receivable
from app.receivables.state_today import in_state, state_today
from tests.conftest import TODAY
from tests.factories import create_debtor, create_receivable, deliver
from tests.web.conftest import post_form


def _badges(page: str) -> list[str]:
    return re.findall(r'<span class="badge st-(\w+)">', page)


async def _late(api, name: str) -> int:
    """A wezwanie delivered on Friday 06.11.2026: 14 days to pay (the kind table) end on Friday
    20.11.2026 (no weekend shift, OP art. 12 § 5); due from 21.11.2026 (seed 003 § 3.1), so on
    Monday 23.11.2026 wymagalna while the stored state is still "wystawiona"."""
    debtor = await create_debtor(api, name=name, first_name="Jan", last_name=name.split()[0])
    rid = int(
        (
            await create_receivable(
                api,
                debtor,
                issue_date="2026-11-02",
                period_from="2026-11-01",
                period_to="2026-11-01",
            )
        )["id"]
    )
    await deliver(api, rid, "wezwanie", "2026-11-06")
    return rid


async def test_a_term_ended_since_the_sweep_is_wymagalna_on_the_list_and_offered_a_reminder(
    web, api_admin, session
) -> None:
    assert TODAY == date(2026, 11, 23)
    rid = await _late(api_admin, "Lis Piotr")
    stored = await session.scalar(select(Receivable.state).where(Receivable.id == rid))
    assert stored == "wystawiona"  # no sweep ran
    card = (await api_admin.get(f"/api/v1/receivables/{rid}")).json()
    assert card["payment_term_ends_on"] == "2026-11-20"

    page = (await web.get("/naleznosci")).text
    assert _badges(page) == ["wymagalna"]
    assert (await web.get("/naleznosci", params={"stan": "wystawiona"})).text.count(
        "/naleznosci/" + str(rid) + '"'
    ) == 0
    # Overdue since 21.11.2026: 3 days after the term on 23.11.2026.
    assert ">3<" in (await web.get("/naleznosci", params={"stan": "wymagalna"})).text

    dashboard = (await web.get("/")).text
    ready = dashboard.split('id="w-upomnienia"')[1].split("</section>")[0]
    assert f"/naleznosci/{rid}" in ready
    assert f"/naleznosci/{rid}" in (await web.get("/prace-zbiorcze")).text

    # The batch takes it: it records the term's passing (dated 21.11.2026) and reminds it.
    r = await post_form(
        web, "/prace-zbiorcze/upomnienia", {"issued_on": "2026-11-23"}, page="/prace-zbiorcze"
    )
    assert r.status_code == 303, r.text
    await session.commit()
    session.expire_all()
    moved = await session.scalar(select(Receivable.state).where(Receivable.id == rid))
    assert moved == "upomnienie"


async def test_a_time_barred_file_is_przedawniona_and_offered_nothing(
    web, api_admin, session
) -> None:
    rid = await _late(api_admin, "Sowa Jan")
    # Limitation set to run today (OP art. 70 § 1 counts 5 years; here the date is put in
    # directly: the derivation reads only the stored date, as the sweep does).
    await session.execute(
        update(Receivable).where(Receivable.id == rid).values(time_barred_from=TODAY)
    )
    await session.commit()
    page = (await web.get("/naleznosci")).text
    assert _badges(page) == ["przedawniona"]
    assert _badges((await web.get("/naleznosci", params={"stan": "przedawniona"})).text) == [
        "przedawniona"
    ]
    assert _badges((await web.get("/naleznosci", params={"stan": "wymagalna"})).text) == []
    dashboard = (await web.get("/")).text
    assert (
        f"/naleznosci/{rid}" not in dashboard.split('id="w-upomnienia"')[1].split("</section>")[0]
    )


async def test_in_state_is_the_same_test_as_the_derived_state(api_admin, session) -> None:
    """The sargable filter and the shown expression agree for every state, on rows in each
    situation: term running, term ended, no term, time-barred."""
    ids = [await _late(api_admin, f"Nowak{i} Jan") for i in range(3)]
    debtor = await create_debtor(api_admin, name="Zając Ewa", first_name="Ewa", last_name="Zając")
    ids.append(int((await create_receivable(api_admin, debtor))["id"]))  # no delivery: no term
    await session.execute(
        update(Receivable).where(Receivable.id == ids[1]).values(time_barred_from=TODAY)
    )
    await session.execute(
        update(Receivable).where(Receivable.id == ids[2]).values(payment_term_ends_on=TODAY)
    )
    await session.commit()
    shown = dict((await session.execute(select(Receivable.id, state_today(TODAY)))).all())
    assert [shown[i] for i in ids] == ["wymagalna", "przedawniona", "wystawiona", "wystawiona"]
    for state in set(shown.values()) | {"upomnienie", "zaplacona"}:
        matched = set(await session.scalars(select(Receivable.id).where(in_state(state, TODAY))))
        assert matched == {i for i, s in shown.items() if s == state}, state


async def test_the_folders_count_and_list_the_state_as_of_today(web, api_admin, session) -> None:
    """Seed 003 § 2.3 folders: a file time-barred today (OP art. 70 § 1; the date put in
    directly, as above) is in "przedawnione" before the night's sweep records it."""
    rid = await _late(api_admin, "Wrona Jan")
    folders = {f["code"]: f["count"] for f in (await api_admin.get("/api/v1/folders")).json()}
    assert folders["przedawnione"] == 0
    await session.execute(
        update(Receivable).where(Receivable.id == rid).values(time_barred_from=TODAY)
    )
    await session.commit()
    folders = {f["code"]: f["count"] for f in (await api_admin.get("/api/v1/folders")).json()}
    assert folders["przedawnione"] == 1
    listed = (await api_admin.get("/api/v1/folders/przedawnione")).json()
    assert [(i["receivable_id"], i["state"]) for i in listed] == [(rid, "przedawniona")]
    assert _badges((await web.get("/teczki/przedawnione")).text) == ["przedawniona"]
