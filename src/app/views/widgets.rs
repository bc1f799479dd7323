//! Small pieces shared by the views.

use std::sync::Arc;

use leptos::prelude::*;

use crate::app::state::AppState;
use crate::core::i18n::Msg;
use crate::core::text::Text;
use crate::core::Snapshot;

/// Snapshot text in the UI language, marked `lang="en"` where it falls back to English so that
/// screen readers switch voice. Always rendered as text, never as HTML.
#[component]
pub fn Tx(text: Text, #[prop(optional)] class: &'static str) -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        let ui = state.lang();
        let shown = text.get(ui);
        let lang = (shown.lang != ui).then_some(shown.lang.code());
        view! { <span class=class lang=lang>{shown.text.to_owned()}</span> }
    }
}

/// The sources an item cites, as external links.
#[component]
pub fn SourceLinks(data: Arc<Snapshot>, ids: Vec<String>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let links = ids
        .iter()
        .filter_map(|id| data.sources.iter().find(|source| &source.id == id))
        .map(|source| {
            view! {
                <li>
                    <a href=source.url.clone() target="_blank" rel="noopener noreferrer" lang="en">
                        {source.title.clone()}
                        <span class="iom-visually-hidden">" " {move || state.t(Msg::OpensInNewTab)}</span>
                    </a>
                    <span class="iom-source-publisher" lang="en">" · " {source.publisher.clone()}</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <details class="iom-sources">
            <summary>{move || state.t(Msg::SourcesLabel)} " (" {ids.len()} ")"</summary>
            <ul>{links}</ul>
        </details>
    }
}
