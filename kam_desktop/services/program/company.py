"""Our company as the documents print it: read and change the `company.*` settings (name, address, logo, …)."""

from __future__ import annotations

import base64
import binascii
import io
import re
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from kam_desktop.domain.messages import Listing, Message
from kam_desktop.domain.permissions import UseCase
from kam_desktop.domain.printable import unprintable_problem
from kam_desktop.services.context import Context
from kam_desktop.services.errors import ServiceError
from kam_desktop.store.models import Setting

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
MAX_LOGO_BYTES = 512 * 1024
# the settings a save writes, each from one field; the address and the signatory are kept as the
# comma-separated text that setup.DEFAULT_COMPANY started with
KEYS = ("name", "tax_id", "address", "signatory", "email", "phone", "website", "logo_png")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s.]+")


@dataclass(frozen=True)
class CompanyFields:
    """What the documents print about us; `address` is one entry per printed line."""

    name: str
    tax_id: str = ""
    address: tuple[str, ...] = ()
    signatory_name: str = ""
    signatory_title: str = ""
    email: str = ""
    phone: str = ""
    website: str = ""
    logo_png: bytes | None = None


class CompanyInvalid(ServiceError):
    """Some fields break a rule; `problems` maps each field to what to do, and the message lists them all."""

    def __init__(self, problems: Mapping[str, Message]) -> None:
        self.problems = dict(problems)
        super().__init__("{problems}", problems=Listing(tuple(self.problems.values())))


def company_fields(ctx: Context) -> CompanyFields:
    """The company identity as stored now."""
    ctx.permit(UseCase.VIEW_PROGRAM)
    with ctx.read() as session:
        return fields_in(session)


def fields_in(session: Session) -> CompanyFields:
    """The company identity from the `company.*` settings of an open session (missing keys read empty)."""
    values = {k: v for k, v in session.execute(select(Setting.key, Setting.value).where(
        Setting.key.startswith("company."), Setting.deleted_at.is_(None)))}

    def get(key: str) -> str:
        value = values.get(f"company.{key}")
        return str(value).strip() if value is not None else ""

    signatory, _, title = get("signatory").partition(",")
    return CompanyFields(
        name=get("name"), tax_id=get("tax_id"), address=_lines(get("address").split(",")),
        signatory_name=signatory.strip(), signatory_title=title.strip(), email=get("email"),
        phone=get("phone"), website=get("website"), logo_png=_decode_logo(get("logo_png")),
    )


def save_company(ctx: Context, fields: CompanyFields) -> list[str]:
    """Write every `company.*` key in one unit of work with one audit entry; returns the keys that changed.

    Refused for a KAM (only a sales director, finance or an admin); every invalid field is reported at once
    and nothing is written.
    """
    ctx.permit(UseCase.EDIT_COMPANY)
    actor = ctx.actor.login
    fields = _cleaned(fields)
    problems = validate(fields)
    if problems:
        raise CompanyInvalid(problems)
    wanted = _stored_values(fields)
    with ctx.unit_of_work() as uow:
        rows = {s.key: s for s in uow.session.scalars(select(Setting).where(Setting.key.in_(wanted)))}
        changed = []
        for key, value in wanted.items():
            row = rows.get(key)
            if row is None:
                uow.session.add(Setting(key=key, value=value, updated_by=actor))
            elif row.value != value or row.deleted_at is not None:
                row.value, row.deleted_at, row.updated_by = value, None, actor
            else:
                continue
            changed.append(key)
        if not changed:
            return []
        # the logo goes to the audit as a size, not as its bytes
        details = {k.removeprefix("company."): wanted[k] for k in changed if k != "company.logo_png"}
        if "company.logo_png" in changed:
            details["logo_png"] = f"{len(fields.logo_png)} bytes" if fields.logo_png else "removed"
        uow.audit("company.update", "settings", None, **details)
        uow.commit()
    return changed


