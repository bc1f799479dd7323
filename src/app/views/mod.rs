//! The views. Each reads the shared [`AppState`] and the loaded snapshot, and only renders.

mod load_error;
mod overview;
mod shell;
mod sources;
mod widgets;

use std::sync::Arc;

use leptos::prelude::*;

use super::fetch::fetch_snapshot;
use super::state::AppState;
use crate::core::i18n::{t, Msg};
use crate::core::url_state::View;
use crate::core::Snapshot;

/// The snapshot shipped with the explorer, relative to the page.
pub const DEFAULT_SNAPSHOT: &str = "data/strategy.json";

/// The views built so far, in navigation order.
pub const AVAILABLE_VIEWS: [View; 2] = [View::Overview, View::Sources];

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
                    (false, Some(Ok(data))) => view! { <CurrentView data /> }.into_any(),
                }}
            </main>
            <shell::Footer snapshot />
        </div>
    }
}

#[component]
fn CurrentView(data: Arc<Snapshot>) -> impl IntoView {
    let state = expect_context::<AppState>();
    move || match state.view() {
        View::Sources => view! { <sources::Sources data=data.clone() /> }.into_any(),
        _ => view! { <overview::Overview data=data.clone() /> }.into_any(),
    }
}
