//! What a visitor sees when the snapshot cannot be shown: the problem, named, and Retry.

use leptos::prelude::*;

use crate::app::fetch::{LoadError, TIMEOUT_SECONDS};
use crate::app::state::{tr, AppState};
use crate::app::views::widgets::part;
use crate::core::i18n::{fill, Msg};
use crate::core::load::MAX_SNAPSHOT_BYTES;

/// Problems listed before "…and N more".
const SHOWN_PROBLEMS: usize = 12;

fn megabytes(bytes: usize) -> String {
    format!("{} MB", crate::core::num::megabytes(bytes))
}

#[component]
pub fn LoadErrorPanel(error: LoadError, retry: Callback<()>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let message = {
        let error = error.clone();
        part(move || {
            let t = |msg| state.t(msg);
            match &error {
                LoadError::Network { url } => fill(t(Msg::LoadFailedNetwork), &[url]),
                LoadError::Timeout { url } => fill(
                    t(Msg::LoadFailedTimeout),
                    &[url, &TIMEOUT_SECONDS.to_string()],
                ),
                LoadError::Status { url, status, text } => fill(
                    t(Msg::LoadFailedStatus),
                    &[format!("{status} {text}").trim(), url],
                ),
                LoadError::TooLarge { url, bytes } => fill(
                    t(Msg::LoadFailedTooLarge),
                    &[url, &megabytes(*bytes), &megabytes(MAX_SNAPSHOT_BYTES)],
                ),
                LoadError::Invalid { url, .. } => fill(t(Msg::LoadFailedInvalid), &[url]),
                LoadError::WrongType { url, content_type } => {
                    fill(t(Msg::LoadFailedWrongType), &[content_type, url])
                }
            }
        })
    };
    let problems = match &error {
        LoadError::Invalid { problems, .. } => problems.clone(),
        _ => Vec::new(),
    };
    let hidden = problems.len().saturating_sub(SHOWN_PROBLEMS);
    let list = (!problems.is_empty()).then(|| {
        view! {
            <ul class="iom-problems" lang="en">
                {problems
                    .into_iter()
                    .take(SHOWN_PROBLEMS)
                    .map(|problem| view! { <li><code>{problem.path}</code> ": " {problem.message}</li> })
                    .collect_view()}
            </ul>
        }
    });
    let more = (hidden > 0).then(
        || view! { <p>{part(move || fill(state.t(Msg::MoreProblems), &[&hidden.to_string()]))}</p> },
    );
    view! {
        <section class="iom-error" role="alert" aria-labelledby="iom-error-title">
            <h1 id="iom-error-title">{tr(state, Msg::LoadFailedTitle)}</h1>
            <p>{message}</p>
            {list}
            {more}
            <button type="button" class="iom-button" on:click=move |_| retry.run(())>
                {tr(state, Msg::Retry)}
            </button>
        </section>
    }
}
