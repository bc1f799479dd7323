#!/usr/bin/env python3
"""Make the web-ready Lao PDR province (ADM1) boundary file for the explorer map.

What it does
------------
Reads the geoBoundaries gbOpen LAO ADM1 "simplified" GeoJSON (boundary
LAO-ADM1-31783359, boundaryYear 2017; 18 polygons = 17 provinces + Vientiane
Capital) and writes a much smaller GeoJSON FeatureCollection for drawing at up
to ~1000 px wide:

* properties are reduced to {"code": ISO 3166-2 code, "name": shapeName};
  the outdated code LA-XN (former Xaisomboun special zone) becomes LA-XS;
* boundaries are simplified TOPOLOGY-AWARE, so neighbouring provinces keep
  identical shared borders (no gaps, no slivers):
    1. input vertices are snapped to a 1e-7 degree grid (the source precision)
       so that coincident vertices compare equal, and hairline gaps in the
       source (two spots, each under ~55 m wide, where Xaignabouli's border runs
       beside, not through, its neighbours' vertices) are closed by inserting
       a vertex that lies within SNAP_TO_SEGMENT of a neighbour's edge into
       that edge;
    2. every ring is cut into arcs at junctions: vertices where 3+ rings meet,
       where the set of rings owning the boundary changes (e.g. a provincial
       border meets the national border), and at each province's
       bounding-box extreme vertices (so bounding boxes are preserved);
    3. each distinct arc is simplified ONCE with Douglas-Peucker (arc end
       points fixed; distances measured with x scaled by cos(18 deg) so the
       tolerance is roughly isotropic on the ground), and the same simplified
       arc is used, reversed if necessary, by every ring that owns it;
    4. coordinates are rounded to PRECISION decimals and rings rebuilt;
    5. the result is checked exactly (integer grid) for segment intersections,
       repeated vertices and rings with < 4 positions; arcs involved in a
       problem are re-simplified with half the tolerance until it is clean;
* polygon parts (islands/exclaves) smaller than MIN_PART_AREA square degrees
  are dropped (invisible at 1000 px), but never a feature's largest part;
* rings are written closed, exterior counter-clockwise and holes clockwise
  (RFC 7946), as compact JSON, features sorted by code.

The output is deterministic: the same input gives byte-identical output.
Standard library only (Python 3.11+).

How to run (from the repository root)
-------------------------------------
    python3 scripts/simplify_boundaries.py
    python3 scripts/simplify_boundaries.py INPUT.geojson OUTPUT.geojson

Defaults: INPUT  = ../shared/data-sources/geoBoundaries-LAO-ADM1_simplified.geojson
          OUTPUT = public/data/lao-provinces.geojson
(both relative to the repository root, which is the parent of this script's
folder). It prints one summary line.

Licence
-------
The input data are (c) OpenStreetMap contributors and available under the
Open Data Commons Open Database License 1.0 (ODbL), via geoBoundaries
(Runfola et al. 2020, www.geoboundaries.org). The output file is a derived
database and is offered under ODbL 1.0 as well
(https://opendatacommons.org/licenses/odbl/1-0/); see
public/data/lao-provinces.ATTRIBUTION.md. Attribution:
"Boundaries (c) OpenStreetMap contributors, ODbL 1.0; via geoBoundaries
(Runfola et al. 2020, www.geoboundaries.org)."
This script itself is part of the explorer's source code (MIT, see Cargo.toml).
"""

import json
import math
import os
import sys
from collections import defaultdict

