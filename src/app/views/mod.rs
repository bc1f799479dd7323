//! The views. Each reads the shared [`AppState`] and the loaded snapshot, and only renders.

mod coords;
mod details;
mod directory_rows;
mod filters;
mod lanes;
mod load_error;
mod map;
mod marks;
mod network_drawing;
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
use super::state::{tr, AppState, Mount};
use crate::core::embed::HEIGHT_MESSAGE;
use crate::core::filter::{apply, Visible};
use crate::core::i18n::{t, Msg};
use crate::core::index::Index;
use crate::core::url_state::View;
use crate::core::Snapshot;
use widgets::part;

/// What every view of a loaded snapshot reads: the data, its lookups, and what the shared
/// filters let through (recomputed only when the filters change).
#[derive(Clone)]
pub struct Data {
    pub snapshot: Arc<Snapshot>,
    pub index: Arc<Index>,
    pub visible: Memo<Visible>,
}

/// The explorer's root element: lookups (focus, exports) stay inside this explorer, which may
/// sit in a shadow root beside other explorers on the same page.
#[derive(Clone, Copy)]
pub struct Root(pub NodeRef<leptos::html::Div>);

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
            let result = fetch_snapshot(url).await;
            retrying.set(false);
            result
        }
    });
    let retry = Callback::new(move |_| {
        retrying.set(true);
        snapshot.refetch();
    });
    // Nothing is drawn until the snapshot has settled, or until a slow download has taken
    // LOADING_AFTER: one layout of the whole explorer instead of a loading screen laid out and
    // painted first, then the explorer (index.html shows a status until then).
    let waited = RwSignal::new(false);
    set_timeout(move || waited.set(true), LOADING_AFTER);
    let settled = Memo::new(move |_| waited.get() || snapshot.with(Option::is_some));
    Effect::new(move |_| {
        let host = root.get().and_then(|root| root.parent_element());
        if let Some(Ok(Some(boot))) = host.map(|host| host.query_selector(":scope > .iom-boot")) {
            boot.remove();
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
                lang=move || state.lang().code()
                node_ref=root
                on:keydown=on_key
            >
                <a class="iom-skip" href=format!("#{main_id}") on:click=skip>{tr(state, Msg::SkipToContent)}</a>
                <Show when=chrome>
                    <shell::Header compact=state.is_script_embed() />
                </Show>
                <main id=main_id.clone() class="iom-main" tabindex="-1" node_ref=main>
                    {part(move || match (retrying.get(), snapshot.get()) {
                        (true, _) | (_, None) => view! { <shell::Loading /> }.into_any(),
                        (false, Some(Err(error))) => view! { <load_error::LoadErrorPanel error retry /> }.into_any(),
                        (false, Some(Ok(loaded))) => view! { <Explorer loaded /> }.into_any(),
                    })}
                </main>
                <Show when=chrome>
                    <shell::Footer snapshot />
                </Show>
            </div>
        }))}
    }
}

/// An SVG element made straight with the DOM (for drawings kept in step by key, which bypass
/// the view layer to stay cheap on every filter change).
fn svg_shape(
    document: &web_sys::Document,
    tag: &str,
    attributes: &[(&str, &str)],
) -> web_sys::Element {
    dom_element(
        document,
        Some("http://www.w3.org/2000/svg"),
        tag,
        attributes,
    )
}

/// An element of `namespace` (HTML if none) made straight with the DOM, with `attributes`.
fn dom_element(
    document: &web_sys::Document,
    namespace: Option<&str>,
    tag: &str,
    attributes: &[(&str, &str)],
) -> web_sys::Element {
    use wasm_bindgen::UnwrapThrowExt;
    // Creating an element with a fixed, valid tag name cannot fail.
    let element = document.create_element_ns(namespace, tag).unwrap_throw();
    for (name, value) in attributes {
        let _ = element.set_attribute(name, value);
    }
    element
}

/// The loaded explorer: the current view, with the shared filters where the view uses them,
/// and the details panel of the open item.
#[component]
fn Explorer(loaded: Loaded) -> impl IntoView {
    let state = expect_context::<AppState>();
    let filters = state.filters;
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
    let view = Memo::new(move |_| state.view());
    let uses_filters = move || {
        matches!(
            view.get(),
            View::Themes | View::Timeline | View::Map | View::Partners
        )
    };
    let data_for_view = data.clone();
    let printing = crate::app::print::use_printing();
    view! {
        <div class="iom-layout">
            <Show when=uses_filters>
                <filters::FilterBar />
            </Show>
            <Show when=move || printing.get()>
                <share::PrintHeader />
            </Show>
            <div class="iom-view">
                <Show when=uses_filters>
                    <share::ShareBar view />
                </Show>
                {part(move || {
                    let data = data_for_view.clone();
                    match view.get() {
                        View::Sources => view! { <sources::Sources data=data.snapshot /> }.into_any(),
                        View::Themes => view! { <themes::Themes /> }.into_any(),
                        View::Timeline => view! { <timeline::Timeline /> }.into_any(),
                        View::Map => view! { <map::ProvinceMap /> }.into_any(),
                        View::Partners => view! { <partners::Partners /> }.into_any(),
                        View::Overview => view! { <overview::Overview data=data.snapshot /> }.into_any(),
                    }
                })}
            </div>
            <Show when=move || uses_filters() && printing.get()>
                <share::PrintSources />
            </Show>
            <details::DetailsPanel />
        </div>
    }
}
