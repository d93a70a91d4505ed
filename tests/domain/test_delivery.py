"""The legally effective day of a delivery, per way of delivering, worked out by hand on the real
Polish calendar (KPA art. 39–49, 57; u.d.e. art. 41–42), and the terms that then run from it."""

from datetime import date

import pytest

from app.domain.deadlines import payment_term_end, reminder_term_end, title_allowed_from
from app.domain.delivery import (
    DeliveryFacts,
    DeliveryFactsError,
    Method,
    Periods,
    Substitute,
    effect,
    route,
)

P = Periods(awizo_days=14, e_delivery_days=14)


def test_zpo_signed_by_the_addressee_takes_the_date_on_the_receipt():
    # KPA art. 42 §1: signed Wed 2025-03-05 → delivered 2025-03-05; the 14-day demand term ends
    # Wed 2025-03-19 (OP art. 12 §1: the day of delivery is not counted).
    e = effect(DeliveryFacts(Method.ZPO, signed_on=date(2025, 3, 5)), P)
    assert (e.effective_on, e.deemed) == (date(2025, 3, 5), False)
    assert payment_term_end(e.effective_on, 14) == date(2025, 3, 19)


def test_in_person_by_an_employee():
    # KPA art. 39 §2 (doręczenie przez pracownika), art. 42 §1: the day handed over.
    e = effect(DeliveryFacts(Method.OSOBISCIE, signed_on=date(2025, 6, 18)), P)
    assert e.effective_on == date(2025, 6, 18)
    assert "art. 39" in e.basis


def test_adult_household_member_on_the_day_of_the_receipt():
    # KPA art. 43: handed to the adult daughter on Fri 2025-05-02 (between 1 and 3 May).
    e = effect(
        DeliveryFacts(Method.DOMOWNIK, signed_on=date(2025, 5, 2), substitute=Substitute.DOMOWNIK),
        P,
    )
    assert (e.effective_on, e.deemed) == (date(2025, 5, 2), False)
    # The reminder's 7 days: 05-02 + 7 = Fri 05-09, a working day → title from Sat 05-10.
    assert title_allowed_from(reminder_term_end(e.effective_on, 7)) == date(2025, 5, 10)


def test_a_neighbour_needs_the_notice_to_the_addressee():
    # KPA art. 43 zd. 2: of a delivery to a neighbour or the manager the addressee is notified.
    facts = DeliveryFacts(Method.DOMOWNIK, signed_on=date(2025, 5, 6), substitute=Substitute.SASIAD)
    with pytest.raises(DeliveryFactsError) as err:
        effect(facts, P)
    assert err.value.field == "addressee_notified"
    notified = DeliveryFacts(
        Method.DOMOWNIK,
        signed_on=date(2025, 5, 6),
        substitute=Substitute.DOZORCA,
        addressee_notified=True,
    )
    assert effect(notified, P).effective_on == date(2025, 5, 6)


@pytest.mark.parametrize(
    ("first_notice", "deemed", "reminder_term_ends"),
    [
        # KPA art. 44 §1, §4: 14 days from the day after the first notice; delivered with the last.
        # Mon 2025-03-03 + 14 = Mon 2025-03-17; + 7 = Mon 03-24.
        (date(2025, 3, 3), date(2025, 3, 17), date(2025, 3, 24)),
        # Mon 2025-04-07 + 14 = Mon 2025-04-21, Poniedziałek Wielkanocny: the deemed day does NOT
        # move (art. 57 §4 moves terms for acts, not the storage period: app/domain/delivery.py);
        # its 7 days end Mon 04-28.
        (date(2025, 4, 7), date(2025, 4, 21), date(2025, 4, 28)),
        # Sat 2025-03-01 + 14 = Sat 2025-03-15, deemed that Saturday; 7 days → Sat 03-22 → Mon 03-24
        # (OP art. 12 §5 moves the reminder's term).
        (date(2025, 3, 1), date(2025, 3, 15), date(2025, 3, 24)),
        # Wed 2025-12-10 + 14 = 2025-12-24, Wigilia (a day off from 2025): deemed 12-24; its 7 days
        # → Wed 2025-12-31, a working day.
        (date(2025, 12, 10), date(2025, 12, 24), date(2025, 12, 31)),
    ],
)
def test_not_collected_after_two_notices(first_notice, deemed, reminder_term_ends):
    e = effect(DeliveryFacts(Method.AWIZO, first_notice_on=first_notice), P)
    assert (e.effective_on, e.deemed) == (deemed, True)
    assert "art. 44 §4" in e.basis
    assert reminder_term_end(e.effective_on, 7) == reminder_term_ends


def test_awizo_deemed_on_wigilia_and_the_demand_term_after_new_year():
    # Deemed 2025-12-24; 14-day payment term: 12-24 + 14 = Wed 2026-01-07 (after 1 I and
    # 6 I, Trzech Króli, both inside the term): ends 2026-01-07.
    e = effect(DeliveryFacts(Method.AWIZO, first_notice_on=date(2025, 12, 10)), P)
    assert payment_term_end(e.effective_on, 14) == date(2026, 1, 7)


