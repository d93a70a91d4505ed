"""Who may call what, read off the routes themselves.

The permission each /api/v1 route needs is taken from its declared dependencies (app.auth.deps
`require(...)`) and checked against the policy of issue 9: reading is for every role; collection
work for specjalista and admin; write-offs for kierownik and admin; users and legal parameters for
the admin. A route that declares no permission, or another than the policy says, fails here.
Then every route is called: without a token 401 problem+json, with each role's token either
allowed or 403 problem+json, as app/auth/roles.py grants. (tests/web/test_role_matrix.py keeps the
hand-declared table for the web pages as well.)"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from app.auth.roles import Permission, Role, can
from app.web.links import app_routes
from tests.conftest import ADMIN_PASSWORD, token_for
from tests.security.support import assert_problem

PUBLIC = {("POST", "/api/v1/auth/token")}
# A log-in but no permission: one's own session and password (issue 15 item 5).
OWN = {
    ("POST", "/api/v1/auth/logout"),
    ("POST", "/api/v1/auth/password"),
    ("GET", "/api/v1/auth/sessions"),
    ("POST", "/api/v1/auth/sessions/end-others"),
}
_USERS = re.compile(r"^/api/v1/(users|audit)(/|$)")  # users and the audit trail: the admin's
# Writes that need something other than COLLECT, by the policy; every other write needs COLLECT.
WRITES = {
    ("POST", "/api/v1/users"): Permission.ADMIN,
    ("POST", "/api/v1/parameters"): Permission.ADMIN,  # legal numbers: rates, fees (roles.py)
    ("POST", "/api/v1/parameters/nbp-archive"): Permission.ADMIN,  # the same, from the NBP file
    ("POST", "/api/v1/parameters/checks"): Permission.ADMIN,  # "stopy sprawdzone na dzień …"
    ("POST", "/api/v1/signing/certificate"): Permission.ADMIN,  # the unit's signing key (i17)
    ("POST", "/api/v1/sweeps/run"): Permission.SWEEP,  # a scheduled job run by hand
    ("POST", "/api/v1/calculator"): Permission.READ,  # computes from the body, stores nothing
    ("POST", "/api/v1/backups"): Permission.ADMIN,  # a copy of every unit's data
    # The unit's data, its enforcement authorities and the kinds of receivables (issue 14).
    ("PUT", "/api/v1/unit"): Permission.ADMIN,
    ("POST", "/api/v1/authorities"): Permission.ADMIN,
    ("PUT", "/api/v1/authorities/{code}"): Permission.ADMIN,
    ("POST", "/api/v1/kinds"): Permission.ADMIN,
    ("PUT", "/api/v1/kinds/{code}"): Permission.ADMIN,
    # Decisions signed by the head of the unit (issue 20): an amended or annulled decision, the
    # withdrawal of a title, the refund or set-off of an overpayment (OP art. 76, 77).
    ("POST", "/api/v1/receivables/{receivable_id}/amendments"): Permission.SIGN,
    ("POST", "/api/v1/receivables/{receivable_id}/annulment"): Permission.SIGN,
    ("POST", "/api/v1/titles/{document_id}/withdrawal"): Permission.SIGN,
    ("POST", "/api/v1/overpayments/{overpayment_id}/refund"): Permission.SIGN,
    ("POST", "/api/v1/overpayments/{overpayment_id}/set-off"): Permission.SIGN,
    # Moving a whole portfolio in or out (issue 21): every debtor's data at once.
    ("POST", "/api/v1/imports"): Permission.ADMIN,
    # Issue 22 item 6: the chief accountant countersigns or returns (u.f.p. art. 54 ust. 1 pkt 3),
    # the head of the unit decides.
    ("POST", "/api/v1/control/proposals/{proposal_id}/countersign"): Permission.APPROVE,
    ("POST", "/api/v1/control/proposals/{proposal_id}/return"): Permission.APPROVE,
    ("POST", "/api/v1/control/proposals/{proposal_id}/decision"): Permission.SIGN,
    # The estate write-off is a decision of the head of the unit (u.f.p. art. 64 ust. 1); the
    # archive's consent is recorded by the head, the anonymisation by the admin (issue 20 item 8).
    ("POST", "/api/v1/debtors/{debtor_id}/estate-write-off"): Permission.SIGN,
    ("POST", "/api/v1/retention/lists/{list_id}/consent"): Permission.SIGN,
    ("POST", "/api/v1/retention/lists/{list_id}/anonymisation"): Permission.ADMIN,
}
# Reads of the whole portfolio at once (issue 21): the admin's.
READS = {
    ("GET", "/api/v1/imports/template"): Permission.ADMIN,
    ("GET", "/api/v1/export"): Permission.ADMIN,
}
_WRITE_OFF = re.compile(r"/write-offs$")  # umorzenie: a decision signed by the head of the unit
_PARAM = re.compile(r"\{[^}]+\}")
PASSWORD = "haslo-roli-testowej"


def api_routes(app: FastAPI) -> Iterator[tuple[str, str, Any]]:
    for route in app_routes(app):
        if route.path.startswith("/api/v1/"):
            dependant = getattr(route, "original_route", route).dependant
            for method in sorted(set(route.methods or ()) - {"HEAD"}):
                yield method, route.path, dependant


def permissions_of(dependant: Any) -> set[Permission]:
    """The permissions named by `require(permission)` anywhere in the dependency tree."""
    found: set[Permission] = set()
    for dep in dependant.dependencies:
        cells = getattr(dep.call, "__closure__", None) or ()
        found |= {c.cell_contents for c in cells if isinstance(c.cell_contents, Permission)}
        found |= permissions_of(dep)
    return found


def policy(method: str, path: str) -> Permission:
    if _USERS.search(path):
        return Permission.ADMIN
    if method == "GET":
        return READS.get((method, path), Permission.READ)
    if _WRITE_OFF.search(path):
        return Permission.SIGN
    return WRITES.get((method, path), Permission.COLLECT)


@pytest.fixture
def app(client: httpx.AsyncClient) -> FastAPI:
    return client._transport.app  # type: ignore[attr-defined,no-any-return]


def test_every_route_declares_the_permission_the_policy_gives_it(app: FastAPI) -> None:
    routes = list(api_routes(app))
    assert len(routes) > 40  # the walk found the API
    wrong = []
    for method, path, dependant in routes:
        declared = permissions_of(dependant)
        expected = set() if (method, path) in PUBLIC | OWN else {policy(method, path)}
        if declared != expected:
            wrong.append(f"{method} {path}: declares {sorted(declared)}, policy {sorted(expected)}")
    assert not wrong, "\n".join(wrong)
    assert {(m, p) for m, p, _ in routes} >= set(WRITES) | PUBLIC, (
        "a policy row names a route that is gone"
    )


def test_the_policy_in_roles() -> None:
    # The wording, against app/auth/roles.py.
    who = {p: {r.value for r in Role if can(r, p)} for p in Permission}
    assert who[Permission.READ] == {"specjalista", "ksiegowy", "kierownik", "admin"}
    assert who[Permission.COLLECT] == {"specjalista", "admin"}
    assert who[Permission.SIGN] == {"kierownik", "admin"}
    assert who[Permission.ADMIN] == {"admin"}
    assert not can("nieznana", Permission.READ)


async def _call(client: httpx.AsyncClient, method: str, path: str, **kw: Any) -> httpx.Response:
    url = _PARAM.sub("999999", path)
    return await client.request(method, url, json={} if method != "GET" else None, **kw)


async def test_no_token_no_session_means_401_problem_everywhere(
    app: FastAPI, client: httpx.AsyncClient
) -> None:
    wrong = []
    for method, path, _ in api_routes(app):
        if (method, path) in PUBLIC:
            continue
        r = await _call(client, method, path)
        if r.status_code != 401 or r.headers.get("content-type") != "application/problem+json":
            wrong.append(f"{method} {path}: {r.status_code}")
        elif r.headers.get("www-authenticate") != "Bearer":
            wrong.append(f"{method} {path}: no WWW-Authenticate")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize(
    "bad",
    [
        "Bearer nonsense",
        "Bearer ",
        "Basic YWRtaW46eA==",
        "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiJ9.",
    ],
)
async def test_a_bad_or_unsigned_token_is_no_token(client: httpx.AsyncClient, bad: str) -> None:
    # The last one is {"alg": "none", "sub": "admin"}: an unsigned token must not pass.
    assert_problem(await client.get("/api/v1/debtors", headers={"Authorization": bad}), 401)


async def test_each_role_is_allowed_or_refused_as_the_policy_says(
    app: FastAPI, api: httpx.AsyncClient, client: httpx.AsyncClient
) -> None:
    tokens = {"admin": api.headers["Authorization"]}
    for role in ("specjalista", "ksiegowy", "kierownik"):
        r = await api.post(
            "/api/v1/users", json={"username": f"u_{role}", "password": PASSWORD, "role": role}
        )
        assert r.status_code == 201, r.text
        tokens[role] = f"Bearer {await token_for(client, f'u_{role}', PASSWORD)}"
    del client.headers["Authorization"]  # `api` is the same client: each call names its token
    wrong = []
    for method, path, _ in api_routes(app):
        if (method, path) in PUBLIC | OWN:  # OWN: any role; logging out would end the token
            continue
        for role, token in tokens.items():
            r = await _call(client, method, path, headers={"Authorization": token})
            if r.status_code >= 500:
                wrong.append(f"{role} {method} {path}: {r.status_code}")
            elif can(role, policy(method, path)):
                if r.status_code in (401, 403):
                    wrong.append(f"{role} {method} {path}: refused {r.status_code}")
            elif (
                r.status_code != 403 or r.headers.get("content-type") != "application/problem+json"
            ):
                wrong.append(f"{role} {method} {path}: {r.status_code}, expected 403 problem")
    assert not wrong, "\n".join(wrong)


async def test_a_deactivated_user_is_refused_with_a_still_valid_token(
    api: httpx.AsyncClient, client: httpx.AsyncClient, session: Any
) -> None:
    from sqlalchemy import update

    from app.models import User

    await api.post(
        "/api/v1/users", json={"username": "odchodzi", "password": PASSWORD, "role": "specjalista"}
    )
    token = await token_for(client, "odchodzi", PASSWORD)
    await session.execute(update(User).where(User.username == "odchodzi").values(active=False))
    await session.flush()
    assert_problem(
        await client.get("/api/v1/debtors", headers={"Authorization": f"Bearer {token}"}), 401
    )


async def test_the_admin_password_is_what_the_fixture_says(client: httpx.AsyncClient) -> None:
    # Guards the other tests: a wrong password must not log in, the right one must.
    r = await client.post(
        "/api/v1/auth/token", data={"username": "admin", "password": ADMIN_PASSWORD + "x"}
    )
    assert_problem(r, 401)
    assert await token_for(client, "admin", ADMIN_PASSWORD)
