"""The chief accountant's page (issue 22): the quarter's Rb-N figures, each a link to the
receivables behind it; the aging, turnover and Rb-27S of the quarter; a bad date is a Polish
message, not an error page. The portfolio and its figures: tests/reports/test_statements.py."""

from __future__ import annotations

from tests.reports.test_statements import portfolio


async def test_the_accountant_sees_the_quarter_and_drills_down(as_role, api_admin):
    a, b = await portfolio(api_admin)
    accountant = await as_role("ksiegowy")
    page = await accountant.get("/ksiegowosc", params={"as_of": "2025-06-30"})
    assert page.status_code == 200
    html = page.text.replace("\xa0", " ")
    assert "Rb-N — należności na dzień 30.06.2025" in html
    # nominal 1,138.00 and due 1,038.00 (worked in tests/reports/test_statements.py)
    assert "1 138,00" in html
    assert "1 038,00" in html
    assert "/ksiegowosc/naleznosci?as_of=2025-06-30&amp;kind=oplata_pobyt&amp;due=true" in html
    assert "Obroty i salda 01.04.2025 – 30.06.2025" in html
    # Five charts drawn on the server, as SVG images (no script, no CDN); the fifth, the titles
    # at the authorities and what they recovered (app/reports/pictures.py).
    assert html.count('<img src="data:image/svg+xml;base64,') == 5
    assert "<figcaption>Przypisy i wpłaty miesięcznie (zł)</figcaption>" in html
    assert "/api/v1/reports/turnover.csv?from=2025-04-01&amp;to=2025-06-30" in html

    due = await accountant.get(
        "/ksiegowosc/naleznosci",
        params={"as_of": "2025-06-30", "kind": "oplata_pobyt", "due": "true"},
    )
    assert due.status_code == 200
    assert f'href="/naleznosci/{a}"' in due.text
    assert f'href="/naleznosci/{b}"' not in due.text
    everything = await accountant.get("/ksiegowosc/naleznosci", params={"as_of": "2025-06-30"})
    assert f'href="/naleznosci/{b}"' in everything.text

    # Typed as DD.MM.RRRR (issue 19 item 4); a day that does not exist is told.
    typed = await accountant.get("/ksiegowosc", params={"as_of": "30.06.2025"})
    assert 'value="30.06.2025"' in typed.text
    assert "Nieprawidłowa data" not in typed.text
    bad = await accountant.get("/ksiegowosc", params={"as_of": "31.06.2025"})
    assert bad.status_code == 200
    assert "Nieprawidłowa data „31.06.2025”: Nie ma dnia 31.06.2025" in bad.text
