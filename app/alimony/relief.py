"""The relief decision on the debtor's request takes effect on the fund receivable (issue 18 item 7;
seed 001, annex 9, point 4 of the order of satisfaction).

Art. 30 ust. 2 u.p.o.u.a. (ustawa z 7.09.2007 o pomocy osobom uprawnionym do alimentów, as in
Dz.U. 2022 poz. 1205, https://sip.lex.pl/akty-prawne/dzu-dziennik-ustaw/pomoc-osobom-uprawnionym-
do-alimentow-17384102/art-30): "Organ właściwy wierzyciela może na wniosek dłużnika
alimentacyjnego umorzyć jego należności z tytułu wypłaconych świadczeń z funduszu alimentacyjnego
łącznie z odsetkami w całości lub w części, odroczyć termin płatności albo rozłożyć na raty,
uwzględniając sytuację dochodową i rodzinną"; ust. 3: "Umorzenie należności następuje w drodze
decyzji administracyjnej".

Each relief goes through the receivable's existing lifecycle, not beside it:
- raty: the instalment plan the receivable card's action records (receivables.actions.
  grant_instalments): the balance on the decision's day in equal monthly instalments
  (app/domain/instalments.equal_plan);
- umorzenie: the receivable's write-off (receivables.actions.write_off) with the decision's
  reference; the art. 28 ledger books it on the fund's claim (app/alimony/facts.py) and allocates
  the later recoveries again;
- odroczenie: the lifecycle's deferral (app/deferrals/service.grant, issue 20 item 3) on each of
  the debtor's open fund receivables: the term moves to the deferred day (shifted to a working day
  as any deferred term), the receivable goes to raty under a plan of one instalment (the balance on
  the decision's day), so no reminder or title batch picks it, the enforcement authority is told,
  and the daily sweep sends it back when that amount is not paid by the new term.
  No prolongation fee: the fund's claim is not a tax; art. 30 ust. 2 u.p.o.u.a. names no fee and
  the act does not refer to the Ordynacja podatkowa for its reliefs, so OP art. 57 does not apply.
  Interest keeps running during the deferral (our reading, not verified in commentary or case
  law): art. 27 ust. 1 u.p.o.u.a. makes the debtor return the payouts "łącznie z ustawowymi
  odsetkami" counted from each payout (the ledger, app/alimony/ledger.py), and art. 30 ust. 2
  lets the organ cancel interest only by umorzenie ("umorzyć ... łącznie z odsetkami"); the
  deferral of the term is named without any effect on interest, and the OP rule that the
  prolongation fee replaces the interest (OP art. 57, rozporządzenie MF z 22.08.2005) has no
  counterpart here. So the alimony ledger's figures are untouched: the card's interest for an
  ART_28 receivable comes from the ledger, not from the deferral's window
  (app/receivables/figures.py), and the interest of the deferred period stays owed after it.
Gather → decide → apply; never commits; a refusal leaves nothing written."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from app.alimony import ledger
from app.alimony import service as alimony_service
from app.alimony.case_repository import AlimonyCaseRepository
from app.alimony.case_schemas import StepCreate
from app.alimony.facts import facts_of, fund_engine
from app.alimony.repository import AlimonyRepository
from app.deferrals import service as deferral_service
from app.deferrals.schemas import DeferralCreate
from app.domain.alimony_case import Relief, Step
from app.domain.alimony_history import add_months
from app.domain.instalments import equal_plan
from app.domain.money import format_amount
from app.errors import Conflict, Invalid
from app.models import Receivable
from app.receivables import actions
from app.receivables import figures as figures_mod
from app.receivables import service as receivable_service
from app.receivables.schemas import InstalmentPlanCreate, WriteOffCreate

# The reliefs that change the receivable (odmowa changes nothing).
EFFECTIVE = (Relief.RATY, Relief.UMORZENIE, Relief.ODROCZENIE)
DEFERRABLE = ("wystawiona", "wymagalna", "upomnienie", "tytul_wykonawczy")


def first_due(data: StepCreate) -> date:
    """The first instalment's day: as the decision names it, else a month after the decision
    (KC art. 112)."""
    return data.first_due_on or add_months(data.on, 1)


async def apply(
    session: AsyncSession, debtor_id: int, data: StepCreate, actor: str, today: date
) -> Receivable | None:
    """Give a decyzja_ulga step its effect on the debtor's open fund receivable; the receivable
    changed (the first one deferred), or None (odmowa, or another step)."""
    if data.step != Step.DECYZJA_ULGA or data.kind not in EFFECTIVE:
        return None
    if data.kind == Relief.ODROCZENIE:
        return await _deferral(session, debtor_id, data, actor, today)
    receivable = await AlimonyRepository(session).open_fund_receivable(debtor_id)
    if receivable is None:
        raise Conflict(
            "Dłużnik nie ma otwartej należności z tytułu świadczeń z funduszu alimentacyjnego:"
            " decyzja o uldze (art. 30 ust. 2 u.p.o.u.a.) nie ma czego dotyczyć",
            field="kind",
        )
    if not data.case_ref:
        raise Invalid("Decyzja o uldze wymaga numeru (znaku) decyzji", field="case_ref")
    if data.kind == Relief.RATY:
        assert data.instalments is not None  # case._relief_details
        return await _instalments(session, receivable, data, actor, today)
    assert data.amount is not None
    return await _write_off(session, receivable, data, actor, today)


async def _instalments(
    session: AsyncSession, receivable: Receivable, data: StepCreate, actor: str, today: date
) -> Receivable:
    rules = await receivable_service.rules_of(session, receivable)
    figs = await figures_mod.figures_of(session, receivable, rules, data.on)
    assert data.instalments is not None
    start = first_due(data)
    if start < data.on:
        raise Invalid("Termin pierwszej raty przed datą decyzji", field="first_due_on")
    try:
        plan = equal_plan(figs.balance, data.instalments, start)
    except ValueError:
        raise Conflict(
            f"Saldo na dzień decyzji ({format_amount(figs.balance)} zł) nie daje się rozłożyć"
            f" na {data.instalments} rat",
            field="instalments",
        ) from None
    body = InstalmentPlanCreate.model_validate(
        {
            "decided_on": data.on,
            "decision_ref": data.case_ref,
            "instalments": [{"due_on": d, "amount": format_amount(a)} for d, a in plan],
        }
    )
    return await actions.grant_instalments(session, receivable.id, body, actor, today)


async def _write_off(
    session: AsyncSession, receivable: Receivable, data: StepCreate, actor: str, today: date
) -> Receivable:
    """Only the fund's claim with its interest (art. 30 ust. 2: "należności z tytułu wypłaconych
    świadczeń z funduszu alimentacyjnego łącznie z odsetkami"), as the ledger has it that day."""
    assert data.amount is not None
    facts = (await facts_of(session, receivable.debtor_id)).known_on(data.on)
    fund = ledger.balances(facts, await fund_engine(session), data.on).get(ledger.F)
    owed = fund.principal_remaining + fund.interest_due if fund is not None else 0
    if data.amount > owed:
        raise Invalid(
            f"Kwota umorzenia ({format_amount(data.amount)} zł) przekracza należność z tytułu"
            f" świadczeń z funduszu z odsetkami na dzień decyzji ({format_amount(owed)} zł)",
            field="amount",
        )
    rules = await receivable_service.rules_of(session, receivable)
    figs = await figures_mod.figures_of(session, receivable, rules, data.on)
    full = data.amount >= figs.balance
    body = WriteOffCreate.model_validate(
        {
            "decided_on": data.on,
            "decision_ref": data.case_ref,
            "full": full,
            "amount": None if full else format_amount(data.amount),
        }
    )
    done = await actions.write_off(session, receivable.id, body, actor, today)
    # The recoveries after the decision are split again against the lowered claim (art. 28).
    await alimony_service.reallocate(
        session, receivable.debtor_id, from_day=data.on + timedelta(days=1)
    )
    return done


