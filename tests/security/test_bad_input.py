"""The nasty inputs by hand, on every route that takes them: each is a 422 problem+json naming the
field, and nothing is written. Creating debtors and receivables with bad PESEL, amounts and dates
is covered in tests/debtors and tests/receivables; here the other writers, the body ceiling
(app/limits.py) and names that would break the XML."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from lxml import etree
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.limits import MAX_BODY
from app.models import BankStatement, Debtor, Instalment, Payment, Receivable, WriteOff
from app.titles.forms import FORMS
from app.titles.xsd import lxml_for, xmlschema_for
from tests.conftest import ADMIN_PASSWORD
from tests.factories import JAN, create_debtor, create_receivable
from tests.security.support import assert_problem, due, titled

# Amounts travel as "123.45" strings (app/domain/money.py): no exponent, no comma, no sign, at most
# 10^14 - 1 grosze. 10^15 grosze is "10000000000000.00".
BAD_AMOUNTS = [
    "1e9",
    "12,5",
    "-0.01",
    "0.00",
    "10000000000000.00",
    "1.234",
    " ",
    12.5,
    1000,
    None,
    True,
]
# ISO dates only, and real ones.
BAD_DATES = [
    "2024-02-30",
    "2025-13-01",
    "2025-3-3",
    "03.03.2025",
    "2025-03-03T00:00:00",
    "",
    20250303,
]


async def _count(session: AsyncSession, model: type) -> int:
    return int(await session.scalar(select(func.count()).select_from(model)) or 0)


async def _counts(session: AsyncSession) -> tuple[int, ...]:
    return tuple(
        [await _count(session, m) for m in (Debtor, Receivable, Payment, WriteOff, Instalment)]
    )


@pytest.fixture
async def wymagalna(api: httpx.AsyncClient) -> int:
    return await due(api)


def _writes(rid: int) -> list[tuple[str, str, dict[str, Any], str]]:
    """(route, field, valid body, key in the body) for every writer taking an amount or a date."""
    base = f"/api/v1/receivables/{rid}"
    instalment = {"due_on": "2025-07-01", "amount": "250.00"}
    return [
        (f"{base}/payments", "amount", {"paid_on": "2025-04-01", "amount": "10.00"}, "amount"),
        (f"{base}/payments", "paid_on", {"paid_on": "2025-04-01", "amount": "10.00"}, "paid_on"),
        (
            f"{base}/write-offs",
            "amount",
            {"decided_on": "2025-06-01", "decision_ref": "FN.1", "full": False, "amount": "5.00"},
            "amount",
        ),
        (
            f"{base}/write-offs",
            "decided_on",
            {"decided_on": "2025-06-01", "decision_ref": "FN.1", "full": True},
            "decided_on",
        ),
        (
            f"{base}/instalments",
            "instalments.0.amount",
            {"decided_on": "2025-06-01", "decision_ref": "FN.2", "instalments": [instalment]},
            "amount",
        ),
        (
            f"{base}/instalments",
            "instalments.0.due_on",
            {"decided_on": "2025-06-01", "decision_ref": "FN.2", "instalments": [instalment]},
            "due_on",
        ),
        (f"{base}/reminders", "issued_on", {"issued_on": "2025-04-01"}, "issued_on"),
        (
            f"{base}/deliveries",
            "delivered_on",
            {"document": "wezwanie", "delivered_on": "2025-03-05"},
            "delivered_on",
        ),
    ]


def _with(body: dict[str, Any], key: str, value: object) -> dict[str, Any]:
    if "instalments" in body and key in ("amount", "due_on"):
        return {**body, "instalments": [{**body["instalments"][0], key: value}]}
    return {**body, key: value}


async def test_bad_amounts_and_dates_are_refused_on_every_writer(
    api: httpx.AsyncClient, session: AsyncSession, wymagalna: int
) -> None:
    before = await _counts(session)
    wrong = []
    for url, field, body, key in _writes(wymagalna):
        for value in BAD_DATES if key.endswith("_on") else BAD_AMOUNTS:
            if value is None and url.endswith("write-offs"):
                continue  # optional there: a partial write-off without it is refused as a whole
            r = await api.post(url, json=_with(body, key, value))
            problem = assert_problem(r, 422) if r.status_code == 422 else None
            fields = [e["field"] for e in problem["errors"]] if problem else []  # type: ignore[union-attr]
            if fields[:1] != [field]:
                wrong.append(f"{url} {key}={value!r}: {r.status_code} {fields or r.text[:120]}")
    assert not wrong, "\n".join(wrong)
    assert await _counts(session) == before


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("principal", "1e9"),
        ("principal", "12,5"),
        ("principal", "-0.01"),
        ("principal", "10000000000000.00"),
        ("due_date", "2024-02-30"),
        ("as_of", "2024-02-30"),
    ],
)
async def test_the_calculator_refuses_them_too(
    api: httpx.AsyncClient, field: str, value: str
) -> None:
    body = {
        "kind": "oplata_pobyt",
        "principal": "1000.00",
        "due_date": "2024-03-15",
        "as_of": "2025-01-01",
    }
    problem = assert_problem(await api.post("/api/v1/calculator", json={**body, field: value}), 422)
    assert problem["errors"][0]["field"] == field  # type: ignore[index]


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("pesel", "44051401358"),  # last digit off: checksum 9
        ("pesel", "4405140135a"),
        ("nip", "7740001455"),
        ("regon", "192598185"),
    ],
)
async def test_a_wrong_checksum_is_refused_on_edit_too(
    api: httpx.AsyncClient, session: AsyncSession, field: str, value: str
) -> None:
    did = await create_debtor(api)
    problem = assert_problem(
        await api.put(f"/api/v1/debtors/{did}", json={**JAN, field: value}), 422
    )
    assert problem["errors"][0]["field"] == field  # type: ignore[index]
    stored = await session.get(Debtor, did)
    assert stored is not None
    await session.refresh(stored)
    assert (stored.pesel, stored.nip, stored.regon) == ("44051401359", None, None)


# --- the body ceiling (app/limits.py) ------------------------------------------------------------

TWENTY_MB = 20 * 1024 * 1024


async def _chunks(total: int, size: int = 1024 * 1024) -> AsyncIterator[bytes]:
    """A body of `total` bytes sent without Content-Length (chunked), as a JSON string value."""
    yield b'{"name": "'
    sent = 0
    while sent < total:
        yield b"A" * size
        sent += size
    yield b'", "homeless": true}'


async def test_a_20_mb_body_is_refused_with_413_by_its_declared_length(
    api: httpx.AsyncClient, session: AsyncSession
) -> None:
    before = await _counts(session)
    body = b'{"name": "' + b"A" * TWENTY_MB + b'", "homeless": true}'
    problem = assert_problem(
        await api.post(
            "/api/v1/debtors", content=body, headers={"Content-Type": "application/json"}
        ),
        413,
    )
    assert "10 MB" in str(problem["detail"])
    assert await _counts(session) == before


async def test_a_20_mb_body_without_length_is_cut_off_while_it_streams(
    api: httpx.AsyncClient, session: AsyncSession
) -> None:
    before = await _counts(session)
    r = await api.post(
        "/api/v1/debtors", content=_chunks(TWENTY_MB), headers={"Content-Type": "application/json"}
    )
    assert "content-length" not in {k.lower() for k in r.request.headers}
    assert_problem(r, 413)
    assert await _counts(session) == before


async def test_a_20_mb_bank_statement_is_refused_and_nothing_imported(
    api: httpx.AsyncClient, session: AsyncSession
) -> None:
    before = await _count(session, BankStatement)
    line = "2025-04-01;250.00;NZ/1/2025 oplata;Jan Kowalski\n"
    content = ("data;kwota;tytuł;nadawca\n" + line * (TWENTY_MB // len(line) + 1)).encode()
    r = await api.post(
        "/api/v1/bank-statements", files={"file": ("wyciag.csv", content, "text/csv")}
    )
    assert_problem(r, 413)
    assert await _count(session, BankStatement) == before


async def test_a_body_just_under_the_ceiling_still_reaches_the_route(
    api: httpx.AsyncClient,
) -> None:
    # Not refused for its size: the schema answers (the name is longer than 300 characters).
    body = b'{"name": "' + b"A" * (MAX_BODY - 100) + b'", "homeless": true}'
    problem = assert_problem(
        await api.post(
            "/api/v1/debtors", content=body, headers={"Content-Type": "application/json"}
        ),
        422,
    )
    assert problem["errors"][0]["field"] == "name"  # type: ignore[index]


# --- names that would break the XML ---------------------------------------------------------

TW1_5 = FORMS["TW-1(5)"].schemas
# Control characters: accepted at input (a name is what the person wrote), removed by the XML
# builder (app/titles/xmltext.clean: XML 1.0 cannot carry them even escaped). NUL alone is refused
# at input (app/schemas.py).
NASTY = "Zażółć & <Gęślą> ]]> 'Jaźń' \"x\"\x01\x08\x0b\x1f\x7f\ufffe Nowak\tOd\r\nNowa"
EXPECTED = "Zażółć & <Gęślą> ]]> 'Jaźń' \"x\"\x7f Nowak Od Nowa"


async def test_an_xml_breaking_name_comes_out_escaped_and_valid(api: httpx.AsyncClient) -> None:
    did = await create_debtor(
        api,
        name=NASTY,
        first_name="Zażółć & <Gęślą>\x01",
        last_name="]]>\x1f'Jaźń'",
        address={**JAN["address"], "street": "ul. <Długa> & 5\x02"},
    )
    assert (await api.get(f"/api/v1/debtors/{did}")).json()["name"] == NASTY  # stored as written
    rid, tid = await titled(api, did)
    r = await api.get(f"/api/v1/titles/{tid}.xml")
    assert r.status_code == 200, r.text
    root = etree.fromstring(r.content)
    assert lxml_for(TW1_5).validate(root), lxml_for(TW1_5).error_log
    assert xmlschema_for(TW1_5).is_valid(root)
    texts = {el.text for el in root.iter() if isinstance(el.tag, str)}
    assert {"Zażółć & <Gęślą>", "]]>'Jaźń'", "<Długa> &"} <= texts  # street split from its number
    assert b"&amp; &lt;G" in r.content
    assert b"\x01" not in r.content

    # The same name in the handoff batch (the register extract names the debtor) and in a notice.
    h = await api.post("/api/v1/handoffs", json={"issued_on": "2025-04-14"})
    assert h.status_code == 201, h.text
    batch = await api.get(f"/api/v1/handoffs/{h.json()['id']}.xml")
    assert EXPECTED in {
        el.text for el in etree.fromstring(batch.content).iter() if isinstance(el.tag, str)
    }
    p = await api.post(
        f"/api/v1/receivables/{rid}/payments", json={"paid_on": "2025-05-05", "amount": "10.00"}
    )
    assert p.status_code == 201, p.text
    notice = (await api.get("/api/v1/notices")).json()[0]
    assert (await api.get(f"/api/v1/notices/{notice['id']}.xml")).status_code == 200


async def test_the_letters_print_such_a_name_too(api: httpx.AsyncClient) -> None:
    did = await create_debtor(api, name=NASTY)
    receivable = await create_receivable(api, did)
    r = await api.get(f"/api/v1/documents/{receivable['documents'][0]['id']}.pdf")
    assert r.status_code == 200, r.text[:300]
    assert r.content.startswith(b"%PDF")


# --- what the OpenAPI description does not list -------------------------------------------------


async def test_undeclared_requests_are_problems_too(api: httpx.AsyncClient) -> None:
    json = {"Content-Type": "application/json"}
    assert_problem(await api.get("/api/v1/nie-ma-takiej-sciezki"), 404)
    assert_problem(await api.delete("/api/v1/debtors/1"), 405)
    assert_problem(await api.post("/api/v1/debtors", content=b'{"name": "Jan', headers=json), 422)
    assert_problem(await api.post("/api/v1/debtors", content=b"\xff\xfe\x00", headers=json), 400)
    assert_problem(await api.post("/api/v1/debtors", content=b"[]", headers=json), 422)
    assert_problem(await api.get("/api/v1/receivables/abc"), 422)
    # Integers no column can hold: refused, not a database error (app/errors.unstorable_input).
    assert_problem(await api.get(f"/api/v1/receivables/{2**63}"), 422)
    # A NUL in a query: PostgreSQL text cannot hold it (422); SQLite simply finds nobody.
    r = await api.get("/api/v1/debtors", params={"q": "Kowal\x00ski"})
    assert r.status_code == 200 or assert_problem(r, 422)


async def test_web_pages_refuse_what_no_column_can_hold(client: httpx.AsyncClient) -> None:
    page = await client.get("/logowanie")
    token = page.text.split('name="csrf_token" value="')[1].split('"')[0]
    form = {"csrf_token": token, "username": "admin", "password": ADMIN_PASSWORD}
    assert (await client.post("/logowanie", data=form)).status_code == 303
    for url in (f"/naleznosci/{2**40}", f"/zobowiazani/{2**63}", "/zobowiazani?q=%00"):
        r = await client.get(url)
        assert r.status_code in (200, 404, 422), (url, r.status_code)
        assert "text/html" in r.headers["content-type"]
