"""The admin's kind form, drawn from KindFields: one input per field (a list for a rule, a tick
box for a yes/no, a number for days and years), so a field added to the schema is on the form."""

from __future__ import annotations

import types
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Union, get_args, get_origin

from pydantic.fields import FieldInfo

from app.kinds.schemas import CHOICES, KindFields
from app.models import ReceivableKind


@dataclass(frozen=True)
class Input:
    name: str
    title: str
    widget: str  # text | textarea | select | checkbox | number
    options: tuple[tuple[str, str], ...] = ()
    required: bool = False
    regime: bool = False


def _base(annotation: Any) -> Any:
    """int | None → int; the Annotated metadata is already stripped by pydantic."""
    if get_origin(annotation) in (Union, types.UnionType):
        args = [a for a in get_args(annotation) if a is not type(None)]
        return args[0] if len(args) == 1 else annotation
    return annotation


def _input(name: str, f: FieldInfo) -> Input:
    extra = f.json_schema_extra if isinstance(f.json_schema_extra, dict) else {}
    base = _base(f.annotation)
    title, required, regime = str(f.title or name), f.is_required(), bool(extra.get("regime"))
    if isinstance(base, type) and issubclass(base, StrEnum):
        options = tuple((m.value, CHOICES.get(m.value, m.value)) for m in base)
        return Input(name, title, "select", options, required, regime)
    widget = {bool: "checkbox", int: "number"}.get(base, str(extra.get("widget", "text")))
    return Input(name, title, widget, (), required and widget != "checkbox", regime)


def inputs() -> list[Input]:
    return [_input(name, f) for name, f in KindFields.model_fields.items()]


def parse(raw: dict[str, str]) -> dict[str, Any]:
    """The form's values for KindCreate / KindUpdate: a tick box absent is False, an empty box
    is no value."""
    out: dict[str, Any] = {}
    for i in inputs():
        if i.widget == "checkbox":
            out[i.name] = raw.get(i.name) in ("on", "1", "true")
        else:
            value = raw.get(i.name, "").strip()
            out[i.name] = value or None
    if "code" in raw:
        out["code"] = raw["code"].strip()
    return out


def values_of(kind: ReceivableKind) -> dict[str, str]:
    values = {"code": kind.code}
    for i in inputs():
        value = getattr(kind, i.name)
        if i.widget == "checkbox":
            if value:
                values[i.name] = "on"
        else:
            values[i.name] = "" if value is None else str(value)
    return values
