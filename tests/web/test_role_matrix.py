"""Every route of the app (API and web pages), for every role, against a declared table: allowed,
or refused with 403; without logging in, 401 (API) or a redirect to the log-in form (pages).
A route missing from the table fails the test, and so does a row whose route no longer exists."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable

import httpx
import pytest
from fastapi import FastAPI

from app.auth.roles import Permission as P
from app.auth.roles import can
from app.web.links import app_routes
from tests.conftest import ADMIN_PASSWORD
from tests.factories import create_debtor, create_receivable
from tests.web.conftest import PASSWORD, ROLES, NewClient, csrf_of

PUBLIC = None

# (method, path) → the permission the route needs (PUBLIC: none). Declared by hand on purpose:
# a new route is added here with the permission it is meant to need.
MATRIX: dict[tuple[str, str], P | None] = {
    ("GET", "/openapi.json"): PUBLIC,
    ("GET", "/docs"): PUBLIC,  # why public: app/docs.py
    ("MOUNT", "/static"): PUBLIC,
    ("GET", "/health"): PUBLIC,  # the container's HEALTHCHECK: {"status": "ok"}, nothing more
    # JSON API
    ("POST", "/api/v1/auth/token"): PUBLIC,
    ("POST", "/api/v1/users"): P.ADMIN,
    ("POST", "/api/v1/debtors"): P.COLLECT,
    ("GET", "/api/v1/debtors"): P.READ,
    ("GET", "/api/v1/debtors/{debtor_id}"): P.READ,
    ("PUT", "/api/v1/debtors/{debtor_id}"): P.COLLECT,
    ("GET", "/api/v1/debtors/{debtor_id}/changes"): P.READ,
    ("GET", "/api/v1/debtors/{debtor_id}/notes"): P.READ,  # issue 19 item 5
    ("POST", "/api/v1/debtors/{debtor_id}/notes"): P.COLLECT,
    ("POST", "/api/v1/receivables"): P.COLLECT,
    ("GET", "/api/v1/receivables/{receivable_id}"): P.READ,
    ("POST", "/api/v1/receivables/{receivable_id}/deliveries"): P.COLLECT,
    ("POST", "/api/v1/receivables/{receivable_id}/payments"): P.COLLECT,
    ("POST", "/api/v1/receivables/{receivable_id}/reminders"): P.COLLECT,
    ("POST", "/api/v1/receivables/{receivable_id}/decision"): P.COLLECT,
    ("POST", "/api/v1/receivables/{receivable_id}/deductions"): P.COLLECT,
    ("POST", "/api/v1/receivables/{receivable_id}/titles"): P.COLLECT,
    ("POST", "/api/v1/receivables/{receivable_id}/instalments"): P.COLLECT,
    ("POST", "/api/v1/receivables/{receivable_id}/write-offs"): P.SIGN,
    # Issue 20: corrections and overpayments.
    ("POST", "/api/v1/payments/{payment_id}/reversal"): P.COLLECT,
    ("POST", "/api/v1/receivables/{receivable_id}/amendments"): P.SIGN,
    ("POST", "/api/v1/receivables/{receivable_id}/annulment"): P.SIGN,
    ("POST", "/api/v1/titles/{document_id}/withdrawal"): P.SIGN,
    ("POST", "/api/v1/titles/{document_id}/enforcement-acts"): P.COLLECT,
    ("POST", "/api/v1/receivables/{receivable_id}/disputes"): P.COLLECT,
    ("POST", "/api/v1/disputes/{dispute_id}/resolution"): P.COLLECT,
    ("GET", "/api/v1/disputes/{dispute_id}/draft.pdf"): P.READ,
    # Issue 20 item 3: deferral by decision (app/deferrals)
    ("GET", "/api/v1/receivables/{receivable_id}/deferrals"): P.READ,
    ("POST", "/api/v1/receivables/{receivable_id}/deferrals"): P.COLLECT,
    ("POST", "/api/v1/receivables/{receivable_id}/deferral-applications"): P.COLLECT,
    ("POST", "/api/v1/deferral-applications/{application_id}/referral"): P.COLLECT,
    ("GET", "/api/v1/deferral-applications/{application_id}/referral.pdf"): P.READ,
    ("POST", "/api/v1/deferral-applications/{application_id}/refusal"): P.COLLECT,
    ("POST", "/api/v1/deferral-applications/{application_id}/instalments"): P.COLLECT,
    ("GET", "/api/v1/debtors/{debtor_id}/overpayments"): P.READ,
    ("GET", "/api/v1/overpayments/year-end/{year}"): P.READ,
    ("POST", "/api/v1/overpayments/{overpayment_id}/refund"): P.SIGN,
    ("POST", "/api/v1/overpayments/{overpayment_id}/set-off"): P.SIGN,
    # Issue 20 items 7 and 8: the debtor's death and the estate; data retention.
    ("POST", "/api/v1/debtors/{debtor_id}/death"): P.COLLECT,
    ("GET", "/api/v1/debtors/{debtor_id}/estate"): P.READ,
    ("POST", "/api/v1/debtors/{debtor_id}/heirs"): P.COLLECT,
    ("POST", "/api/v1/debtors/{debtor_id}/estate-division"): P.COLLECT,
    ("POST", "/api/v1/debtors/{debtor_id}/estate-write-off"): P.SIGN,
    ("GET", "/api/v1/estate-write-offs/{write_off_id}/decision.pdf"): P.READ,
    ("GET", "/api/v1/retention/due"): P.READ,
    ("POST", "/api/v1/retention/lists"): P.COLLECT,
    ("GET", "/api/v1/retention/lists/{list_id}"): P.READ,
    ("GET", "/api/v1/retention/lists/{list_id}/spis.pdf"): P.READ,
    ("POST", "/api/v1/retention/lists/{list_id}/consent"): P.SIGN,
    ("POST", "/api/v1/retention/lists/{list_id}/anonymisation"): P.ADMIN,
    ("GET", "/api/v1/folders"): P.READ,
    ("GET", "/api/v1/folders/{code}"): P.READ,
    ("POST", "/api/v1/sweeps/run"): P.SWEEP,
    ("GET", "/api/v1/sweeps"): P.READ,
    ("GET", "/api/v1/sweeps/ready-for-title"): P.READ,
    ("GET", "/api/v1/sweeps/year-end/{year}"): P.READ,
    ("GET", "/api/v1/sweeps/archive"): P.READ,
    ("POST", "/api/v1/calculator"): P.READ,
    ("GET", "/api/v1/parameters"): P.READ,
    ("GET", "/api/v1/reports/year-end/{year}/time-barred.{fmt}"): P.READ,
    ("GET", "/api/v1/reports/year-end/{year}/alimony.{fmt}"): P.READ,
    # issue 22: the chief accountant's statements
    ("GET", "/api/v1/reports/rb-n"): P.READ,
    ("GET", "/api/v1/reports/rb-n/receivables"): P.READ,
    ("GET", "/api/v1/reports/rb-n.{fmt}"): P.READ,
    ("GET", "/api/v1/reports/aging"): P.READ,
    ("GET", "/api/v1/reports/aging/history"): P.READ,
    ("GET", "/api/v1/reports/near-limitation"): P.READ,
    ("GET", "/api/v1/reports/turnover"): P.READ,
    ("GET", "/api/v1/reports/turnover.csv"): P.READ,
    ("GET", "/api/v1/reports/rb-27s"): P.READ,
    ("GET", "/ksiegowosc"): P.READ,
    ("GET", "/ksiegowosc/naleznosci"): P.READ,
    # issue 22 item 6: the chief accountant's preliminary control (app/control)
    ("POST", "/api/v1/control/proposals"): P.COLLECT,
    ("GET", "/api/v1/control/proposals"): P.READ,
    ("GET", "/api/v1/control/proposals/{proposal_id}"): P.READ,
    ("POST", "/api/v1/control/proposals/{proposal_id}/countersign"): P.APPROVE,
    ("POST", "/api/v1/control/proposals/{proposal_id}/return"): P.APPROVE,
    ("POST", "/api/v1/control/proposals/{proposal_id}/decision"): P.SIGN,
    ("GET", "/kontrola"): P.READ,
    ("POST", "/kontrola/{proposal_id}/kontrasygnata"): P.APPROVE,
    ("POST", "/kontrola/{proposal_id}/zwrot"): P.APPROVE,
    ("POST", "/kontrola/{proposal_id}/decyzja"): P.SIGN,
    ("POST", "/naleznosci/{receivable_id}/wniosek-umorzenie"): P.COLLECT,
    ("POST", "/naleznosci/{receivable_id}/wniosek-storno"): P.COLLECT,
    ("POST", "/naleznosci/{receivable_id}/wniosek-zmiana-decyzji"): P.COLLECT,
    ("POST", "/naleznosci/{receivable_id}/wniosek-uchylenie"): P.COLLECT,
    ("GET", "/api/v1/reports/timeliness"): P.READ,
    ("GET", "/api/v1/reports/timeliness.csv"): P.READ,
    ("GET", "/ksiegowosc/terminowosc"): P.READ,
    ("GET", "/api/v1/reports/write-down-allowances"): P.READ,
    ("GET", "/api/v1/reports/write-down-allowances.{fmt}"): P.READ,
    ("GET", "/ksiegowosc/odpisy"): P.READ,
    ("POST", "/api/v1/parameters"): P.ADMIN,
    ("POST", "/api/v1/parameters/nbp-archive"): P.ADMIN,
    ("POST", "/api/v1/parameters/checks"): P.ADMIN,
    ("GET", "/api/v1/parameters/freshness"): P.READ,
    ("GET", "/api/v1/titles"): P.READ,
    ("GET", "/api/v1/titles/{document_id}.xml"): P.READ,
    ("POST", "/api/v1/titles/{document_id}/reports"): P.COLLECT,
    ("GET", "/api/v1/notices"): P.READ,
    ("GET", "/api/v1/notices/{notice_id}.xml"): P.READ,
    ("POST", "/api/v1/handoffs"): P.COLLECT,
    ("GET", "/api/v1/handoffs"): P.READ,
    ("GET", "/api/v1/handoffs/{handoff_id}.xml"): P.READ,
    ("GET", "/api/v1/documents/{document_id}.pdf"): P.READ,
    ("POST", "/api/v1/reminders/batch"): P.COLLECT,
    ("GET", "/api/v1/reminders/batch.pdf"): P.READ,
    ("POST", "/api/v1/bank-statements"): P.COLLECT,
    ("GET", "/api/v1/bank-lines"): P.READ,
    ("POST", "/api/v1/bank-lines/{line_id}/match"): P.COLLECT,
    ("POST", "/api/v1/alimony/debtors/{debtor_id}/awards"): P.COLLECT,
    ("POST", "/api/v1/alimony/debtors/{debtor_id}/payouts"): P.COLLECT,
    ("POST", "/api/v1/alimony/debtors/{debtor_id}/recoveries"): P.COLLECT,
    ("POST", "/api/v1/alimony/debtors/{debtor_id}/enforcements"): P.COLLECT,
    ("POST", "/api/v1/alimony/debtors/{debtor_id}/enforcements/{enforcement_id}/end"): P.COLLECT,
    ("GET", "/api/v1/alimony/debtors/{debtor_id}/history"): P.READ,
    ("GET", "/api/v1/alimony/debtors/{debtor_id}/evasion-check"): P.READ,
    ("GET", "/api/v1/alimony/write-off-eligibility"): P.READ,
    ("GET", "/api/v1/alimony/debtors/{debtor_id}/write-off-draft"): P.READ,
    ("GET", "/api/v1/alimony/debtors/{debtor_id}/write-off-draft.pdf"): P.READ,
    ("POST", "/api/v1/alimony/debtors/{debtor_id}/write-offs"): P.SIGN,
    ("GET", "/api/v1/alimony/big"): P.READ,
    ("GET", "/api/v1/alimony/krz"): P.READ,
    ("POST", "/api/v1/alimony/{register}/submissions"): P.COLLECT,
    ("GET", "/api/v1/alimony/year-end-write-offs"): P.READ,
    ("POST", "/api/v1/alimony/debtors/{debtor_id}/case"): P.COLLECT,
    ("GET", "/api/v1/alimony/debtors/{debtor_id}/case"): P.READ,
    ("POST", "/api/v1/alimony/debtors/{debtor_id}/case/steps"): P.COLLECT,
    ("GET", "/api/v1/alimony/debtors/{debtor_id}/case/steps/{step_id}.pdf"): P.READ,
    ("GET", "/api/v1/alimony/debtors/{debtor_id}/case/letters/{name}.pdf"): P.READ,
    # issue 17: deliveries, e-Doręczenia, post book, address search, signing
    ("POST", "/api/v1/documents/{document_id}/deliveries"): P.COLLECT,
    ("GET", "/api/v1/documents/{document_id}/deliveries"): P.READ,
    ("PUT", "/api/v1/deliveries/{delivery_id}/scan"): P.COLLECT,
    ("GET", "/api/v1/files/{file_id}"): P.READ,
    ("GET", "/api/v1/address-searches"): P.READ,
    ("POST", "/api/v1/address-searches/{search_id}/request"): P.COLLECT,
    ("POST", "/api/v1/address-searches/{search_id}/answer"): P.COLLECT,
    ("GET", "/api/v1/address-searches/{search_id}/pesel-request.pdf"): P.READ,
    ("GET", "/api/v1/post-book/letters"): P.READ,
    ("GET", "/api/v1/post-book"): P.READ,
    ("GET", "/api/v1/post-book/labels.pdf"): P.READ,
    ("PUT", "/api/v1/documents/{document_id}/registered-number"): P.COLLECT,
    ("GET", "/api/v1/documents"): P.READ,
    ("POST", "/api/v1/e-deliveries/dispatch"): P.COLLECT,
    ("POST", "/api/v1/e-deliveries/proofs"): P.COLLECT,
    ("POST", "/api/v1/e-deliveries/collect"): P.COLLECT,
    ("POST", "/api/v1/signing/certificate"): P.ADMIN,
    ("GET", "/api/v1/signing/certificate"): P.READ,
    ("GET", "/api/v1/titles/{document_id}/signed.xml"): P.READ,
    ("GET", "/api/v1/notices/{notice_id}/signed.xml"): P.READ,
    ("GET", "/api/v1/handoffs/{handoff_id}/package.zip"): P.READ,
    ("POST", "/api/v1/handoffs/{handoff_id}/send"): P.COLLECT,
    ("POST", "/api/v1/handoffs/{handoff_id}/upo"): P.COLLECT,
    ("GET", "/korespondencja"): P.READ,
    ("POST", "/korespondencja/numer"): P.COLLECT,
    ("POST", "/korespondencja/e-doreczenia"): P.COLLECT,
    ("POST", "/korespondencja/dowod"): P.COLLECT,
    ("GET", "/ustalanie-adresow"): P.READ,
    ("POST", "/ustalanie-adresow/{search_id}/odpowiedz"): P.COLLECT,
    ("GET", "/api/v1/backups"): P.READ,
    ("POST", "/api/v1/backups"): P.ADMIN,
    ("GET", "/api/v1/unit"): P.READ,
    ("PUT", "/api/v1/unit"): P.ADMIN,
    ("GET", "/api/v1/authorities"): P.READ,
    ("POST", "/api/v1/authorities"): P.ADMIN,
    ("GET", "/api/v1/authorities/{code}"): P.READ,
    ("PUT", "/api/v1/authorities/{code}"): P.ADMIN,
    ("GET", "/api/v1/kinds"): P.READ,
    ("POST", "/api/v1/kinds"): P.ADMIN,
    ("GET", "/api/v1/kinds/{code}"): P.READ,
    ("PUT", "/api/v1/kinds/{code}"): P.ADMIN,
    ("GET", "/api/v1/teryt"): P.READ,
    ("GET", "/api/v1/teryt/communes"): P.READ,
    ("GET", "/api/v1/teryt/communes/{code}"): P.READ,
    ("POST", "/api/v1/imports"): P.ADMIN,  # issue 21: moving a portfolio in
    ("GET", "/api/v1/imports/template"): P.ADMIN,
    ("GET", "/api/v1/export"): P.ADMIN,
    ("POST", "/api/v1/receivables/{receivable_id}/authority"): P.COLLECT,
    ("PUT", "/api/v1/receivables/{receivable_id}/period"): P.COLLECT,
    # web pages
    ("GET", "/logowanie"): PUBLIC,
    ("POST", "/logowanie"): PUBLIC,
    ("POST", "/wyloguj"): PUBLIC,
    ("GET", "/"): P.READ,
    ("GET", "/zobowiazani"): P.READ,
    ("GET", "/zobowiazani/nowy"): P.COLLECT,
    ("POST", "/zobowiazani/nowy"): P.COLLECT,
    ("GET", "/zobowiazani/{debtor_id}"): P.READ,
    ("GET", "/zobowiazani/{debtor_id}/edycja"): P.COLLECT,
    ("POST", "/zobowiazani/{debtor_id}/edycja"): P.COLLECT,
    ("POST", "/zobowiazani/{debtor_id}/notatki"): P.COLLECT,
    ("GET", "/zobowiazani/{debtor_id}/naleznosci/nowa"): P.COLLECT,
    ("POST", "/zobowiazani/{debtor_id}/naleznosci/nowa"): P.COLLECT,
    ("GET", "/naleznosci/{receivable_id}"): P.READ,
    ("GET", "/naleznosci/{receivable_id}/historia"): P.READ,
    ("POST", "/naleznosci/{receivable_id}/doreczenie"): P.COLLECT,
    ("POST", "/naleznosci/{receivable_id}/wplata"): P.COLLECT,
    ("POST", "/naleznosci/{receivable_id}/decyzja"): P.COLLECT,
    ("POST", "/naleznosci/{receivable_id}/potracenie"): P.COLLECT,
    ("POST", "/naleznosci/{receivable_id}/upomnienie"): P.COLLECT,
    ("POST", "/naleznosci/{receivable_id}/tytul"): P.COLLECT,
    ("POST", "/naleznosci/{receivable_id}/raty"): P.COLLECT,
    ("POST", "/naleznosci/{receivable_id}/umorzenie"): P.SIGN,
    ("POST", "/naleznosci/{receivable_id}/organ"): P.COLLECT,
    # Issue 20 item 7: the deceased debtor's estate page (app/estates/web.py).
    ("GET", "/zobowiazani/{debtor_id}/spadek"): P.READ,
    ("POST", "/zobowiazani/{debtor_id}/spadek/zgon"): P.COLLECT,
    ("POST", "/zobowiazani/{debtor_id}/spadek/spadkobierca"): P.COLLECT,
    ("POST", "/zobowiazani/{debtor_id}/spadek/dzial"): P.COLLECT,
    ("POST", "/zobowiazani/{debtor_id}/spadek/umorzenie"): P.SIGN,
    # Issue 20 item 8: data retention (app/retention/web.py).
    ("GET", "/retencja"): P.READ,
    ("POST", "/retencja/spis"): P.COLLECT,
    ("POST", "/retencja/{list_id}/zgoda"): P.SIGN,
    ("POST", "/retencja/{list_id}/anonimizacja"): P.ADMIN,
    # Issue 20: the correction forms of the card (app/corrections/web.py).
    ("POST", "/naleznosci/{receivable_id}/storno"): P.COLLECT,
    # Issue 20 item 3: the deferral page (app/deferrals/web.py)
    ("GET", "/naleznosci/{receivable_id}/odroczenie"): P.READ,
    ("POST", "/naleznosci/{receivable_id}/odroczenie/wniosek"): P.COLLECT,
    ("POST", "/naleznosci/{receivable_id}/odroczenie/przekazanie"): P.COLLECT,
    ("POST", "/naleznosci/{receivable_id}/odroczenie/decyzja"): P.COLLECT,
    ("POST", "/naleznosci/{receivable_id}/odroczenie/odmowa"): P.COLLECT,
    ("POST", "/naleznosci/{receivable_id}/zmiana-decyzji"): P.SIGN,
    ("POST", "/naleznosci/{receivable_id}/uchylenie"): P.SIGN,
    ("POST", "/naleznosci/{receivable_id}/wycofanie-tytulu"): P.SIGN,
    ("POST", "/naleznosci/{receivable_id}/egzekucja"): P.COLLECT,
    ("POST", "/naleznosci/{receivable_id}/spor"): P.COLLECT,
    ("POST", "/naleznosci/{receivable_id}/spor-rozstrzygniety"): P.COLLECT,
    ("POST", "/naleznosci/{receivable_id}/nadplata-zwrot"): P.SIGN,
    ("POST", "/naleznosci/{receivable_id}/nadplata-zaliczenie"): P.SIGN,
    ("GET", "/teczki/{code}"): P.READ,
    ("GET", "/naleznosci"): P.READ,
    ("POST", "/naleznosci/upomnienia"): P.COLLECT,
    ("GET", "/prace-zbiorcze"): P.READ,
    ("POST", "/prace-zbiorcze/upomnienia"): P.COLLECT,
    ("POST", "/prace-zbiorcze/przekazanie"): P.COLLECT,
    ("GET", "/przeglady"): P.READ,
    ("POST", "/przeglady/uruchom"): P.SWEEP,
    ("POST", "/przeglady/kopia"): P.ADMIN,
    ("GET", "/kalkulator"): P.READ,
    ("GET", "/alimenty"): P.READ,
    ("GET", "/alimenty/zobowiazani/{debtor_id}"): P.READ,
    ("POST", "/alimenty/zobowiazani/{debtor_id}/zasadzone"): P.COLLECT,
    ("POST", "/alimenty/zobowiazani/{debtor_id}/wyplaty"): P.COLLECT,
    ("POST", "/alimenty/zobowiazani/{debtor_id}/wyegzekwowane"): P.COLLECT,
    ("POST", "/alimenty/zobowiazani/{debtor_id}/egzekucje"): P.COLLECT,
    ("POST", "/alimenty/zobowiazani/{debtor_id}/umorzenie"): P.SIGN,
    ("GET", "/alimenty/zobowiazani/{debtor_id}/sprawa"): P.READ,
    ("POST", "/alimenty/zobowiazani/{debtor_id}/sprawa"): P.COLLECT,
    ("POST", "/alimenty/zobowiazani/{debtor_id}/sprawa/kroki/{form_name}"): P.COLLECT,
    ("POST", "/alimenty/zobowiazani/{debtor_id}/wpisy/{entry}/{entry_id}/korekta"): P.COLLECT,
    ("POST", "/alimenty/zobowiazani/{debtor_id}/wpisy/{entry}/{entry_id}/wycofanie"): P.COLLECT,
    ("POST", "/alimenty/zobowiazani/{debtor_id}/egzekucje/{enforcement_id}/zakonczenie"): (
        P.COLLECT
    ),
    ("GET", "/alimenty/wpis-zbiorczy"): P.COLLECT,
    ("POST", "/alimenty/wpis-zbiorczy"): P.COLLECT,
    ("POST", "/alimenty/wpis-zbiorczy/zapis"): P.COLLECT,
    ("GET", "/alimenty/rejestry/{register}"): P.READ,
    ("POST", "/alimenty/rejestry/{register}/przekazanie"): P.COLLECT,
    ("GET", "/uzytkownicy"): P.ADMIN,
    ("POST", "/uzytkownicy"): P.ADMIN,
    ("GET", "/stopy"): P.ADMIN,
    ("GET", "/przeniesienie"): P.ADMIN,
    ("GET", "/przeniesienie/szablon"): P.ADMIN,
    ("GET", "/przeniesienie/eksport"): P.ADMIN,
    ("POST", "/przeniesienie/proba"): P.ADMIN,
    ("POST", "/przeniesienie/zatwierdz"): P.ADMIN,
    ("GET", "/przeniesienie/postep/{job_id}"): P.ADMIN,
    ("POST", "/stopy/import"): P.ADMIN,
    ("POST", "/stopy/sprawdzone"): P.ADMIN,
    # Issue 15 item 5: sessions and the user lifecycle. Changing one's own password and logging
    # out need a log-in but no permission: every role has READ, so READ declares "logged in".
    ("POST", "/api/v1/auth/logout"): P.READ,
    ("POST", "/api/v1/auth/password"): P.READ,
    ("GET", "/haslo"): P.READ,
    ("POST", "/haslo"): P.READ,
    ("POST", "/haslo/sesje"): P.READ,
    ("GET", "/api/v1/auth/sessions"): P.READ,
    ("POST", "/api/v1/auth/sessions/end-others"): P.READ,
    ("GET", "/api/v1/users"): P.ADMIN,
    ("GET", "/api/v1/audit"): P.ADMIN,
    ("GET", "/api/v1/audit/debtors/{debtor_id}/extract.pdf"): P.ADMIN,
    ("GET", "/api/v1/users/{username}"): P.ADMIN,
    ("PATCH", "/api/v1/users/{username}"): P.ADMIN,
    ("POST", "/api/v1/users/{username}/deactivate"): P.ADMIN,
    ("POST", "/api/v1/users/{username}/activate"): P.ADMIN,
    ("POST", "/api/v1/users/{username}/unlock"): P.ADMIN,
    ("POST", "/api/v1/users/{username}/password"): P.ADMIN,
    ("GET", "/uzytkownicy/{username}"): P.ADMIN,
    ("POST", "/uzytkownicy/{username}/edycja"): P.ADMIN,
    ("POST", "/uzytkownicy/{username}/dezaktywacja"): P.ADMIN,
    ("POST", "/uzytkownicy/{username}/aktywacja"): P.ADMIN,
    ("POST", "/uzytkownicy/{username}/odblokowanie"): P.ADMIN,
    ("POST", "/uzytkownicy/{username}/haslo"): P.ADMIN,
    ("POST", "/naleznosci/{receivable_id}/okres"): P.COLLECT,
    ("POST", "/naleznosci/{receivable_id}/organ-wlasciwy"): P.COLLECT,
    ("GET", "/jednostka"): P.ADMIN,
    ("POST", "/jednostka"): P.ADMIN,
    ("GET", "/jednostka/organy/nowy"): P.ADMIN,
    ("POST", "/jednostka/organy/nowy"): P.ADMIN,
    ("GET", "/jednostka/organy/{code}"): P.ADMIN,
    ("POST", "/jednostka/organy/{code}"): P.ADMIN,
    ("GET", "/rodzaje"): P.ADMIN,
    ("GET", "/rodzaje/nowy"): P.ADMIN,
    ("POST", "/rodzaje/nowy"): P.ADMIN,
    ("GET", "/rodzaje/{code}"): P.ADMIN,
    ("POST", "/rodzaje/{code}"): P.ADMIN,
}
# Rows that end the session or token they are called with: walked last.
LOG_OUTS = {("POST", "/wyloguj"), ("POST", "/api/v1/auth/logout")}

# Values for the path parameters; a new parameter name needs a row here.
PARAMS = {
    "code": "raty",
    "year": "2025",
    "notice_id": "999999",
    "handoff_id": "999999",
    "line_id": "999999",
    "enforcement_id": "999999",
    "entry": "wyplata",
    "entry_id": "999999",
    "register": "krz",
    "fmt": "csv",
    "delivery_id": "999999",
    "file_id": "999999",
    "search_id": "999999",
    "step_id": "999999",
    "form_name": "wezwanie",
    "name": "informacja-o-dzialaniach",
    "payment_id": "999999",  # issue 20
    "dispute_id": "999999",
    "application_id": "999999",
    "overpayment_id": "999999",
    "write_off_id": "999999",
    "list_id": "999999",
    "username": "nieistniejacy",  # the lifecycle actions must not end the test users' sessions
    "job_id": "0" * 32,  # issue 21: an import job that does not exist (404)
    "proposal_id": "999999",  # issue 22 item 6
}
_PARAM = re.compile(r"\{([^}:]+)(?::[^}]+)?\}")


def declared_routes(app: FastAPI) -> set[tuple[str, str]]:
    found = set()
    for route in app_routes(app):
        methods = sorted(m for m in (route.methods or ()) if m != "HEAD") or ["MOUNT"]
        found |= {(m, route.path) for m in methods}
    return found


def test_every_route_is_declared_and_every_row_exists(web_app: FastAPI) -> None:
    routes = declared_routes(web_app)
    missing = sorted(routes - MATRIX.keys())
    stale = sorted(MATRIX.keys() - routes)
    assert not missing, f"routes missing from the role matrix (declare their permission): {missing}"
    assert not stale, f"rows of the role matrix with no route any more: {stale}"


def _is_web(path: str) -> bool:
    return not path.startswith(("/api/", "/docs", "/redoc", "/openapi.json", "/static"))


def _to_login(r: httpx.Response) -> bool:
    return r.status_code == 303 and r.headers["location"].startswith("/logowanie")


def _as_declared(needs: P | None, role: str | None, r: httpx.Response, web: bool) -> bool:
    if r.status_code >= 500:
        return False
    if needs is None:
        return r.status_code not in (401, 403)
    if role is None:  # not logged in
        return _to_login(r) if web else r.status_code == 401
    if can(role, needs):
        return r.status_code not in (401, 403) and not _to_login(r)
    return r.status_code == 403


async def _call(client: httpx.AsyncClient, method: str, path: str, web: bool) -> httpx.Response:
    if method == "MOUNT":
        return await client.get(path + "/app.css")
    if method == "GET":
        return await client.get(path)
    if web:
        return await client.request(
            method, path, data={"csrf_token": await csrf_of(client, "/logowanie")}
        )
    return await client.request(method, path, json={})


@pytest.fixture
async def clients(
    new_client: NewClient, as_role: Callable[[str], Awaitable[httpx.AsyncClient]]
) -> dict[str, tuple[httpx.AsyncClient, httpx.AsyncClient]]:
    """Per role: (a bearer-token API client without cookies, a browser-like logged-in client)."""
    out = {}
    for role in ROLES:
        browser = await as_role(role)
        api = await new_client()
        username, password = (
            ("admin", ADMIN_PASSWORD) if role == "admin" else (f"u_{role}", PASSWORD)
        )
        token = (
            await api.post("/api/v1/auth/token", data={"username": username, "password": password})
        ).json()
        api.headers["Authorization"] = f"Bearer {token['access_token']}"
        out[role] = (api, browser)
    return out


async def test_every_role_is_allowed_or_refused_as_declared(
    api_admin: httpx.AsyncClient,
    new_client: NewClient,
    clients: dict[str, tuple[httpx.AsyncClient, httpx.AsyncClient]],
) -> None:
    debtor = await create_debtor(api_admin)
    receivable = await create_receivable(api_admin, debtor)
    values = {
        **PARAMS,
        "debtor_id": str(debtor),
        "receivable_id": str(receivable["id"]),
        "document_id": str(receivable["documents"][0]["id"]),
    }
    anonymous = await new_client()
    wrong = []
    # Logging out ends the browser session: that row goes last.
    rows = sorted(MATRIX.items(), key=lambda item: item[0] in LOG_OUTS)
    for (method, template), needs in rows:
        names = _PARAM.findall(template)
        assert all(n in values for n in names), f"add a value for {names} of {template} to PARAMS"
        path = _PARAM.sub(lambda m: values[m[1]], template)
        web = _is_web(template)
        for role in (*ROLES, None):
            client = anonymous if role is None else clients[role][1 if web else 0]
            r = await _call(client, method, path, web)
            if not _as_declared(needs, role, r, web):
                wrong.append(
                    f"{role or 'anonymous':11} {method} {template}: {r.status_code} "
                    f"(declared {needs})"
                )
    assert not wrong, "routes that do not answer as the role matrix declares:\n" + "\n".join(wrong)
