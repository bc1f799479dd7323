//! Province map geometry: the boundary file, a projection fitted to a box, SVG path data,
//! a colour scale for counts and the counts per province. No DOM: the map view draws from this.

use serde::Deserialize;

use super::filter::Visible;
use super::index::Index;
use super::kinds::{ItemKind, ItemRef};
use super::model::Snapshot;
use super::num::tenths;

/// The parsed boundary file (`public/data/lao-provinces.geojson`).
#[derive(Debug, Clone, PartialEq)]
pub struct Boundaries {
    pub provinces: Vec<ProvinceShape>,
}

/// One province: its ISO code, its name and its polygons (polygons → rings → `[lon, lat]`).
#[derive(Debug, Clone, PartialEq)]
pub struct ProvinceShape {
    pub code: String,
    pub name: String,
    pub polygons: Vec<Vec<Vec<[f64; 2]>>>,
}

#[derive(Deserialize)]
struct RawCollection {
    features: Vec<RawFeature>,
}

#[derive(Deserialize)]
struct RawFeature {
    properties: RawProperties,
    geometry: RawGeometry,
}

#[derive(Deserialize)]
struct RawProperties {
    code: String,
    name: String,
}

#[derive(Deserialize)]
#[serde(tag = "type", content = "coordinates")]
enum RawGeometry {
    Polygon(Vec<Vec<[f64; 2]>>),
    MultiPolygon(Vec<Vec<Vec<[f64; 2]>>>),
}

/// The shipped boundaries are about 30 KB; a more detailed replacement might be a few MB.
/// Anything larger is refused while it downloads, before a phone has to hold it.
pub const MAX_BOUNDARIES_BYTES: usize = 5 * 1024 * 1024;

impl Boundaries {
    /// Parses a GeoJSON FeatureCollection of Polygon and MultiPolygon features with
    /// `code` and `name` properties. Never panics; the error names the problem.
    pub fn parse(geojson: &str) -> Result<Self, String> {
        let raw: RawCollection = serde_json::from_str(geojson)
            .map_err(|err| format!("the province boundaries are not valid: {err}"))?;
        if raw.features.is_empty() {
            return Err("the province boundaries hold no provinces".into());
        }
        let mut provinces = Vec::with_capacity(raw.features.len());
        for feature in raw.features {
            let code = feature.properties.code;
            let polygons = match feature.geometry {
                RawGeometry::Polygon(rings) => vec![rings],
                RawGeometry::MultiPolygon(polygons) => polygons,
            };
            let problem = |what: &str| Err(format!("province {code}: {what}"));
            if polygons.is_empty() || polygons.iter().any(Vec::is_empty) {
                return problem("a geometry without rings");
            }
            for ring in polygons.iter().flatten() {
                if ring.len() < 4 {
                    return problem(&format!("a ring of {} points (at least 4)", ring.len()));
                }
                if ring.iter().any(|&[lon, lat]| {
                    !(-180.0..=180.0).contains(&lon) || !(-90.0..=90.0).contains(&lat)
                }) {
                    return problem("a point outside [-180, 180] x [-90, 90]");
                }
            }
            provinces.push(ProvinceShape {
                code,
                name: feature.properties.name,
                polygons,
            });
        }
        Ok(Boundaries { provinces })
    }

    /// Min lon, min lat, max lon, max lat of every point (all zero when there is none).
    pub fn bbox(&self) -> [f64; 4] {
        let points = self
            .provinces
            .iter()
            .flat_map(|p| p.polygons.iter().flatten().flatten());
        let b = points.fold(
            [
                f64::INFINITY,
                f64::INFINITY,
                f64::NEG_INFINITY,
                f64::NEG_INFINITY,
            ],
            |b, &[lon, lat]| [b[0].min(lon), b[1].min(lat), b[2].max(lon), b[3].max(lat)],
        );
        if b[0] > b[2] {
            [0.0; 4]
        } else {
            b
        }
    }
}

/// Equirectangular projection with x scaled by cos(mid-latitude), fitted to a box with
/// padding, keeping the aspect ratio, north up.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Projection {
    lon0: f64,
    lat1: f64,
    kx: f64,
    scale: f64,
    ox: f64,
    oy: f64,
}

