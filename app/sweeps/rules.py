"""The daily sweep's rules as SQL over the whole register (executed by repository.py).

A rule moves the receivables in one state (`from_state`, a literal in the SQL, so that the
partial indexes of app/models/receivable.py apply) that meet its test on a date; a rule with
several source states is one statement per state. The work of a night is proportional to what
changes, not to the size of the register. Every rule is a no-op on rows it already moved: a
second run for the same date changes nothing, and a run for a later date catches up, each event
dated on the day it happened."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

NOTICE = "zawiadomienie do organu egzekucyjnego: wznowienie postępowania egzekucyjnego"


@dataclass(frozen=True)
class Sql:
    """The few expressions that differ between PostgreSQL and SQLite."""

    dialect: str

    @property
    def pg(self) -> bool:
        return self.dialect == "postgresql"

    def plus_one_day(self, column: str) -> str:
        return f"({column} + 1)" if self.pg else f"date({column}, '+1 day')"

    def date_text(self, column: str) -> str:
        # dd.mm.rrrr: the event's cause is read by people (issue 19 item 4)
        return f"to_char({column}, 'DD.MM.YYYY')" if self.pg else f"strftime('%d.%m.%Y', {column})"


@dataclass(frozen=True)
class Rule:
    """Receivable r in `from_state` (joined to `source` on `link`, when given) that meets `where`
    moves to `to_state`; its event is dated `on_day` and explained by `cause`. Those expressions
    are over r as it was (and over `source`); `closed_on` is set for a closing rule. `ctes` are
    common table expressions (without WITH) the statement needs; `document` the document the
    event rests on (event.document_id). A `resumes` rule resumes enforcement: the service
    notifies the authority holding the title (the event's document) of each row it moved."""

    action: str
    cause_text: str
    from_state: str
    where: str
    to_state: str
    on_day: str
    cause: str = "CAST(:cause AS VARCHAR(300))"
    closed_on: str | None = None
    source: str | None = None
    link: str = "TRUE"
    ctes: str = ""
    document: str = "CAST(NULL AS INTEGER)"
    resumes: bool = False


def termin_uplynal(sql: Sql) -> list[Rule]:
    # Seed 003 §3.1: wymagalna the day after the payment term (stored already shifted to a
    # working day, OP art. 12 §5).
    return [
        Rule(
            "termin_uplynal",
            "upływ terminu płatności (przegląd dzienny)",
            "wystawiona",
            "r.payment_term_ends_on < :as_of",
            "'wymagalna'",
            sql.plus_one_day("r.payment_term_ends_on"),
        )
    ]


# The instalments a run looks at (`pending`): those that fell due since the previous successful
# run (:since, its as_of) and before :as_of, and every past-due one of the plans entered since
# (:entered_since). With each, what was owed up to it (stored with the plan: owed_through) and what
# was paid for it: the payments from the plan's decision (decided_on) up to its due date. The
# rule, its citations and its pure oracle: app/domain/instalments.py (missed_instalment).
# A fund receivable (issue 18 item 7: instalments granted under art. 30 ust. 2 u.p.o.u.a.) is paid
# by the debtor's recoveries, split under art. 28 (app/alimony/ledger.py): what they gave the
# fund's claims (alimony_allocation of fundusz_alimentacyjny and zaliczka_alimentacyjna) counts as
# paid, on the day it was received.
# Nothing is written to instalment: an instalment paid in time stays so (payments are only ever
# added), one missed has already sent its plan back, so the instalments a previous run looked at
# need no more looking at, and a run for a day already swept reads them again to no effect.
# `missed` may hold instalments of plans that have ended (paid, written off, sent back): the
# UPDATE moves only receivables still in instalments, and a plan granted anew brings new rows.
# The first arm reads the index ix_instalment_due alone (PostgreSQL: INCLUDE), ~1,360
# instalments a night on 1M receivables; the second, the few plans entered since. `resumed`: the
# first missed instalment of each plan, with the receivable's latest title (as
# titles.repository.latest_title), looked up once for the event's cause and its document, and
# whether the plan is a deferral's (issue 20 item 3: one instalment, app/deferrals), which the
# cause then names as the deferred term.
INSTALMENT_CTES = """
    pending AS MATERIALIZED (
        SELECT i.receivable_id, i.number, i.due_on, i.owed_through, i.decided_on
        FROM instalment i
        WHERE i.due_on >= :since AND i.due_on < :as_of
        UNION ALL
        SELECT i.receivable_id, i.number, i.due_on, i.owed_through, i.decided_on
        FROM instalment i
        WHERE i.recorded_on >= :entered_since AND i.due_on < :since),
    missed AS (
        SELECT receivable_id, number, due_on, decided_on,
               row_number() OVER (PARTITION BY receivable_id ORDER BY due_on, number) AS k
        FROM pending p
        WHERE (SELECT COALESCE(sum(y.amount), 0) FROM payment y
               WHERE y.receivable_id = p.receivable_id AND y.reversed_on IS NULL
                 AND y.paid_on >= p.decided_on AND y.paid_on <= p.due_on)
            + (SELECT COALESCE(sum(a.to_costs + a.to_interest + a.to_principal), 0)
               FROM receivable f
               JOIN alimony_recovery ar ON ar.debtor_id = f.debtor_id
               JOIN alimony_allocation a ON a.recovery_id = ar.id
               WHERE f.id = p.receivable_id AND f.kind_code = 'fundusz_alimentacyjny'
                 AND a.claim IN ('fundusz_alimentacyjny', 'zaliczka_alimentacyjna')
                 AND ar.received_on >= p.decided_on AND ar.received_on <= p.due_on)
            < p.owed_through),
    resumed AS (
        SELECT m.receivable_id, m.number, m.due_on,
               (SELECT max(t.id) FROM document t
                WHERE t.receivable_id = m.receivable_id AND t.kind = 'tytul_wykonawczy') AS title,
               (SELECT count(*) FROM deferral d
                WHERE d.receivable_id = m.receivable_id AND d.outcome = 'odroczenie'
                  AND d.decided_on = m.decided_on) AS deferred
        FROM missed m WHERE m.k = 1)"""


def window(since: date | None) -> dict[str, date]:
    """The bounds of `pending` for a run whose previous successful run was as of `since` (None:
    the first run, which looks at every instalment past due).

    A plan entered after that run had started was not seen by it. Such a plan's recorded_on (the
    day of the request that entered it) is at least that run's day less one (a request that began
    before midnight and was committed after), and that run's day is not before its as_of (no run
    is for a day in the future: app/sweeps/api.py, web.py, cli.py), hence entered_since."""
    if since is None:
        return {"since": date.min, "entered_since": date.min}
    return {"since": since, "entered_since": since - timedelta(days=1)}


def rata_niezaplacona(sql: Sql) -> list[Rule]:
    # The first instalment short of what was owed by its due date sends the plan back where it
    # was (lifecycle RETURN) from the next day (OP art. 49 §2). With an issued title the event
    # rests on it and carries the notice of resumption to the enforcement authority (seed 003
    # §3.7).
    cause = f"""CAST(CASE WHEN m.deferred > 0
                          THEN 'niezapłacenie w odroczonym terminie płatności'
                          ELSE CAST(:cause AS TEXT) || ' nr ' || CAST(m.number AS VARCHAR(10))
                     END || ' (termin ' || {sql.date_text("m.due_on")} || ')'
                     || CASE WHEN m.title IS NOT NULL
                             THEN '; ' || CAST(:notice AS TEXT) ELSE '' END AS VARCHAR(300))"""
    return [
        Rule(
            "rata_niezaplacona",
            "niezapłacenie w terminie raty",
            "raty",
            "TRUE",
            # A term deferred before it ran out (issue 20 item 3) goes back as due: its original
            # term is the payment term again (OP art. 49 §2), and it has passed.
            "CASE WHEN r.state_before_instalments IS NULL"
            " OR r.state_before_instalments = 'wystawiona' THEN 'wymagalna'"
            " ELSE r.state_before_instalments END",
            sql.plus_one_day("m.due_on"),
            cause,
            source="resumed m",
            link="m.receivable_id = r.id",
            ctes=INSTALMENT_CTES,
            document="m.title",
            resumes=True,
        )
    ]


def przedawnienie(sql: Sql) -> list[Rule]:
    # time_barred_from is stored by the service (app/domain/limitation.py) whenever a fact it
    # depends on changes; the receivable is time-barred from that day on. One statement per
    # open state: each is a range scan of (state, time_barred_from).
    del sql
    return [
        Rule(
            "przedawnienie",
            "upływ terminu przedawnienia (przegląd dzienny)",
            state,
            "r.time_barred_from <= :as_of",
            "'przedawniona'",
            "r.time_barred_from",
            closed_on="r.time_barred_from",
        )
        for state in ("wystawiona", "wymagalna", "upomnienie", "tytul_wykonawczy", "raty")
    ]


def rules(dialect: str) -> list[list[Rule]]:
    """Per action, its statements. In this order: a receivable due and time-barred in one run
    gets both events, each dated."""
    sql = Sql(dialect)
    return [termin_uplynal(sql), rata_niezaplacona(sql), przedawnienie(sql)]
