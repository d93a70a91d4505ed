"""Dates typed as DD.MM.RRRR (issue 19 item 4). Chromium shows <input type="date"> in the format
of the browser's own language (mm/dd/yyyy in an English one) whatever the page's language, so
every date field is a text field showing and reading DD.MM.RRRR (RRRR-MM-DD still read, as the
links and older bookmarks carry it): app/templates/macros.html, app/web/forms.py web_date."""

from __future__ import annotations

import re

from tests.factories import create_debtor, create_receivable, deliver
from tests.web.conftest import post_form


def _date_fields(page: str) -> list[str]:
    return re.findall(r"<input[^>]*data-date[^>]*>", page)


async def test_no_page_has_a_browser_date_field_and_each_shows_dd_mm_rrrr(web, api_admin) -> None:
    debtor = await create_debtor(api_admin)
    rid = int((await create_receivable(api_admin, debtor))["id"])
    await deliver(api_admin, rid, "wezwanie", "2025-03-05")
    for url in (
        f"/naleznosci/{rid}",
        "/naleznosci",
        f"/zobowiazani/{debtor}/naleznosci/nowa",
        "/prace-zbiorcze",
        "/korespondencja",
        "/kalkulator",
        "/alimenty",
    ):
        page = await web.get(url)
        assert page.status_code == 200, url
        assert 'type="date"' not in page.text, url
        fields = _date_fields(page.text)
        assert fields, url
        for field in fields:
            assert 'type="text"' in field, (url, field)
            assert 'placeholder="DD.MM.RRRR"' in field, (url, field)
            value = re.search(r'value="([^"]*)"', field)
            assert value is None or re.fullmatch(r"(\d{2}\.\d{2}\.\d{4})?", value[1]), field
    # Today's date (23.11.2026) is the default of the list's reminders, as a Pole writes it.
    assert 'value="23.11.2026"' in (await web.get("/naleznosci")).text


async def test_a_date_typed_as_dd_mm_rrrr_is_read_in_forms_and_page_addresses(
    web, api_admin
) -> None:
    rid = int((await create_receivable(api_admin, await create_debtor(api_admin)))["id"])
    await deliver(api_admin, rid, "wezwanie", "2025-03-05")
    r = await post_form(
        web, f"/naleznosci/{rid}/wplata", {"paid_on": "10.4.2025", "amount": "10,00"}
    )
    assert r.status_code == 303, r.text
    events = (await api_admin.get(f"/api/v1/receivables/{rid}")).json()["events"]
    assert any(e["occurred_on"] == "2025-04-10" and "wpłata" in e["cause"] for e in events)
    # The "stan na dzień" of a page, typed in its GET form.
    batch = await web.get("/prace-zbiorcze", params={"dzien": "05.03.2025"})
    assert batch.status_code == 200
    assert 'id="dzien" name="dzien" type="text" value="05.03.2025"' in batch.text
    post = await web.get("/korespondencja", params={"dzien": "05.03.2025"})
    assert 'value="05.03.2025"' in post.text
    # Unreadable: the page of today, not an error page.
    assert (await web.get("/korespondencja", params={"dzien": "30.02.2025"})).status_code == 200
