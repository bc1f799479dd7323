//! Where the map writes its names: the 18 provinces at their centres (or beside them, with a
//! leader line, when a neighbour's name is in the way, as it is for Vientiane Capital), and the
//! neighbouring countries along the borders they share. No two names overlap and none leaves
//! the drawing; a name that finds no room is left out (the table lists every province).
//!
//! Widths come from the caller (the browser measures the drawn font); tested on the host with
//! an estimate.

use super::i18n::Msg;

/// A name to place: what it says, and where it belongs in the drawing.
#[derive(Debug, Clone, PartialEq)]
pub struct Wanted {
    pub key: String,
    pub text: String,
    pub at: (f64, f64),
    pub width: f64,
    /// May be moved off its point with a leader line (a province); a country name is only
    /// nudged inside the drawing.
    pub movable: bool,
}

/// A placed name: the centre of its text box, and the leader line from its point when it was
/// moved.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    pub key: String,
    pub text: String,
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub leader: Option<((f64, f64), (f64, f64))>,
}

impl Placed {
    /// The text box, with `pad` around it: (left, top, right, bottom).
    pub fn bounds(&self, height: f64, pad: f64) -> (f64, f64, f64, f64) {
        (
            self.x - self.width / 2.0 - pad,
            self.y - height / 2.0 - pad,
            self.x + self.width / 2.0 + pad,
            self.y + height / 2.0 + pad,
        )
    }
}

fn meets(a: (f64, f64, f64, f64), b: (f64, f64, f64, f64)) -> bool {
    a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3
}

/// Places `wanted` in order (earlier names win) inside a `width` x `height` drawing, with
/// text `line` pixels high.
pub fn place(wanted: &[Wanted], width: f64, height: f64, line: f64) -> Vec<Placed> {
    const PAD: f64 = 2.0;
    let mut placed: Vec<Placed> = Vec::new();
    for name in wanted {
        let (ax, ay) = name.at;
        let step = line * 1.3;
        let half = name.width / 2.0;
        let mut offsets = vec![(0.0, 0.0)];
        if name.movable {
            for ring in 1..=3 {
                let d = step * ring as f64;
                let side = half + line * ring as f64;
                offsets.extend([
                    (0.0, -d),
                    (0.0, d),
                    (side, 0.0),
                    (-side, 0.0),
                    (side, -d),
                    (-side, -d),
                    (side, d),
                    (-side, d),
                ]);
            }
        }
        let fits = |x: f64, y: f64| {
            let candidate = Placed {
                key: String::new(),
                text: String::new(),
                x,
                y,
                width: name.width,
                leader: None,
            };
            let b = candidate.bounds(line, 0.0);
            b.0 >= 0.0
                && b.1 >= 0.0
                && b.2 <= width
                && b.3 <= height
                && placed
                    .iter()
                    .all(|other| !meets(candidate.bounds(line, PAD), other.bounds(line, PAD)))
        };
        let chosen = offsets.into_iter().find_map(|(dx, dy)| {
            let (mut x, mut y) = (ax + dx, ay + dy);
            if !name.movable {
                // A country's name stays at its border, moved only as far as the frame needs.
                x = x.clamp(half, (width - half).max(half));
                y = y.clamp(line / 2.0, (height - line / 2.0).max(line / 2.0));
            }
            fits(x, y).then_some((x, y, dx != 0.0 || dy != 0.0))
        });
        let Some((x, y, moved)) = chosen else {
            continue;
        };
        // From the point to the nearest point of the text box.
        let leader = (moved && name.movable).then(|| {
            let near = (
                ax.clamp(x - half, x + half),
                ay.clamp(y - line / 2.0, y + line / 2.0),
            );
            ((ax, ay), near)
        });
        placed.push(Placed {
            key: name.key.clone(),
            text: name.text.clone(),
            x,
            y,
            width: name.width,
            leader,
        });
    }
    placed
}

