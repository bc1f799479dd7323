//! The province map: the 18 provinces drawn from the bundled boundaries, shaded by what the
//! filters let through, each a toggle of the shared province filter; a legend with values, the
//! attribution and disclaimer, and a table with the same counts as the accessible alternative.

mod drawing;
mod table;

use std::sync::Arc;

use leptos::prelude::*;

use crate::app::fetch::TIMEOUT_SECONDS;
use crate::app::http::{self, could_be_json, HttpError, Limits};
use crate::app::intl::format_number;
use crate::app::state::{tr, AppState};
use crate::app::views::widgets::part;
use crate::app::views::Data;
use crate::core::geo::{
    province_counts, Boundaries, ProvinceCounts, Shading, MAX_BOUNDARIES_BYTES,
};
use crate::core::i18n::{fill, Msg};
use crate::core::Lang;

/// The boundaries shipped beside the snapshot, fetched only when the map is first shown.
pub const BOUNDARIES: &str = "data/lao-provinces.geojson";
const SHADES: usize = 5;

const LIMITS: Limits = Limits {
    seconds: TIMEOUT_SECONDS,
    bytes: MAX_BOUNDARIES_BYTES,
    accepts: could_be_json,
};

/// Why the boundaries are not drawn: the download's problem, or the file's (in English, as
/// the boundaries' parser names it).
#[derive(Clone)]
enum BoundariesError {
    Download(HttpError),
    File(String),
}

async fn fetch_boundaries(url: String) -> Result<Arc<Boundaries>, BoundariesError> {
    let body = http::get(&url, LIMITS)
        .await
        .map_err(BoundariesError::Download)?;
    let text = String::from_utf8(body).map_err(|_| BoundariesError::File("not UTF-8".into()))?;
    Boundaries::parse(&text)
        .map(Arc::new)
        .map_err(BoundariesError::File)
}

/// The problem in a few words, in the interface language, for the map's notice (the table
/// below it still works).
fn brief(state: AppState, error: &HttpError) -> String {
    let t = |msg| state.t(msg);
    match error {
        HttpError::Network => t(Msg::BoundariesNetwork).to_owned(),
        HttpError::Timeout => fill(t(Msg::BoundariesTimeout), &[&TIMEOUT_SECONDS.to_string()]),
        HttpError::Status { status, text } => format!("{status} {text}").trim().to_owned(),
        HttpError::Redirected { to } => fill(t(Msg::BoundariesRedirected), &[to]),
        HttpError::WrongType { content_type } => fill(t(Msg::BoundariesWrongType), &[content_type]),
        HttpError::TooLarge { .. } => fill(
            t(Msg::BoundariesTooLarge),
            &[&crate::core::num::megabytes(MAX_BOUNDARIES_BYTES)],
        ),
    }
}

pub(crate) fn summary(state: AppState, name: &str, counts: ProvinceCounts, lang: Lang) -> String {
    let n = |value: usize| format_number(value, lang);
    fill(
        state.t(Msg::ProvinceSummary),
        &[
            name,
            &n(counts.partners),
            &n(counts.events),
            &n(counts.projects),
        ],
    )
}

#[component]
pub fn ProvinceMap() -> impl IntoView {
    let state = expect_context::<AppState>();
    let data = expect_context::<Data>();
    let url = state.asset(BOUNDARIES);
    let boundaries = LocalResource::new(move || fetch_boundaries(url.clone()));
    let counts = {
        let data = data.clone();
        Memo::new(move |_| {
            data.visible
                .with(|v| province_counts(&data.snapshot, &data.index, v))
        })
    };
    let shading = Memo::new(move |_| {
        counts.with(|counts| {
            Shading::new(
                counts.iter().map(ProvinceCounts::total).max().unwrap_or(0),
                SHADES,
            )
        })
    });

    let map = part(move || match boundaries.get() {
        None => {
            view! { <p class="iom-loading" role="status">{state.t(Msg::MapLoading)}</p> }.into_any()
        }
        Some(Err(error)) => {
            let problem = match &error {
                BoundariesError::Download(error) => brief(state, error),
                BoundariesError::File(problem) => problem.clone(),
            };
            view! { <p class="iom-error" role="alert">{fill(state.t(Msg::MapLoadFailed), &[&problem])}</p> }.into_any()
        }
        Some(Ok(shapes)) => view! { <drawing::MapDrawing shapes counts shading /> }.into_any(),
    });

    let legend = part(move || {
        let lang = state.lang();
        shading
            .get()
            .legend()
            .into_iter()
            .map(|(class, low, high)| {
                let label = match (low, high) {
                    (0, 0) => format!("0 ({})", state.t(Msg::LegendNone)),
                    (low, high) if low == high => format_number(low, lang),
                    (low, high) => format!("{}–{}", format_number(low, lang), format_number(high, lang)),
                };
                view! {
                    <li><span class=format!("iom-swatch iom-shade-{class}") aria-hidden="true"></span>{label}</li>
                }
            })
            .collect_view()
    });

    view! {
        <article class="iom-map">
            <h1>{tr(state, Msg::ViewMap)}</h1>
            <p class="iom-intro">{tr(state, Msg::MapIntro)}</p>
            <div class="iom-map-layout">
                <div class="iom-map-main">{map}</div>
                <aside class="iom-map-side">
                    <h2 id="iom-legend-title">{tr(state, Msg::LegendTitle)}</h2>
                    <ul class="iom-legend" aria-labelledby="iom-legend-title">{legend}</ul>
                    <p class="iom-attribution">{tr(state, Msg::BoundaryAttribution)}</p>
                    <p class="iom-attribution">{tr(state, Msg::Disclaimer)}</p>
                </aside>
            </div>
            <table::ProvinceTable counts />
        </article>
    }
}
