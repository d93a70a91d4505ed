"""The daily sweep's rules as SQL over the whole register (executed by repository.py).

A rule moves the receivables in one state (`from_state`, a literal in the SQL, so that the
partial indexes of app/models/receivable.py apply) that meet its test on a date; a rule with
several source states is one statement per state. The work of a night is proportional to what
changes, not to the size of the register. Every rule is a no-op on rows it already moved: a
second run for the same date changes nothing, and a run for a later date catches up, each event
dated on the day it happened."""

from __future__ import annotations

from dataclasses import dataclass

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
        return f"to_char({column}, 'YYYY-MM-DD')" if self.pg else column


@dataclass(frozen=True)
class Rule:
    """Receivable r in `from_state` (joined to `source` on `link`, when given) that meets `where`
    moves to `to_state`; its event is dated `on_day` and explained by `cause`. Those expressions
    are over r as it was (and over `source`); `closed_on` is set for a closing rule. `ctes` are
    common table expressions (without WITH) the statement needs. `also_pg` is a further
    data-modifying CTE of the PostgreSQL statement (same snapshot; it may read `moved`, the rows
    moved); `after_sqlite` is its SQLite counterpart, run after the UPDATE."""

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
    also_pg: str = ""
    after_sqlite: str = ""


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


# The instalments past due that no run has checked yet (`pending`), and for those of plans in
# instalments (`dues`) what was owed up to each and what was paid for it: payments from the plan's
# decision (the latest `raty` event) up to the instalment's due date, against the instalments due
# up to it. The rule, its citations and its pure oracle: app/domain/instalments.py
# (missed_instalment). An instalment paid in time stays so (payments are only ever added) and one
# of a plan that has ended needs no more looking at: both are marked checked_on, so a night looks
# only at the instalments that fell due since the last run; a new plan comes with new rows.
# The receivable is read by correlated lookups, not joined: the planner cannot know that few
# unchecked instalments are past due, and would hash every receivable in instalments instead.
INSTALMENT_CTES = """
    pending AS MATERIALIZED (
        SELECT i.id, i.receivable_id, i.number, i.due_on,
               (SELECT x.state FROM receivable x WHERE x.id = i.receivable_id) AS plan_state
        FROM instalment i
        WHERE i.checked_on IS NULL AND i.due_on < :as_of),
    dues AS MATERIALIZED (
        SELECT p.id, p.receivable_id, p.number, p.due_on,
               (SELECT sum(j.amount) FROM instalment j
                WHERE j.receivable_id = p.receivable_id
                  AND (j.due_on < p.due_on OR (j.due_on = p.due_on AND j.number <= p.number))
               ) AS owed,
               (SELECT COALESCE(sum(y.amount), 0) FROM payment y
                WHERE y.receivable_id = p.receivable_id AND y.paid_on <= p.due_on
                  AND y.paid_on >= COALESCE(
                      (SELECT max(e.occurred_on) FROM event e
                       WHERE e.receivable_id = p.receivable_id AND e.action = 'raty'),
                      (SELECT x.issued_on FROM receivable x WHERE x.id = p.receivable_id))
               ) AS paid
        FROM pending p WHERE p.plan_state = 'raty'),
    missed AS (
        SELECT receivable_id, number, due_on,
               row_number() OVER (PARTITION BY receivable_id ORDER BY due_on, number) AS k
        FROM dues WHERE paid < owed)"""

# PostgreSQL: marked in the rule's own statement, from the same snapshot, so an instalment plan
# granted while the sweep runs is left for the next run; those of a plan are marked when it
# has left instalments (before, or in this statement: `moved`), and those paid in time. SQLite
# has one writer: after the rule, every past-due instalment still unchecked was paid in time or
# belongs to a plan that has ended.
MARK_PG = """
    checked AS (
        UPDATE instalment SET checked_on = :as_of
        WHERE id = ANY (ARRAY(SELECT id FROM pending WHERE plan_state <> 'raty'
                              UNION ALL SELECT id FROM dues WHERE paid >= owed
                              UNION ALL SELECT p.id FROM pending p
                                        JOIN moved m ON m.id = p.receivable_id)))"""
MARK_SQLITE = """
    UPDATE instalment SET checked_on = :as_of WHERE checked_on IS NULL AND due_on < :as_of"""


def rata_niezaplacona(sql: Sql) -> list[Rule]:
    # The first instalment short of what was owed by its due date sends the plan back where it
    # was (lifecycle RETURN) from the next day (OP art. 49 §2). With an issued title the event
    # carries the notice of resumption to the enforcement authority (seed 003 §3.7).
    cause = f"""CAST(CAST(:cause AS TEXT) || ' nr ' || CAST(m.number AS VARCHAR(10)) || ' (termin '
                     || {sql.date_text("m.due_on")} || ')'
                     || CASE WHEN EXISTS (SELECT 1 FROM document t WHERE t.receivable_id = r.id
                                          AND t.kind = 'tytul_wykonawczy')
                             THEN '; ' || CAST(:notice AS TEXT) ELSE '' END AS VARCHAR(300))"""
    return [
        Rule(
            "rata_niezaplacona",
            "niezapłacenie w terminie raty",
            "raty",
            "TRUE",
            "COALESCE(r.state_before_instalments, 'wymagalna')",
            sql.plus_one_day("m.due_on"),
            cause,
            source="missed m",
            link="m.receivable_id = r.id AND m.k = 1",
            ctes=INSTALMENT_CTES,
            also_pg=MARK_PG,
            after_sqlite=MARK_SQLITE,
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
