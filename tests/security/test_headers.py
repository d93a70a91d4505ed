"""Issue 15 item 13: answers that carry personal data are not cached or sniffed, and /docs loads
nothing from another host."""

from __future__ import annotations

import re

import httpx

from tests.factories import create_debtor, create_receivable

PESEL = "02270803624"


async def test_json_and_pdf_with_a_pesel_are_no_store_and_nosniff(api: httpx.AsyncClient) -> None:
    debtor = await create_debtor(api, pesel=PESEL)
    receivable = await create_receivable(api, debtor)
    card = await api.get(f"/api/v1/debtors/{debtor}")
    assert PESEL in card.text
    pdf = await api.get(f"/api/v1/documents/{receivable['documents'][0]['id']}.pdf")
    assert pdf.headers["content-type"] == "application/pdf"
    refused = await api.get("/api/v1/debtors/999999")
    for r in (card, pdf, refused):
        assert r.headers["cache-control"] == "no-store", r.request.url
        assert r.headers["x-content-type-options"] == "nosniff", r.request.url


async def test_docs_are_served_from_this_host_only(client: httpx.AsyncClient) -> None:
    page = await client.get("/docs")
    assert page.status_code == 200
    sources = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert sources, page.text
    assert all(s.startswith("/") and not s.startswith("//") for s in sources), sources
    assert "<script>" not in page.text  # no inline script: the CSP allows none
    csp = page.headers["content-security-policy"]
    assert "default-src 'self'" in csp
    assert "script-src" not in csp  # scripts fall back to 'self'
    for asset in ("swagger-ui-bundle.js", "swagger-ui.css", "init.js", "ORIGIN.txt"):
        r = await client.get(f"/static/swagger/{asset}")
        assert r.status_code == 200, asset
    assert (await client.get("/redoc")).status_code == 404  # it loaded a CDN script
    assert (await client.get("/openapi.json")).status_code == 200
