"""Log-in and log-out: session cookie, lock-out, safe redirects, errors as pages."""

from __future__ import annotations

from tests.conftest import ADMIN_PASSWORD
from tests.web.conftest import NewClient, csrf_of, log_in, post_form


async def test_pages_lead_to_the_log_in_form_and_back(new_client: NewClient) -> None:
    c = await new_client()
    r = await c.get("/zobowiazani?q=Kowal")
    assert r.status_code == 303
    assert r.headers["location"] == "/logowanie?next=/zobowiazani%3Fq%3DKowal"
    page = await c.get(r.headers["location"])
    assert 'name="next" value="/zobowiazani?q=Kowal"' in page.text
    token = await csrf_of(c)
    r = await c.post(
        "/logowanie",
        data={
            "csrf_token": token,
            "username": "admin",
            "password": ADMIN_PASSWORD,
            "next": "/zobowiazani?q=Kowal",
        },
    )
    assert (r.status_code, r.headers["location"]) == (303, "/zobowiazani?q=Kowal")
    cookie = r.headers["set-cookie"]
    assert "windykacja_sesja=" in cookie
    assert "httponly" in cookie.lower()
    assert "samesite=lax" in cookie.lower()
    assert (await c.get("/zobowiazani")).status_code == 200


async def test_log_in_refuses_with_a_polish_message_and_keeps_no_password(
    new_client: NewClient,
) -> None:
    c = await new_client()
    token = await csrf_of(c)
    r = await c.post(
        "/logowanie", data={"csrf_token": token, "username": "admin", "password": "zle-haslo"}
    )
    assert r.status_code == 422
    assert "Nieprawidłowa nazwa użytkownika lub hasło" in r.text
    assert 'value="admin"' in r.text
    assert "zle-haslo" not in r.text
    r = await c.post("/logowanie", data={"csrf_token": token, "username": "", "password": ""})
    assert r.status_code == 422
    assert r.text.count("To pole jest wymagane") >= 2


async def test_five_failures_delay_the_next_try_with_a_message(new_client: NewClient) -> None:
    # Issue 15 item 3: no hard lock-out; after five failures from one address the next try on the
    # account waits (1 s, then longer), and the page says so with 429 and Retry-After.
    c = await new_client()
    token = await csrf_of(c)
    for _ in range(5):
        r = await c.post(
            "/logowanie", data={"csrf_token": token, "username": "admin", "password": "zle"}
        )
        assert r.status_code == 422
    r = await c.post(
        "/logowanie", data={"csrf_token": token, "username": "admin", "password": ADMIN_PASSWORD}
    )
    assert r.status_code == 429
    assert r.headers["retry-after"] == "1"
    assert "Zbyt wiele nieudanych prób logowania. Spróbuj ponownie za 1 s" in r.text


async def test_log_in_starts_a_new_session_and_log_out_ends_it(new_client: NewClient) -> None:
    c = await new_client()
    before = await csrf_of(c)
    assert (await log_in(c, "admin", ADMIN_PASSWORD)).status_code == 303
    after = await csrf_of(c, "/")
    assert after != before  # no session fixation: a fresh token after log-in
    r = await post_form(c, "/wyloguj")
    assert (r.status_code, r.headers["location"]) == (303, "/logowanie")
    assert "Wylogowano" in (await c.get("/logowanie")).text
    assert (await c.get("/")).status_code == 303


async def test_next_never_leaves_the_site(new_client: NewClient) -> None:
    c = await new_client()
    token = await csrf_of(c)
    r = await c.post(
        "/logowanie",
        data={
            "csrf_token": token,
            "username": "admin",
            "password": ADMIN_PASSWORD,
            "next": "//evil.example/x",
        },
    )
    assert r.headers["location"] == "/"


async def test_errors_are_pages_on_the_web_and_problems_on_the_api(web) -> None:
    page = await web.get("/naleznosci/999999")
    assert page.status_code == 404
    assert page.headers["content-type"].startswith("text/html")
    assert "Nie ma należności o identyfikatorze 999999" in page.text
    bad = await web.get("/naleznosci/abc")
    assert bad.status_code == 422
    assert "text/html" in bad.headers["content-type"]
    api = await web.get("/api/v1/receivables/999999")
    assert api.status_code == 404
    assert api.headers["content-type"] == "application/problem+json"
    assert (await web.get("/nie-ma-takiej-strony")).status_code == 404


async def test_api_without_credentials_still_answers_401(new_client: NewClient) -> None:
    c = await new_client()
    r = await c.get("/api/v1/debtors")
    assert r.status_code == 401
    assert r.headers["content-type"] == "application/problem+json"


async def test_pages_carry_security_headers(web) -> None:
    r = await web.get("/")
    assert r.headers["cache-control"] == "no-store"
    assert r.headers["x-frame-options"] == "DENY"
    assert "default-src 'self'" in r.headers["content-security-policy"]


async def test_a_deactivated_user_is_sent_to_log_in_once(web, maker) -> None:
    from sqlalchemy import update

    from app.models import User

    async with maker() as s:
        await s.execute(update(User).where(User.username == "u_specjalista").values(active=False))
        await s.commit()
    r = await web.get("/zobowiazani")
    assert (r.status_code, r.headers["location"]) == (303, "/logowanie?next=/zobowiazani")
    assert (await web.get(r.headers["location"])).status_code == 200  # the form, not a loop
