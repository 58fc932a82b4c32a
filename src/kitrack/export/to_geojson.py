"""GeoJSON (RFC 7946): a FeatureCollection of the exported estates that have a location.

Each feature is a Point at `[lon, lat]` (WGS84, as RFC 7946 requires) with the estate's id as the
feature `id` and, as properties, the estate's row of the estates table (its latest figures as of the
date) and its sectors. Lists are joined with `;`, as in CSV, so that QGIS can style and label them.
Estates without a location cannot be mapped; they are named in the command's summary.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kitrack.export.tables import Bundle, Written
from kitrack.export.to_json import dump
from kitrack.output import render


def _property(value: Any) -> Any:
    value = render.raw(value)
    return render.join_list(value) if isinstance(value, list) else value


def collection(bundle: Bundle) -> dict[str, Any]:
    table = bundle.tables["estates"]
    features = []
    for row in table.rows:
        if row["id"] not in bundle.located:
            continue
        lat, lon = bundle.located[row["id"]]
        properties = {column.key: _property(row.get(column.key)) for column in table.columns}
        properties["sectors"] = _property(bundle.sectors.get(row["id"], []))
        features.append({
            "type": "Feature",
            "id": row["id"],
            "geometry": {"type": "Point", "coordinates": [render.raw(lon), render.raw(lat)]},
            "properties": properties,
        })
    return {"type": "FeatureCollection", "features": features}


def write(bundle: Bundle, output: Path, written: Written) -> None:
    dump(collection(bundle), output)
    written.tables = [(output, "estates", len(bundle.located))]
