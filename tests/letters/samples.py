"""Realistic document data for the letters tests and the benchmark (CWOK Włocławek, seed 003)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from app.domain.documents import (
    Address,
    Authority,
    Creditor,
    DebtorData,
    ReceivableData,
    RegisterEntry,
    ReminderRef,
    Signatory,
    TytulWykonawczy,
    Upomnienie,
    Wezwanie,
    Zawiadomienie,
)
from letters.documents import AlimonyWriteOffRow, TimeBarredRow

POLISH = "Zażółć Gęślą Jaźń"  # all nine Polish letters: ą ć ę ł ń ó ś ź ż
CAPITALS = "ĄĆĘŁŃÓŚŹŻ"

CREDITOR = Creditor(
    name="Centrum Wsparcia dla Osób w Kryzysie we Włocławku",
    address=Address(street="ul. Okrężna 2", postal_code="87-800", city="Włocławek"),
    nip="8881234566",
    regon="910866505",
    bank_account="12 1020 1026 0000 1502 0123 4567",
    bank_name="PKO BP S.A.",
    creditor_code="PRMI082",
)

AUTHORITY = Authority(
    code="UM-WLOCLAWEK",
    name="Prezydent Miasta Włocławek – Wydział Windykacji i Egzekucji",
    address=Address(street="Zielony Rynek 11/13", postal_code="87-800", city="Włocławek"),
    office_code="0415",
)

DEBTOR = DebtorData(
    name=f"Łukasz {POLISH}",
    first_name="Łukasz",
    last_name=POLISH,
    address=Address(street="ul. Długa 5 m. 3", postal_code="87-800", city="Włocławek"),
    pesel="44051401359",
)

DEBTOR_NO_IDS = DebtorData(
    name="Jan Bezimienny",
    address=Address(street="ul. Żabia 1", postal_code="87-800", city="Włocławek"),
)

SIGNATORY = Signatory(name="Anna Śliwińska", position="Specjalista ds. administracji i windykacji")

STAY_FEE = ReceivableData(
    kind_code="oplata_pobyt",
    kind_label="Opłata za pobyt w centrum wsparcia dla osób w kryzysie",
    legal_basis="art. 42² ust. 11 ustawy z dnia 26 października 1982 r. o wychowaniu w trzeźwości "
    "i przeciwdziałaniu alkoholizmowi",
    title="pobyt w dniu 28.02.2026, karta 123/2026",
    period_from=date(2026, 2, 28),
    period_to=date(2026, 2, 28),
    due_date=date(2026, 3, 30),
    principal=12_345,  # 123,45 zł
    interest_kind="odsetki za zwłokę",
    interest_amount=1_200,  # 12,00 zł
    interest_rate_bp=1050,  # 10,50 %
    interest_from=date(2026, 3, 31),
    costs=1_600,
    reference="CW/123/2026",
)

UPOMNIENIE = Upomnienie(
    number="UP/17/2026",
    issued_on=date(2026, 11, 23),
    creditor=CREDITOR,
    debtor=DEBTOR,
    receivable=STAY_FEE,
    reminder_cost=1_600,
    term_days=7,
    handling_fee=10_000,
    signatory=SIGNATORY,
)

WEZWANIE = Wezwanie(
    number="RACH/5/2026",
    issued_on=date(2026, 3, 2),
    creditor=CREDITOR,
    debtor=DEBTOR,
    receivable=replace(STAY_FEE, interest_amount=0, costs=0),
    term_days=14,
    signatory=SIGNATORY,
)

TYTUL = TytulWykonawczy(
    number="TW/3/2026",
    issued_on=date(2026, 12, 7),
    creditor=CREDITOR,
    debtor=DEBTOR,
    authority=AUTHORITY,
    receivable=replace(STAY_FEE, interest_amount=1_500, interest_rate_bp=1050),
    reminder=ReminderRef(
        number="UP/17/2026", issued_on=date(2026, 11, 23), delivered_on=date(2026, 11, 26)
    ),
    signatory=SIGNATORY,
)

ZAWIADOMIENIE = Zawiadomienie(
    number="ZAW/2/2027",
    issued_on=date(2027, 1, 15),
    creditor=CREDITOR,
    authority=AUTHORITY,
    debtor=DEBTOR,
    title_number="TW/3/2026",
    title_issued_on=date(2026, 12, 7),
    change="wplata_czesciowa",
    event_on=date(2027, 1, 12),
    amount=5_000,
    remaining_principal=7_345,
    description="wpłata na rachunek bankowy wierzyciela",
    signatory=SIGNATORY,
)

REGISTER = [
    RegisterEntry(
        title_number=f"TW/{i}/2026",
        issued_on=date(2026, 12, i),
        debtor_name=f"Dłużnik {i} {POLISH}" if i != 2 else "Kowalski & Syn <sp. j.>",
        principal=12_345 * i,
        interest=1_500 + i,
        costs=1_600,
        authority_name=AUTHORITY.name,
        handoff_number=f"PRZ/{i}/2026" if i % 2 else None,
        events=("wpłata częściowa 12.01.2027",) if i == 3 else (),
    )
    for i in range(1, 6)
]

TIME_BARRED = [
    TimeBarredRow(
        debtor_name=f"Ścibor {POLISH}",
        debtor_id="PESEL 44051401359",
        reference="CW/12/2022",
        kind_label="Opłata za pobyt w centrum wsparcia",
        due_date=date(2022, 3, 14),
        time_barred_on=date(2025, 3, 15),
        principal=123_456,  # 1 234,56 zł
        interest=45_600,
        costs=1_160,
    ),
    TimeBarredRow(
        debtor_name="=SUM(A1:A9) Bezdomny",
        debtor_id=None,
        reference="CW/40/2022",
        kind_label="Opłata za pobyt w centrum wsparcia",
        due_date=date(2022, 6, 1),
        time_barred_on=date(2025, 6, 2),
        principal=31_500,
        interest=0,
        costs=0,
    ),
]

ALIMONY = [
    AlimonyWriteOffRow(
        debtor_name=f"Żaneta {POLISH}",
        pesel="44051401359",
        effective_from=date(2019, 1, 1),
        effective_to=date(2025, 12, 31),
        years=7,
        percent=100,
        balance=1_234_567,
        write_off=1_234_567,
        fund_principal=1_000_000,
        fund_interest=200_000,
        advance_principal=30_000,
        advance_interest=4_567,
        decision_number="FA.4410.1.2026",
        decision_on=date(2026, 12, 15),
        legal_basis="art. 30 ust. 1 pkt 3 i ust. 3 u.p.o.u.a.",
    ),
    AlimonyWriteOffRow(
        debtor_name="Marek Nowak",
        pesel=None,
        effective_from=date(2022, 1, 1),
        effective_to=date(2025, 12, 31),
        years=3,
        percent=30,
        balance=100_001,
        write_off=30_000,
        advance_principal=30_000,
    ),
]
