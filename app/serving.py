"""How `windykacja serve` decides its mode (issue 15 item 1): a server that listens on anything but
the loopback interface is reachable from other machines, so it runs as production (and so
refuses published or short keys and weak admin passwords) unless WINDYKACJA_ENVIRONMENT says
otherwise."""

from __future__ import annotations

import ipaddress

from app.config import Settings


def is_loopback(host: str) -> bool:
    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a host name: it may resolve to any interface


def serving_settings(settings: Settings, host: str) -> Settings:
    if "environment" in settings.model_fields_set or is_loopback(host):
        return settings
    values = settings.model_dump(exclude_unset=True)
    return Settings(**{**values, "environment": "production"})  # validated again: refusals apply
