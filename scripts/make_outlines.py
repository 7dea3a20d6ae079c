"""Make the country outlines the dashboard's map draws (src/eventmill/web/static/countries.geojson).

Source: Natural Earth "Admin 0 - Countries", 1:110m (naturalearthdata.com), which is in the
public domain ("No permission is needed to use Natural Earth"). We read the copy that the
geopandas 0.14 wheel on PyPI carries as `geopandas/datasets/naturalearth_lowres/*.shp`:

    pip download --no-deps geopandas==0.14.4 -d /tmp/ne
    python scripts/make_outlines.py /tmp/ne/geopandas-0.14.4-py3-none-any.whl

(a path to the .shp, with its .dbf beside it, works too). The script reads the shapefile and
its attribute table with a small parser of our own (no GIS library), rounds coordinates to
0.1 degree, drops rings that rounding collapses, fixes ring orientation for d3-geo (which
Vega uses: exterior rings clockwise, holes counter-clockwise, the opposite of RFC 7946), and
writes one Feature per country with its ISO 3166-1 alpha-3 code and name. Antarctica is left
out: no event happens there, and its polygon around the pole is what the map would get wrong.
Nothing here runs at install or run time; the output file is committed.
"""

from __future__ import annotations

import argparse
import io
import json
import struct
import sys
import zipfile
from pathlib import Path

MEMBER = "geopandas/datasets/naturalearth_lowres/naturalearth_lowres"
OUT = Path(__file__).resolve().parents[1] / "src/eventmill/web/static/countries.geojson"
# Natural Earth gives "-99" to a few states whose ISO code is disputed in its sources; the
# codes below are the ISO ones our knowledge base uses (XKX: Kosovo's user-assigned code).
ISO_FIXES = {"France": "FRA", "Norway": "NOR", "Kosovo": "XKX", "N. Cyprus": "", "Somaliland": ""}
LEFT_OUT = {"ATA"}
POLYGON = 5
Ring = list[list[float]]  # [[lon, lat], ...], closed


def read_sources(path: Path) -> tuple[bytes, bytes]:
    """The .shp and .dbf bytes, from a wheel/zip holding the dataset or from a .shp path."""
    if path.suffix in (".whl", ".zip"):
        with zipfile.ZipFile(path) as z:
            return z.read(MEMBER + ".shp"), z.read(MEMBER + ".dbf")
    return path.read_bytes(), path.with_suffix(".dbf").read_bytes()


def read_polygons(shp: bytes) -> list[list[list[tuple[float, float]]]]:
    """Each record's rings (lists of (lon, lat)) from an ESRI shapefile of polygons."""
    if struct.unpack(">i", shp[:4])[0] != 9994:
        raise ValueError("not an ESRI shapefile")
    records = []
    pos = 100
    while pos + 8 <= len(shp):
        _, words = struct.unpack(">ii", shp[pos : pos + 8])
        body = io.BytesIO(shp[pos + 8 : pos + 8 + 2 * words])
        pos += 8 + 2 * words
        (kind,) = struct.unpack("<i", body.read(4))
        if kind != POLYGON:
            records.append([])
            continue
        body.read(32)  # bounding box
        nparts, npoints = struct.unpack("<ii", body.read(8))
        starts = list(struct.unpack(f"<{nparts}i", body.read(4 * nparts))) + [npoints]
        flat = struct.unpack(f"<{2 * npoints}d", body.read(16 * npoints))
        points = list(zip(flat[0::2], flat[1::2], strict=True))
        records.append([points[a:b] for a, b in zip(starts, starts[1:], strict=False)])
    return records


def read_table(dbf: bytes) -> list[dict[str, str]]:
    """The rows of a dBASE III table, every value as stripped text."""
    count, header_len, record_len = struct.unpack("<IHH", dbf[4:12])
    fields = []
    pos = 32
    while dbf[pos] != 0x0D:
        name = dbf[pos : pos + 11].split(b"\0")[0].decode("ascii")
        fields.append((name, dbf[pos + 16]))
        pos += 32
    rows = []
    for i in range(count):
        rec = dbf[header_len + i * record_len : header_len + (i + 1) * record_len]
        at = 1  # the deletion flag
        row = {}
        for name, width in fields:
            row[name] = rec[at : at + width].decode("utf-8", "replace").strip()
            at += width
        rows.append(row)
    return rows


def signed_area(ring: list[tuple[float, float]]) -> float:
    """Shoelace area in square degrees: positive when counter-clockwise (y up)."""
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:], strict=False)) / 2


def simplify(ring: list[tuple[float, float]], digits: int) -> Ring | None:
    """The ring rounded, with repeated points dropped; None when nothing of it is left."""
    out: list[tuple[float, float]] = []
    for x, y in ring:
        p = (round(x, digits), round(y, digits))
        if not out or p != out[-1]:
            out.append(p)
    if out[0] != out[-1]:
        out.append(out[0])
    if len(out) < 4 or abs(signed_area(out)) < 10 ** (-2 * digits):
        return None
    return [list(p) for p in out]


def to_polygons(rings: list[list[tuple[float, float]]], digits: int) -> list[list[Ring]]:
    """Group shapefile rings into polygons (an exterior, then its holes), oriented for d3-geo.

    In a shapefile an exterior ring runs clockwise and a hole counter-clockwise; each hole
    follows its exterior, so a ring that turns the other way belongs to the last exterior."""
    polygons: list[list[Ring]] = []
    for ring in rings:
        hole = signed_area(ring) > 0
        kept = simplify(ring, digits)
        if kept is None:
            continue
        area = signed_area([tuple(p) for p in kept])
        if (area > 0) != hole:  # rounding turned it inside out: restore its sense
            kept.reverse()
        if hole and polygons:
            polygons[-1].append(kept)
        elif not hole:
            polygons.append([kept])
    return polygons


def build(path: Path, digits: int = 1) -> dict:
    shp, dbf = read_sources(path)
    shapes, rows = read_polygons(shp), read_table(dbf)
    if len(shapes) != len(rows):
        raise ValueError(f"{len(shapes)} shapes but {len(rows)} attribute rows")
    features = []
    for rings, row in sorted(zip(shapes, rows, strict=True), key=lambda p: p[1]["name"]):
        iso = ISO_FIXES.get(row["name"], row["iso_a3"])
        if iso in LEFT_OUT:
            continue
        polygons = to_polygons(rings, digits)
        if not polygons:
            continue
        geometry = (
            {"type": "Polygon", "coordinates": polygons[0]}
            if len(polygons) == 1
            else {"type": "MultiPolygon", "coordinates": polygons}
        )
        features.append(
            {
                "type": "Feature",
                "properties": {"iso": iso if iso != "-99" else "", "name": row["name"]},
                "geometry": geometry,
            }
        )
    return {"type": "FeatureCollection", "features": features}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", type=Path, help="geopandas 0.14 wheel, or a .shp with its .dbf")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--digits", type=int, default=1, help="decimal places kept (1: 0.1 degree)")
    args = parser.parse_args(argv)
    try:
        collection = build(args.source, args.digits)
    except (OSError, KeyError, ValueError, struct.error, zipfile.BadZipFile) as exc:
        print(f"make_outlines: cannot read {args.source}: {exc}", file=sys.stderr)
        return 1
    text = json.dumps(collection, separators=(",", ":"))
    args.out.write_text(text + "\n", encoding="utf-8")
    print(f"{len(collection['features'])} countries, {len(text) / 1024:.0f} KiB -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
