//! Small pieces shared by the views.

pub mod dom;
pub mod measure;

use std::sync::Arc;

use leptos::prelude::*;

use crate::app::state::{tr, AppState};
use crate::core::i18n::Msg;
use crate::core::text::Text;
use crate::core::Snapshot;

/// Snapshot text in the UI language, marked `lang="en"` where it falls back to English so that
/// screen readers switch voice. Always rendered as text, never as HTML. In the Lao interface, a
/// translation of ours that no reviewer has checked carries a small visible mark (the same word
/// for screen readers), unless `plain` (names in dense lists, whose details panel marks them).
#[component]
pub fn Tx(
    text: Text,
    #[prop(optional)] class: Option<&'static str>,
    #[prop(optional)] plain: bool,
    /// In quotation marks (a published text), with the mark after the closing one.
    #[prop(optional)]
    quoted: bool,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        let ui = state.lang();
        let shown = text.get(ui);
        let lang = (shown.lang != ui).then_some(shown.lang.code());
        // Isolated, so that direction marks in snapshot text cannot reorder what is around it.
        let class = match class {
            Some(extra) => format!("iom-tx {extra}"),
            None => "iom-tx".to_owned(),
        };
        let mark = (!plain && shown.is_unreviewed()).then(|| unreviewed_mark(state));
        let text = if quoted {
            format!("“{}”", shown.text)
        } else {
            shown.text.to_owned()
        };
        view! { <span class=class lang=lang>{text}{mark}</span> }
    }
}

/// The mark after an unreviewed translation: a short word, explained on hover and in the
/// details panel.
pub fn unreviewed_mark(state: AppState) -> impl IntoView {
    view! {
        " "
        <small class="iom-unreviewed" title=state.t(Msg::UnreviewedTitle)>
            {state.t(Msg::UnreviewedMark)}
        </small>
    }
}

/// The sources an item cites, as external links.
#[component]
pub fn SourceLinks(
    data: Arc<Snapshot>,
    ids: Vec<String>,
    /// Shown unfolded (the details panel); folded elsewhere to keep pages short.
    #[prop(optional)]
    open: bool,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let links = ids
        .iter()
        .filter_map(|id| data.sources.iter().find(|source| &source.id == id))
        .map(|source| {
            view! {
                <li>
                    <a href=source.url.clone() target="_blank" rel="noopener noreferrer">
                        <Tx text=source.title.clone() />
                        <span class="iom-visually-hidden">" " {tr(state, Msg::OpensInNewTab)}</span>
                    </a>
                    <span class="iom-source-publisher">" · " <Tx text=source.publisher.clone() plain=true /></span>
                </li>
            }
        })
        .collect_view();
    view! {
        <details class="iom-sources" open=open>
            <summary>{tr(state, Msg::SourcesLabel)} " (" {ids.len()} ")"</summary>
            <ul>{links}</ul>
        </details>
    }
}

/// A button that opens an item's details panel, labelled with the item's title.
#[component]
pub fn ItemButton(item: crate::core::kinds::ItemRef) -> impl IntoView {
    let state = expect_context::<AppState>();
    let data = expect_context::<crate::app::views::Data>();
    let id = crate::core::items::id(&data.snapshot, item).to_owned();
    let title = crate::core::items::title(&data.snapshot, item);
    view! {
        <button type="button" class="iom-item-link" on:click=move |_| state.open(&id)>
            <Tx text=title plain=true />
        </button>
    }
}

/// The empty state: says that nothing matches and offers to clear the filters.
#[component]
pub fn NoResults() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <div class="iom-empty" role="status">
            <p>{tr(state, Msg::NoResults)}</p>
            <button type="button" class="iom-button" on:click=move |_| state.clear_filters()>
                {tr(state, Msg::ClearFilters)}
            </button>
        </div>
    }
}

/// A part of a view that is redrawn when what it reads changes. Every part has the same
/// closure type whatever it draws, so the renderer is compiled once for all of them instead of
/// once per closure (a smaller Wasm; see `tr` for UI text).
pub fn part<V: IntoView + 'static>(
    render: impl Fn() -> V + Send + Sync + 'static,
) -> impl Fn() -> AnyView + Clone + Send + Sync + 'static {
    shared(Arc::new(move || render().into_view().into_any()))
}

fn shared(
    render: Arc<dyn Fn() -> AnyView + Send + Sync>,
) -> impl Fn() -> AnyView + Clone + Send + Sync + 'static {
    move || render()
}

/// Rows a long list shows at first, and adds on each "Show more": the document holds a page of
/// rows, not thousands (a 100x snapshot has 5,000 events and 3,000 partners).
pub const PAGE: usize = 200;

/// The "Show N more" button under a list of `total` rows of which `shown` are drawn; nothing
/// when all are.
pub fn more_rows(shown: RwSignal<usize>, total: usize) -> impl IntoView {
    let state = expect_context::<AppState>();
    let now = shown.get_untracked();
    (total > now).then(|| {
        let label = crate::core::i18n::fill(
            state.t(Msg::ShowMore),
            &[&PAGE.min(total - now).to_string(), &total.to_string()],
        );
        view! {
            <button type="button" class="iom-chip iom-more" on:click=move |_| shown.update(|n| *n += PAGE)>
                {label}
            </button>
        }
    })
}
