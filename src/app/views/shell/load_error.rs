//! What a visitor sees when the snapshot cannot be shown: the problem, named, and Retry.

use leptos::prelude::*;

use crate::app::fetch::{LoadError, TIMEOUT_SECONDS};
use crate::app::http::HttpError;
use crate::app::state::{tr, AppState};
use crate::app::views::widgets::part;
use crate::core::i18n::{fill, Msg};
use crate::core::load::MAX_SNAPSHOT_BYTES;

/// Problems listed before "…and N more".
const SHOWN_PROBLEMS: usize = 12;

fn megabytes(bytes: usize) -> String {
    format!("{} MB", crate::core::num::megabytes(bytes))
}

/// The sentence that names what went wrong with the snapshot's download.
fn download_problem(t: impl Fn(Msg) -> &'static str, url: &str, error: &HttpError) -> String {
    match error {
        HttpError::Network => fill(t(Msg::LoadFailedNetwork), &[url]),
        HttpError::Timeout => fill(
            t(Msg::LoadFailedTimeout),
            &[url, &TIMEOUT_SECONDS.to_string()],
        ),
        HttpError::Status { status, text } => fill(
            t(Msg::LoadFailedStatus),
            &[format!("{status} {text}").trim(), url],
        ),
        HttpError::Redirected { to } => fill(t(Msg::LoadFailedRedirected), &[url, to]),
        HttpError::WrongType { content_type } => {
            fill(t(Msg::LoadFailedWrongType), &[content_type, url])
        }
        HttpError::TooLarge {
            declared: Some(bytes),
        } => fill(
            t(Msg::LoadFailedTooLarge),
            &[url, &megabytes(*bytes), &megabytes(MAX_SNAPSHOT_BYTES)],
        ),
        HttpError::TooLarge { declared: None } => fill(
            t(Msg::LoadFailedTooLargeStreamed),
            &[url, &megabytes(MAX_SNAPSHOT_BYTES)],
        ),
    }
}

#[component]
pub fn LoadErrorPanel(error: LoadError, retry: Callback<()>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let message = {
        let error = error.clone();
        part(move || {
            let t = |msg| state.t(msg);
            match &error {
                LoadError::Download { url, error } => download_problem(t, url, error),
                LoadError::Invalid { url, .. } => fill(t(Msg::LoadFailedInvalid), &[url]),
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
