"""The receivable list (issue 19 item 2): search without diacritics and by numbers, Polish
alphabetical order over keyset pages, filters, CSV and XLSX, reminders for the ticked ones."""

from __future__ import annotations

import importlib.util
import io
import re
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.domain.collation import fold, sort_key
from app.domain.lifecycle import OPEN_STATES
from app.models.receivable import DEADLINE_KEY
from app.receivables import listing
from tests.conftest import TODAY
from tests.factories import create_debtor, create_receivable, deliver
from tests.web.conftest import post_form

NAMES = ("Wąsowicz Adam", "Ćwikła Ewa", "Cywiński Jan", "Dąbrowski Olaf", "Żółkiewski Stanisław")


def _names(page: str) -> list[str]:
    return re.findall(r'<a href="/zobowiazani/\d+">([^<]+)</a>', page)


async def _debtor(api, name: str) -> int:
    last, first = name.split(" ", 1)
    return await create_debtor(api, name=name, first_name=first, last_name=last, pesel=None)


@pytest.fixture
async def five(api_admin) -> dict[str, int]:
    """One receivable for each name, in the order the names were typed in."""
    ids = {}
    for i, name in enumerate(NAMES):
        debtor = await _debtor(api_admin, name)
        ids[name] = int(
            (await create_receivable(api_admin, debtor, principal=f"{100 + i}.00"))["id"]
        )
    return ids


def test_the_deadline_index_names_every_open_state() -> None:
    # The list's order by the next deadline is one SQL expression, shared with its index.
    listed = set(re.findall(r"'(\w+)'", DEADLINE_KEY.split(" IN (")[1].split(")")[0]))
    assert listed == {s.value for s in OPEN_STATES}


def test_the_deadline_index_of_the_migration_is_the_models() -> None:
    # alembic check does not compare this expression index (alembic/env.py UNCOMPARED_INDEXES):
    # the SQL the migration created it with must be the model's, or the list's order would not
    # use it.
    path = Path(__file__).parents[2] / "alembic" / "versions" / "2026-12-06-1930_i19b.py"
    spec = importlib.util.spec_from_file_location("i19b_list", path)
    assert spec is not None
    assert spec.loader is not None
    migration = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(migration)
    assert migration.DEADLINE_KEY == DEADLINE_KEY


def test_the_polish_sort_key_puts_each_diacritic_letter_after_its_base_letter() -> None:
    # The Polish alphabet: … c ć d … l ł … s ś … z ź ż (PN-ISO/IEC 8859-2, CLDR "pl").
    ordered = [
        "Cywiński",
        "Ćwikła",
        "Dąbrowski",
        "Lis",
        "Łukasik",
        "Nowak Anna",
        "Nowakowska",
        "Sowa",
        "Śliwa",
        "Wąsowicz",
        "Zieliński",
        "Źrebiec",
        "Żak",
    ]
    assert sorted(ordered[7:] + ordered[:7], key=sort_key) == ordered
    assert fold("Żółkiewski ŁUKASZ") == "zolkiewski lukasz"


@pytest.mark.usefixtures("five")
async def test_the_list_is_in_polish_order_page_after_page(web, monkeypatch) -> None:
    monkeypatch.setattr(listing, "PAGE", 2)
    page = (await web.get("/naleznosci")).text
    seen = _names(page)
    while m := re.search(r'href="(/naleznosci\?[^"]*po=[^"]+)" rel="next"', page):
        page = (await web.get(m[1].replace("&amp;", "&"))).text
        seen += _names(page)
    assert seen == [
        "Cywiński Jan",
        "Ćwikła Ewa",
        "Dąbrowski Olaf",
        "Wąsowicz Adam",
        "Żółkiewski Stanisław",
    ]
    # A column heading sorts by it; the same heading again, the other way.
    assert 'aria-sort="ascending"><a href="/naleznosci?sort=nazwisko&amp;kier=malejaco"' in page
    # By the next deadline: none of these wezwania is delivered, so none has one; by id.
    page = (await web.get("/naleznosci?sort=termin")).text
    assert _names(page)[0] == "Wąsowicz Adam"
    page = (await web.get("/naleznosci?sort=kwota&kier=malejaco")).text
    assert 'aria-sort="descending"><a href="/naleznosci?sort=kwota" class="sort">' in page
    assert _names(page)[:2] == ["Żółkiewski Stanisław", "Dąbrowski Olaf"]  # 104 zł, 103 zł


@pytest.mark.usefixtures("five")
async def test_a_search_needs_no_diacritics(web) -> None:
    for q in ("zolk", "ŻÓŁK", "Żółkiewski"):
        assert _names((await web.get("/naleznosci", params={"q": q})).text) == [
            "Żółkiewski Stanisław"
        ]
    assert _names((await web.get("/naleznosci", params={"q": "cwik"})).text) == ["Ćwikła Ewa"]


async def test_a_search_finds_the_case_document_and_transfer_numbers(web, api_admin) -> None:
    debtor = await _debtor(api_admin, "Nowak Anna")
    other = await _debtor(api_admin, "Lis Piotr")
    rid = int((await create_receivable(api_admin, debtor, reference="OPS.4012.7.2025"))["id"])
    await create_receivable(api_admin, other)
    r = await api_admin.post(
        f"/api/v1/receivables/{rid}/payments",
        json={"paid_on": "2025-03-10", "amount": "10.00", "reference": "PRZELEW/2025/0042"},
    )
    assert r.status_code == 201, r.text
    number = await api_admin.get(f"/api/v1/receivables/{rid}", params={"as_of": "2025-03-10"})
    wezwanie = number.json()["documents"][0]["number"]
    for q in ("OPS.4012.7.2025", wezwanie.lower(), "PRZELEW/2025/0042"):
        page = (await web.get("/naleznosci", params={"q": q})).text
        assert _names(page) == ["Nowak Anna"], q


