//! The parts of the explorer whose code is not in the first Wasm file: each is downloaded the
//! first time a visitor needs it (Leptos's `wasm_split`, cut out by `scripts/split/wasm-bindgen`
//! at build time). The Overview and the shell stay in the first file, so the default first view
//! needs nothing more; the Timeline is one part, the other views share one, and the share
//! panel's exporters are one, opened only by a click. The filter bar, which only the views
//! with filters show, comes with them (in a file both of their parts load), not in the first.
//!
//! A part that fails to download says so, with a Retry button, instead of leaving a blank view;
//! a failed attempt is not remembered, so Retry downloads it again.

use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};

use leptos::prelude::*;
use leptos::wasm_split::{wasm_split, SplitLoaderError};

use super::shell::Loading;
use super::widgets::part;
use crate::app::state::{tr, AppState};
use crate::core::i18n::Msg;
use crate::core::url_state::View;

/// A part's code did not arrive (the browser's console has the reason).
#[derive(Debug, Clone, Copy)]
pub struct PartMissing;

impl From<SplitLoaderError> for PartMissing {
    fn from(_: SplitLoaderError) -> Self {
        PartMissing
    }
}

/// Draws a part once its code is here.
type Draw = fn() -> AnyView;

/// What a downloaded part draws: itself and, for the views that have them, the filters.
#[derive(Clone, Copy)]
pub struct Drawers {
    part: Draw,
    filters: Option<Draw>,
}

type Loading = Pin<Box<dyn Future<Output = Result<Drawers, PartMissing>>>>;

/// Whether a part has been asked to draw on this page yet (the first one is the first view's).
static FIRST_PART_ASKED: AtomicBool = AtomicBool::new(false);

/// Everything that is downloaded on demand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Timeline,
    Themes,
    Map,
    Partners,
    Sources,
    Story,
    /// The share panel's actions: CSV, JSON and image exports, the embed snippets.
    ShareActions,
}

impl Part {
    /// The part that draws `view`; `None` for the Overview, which is in the first Wasm file.
    pub fn of_view(view: View) -> Option<Part> {
        match view {
            View::Overview => None,
            View::Timeline => Some(Part::Timeline),
            View::Themes => Some(Part::Themes),
            View::Map => Some(Part::Map),
            View::Partners => Some(Part::Partners),
            View::Sources => Some(Part::Sources),
            View::Story => Some(Part::Story),
        }
    }

    /// Downloads the part's code if it is not here yet (once: later calls find it loaded).
    fn load(self) -> Loading {
        match self {
            Part::Timeline => Box::pin(timeline()),
            Part::Themes => Box::pin(themes()),
            Part::Map => Box::pin(map()),
            Part::Partners => Box::pin(partners()),
            Part::Sources => Box::pin(sources()),
            Part::Story => Box::pin(story()),
            Part::ShareActions => Box::pin(share_actions()),
        }
    }

    /// Starts the download now, without drawing anything: the first view's part arrives while
    /// the snapshot does.
    pub fn prefetch(self) {
        leptos::task::spawn_local(async move {
            let _ = self.load().await;
        });
    }
}

