//! The views. Each reads the shared [`AppState`] and the loaded snapshot, and only renders.

mod details;
mod filters;
mod load_error;
mod map;
mod overview;
mod partners;
mod share;
mod shell;
mod sources;
mod themes;
mod timeline;
mod widgets;

use std::sync::Arc;

use leptos::prelude::*;

use super::fetch::{fetch_snapshot, Loaded};
use super::state::AppState;
use crate::core::filter::{apply, Visible};
use crate::core::i18n::{t, Msg};
use crate::core::index::Index;
use crate::core::url_state::View;
use crate::core::Snapshot;

/// The snapshot shipped with the explorer, relative to the page.
pub const DEFAULT_SNAPSHOT: &str = "data/strategy.json";

/// The views built so far, in navigation order.
pub const AVAILABLE_VIEWS: [View; 6] = View::ALL;

/// What every view of a loaded snapshot reads: the data, its lookups, and what the shared
/// filters let through (recomputed only when the filters change).
#[derive(Clone)]
pub struct Data {
    pub snapshot: Arc<Snapshot>,
    pub index: Arc<Index>,
    pub visible: Memo<Visible>,
}

#[component]
pub fn App() -> impl IntoView {
    let state = AppState::from_location();
    provide_context(state);

    let snapshot_url = Memo::new(move |_| {
        state
            .url
            .with(|url| url.snapshot.clone())
            .unwrap_or_else(|| DEFAULT_SNAPSHOT.to_owned())
    });
    let retrying = RwSignal::new(false);
    let snapshot = LocalResource::new(move || {
        let url = snapshot_url.get();
        async move {
            let result = fetch_snapshot(url).await;
            retrying.set(false);
            result
        }
    });
    let retry = Callback::new(move |_| {
        retrying.set(true);
        snapshot.refetch();
    });

    Effect::new(move |_| {
        let lang = state.lang();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", lang.code());
        }
        document().set_title(t(lang, Msg::AppName));
    });

    view! {
        <div class="iom-explorer">
            <a class="iom-skip" href="#iom-main">{move || state.t(Msg::SkipToContent)}</a>
            <shell::Header />
            <main id="iom-main" class="iom-main" tabindex="-1">
                {move || match (retrying.get(), snapshot.get()) {
                    (true, _) | (_, None) => view! { <shell::Loading /> }.into_any(),
                    (false, Some(Err(error))) => view! { <load_error::LoadErrorPanel error retry /> }.into_any(),
                    (false, Some(Ok(loaded))) => view! { <Explorer loaded /> }.into_any(),
                }}
            </main>
            <shell::Footer snapshot />
        </div>
    }
}

/// The loaded explorer: the current view, with the shared filters where the view uses them,
/// and the details panel of the open item.
#[component]
fn Explorer(loaded: Loaded) -> impl IntoView {
    let state = expect_context::<AppState>();
    let filters = Memo::new(move |_| state.url.with(|url| url.filters.clone()));
    let visible = {
        let (snapshot, index) = (loaded.snapshot.clone(), loaded.index.clone());
        Memo::new(move |_| filters.with(|filters| apply(filters, &snapshot, &index)))
    };
    let data = Data {
        snapshot: loaded.snapshot,
        index: loaded.index,
        visible,
    };
    provide_context(data.clone());
    // A view that is not built yet shows the overview.
    let view = Memo::new(move |_| {
        Some(state.view())
            .filter(|v| AVAILABLE_VIEWS.contains(v))
            .unwrap_or_default()
    });
    let uses_filters = move || {
        matches!(
            view.get(),
            View::Themes | View::Timeline | View::Map | View::Partners
        )
    };
    let data_for_view = data.clone();
    view! {
        <div class="iom-layout">
            <Show when=uses_filters>
                <filters::FilterBar />
            </Show>
            <share::PrintHeader />
            <div class="iom-view">
                <Show when=uses_filters>
                    <share::ShareBar view />
                </Show>
                {move || {
                    let data = data_for_view.clone();
                    match view.get() {
                        View::Sources => view! { <sources::Sources data=data.snapshot /> }.into_any(),
                        View::Themes => view! { <themes::Themes /> }.into_any(),
                        View::Timeline => view! { <timeline::Timeline /> }.into_any(),
                        View::Map => view! { <map::ProvinceMap /> }.into_any(),
                        View::Partners => view! { <partners::Partners /> }.into_any(),
                        View::Overview => view! { <overview::Overview data=data.snapshot /> }.into_any(),
                    }
                }}
            </div>
            <Show when=uses_filters>
                <share::PrintSources />
            </Show>
            <details::DetailsPanel />
        </div>
    }
}
