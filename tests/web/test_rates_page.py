"""The admin's rates page (/stopy): upload of the NBP archive, "stopy sprawdzone na dzień …", and
the dashboard's warning when the table is not current (issue 16 item 2)."""

from __future__ import annotations

from datetime import date

from tests.parameters.test_import import NEW
from tests.web.conftest import csrf_of, post_form


async def test_upload_the_nbp_archive_on_the_admin_page(as_role) -> None:
    admin = await as_role("admin")
    token = await csrf_of(admin, "/stopy")
    files = {"file": ("stopy_procentowe_archiwum.xml", NEW, "text/xml")}
    r = await admin.post("/stopy/import", data={"csrf_token": token}, files=files)
    assert (r.status_code, r.headers["location"]) == (303, "/stopy")
    page = (await admin.get("/stopy")).text
    assert "dodano 4 wiersze" in page
    assert "stawka odsetek za zwłokę od 02.07.2026: 10,00 %" in page
    # again: nothing added
    r = await admin.post("/stopy/import", data={"csrf_token": token}, files=files)
    assert "dodano 0 wierszy" in (await admin.get("/stopy")).text


async def test_an_upload_without_a_file_or_with_another_file_is_refused(as_role) -> None:
    admin = await as_role("admin")
    r = await post_form(admin, "/stopy/import", {}, page="/stopy")
    assert r.status_code == 422
    assert 'id="e-import-file">Wybierz plik archiwum stóp NBP' in r.text
    token = await csrf_of(admin, "/stopy")
    files = {"file": ("wyciag.xml", b"<html/>", "text/xml")}
    r = await admin.post("/stopy/import", data={"csrf_token": token}, files=files)
    assert r.status_code == 422
    assert "To nie jest archiwum stóp procentowych NBP" in r.text


async def test_only_the_admin_keeps_the_rates(as_role) -> None:
    specialist = await as_role("specjalista")
    assert (await specialist.get("/stopy")).status_code == 403
    r = await post_form(specialist, "/stopy/sprawdzone", {"checked_on": "2026-11-23"})
    assert r.status_code == 403


async def test_the_dashboard_warns_until_the_rates_are_checked(as_role, today) -> None:
    # The newest rate row is of 2026-03-05: on 2026-11-23 that is more than 45 days ago.
    specialist = await as_role("specjalista")
    page = (await specialist.get("/")).text
    assert 'id="stopy-nieaktualne"' in page
    assert "Poproś administratora o sprawdzenie stóp." in page
    admin = await as_role("admin")
    assert 'href="/stopy">Zaimportuj plik NBP albo potwierdź stopy' in (await admin.get("/")).text
    r = await post_form(admin, "/stopy/sprawdzone", {"checked_on": "2026-11-24"}, page="/stopy")
    assert r.status_code == 422
    assert "najpóźniej na dziś" in r.text
    r = await post_form(
        admin,
        "/stopy/sprawdzone",
        {"checked_on": "2026-11-23", "note": "RPP bez zmian"},
        page="/stopy",
    )
    assert r.status_code == 303
    assert 'id="stopy-nieaktualne"' not in (await specialist.get("/")).text
    assert "stopy sprawdzone na dzień 23.11.2026 (admin)" in (await admin.get("/stopy")).text
    today.day = date(2027, 1, 8)  # 46 days after the check
    assert 'id="stopy-nieaktualne"' in (await specialist.get("/")).text