/// The bbox's size in projected units (degrees of latitude), and the x factor.
fn extent(bbox: [f64; 4]) -> (f64, f64, f64) {
    let kx = super::trig::cos(((bbox[1] + bbox[3]) / 2.0).to_radians());
    ((bbox[2] - bbox[0]) * kx, bbox[3] - bbox[1], kx)
}

impl Projection {
    pub fn fit(bbox: [f64; 4], width: f64, height: f64, padding: f64) -> Self {
        let (w, h, kx) = extent(bbox);
        let aw = (width - 2.0 * padding).max(0.0);
        let ah = (height - 2.0 * padding).max(0.0);
        let scale = (aw / w).min(ah / h);
        let scale = if scale.is_finite() { scale } else { 1.0 };
        Projection {
            lon0: bbox[0],
            lat1: bbox[3],
            kx,
            scale,
            ox: padding + (aw - w * scale) / 2.0,
            oy: padding + (ah - h * scale) / 2.0,
        }
    }

    pub fn project(&self, lon: f64, lat: f64) -> (f64, f64) {
        (
            self.ox + (lon - self.lon0) * self.kx * self.scale,
            self.oy + (self.lat1 - lat) * self.scale,
        )
    }

    /// The height that fits the bbox at this width with the aspect ratio kept (for sizing the
    /// SVG to its container width).
    pub fn height_for_width(bbox: [f64; 4], width: f64, padding: f64) -> f64 {
        let (w, h, _) = extent(bbox);
        let aw = (width - 2.0 * padding).max(0.0);
        (if w > 0.0 { aw * h / w } else { aw }) + 2.0 * padding
    }
}

/// One province drawn: SVG path data (one `M…Z` subpath per ring, 0.1 px) and where its label
/// goes (the area centroid of its largest ring, in projected space).
#[derive(Debug, Clone, PartialEq)]
pub struct ProvincePath {
    pub code: String,
    pub d: String,
    pub label_at: (f64, f64),
}

pub fn paths(b: &Boundaries, p: &Projection) -> Vec<ProvincePath> {
    b.provinces
        .iter()
        .map(|province| {
            let mut d = String::new();
            let mut best = (-1.0, (0.0, 0.0));
            for ring in province.polygons.iter().flatten() {
                let closed = ring.len() > 1 && ring[0] == ring[ring.len() - 1];
                let ring = &ring[..ring.len() - usize::from(closed)];
                let points: Vec<(f64, f64)> =
                    ring.iter().map(|&[lon, lat]| p.project(lon, lat)).collect();
                let mut last = String::new();
                for &(x, y) in &points {
                    let point = format!("{},{}", tenths(x), tenths(y));
                    if point != last {
                        d.push(if last.is_empty() { 'M' } else { 'L' });
                        d.push_str(&point);
                        last = point;
                    }
                }
                d.push('Z');
                let (area, centroid) = centroid(&points);
                if area > best.0 {
                    best = (area, centroid);
                }
            }
            ProvincePath {
                code: province.code.clone(),
                d,
                label_at: best.1,
            }
        })
        .collect()
}

/// The absolute area and the area centroid of a ring (the mean point when it has no area).
fn centroid(points: &[(f64, f64)]) -> (f64, (f64, f64)) {
    let Some(&(x0, y0)) = points.first() else {
        return (0.0, (0.0, 0.0));
    };
    let (mut a, mut cx, mut cy) = (0.0, 0.0, 0.0);
    for (i, &(x1, y1)) in points.iter().enumerate() {
        let (x2, y2) = points[(i + 1) % points.len()];
        let (x1, y1, x2, y2) = (x1 - x0, y1 - y0, x2 - x0, y2 - y0);
        let cross = x1 * y2 - x2 * y1;
        a += cross;
        cx += (x1 + x2) * cross;
        cy += (y1 + y2) * cross;
    }
    if a.abs() < 1e-9 {
        let n = points.len() as f64;
        let sum = points
            .iter()
            .fold((0.0, 0.0), |s, &(x, y)| (s.0 + x, s.1 + y));
        return (0.0, (sum.0 / n, sum.1 / n));
    }
    (a.abs() / 2.0, (x0 + cx / (3.0 * a), y0 + cy / (3.0 * a)))
}

/// A colour scale for counts: class 0 for 0 ("nothing linked"), classes 1..=steps for equal-width
/// bins of 1..=max (fewer classes when max < steps, so no bin is empty).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shading {
    pub max: usize,
    pub steps: usize,
}