/// Draws `part`: a loading status until its code is here, then the part; if the download
/// fails, a message and a Retry button, which counts up `attempt` (shared with the part's
/// `lazy_filters`, so that the filters come back with the view).
pub fn lazy(which: Part, attempt: RwSignal<u32>) -> impl IntoView {
    let first = !FIRST_PART_ASKED.swap(true, Ordering::Relaxed);
    let code = LocalResource::new(move || {
        attempt.track();
        let loading = which.load();
        async move {
            let drawers = loading.await;
            // The first view's part usually arrives before the snapshot is read, and would
            // then draw in the same long task as the rest of the explorer: on a phone the
            // page paints the explorer, and can answer, between the two.
            if first {
                crate::app::tasks::yield_if_long().await;
            }
            drawers
        }
    });
    // A first view drawn behind its prerendered copy is shown once its part has drawn or
    // failed (first_screen.rs).
    let root = expect_context::<super::Root>().0;
    let reveal = move || {
        Effect::new(move |_| {
            super::first_screen::reveal_soon(root.get_untracked().map(web_sys::Element::from));
        });
    };
    part(move || match code.get() {
        None => view! { <Loading what=Msg::PartLoading /> }.into_any(),
        Some(Err(PartMissing)) => {
            reveal();
            missing(attempt).into_any()
        }
        Some(Ok(drawers)) => {
            // A view counts as drawn (the benchmark's mark) once it is in the document and
            // seen, not while its code downloads.
            reveal();
            Effect::new(|_| {
                super::first_screen::when_seen(|| {
                    crate::app::perf::mark_once(crate::app::perf::VIEW)
                })
            });
            // The part's components subscribe to what they read; this closure must not.
            untrack(drawers.part)
        }
    })
}

/// Says that a part's code did not arrive, with a Retry button that counts up `attempt`.
fn missing(attempt: RwSignal<u32>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let retry = move |_| attempt.update(|n| *n += 1);
    view! {
        <div class="iom-error" role="alert">
            <p>{tr(state, Msg::PartLoadFailed)}</p>
            <button type="button" class="iom-button" on:click=retry>{tr(state, Msg::Retry)}</button>
        </div>
    }
}

/// The filter bar of the view that `which` draws, once that part's code is here; nothing
/// before (the part itself says it is loading, or why it failed, and offers Retry).
pub fn lazy_filters(which: Part, attempt: RwSignal<u32>) -> impl IntoView {
    let code = LocalResource::new(move || {
        attempt.track();
        which.load()
    });
    part(move || {
        let filters = code.get()?.ok()?.filters?;
        Some(untrack(filters))
    })
}

/// The filter bar, for the parts whose views have it.
fn filter_bar() -> AnyView {
    view! { <super::filters::FilterBar /> }.into_any()
}

fn with_filters(part: Draw) -> Result<Drawers, PartMissing> {
    Ok(Drawers {
        part,
        filters: Some(filter_bar),
    })
}

fn alone(part: Draw) -> Result<Drawers, PartMissing> {
    Ok(Drawers {
        part,
        filters: None,
    })
}

// The split points. Functions with the same first argument share one downloaded file.

#[wasm_split(timeline, wasm_split_path = ::leptos::wasm_split, fallible)]
fn timeline() -> Result<Drawers, PartMissing> {
    with_filters(|| view! { <super::timeline::Timeline /> }.into_any())
}

#[wasm_split(views, wasm_split_path = ::leptos::wasm_split, fallible)]
fn themes() -> Result<Drawers, PartMissing> {
    with_filters(|| view! { <super::themes::Themes /> }.into_any())
}

#[wasm_split(views, wasm_split_path = ::leptos::wasm_split, fallible)]
fn map() -> Result<Drawers, PartMissing> {
    with_filters(|| view! { <super::map::ProvinceMap /> }.into_any())
}

#[wasm_split(views, wasm_split_path = ::leptos::wasm_split, fallible)]
fn partners() -> Result<Drawers, PartMissing> {
    with_filters(|| view! { <super::partners::Partners /> }.into_any())
}

#[wasm_split(views, wasm_split_path = ::leptos::wasm_split, fallible)]
fn sources() -> Result<Drawers, PartMissing> {
    alone(|| {
        let data = expect_context::<super::Data>();
        view! { <super::sources::Sources data=data.snapshot /> }.into_any()
    })
}

#[wasm_split(views, wasm_split_path = ::leptos::wasm_split, fallible)]
fn story() -> Result<Drawers, PartMissing> {
    alone(|| view! { <super::story::Story /> }.into_any())
}

#[wasm_split(share, wasm_split_path = ::leptos::wasm_split, fallible)]
fn share_actions() -> Result<Drawers, PartMissing> {
    alone(|| view! { <super::share::ShareActions /> }.into_any())
}
