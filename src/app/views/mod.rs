//! The views: thin Leptos components that read the shared [`AppState`] and the loaded
//! snapshot, and only draw. Each view has its folder; `shell`, `widgets`, `filters`, `share`
//! and `details` are shared by all of them. This file holds the app's root.

mod chunks;
mod context;
mod details;
mod explorer;
mod filters;
mod first_screen;
mod map;
mod overview;
mod partners;
mod share;
mod shell;
mod sources;
mod story;
mod themes;
mod timeline;
mod widgets;

use leptos::prelude::*;

use super::fetch::fetch_snapshot;
use super::state::{tr, AppState, Mount};
use crate::core::embed::HEIGHT_MESSAGE;
use crate::core::i18n::{t, Msg};
pub use context::{Data, Root};
use widgets::part;

/// How long a download may take before the explorer draws its own loading state.
const LOADING_AFTER: std::time::Duration = std::time::Duration::from_millis(300);

#[component]
pub fn App(mount: Mount) -> impl IntoView {
    let state = AppState::new(mount);
    provide_context(state);
    let root = NodeRef::<leptos::html::Div>::new();
    provide_context(Root(root));
    let main = NodeRef::<leptos::html::Main>::new();

    let snapshot_url = Memo::new(move |_| state.snapshot_url());
    let retrying = RwSignal::new(false);
    let snapshot = LocalResource::new(move || {
        let url = snapshot_url.get();
        async move {
            let result = fetch_snapshot(url, state.published_snapshot_url()).await;
            retrying.set(false);
            result
        }
    });
    // The code of the first view, if it is not in the first Wasm file, downloads now, while
    // the snapshot is read, instead of after it. Not before the main Wasm has arrived (the
    // page does not preload it): on a slow network the two would share it, and the main
    // Wasm, which everything waits for, would arrive later.
    if let Some(part) = chunks::Part::of_view(untrack(|| state.view())) {
        part.prefetch();
    }
    // After the download has been sent (the resource's first poll sends it): the formatters
    // are built while the network works, not when the explorer first draws.
    set_timeout(
        move || crate::app::intl::prepare(state.lang_untracked()),
        std::time::Duration::ZERO,
    );
    let retry = Callback::new(move |_| {
        retrying.set(true);
        snapshot.refetch();
    });
    // Nothing is drawn until the snapshot has settled, or until a slow download has taken
    // LOADING_AFTER: one layout of the whole explorer instead of a loading screen laid out and
    // painted first, then the explorer (index.html shows a status until then).
    // A page that shows a view prerendered (scripts/prerender.mjs) keeps showing it until
    // the snapshot is here: no loading screen in between. A view whose code is a part of its
    // own is then drawn behind the copy, which stays until the part has drawn (`chunks`).
    let copy = state.owns_page().then(first_screen::shown).flatten();
    let behind = copy.is_some_and(|view| chunks::Part::of_view(view).is_some());
    let waited = RwSignal::new(false);
    if copy.is_none() {
        set_timeout(move || waited.set(true), LOADING_AFTER);
    }
    let settled = Memo::new(move |_| waited.get() || snapshot.with(Option::is_some));
    Effect::new(move |_| {
        let Some(host) = root.get().and_then(|root| root.parent_element()) else {
            return;
        };
        // Without the part's view to draw (a snapshot that failed), nothing would replace it.
        let part_draws = snapshot.with_untracked(|s| matches!(s, Some(Ok(_))))
            && chunks::Part::of_view(untrack(|| state.view())).is_some();
        if !(behind && part_draws) {
            first_screen::remove(&host);
        }
    });

    // Only the standalone page owns the document's title and language.
    Effect::new(move |_| {
        let lang = state.lang();
        if state.owns_page() {
            if let Some(html) = document().document_element() {
                let _ = html.set_attribute("lang", lang.code());
            }
            document().set_title(t(lang, Msg::AppName));
        }
    });

    // Iframe mode tells the parent how tall the explorer is, whenever that changes.
    let frame = state.url.with_untracked(|url| url.embed);
    if frame {
        let height = crate::app::resize::use_height(root);
        Effect::new(move |_| {
            let height = height.get();
            // 0 until the explorer is measured: a parent that sized its frame to it would
            // collapse the frame for a moment.
            if height <= 0.0 {
                return;
            }
            let parent = window().parent().ok().flatten();
            let own: wasm_bindgen::JsValue = window().into();
            if let Some(parent) = parent.filter(|p| wasm_bindgen::JsValue::from(p.clone()) != own) {
                let message = js_sys::Object::new();
                let _ = js_sys::Reflect::set(&message, &"type".into(), &HEIGHT_MESSAGE.into());
                let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
                let _ = parent.post_message(&message, "*");
            }
        });
    }

    let main_id = format!("{}-main", state.root_id());
    let skip = move |event: leptos::ev::MouseEvent| {
        // Focus moves without touching the URL's hash (which may be the host's).
        event.prevent_default();
        if let Some(main) = main.get() {
            let _ = main.focus();
        }
    };
    let on_key = move |event: leptos::ev::KeyboardEvent| {
        if event.key() == "Escape" && state.url.with_untracked(|url| url.item.is_some()) {
            state.close();
        }
    };
    // Only a navigation changes it (at rest at once), so typing does not wake it.
    let chrome = move || !state.at_rest.with(|url| url.embed);

    view! {
        {part(move || settled.get().then(|| view! {
            <div
                id=state.root_id()
                class="iom-explorer"
                class:iom-explorer--embedded=state.is_script_embed()
                class:iom-explorer--frame=frame
                class:iom-explorer--behind=behind
                lang=move || state.lang().code()
                node_ref=root
                on:keydown=on_key
            >
                <a class="iom-skip" href=format!("#{main_id}") on:click=skip>{tr(state, Msg::SkipToContent)}</a>
                <Show when=chrome>
                    <shell::Header compact=state.is_script_embed() />
                </Show>
                <main id=main_id.clone() class="iom-main" tabindex="-1" node_ref=main>
                    <shell::PreviewBanner />
                    {part(move || match (retrying.get(), snapshot.get()) {
                        (true, _) | (_, None) => view! { <shell::Loading /> }.into_any(),
                        (false, Some(Err(error))) => view! { <shell::LoadErrorPanel error retry /> }.into_any(),
                        (false, Some(Ok(loaded))) => view! { <explorer::Explorer loaded /> }.into_any(),
                    })}
                </main>
                <Show when=chrome>
                    <shell::Footer snapshot />
                </Show>
            </div>
        }))}
    }
}
