"""GeoJSON (RFC 7946): a FeatureCollection of the exported estates and projects that have a location.

Each feature is a Point at `[lon, lat]` (WGS84, as RFC 7946 requires) with the record's id as the
feature `id` and, as properties, its row of its table (its latest figures as of the date), its
`record_kind`, and how close the point is to the place (`location_precision`: site, area, town or
regency) with the source that gives it, so that a map never draws a town centre as a site; estates
carry their sectors too. Lists are joined with `;`, as in CSV, so that QGIS can style and label them.
Records without a location cannot be mapped; they are named in the command's summary.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kitrack.export.tables import Bundle, Written
from kitrack.export.to_json import dump
from kitrack.output import render


def _property(value: Any) -> Any:
    value = render.raw(render.chosen(value))
    return render.join_list(value) if isinstance(value, list) else value


def collection(bundle: Bundle) -> dict[str, Any]:
    features = []
    for name in ("estates", "infrastructure"):
        table = bundle.tables[name]
        for row in table.rows:
            place = bundle.located.get(row["id"])
            if place is None or place.table != name:
                continue
            properties = {column.key: _property(row.get(column.key)) for column in table.columns}
            properties.update(
                record_kind=name, location_precision=place.precision, location_source=place.source,
                location_source_url=place.source_url,
            )
            if name == "estates":
                properties["sectors"] = _property(bundle.sectors.get(row["id"], []))
            features.append({
                "type": "Feature",
                "id": row["id"],
                "geometry": {"type": "Point", "coordinates": [render.raw(place.lon), render.raw(place.lat)]},
                "properties": properties,
            })
    return {"type": "FeatureCollection", "features": features}


def write(bundle: Bundle, output: Path, written: Written) -> None:
    document = collection(bundle)
    dump(document, output)
    kinds = [feature["properties"]["record_kind"] for feature in document["features"]]
    written.tables = [(output, name, kinds.count(name)) for name in ("estates", "infrastructure")]
