"""The ecosystem as pictures: the collaboration network and the map of organisations.

Layouts are computed on the server (networkx spring layout with a fixed seed, so
the picture is stable between visits) and drawn as SVG; a small script adds
search, focus and zoom.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from html import escape
from itertools import combinations

from django.db.models import Avg, Count, Q
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from sache.directory.enums import Publication, SectorGroup, sector_group_of
from sache.directory.models import Organisation
from sache.directory.regions import regions
from sache.events.enums import Attendance, MeetingStatus
from sache.insights.filters import InsightFilter
from sache.insights.selectors import (
    filtered_meetings,
    filtered_partnerships,
    published_organisations,
)
from sache.partnerships.models import PartnershipMember

SECTOR_COLOURS = {SectorGroup.HERITAGE: "#7a2e1d", SectorGroup.CREATIVE: "#1d4f91", SectorGroup.SUPPORT: "#1e6b3a"}
MAX_NODES = 400


@dataclass(frozen=True)
class Node:
    id: int
    name: str
    slug: str
    sector: str
    degree: int
    x: float
    y: float


@dataclass(frozen=True)
class Edge:
    source: int
    target: int
    weight: int
    kind: str


@dataclass(frozen=True)
class Graph:
    nodes: list[Node]
    edges: list[Edge]
    truncated: bool


def collaboration_network(flt: InsightFilter) -> Graph:
    """Organisations linked by the partnerships they share and the meetings they held or have scheduled."""
    import networkx as nx

    members = defaultdict(list)
    for partnership_id, organisation_id in PartnershipMember.objects.filter(
        partnership__in=filtered_partnerships(flt), organisation__publication=Publication.PUBLISHED
    ).values_list("partnership_id", "organisation_id"):
        members[partnership_id].append(organisation_id)
    weights: Counter[tuple[int, int]] = Counter()
    kinds: dict[tuple[int, int], str] = {}
    for organisation_ids in members.values():
        for a, b in combinations(sorted(set(organisation_ids)), 2):
            weights[(a, b)] += 1
            kinds[(a, b)] = "partnership"
    held_or_scheduled = filtered_meetings(flt).filter(
        Q(attendance=Attendance.HELD) | Q(status=MeetingStatus.ACCEPTED, slot__isnull=False),
        requester__organisation__publication=Publication.PUBLISHED,
        recipient__organisation__publication=Publication.PUBLISHED,
    )
    for a, b in held_or_scheduled.values_list("requester__organisation_id", "recipient__organisation_id"):
        pair = (min(a, b), max(a, b))
        weights[pair] += 1
        kinds.setdefault(pair, "meeting")
    graph = nx.Graph()
    for (a, b), weight in weights.items():
        graph.add_edge(a, b, weight=weight, kind=kinds[(a, b)])
    return _laid_out(graph)


def _laid_out(graph, *, limit: int = MAX_NODES, focus: int | None = None, stored: dict | None = None) -> Graph:  # type: ignore[no-untyped-def]
    """Keep the ``limit`` best-connected nodes (and ``focus``), lay them out and name them.

    ``stored`` positions (from the last refresh) are used as they are when they cover
    every node, else as the starting point of a short layout.
    """
    import networkx as nx

    truncated = graph.number_of_nodes() > limit
    if truncated:
        keep = [node for node, _degree in sorted(graph.degree, key=lambda item: (item[0] != focus, -item[1], item[0]))[:limit]]
        graph = graph.subgraph(keep).copy()
    if graph.number_of_nodes() == 0:
        return Graph([], [], False)
    stored = {node: xy for node, xy in (stored or {}).items() if node in graph and None not in xy}
    if stored and len(stored) == graph.number_of_nodes():
        positions = stored
    elif stored:
        # Unplaced nodes start at random; placed ones keep their place as a start.
        positions = nx.spring_layout(graph, pos=stored, seed=7, iterations=12)
    else:
        # The fixed seed keeps the picture stable between visits.
        positions = nx.spring_layout(graph, seed=7, iterations=60 if graph.number_of_nodes() <= 150 else 30)
    organisations = {
        organisation.id: organisation
        for organisation in Organisation.objects.filter(id__in=list(graph.nodes)).only("id", "name", "slug", "kind")
    }
    nodes = [
        Node(
            id=node, name=organisations[node].name, slug=organisations[node].slug,
            sector=sector_group_of(organisations[node].kind), degree=graph.degree[node],
            x=float(positions[node][0]), y=float(positions[node][1]),
        )
        for node in sorted(graph.nodes)
        if node in organisations
    ]
    kept = {node.id for node in nodes}
    edges = [
        Edge(min(a, b), max(a, b), data["weight"], data["kind"])
        for a, b, data in sorted(graph.edges(data=True))
        if a in kept and b in kept
    ]
    return Graph(nodes, edges, truncated)


# How much of a large network one page shows: the strongest links first, and at most
# this many organisations, so the SVG stays light and the layout fast.
SUBGRAPH_EDGES = 600
SUBGRAPH_NODES = 120
FOCUS_NEIGHBOURS = 60


def _edge_filter(flt: InsightFilter) -> Q:
    q = Q()
    if flt.start:
        q &= Q(day__gte=flt.start)
    if flt.end:
        q &= Q(day__lte=flt.end)
    if flt.region:
        q &= Q(source_region__startswith=flt.region) | Q(target_region__startswith=flt.region)
    if flt.programme is not None:
        q &= Q(programme=flt.programme)
    return q


def _graph_from_edges(rows) -> nx.Graph:  # type: ignore[name-defined,no-untyped-def]  # noqa: F821
    import networkx as nx

    graph = nx.Graph()
    for source, target, kind, weight in rows:
        if graph.has_edge(source, target):
            graph[source][target]["weight"] += weight
            if kind == "partnership":
                graph[source][target]["kind"] = kind
        else:
            graph.add_edge(source, target, weight=weight, kind=kind)
    return graph


def network_subgraph(flt: InsightFilter, *, focus: int | None = None) -> Graph:
    """The part of the refreshed network a page can show (see :mod:`sache.insights.models`).

    Without ``focus``: the strongest links (both ends most connected) that match the
    filter, cut to the best-connected organisations. With ``focus``: that organisation,
    its partners and the links among them.
    """
    from sache.insights.models import NetworkEdge

    edges = NetworkEdge.objects.filter(_edge_filter(flt))
    fields = ("source", "target", "kind", "weight")
    if focus is None:
        rows = list(edges.order_by("-strength", "-id").values_list(*fields)[:SUBGRAPH_EDGES])
        graph = _graph_from_edges(rows)
        return _laid_out(graph, limit=SUBGRAPH_NODES, stored=_stored_positions(graph.nodes))
    own = list(edges.filter(Q(source=focus) | Q(target=focus)).order_by("-strength", "-id").values_list(*fields)[:FOCUS_NEIGHBOURS * 3])
    neighbours = {source for source, *_rest in own} | {target for _source, target, *_rest in own}
    neighbours.discard(focus)
    neighbours = set(sorted(neighbours)[: FOCUS_NEIGHBOURS * 3])
    among = list(
        edges.filter(source__in=neighbours, target__in=neighbours).order_by("-strength", "-id").values_list(*fields)[:SUBGRAPH_EDGES]
    ) if neighbours else []
    graph = _graph_from_edges(own + among)
    return _laid_out(graph, limit=FOCUS_NEIGHBOURS + 1, focus=focus)


def _stored_positions(nodes) -> dict[int, tuple[float | None, float | None]]:  # type: ignore[no-untyped-def]
    from sache.insights.models import NetworkNode

    ids = list(nodes)
    found: dict[int, tuple[float | None, float | None]] = {}
    for start in range(0, len(ids), 500):
        found.update(
            (pk, (x, y)) for pk, x, y in NetworkNode.objects.filter(organisation_id__in=ids[start : start + 500]).values_list("organisation_id", "x", "y")
        )
    return found


def store_overview_layout() -> None:
    """Lay out the unfiltered overview once (called by the refresh) and keep the positions."""
    from sache.insights.models import NetworkNode

    graph = network_subgraph(InsightFilter())
    NetworkNode.objects.bulk_update(
        [NetworkNode(organisation_id=node.id, x=node.x, y=node.y) for node in graph.nodes], ["x", "y"], batch_size=500
    )


def find_in_network(query: str, *, limit: int = 10) -> list[tuple[int, str, int]]:
    """Organisations in the network whose name contains ``query``: (id, name, collaborations), best connected first."""
    from sache.insights.models import NetworkNode

    query = query.strip()
    if len(query) < 2:
        return []
    return list(
        NetworkNode.objects.filter(name__icontains=query).order_by("-degree", "name").values_list("organisation_id", "name", "degree")[:limit]
    )


def network_svg(graph: Graph, *, size: int = 760, focus: int | None = None) -> SafeString:
    if not graph.nodes:
        return mark_safe("")
    margin = 30
    scale = (size - 2 * margin) / 2
    position = {node.id: (margin + (node.x + 1) * scale, margin + (node.y + 1) * scale) for node in graph.nodes}
    title = _("Collaboration network")
    description = _("%(nodes)d organisations and %(edges)d collaborations; the table below lists them.") % {
        "nodes": len(graph.nodes), "edges": len(graph.edges),
    }
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" id="network" class="network" viewBox="0 0 {size} {size}" role="img" '
        f'aria-labelledby="network-title network-desc">'
        f'<title id="network-title">{escape(title)}</title><desc id="network-desc">{escape(description)}</desc>'
        '<g class="edges">'
    ]
    for edge in graph.edges:
        (x1, y1), (x2, y2) = position[edge.source], position[edge.target]
        parts.append(
            f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" data-source="{edge.source}" '
            f'data-target="{edge.target}" class="{edge.kind}" stroke-width="{min(1 + edge.weight, 5)}"/>'
        )
    parts.append('</g><g class="nodes">')
    for node in graph.nodes:
        x, y = position[node.id]
        radius = 4 + min(node.degree, 10)
        focused = ' class="focus" stroke="#1b1f24" stroke-width="3"' if node.id == focus else ""
        parts.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{radius}" fill="{SECTOR_COLOURS[node.sector]}"{focused} data-id="{node.id}" '
            f'data-name="{escape(node.name)}"><title>{escape(node.name)}</title></circle>'
        )
    parts.append("</g></svg>")
    return mark_safe("".join(parts))


@dataclass(frozen=True)
class Place:
    region: str
    name: str
    latitude: float
    longitude: float
    organisations: int


def organisations_by_place(flt: InsightFilter) -> list[Place]:
    """Published organisations per NUTS 3 region, placed at the mean of their coordinates."""
    table = regions()
    rows = (
        published_organisations(flt).filter(latitude__isnull=False, longitude__isnull=False)
        .order_by().values("region").annotate(n=Count("id"), lat=Avg("latitude"), lon=Avg("longitude"))
    )
    return sorted(
        (Place(row["region"], table[row["region"]].name if row["region"] in table else row["region"], row["lat"], row["lon"], row["n"]) for row in rows),
        key=lambda place: -place.organisations,
    )


def places_from_aggregates(flt: InsightFilter) -> list[Place]:
    """:func:`organisations_by_place` read from the aggregate tables.

    Counts follow the filter; each region is drawn at the mean position of all its
    organisations (refreshed with the figures), so circles do not wander with the filter.
    """
    from sache.insights import aggregates
    from sache.insights.models import Grain, InsightFact

    counts = aggregates.places(flt)
    centres: dict[str, dict[str, float]] = {}
    for metric, region, value in InsightFact.objects.filter(
        metric__in=["org.lat", "org.lon", "org.n"], area="", programme=0, grain=Grain.ALL
    ).values_list("metric", "key", "value"):
        centres.setdefault(region, {})[metric] = value
    table = regions()
    found = []
    for region, n in counts.items():
        centre = centres.get(region, {})
        if not centre.get("org.n"):
            continue
        found.append(Place(region, table[region].name if region in table else region,
                           centre["org.lat"] / centre["org.n"], centre["org.lon"] / centre["org.n"], n))
    return sorted(found, key=lambda place: -place.organisations)


# The programme area: from Bavaria and northern Italy to eastern Poland and Hungary.
MAP_BOUNDS = (8.0, 25.5, 44.0, 55.5)  # west, east, south, north


def map_svg(places: list[Place], *, width: int = 760, height: int = 640) -> SafeString:
    west, east, south, north = MAP_BOUNDS
    maximum = max((place.organisations for place in places), default=1)

    def project(latitude: float, longitude: float) -> tuple[float, float]:
        return (longitude - west) / (east - west) * width, (north - latitude) / (north - south) * height

    title = _("Organisations by region")
    description = _("Circles sized by the number of organisations in each NUTS 3 region; the table below lists them.")
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="region-map" viewBox="0 0 {width} {height}" role="img" aria-labelledby="map-title map-desc">'
        f'<title id="map-title">{escape(title)}</title><desc id="map-desc">{escape(description)}</desc>'
        f'<rect width="{width}" height="{height}" fill="#eef3f7"/>'
    ]
    for longitude in range(10, 26, 5):
        x, _y = project(north, longitude)
        parts.append(f'<line x1="{x:.1f}" y1="0" x2="{x:.1f}" y2="{height}" stroke="#c9d6e0" stroke-dasharray="3 5"/>')
    for latitude in range(45, 56, 5):
        _x, y = project(latitude, west)
        parts.append(f'<line x1="0" y1="{y:.1f}" x2="{width}" y2="{y:.1f}" stroke="#c9d6e0" stroke-dasharray="3 5"/>')
    for place in sorted(places, key=lambda p: -p.organisations):
        x, y = project(place.latitude, place.longitude)
        radius = 3 + 22 * (place.organisations / maximum) ** 0.5
        parts.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{radius:.1f}" fill="#7a2e1d" fill-opacity="0.55" stroke="#4d1c12">'
            f'<title>{escape(place.name)}: {place.organisations}</title></circle>'
        )
    for place in places[:8]:
        x, y = project(place.latitude, place.longitude)
        parts.append(
            f'<text x="{x + 6:.1f}" y="{y - 6:.1f}" font-size="12" fill="#1b1f24" stroke="#ffffff" stroke-width="3" '
            f'paint-order="stroke">{escape(place.name)}</text>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))
