"""Bank statements: matched by the reference in the title, booked once however often imported."""

from tests.factories import create_debtor, create_receivable

MT940 = """:20:STARTUMS
:25:PL61109010140000071219812874
:28C:00001/001
:60F:C250501PLN1000,00
:61:2505050505C100,00NTRFNONREF//BANKREF001
:86:020~00152~20Oplata CWOK 57/2025~21Jan Kowalski~32KOWALSKI JAN
:61:2505060506C40,00NTRFNONREF//BANKREF002
:86:020~00152~20Wplata bez numeru~32NOWAK ANNA
:61:2505060506D15,00NTRFNONREF//BANKREF003
:86:020~00152~20Oplata bankowa
:62F:C250506PLN1125,00
"""

CSV = (
    "\ufeffData operacji;Kwota;Tytuł;Nadawca\n"
    "07.05.2025;50,00;CWOK 57/2025 druga rata;Jan Kowalski\n"
    "07.05.2025;1 200,50;N/999999;Ktoś\n"
)


async def _receivable(api) -> int:
    return (
        await create_receivable(
            api, await create_debtor(api), reference="CWOK 57/2025".replace(" ", "-")
        )
    )["id"]


async def test_mt940_import_books_matched_lines_once(api):
    rid = (await create_receivable(api, await create_debtor(api), reference="57/2025"))["id"]
    files = {"file": ("wyciag.sta", MT940.encode(), "text/plain")}
    r = await api.post("/api/v1/bank-statements", files=files)
    assert r.status_code == 201, r.text
    s = r.json()
    assert (s["format"], s["lines"], s["booked"], s["to_match"], s["skipped"]) == (
        "mt940",
        3,
        1,
        1,
        1,
    )
    card = (await api.get(f"/api/v1/receivables/{rid}", params={"as_of": "2025-05-06"})).json()
    assert card["principal_remaining"] == "150.00"

    again = (await api.post("/api/v1/bank-statements", files=files)).json()
    assert (again["booked"], again["already_imported"]) == (0, 3)
    card = (await api.get(f"/api/v1/receivables/{rid}", params={"as_of": "2025-05-06"})).json()
    assert card["principal_remaining"] == "150.00"

    # The unmatched line is matched by hand; a second attempt is refused.
    unmatched = (await api.get("/api/v1/bank-lines", params={"status": "do_dopasowania"})).json()
    assert [u["title"] for u in unmatched] == ["Wplata bez numeru"]
    m = await api.post(
        f"/api/v1/bank-lines/{unmatched[0]['id']}/match", json={"receivable_id": rid}
    )
    assert m.status_code == 200, m.text
    assert m.json()["status"] == "zaksiegowana"
    assert (
        await api.post(
            f"/api/v1/bank-lines/{unmatched[0]['id']}/match", json={"receivable_id": rid}
        )
    ).status_code == 409
    card = (await api.get(f"/api/v1/receivables/{rid}", params={"as_of": "2025-05-06"})).json()
    assert card["principal_remaining"] == "110.00"


async def test_polish_bank_csv_with_decimal_comma(api):
    rid = (await create_receivable(api, await create_debtor(api), reference="CWOK"))["id"]
    r = await api.post(
        "/api/v1/bank-statements", files={"file": ("wyciag.csv", CSV.encode(), "text/csv")}
    )
    assert r.status_code == 201, r.text
    s = r.json()
    assert (s["format"], s["booked"], s["to_match"]) == ("csv", 1, 1)
    card = (await api.get(f"/api/v1/receivables/{rid}", params={"as_of": "2025-05-07"})).json()
    assert card["principal_remaining"] == "200.00"


async def test_garbage_is_a_422_and_writes_nothing(api):
    r = await api.post(
        "/api/v1/bank-statements", files={"file": ("x.csv", b"a;b\n1;2\n", "text/csv")}
    )
    assert r.status_code == 422
    assert r.json()["errors"][0]["field"] == "file"
    assert (await api.get("/api/v1/bank-lines")).json() == []
