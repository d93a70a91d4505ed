"""One settings object, read from the environment (prefix WINDYKACJA_) and injected."""

from __future__ import annotations

from functools import lru_cache
from typing import Literal

from pydantic import AliasChoices, Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

_DEV_SECRET = "dev-only-secret-change-me-0123456789abcdef"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="WINDYKACJA_", env_ignore_empty=True, extra="ignore"
    )

    environment: Literal["development", "test", "production"] = "development"
    database_url: str = Field(
        default="sqlite+aiosqlite:///./windykacja.db",
        validation_alias=AliasChoices("DATABASE_URL", "WINDYKACJA_DATABASE_URL"),
    )
    secret_key: str = _DEV_SECRET
    token_minutes: int = 8 * 60
    admin_password: str | None = None
    log_level: str = "INFO"
    # The APScheduler jobs (scheduler/): off by default, so tests and scripts never start them;
    # `windykacja serve` turns them on unless --no-scheduler.
    scheduler_enabled: bool = False
    # Kopie zapasowe (app/backup): `windykacja backup`, the scheduler page's button, and the
    # nightly job (scheduler/backup.py), which keeps the newest `backup_keep` copies. The directory
    # is relative to the working directory, as the default database is.
    backup_dir: str = "kopie-zapasowe"
    backup_keep: int = Field(default=7, ge=1)
    backup_nightly: bool = True

    # Wierzyciel (the unit): printed on every document.
    creditor_name: str = "Centrum Wsparcia dla Osób w Kryzysie we Włocławku"
    creditor_street: str = "ul. Przykładowa 1"
    creditor_postal_code: str = "87-800"
    creditor_city: str = "Włocławek"
    creditor_voivodeship: str = "kujawsko-pomorskie"
    creditor_county: str = "Włocławek"
    creditor_commune: str = "Włocławek"
    creditor_nip: str | None = None
    creditor_regon: str | None = None
    creditor_bank_account: str | None = None
    creditor_bank_name: str | None = None
    creditor_code: str | None = None  # kod wierzyciela ze słownika MF (TW-1)
    signatory_name: str = "Jan Kowalski"
    signatory_position: str = "Dyrektor"

    # Organ egzekucyjny: the default authority titles go to.
    authority_code: str = "UM"
    authority_name: str = "Prezydent Miasta Włocławek – Wydział Windykacji i Egzekucji"
    authority_street: str = "Zielony Rynek 11/13"
    authority_postal_code: str = "87-800"
    authority_city: str = "Włocławek"
    authority_voivodeship: str = "kujawsko-pomorskie"
    authority_county: str = "Włocławek"
    authority_commune: str = "Włocławek"
    authority_office_code: str | None = None  # kod urzędu (TW-1 com:KodUrzedu)

    # Rates (issue 16 item 2): the dashboard warns when neither a rate row nor an administrator's
    # "stopy sprawdzone na dzień …" is newer than this many days; the optional daily job fetches
    # the NBP archive file (stopy_procentowe_archiwum.xml) from this URL and adds missing rows.
    # Off unless a URL is set (e.g. https://static.nbp.pl/dane/stopy/stopy_procentowe_archiwum.xml).
    rates_check_days: int = Field(default=45, ge=1, le=366)
    nbp_rates_url: str | None = Field(default=None, pattern=r"^https?://\S+$")
    # e-Doręczenia provider (app/edelivery): "reczny" packs the letters for upload by hand in the
    # unit's mailbox; "testowy" is the local stand-in for tests (refused in production).
    edelivery_provider: Literal["reczny", "testowy"] = "reczny"

    # One instance (one database) serves one unit (jednostka): its creditor data above. Tokens and
    # session cookies are bound to the unit, so that a log-in to one unit's instance never opens
    # another's, even if two instances were given the same secret key. Default: the creditor's
    # NIP, else its name.
    unit_id: str | None = None

    @property
    def unit(self) -> str:
        return self.unit_id or self.creditor_nip or self.creditor_name

    @model_validator(mode="after")
    def _refuse_dev_secret_outside_development(self) -> Settings:
        if self.environment == "production" and self.secret_key == _DEV_SECRET:
            raise ValueError("WINDYKACJA_SECRET_KEY must be set in production")
        return self

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")


@lru_cache
def get_settings() -> Settings:
    return Settings()
