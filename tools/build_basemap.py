"""Build src/kitrack/assets/basemap/east-java.geojson from Natural Earth land (npm `world-atlas`).

    npm install --prefix /tmp/basemap world-atlas@2.0.2
    python tools/build_basemap.py /tmp/basemap/node_modules [-o PATH]

The argument is a node_modules folder holding `world-atlas`; nothing is fetched here, and the
npm folder is not part of the repository (see src/kitrack/assets/basemap/PROVENANCE.md).

Steps, standard library only, deterministic (the same input gives the same bytes):

1. read `world-atlas/land-10m.json` (TopoJSON, Natural Earth 1:10m land, quantized) and decode
   its arcs (delta-encoded integers, then the topology's transform) into lon/lat rings;
2. keep what lies in East Java's window: every land polygon is clipped to MAIN_WINDOW
   (Sutherland-Hodgman against the rectangle), and a polygon that lies entirely inside one of
   OUTLYING_WINDOWS (the Sapeken islands, east of the window) is kept whole;
3. simplify each ring (Douglas-Peucker, TOLERANCE degrees), round to DECIMALS places, drop
   repeated points, rings of fewer than 4 points and polygons smaller than MIN_AREA;
4. name each polygon from ISLANDS (the reference point inside it), orient rings as RFC 7946 asks
   (exterior counter-clockwise, holes clockwise) and write a FeatureCollection with a "bbox", one
   Polygon feature per island, largest first, properties {"layer": "land", "name": ISLAND}.

No regency (kabupaten/kota) layer is built: no openly licensed boundary set reachable through
npm or PyPI was found (PROVENANCE.md says what was looked at).
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_OUTPUT = REPO / "src" / "kitrack" / "assets" / "basemap" / "east-java.geojson"

SOURCE_PACKAGE = "world-atlas"
SOURCE_VERSION = "2.0.2"
SOURCE_FILE = "land-10m.json"
SOURCE_OBJECT = "land"

# (west, south, east, north) in degrees. The window is East Java with its islands (Madura, Bawean,
# Sapudi, Raas, Kangean, Nusa Barung) and whole neighbours where a cut would show: the Muria
# peninsula of Central Java (north to -6.4) and Bali with Nusa Penida (east to 115.71). The only cut
# is the west edge, through Central Java. The land layer is land, not the province: the Java
# polygon includes the east of Central Java (the boundary runs from about lon 110.9 on the south
# coast to 111.7 on the north coast), and Bali is there as a neighbour.
MAIN_WINDOW = (110.8, -8.9, 115.72, -5.6)
# East Java islands outside MAIN_WINDOW, kept whole when a polygon lies entirely inside one (a
# clip there would cut the west tip of Lombok instead).
OUTLYING_WINDOWS = {
    "Sapeken islands of the Kangean group (Kabupaten Sumenep)": (115.72, -7.35, 116.0, -6.75),
}
# Every polygon kept gets the name of the one reference point (lon, lat) inside it; the build fails
# when a polygon has none or a name is missing, so that a new source release is looked at by a person.
ISLANDS = {
    "Java": (112.0, -7.8),
    "Madura": (113.5, -7.05),
    "Bali": (115.1, -8.4),
    "Kangean": (115.4, -6.88),
    "Sepanjang": (115.82, -7.16),
    "Bawean": (112.66, -5.79),
    "Sapudi": (114.33, -7.11),
    "Raas": (114.55, -7.14),
    "Nusa Penida": (115.55, -8.74),
    "Nusa Barung": (113.35, -8.46),
}

TOLERANCE = 0.001  # degrees (about 110 m), below the source's own quantization step
DECIMALS = 4  # about 11 m
MIN_AREA = 1e-5  # square degrees (about 0.12 km2)

Point = tuple[float, float]
Ring = list[Point]
Window = tuple[float, float, float, float]


def decode_arcs(topology: dict) -> list[Ring]:
    """Absolute lon/lat points of every arc of a quantized TopoJSON topology."""
    transform = topology.get("transform")
    (sx, sy), (tx, ty) = (transform["scale"], transform["translate"]) if transform else ((1, 1), (0, 0))
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            if transform:
                x += dx
                y += dy
            else:
                x, y = dx, dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring_from_arcs(indexes: list[int], arcs: list[Ring]) -> Ring:
    """Join a ring's arcs; a negative index ~i means arc i reversed."""
    ring: Ring = []
    for index in indexes:
        points = arcs[index] if index >= 0 else arcs[~index][::-1]
        ring.extend(points if not ring else points[1:])
    return ring


