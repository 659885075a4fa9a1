"""OAI-PMH 2.0 data provider for the heritage assets institutions open for reuse.

Protocol: http://www.openarchives.org/OAI/openarchivesprotocol.html. Items are
the published heritage assets of published organisations; each institution is
a set (``org:<slug>``). Two metadata formats: ``oai_dc`` (Dublin Core) and
``edm`` (the Europeana Data Model in RDF/XML, as aggregators harvest it).
Resumption tokens are stateless: they carry the request and the last item id,
signed so that a harvester cannot forge one.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from datetime import UTC, datetime

from django.conf import settings
from django.core import signing
from django.db.models import Min, QuerySet
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods
from lxml import etree

from sache.directory.enums import AssetKind, Publication
from sache.directory.models import HeritageAsset, Organisation

OAI_NS = "http://www.openarchives.org/OAI/2.0/"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
OAI_DC_NS = "http://www.openarchives.org/OAI/2.0/oai_dc/"
DC_NS = "http://purl.org/dc/elements/1.1/"
DCTERMS_NS = "http://purl.org/dc/terms/"
RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
EDM_NS = "http://www.europeana.eu/schemas/edm/"
ORE_NS = "http://www.openarchives.org/ore/terms/"
SKOS_NS = "http://www.w3.org/2004/02/skos/core#"

METADATA_FORMATS = {
    "oai_dc": ("http://www.openarchives.org/OAI/2.0/oai_dc.xsd", OAI_DC_NS),
    "edm": ("http://www.europeana.eu/schemas/edm/EDM.xsd", RDF_NS),
}
# EDM asks every ProvidedCHO for a type among these five.
EDM_TYPES = {
    AssetKind.COLLECTION_ITEM: "IMAGE",
    AssetKind.BUILDING: "3D",
    AssetKind.SITE: "3D",
    AssetKind.INTANGIBLE_PRACTICE: "VIDEO",
    AssetKind.ARCHIVE_SET: "TEXT",
}
GRANULARITY = "YYYY-MM-DDThh:mm:ssZ"
TOKEN_SALT = "sache.oai.resumption"


class OAIError(Exception):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def page_size() -> int:
    return getattr(settings, "SACHE_OAI_PAGE_SIZE", 100)


def repository_identifier() -> str:
    return getattr(settings, "SACHE_OAI_REPOSITORY_ID", "sache.example.org")


def item_identifier(asset: HeritageAsset) -> str:
    return f"oai:{repository_identifier()}:asset:{asset.pk}"


def _asset_pk(identifier: str) -> int:
    prefix = f"oai:{repository_identifier()}:asset:"
    if not identifier.startswith(prefix) or not identifier[len(prefix):].isdigit():
        raise OAIError("idDoesNotExist", f"No item has the identifier {identifier!r}.")
    return int(identifier[len(prefix):])


def _datestamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _parse_datestamp(value: str, *, end: bool) -> datetime:
    for pattern in ("%Y-%m-%dT%H:%M:%SZ", "%Y-%m-%d"):
        try:
            parsed = datetime.strptime(value, pattern).replace(tzinfo=UTC)
        except ValueError:
            continue
        if pattern == "%Y-%m-%d" and end:
            parsed = parsed.replace(hour=23, minute=59, second=59)
        return parsed
    raise OAIError("badArgument", f"{value!r} is not a date of granularity {GRANULARITY} or YYYY-MM-DD.")


def harvestable_assets() -> QuerySet[HeritageAsset]:
    return HeritageAsset.objects.filter(
        publication=Publication.PUBLISHED, organisation__publication=Publication.PUBLISHED
    ).select_related("organisation")


@dataclass(frozen=True)
class ListRequest:
    metadata_prefix: str
    set_spec: str
    start: str
    until: str
    after_pk: int = 0


def _encode_token(request: ListRequest) -> str:
    payload = json.dumps([request.metadata_prefix, request.set_spec, request.start, request.until, request.after_pk])
    return signing.dumps(base64.urlsafe_b64encode(payload.encode()).decode(), salt=TOKEN_SALT, compress=True)


def _decode_token(token: str) -> ListRequest:
    try:
        payload = base64.urlsafe_b64decode(signing.loads(token, salt=TOKEN_SALT)).decode()
        prefix, set_spec, start, until, after_pk = json.loads(payload)
    except (signing.BadSignature, ValueError, TypeError) as error:
        raise OAIError("badResumptionToken", "The resumption token is not valid.") from error
    return ListRequest(prefix, set_spec, start, until, int(after_pk))


def _selection(request: ListRequest) -> QuerySet[HeritageAsset]:
    assets = harvestable_assets()
    if request.set_spec:
        if not request.set_spec.startswith("org:"):
            raise OAIError("badArgument", f"Unknown set {request.set_spec!r}; sets are named org:<organisation>.")
        assets = assets.filter(organisation__slug=request.set_spec[4:])
    if request.start:
        assets = assets.filter(updated_at__gte=_parse_datestamp(request.start, end=False))
    if request.until:
        assets = assets.filter(updated_at__lte=_parse_datestamp(request.until, end=True))
    if request.start and request.until and len(request.start) != len(request.until):
        raise OAIError("badArgument", "from and until must have the same granularity.")
    return assets.order_by("pk")


def _element(parent: etree._Element, tag: str, text: str | None = None, **attributes: str) -> etree._Element:
    child = etree.SubElement(parent, tag, **attributes)
    if text is not None:
        child.text = text
    return child


def _header(parent: etree._Element, asset: HeritageAsset) -> None:
    header = _element(parent, f"{{{OAI_NS}}}header")
    _element(header, f"{{{OAI_NS}}}identifier", item_identifier(asset))
    _element(header, f"{{{OAI_NS}}}datestamp", _datestamp(asset.updated_at))
    _element(header, f"{{{OAI_NS}}}setSpec", f"org:{asset.organisation.slug}")


def _absolute(path: str) -> str:
    return settings.SITE_URL + path


def _dublin_core(parent: etree._Element, asset: HeritageAsset) -> None:
    root = etree.SubElement(
        parent, f"{{{OAI_DC_NS}}}dc", nsmap={"oai_dc": OAI_DC_NS, "dc": DC_NS, "xsi": XSI_NS}
    )
    root.set(f"{{{XSI_NS}}}schemaLocation", f"{OAI_DC_NS} http://www.openarchives.org/OAI/2.0/oai_dc.xsd")
    lang = {"{http://www.w3.org/XML/1998/namespace}lang": asset.language}
    _element(root, f"{{{DC_NS}}}title", asset.title, **lang)
    _element(root, f"{{{DC_NS}}}description", asset.description, **lang)
    _element(root, f"{{{DC_NS}}}type", str(AssetKind(asset.kind).label))
    if asset.period:
        _element(root, f"{{{DC_NS}}}coverage", asset.period)
    if asset.place:
        _element(root, f"{{{DC_NS}}}coverage", asset.place)
    _element(root, f"{{{DC_NS}}}publisher", asset.organisation.name)
    _element(root, f"{{{DC_NS}}}rights", asset.rights_uri)
    _element(root, f"{{{DC_NS}}}language", asset.language)
    _element(root, f"{{{DC_NS}}}identifier", _absolute(asset.get_absolute_url()))


def _edm(parent: etree._Element, asset: HeritageAsset) -> None:
    nsmap = {"rdf": RDF_NS, "edm": EDM_NS, "dc": DC_NS, "dcterms": DCTERMS_NS, "ore": ORE_NS, "skos": SKOS_NS}
    rdf = etree.SubElement(parent, f"{{{RDF_NS}}}RDF", nsmap=nsmap)
    cho_uri = _absolute(asset.get_absolute_url())
    about = f"{{{RDF_NS}}}about"
    resource = f"{{{RDF_NS}}}resource"
    lang = {"{http://www.w3.org/XML/1998/namespace}lang": asset.language}
    cho = _element(rdf, f"{{{EDM_NS}}}ProvidedCHO", **{about: cho_uri})
    _element(cho, f"{{{DC_NS}}}title", asset.title, **lang)
    _element(cho, f"{{{DC_NS}}}description", asset.description, **lang)
    _element(cho, f"{{{DC_NS}}}type", str(AssetKind(asset.kind).label))
    _element(cho, f"{{{DC_NS}}}language", asset.language)
    if asset.period:
        _element(cho, f"{{{DCTERMS_NS}}}temporal", asset.period)
    if asset.place:
        _element(cho, f"{{{DCTERMS_NS}}}spatial", asset.place)
    _element(cho, f"{{{EDM_NS}}}type", EDM_TYPES.get(asset.kind, "TEXT"))
    aggregation = _element(rdf, f"{{{ORE_NS}}}Aggregation", **{about: f"{cho_uri}#aggregation"})
    _element(aggregation, f"{{{EDM_NS}}}aggregatedCHO", **{resource: cho_uri})
    _element(aggregation, f"{{{EDM_NS}}}dataProvider", asset.organisation.name)
    _element(aggregation, f"{{{EDM_NS}}}isShownAt", **{resource: cho_uri})
    _element(aggregation, f"{{{EDM_NS}}}provider", settings.SACHE_HUB_NAME)
    _element(aggregation, f"{{{EDM_NS}}}rights", **{resource: asset.rights_uri})


def _record(parent: etree._Element, asset: HeritageAsset, prefix: str) -> None:
    record = _element(parent, f"{{{OAI_NS}}}record")
    _header(record, asset)
    metadata = _element(record, f"{{{OAI_NS}}}metadata")
    (_dublin_core if prefix == "oai_dc" else _edm)(metadata, asset)


class Provider:
    """Answers one OAI-PMH request; every verb is a method returning the verb's element."""

    ARGUMENTS = {
        "Identify": (set(), set()),
        "ListMetadataFormats": (set(), {"identifier"}),
        "ListSets": (set(), {"resumptionToken"}),
        "GetRecord": ({"identifier", "metadataPrefix"}, set()),
        "ListIdentifiers": ({"metadataPrefix"}, {"from", "until", "set", "resumptionToken"}),
        "ListRecords": ({"metadataPrefix"}, {"from", "until", "set", "resumptionToken"}),
    }

    def __init__(self, request: HttpRequest) -> None:
        self.request = request
        self.params = request.GET if request.method == "GET" else request.POST
        self.base_url = request.build_absolute_uri(reverse("api:oai"))

    def respond(self) -> bytes:
        root = etree.Element(f"{{{OAI_NS}}}OAI-PMH", nsmap={None: OAI_NS, "xsi": XSI_NS})
        root.set(f"{{{XSI_NS}}}schemaLocation", f"{OAI_NS} http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd")
        _element(root, f"{{{OAI_NS}}}responseDate", _datestamp(datetime.now(UTC)))
        request_element = _element(root, f"{{{OAI_NS}}}request", self.base_url)
        verb = self.params.get("verb", "")
        try:
            if verb not in self.ARGUMENTS:
                raise OAIError("badVerb", "Illegal or missing verb.")
            self._check_arguments(verb)
            for key in sorted(self.params):
                request_element.set(key, self.params[key])
            root.append(getattr(self, f"_{verb}")())
        except OAIError as error:
            _element(root, f"{{{OAI_NS}}}error", error.message, code=error.code)
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8")

    def _check_arguments(self, verb: str) -> None:
        required, optional = self.ARGUMENTS[verb]
        given = set(self.params) - {"verb"}
        if any(len(self.params.getlist(key)) > 1 for key in given):
            raise OAIError("badArgument", "An argument is repeated.")
        if "resumptionToken" in given:
            if given != {"resumptionToken"}:
                raise OAIError("badArgument", "resumptionToken is an exclusive argument.")
            return
        if unknown := given - required - optional:
            raise OAIError("badArgument", f"Illegal argument(s): {', '.join(sorted(unknown))}.")
        if missing := required - given:
            raise OAIError("badArgument", f"Missing argument(s): {', '.join(sorted(missing))}.")

    def _Identify(self) -> etree._Element:
        element = etree.Element(f"{{{OAI_NS}}}Identify")
        earliest = harvestable_assets().aggregate(first=Min("updated_at"))["first"] or datetime(2024, 1, 1, tzinfo=UTC)
        _element(element, f"{{{OAI_NS}}}repositoryName", f"{settings.SACHE_HUB_NAME} — heritage assets open for reuse")
        _element(element, f"{{{OAI_NS}}}baseURL", self.base_url)
        _element(element, f"{{{OAI_NS}}}protocolVersion", "2.0")
        _element(element, f"{{{OAI_NS}}}adminEmail", getattr(settings, "SACHE_OAI_ADMIN_EMAIL", "oai@sache.example.org"))
        _element(element, f"{{{OAI_NS}}}earliestDatestamp", _datestamp(earliest))
        _element(element, f"{{{OAI_NS}}}deletedRecord", "no")
        _element(element, f"{{{OAI_NS}}}granularity", GRANULARITY)
        return element

    def _ListMetadataFormats(self) -> etree._Element:
        identifier = self.params.get("identifier")
        if identifier and not harvestable_assets().filter(pk=_asset_pk(identifier)).exists():
            raise OAIError("idDoesNotExist", f"No item has the identifier {identifier!r}.")
        element = etree.Element(f"{{{OAI_NS}}}ListMetadataFormats")
        for prefix, (schema, namespace) in METADATA_FORMATS.items():
            entry = _element(element, f"{{{OAI_NS}}}metadataFormat")
            _element(entry, f"{{{OAI_NS}}}metadataPrefix", prefix)
            _element(entry, f"{{{OAI_NS}}}schema", schema)
            _element(entry, f"{{{OAI_NS}}}metadataNamespace", namespace)
        return element

    def _ListSets(self) -> etree._Element:
        if self.params.get("resumptionToken"):
            raise OAIError("badResumptionToken", "ListSets is answered in one response.")
        element = etree.Element(f"{{{OAI_NS}}}ListSets")
        organisations = Organisation.objects.filter(
            id__in=harvestable_assets().values("organisation_id")
        ).order_by("slug").values_list("slug", "name")
        for slug, name in organisations:
            entry = _element(element, f"{{{OAI_NS}}}set")
            _element(entry, f"{{{OAI_NS}}}setSpec", f"org:{slug}")
            _element(entry, f"{{{OAI_NS}}}setName", name)
        if not len(element):
            raise OAIError("noSetHierarchy", "No institution has published assets yet.")
        return element

    def _GetRecord(self) -> etree._Element:
        prefix = self._metadata_prefix(self.params["metadataPrefix"])
        asset = harvestable_assets().filter(pk=_asset_pk(self.params["identifier"])).first()
        if asset is None:
            raise OAIError("idDoesNotExist", f"No item has the identifier {self.params['identifier']!r}.")
        element = etree.Element(f"{{{OAI_NS}}}GetRecord")
        _record(element, asset, prefix)
        return element

    def _ListIdentifiers(self) -> etree._Element:
        return self._list("ListIdentifiers")

    def _ListRecords(self) -> etree._Element:
        return self._list("ListRecords")

    @staticmethod
    def _metadata_prefix(prefix: str) -> str:
        if prefix not in METADATA_FORMATS:
            raise OAIError("cannotDisseminateFormat", f"Metadata format {prefix!r} is not offered; use oai_dc or edm.")
        return prefix

    def _list(self, verb: str) -> etree._Element:
        if token := self.params.get("resumptionToken"):
            list_request = _decode_token(token)
        else:
            list_request = ListRequest(
                self._metadata_prefix(self.params["metadataPrefix"]), self.params.get("set", ""),
                self.params.get("from", ""), self.params.get("until", ""),
            )
        selection = _selection(list_request)
        complete_size = selection.count()
        page = list(selection.filter(pk__gt=list_request.after_pk)[: page_size() + 1])
        if not page:
            raise OAIError("noRecordsMatch", "No item matches the request.")
        element = etree.Element(f"{{{OAI_NS}}}{verb}")
        for asset in page[: page_size()]:
            if verb == "ListIdentifiers":
                _header(element, asset)
            else:
                _record(element, asset, list_request.metadata_prefix)
        cursor = selection.filter(pk__lte=list_request.after_pk).count()
        if len(page) > page_size() or list_request.after_pk:
            next_token = ""
            if len(page) > page_size():
                following = ListRequest(**{**list_request.__dict__, "after_pk": page[page_size() - 1].pk})
                next_token = _encode_token(following)
            _element(element, f"{{{OAI_NS}}}resumptionToken", next_token, completeListSize=str(complete_size), cursor=str(cursor))
        return element


@csrf_exempt
@require_http_methods(["GET", "POST"])
def oai_endpoint(request: HttpRequest) -> HttpResponse:
    return HttpResponse(Provider(request).respond(), content_type="text/xml; charset=utf-8")
