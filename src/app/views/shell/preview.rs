//! A visible banner whenever the explorer shows a snapshot other than the published one
//! (`?snapshot=`): a shared preview link must never pass for IOM's published content.

use leptos::prelude::*;

use crate::app::state::{tr, AppState};
use crate::app::views::widgets::part;
use crate::core::i18n::{fill, Msg};
use crate::core::url_state::UrlState;

#[component]
pub fn PreviewBanner() -> impl IntoView {
    let state = expect_context::<AppState>();
    // Only a navigation changes the preview, which is at rest at once.
    let preview = move || state.at_rest.with(|url| url.snapshot.clone());
    move || {
        preview().map(|path| {
            let published = move || {
                state.at_rest.with(|url| {
                    let query = UrlState {
                        snapshot: None,
                        ..url.clone()
                    }
                    .to_query();
                    if query.is_empty() {
                        "?".to_owned()
                    } else {
                        query
                    }
                })
            };
            view! {
                <p class="iom-preview" role="note">
                    <strong>{part(move || fill(state.t(Msg::PreviewOf), &[&path]))}</strong>
                    " "
                    <a
                        href=published
                        on:click=move |event| {
                            if !(event.ctrl_key() || event.meta_key() || event.shift_key() || event.button() != 0) {
                                event.prevent_default();
                                state.show_published();
                            }
                        }
                    >
                        {tr(state, Msg::PreviewShowPublished)}
                    </a>
                </p>
            }
        })
    }
}
