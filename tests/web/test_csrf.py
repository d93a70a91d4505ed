"""Every form POST carries the session's CSRF token; without it the request is refused with 403
and a Polish message, and nothing is written."""

from __future__ import annotations

import re

import pytest

from app.web.links import app_routes
from tests.factories import create_debtor, create_receivable
from tests.web.test_role_matrix import PARAMS


def web_posts(app) -> list[str]:
    return sorted(
        r.path
        for r in app_routes(app)
        if "POST" in (r.methods or ()) and not r.path.startswith("/api/")
    )


async def test_every_web_post_is_refused_without_the_token(web, web_app, api_admin) -> None:
    debtor = await create_debtor(api_admin)
    rid = (await create_receivable(api_admin, debtor))["id"]
    values = {**PARAMS, "debtor_id": str(debtor), "receivable_id": str(rid)}
    posts = web_posts(web_app)
    assert "/zobowiazani/nowy" in posts
    assert "/logowanie" in posts
    for template in posts:
        path = re.sub(r"\{([^}]+)\}", lambda m: values[m[1]], template)
        for data in ({}, {"csrf_token": "podrobiony"}):
            r = await web.post(path, data=data)
            assert r.status_code == 403, (template, data, r.status_code)
            assert "Odśwież stronę i wyślij go ponownie" in r.text, template


async def test_a_refused_form_writes_nothing(web, api_admin) -> None:
    r = await web.post("/zobowiazani/nowy", data={"name": "Nowak Ewa", "homeless": "on"})
    assert r.status_code == 403
    assert (await api_admin.get("/api/v1/debtors", params={"q": "Nowak"})).json() == []


@pytest.mark.parametrize("header", [True, False])
async def test_the_token_may_come_in_a_header(web, header: bool) -> None:
    page = await web.get("/zobowiazani/nowy")
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.text)[1]
    form = {"name": "Nowak Ewa", "homeless": "on"}
    if header:
        r = await web.post("/zobowiazani/nowy", data=form, headers={"X-CSRF-Token": token})
    else:
        r = await web.post("/zobowiazani/nowy", data={**form, "csrf_token": token})
    assert r.status_code == 303