async def test_filters_by_state_amount_and_days_overdue(web, api_admin) -> None:
    late = int((await create_receivable(api_admin, await _debtor(api_admin, "Lis Piotr")))["id"])
    await create_receivable(api_admin, await _debtor(api_admin, "Sowa Jan"), principal="900.00")
    # Wezwanie delivered 05.03.2025: 14 days to pay (u.p.o.u.a. kind table) end 19.03.2025, a
    # Wednesday (no shift, OP art. 12 § 5); on 23.11.2026 that is 614 days ago.
    await deliver(api_admin, late, "wezwanie", "2025-03-05")
    assert (TODAY - date(2025, 3, 19)).days == 614
    page = (await web.get("/naleznosci", params={"dni": "614"})).text
    assert _names(page) == ["Lis Piotr"]
    assert ">614<" in page
    # The balance column is the card's balance as of today (principal, interest, costs).
    figures = (await api_admin.get(f"/api/v1/receivables/{late}")).json()
    balance = figures["balance"].replace(".", ",")
    assert balance != "250,00"  # interest has run since 20.03.2025
    assert f'<td class="num strong">{balance}\u00a0zł</td>' in page
    assert _names((await web.get("/naleznosci", params={"dni": "615"})).text) == []
    assert _names((await web.get("/naleznosci", params={"od": "500", "do": "1 000,00"})).text) == [
        "Sowa Jan"
    ]
    # As of today (issue 19 item 1), as the card: Lis's term ended 19.03.2025, it is wymagalna
    # though no sweep has recorded it; Sowa's wezwanie is not delivered, its term has not begun.
    assert _names((await web.get("/naleznosci", params={"stan": "wystawiona"})).text) == [
        "Sowa Jan"
    ]
    assert _names((await web.get("/naleznosci", params={"stan": "wymagalna"})).text) == [
        "Lis Piotr"
    ]
    # Hostile input is read as text: NUL dropped, a cursor that is no cursor told.
    odd = await web.get("/naleznosci", params={"q": "zo\x00lk", "po": "x\x00~y"})
    assert odd.status_code == 422
    assert "Nieprawidłowy adres strony listy" in odd.text
    huge = await web.get("/naleznosci", params={"sort": "kwota", "po": f"{10**30}~{10**12}"})
    assert huge.status_code == 422
    bad = await web.get("/naleznosci", params={"od": "12,345", "dni": "dużo"})
    assert bad.status_code == 422
    assert "Kwota „12,345”" in bad.text
    assert "Liczba dni „dużo”" in bad.text
    assert _names(bad.text) == ["Lis Piotr", "Sowa Jan"]  # shown without the unreadable filters


async def test_the_list_exports_as_csv_and_xlsx_with_formulas_disarmed(web, api_admin) -> None:
    debtor = await _debtor(api_admin, "Żak Ewa")
    await create_receivable(api_admin, debtor, title='=HYPERLINK("x") opłata', principal="1234.50")
    r = await web.get("/naleznosci", params={"eksport": "csv", "q": "zak"})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/csv")
    text = r.content.decode("utf-8-sig")
    lines = text.splitlines()
    assert lines[0].startswith("Zobowiązany;Należność;Rodzaj")
    assert lines[1].startswith("Żak Ewa;\"'=HYPERLINK")
    assert ";1234,50;1234,50" in lines[1]
    x = await web.get("/naleznosci", params={"eksport": "xlsx", "q": "zak"})
    sheet = load_workbook(io.BytesIO(x.content)).active
    row = [c.value for c in sheet[2]]
    assert row[0] == "Żak Ewa"
    assert row[1].startswith("'=HYPERLINK")  # text, never a formula
    assert sheet["F2"].value == datetime(2025, 3, 3)  # a date cell, shown dd.mm.rrrr
    assert sheet["F2"].number_format == "DD.MM.YYYY"
    assert Decimal("1234.50") in row
    # Each export of many debtors' data is in the audit trail with its filters.
    trail = await api_admin.get("/api/v1/audit", params={"action": "odczyt_danych"})
    exports = [e for e in trail.json() if e["subject"] == "/naleznosci?q=zak"]
    assert len(exports) == 2


async def test_reminders_for_the_ticked_receivables_only(web, api_admin) -> None:
    due = int((await create_receivable(api_admin, await _debtor(api_admin, "Lis Piotr")))["id"])
    fresh = int((await create_receivable(api_admin, await _debtor(api_admin, "Sowa Jan")))["id"])
    untouched = int((await create_receivable(api_admin, await _debtor(api_admin, "Kos Ala")))["id"])
    await deliver(api_admin, due, "wezwanie", "2025-03-05")
    await deliver(api_admin, untouched, "wezwanie", "2025-03-05")
    r = await post_form(
        web,
        "/naleznosci/upomnienia",
        {
            "ids": [str(due), str(fresh)],
            "issued_on": TODAY.isoformat(),
            "back": "/naleznosci?q=lis",
        },
        page="/naleznosci",
    )
    assert r.status_code == 303
    assert r.headers["location"] == "/naleznosci?q=lis"
    page = (await web.get(r.headers["location"])).text
    assert "Wystawiono upomnienia z dniem 23.11.2026: UP/" in page
    assert f"należność nr {fresh}: Upomnienie można wystawić dopiero po upływie" in page
    states = {}
    for rid in (due, fresh, untouched):
        states[rid] = (await api_admin.get(f"/api/v1/receivables/{rid}")).json()["state"]
    assert states[due] == "upomnienie"
    assert states[fresh] == "wystawiona"
    assert states[untouched] != "upomnienie"  # not ticked, not touched
