"""Content sniffing of uploads: the bytes must be what the extension says."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from sache.core.uploads import content_problem

pytestmark = pytest.mark.unit


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("a.pdf", b"%PDF-1.7\n"),
        ("a.PNG", b"\x89PNG\r\n\x1a\n...."),
        ("a.jpeg", b"\xff\xd8\xff\xe0...."),
        ("a.docx", _zip({"word/document.xml": b"<w/>"})),
        ("a.xlsx", _zip({"xl/workbook.xml": b"<x/>"})),
        ("a.ods", _zip({"mimetype": b"application/vnd.oasis.opendocument.spreadsheet"})),
        ("notes.txt", b"Zwykly tekst"),
    ],
)
def test_files_whose_content_matches_their_type_pass(name, content):
    assert content_problem(SimpleUploadedFile(name, content)) is None


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("a.pdf", b"<html><script>alert(1)</script>"),
        ("a.png", b"%PDF-1.7"),
        ("a.jpg", b"GIF89a"),
        ("a.docx", _zip({"xl/workbook.xml": b"<x/>"})),  # a spreadsheet named as a text document
        ("a.xlsx", b"PK\x03\x04 broken"),
        ("a.odt", _zip({"mimetype": b"application/vnd.oasis.opendocument.spreadsheet"})),
        ("notes.txt", b"  <svg onload=alert(1)>"),
        ("tool.csv", b"MZ\x90\x00"),
    ],
)
def test_files_whose_content_is_not_their_type_are_refused(name, content):
    assert content_problem(SimpleUploadedFile(name, content)) is not None


def test_the_file_can_be_read_again_after_the_check():
    upload = SimpleUploadedFile("a.pdf", b"%PDF-1.7\nrest")

    content_problem(upload)

    assert upload.read() == b"%PDF-1.7\nrest"
