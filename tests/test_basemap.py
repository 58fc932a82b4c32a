"""The shipped base map of East Java (src/kitrack/assets/basemap/east-java.geojson)."""

from __future__ import annotations

import json
from importlib.resources import files

import pytest

from conftest import REPO

BASEMAP = files("kitrack") / "assets" / "basemap"
# (west, south, east, north): East Java with Bawean to the north, the Kangean and Sapeken islands to
# the east, and the neighbours the builder keeps whole (Bali, Central Java's Muria peninsula).
ENVELOPE = (110.8, -8.9, 116.0, -5.6)


@pytest.fixture(scope="module")
def basemap() -> dict:
    return json.loads((BASEMAP / "east-java.geojson").read_text(encoding="utf-8"))


def rings(feature: dict) -> list[list[list[float]]]:
    geometry = feature["geometry"]
    polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    return [ring for polygon in polygons for ring in polygon]


def signed_area(ring: list[list[float]]) -> float:
    return sum(ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1] for i in range(len(ring) - 1)) / 2


def contains(feature: dict, lon: float, lat: float) -> bool:
    """Even-odd rule over every ring of the feature (holes included)."""
    inside = False
    for ring in rings(feature):
        for (ax, ay), (bx, by) in zip(ring, ring[1:]):
            if (ay > lat) != (by > lat) and lon < ax + (lat - ay) * (bx - ax) / (by - ay):
                inside = not inside
    return inside


def on_land(basemap: dict, lon: float, lat: float) -> bool:
    return any(contains(f, lon, lat) for f in basemap["features"] if f["properties"]["layer"] == "land")


def test_is_a_small_valid_feature_collection(basemap):
    assert len((BASEMAP / "east-java.geojson").read_bytes()) < 150_000
    assert basemap["type"] == "FeatureCollection"
    assert basemap["features"]
    for feature in basemap["features"]:
        assert feature["type"] == "Feature"
        assert feature["properties"]["layer"] in {"land", "regency"}
        assert feature["geometry"]["type"] in {"Polygon", "MultiPolygon"}
        polygons = feature["geometry"]["coordinates"]
        polygons = [polygons] if feature["geometry"]["type"] == "Polygon" else polygons
        for polygon in polygons:
            assert polygon
            for number, ring in enumerate(polygon):
                assert len(ring) >= 4 and ring[0] == ring[-1], "a linear ring is closed and has 4 positions"
                for position in ring:
                    assert len(position) == 2 and all(isinstance(v, (int, float)) for v in position)
                    assert all(round(v, 5) == v for v in position), "coordinates are rounded"
                # RFC 7946: exterior rings counter-clockwise, holes clockwise
                assert (signed_area(ring) > 0) == (number == 0)


def test_lies_within_its_bbox_and_east_java(basemap):
    positions = [p for f in basemap["features"] for ring in rings(f) for p in ring]
    xs, ys = [x for x, _ in positions], [y for _, y in positions]
    assert basemap["bbox"] == [min(xs), min(ys), max(xs), max(ys)]
    west, south, east, north = ENVELOPE
    assert west <= min(xs) and max(xs) <= east and south <= min(ys) and max(ys) <= north


def test_land_has_java_madura_and_the_outlying_islands(basemap):
    names = {f["properties"].get("name") for f in basemap["features"] if f["properties"]["layer"] == "land"}
    assert {"Java", "Madura", "Bawean", "Kangean", "Sapudi", "Nusa Barung"} <= names


@pytest.mark.parametrize(
    ("place", "lon", "lat"),
    [
        ("Surabaya", 112.74, -7.27),
        ("Malang", 112.63, -7.98),
        ("Kediri", 112.01, -7.82),
        ("Madiun", 111.52, -7.63),
        ("Jember", 113.70, -8.17),
        ("Pamekasan, Madura", 113.48, -7.16),
        ("Sumenep, Madura", 113.86, -7.01),
        ("Bawean", 112.66, -5.79),
    ],
)
def test_places_are_on_land(basemap, place, lon, lat):
    assert on_land(basemap, lon, lat), place


@pytest.mark.parametrize(
    ("place", "lon", "lat"),
    [
        ("Madura Strait", 113.0, -7.45),
        ("Java Sea", 112.5, -6.3),
        ("Indian Ocean", 112.5, -8.7),
        ("Java Sea, between Madura and Bawean", 112.8, -6.5),
    ],
)
def test_sea_is_not_land(basemap, place, lon, lat):
    assert not on_land(basemap, lon, lat), place


def test_regencies_are_all_38_of_east_java_when_present(basemap):
    regencies = [f for f in basemap["features"] if f["properties"]["layer"] == "regency"]
    if not regencies:
        pytest.skip("no regency layer shipped: no openly licensed boundary source was found (PROVENANCE.md)")
    names = [f["properties"]["name"] for f in regencies]
    codes = [f["properties"]["code"] for f in regencies]
    assert len(regencies) == 38
    assert len(set(names)) == 38 and len(set(codes)) == 38
    assert all(code.startswith("35") for code in codes), "BPS/Kemendagri codes of Jawa Timur start with 35"


def test_provenance_and_package_data():
    provenance = (BASEMAP / "PROVENANCE.md").read_text(encoding="utf-8")
    assert "Natural Earth" in provenance and "world-atlas" in provenance and "2.0.2" in provenance
    tomllib = pytest.importorskip("tomllib")
    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    assert "assets/basemap/*" in pyproject["tool"]["setuptools"]["package-data"]["kitrack"]
