"""Issue 19 item 6 without a browser: page titles keep the whole name, no page repeats an id,
document links say which document they open (the axe-core check: tests/browser)."""

from __future__ import annotations

import re
from collections import Counter

from tests.factories import create_debtor, create_receivable
from tests.web.conftest import post_form

LONG = "Opłata za pobyt w dniu 2025-03-01 w ośrodku interwencji kryzysowej, karta 57/2025"


def _repeated_ids(html: str) -> list[str]:
    return [i for i, n in Counter(re.findall(r'\sid="([^"]+)"', html)).items() if n > 1]


async def test_the_card_title_is_whole_and_its_links_name_the_document(web, api_admin) -> None:
    debtor = await create_debtor(api_admin)
    rid = (await create_receivable(api_admin, debtor, title=LONG))["id"]
    page = (await web.get(f"/naleznosci/{rid}")).text
    assert f"<title>{LONG} · Windykacja</title>" in page
    assert ">WZ/1/2025 (PDF)</a>" in page
    assert _repeated_ids(page) == []


async def test_the_alimony_card_repeats_no_id(web, api_admin) -> None:
    debtor = await create_debtor(api_admin)
    url = f"/alimenty/zobowiazani/{debtor}"
    for path, form in (
        ("zasadzone", {"monthly_amount": "500,00", "valid_from": "2026-01-01"}),
        ("wyplaty", {"paid_on": "2026-10-31", "amount": "500,00", "claim": "fund"}),
        ("wyegzekwowane", {"received_on": "2026-11-20", "amount": "100,00",
                           "source": "wplata_dobrowolna"}),
        ("egzekucje", {"authority": "Komornik", "started_on": "2026-02-01"}),
    ):  # fmt: skip
        assert (await post_form(web, f"{url}/{path}", form, url)).status_code == 303
    page = (await web.get(url)).text
    assert _repeated_ids(page) == []
    assert 'id="t-zasadzone"' in page  # the form's heading; the list's is s-zasadzone
    assert 'id="s-zasadzone"' in page
    assert '<details class="history"' in page


async def test_the_list_pages_repeat_no_id(web, api_admin) -> None:
    debtor = await create_debtor(api_admin)
    await create_receivable(api_admin, debtor)
    for url in ("/", "/naleznosci", "/prace-zbiorcze", "/alimenty", "/alimenty/wpis-zbiorczy"):
        r = await web.get(url)
        assert r.status_code == 200, url
        assert _repeated_ids(r.text) == [], url