impl Shading {
    pub fn new(max: usize, steps: usize) -> Self {
        Shading { max, steps }
    }

    /// How many non-zero classes can occur (`steps` 0 counts as 1: a positive count is never
    /// shown as "nothing linked").
    fn classes(&self) -> usize {
        self.steps.max(1).min(self.max)
    }

    /// The class of a count; counts above `max` get the top class.
    pub fn class(&self, count: usize) -> usize {
        let k = self.classes();
        if count == 0 || k == 0 {
            return 0;
        }
        1 + (count.min(self.max) - 1) * k / self.max
    }

    /// One `(class, low, high)` per class that can occur; `low..=high` are its counts.
    pub fn legend(&self) -> Vec<(usize, usize, usize)> {
        let k = self.classes();
        let mut out = vec![(0, 0, 0)];
        out.extend((1..=k).map(|j| {
            (
                j,
                ((j - 1) * self.max).div_ceil(k) + 1,
                (j * self.max).div_ceil(k),
            )
        }));
        out
    }
}

/// What is linked to one province and passes the filters.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ProvinceCounts {
    pub partners: usize,
    pub events: usize,
    pub projects: usize,
}

impl ProvinceCounts {
    pub fn total(&self) -> usize {
        self.partners + self.events + self.projects
    }
}

/// The provinces (indices into `s.provinces`) with the most linked items first, then by
/// English name: the order of the map's table.
pub fn busiest_first(s: &Snapshot, counts: &[ProvinceCounts]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..s.provinces.len()).collect();
    order.sort_by(|&a, &b| {
        let total = |i: usize| counts.get(i).map_or(0, ProvinceCounts::total);
        total(b)
            .cmp(&total(a))
            .then_with(|| s.provinces[a].name.en.cmp(&s.provinces[b].name.en))
            .then(a.cmp(&b))
    });
    order
}

