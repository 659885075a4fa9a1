import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from sache.directory.models import ImportBatch, Organisation
from tests.factories.accounts import make_operator, make_user

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

GOOD = "external_id,name,kind,region\nx-1,Muzeum Łańcut,museum,PL823\nx-2,Studio,creative_business,PL821\n"
BAD = "external_id,name,kind,region\nx-1,Muzeum Łańcut,museum,PL823\nx-2,Studio,castle,PL821\n"


def _upload(client, text, name="orgs.csv"):
    return client.post(
        "/organisations/import/", {"kind": "organisations", "file": SimpleUploadedFile(name, text.encode("utf-8"))}
    )


def test_operator_previews_then_commits_import(client):
    client.force_login(make_operator())

    upload = _upload(client, GOOD)
    preview = client.get(upload.url)
    commit = client.post(upload.url)

    report = preview.context["report"]
    assert (report.rows, report.created, report.errors) == (2, 2, [])
    assert commit.url == "/organisations/"
    assert sorted(Organisation.objects.values_list("external_id", flat=True)) == ["x-1", "x-2"]
    assert ImportBatch.objects.get().summary == {"rows": 2, "created": 2, "updated": 0, "unchanged": 0, "errors": 0}


def test_preview_lists_row_errors_and_commit_writes_nothing(client):
    client.force_login(make_operator())

    upload = _upload(client, BAD)
    preview = client.get(upload.url)
    commit = client.post(upload.url)

    assert [(e.row, e.column) for e in preview.context["report"].errors] == [(3, "kind")]
    assert "<th scope=\"row\">3</th>" in preview.content.decode()
    assert (commit.status_code, Organisation.objects.count()) == (400, 0)


def test_upload_refuses_other_file_types(client):
    client.force_login(make_operator())

    response = _upload(client, GOOD, name="orgs.pdf")

    assert response.status_code == 400
    assert [str(e) for e in response.context["form"].errors["file"]] == ["Upload a .csv or .xlsx file."]
    assert ImportBatch.objects.count() == 0


def test_import_is_for_operators_only(client):
    client.force_login(make_user())

    response = _upload(client, GOOD)

    assert (response.status_code, ImportBatch.objects.count()) == (403, 0)


def test_committed_batch_cannot_be_committed_again(client):
    client.force_login(make_operator())
    upload = _upload(client, GOOD)
    client.post(upload.url)

    again = client.post(upload.url)

    assert (again.status_code, Organisation.objects.count()) == (404, 2)
