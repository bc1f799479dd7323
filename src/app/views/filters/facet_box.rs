//! A facet as a disclosure with one checkbox per choice, showing how many are chosen.

use leptos::prelude::*;

use crate::app::state::{tr, AppState};
use crate::app::views::widgets::part;
use crate::core::facets::Facet;
use crate::core::i18n::Msg;
use crate::core::text::Text;

/// A choice's label: snapshot text (may fall back to English) or a UI string.
#[derive(Clone)]
pub enum Label {
    Text(Text),
    Msg(Msg),
}

/// `choices`: each choice's code (what the filter holds) and label.
pub fn facet_box(facet: Facet, choices: Vec<(String, Label)>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let chosen = move || state.facets.with(|f| f.count(facet));
    let boxes = choices
        .into_iter()
        .map(|(code, label)| {
            let label = Memo::new(move |_| match &label {
                Label::Msg(msg) => (state.t(*msg).to_owned(), None),
                Label::Text(text) => {
                    let ui = state.lang();
                    let shown = text.get(ui);
                    (
                        shown.text.to_owned(),
                        (shown.lang != ui).then_some(shown.lang.code()),
                    )
                }
            });
            let (code_checked, code_flip) = (code.clone(), code.clone());
            view! {
                <li>
                    <label class="iom-check">
                        <input
                            type="checkbox"
                            value=code
                            prop:checked=move || state.facets.with(|f| f.is_on(facet, &code_checked))
                            on:change=move |_| state.update_filters(|f| f.toggle(facet, &code_flip))
                        />
                        <span lang=move || label.get().1>{part(move || label.get().0)}</span>
                    </label>
                </li>
            }
        })
        .collect_view();
    view! {
        <details class="iom-facet">
            <summary>
                {tr(state, facet.legend())}
                {part(move || (chosen() > 0).then(|| view! { <span class="iom-badge">{chosen()}</span> }))}
            </summary>
            <fieldset>
                <legend class="iom-visually-hidden">{tr(state, facet.legend())}</legend>
                <ul>{boxes}</ul>
            </fieldset>
        </details>
    }
}
