"""Issue 19 item 6 in a real browser (pl-PL): axe-core finds no serious or critical violation
(WCAG 2.1 A and AA rules) on the pages a specialist works in all day, no page repeats an id, and
at 390 px (a phone) the pages do not scroll sideways: wide tables scroll inside themselves.

axe-core is vendored (tests/browser/vendor/axe.min.js, MPL-2.0, origin in axe-core.README.txt):
the test runs offline. It is injected by Playwright into a context that bypasses the page's CSP
(the application allows only its own scripts, rightly)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import LiveServer
from tests.browser.test_specialist_day import _expect, log_in
from tests.conftest import ADMIN_PASSWORD
from tests.factories import JAN

pytestmark = pytest.mark.browser
AXE = Path(__file__).parent / "vendor" / "axe.min.js"
BAD = ("serious", "critical")
RUN_AXE = """async () => {
  const r = await axe.run(document, {runOnly: {type: "tag",
    values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}, resultTypes: ["violations"]});
  return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 3).map(n => n.target.join(" "))}));
}"""
DUPLICATE_IDS = """() => {
  const seen = {}; const twice = [];
  for (const el of document.querySelectorAll("[id]")) {
    if (seen[el.id]) { twice.push(el.id); } seen[el.id] = true;
  }
  return twice;
}"""
SIDEWAYS = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"


@pytest.fixture
def pages(live_server: LiveServer, browser: Any) -> Iterator[tuple[Any, list[str]]]:
    """A logged-in admin (every form shows) and the daily pages over a little data."""
    base, clock = live_server.url, live_server.clock
    clock.day = date(2025, 3, 20)
    context = browser.new_context(locale="pl-PL", timezone_id="Europe/Warsaw", bypass_csp=True)
    context.set_default_timeout(15_000)
    page = context.new_page()
    log_in(page, base, "admin", ADMIN_PASSWORD)
    token = page.request.post(
        f"{base}/api/v1/auth/token", form={"username": "admin", "password": ADMIN_PASSWORD}
    ).json()["access_token"]
    bearer = {"Authorization": f"Bearer {token}"}

    def post(path: str, data: dict[str, Any]) -> dict[str, Any]:
        r = page.request.post(f"{base}/api/v1{path}", data=data, headers=bearer)
        assert r.ok, r.text()
        return dict(r.json())

    debtor = post("/debtors", JAN)["id"]
    receivable = post(
        "/receivables",
        {"debtor_id": debtor, "kind": "oplata_pobyt", "principal": "250.00",
         "title": "Opłata za pobyt w dniu 2025-03-01 w ośrodku interwencji kryzysowej, karta 57",
         "issue_date": "2025-03-03"},
    )["id"]  # fmt: skip
    post(
        f"/alimony/debtors/{debtor}/awards",
        {"monthly_amount": "500.00", "valid_from": "2025-01-01"},
    )
    post(f"/alimony/debtors/{debtor}/payouts", {"paid_on": "2025-02-28", "amount": "500.00"})
    enforcement = {
        "authority": "Komornik Sądowy",
        "case_ref": "Km 1/25",
        "started_on": "2025-03-01",
    }
    post(f"/alimony/debtors/{debtor}/enforcements", enforcement)
    urls = [
        "/",
        "/zobowiazani",
        f"/zobowiazani/{debtor}",
        f"/naleznosci/{receivable}",
        "/naleznosci",
        "/prace-zbiorcze",
        "/alimenty",
        f"/alimenty/zobowiazani/{debtor}",
        "/alimenty/wpis-zbiorczy",
        "/kalkulator",
    ]
    try:
        yield page, [base + u for u in urls]
    finally:
        context.close()


def test_no_serious_accessibility_violations_on_the_daily_pages(pages: Any) -> None:
    page, urls = pages
    found = {}
    for url in urls:
        page.goto(url)
        page.add_script_tag(path=str(AXE))
        serious = [v for v in page.evaluate(RUN_AXE) if v["impact"] in BAD]
        twice = page.evaluate(DUPLICATE_IDS)
        if serious or twice:
            found[url] = {"axe": serious, "duplicate ids": twice}
    assert not found, found
    # The check can fail: a button without a name and grey text on white are reported.
    grey = '<p style="color:#9aa6b4;background:#fff">Zero spraw w teczce</p>'  # the old tiles
    page.evaluate(
        """html => document.querySelector("main").insertAdjacentHTML("beforeend", html)""",
        '<button type="button"></button>' + grey,
    )
    assert {"button-name", "color-contrast"} <= {v["id"] for v in page.evaluate(RUN_AXE)}


def test_the_daily_pages_do_not_scroll_sideways_on_a_phone(pages: Any) -> None:
    page, urls = pages
    expect = _expect()
    page.set_viewport_size({"width": 390, "height": 844})
    wide = {}
    for url in urls:
        page.goto(url)
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        if (overflow := page.evaluate(SIDEWAYS)) > 1:
            wide[url] = overflow
    assert not wide, f"pages wider than a 390 px phone (px too wide): {wide}"
