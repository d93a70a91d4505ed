"""Folder views of seed 003 §2.3 are queries over states and debtor flags."""

from tests.factories import create_debtor, create_receivable, deliver, sweep


async def test_folder_counts_follow_states_and_flags(api):
    homeless = await create_debtor(
        api, name="Adam Bezdomny", pesel=None, address=None, homeless=True
    )
    unknown = await create_debtor(
        api, name="Ewa Nieznana", pesel=None, address=None, address_unknown=True
    )
    jan = await create_debtor(api)
    await create_receivable(api, homeless)
    await create_receivable(api, unknown)
    rid = (await create_receivable(api, jan))["id"]
    await deliver(api, rid, "wezwanie", "2025-03-05")
    await sweep(api, "2025-03-20")
    r = await api.post(f"/api/v1/receivables/{rid}/reminders", json={"issued_on": "2025-04-01"})
    assert r.status_code == 201

    counts = {f["code"]: f["count"] for f in (await api.get("/api/v1/folders")).json()}
    assert counts["bezdomni"] == 1
    assert counts["do_uzupelnienia"] == 1
    assert counts["upomnienia"] == 1
    assert counts["tytuly"] == 0
    listed = (await api.get("/api/v1/folders/upomnienia")).json()
    assert [i["receivable_id"] for i in listed] == [rid]
    assert (await api.get("/api/v1/folders/nic")).status_code == 404
