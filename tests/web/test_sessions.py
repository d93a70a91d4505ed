"""Issue 15 items 5 and 8: sessions and tokens end when they should, and the admin manages users.

Each log-in is a server-side row (app/auth/sessions.py): logging out revokes it, so a cookie or a
token copied before is worth nothing; a password change, deactivation and a role change end the
user's sessions; 12 hours after the log-in a session ends however active it was (OWASP ASVS 3.3.2,
level 2), a web session also after 30 minutes without a request."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import httpx
import pytest
from sqlalchemy import select, update

from app.audit import service as audit
from app.models import AuditEvent, User, UserSession
from tests.conftest import ADMIN_PASSWORD, token_for
from tests.security.support import assert_problem
from tests.web.conftest import PASSWORD, NewClient, log_in, post_form


async def _copy(new_client: NewClient, original: httpx.AsyncClient) -> httpx.AsyncClient:
    thief = await new_client()
    thief.cookies.update(original.cookies)
    return thief


def _to_login(r: httpx.Response) -> bool:
    return r.status_code == 303 and r.headers["location"].startswith("/logowanie")


async def test_a_cookie_copied_before_logout_opens_nothing_after_it(web, new_client) -> None:
    # The attack: the signed cookie used to be the whole session; a copy outlived the log-out.
    thief = await _copy(new_client, web)
    assert (await thief.get("/zobowiazani")).status_code == 200
    r = await post_form(web, "/wyloguj")
    assert (r.status_code, r.headers["location"]) == (303, "/logowanie")
    assert _to_login(await thief.get("/zobowiazani"))
    assert_problem(await thief.get("/api/v1/debtors"), 401)


async def test_an_api_token_is_revoked_by_logging_out(client: httpx.AsyncClient) -> None:
    token = await token_for(client, "admin", ADMIN_PASSWORD)
    auth = {"Authorization": f"Bearer {token}"}
    assert (await client.get("/api/v1/debtors", headers=auth)).status_code == 200
    r = await client.post("/api/v1/auth/logout", headers=auth)
    assert r.status_code == 204
    assert_problem(await client.get("/api/v1/debtors", headers=auth), 401)
    assert_problem(await client.post("/api/v1/auth/logout", headers=auth), 401)


async def test_a_password_change_ends_the_other_sessions_not_this_one(
    as_role, new_client, api_admin
) -> None:
    web = await as_role("specjalista")
    other = await new_client()
    assert (await log_in(other, "u_specjalista", PASSWORD)).status_code == 303
    token = await token_for(api_admin, "u_specjalista", PASSWORD)
    new = "nowe-haslo-specjalisty-9"
    r = await post_form(
        web,
        "/haslo",
        {"current_password": PASSWORD, "new_password": new, "repeated": new},
        page="/haslo",
    )
    assert (r.status_code, r.headers["location"]) == (303, "/"), r.text
    assert (await web.get("/zobowiazani")).status_code == 200  # this browser stays logged in
    assert _to_login(await other.get("/zobowiazani"))
    assert_problem(
        await api_admin.get("/api/v1/debtors", headers={"Authorization": f"Bearer {token}"}), 401
    )
    assert await token_for(api_admin, "u_specjalista", new)


async def test_the_password_change_form_refuses_with_messages(web) -> None:
    async def change(current: str, new: str, repeated: str) -> httpx.Response:
        data = {"current_password": current, "new_password": new, "repeated": repeated}
        return await post_form(web, "/haslo", data, page="/haslo")

    r = await change("zle", "nowe-haslo-specjalisty-9", "nowe-haslo-specjalisty-9")
    assert r.status_code == 422
    assert "Obecne hasło jest nieprawidłowe" in r.text
    r = await change(PASSWORD, "krotkie", "krotkie")
    assert "Za krótkie: co najmniej 12 znaków" in r.text
    r = await change(PASSWORD, "123456789012", "123456789012")
    assert "zbyt popularne" in r.text
    r = await change(PASSWORD, "nowe-haslo-specjalisty-9", "inne-haslo-specjalisty-9")
    assert "Powtórzone hasło różni się od nowego" in r.text
    assert "nowe-haslo-specjalisty-9" not in r.text  # passwords never sent back


@pytest.mark.parametrize("change", ["deactivate", "role"])
async def test_deactivation_and_a_role_change_end_the_users_sessions(
    as_role, api_admin, change: str
) -> None:
    web = await as_role("specjalista")
    token = await token_for(api_admin, "u_specjalista", PASSWORD)
    if change == "deactivate":
        r = await api_admin.post("/api/v1/users/u_specjalista/deactivate")
    else:
        r = await api_admin.patch("/api/v1/users/u_specjalista", json={"role": "ksiegowy"})
    assert r.status_code == 200, r.text
    assert r.json()["open_sessions"] == 0
    assert _to_login(await web.get("/zobowiazani"))
    assert_problem(
        await api_admin.get("/api/v1/debtors", headers={"Authorization": f"Bearer {token}"}), 401
    )


async def test_a_session_ends_after_12_hours_however_active_and_after_30_idle_minutes(
    web, session
) -> None:
    row = await session.scalar(
        select(UserSession)
        .join(User, User.id == UserSession.user_id)
        .where(User.username == "u_specjalista", UserSession.kind == "web")
    )
    expires = (
        row.expires_at.replace(tzinfo=UTC) if row.expires_at.tzinfo is None else row.expires_at
    )
    seen = row.last_seen_at
    seen = seen.replace(tzinfo=UTC) if seen.tzinfo is None else seen
    assert expires - seen == timedelta(hours=12)
    now = datetime.now(UTC)
    # 29 minutes idle: still in; 31: out.
    await session.execute(
        update(UserSession)
        .where(UserSession.id == row.id)
        .values(last_seen_at=now - timedelta(minutes=29))
    )
    await session.flush()
    assert (await web.get("/zobowiazani")).status_code == 200
    # Active a second ago, but logged in 12 hours ago: out.
    await session.execute(
        update(UserSession)
        .where(UserSession.id == row.id)
        .values(last_seen_at=now, expires_at=now - timedelta(seconds=1))
    )
    await session.flush()
    assert _to_login(await web.get("/zobowiazani"))


async def test_an_idle_web_session_ends(web, session) -> None:
    await session.execute(
        update(UserSession)
        .where(UserSession.kind == "web")
        .values(last_seen_at=datetime.now(UTC) - timedelta(minutes=31))
    )
    await session.flush()
    assert _to_login(await web.get("/zobowiazani"))


async def test_a_reset_password_must_be_changed_at_the_next_log_in(as_role, api_admin, new_client):
    await as_role("specjalista")
    temporary = "haslo-tymczasowe-2026"
    r = await api_admin.post("/api/v1/users/u_specjalista/password", json={"password": temporary})
    assert r.status_code == 200, r.text
    assert r.json()["must_change_password"] is True
    # Over the API: the token works for the password change only.
    token = await token_for(api_admin, "u_specjalista", temporary)
    auth = {"Authorization": f"Bearer {token}"}
    body = assert_problem(await api_admin.get("/api/v1/debtors", headers=auth), 403)
    assert body["type"] == "/problems/password-change-required"
    # In the browser: every page leads to the password form.
    c = await new_client()
    r = await log_in(c, "u_specjalista", temporary)
    assert (r.status_code, r.headers["location"]) == (303, "/haslo")
    r = await c.get("/zobowiazani")
    assert (r.status_code, r.headers["location"]) == (303, "/haslo")
    new = "wlasne-haslo-specjalisty-1"
    r = await api_admin.post(
        "/api/v1/auth/password",
        json={"current_password": temporary, "new_password": new},
        headers=auth,
    )
    assert r.status_code == 204, r.text
    assert (await api_admin.get("/api/v1/debtors", headers=auth)).status_code == 200
    assert (await c.get("/zobowiazani")).status_code == 303  # the browser's session was ended


async def test_the_admin_manages_users_and_every_change_is_audited(api_admin, session) -> None:
    r = await api_admin.post(
        "/api/v1/users",
        json={"username": "Ewa.Nowak", "password": "haslo-ewy-2025", "role": "ksiegowy"},
    )
    assert r.status_code == 201, r.text
    assert r.json()["username"] == "ewa.nowak"  # one spelling of a name
    r = await api_admin.patch(
        "/api/v1/users/EWA.NOWAK", json={"full_name": "Ewa Nowak", "role": "kierownik"}
    )
    assert (r.json()["full_name"], r.json()["role"]) == ("Ewa Nowak", "kierownik")
    assert (await api_admin.post("/api/v1/users/ewa.nowak/deactivate")).json()["active"] is False
    assert (await api_admin.post("/api/v1/users/ewa.nowak/activate")).json()["active"] is True
    listed = {u["username"]: u for u in (await api_admin.get("/api/v1/users")).json()}
    assert listed["ewa.nowak"]["role"] == "kierownik"
    assert listed["admin"]["open_sessions"] >= 1
    assert_problem(await api_admin.get("/api/v1/users/nikt"), 404)
    rows = (
        await session.execute(
            select(AuditEvent.action, AuditEvent.actor, AuditEvent.subject, AuditEvent.details)
            .where(AuditEvent.subject == "ewa.nowak")
            .order_by(AuditEvent.id)
        )
    ).all()
    assert [(a, who, s) for a, who, s, _ in rows] == [
        (audit.USER_CREATED, "admin", "ewa.nowak"),
        (audit.USER_CHANGED, "admin", "ewa.nowak"),
        (audit.USER_DEACTIVATED, "admin", "ewa.nowak"),
        (audit.USER_ACTIVATED, "admin", "ewa.nowak"),
    ]
    assert rows[1][3] == {
        "imie_nazwisko": {"bylo": "", "jest": "Ewa Nowak"},
        "rola": {"bylo": "ksiegowy", "jest": "kierownik"},
    }


async def test_the_last_admin_cannot_be_removed(api_admin) -> None:
    assert_problem(await api_admin.post("/api/v1/users/admin/deactivate"), 409)
    assert_problem(await api_admin.patch("/api/v1/users/admin", json={"role": "ksiegowy"}), 409)


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"username": ""}, "username"),
        ({"username": "admin "}, "username"),  # one user with "admin"
        ({"username": "ADMIN"}, "username"),
        ({"username": "a" * 65}, "username"),
        ({"username": "<script>"}, "username"),
        ({"username": "jan kowalski"}, "username"),
        ({"full_name": "x" * 5000}, "full_name"),
        ({"full_name": "<script>alert(1)</script>"}, "full_name"),
        ({"full_name": "Jan\r\nKowalski"}, "full_name"),
        ({"password": "krotkie"}, "password"),
        ({"password": "marek.kowal1"}, "password"),  # the user name
        ({"password": "Password1234"}, "password"),  # a common one
        ({"role": "szef"}, "role"),
    ],
)
async def test_the_users_api_validates_as_the_form_does(
    api: httpx.AsyncClient, body: dict[str, str], field: str
) -> None:
    valid = {"username": "marek.kowal1", "password": "haslo-marka-2025", "role": "specjalista"}
    r = await api.post("/api/v1/users", json={**valid, **body})
    problem = assert_problem(r, 422)
    assert field in problem["detail"] or any(e["field"] == field for e in problem["errors"])
    assert (await api.post("/api/v1/users", json=valid)).status_code == 201


async def test_the_admins_user_pages_change_deactivate_unlock_and_refuse_with_messages(
    as_role, api_admin
) -> None:
    await as_role("ksiegowy")
    admin = await as_role("admin")
    page = "/uzytkownicy/u_ksiegowy"
    assert 'Użytkownik <span class="mono">u_ksiegowy</span>' in (await admin.get(page)).text
    r = await post_form(
        admin, f"{page}/edycja", {"full_name": "Krystyna Księgowa", "role": "kierownik"}, page
    )
    assert (r.status_code, r.headers["location"]) == (303, page), r.text
    shown = (await admin.get(page)).text
    assert "Zapisano zmiany użytkownika." in shown
    assert "kierownik / dyrektor" in shown
    assert "zmiana danych użytkownika" in shown  # the audit entry on the page
    r = await post_form(admin, f"{page}/dezaktywacja", {}, page)
    assert "został dezaktywowany" in (await admin.get(r.headers["location"])).text
    r = await post_form(admin, f"{page}/aktywacja", {}, page)
    assert "może znów się logować" in (await admin.get(r.headers["location"])).text
    r = await post_form(admin, f"{page}/odblokowanie", {}, page)
    assert "Zniesiono opóźnienia logowania" in (await admin.get(r.headers["location"])).text
    r = await post_form(admin, f"{page}/haslo", {"password": "krotkie"}, page)
    assert r.status_code == 422
    assert "Za krótkie: co najmniej 12 znaków" in r.text
    assert "krotkie" not in r.text.split("<main")[1]
    # The admin cannot remove their own rights; the page says why, nothing changes.
    r = await post_form(admin, "/uzytkownicy/admin/dezaktywacja", {}, "/uzytkownicy/admin")
    assert r.status_code == 409
    assert "Nie możesz odebrać sobie roli administratora ani dezaktywować siebie" in r.text
    assert (await api_admin.get("/api/v1/users/admin")).json()["active"] is True


async def test_users_see_their_sessions_and_end_the_others(as_role, api_admin) -> None:
    # OWASP ASVS 3.3.4 (level 2): view the active sessions and, with the password given again,
    # log out of the others.
    web = await as_role("specjalista")
    token = await token_for(api_admin, "u_specjalista", PASSWORD)
    auth = {"Authorization": f"Bearer {token}"}
    listed = (await api_admin.get("/api/v1/auth/sessions", headers=auth)).json()
    assert sorted((s["kind"], s["current"]) for s in listed) == [("api", True), ("web", False)]
    page = (await web.get("/haslo")).text
    assert "Twoje sesje" in page
    assert page.count("<tr><td>") == 2
    assert "ta sesja" in page
    r = await post_form(web, "/haslo/sesje", {"password": "zle-haslo"}, "/haslo")
    assert r.status_code == 422
    assert "Nieprawidłowe hasło" in r.text
    assert (await api_admin.get("/api/v1/debtors", headers=auth)).status_code == 200
    r = await post_form(web, "/haslo/sesje", {"password": PASSWORD}, "/haslo")
    assert (r.status_code, r.headers["location"]) == (303, "/haslo")
    assert "Zakończono pozostałe sesje: 1." in (await web.get("/haslo")).text
    assert_problem(await api_admin.get("/api/v1/debtors", headers=auth), 401)
    # Over the API: the same, from a new token.
    other = {"Authorization": f"Bearer {await token_for(api_admin, 'u_specjalista', PASSWORD)}"}
    r = await api_admin.post(
        "/api/v1/auth/sessions/end-others", json={"password": PASSWORD}, headers=other
    )
    assert r.json() == {"ended": 1}  # the browser's
    assert _to_login(await web.get("/zobowiazani"))


async def test_in_production_the_cookie_is_secure_and_host_bound(settings, maker, today) -> None:
    from app.main import create_app

    production = settings.model_copy(update={"environment": "production"})
    app = create_app(production, clock=today, sessionmaker=maker)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="https://test") as c:
            r = await log_in(c, "admin", ADMIN_PASSWORD)
    assert r.status_code == 303, r.text
    cookie = r.headers["set-cookie"]
    assert cookie.startswith("__Host-windykacja_sesja=")
    assert "; secure" in cookie.lower()
    assert "path=/;" in cookie.lower()
    assert "domain=" not in cookie.lower()