# ---------------------------------------------------------------- settings
TOLERANCE = 0.012          # Douglas-Peucker tolerance, degrees (~1.3 km; ~1 px on the 640 px wide map)
PRECISION = 3              # output decimals (0.001 deg ~ 110 m)
SNAP_DECIMALS = 7          # input snapping grid (source precision, ~1 cm)
SNAP_TO_SEGMENT = 8e-4     # close source gaps: vertex within this of a neighbour's edge (deg, ~90 m)
MIN_PART_AREA = 2e-5       # drop extra polygon parts smaller than this (deg^2, < 1 px^2)
REF_LAT = 18.0             # latitude for the x-scale cos(REF_LAT)
MIN_TOLERANCE = 1e-6       # below this an arc is kept unsimplified
CODE_REMAP = {"LA-XN": "LA-XS"}
EXPECTED_FEATURES = 18

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_INPUT = os.path.join(
    REPO_ROOT, "..", "shared", "data-sources", "geoBoundaries-LAO-ADM1_simplified.geojson")
DEFAULT_OUTPUT = os.path.join(REPO_ROOT, "public", "data", "lao-provinces.geojson")

XSCALE = math.cos(math.radians(REF_LAT))
SCALE = 10 ** PRECISION


# ---------------------------------------------------------------- geometry helpers
def signed_area(ring):
    """Shoelace signed area of an open ring (positive = counter-clockwise)."""
    s = 0.0
    n = len(ring)
    for i in range(n):
        x1, y1 = ring[i]
        x2, y2 = ring[(i + 1) % n]
        s += x1 * y2 - x2 * y1
    return s / 2.0


def open_ring(coords):
    """Snap, drop the closing position and consecutive duplicates."""
    pts = []
    for x, y in coords:
        p = (round(float(x), SNAP_DECIMALS), round(float(y), SNAP_DECIMALS))
        if not pts or pts[-1] != p:
            pts.append(p)
    while len(pts) > 1 and pts[0] == pts[-1]:
        pts.pop()
    return pts


def seg_dist2(p, a, b):
    """Squared distance (scaled x) from p to segment ab."""
    px, py = p[0] * XSCALE, p[1]
    ax, ay = a[0] * XSCALE, a[1]
    bx, by = b[0] * XSCALE, b[1]
    dx, dy = bx - ax, by - ay
    L = dx * dx + dy * dy
    if L == 0.0:
        return (px - ax) ** 2 + (py - ay) ** 2
    t = ((px - ax) * dx + (py - ay) * dy) / L
    t = 0.0 if t < 0.0 else 1.0 if t > 1.0 else t
    qx, qy = ax + t * dx, ay + t * dy
    return (px - qx) ** 2 + (py - qy) ** 2


def douglas_peucker(pts, tol):
    """Indices kept by Douglas-Peucker; first and last always kept.

    A closed arc (first == last) is split at its farthest vertex first so
    that it cannot collapse to a point."""
    n = len(pts)
    if n <= 2 or tol <= MIN_TOLERANCE:
        return list(range(n))
    tol2 = tol * tol
    keep = [False] * n
    keep[0] = keep[-1] = True
    stack = []
    if pts[0] == pts[-1]:
        # closed arc: keep the vertex farthest from the start, then the vertex
        # farthest from that chord, so at least a triangle survives
        far = max(range(1, n - 1), key=lambda i: (seg_dist2(pts[i], pts[0], pts[0]), -i))
        keep[far] = True
        others = [i for i in range(1, n - 1) if i != far]
        if others:
            keep[max(others, key=lambda i: (seg_dist2(pts[i], pts[0], pts[far]), -i))] = True
        kept = [i for i in range(n) if keep[i]]
        stack = list(zip(kept, kept[1:]))
    else:
        stack.append((0, n - 1))
    while stack:
        lo, hi = stack.pop()
        if hi - lo < 2:
            continue
        dmax, imax = -1.0, -1
        a, b = pts[lo], pts[hi]
        for i in range(lo + 1, hi):
            d = seg_dist2(pts[i], a, b)
            if d > dmax:
                dmax, imax = d, i
        if dmax > tol2:
            keep[imax] = True
            stack.append((lo, imax))
            stack.append((imax, hi))
    return [i for i in range(n) if keep[i]]