/// Per province (in `s.provinces` order), the partners, events and projects that name it and
/// that `visible` lets through.
pub fn province_counts(s: &Snapshot, index: &Index, visible: &Visible) -> Vec<ProvinceCounts> {
    let count = |linked: &[usize], flags: &[bool]| {
        linked
            .iter()
            .filter(|&&i| flags.get(i).copied().unwrap_or(false))
            .count()
    };
    (0..s.provinces.len())
        .map(|i| {
            let links = index.links(ItemRef::new(ItemKind::Province, i));
            ProvinceCounts {
                partners: count(&links.partners, &visible.partners),
                events: count(&links.events, &visible.events),
                projects: count(&links.projects, &visible.projects),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_lists_the_busiest_provinces_first() {
        let s = crate::core::shipped_snapshot();
        let index = Index::build(&s);
        let visible = crate::core::filter::apply(&Default::default(), &s, &index);
        let counts = province_counts(&s, &index, &visible);
        let order = busiest_first(&s, &counts);
        assert_eq!(order.len(), s.provinces.len());
        for pair in order.windows(2) {
            let (a, b) = (&counts[pair[0]], &counts[pair[1]]);
            assert!(
                a.total() > b.total()
                    || a.total() == b.total()
                        && s.provinces[pair[0]].name.en <= s.provinces[pair[1]].name.en
            );
        }
    }
    use crate::core::filter::{apply, Filters};
    use proptest::prelude::*;

    const GEOJSON: &str = include_str!("../../public/data/lao-provinces.geojson");

    fn shipped() -> Boundaries {
        Boundaries::parse(GEOJSON).unwrap()
    }

    fn points(b: &Boundaries) -> impl Iterator<Item = [f64; 2]> + '_ {
        b.provinces
            .iter()
            .flat_map(|p| p.polygons.iter().flatten().flatten().copied())
    }

    #[test]
    fn the_shipped_file_has_the_18_provinces() {
        let b = shipped();
        assert_eq!(b.provinces.len(), 18);
        let s = crate::core::shipped_snapshot();
        for province in &s.provinces {
            assert!(
                b.provinces.iter().any(|shape| shape.code == province.code),
                "{} has no shape",
                province.code
            );
        }
        let [w, s_, e, n] = b.bbox();
        assert!(w > 100.0 && e < 108.0 && s_ > 13.5 && n < 23.0 && w < e && s_ < n);
    }

    #[test]
    fn multipolygons_and_unknown_properties_are_accepted() {
        let ring = "[[100,15],[101,15],[101,16],[100,15]]";
        let text = format!(
            r#"{{"type":"FeatureCollection","features":[{{"type":"Feature","properties":{{"code":"LA-XX","name":"X","extra":1}},"geometry":{{"type":"MultiPolygon","coordinates":[[{ring}],[{ring}]]}}}}]}}"#
        );
        let b = Boundaries::parse(&text).unwrap();
        assert_eq!(b.provinces[0].polygons.len(), 2);
        assert_eq!(b.bbox(), [100.0, 15.0, 101.0, 16.0]);
    }

    #[test]
    fn malformed_files_are_errors_not_panics() {
        let feature = |geometry: &str| {
            format!(
                r#"{{"type":"FeatureCollection","features":[{{"type":"Feature","properties":{{"code":"LA-XX","name":"X"}},"geometry":{geometry}}}]}}"#
            )
        };
        let cases = [
            String::new(),
            "{}".into(),
            "[]".into(),
            r#"{"features":"no"}"#.into(),
            r#"{"features":[]}"#.into(),
            r#"{"features":[{"properties":{"code":1,"name":"X"},"geometry":null}]}"#.into(),
            feature(r#"{"type":"Point","coordinates":[100,15]}"#),
            feature(r#"{"type":"Polygon","coordinates":[[[100,15]]]}"#),
            feature(r#"{"type":"Polygon","coordinates":[]}"#),
            feature(r#"{"type":"Polygon","coordinates":[[["a","b"]]]}"#),
            feature(r#"{"type":"Polygon","coordinates":[[[100,15],[101,15],[900,16],[100,15]]]}"#),
            feature(r#"{"type":"MultiPolygon","coordinates":[[]]}"#),
        ];
        for case in cases {
            let err = Boundaries::parse(&case).unwrap_err();
            assert!(!err.is_empty(), "{case}");
        }
        let err = Boundaries::parse(&feature(r#"{"type":"Polygon","coordinates":[[[100,15]]]}"#))
            .unwrap_err();
        assert!(err.contains("LA-XX") && err.contains('1'), "{err}");
    }

    #[test]
    fn paths_draw_every_province_with_its_label_inside() {
        let b = shipped();
        let bbox = b.bbox();
        let (width, padding) = (600.0, 10.0);
        let height = Projection::height_for_width(bbox, width, padding);
        let p = Projection::fit(bbox, width, height, padding);
        let drawn = paths(&b, &p);
        assert_eq!(drawn.len(), 18);
        for (path, shape) in drawn.iter().zip(&b.provinces) {
            assert_eq!(path.code, shape.code);
            assert!(
                path.d.starts_with('M') && path.d.contains('Z'),
                "{}",
                path.code
            );
            assert_eq!(
                path.d.matches('M').count(),
                shape.polygons.iter().flatten().count()
            );
            let (x, y) = path.label_at;
            assert!((padding..=width - padding).contains(&x), "{}", path.code);
            assert!((padding..=height - padding).contains(&y), "{}", path.code);
            // Within the province's own extent.
            let projected: Vec<(f64, f64)> = shape
                .polygons
                .iter()
                .flatten()
                .flatten()
                .map(|&[lon, lat]| p.project(lon, lat))
                .collect();
            let (x0, x1) = projected
                .iter()
                .fold((f64::MAX, f64::MIN), |a, &(x, _)| (a.0.min(x), a.1.max(x)));
            let (y0, y1) = projected
                .iter()
                .fold((f64::MAX, f64::MIN), |a, &(_, y)| (a.0.min(y), a.1.max(y)));
            assert!(x0 <= x && x <= x1 && y0 <= y && y <= y1, "{}", path.code);
        }
    }

    #[test]
    fn degenerate_input_does_not_produce_nan() {
        let empty = Boundaries {
            provinces: Vec::new(),
        };
        assert_eq!(empty.bbox(), [0.0; 4]);
        let p = Projection::fit([0.0; 4], 100.0, 100.0, 10.0);
        let (x, y) = p.project(0.0, 0.0);
        assert!(x.is_finite() && y.is_finite());
        assert!(Projection::height_for_width([0.0; 4], 100.0, 10.0).is_finite());
    }

    #[test]
    fn shading_edges() {
        assert_eq!(Shading::new(0, 5).class(0), 0);
        assert_eq!(Shading::new(0, 5).legend(), vec![(0, 0, 0)]);
        assert_eq!(Shading::new(10, 5).class(10), 5);
        assert_eq!(Shading::new(10, 5).class(1), 1);
        assert_eq!(Shading::new(10, 5).class(99), 5);
        assert_eq!(
            Shading::new(2, 5).legend(),
            vec![(0, 0, 0), (1, 1, 1), (2, 2, 2)]
        );
        assert_eq!(
            Shading::new(10, 4).legend(),
            vec![(0, 0, 0), (1, 1, 3), (2, 4, 5), (3, 6, 8), (4, 9, 10)]
        );
    }

    #[test]
    fn province_counts_follow_the_links_and_the_filters() {
        let s = crate::core::shipped_snapshot();
        let index = Index::build(&s);
        let all = apply(&Filters::default(), &s, &index);
        let counts = province_counts(&s, &index, &all);
        assert_eq!(counts.len(), s.provinces.len());
        for (i, c) in counts.iter().enumerate() {
            let links = index.links(ItemRef::new(ItemKind::Province, i));
            assert_eq!(
                *c,
                ProvinceCounts {
                    partners: links.partners.len(),
                    events: links.events.len(),
                    projects: links.projects.len(),
                }
            );
            assert_eq!(
                c.total(),
                links.partners.len() + links.events.len() + links.projects.len()
            );
        }
        assert!(counts.iter().any(|c| c.total() > 0));
        let none = Filters {
            query: "zzzz-no-such-thing".into(),
            ..Filters::default()
        };
        let counts = province_counts(&s, &index, &apply(&none, &s, &index));
        assert!(counts.iter().all(|c| *c == ProvinceCounts::default()));
    }

    proptest! {
        #[test]
        fn every_point_fits_the_box_and_north_is_up(width in 200.0f64..1600.0, padding in 0.0f64..40.0) {
            let b = shipped();
            let bbox = b.bbox();
            let height = Projection::height_for_width(bbox, width, padding);
            let p = Projection::fit(bbox, width, height, padding);
            for [lon, lat] in points(&b) {
                let (x, y) = p.project(lon, lat);
                prop_assert!(x >= padding - 1e-6 && x <= width - padding + 1e-6, "x {x}");
                prop_assert!(y >= padding - 1e-6 && y <= height - padding + 1e-6, "y {y}");
                let (x2, y2) = p.project(lon, lat + 0.1);
                prop_assert!(y2 < y);
                prop_assert!((x2 - x).abs() < 1e-9);
            }
            // The fit is tight: the drawing spans the width.
            let xs: Vec<f64> = points(&b).map(|[lon, lat]| p.project(lon, lat).0).collect();
            let span = xs.iter().cloned().fold(f64::MIN, f64::max) - xs.iter().cloned().fold(f64::MAX, f64::min);
            prop_assert!((span - (width - 2.0 * padding)).abs() < 1e-6);
        }

        #[test]
        fn shading_is_monotonic(max in 0usize..500, steps in 0usize..12, a in 0usize..600, b in 0usize..600) {
            let shading = Shading::new(max, steps);
            prop_assert_eq!(shading.class(0), 0);
            if a <= b {
                prop_assert!(shading.class(a) <= shading.class(b));
            }
            prop_assert!(shading.class(a) <= steps.max(1));
            prop_assert_eq!(shading.class(a) == 0, a == 0 || max == 0);
            if max >= steps && steps > 0 {
                prop_assert_eq!(shading.class(max), steps);
            }
        }

        #[test]
        fn the_legend_covers_every_count_once(max in 0usize..300, steps in 0usize..12) {
            let shading = Shading::new(max, steps);
            let legend = shading.legend();
            prop_assert_eq!(legend[0], (0, 0, 0));
            let mut next = 0;
            for (i, &(class, low, high)) in legend.iter().enumerate() {
                prop_assert_eq!(class, i);
                prop_assert_eq!(low, next);
                prop_assert!(low <= high);
                for count in low..=high {
                    prop_assert_eq!(shading.class(count), class);
                }
                next = high + 1;
            }
            prop_assert_eq!(next, max + 1);
        }
    }
}
