//! The timeline's clusters: the items that did not fit in a lane's rows, one "+N" mark per free
//! stretch of the lane. A click zooms the years to the cluster's (see `Chart`).

use leptos::prelude::*;

use crate::core::i18n::{fill, t, Msg};
use crate::core::num::coord;
use crate::core::timeline::Cluster;
use crate::core::Lang;

/// The cluster at `position` in the layout's clusters (its `data-cluster`).
pub fn cluster_view(lang: Lang, position: usize, cluster: &Cluster) -> impl IntoView {
    let count = cluster.items.len();
    let label = fill(t(lang, Msg::ClusterLabel), &[&count.to_string()]);
    let w = cluster.drawn_width();
    view! {
        <g class="iom-cluster" data-cluster=position>
            <rect x=coord(cluster.x) y=coord(cluster.y - 8.0) width=coord(w) height=16 rx=8 />
            <text x=coord(cluster.x + w / 2.0) y=coord(cluster.y + 4.0) text-anchor="middle">{format!("+{count}")}</text>
            <title>{label}</title>
        </g>
    }
}
