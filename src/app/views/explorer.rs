//! The explorer once its snapshot has loaded: the filters, the current view and the details
//! panel.

use leptos::prelude::*;

use super::chunks::{lazy, lazy_filters, Part};
use super::context::Data;
use super::widgets::part;
use super::{details, overview, share};
use crate::app::fetch::Loaded;
use crate::app::state::AppState;
use crate::core::filter::apply;
use crate::core::url_state::View;

/// The loaded explorer: the current view, with the shared filters where the view uses them,
/// and the details panel of the open item.
#[component]
pub fn Explorer(loaded: Loaded) -> impl IntoView {
    let state = expect_context::<AppState>();
    // A shared link's theme or province that the snapshot does not have is ignored, not shown
    // as a filter that matches nothing.
    let known = state.filters.with_untracked(|f| f.known(&loaded.index));
    if state.filters.with_untracked(|f| *f != known) {
        state.update_filters(|f| *f = known);
    }
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
    let filtered = Memo::new(move |_| uses_filters());
    // Retry on a view whose code failed to download also brings back the filters.
    let retries = RwSignal::new(0_u32);
    let data_for_view = data.clone();
    let printing = crate::app::print::use_printing();
    view! {
        <div class="iom-layout" class:iom-layout--filtered=filtered>
            // The filter bar's code comes with the filtered views' parts. It stays (with its open
            // panels) while the visitor moves between those views.
            {part(move || {
                let part = filtered.get().then(|| untrack(|| Part::of_view(view.get())))??;
                Some(lazy_filters(part, retries))
            })}
            <Show when=move || printing.get()>
                <share::PrintHeader />
            </Show>
            <div class="iom-view">
                <Show when=move || uses_filters() || view.get() == View::Story>
                    <share::ShareBar />
                </Show>
                {part(move || match Part::of_view(view.get()) {
                    None => {
                        // Effects run once the view is in the document.
                        Effect::new(|_| crate::app::perf::mark_once(crate::app::perf::VIEW));
                        view! { <overview::Overview data=data_for_view.snapshot.clone() /> }.into_any()
                    }
                    Some(part) => lazy(part, retries).into_any(),
                })}
            </div>
            <Show when=move || uses_filters() && printing.get()>
                <share::PrintSources />
            </Show>
            <details::DetailsPanel />
        </div>
    }
}