def polygons_of(topology: dict, name: str) -> list[list[Ring]]:
    """Every polygon (exterior ring, then holes) of a TopoJSON object."""
    arcs = decode_arcs(topology)
    geometries = topology["objects"][name]
    geometries = geometries["geometries"] if geometries["type"] == "GeometryCollection" else [geometries]
    polygons = []
    for geometry in geometries:
        if geometry["type"] == "Polygon":
            parts = [geometry["arcs"]]
        elif geometry["type"] == "MultiPolygon":
            parts = geometry["arcs"]
        else:
            continue
        for part in parts:
            polygons.append([ring_from_arcs(ring, arcs) for ring in part])
    return polygons


def bounds(ring: Ring) -> Window:
    xs = [x for x, _ in ring]
    ys = [y for _, y in ring]
    return min(xs), min(ys), max(xs), max(ys)


def inside(box: Window, window: Window) -> bool:
    return window[0] <= box[0] and window[1] <= box[1] and box[2] <= window[2] and box[3] <= window[3]


def overlaps(box: Window, window: Window) -> bool:
    return box[0] < window[2] and window[0] < box[2] and box[1] < window[3] and window[1] < box[3]


def clip(ring: Ring, window: Window) -> Ring:
    """Sutherland-Hodgman: the part of a closed ring inside a rectangle (closed again, or [])."""
    west, south, east, north = window
    points = ring[:-1] if ring and ring[0] == ring[-1] else list(ring)
    edges = (
        (lambda p: p[0] >= west, lambda a, b: _at_x(a, b, west)),
        (lambda p: p[0] <= east, lambda a, b: _at_x(a, b, east)),
        (lambda p: p[1] >= south, lambda a, b: _at_y(a, b, south)),
        (lambda p: p[1] <= north, lambda a, b: _at_y(a, b, north)),
    )
    for keep, cross in edges:
        if not points:
            break
        result = []
        previous = points[-1]
        for current in points:
            if keep(current):
                if not keep(previous):
                    result.append(cross(previous, current))
                result.append(current)
            elif keep(previous):
                result.append(cross(previous, current))
            previous = current
        points = result
    return points + points[:1] if points else []


def _at_x(a: Point, b: Point, x: float) -> Point:
    t = (x - a[0]) / (b[0] - a[0])
    return x, a[1] + t * (b[1] - a[1])


def _at_y(a: Point, b: Point, y: float) -> Point:
    t = (y - a[1]) / (b[1] - a[1])
    return a[0] + t * (b[0] - a[0]), y


def simplify(ring: Ring, tolerance: float) -> Ring:
    """Douglas-Peucker on a closed ring, split at its first point and the point farthest from it."""
    if len(ring) < 5:
        return ring
    start = ring[0]
    far = max(range(1, len(ring) - 1), key=lambda i: (ring[i][0] - start[0]) ** 2 + (ring[i][1] - start[1]) ** 2)
    first = _douglas_peucker(ring[: far + 1], tolerance)
    second = _douglas_peucker(ring[far:], tolerance)
    return first[:-1] + second


def _douglas_peucker(points: Ring, tolerance: float) -> Ring:
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (ax, ay), (bx, by) = points[first], points[last]
        dx, dy = bx - ax, by - ay
        length2 = dx * dx + dy * dy
        best, best_index = -1.0, -1
        for i in range(first + 1, last):
            px, py = points[i]
            if length2 == 0:
                d2 = (px - ax) ** 2 + (py - ay) ** 2
            else:
                cross = dx * (py - ay) - dy * (px - ax)
                d2 = cross * cross / length2
            if d2 > best:
                best, best_index = d2, i
        if best_index >= 0 and best > tolerance * tolerance:
            keep[best_index] = True
            stack.append((first, best_index))
            stack.append((best_index, last))
    return [p for p, k in zip(points, keep, strict=True) if k]


def tidy(ring: Ring, decimals: int) -> Ring:
    """Round, drop repeated points, close; [] when fewer than 4 points remain."""
    out: Ring = []
    for x, y in ring:
        point = (round(x, decimals), round(y, decimals))
        if not out or point != out[-1]:
            out.append(point)
    if out and out[0] != out[-1]:
        out.append(out[0])
    return out if len(out) >= 4 else []


def signed_area(ring: Ring) -> float:
    """Shoelace area in square degrees; positive when counter-clockwise (lon east, lat north)."""
    return sum(ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1] for i in range(len(ring) - 1)) / 2