async def _deferral(
    session: AsyncSession, debtor_id: int, data: StepCreate, actor: str, today: date
) -> Receivable:
    """Defer the term of every open fund receivable of the debtor through the deferral service
    (fund_relief: the only path where a fund receivable is deferred, with no fee)."""
    assert data.deferred_to is not None  # case._relief_details
    if not data.case_ref:
        raise Invalid("Decyzja o uldze wymaga numeru (znaku) decyzji", field="case_ref")
    open_ = await AlimonyRepository(session).open_fund_receivables(debtor_id)
    targets = [r for r in open_ if r.state in DEFERRABLE]
    if not targets:
        raise Conflict(
            "Dłużnik nie ma należności z tytułu świadczeń z funduszu alimentacyjnego, której"
            " termin można odroczyć (art. 30 ust. 2 u.p.o.u.a.): należność zapłacona, umorzona"
            " albo rozłożona na raty",
            field="kind",
        )
    body = DeferralCreate(
        decided_on=data.on,
        new_term=data.deferred_to,
        decision_ref=data.case_ref,
        applied_on=await _applied_on(session, debtor_id, data.on),
    )
    for receivable in targets:
        await deferral_service.grant(session, receivable.id, body, actor, today, fund_relief=True)
    return targets[0]


async def _applied_on(session: AsyncSession, debtor_id: int, decided_on: date) -> date | None:
    """The day of the debtor's latest relief application on the case up to the decision."""
    repo = AlimonyCaseRepository(session)
    case = await repo.case_of(debtor_id)
    if case is None:
        return None
    days = [
        s.done_on
        for s in await repo.steps([case.id])
        if s.step == Step.WNIOSEK_ULGA and s.done_on <= decided_on
    ]
    return max(days) if days else None
