//! What only a printout shows: above the view, where it comes from and which filters are on;
//! after it, the sources of everything the filters show.

use leptos::prelude::*;

use crate::app::views::widgets::Tx;

use crate::app::state::{tr, AppState};
use crate::app::views::widgets::part;
use crate::app::views::Data;
use crate::core::filter::{cited_sources, describe};
use crate::core::i18n::Msg;

/// Printed above the view: where it comes from and which filters are on.
#[component]
pub fn PrintHeader() -> impl IntoView {
    let state = expect_context::<AppState>();
    let data = expect_context::<Data>();
    let filters = part(move || {
        let lang = state.lang();
        let words = state
            .url
            .with(|url| describe(&url.filters, &data.snapshot, &data.index, lang));
        if words.is_empty() {
            state.t(Msg::PrintNoFilters).to_owned()
        } else {
            format!("{}: {}", state.t(Msg::PrintFilters), words.join(" · "))
        }
    });
    // A link that reproduces what is printed, derived from the state (nothing is written).
    let address = part(move || state.url.with(|url| state.share_link(url)));
    view! {
        <div class="iom-print-only iom-print-header">
            <p><strong>{tr(state, Msg::AppName)}</strong></p>
            <p>{filters}</p>
            <p>{tr(state, Msg::Printed)} ": " {address}</p>
        </div>
    }
}

/// Printed after the view: the sources of everything the filters show.
#[component]
pub fn PrintSources() -> impl IntoView {
    let state = expect_context::<AppState>();
    let data = expect_context::<Data>();
    // Recomputed on each filter change, but the list is only redrawn when it differs.
    let cited = {
        let data = data.clone();
        Memo::new(move |_| data.visible.with(|v| cited_sources(&data.snapshot, v)))
    };
    let list = part(move || {
        let s = &data.snapshot;
        cited
            .get()
            .into_iter()
            .map(|i| {
                let source = &s.sources[i];
                view! { <li><Tx text=source.title.clone() plain=true /> " · " <Tx text=source.publisher.clone() plain=true /> " · " <span lang="en">{source.url.clone()}</span></li> }
            })
            .collect_view()
    });
    view! {
        <section class="iom-print-only iom-print-sources">
            <h2>{tr(state, Msg::PrintSources)}</h2>
            <ol>{list}</ol>
        </section>
    }
}
