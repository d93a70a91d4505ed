"""Roles and what each may do; every route declares the permission it needs."""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum


class Role(StrEnum):
    SPECJALISTA = "specjalista"  # all collection work
    KSIEGOWY = "ksiegowy"  # reads everything, approves year-end lists and write-offs
    KIEROWNIK = "kierownik"  # signs decisions, reports
    ADMIN = "admin"  # users, parameters, rates


class Permission(StrEnum):
    READ = "read"
    COLLECT = "collect"  # register receivables, deliveries, payments, reminders, titles
    APPROVE = "approve"  # year-end lists, write-offs
    SIGN = "sign"  # decisions (instalments, write-offs)
    ADMIN = "admin"  # users, parameters, rates
    SWEEP = "sweep"  # run a scheduled job by hand


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
