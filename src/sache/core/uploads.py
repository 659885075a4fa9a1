"""Upload content checks shared by every app that stores users' files.

A name ending in ``.pdf`` says nothing about the bytes: an HTML page or an executable
renamed ``report.pdf`` would pass an extension check and be served back from our
origin. ``content_problem`` reads the first bytes (and, for office documents, the
ZIP directory) and refuses a file whose content is not what its extension claims, or
that is active content (HTML, SVG, scripts, executables) whatever its name.
"""

from __future__ import annotations

import zipfile
from typing import Any

from django.utils.translation import gettext as _

HEAD = 512  # bytes read for the signatures below

_SIGNATURES: dict[str, tuple[bytes, ...]] = {
    "pdf": (b"%PDF-",),
    "png": (b"\x89PNG\r\n\x1a\n",),
    "jpg": (b"\xff\xd8\xff",),
    "jpeg": (b"\xff\xd8\xff",),
    "gif": (b"GIF87a", b"GIF89a"),
    "webp": (b"RIFF",),
    "zip": (b"PK\x03\x04",),
}
# Office documents are ZIP files; one entry tells the kinds apart.
_ZIP_MEMBERS = {
    "docx": "word/document.xml", "xlsx": "xl/workbook.xml", "pptx": "ppt/presentation.xml",
    "odt": "mimetype", "ods": "mimetype", "odp": "mimetype",
}
_OPEN_DOCUMENT = {
    "odt": b"application/vnd.oasis.opendocument.text",
    "ods": b"application/vnd.oasis.opendocument.spreadsheet",
    "odp": b"application/vnd.oasis.opendocument.presentation",
}
# Content a browser would run or render, refused under any name.
_ACTIVE = (b"<!doctype html", b"<html", b"<script", b"<svg", b"<?xml", b"mz", b"\x7felf", b"#!")


def _extension(name: str) -> str:
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def _read_head(upload: Any) -> bytes:
    upload.seek(0)
    head = upload.read(HEAD)
    upload.seek(0)
    return head if isinstance(head, bytes) else head.encode()


def _zip_holds(upload: Any, extension: str) -> bool:
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
            member = _ZIP_MEMBERS[extension]
            if member not in names:
                return False
            if extension in _OPEN_DOCUMENT:
                return archive.read("mimetype").strip() == _OPEN_DOCUMENT[extension]
            return True
    except (zipfile.BadZipFile, KeyError, OSError):
        return False
    finally:
        upload.seek(0)


def content_problem(upload: Any) -> str | None:
    """Why the uploaded file's content does not match its name, or None when it does."""
    extension = _extension(upload.name)
    head = _read_head(upload)
    if head.lstrip().lower().startswith(_ACTIVE) and extension not in {"xml", "svg", "html"}:
        return _("The file's content does not match its type (%(ext)s).") % {"ext": extension or "?"}
    if extension in _ZIP_MEMBERS:
        ok = head.startswith(_SIGNATURES["zip"]) and _zip_holds(upload, extension)
    elif extension in _SIGNATURES:
        ok = head.startswith(_SIGNATURES[extension])
    else:
        ok = True  # a type without a signature (plain text, CSV): only the active-content check applies
    if not ok:
        return _("The file's content does not match its type (%(ext)s).") % {"ext": extension}
    return None