def test_second_notice_must_fall_inside_the_storage_period():
    facts = DeliveryFacts(
        Method.AWIZO, first_notice_on=date(2025, 3, 3), second_notice_on=date(2025, 3, 20)
    )
    with pytest.raises(DeliveryFactsError) as err:
        effect(facts, P)
    assert err.value.field == "second_notice_on"
    ok = DeliveryFacts(
        Method.AWIZO, first_notice_on=date(2025, 3, 3), second_notice_on=date(2025, 3, 10)
    )
    assert effect(ok, P).effective_on == date(2025, 3, 17)


def test_refusal_is_delivery_on_the_day_of_refusal():
    # KPA art. 47 §2: refused on Sat 2025-11-08 → delivered 11-08; 7 days → Sat 11-15 → Mon 11-17.
    e = effect(DeliveryFacts(Method.ODMOWA, refused_on=date(2025, 11, 8)), P)
    assert (e.effective_on, e.deemed) == (date(2025, 11, 8), True)
    assert reminder_term_end(e.effective_on, 7) == date(2025, 11, 17)


def test_returned_letter_is_not_delivered():
    e = effect(DeliveryFacts(Method.ZWROT, returned_on=date(2025, 3, 20)), P)
    assert e.effective_on is None
    with pytest.raises(DeliveryFactsError):
        effect(DeliveryFacts(Method.ZWROT), P)


@pytest.mark.parametrize(
    ("arrived", "received", "effective", "deemed"),
    [
        # u.d.e. art. 42 ust. 1 pkt 1: picked up on 2025-06-10 → delivered 06-10.
        (date(2025, 6, 2), date(2025, 6, 10), date(2025, 6, 10), False),
        # Picked up the day it arrived.
        (date(2025, 6, 2), date(2025, 6, 2), date(2025, 6, 2), False),
        # u.d.e. art. 42 ust. 2: not picked up; arrived Mon 06-02, the 14 days run 06-03…06-16,
        # delivered "w dniu następującym" = Tue 2025-06-17.
        (date(2025, 6, 2), None, date(2025, 6, 17), True),
        # Arrived Fri 2025-08-01: 14 days end Fri 08-15 (Wniebowzięcie), deemed Sat 08-16 – the
        # fiction does not move off the Saturday.
        (date(2025, 8, 1), None, date(2025, 8, 16), True),
        # Picked up after the fiction had already taken effect: the fiction's day counts.
        (date(2025, 6, 2), date(2025, 6, 20), date(2025, 6, 17), True),
    ],
)
def test_e_delivery(arrived, received, effective, deemed):
    e = effect(DeliveryFacts(Method.E_DORECZENIE, arrived_on=arrived, received_on=received), P)
    assert (e.effective_on, e.deemed) == (effective, deemed)


def test_e_delivery_with_only_the_pick_up_date():
    e = effect(DeliveryFacts(Method.E_DORECZENIE, received_on=date(2025, 9, 3)), P)
    assert e.effective_on == date(2025, 9, 3)


def test_e_delivery_deemed_then_the_reminder_term_moves_off_the_weekend():
    # Deemed Sat 2025-08-16; 7 days → Sat 08-23 → Mon 2025-08-25 (OP art. 12 §5).
    e = effect(DeliveryFacts(Method.E_DORECZENIE, arrived_on=date(2025, 8, 1)), P)
    assert reminder_term_end(e.effective_on, 7) == date(2025, 8, 25)


@pytest.mark.parametrize(
    ("facts", "field"),
    [
        (DeliveryFacts(Method.ZPO), "signed_on"),
        (DeliveryFacts(Method.OSOBISCIE), "signed_on"),
        (DeliveryFacts(Method.DOMOWNIK, signed_on=date(2025, 1, 7)), "substitute"),
        (DeliveryFacts(Method.AWIZO), "first_notice_on"),
        (DeliveryFacts(Method.ODMOWA), "refused_on"),
        (DeliveryFacts(Method.E_DORECZENIE), "received_on"),
        (
            DeliveryFacts(
                Method.E_DORECZENIE, arrived_on=date(2025, 6, 5), received_on=date(2025, 6, 4)
            ),
            "received_on",
        ),
    ],
)
def test_missing_or_impossible_facts_name_the_field(facts, field):
    with pytest.raises(DeliveryFactsError) as err:
        effect(facts, P)
    assert err.value.field == field


def test_routing_of_the_days_letters():
    assert route("AE:PL-51297-53987-VUTIV-32", True).channel == "elektroniczny"
    assert route(None, True).channel == "papier"
    assert route("AE:PL-51297-53987-VUTIV-32", False).channel == "papier"


def test_e_delivery_before_the_act_is_refused():
    # u.d.e. in force from 2021-10-05: no period before it (parameter table), no e-delivery.
    before = Periods(awizo_days=14, e_delivery_days=None)
    with pytest.raises(DeliveryFactsError) as err:
        effect(DeliveryFacts(Method.E_DORECZENIE, arrived_on=date(2021, 3, 1)), before)
    assert err.value.field == "arrived_on"
    assert effect(DeliveryFacts(Method.ZPO, signed_on=date(2021, 3, 5)), before).effective_on
