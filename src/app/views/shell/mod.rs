//! Page chrome: header with navigation and language switch, loading state, footer.

mod load_error;
mod preview;

pub use load_error::LoadErrorPanel;
pub use preview::PreviewBanner;

use std::time::Duration;

use leptos::prelude::*;

use crate::app::fetch::{LoadError, Loaded};
use crate::app::intl::format_date;
use crate::app::state::{tr, AppState};
use crate::app::views::widgets::part;
use crate::core::i18n::Msg;
use crate::core::url_state::{UrlState, View};
use crate::core::Lang;

pub fn view_label(view: View) -> Msg {
    match view {
        View::Overview => Msg::ViewOverview,
        View::Story => Msg::ViewStory,
        View::Themes => Msg::ViewThemes,
        View::Timeline => Msg::ViewTimeline,
        View::Map => Msg::ViewMap,
        View::Partners => Msg::ViewPartners,
        View::Sources => Msg::ViewSources,
    }
}

/// A link that works without the app (its `href` is the view's URL) and navigates in place.
/// Its `href` catches up with the filters when typing pauses (`AppState::at_rest`); a click
/// always shows the view with the current ones.
#[component]
pub fn ViewLink(view: View, children: Children) -> impl IntoView {
    let state = expect_context::<AppState>();
    let href = move || {
        state.at_rest.with(|url| {
            UrlState {
                view,
                item: None,
                ..url.clone()
            }
            .to_query()
        })
    };
    let current = move || (state.view() == view).then_some("page");
    view! {
        <a
            href=move || { let query = href(); if query.is_empty() { "?".to_owned() } else { query } }
            aria-current=current
            on:click=move |event| {
                if !(event.ctrl_key() || event.meta_key() || event.shift_key() || event.button() != 0) {
                    event.prevent_default();
                    state.show(view);
                }
            }
        >
            {children()}
        </a>
    }
}

/// The page header: name, language switch and navigation. `compact` (script embeds) leaves out
/// the name and tagline, which the host page already gives.
#[component]
pub fn Header(compact: bool) -> impl IntoView {
    let state = expect_context::<AppState>();
    let language_button = move |lang: Lang, label: &'static str| {
        view! {
            <button
                type="button"
                lang=lang.code()
                aria-pressed=move || if state.lang() == lang { "true" } else { "false" }
                on:click=move |_| state.set_lang(lang)
            >
                {label}
            </button>
        }
    };
    view! {
        <header class="iom-header" class:iom-header--compact=compact>
            <div class="iom-header__brand">
                {(!compact).then(|| view! {
                    <p class="iom-header__name">{tr(state, Msg::AppName)}</p>
                    <p class="iom-header__tagline">{tr(state, Msg::AppTagline)}</p>
                })}
            </div>
            <div class="iom-lang" role="group" aria-label=tr(state, Msg::LanguageSwitch)>
                {language_button(Lang::En, "English")}
                {language_button(Lang::Lo, "ພາສາລາວ")}
            </div>
            <nav class="iom-nav" aria-label=tr(state, Msg::MainNavigation)>
                <ul>
                    {View::ALL
                        .into_iter()
                        .map(|view| {
                            view! {
                                <li>
                                    <ViewLink view>{tr(state, view_label(view))}</ViewLink>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </nav>
        </header>
    }
}

#[component]
pub fn Loading(
    /// What is loading (the snapshot unless said otherwise).
    #[prop(default = Msg::Loading)]
    what: Msg,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <div class="iom-loading" role="status" aria-live="polite">
            <span class="iom-spinner" aria-hidden="true"></span>
            {tr(state, what)}
        </div>
    }
}

#[component]
pub fn Footer(snapshot: LocalResource<Result<Loaded, LoadError>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    // The page's first `Intl` call loads the browser's locale data (20 to 50 ms in a blank page
    // on the benchmark's machine): the footer's date waits until the view has been painted, so
    // that it never delays the view itself.
    let painted = RwSignal::new(false);
    request_animation_frame(move || set_timeout(move || painted.set(true), Duration::ZERO));
    let snapshot_line = part(move || {
        let data = snapshot.get()?.ok()?.snapshot;
        if !painted.get() {
            return None;
        }
        let lang = state.lang();
        Some(view! {
            {state.t(Msg::SnapshotDate)} " " {format_date(&data.snapshot_date, lang)} " · "
            {state.t(Msg::SchemaVersion)} " " {data.schema_version.clone()}
        })
    });
    view! {
        <footer class="iom-footer">
            <p>{tr(state, Msg::FootnoteUnofficial)} " "
                <ViewLink view=View::Sources>{tr(state, Msg::ViewSources)}</ViewLink>
            </p>
            // Its line is there from the start, so the footer does not grow when it is written.
            <p class="iom-footer__snapshot">{snapshot_line}</p>
        </footer>
    }
}