def to_grid(p):
    """Round to the output precision, as integers (exact arithmetic)."""
    return (int(round(p[0] * SCALE)), int(round(p[1] * SCALE)))


def orient(a, b, c):
    v = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])
    return (v > 0) - (v < 0)


def on_segment(a, b, p):
    return min(a[0], b[0]) <= p[0] <= max(a[0], b[0]) and min(a[1], b[1]) <= p[1] <= max(a[1], b[1])


def segments_conflict(a, b, c, d):
    """True if segments ab and cd intersect other than by sharing one end point
    (i.e. a crossing, a touch in an interior, or a collinear overlap)."""
    shared = {a, b} & {c, d}
    o1, o2, o3, o4 = orient(a, b, c), orient(a, b, d), orient(c, d, a), orient(c, d, b)
    if shared:
        if len(shared) == 2:
            return True  # duplicated edge
        # share exactly one end point: conflict only if collinear and overlapping
        s = shared.pop()
        x = b if a == s else a
        y = d if c == s else c
        if orient(s, x, y) != 0:
            return False
        return (x[0] - s[0]) * (y[0] - s[0]) + (x[1] - s[1]) * (y[1] - s[1]) > 0
    if o1 != o2 and o3 != o4 and 0 not in (o1, o2, o3, o4):
        return True
    if o1 == 0 and on_segment(a, b, c):
        return True
    if o2 == 0 and on_segment(a, b, d):
        return True
    if o3 == 0 and on_segment(c, d, a):
        return True
    if o4 == 0 and on_segment(c, d, b):
        return True
    return False


# ---------------------------------------------------------------- topology
def snap_to_segments(rings, eps):
    """Close hairline gaps between neighbours.

    A vertex of one ring that lies within eps of the interior of an edge of
    another ring (which does not already contain that vertex) is inserted
    into that edge, so both rings then run through the same vertices.
    Returns (new_rings, number_of_insertions)."""
    cell = 0.05
    buckets = defaultdict(list)
    for r, ring in enumerate(rings):
        n = len(ring)
        for i in range(n):
            a, b = ring[i], ring[(i + 1) % n]
            for cx in range(math.floor((min(a[0], b[0]) - eps) / cell), math.floor((max(a[0], b[0]) + eps) / cell) + 1):
                for cy in range(math.floor((min(a[1], b[1]) - eps) / cell), math.floor((max(a[1], b[1]) + eps) / cell) + 1):
                    buckets[(cx, cy)].append((r, i))
    members = [set(ring) for ring in rings]
    inserts = defaultdict(set)  # (ring, edge index) -> {(t, point)}
    for r, ring in enumerate(rings):
        for v in ring:
            for s, i in buckets.get((math.floor(v[0] / cell), math.floor(v[1] / cell)), ()):
                if s == r or v in members[s]:
                    continue
                a, b = rings[s][i], rings[s][(i + 1) % len(rings[s])]
                dx, dy = b[0] - a[0], b[1] - a[1]
                L = dx * dx + dy * dy
                if L == 0.0:
                    continue
                t = ((v[0] - a[0]) * dx + (v[1] - a[1]) * dy) / L
                if not 0.0 < t < 1.0:
                    continue
                if math.hypot(v[0] - (a[0] + t * dx), v[1] - (a[1] + t * dy)) < eps:
                    inserts[(s, i)].add((t, v))
    out = []
    for s, ring in enumerate(rings):
        new = []
        for i, p in enumerate(ring):
            new.append(p)
            for _, v in sorted(inserts.get((s, i), ())):
                new.append(v)
        out.append(new)
    return out, sum(len(v) for v in inserts.values())