def contains(ring: Ring, point: Point) -> bool:
    """Even-odd rule: is the point inside the closed ring?"""
    x, y = point
    result = False
    for (ax, ay), (bx, by) in itertools.pairwise(ring):
        if (ay > y) != (by > y) and x < ax + (y - ay) * (bx - ax) / (by - ay):
            result = not result
    return result


def name_of(polygon: list[Ring]) -> str:
    names = [
        name for name, point in ISLANDS.items()
        if contains(polygon[0], point) and not any(contains(hole, point) for hole in polygon[1:])
    ]
    if len(names) != 1:
        raise SystemExit(f"polygon with bounds {bounds(polygon[0])} matches islands {names}: update ISLANDS")
    return names[0]


def oriented(ring: Ring, counter_clockwise: bool) -> Ring:
    return ring if (signed_area(ring) > 0) == counter_clockwise else ring[::-1]


def select(polygons: list[list[Ring]]) -> list[list[Ring]]:
    """The East Java part of every polygon: clipped to MAIN_WINDOW, or whole in an outlying window."""
    kept = []
    for polygon in polygons:
        box = bounds(polygon[0])
        if overlaps(box, MAIN_WINDOW):
            rings = [clip(ring, MAIN_WINDOW) for ring in polygon]
        elif any(inside(box, window) for window in OUTLYING_WINDOWS.values()):
            rings = polygon
        else:
            continue
        if rings[0]:
            kept.append([ring for ring in rings if ring])
    return kept


def finish(polygons: list[list[Ring]]) -> list[list[Ring]]:
    """Simplify, round, orient; drop what became too small; largest polygon first."""
    done = []
    for polygon in polygons:
        exterior = tidy(simplify(polygon[0], TOLERANCE), DECIMALS)
        if not exterior or abs(signed_area(exterior)) < MIN_AREA:
            continue
        holes = [tidy(simplify(ring, TOLERANCE), DECIMALS) for ring in polygon[1:]]
        holes = [h for h in holes if h and abs(signed_area(h)) >= MIN_AREA]
        done.append([oriented(exterior, True)] + [oriented(h, False) for h in holes])
    done.sort(key=lambda p: (-abs(signed_area(p[0])), p[0][0]))
    return done


def feature_collection(polygons: list[list[Ring]]) -> dict:
    names = [name_of(polygon) for polygon in polygons]
    missing = sorted(set(ISLANDS) - set(names))
    if missing or len(set(names)) != len(names):
        raise SystemExit(f"islands missing {missing} or named twice {names}: update ISLANDS")
    points = [p for polygon in polygons for ring in polygon for p in ring]
    box = [min(x for x, _ in points), min(y for _, y in points), max(x for x, _ in points), max(y for _, y in points)]
    return {
        "type": "FeatureCollection",
        "bbox": box,
        "features": [
            {
                "type": "Feature",
                "properties": {"layer": "land", "name": name},
                "geometry": {"type": "Polygon", "coordinates": [[list(p) for p in ring] for ring in polygon]},
            }
            for name, polygon in zip(names, polygons, strict=True)
        ],
    }


def dumps(collection: dict) -> str:
    """Compact JSON, one feature a line, so that a rebuild diffs by island."""
    compact = {"separators": (",", ":"), "ensure_ascii": False}
    head = json.dumps({k: v for k, v in collection.items() if k != "features"}, **compact)[:-1]
    lines = [json.dumps(feature, **compact) for feature in collection["features"]]
    return head + ',"features":[\n' + ",\n".join(lines) + "\n]}\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("node_modules", type=Path, help="a node_modules folder with world-atlas installed")
    parser.add_argument("-o", "--output", type=Path, default=DEFAULT_OUTPUT)
    args = parser.parse_args(argv)

    package_dir = args.node_modules / SOURCE_PACKAGE
    try:
        version = json.loads((package_dir / "package.json").read_text(encoding="utf-8"))["version"]
        topology = json.loads((package_dir / SOURCE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError, KeyError) as error:
        print(f"cannot read {package_dir}: {error}", file=sys.stderr)
        return 2
    if version != SOURCE_VERSION:
        print(f"warning: {SOURCE_PACKAGE} is {version}, PROVENANCE.md describes {SOURCE_VERSION}", file=sys.stderr)

    polygons = finish(select(polygons_of(topology, SOURCE_OBJECT)))
    text = dumps(feature_collection(polygons))
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8")
    points = sum(len(ring) for polygon in polygons for ring in polygon)
    print(f"{args.output}: {len(polygons)} land polygons, {points} points, {len(text.encode())} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
