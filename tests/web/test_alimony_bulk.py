"""Issue 19 item 3: many payouts or recoveries at once, pasted or uploaded (PESEL or case
number; date; amount), checked line by line before anything is saved, then saved all or
nothing through the single-entry use cases. Today is 2026-11-23 (tests/conftest.py); interest
as in tests/web/test_alimony_pages.py (9.25 % a year from the day after the payout)."""

from __future__ import annotations

import pytest

from tests.factories import create_debtor
from tests.web.conftest import csrf_of, post_form
from tests.web.test_alimony_pages import _card, _text

URL = "/alimenty/wpis-zbiorczy"


@pytest.fixture
async def two(web, api_admin) -> tuple[int, int]:
    """Jan Kowalski (PESEL 44051401359) and Ewa Nowak, known by her bailiff's case Km 77/26."""
    jan = await create_debtor(api_admin)
    ewa = await create_debtor(api_admin, name="Ewa Nowak", first_name="Ewa", last_name="Nowak",
                              pesel=None)  # fmt: skip
    base = f"/alimenty/zobowiazani/{ewa}"
    form = {"authority": "Komornik Sądowy", "case_ref": "Km 77/26", "started_on": "2026-02-01"}
    assert (await post_form(web, f"{base}/egzekucje", form, base)).status_code == 303
    return jan, ewa


GOOD = "PESEL lub sprawa;data;kwota\n44051401359;31.10.2026;500,00\nKm 77/26;2026-10-31;250,00\n"


async def test_a_wrong_line_is_named_and_nothing_is_saved(web, two) -> None:
    text = GOOD + "44051401358;30.02.2026;12,345\nKm 1/99;01.11.1900;10,00\n"
    r = await post_form(web, URL, {"kind": "wyplata", "claim": "fund", "text": text}, URL)
    assert r.status_code == 422
    page = _text(r.text)
    assert "Podgląd (wierszy: 4, z błędami: 2)" in page
    assert "Nieprawidłowy numer PESEL" in page
    assert "nie ma dnia 30.02.2026" in page
    assert "najwyżej dwa miejsca po przecinku" in page
    assert "nie znaleziono zobowiązanego o numerze sprawy Km 1/99" in page
    assert "Data 01.11.1900 poza dopuszczalnym zakresem" in page  # dd.mm.rrrr (issue 19)
    assert "Jan Kowalski" in page  # the good lines show their debtor
    assert "zapis-zbiorczy" not in r.text  # no save button
    # Sent to the save route anyway: refused as a whole.
    r = await post_form(
        web, f"{URL}/zapis", {"kind": "wyplata", "claim": "fund", "text": text}, URL
    )
    assert r.status_code == 422
    assert "Nie zapisano nic. Wierszy z błędami: 2" in r.text
    for debtor in two:
        assert "Brak wypłat." in await _card(web, debtor)
    # A NUL in a pasted line never reaches the database: the line is read without it.
    r = await post_form(web, URL, {"kind": "wyplata", "text": "Km 77/26\x00;31.10.2026;1,00"}, URL)
    assert r.status_code == 200, r.text
    assert "Ewa Nowak" in r.text


async def test_checked_lines_are_saved_as_payouts_then_recoveries(web, two) -> None:
    jan, ewa = two
    r = await post_form(web, URL, {"kind": "wyplata", "claim": "fund", "text": GOOD}, URL)
    assert r.status_code == 200
    assert "Razem 750,00 zł" in _text(r.text)
    assert 'id="zapis-zbiorczy"' in r.text
    r = await post_form(
        web, f"{URL}/zapis", {"kind": "wyplata", "claim": "fund", "text": GOOD}, URL
    )
    assert r.status_code == 303, r.text
    flash = _text((await web.get(r.headers["location"])).text)
    assert "Zapisano wypłaty świadczeń: 2 (razem 750,00 zł) dla Ewa Nowak, Jan Kowalski." in flash
    # Jan: 500.00 paid out 31.10.2026, 23 days of interest to 23.11.2026: 2.91 → 502.91.
    assert "Saldo na 23.11.2026 502,91 zł" in _text(await _card(web, jan))
    # Ewa: 250.00 × 9.25 % × 23 / 365 = 1.457… → 1.46 → 251.46.
    assert "Saldo na 23.11.2026 251,46 zł" in _text(await _card(web, ewa))
    recovered = "44051401359;20.11.2026;100,00\n"
    form = {"kind": "wyegzekwowane", "source": "wplata_dobrowolna", "text": recovered}
    assert (await post_form(web, f"{URL}/zapis", form, URL)).status_code == 303
    # As tests/web/test_alimony_pages.py: 402.53 principal + 0.31 interest.
    assert "Saldo na 23.11.2026 402,84 zł" in _text(await _card(web, jan))


@pytest.mark.usefixtures("two")
async def test_a_windows_1250_file_is_read(web) -> None:
    token = await csrf_of(web, URL)
    content = "PESEL;Data;Kwota\r\nKm 77/26;31.10.2026;250,00\r\n".encode("cp1250")
    r = await web.post(
        URL,
        data={"csrf_token": token, "kind": "wyplata", "claim": "advance", "text": ""},
        files={"plik": ("świadczenia.csv", content, "text/csv")},
    )
    assert r.status_code == 200, r.text
    assert "Ewa Nowak" in r.text
    assert "250,00\u00a0zł" in r.text