def count_gaps(arcs, ring_arcs):
    """Arcs owned by one ring should form the outer (national) border only.
    Returns (single-owner arcs, number of closed loops they form)."""
    owners = defaultdict(int)
    for seq in ring_arcs:
        for ai, _ in seq:
            owners[ai] += 1
    single = [ai for ai in owners if owners[ai] == 1]
    parent = {}

    def find(x):
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x
    for ai in single:
        a, b = find(arcs[ai][0]), find(arcs[ai][-1])
        parent[a] = b
    loops = len({find(arcs[ai][0]) for ai in single})
    return len(single), loops


def build_arcs(rings, forced_cuts):
    """Split every ring into arcs.

    rings: list of open rings (lists of points). Returns (arcs, ring_arcs)
    where arcs is a list of point tuples (each distinct arc once, in a
    canonical direction) and ring_arcs[r] is a list of (arc_index, reversed).
    """
    edge_owners = defaultdict(set)
    vertex_owners = defaultdict(set)
    for r, ring in enumerate(rings):
        n = len(ring)
        for i in range(n):
            p, q = ring[i], ring[(i + 1) % n]
            edge_owners[(p, q) if p < q else (q, p)].add(r)
            vertex_owners[p].add(r)

    def owners(p, q):
        return frozenset(edge_owners[(p, q) if p < q else (q, p)])

    arcs, arc_index, ring_arcs = [], {}, []
    for r, ring in enumerate(rings):
        n = len(ring)
        cuts = []
        for i in range(n):
            p, prev, nxt = ring[i], ring[i - 1], ring[(i + 1) % n]
            ein, eout = owners(prev, p), owners(p, nxt)
            vo = frozenset(vertex_owners[p])
            if len(vo) >= 3 or ein != eout or vo != ein or p in forced_cuts:
                cuts.append(i)
        if not cuts:
            # a ring with no junction (island, or a border wholly shared with one
            # neighbour): cut at its smallest point, which every owner agrees on.
            cuts = [min(range(n), key=lambda i: ring[i])]
        start = cuts[0]
        rot = ring[start:] + ring[:start]
        rel = [c - start for c in cuts] + [n]
        rot = rot + [rot[0]]
        seq = []
        for a, b in zip(rel, rel[1:]):
            piece = tuple(rot[a:b + 1])
            rev = piece[::-1]
            canon = min(piece, rev)
            if canon not in arc_index:
                arc_index[canon] = len(arcs)
                arcs.append(canon)
            seq.append((arc_index[canon], piece != canon))
        ring_arcs.append(seq)
    return arcs, ring_arcs


def assemble(ring_arcs, grid_arcs):
    """Rebuild open integer-grid rings from simplified arcs."""
    out = []
    for seq in ring_arcs:
        pts = []
        for ai, rev in seq:
            arc = grid_arcs[ai][::-1] if rev else grid_arcs[ai]
            for p in arc:
                if not pts or pts[-1] != p:
                    pts.append(p)
        while len(pts) > 1 and pts[0] == pts[-1]:
            pts.pop()
        out.append(pts)
    return out


def simplify_arc(arc, tol):
    idx = douglas_peucker(arc, tol)
    pts = []
    for i in idx:
        g = to_grid(arc[i])
        if not pts or pts[-1] != g:
            pts.append(g)
    return pts


