"""The alimony pages (issue 8 item 7, issue 6 "the same in the web forms"): payouts, recoveries,
awards and enforcement recorded through forms run the API's use cases; the debtor's alimony card
shows the monthly history (table and chart), the balance with interest, the art. 5 ust. 3a check
and the art. 30 write-off draft; a signer records the decision; BIG and KRZ lists and their
submission. Today is 2026-11-23 (tests/conftest.py).

Interest (odsetki ustawowe za opóźnienie, KC art. 481 § 2, u.p.o.u.a. art. 27 ust. 1): 9.25 % a
year since 2026-03-05 (reference rate 3.75 % + 5.5 points), 365-day year, each rate period rounded
to the grosz."""

from __future__ import annotations

import re

import httpx

from tests.alimony.support import advance_debtor, get
from tests.factories import create_debtor
from tests.web.conftest import post_form


def _text(html: str) -> str:
    """The page's text with tags and non-breaking spaces flattened, for plain assertions."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).replace("\u00a0", " ")


async def _card(web: httpx.AsyncClient, did: int) -> str:
    r = await web.get(f"/alimenty/zobowiazani/{did}")
    assert r.status_code == 200, r.text
    return r.text


async def test_a_payout_and_a_recovery_through_the_forms(web, api_admin) -> None:
    did = await create_debtor(api_admin)
    url = f"/alimenty/zobowiazani/{did}"
    r = await post_form(
        web,
        f"{url}/zasadzone",
        {"monthly_amount": "500,00", "valid_from": "2026-01-01", "entitled": "Anna"},
        page=url,
    )
    assert (r.status_code, r.headers["location"]) == (303, url)
    r = await post_form(
        web,
        f"{url}/wyplaty",
        {"paid_on": "31.10.2026", "amount": "500,00", "claim": "fund", "entitled": "Anna"},
        page=url,
    )
    assert r.status_code == 303, r.text
    page = _text(await _card(web, did))
    assert "Zapisano wypłatę z dnia 31.10.2026: 500,00 zł" in page
    # Interest from the day after the payout (2026-11-01) to today inclusive: 23 days;
    # 500.00 × 9.25 % × 23 / 365 = 2.914… → 2.91 zł.
    assert "Odsetki ustawowe za opóźnienie 2,91 zł" in page
    assert "Saldo na 23.11.2026 502,91 zł" in page

    r = await post_form(
        web,
        f"{url}/wyegzekwowane",
        {
            "received_on": "2026-11-20",
            "amount": "100,00",
            "source": "wplata_dobrowolna",
            "reference": "WB/2026/11/7",
        },
        page=url,
    )
    assert r.status_code == 303, r.text
    page = _text(await _card(web, did))
    # KC art. 451 within the claim: interest to 2026-11-20 (20 days: 500.00 × 9.25 % × 20 / 365 =
    # 2.534… → 2.53), the rest 97.47 to the principal → 402.53 left; then 3 days to today on
    # 402.53: 402.53 × 9.25 % × 3 / 365 = 0.306… → 0.31. Balance 402.53 + 0.31 = 402.84.
    assert "Należność główna do zwrotu 402,53 zł" in page
    assert "Saldo na 23.11.2026 402,84 zł" in page
    # The monthly history lists complete months, newest first: the month of today never counts
    # (art. 30 ust. 1 looks at whole months), so November's 100.00 waits for December.
    assert "Skuteczny 10.2026 500,00 zł 0,00 zł nie 09.2026" in page  # months as MM.RRRR
    assert "11.2026 500,00" not in page
    assert "<svg" in (await _card(web, did))
    # The page shows the same figures as the API.
    h = await get(api_admin, f"/debtors/{did}/history", as_of="2026-11-23")
    assert (h["principal"], h["interest"], h["balance"]) == ("402.53", "0.31", "402.84")


async def test_bad_input_is_shown_next_to_the_field_and_nothing_is_written(web, api_admin) -> None:
    did = await create_debtor(api_admin)
    url = f"/alimenty/zobowiazani/{did}"
    r = await post_form(
        web, f"{url}/wyplaty", {"paid_on": "2026-02-30", "amount": "12,5,0", "claim": "fund"}, url
    )
    assert r.status_code == 422
    assert 'id="e-wyplata-paid_on"' in r.text
    assert "Nie ma dnia 30.02.2026" in r.text  # issue 19 item 4
    assert 'id="e-wyplata-amount"' in r.text
    assert "Podaj kwotę" in r.text
    # A payout in the future is refused by the use case (as in the API), next to its field.
    r = await post_form(
        web, f"{url}/wyplaty", {"paid_on": "2026-12-01", "amount": "10,00", "claim": "fund"}, url
    )
    assert r.status_code == 422
    assert 'id="e-wyplata-paid_on"' in r.text
    h = await get(api_admin, f"/debtors/{did}/history", as_of="2026-11-23")
    assert (h["principal"], h["claims"]) == ("0.00", [])
    assert (await web.get("/alimenty/zobowiazani/999999")).status_code == 404


async def test_a_signer_records_the_write_off_a_specialist_may_not(web, api_admin, as_role) -> None:
    # 36 effective months (2023-11 … 2026-10) on an advance of 1000.00 (no interest): art. 30
    # ust. 1 pkt 1 — 30 % of 1000.00 = 300.00 (tests/alimony/test_write_offs.py has the rule).
    did = await advance_debtor(api_admin, 36)
    overview = _text((await web.get("/alimenty")).text)
    assert re.search(r"Jan Kowalski 36 30 % 300,00 zł", overview), overview
    page = _text(await _card(web, did))
    assert "Dłużnik spełnia warunki umorzenia: łącznie 30 %" in page
    assert "Do umorzenia teraz 300,00 zł" in page
    assert "Miesiące skutecznej egzekucji z rzędu 36" in page
    assert f'action="/alimenty/zobowiazani/{did}/umorzenie"' not in await _card(web, did)

    form = {"decided_on": "2026-11-23", "decision_ref": "FA.4410.1.2026", "step": "30"}
    url = f"/alimenty/zobowiazani/{did}"
    assert (await post_form(web, f"{url}/umorzenie", form, url)).status_code == 403
    boss = await as_role("kierownik")
    r = await post_form(boss, f"{url}/umorzenie", form, url)
    assert r.status_code == 303, r.text
    page = _text(await _card(boss, did))
    assert "umorzono 300,00 zł (łącznie 30 %); saldo 700,00 zł" in page
    assert "Saldo na 23.11.2026 700,00 zł" in page
    assert "FA.4410.1.2026" in page
    # The step is granted: asking again is refused, the message shown, nothing written.
    r = await post_form(boss, f"{url}/umorzenie", form | {"decision_ref": "FA.2"}, url)
    assert r.status_code == 409
    assert "nie spełnia" in r.text
    assert (await get(api_admin, f"/debtors/{did}/history"))["written_off"] == "300.00"


async def test_big_and_krz_lists_and_their_submission(web, api_admin) -> None:
    did = await create_debtor(api_admin)
    url = f"/alimenty/zobowiazani/{did}"
    await post_form(web, f"{url}/wyplaty", {"paid_on": "2026-01-15", "amount": "500,00"}, url)
    # Art. 8a ust. 1 pkt 1: arrears over 6 months on 2026-11-23 → to be entered in BIG, with the
    # debtor's notice. 500.00 + interest from 2026-01-16: 9.50 % to 2026-03-04 (48 days: 6.25) and
    # 9.25 % from 2026-03-05 to 2026-11-23 (264 days: 33.45) → 539.70.
    page = (await web.get("/alimenty/rejestry/big")).text
    text = _text(page)
    assert "Do wpisania 1" in text
    assert "539,70 zł" in text
    assert "zawiadomienie" in text
    r = await post_form(
        web, "/alimenty/rejestry/big/przekazanie", {"as_of": "2026-11-23"}, "/alimenty/rejestry/big"
    )
    assert r.status_code == 303
    text = _text((await web.get(r.headers["location"])).text)
    assert "Zapisano przekazanie do BIG na dzień 23.11.2026: wpisy 1" in text
    assert "Do wpisania 0" in text
    # KRZ (art. 8a ust. 1 pkt 2) needs enforcement under way: none recorded, nobody listed.
    assert "Do wpisania 0" in _text((await web.get("/alimenty/rejestry/krz")).text)
    r = await post_form(
        web,
        f"{url}/egzekucje",
        {
            "authority": "Komornik Sądowy przy SR w Radomiu",
            "case_ref": "KM 12/26",
            "started_on": "2026-06-01",
        },
        url,
    )
    assert r.status_code == 303
    assert "Do wpisania 1" in _text((await web.get("/alimenty/rejestry/krz")).text)
    assert (await web.get("/alimenty/rejestry/xyz")).status_code == 404
    assert (
        "Pokazano stan na dziś" in (await web.get("/alimenty/rejestry/krz?dzien=2099-01-01")).text
    )
