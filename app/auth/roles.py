"""Roles and what each may do; every route declares the permission it needs."""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum


class Role(StrEnum):
    SPECJALISTA = "specjalista"  # all collection work
    KSIEGOWY = "ksiegowy"  # reads everything, approves year-end lists and write-offs
    KIEROWNIK = "kierownik"  # signs decisions, reports
    ADMIN = "admin"  # users, parameters, rates


# The roles as the pages name them (the codes are no words for a person: "ksiegowy").
ROLE_LABELS = {
    Role.SPECJALISTA: "specjalista ds. windykacji",
    Role.KSIEGOWY: "główny księgowy",
    Role.KIEROWNIK: "kierownik / dyrektor",
    Role.ADMIN: "administrator",
}


class Permission(StrEnum):
    READ = "read"
    COLLECT = "collect"  # register receivables, deliveries, payments, reminders, titles
    APPROVE = "approve"  # year-end lists, write-offs
    SIGN = "sign"  # decisions (instalments, write-offs)
    ADMIN = "admin"  # users, parameters, rates
    SWEEP = "sweep"  # run a scheduled job by hand


# What each permission lets one do, as the users page shows it (issue 19 item 4).
PERMISSION_LABELS: Mapping[Permission, str] = {
    Permission.READ: "przeglądanie",
    Permission.COLLECT: "prowadzenie spraw (należności, doręczenia, wpłaty, upomnienia, tytuły)",
    Permission.APPROVE: "zatwierdzanie wykazów i umorzeń",
    Permission.SIGN: "podpisywanie decyzji",
    Permission.ADMIN: "administracja (użytkownicy, parametry, stopy)",
    Permission.SWEEP: "uruchamianie przeglądów",
}
_ORDER = list(Permission)

ROLE_PERMISSIONS: Mapping[Role, frozenset[Permission]] = {
    Role.SPECJALISTA: frozenset({Permission.READ, Permission.COLLECT, Permission.SWEEP}),
    Role.KSIEGOWY: frozenset({Permission.READ, Permission.APPROVE}),
    Role.KIEROWNIK: frozenset({Permission.READ, Permission.SIGN, Permission.APPROVE}),
    Role.ADMIN: frozenset(Permission),
}


_BY_VALUE = {r.value: r for r in Role}


def can(role: str, permission: Permission) -> bool:
    known = _BY_VALUE.get(role)
    return known is not None and permission in ROLE_PERMISSIONS[known]


def permission_labels(permissions: frozenset[Permission]) -> list[str]:
    """The role's permissions in words, in the order of Permission."""
    return [PERMISSION_LABELS[p] for p in sorted(permissions, key=_ORDER.index)]