def find_problems(grid_arcs, ring_arcs, grid_rings):
    """Return the set of arc indices involved in an invalidity."""
    bad = set()
    # rings too small, repeated vertices (pinches, spikes)
    for r, ring in enumerate(grid_rings):
        arcs_of_ring = {ai for ai, _ in ring_arcs[r]}
        if len(ring) < 3 or abs(signed_area(ring)) == 0:
            bad |= arcs_of_ring
            continue
        seen = set()
        for p in ring:
            if p in seen:
                bad |= arcs_of_ring
                break
            seen.add(p)
        n = len(ring)
        for i in range(n):  # spikes: a, b, a-collinear backtrack
            a, b, c = ring[i - 1], ring[i], ring[(i + 1) % n]
            if orient(a, b, c) == 0 and (a[0] - b[0]) * (c[0] - b[0]) + (a[1] - b[1]) * (c[1] - b[1]) > 0:
                bad |= arcs_of_ring
                break
    # segment intersections between any two arcs' segments (each arc once)
    segs = []
    for ai, arc in enumerate(grid_arcs):
        for j in range(len(arc) - 1):
            segs.append((arc[j], arc[j + 1], ai))
    cell = 50  # grid units (0.05 deg at 3 decimals)
    buckets = defaultdict(list)
    for k, (a, b, _) in enumerate(segs):
        for cx in range(min(a[0], b[0]) // cell, max(a[0], b[0]) // cell + 1):
            for cy in range(min(a[1], b[1]) // cell, max(a[1], b[1]) // cell + 1):
                buckets[(cx, cy)].append(k)
    checked = set()
    for key in sorted(buckets):
        ks = buckets[key]
        for x in range(len(ks)):
            for y in range(x + 1, len(ks)):
                i, j = ks[x], ks[y]
                if (i, j) in checked:
                    continue
                checked.add((i, j))
                a, b, ai = segs[i]
                c, d, aj = segs[j]
                if ai == aj and (b == c or d == a) and not (a == d and b == c):
                    # consecutive segments of the same arc: spike check only
                    s = b if b == c else a
                    p = a if b == c else b
                    q = d if b == c else c
                    if orient(s, p, q) == 0 and (p[0] - s[0]) * (q[0] - s[0]) + (p[1] - s[1]) * (q[1] - s[1]) > 0:
                        bad.add(ai)
                    continue
                if segments_conflict(a, b, c, d):
                    bad.add(ai)
                    bad.add(aj)
    return bad


# ---------------------------------------------------------------- main
def fmt(v):
    s = f"{v / SCALE:.{PRECISION}f}".rstrip("0").rstrip(".")
    return "0" if s in ("", "-0") else s


def main(argv):
    inp = argv[1] if len(argv) > 1 else DEFAULT_INPUT
    outp = argv[2] if len(argv) > 2 else DEFAULT_OUTPUT
    with open(inp, encoding="utf-8") as fh:
        src = json.load(fh)
    feats = src["features"]
    if len(feats) != EXPECTED_FEATURES:
        sys.exit(f"expected {EXPECTED_FEATURES} features, got {len(feats)}")

    # collect polygons: feature -> list of polygons -> list of open rings
    rings, ring_meta = [], []  # ring_meta: (feature_idx, polygon_idx, ring_idx)
    props, dropped_parts, vertices_in = [], 0, 0
    for fi, f in enumerate(feats):
        p = f["properties"]
        code = CODE_REMAP.get(p["shapeISO"], p["shapeISO"])
        props.append({"code": code, "name": p["shapeName"]})
        g = f["geometry"]
        if g["type"] == "Polygon":
            polys = [g["coordinates"]]
        elif g["type"] == "MultiPolygon":
            polys = g["coordinates"]
        else:
            sys.exit(f"{code}: unsupported geometry {g['type']}")
        vertices_in += sum(len(r) for poly in polys for r in poly)
        parsed = [[open_ring(r) for r in poly] for poly in polys]
        parsed = [poly for poly in parsed if len(poly[0]) >= 3]
        largest = max(range(len(parsed)), key=lambda k: abs(signed_area(parsed[k][0])))
        for k, poly in enumerate(parsed):
            if k != largest and abs(signed_area(poly[0])) < MIN_PART_AREA:
                dropped_parts += 1
                continue
            for ri, ring in enumerate(poly):
                if ri > 0 and abs(signed_area(ring)) < MIN_PART_AREA:
                    dropped_parts += 1  # invisible hole
                    continue
                rings.append(ring)
                ring_meta.append((fi, k, ri))
    codes = [p["code"] for p in props]
    if len(set(codes)) != len(codes):
        sys.exit("duplicate codes after remap")

    # forced cut points: each feature's bounding-box extreme vertices
    forced = set()
    for fi in range(len(feats)):
        pts = [p for r, m in zip(rings, ring_meta) if m[0] == fi for p in r]
        forced.add(min(pts, key=lambda p: (p[0], p[1])))
        forced.add(max(pts, key=lambda p: (p[0], -p[1])))
        forced.add(min(pts, key=lambda p: (p[1], p[0])))
        forced.add(max(pts, key=lambda p: (p[1], -p[0])))

    rings, snapped = snap_to_segments(rings, SNAP_TO_SEGMENT)
    arcs, ring_arcs = build_arcs(rings, forced)
    n_single, loops = count_gaps(arcs, ring_arcs)
    if loops != 1:
        print(f"warning: outer-border arcs form {loops} loops (gaps between provinces?)", file=sys.stderr)
    tol = [TOLERANCE] * len(arcs)
    grid_arcs = [simplify_arc(a, t) for a, t in zip(arcs, tol)]
    for _ in range(40):
        grid_rings = assemble(ring_arcs, grid_arcs)
        bad = find_problems(grid_arcs, ring_arcs, grid_rings)
        if not bad:
            break
        for ai in sorted(bad):
            if tol[ai] <= MIN_TOLERANCE:
                continue
            tol[ai] = tol[ai] / 2 if tol[ai] / 2 > MIN_TOLERANCE else 0.0
            grid_arcs[ai] = simplify_arc(arcs[ai], tol[ai])
    else:
        sys.exit("could not produce valid rings")
    grid_rings = assemble(ring_arcs, grid_arcs)
    if find_problems(grid_arcs, ring_arcs, grid_rings):
        sys.exit("invalid rings remain after repair")

    # regroup into features, fix winding (exterior CCW, holes CW)
    geoms = defaultdict(lambda: defaultdict(list))
    for ring, (fi, k, ri) in zip(grid_rings, ring_meta):
        a = signed_area(ring)
        if (ri == 0 and a < 0) or (ri > 0 and a > 0):
            ring = ring[::-1]
        geoms[fi][k].append(ring + [ring[0]])

    vertices_out = 0
    parts_out = []
    for fi in sorted(range(len(feats)), key=lambda i: props[i]["code"]):
        polys = [geoms[fi][k] for k in sorted(geoms[fi])]
        vertices_out += sum(len(r) for poly in polys for r in poly)

        def ring_s(r):
            return "[" + ",".join(f"[{fmt(x)},{fmt(y)}]" for x, y in r) + "]"

        def poly_s(poly):
            return "[" + ",".join(ring_s(r) for r in poly) + "]"

        if len(polys) == 1:
            geom = '{"type":"Polygon","coordinates":' + poly_s(polys[0]) + "}"
        else:
            geom = '{"type":"MultiPolygon","coordinates":[' + ",".join(poly_s(p) for p in polys) + "]}"
        prop = json.dumps(props[fi], ensure_ascii=False, separators=(",", ":"))
        parts_out.append('{"type":"Feature","properties":' + prop + ',"geometry":' + geom + "}")
    text = '{"type":"FeatureCollection","features":[' + ",".join(parts_out) + "]}\n"
    data = text.encode("utf-8")
    json.loads(text)  # sanity: parses
    os.makedirs(os.path.dirname(os.path.abspath(outp)), exist_ok=True)
    with open(outp, "wb") as fh:
        fh.write(data)
    repaired = sum(1 for t in tol if t < TOLERANCE)
    print(f"{len(parts_out)} features, {len(arcs)} arcs ({len(arcs) - n_single} shared, "
          f"{repaired} re-simplified finer, {snapped} gap vertices snapped), "
          f"positions {vertices_in} -> {vertices_out}, dropped parts {dropped_parts}, "
          f"tolerance {TOLERANCE} deg, precision {PRECISION} dp, {len(data)} bytes -> {outp}")


if __name__ == "__main__":
    main(sys.argv)
