//! How the network draws each kind of node: its shape (colour never carries meaning alone),
//! its class and its name.

use crate::core::i18n::Msg;
use crate::core::items::partner_kind_label;
use crate::core::model::PartnerKind;
use crate::core::network::NodeKind;
use crate::core::num::tenths;

pub fn kind_class(kind: NodeKind) -> &'static str {
    match kind {
        NodeKind::Theme => "iom-node--theme",
        NodeKind::Project => "iom-node--project",
        NodeKind::Partner(PartnerKind::Government) => "iom-node--government",
        NodeKind::Partner(PartnerKind::Un) => "iom-node--un",
        NodeKind::Partner(PartnerKind::Donor) => "iom-node--donor",
        NodeKind::Partner(PartnerKind::CivilSociety) => "iom-node--civil_society",
        NodeKind::Partner(PartnerKind::PrivateSector) => "iom-node--private_sector",
    }
}

/// Each kind has its own shape as well as its own colour, so colour never carries meaning alone.
pub fn node_shape(kind: NodeKind, x: f64, y: f64, r: f64) -> String {
    let n = tenths;
    match kind {
        NodeKind::Theme | NodeKind::Partner(PartnerKind::Government) => {
            let (r, d) = (n(r), n(2.0 * r));
            format!(
                "M{},{}a{r},{r} 0 1,0 {d},0a{r},{r} 0 1,0 -{d},0",
                n(x - r.value()),
                n(y)
            )
        }
        NodeKind::Partner(PartnerKind::Un) => {
            let r = n(r);
            format!("M{},{}l{r},{r}l-{r},{r}l-{r},-{r}z", n(x), n(y - r.value()))
        }
        NodeKind::Partner(PartnerKind::Donor) => {
            let s = r * 0.9;
            let side = n(2.0 * s);
            format!("M{},{}h{side}v{side}h-{side}z", n(x - s), n(y - s))
        }
        NodeKind::Partner(PartnerKind::CivilSociety) => {
            format!(
                "M{},{}l{},{}h-{}z",
                n(x),
                n(y - r),
                n(r),
                n(1.7 * r),
                n(2.0 * r)
            )
        }
        NodeKind::Partner(PartnerKind::PrivateSector) => {
            // A triangle pointing down.
            format!(
                "M{},{}h{}l-{},{}z",
                n(x - r),
                n(y - 0.8 * r),
                n(2.0 * r),
                n(r),
                n(1.7 * r)
            )
        }
        NodeKind::Project => {
            let (w, h) = (n(2.0 * r), n(1.2 * r));
            format!("M{},{}h{w}v{h}h-{w}z", n(x - r), n(y - r * 0.6))
        }
    }
}

pub fn kind_msg(kind: NodeKind) -> Msg {
    match kind {
        NodeKind::Theme => Msg::ItemTheme,
        NodeKind::Project => Msg::ItemProject,
        NodeKind::Partner(kind) => partner_kind_label(kind),
    }
}
