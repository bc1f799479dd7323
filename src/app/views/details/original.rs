//! For a Lao reader of an item whose Lao is our unreviewed translation: a notice that says so,
//! and the item's English original, folded.

use leptos::prelude::*;

use crate::app::state::{tr, AppState};
use crate::app::views::Data;
use crate::core::i18n::Msg;
use crate::core::kinds::ItemRef;
use crate::core::text::Lang;

#[component]
pub fn Original(item: ItemRef) -> impl IntoView {
    let state = expect_context::<AppState>();
    let data = expect_context::<Data>();
    let texts = (item.kind.describe().texts)(&data.snapshot, item.index);
    let unreviewed = texts
        .iter()
        .any(|(_, text)| text.get(Lang::Lo).is_unreviewed());
    // The title first (the kinds table lists it first), then the item's other texts.
    let english: Vec<String> = texts.into_iter().map(|(_, text)| text.en.clone()).collect();
    move || {
        let (title, rest) = english.split_first()?;
        (unreviewed && state.lang() == Lang::Lo).then(|| {
            view! {
                <div class="iom-original">
                    <p class="iom-original__notice">{tr(state, Msg::UnreviewedNotice)}</p>
                    <details>
                        <summary>{tr(state, Msg::EnglishOriginal)}</summary>
                        <div lang="en">
                            <p><strong>{title.clone()}</strong></p>
                            {rest.iter().map(|text| view! { <p>{text.clone()}</p> }).collect_view()}
                        </div>
                    </details>
                </div>
            }
        })
    }
}