def validate(fields: CompanyFields) -> dict[str, Message]:
    """Every rule the fields break, by field name (empty: all good)."""
    problems: dict[str, Message] = {}
    if not fields.name.strip():
        problems["name"] = Message.of("Company name: it is required; enter the name printed on documents")
    if fields.email and not _EMAIL.fullmatch(fields.email):
        problems["email"] = Message.of("E-mail: {email!r} does not look like an e-mail address; enter one like "
                                       "office@example.com or leave it empty", email=fields.email)
    if "," in fields.signatory_name:
        problems["signatory_name"] = Message.of("Signatory: the name may not contain a comma (it separates the name "
                                                "from the title); put the title in its own field")
    for key, problem in _unprintable(fields).items():
        problems.setdefault(key, problem)
    if fields.logo_png is not None:
        logo_problem = _logo_problem(fields.logo_png)
        if logo_problem:
            problems["logo_png"] = logo_problem
    return problems


def _unprintable(fields: CompanyFields) -> dict[str, Message]:
    """The printed fields holding characters the documents' font lacks (Chinese, emoji, …), by field."""
    printed = {
        "name": (Message.of("Company name"), fields.name),
        "address": (Message.of("Address"), "\n".join(fields.address)),
        "signatory_name": (Message.of("Signatory"), fields.signatory_name),
        "signatory_title": (Message.of("Signatory's title"), fields.signatory_title),
    }
    found = {key: unprintable_problem(label, value) for key, (label, value) in printed.items()}
    return {key: problem for key, problem in found.items() if problem is not None}


def _logo_problem(data: bytes) -> Message | None:
    if not data.startswith(PNG_SIGNATURE):
        return Message.of("Logo: the file is not a PNG image; choose a .png file")
    if len(data) > MAX_LOGO_BYTES:
        return Message.of("Logo: the image is {size} KB, more than {limit} KB; choose a smaller PNG (a logo about "
                          "600 px wide is plenty)", size=len(data) // 1024, limit=MAX_LOGO_BYTES // 1024)
    from reportlab.lib.utils import ImageReader  # loaded only when a logo is checked

    try:
        width, height = ImageReader(io.BytesIO(data)).getSize()
    except Exception:  # noqa: BLE001 - reportlab (PIL) raises many kinds for a broken image
        return Message.of("Logo: the PNG file is damaged and cannot be printed; save it again from an image editor")
    if width <= 0 or height <= 0:
        return Message.of("Logo: the PNG image is empty; choose another file")
    return None


def _cleaned(fields: CompanyFields) -> CompanyFields:
    return CompanyFields(
        name=fields.name.strip(), tax_id=fields.tax_id.strip(), address=_lines(fields.address),
        signatory_name=fields.signatory_name.strip(), signatory_title=fields.signatory_title.strip(),
        email=fields.email.strip(), phone=fields.phone.strip(), website=fields.website.strip(),
        logo_png=fields.logo_png or None,
    )


def _lines(parts: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    # a comma inside a line separates printed lines too (the stored form is one comma-separated text)
    return tuple(p.strip() for part in parts for p in part.split(",") if p.strip())


def _stored_values(fields: CompanyFields) -> dict[str, str]:
    signatory = f"{fields.signatory_name}, {fields.signatory_title}" if fields.signatory_title else fields.signatory_name
    values = {"name": fields.name, "tax_id": fields.tax_id, "address": ", ".join(fields.address),
              "signatory": signatory, "email": fields.email, "phone": fields.phone, "website": fields.website,
              "logo_png": base64.b64encode(fields.logo_png).decode("ascii") if fields.logo_png else ""}
    assert tuple(values) == KEYS
    return {f"company.{k}": v for k, v in values.items()}


def _decode_logo(text: str) -> bytes | None:
    if not text:
        return None
    try:
        data = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        data = b""
    # a damaged value (edited by hand on the server) must not stop every document: print without a logo
    return data if data.startswith(PNG_SIGNATURE) else None
