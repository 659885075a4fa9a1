"""A backup restored onto an emptied hub gives back every record."""

import pytest
from django.core import serializers
from django.core.management import call_command

from sache.accounts.models import User
from sache.directory.models import Need, Organisation
from sache.partnerships.models import Partnership
from tests.factories.accounts import make_user
from tests.factories.directory import make_need, make_organisation
from tests.factories.partnerships import make_partnership

pytestmark = [pytest.mark.integration]


def _snapshot():
    return {
        model.__name__: serializers.serialize("json", model.objects.order_by("pk"))
        for model in (User, Organisation, Need, Partnership)
    }


@pytest.mark.django_db(transaction=True)
def test_backup_and_restore_round_trip_loses_nothing(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    (tmp_path / "media" / "logos").mkdir(parents=True)
    (tmp_path / "media" / "logos" / "zamek.png").write_bytes(b"\x89PNG fake logo")
    make_user(email="operator@example.org", is_operator=True)
    museum = make_organisation(name="Muzeum Narodowe Ziemi Przemyskiej", description=("pl", "Zbiory ikon i militariów."))
    make_need(museum)
    make_partnership(lead=museum)
    before = _snapshot()
    archive = tmp_path / "hub.tar.gz"

    call_command("backup", output=str(archive))
    Organisation.objects.all().delete()
    User.objects.all().delete()
    (tmp_path / "media" / "logos" / "zamek.png").unlink()
    call_command("restore", str(archive), yes=True)

    assert _snapshot() == before
    assert (tmp_path / "media" / "logos" / "zamek.png").read_bytes() == b"\x89PNG fake logo"


@pytest.mark.django_db(transaction=True)
def test_restore_refuses_an_archive_that_is_not_a_backup(tmp_path):
    import tarfile

    from django.core.management.base import CommandError

    make_organisation(name="Zostaje")
    bogus = tmp_path / "bogus.tar.gz"
    with tarfile.open(bogus, "w:gz") as archive:
        note = tmp_path / "note.txt"
        note.write_text("not a backup")
        archive.add(note, arcname="note.txt")

    with pytest.raises(CommandError):
        call_command("restore", str(bogus), yes=True)

    assert list(Organisation.objects.values_list("name", flat=True)) == ["Zostaje"]
