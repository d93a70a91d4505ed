"""Every concept's web pages, in the order app.web.install mounts them.

A module of its own, imported by the composition root (app/main.py): the concept routers import
app.web's helpers (forms, session, templating), so their list cannot live in app/web/__init__.py
without an import cycle between app.web and every concept (tests/test_architecture.py)."""

from __future__ import annotations

from app.addresses import web as addresses_web
from app.alimony import case_web as alimony_case_web
from app.alimony import web as alimony_web
from app.alimony import web_entries as alimony_entries_web
from app.auth import web as users_web
from app.backup import web as backup_web
from app.calculator import web as calculator_web
from app.control import web as control_web
from app.corrections import web as corrections_web
from app.debtors import web as debtors_web
from app.deferrals import web as deferrals_web
from app.estates import web as estates_web
from app.imports import web as imports_web
from app.kinds import web as kinds_web
from app.parameters import web as rates_web
from app.postbook import web as postbook_web
from app.receivables import web as receivables_web
from app.receivables import web_actions as receivable_actions_web
from app.receivables import web_list as receivable_list_web
from app.reports import allowances_web
from app.reports import web as reports_web
from app.retention import web as retention_web
from app.sweeps import web as sweeps_web
from app.timeliness import web as timeliness_web
from app.unit import web as unit_web
from app.web import auth as auth_web
from app.web import batch as batch_web
from app.web import dashboard as dashboard_web

PAGES = (
    auth_web.router,
    dashboard_web.router,
    debtors_web.router,
    receivable_list_web.router,  # before the card: /naleznosci/upomnienia is no id
    receivables_web.router,
    receivable_actions_web.router,
    corrections_web.router,
    deferrals_web.router,  # issue 20 item 3
    estates_web.router,
    batch_web.router,
    sweeps_web.router,
    calculator_web.router,
    alimony_web.router,
    alimony_case_web.router,
    alimony_entries_web.router,
    users_web.router,
    backup_web.router,
    rates_web.router,
    postbook_web.router,
    addresses_web.router,
    unit_web.router,
    kinds_web.router,
    imports_web.router,
    reports_web.router,
    retention_web.router,
    control_web.router,
    timeliness_web.router,
    allowances_web.router,
)
