"""Why a backup or a restore did not happen, in Polish for the operator (CLI, page, API)."""

from __future__ import annotations

from app.errors import AppError, Conflict, Invalid


class BackupFailed(AppError):
    """The server cannot make or restore a copy: a missing tool, an unreachable database, a full
    disk. Nothing is wrong with the request itself."""

    status = 503
    type = "/problems/backup-failed"
    title = "Kopia zapasowa nie powiodła się"


class NotABackup(Invalid):
    type = "/problems/not-a-backup"
    title = "To nie jest kopia zapasowa"


class DatabaseNotEmpty(Conflict):
    type = "/problems/database-not-empty"
    title = "Baza danych nie jest pusta"