/// The neighbours of Lao PDR, each with its name and a point on its side of a shared border
/// (longitude, latitude), so that its name stands where it borders.
pub const NEIGHBOURS: [(Msg, f64, f64); 5] = [
    (Msg::CountryCN, 101.35, 22.35),
    (Msg::CountryMM, 100.25, 20.75),
    (Msg::CountryTH, 101.2, 16.4),
    (Msg::CountryVN, 106.2, 19.4),
    (Msg::CountryKH, 106.9, 14.05),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::geo::{paths, Boundaries, Projection};
    use crate::core::text::Lang;
    use crate::core::timeline_labels::estimated_width;

    fn provinces(width: f64, lang: Lang) -> (Vec<Wanted>, f64) {
        let b = Boundaries::parse(include_str!("../../public/data/lao-provinces.geojson")).unwrap();
        let s = crate::core::shipped_snapshot();
        let bbox = b.bbox();
        let height = Projection::height_for_width(bbox, width, 8.0);
        let projection = Projection::fit(bbox, width, height, 8.0);
        let wanted = paths(&b, &projection)
            .into_iter()
            .map(|path| {
                let province = s.provinces.iter().find(|p| p.code == path.code).unwrap();
                let text = province.name.get(lang).text.to_owned();
                Wanted {
                    key: path.code,
                    width: estimated_width(&text, 11.0),
                    text,
                    at: path.label_at,
                    movable: true,
                }
            })
            .collect();
        (wanted, height)
    }

    fn check(placed: &[Placed], width: f64, height: f64) {
        for (i, a) in placed.iter().enumerate() {
            let b = a.bounds(14.0, 0.0);
            assert!(
                b.0 >= 0.0 && b.1 >= 0.0 && b.2 <= width && b.3 <= height,
                "{a:?} leaves the drawing"
            );
            for other in &placed[i + 1..] {
                assert!(
                    !meets(b, other.bounds(14.0, 0.0)),
                    "{a:?} overlaps {other:?}"
                );
            }
        }
    }

    #[test]
    fn every_province_is_named_on_a_desktop_map_in_both_languages() {
        for lang in Lang::ALL {
            let (wanted, height) = provinces(640.0, lang);
            let placed = place(&wanted, 640.0, height, 14.0);
            assert_eq!(placed.len(), 18, "{lang:?}");
            check(&placed, 640.0, height);
        }
    }

    #[test]
    fn at_least_twelve_provinces_are_named_at_phone_width() {
        for lang in Lang::ALL {
            let (wanted, height) = provinces(328.0, lang);
            let placed = place(&wanted, 328.0, height, 14.0);
            assert!(placed.len() >= 12, "{lang:?}: {}", placed.len());
            check(&placed, 328.0, height);
        }
    }

    #[test]
    fn a_moved_name_has_a_leader_line_from_its_point() {
        let wanted = vec![
            Wanted {
                key: "a".into(),
                text: "A".into(),
                at: (50.0, 50.0),
                width: 40.0,
                movable: true,
            },
            Wanted {
                key: "b".into(),
                text: "B".into(),
                at: (52.0, 50.0),
                width: 40.0,
                movable: true,
            },
        ];
        let placed = place(&wanted, 200.0, 200.0, 14.0);
        assert_eq!(placed.len(), 2);
        assert_eq!(placed[0].leader, None);
        let (from, _) = placed[1].leader.expect("moved, so it points back");
        assert_eq!(from, (52.0, 50.0));
    }

    #[test]
    fn a_name_with_no_room_is_left_out_and_a_country_stays_in_the_frame() {
        let wide = Wanted {
            key: "w".into(),
            text: "W".into(),
            at: (50.0, 50.0),
            width: 500.0,
            movable: true,
        };
        assert!(place(&[wide], 100.0, 100.0, 14.0).is_empty());
        let country = Wanted {
            key: "TH".into(),
            text: "Thailand".into(),
            at: (-30.0, 50.0),
            width: 50.0,
            movable: false,
        };
        let placed = place(&[country], 100.0, 100.0, 14.0);
        assert_eq!(placed[0].x, 25.0);
        assert_eq!(placed[0].leader, None);
    }
}
