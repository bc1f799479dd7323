//! The Themes view: one card per thematic area, with live counts under the shared filters.

use leptos::prelude::*;

use crate::app::intl::format_number;
use crate::app::state::{tr, AppState};
use crate::app::views::widgets::{part, ItemButton, Tx};
use crate::app::views::Data;
use crate::core::filter::linked_counts;
use crate::core::i18n::Msg;
use crate::core::kinds::{ItemKind, ItemRef};

#[component]
pub fn Themes() -> impl IntoView {
    let state = expect_context::<AppState>();
    let data = expect_context::<Data>();
    let visible = data.visible;

    let cards = part(move || {
        let v = visible.get();
        let s = &data.snapshot;
        let lang = state.lang();
        let cards: Vec<_> = s
            .themes
            .iter()
            .enumerate()
            .filter(|(i, _)| v.themes[*i])
            .map(|(i, theme)| {
                let item = ItemRef::new(ItemKind::Theme, i);
                let counts = linked_counts(item, &v, &data.index);
                let count = move |value: usize, label: Msg| {
                    view! {
                        <div class="iom-count">
                            <dt>{state.t(label)}</dt>
                            <dd>{format_number(value, lang)}</dd>
                        </div>
                    }
                };
                let frameworks = theme
                    .frameworks
                    .iter()
                    .filter_map(|id| data.index.resolve(id))
                    .map(|framework| view! { <li><ItemButton item=framework /></li> })
                    .collect_view();
                let has_frameworks = !theme.frameworks.is_empty();
                let sdg = (!theme.sdg_targets.is_empty()).then(|| {
                    view! { <p class="iom-tags"><strong>{state.t(Msg::SdgTargets)} ": "</strong> {theme.sdg_targets.join(", ")}</p> }
                });
                let gcm = (!theme.gcm_objectives.is_empty()).then(|| {
                    let list = theme.gcm_objectives.iter().map(u8::to_string).collect::<Vec<_>>().join(", ");
                    view! { <p class="iom-tags"><strong>{state.t(Msg::GcmObjectives)} ": "</strong> {list}</p> }
                });
                view! {
                    <li class="iom-theme-card">
                        <h2><ItemButton item /></h2>
                        <p><Tx text=theme.summary.clone() /></p>
                        <dl class="iom-counts" aria-label=state.t(Msg::CountsUnderFilters)>
                            {count(counts.partners, Msg::LinkedPartners)}
                            {count(counts.events, Msg::LinkedEvents)}
                            {count(counts.projects, Msg::LinkedProjects)}
                            {count(counts.provinces, Msg::LinkedProvinces)}
                        </dl>
                        {has_frameworks.then(|| view! {
                            <p class="iom-tags"><strong>{state.t(Msg::RelatedFrameworks)} ": "</strong></p>
                            <ul class="iom-inline-list">{frameworks}</ul>
                        })}
                        {sdg}
                        {gcm}
                    </li>
                }
            })
            .collect();
        if cards.is_empty() {
            view! { <super::widgets::NoResults /> }.into_any()
        } else {
            view! { <ul class="iom-theme-grid">{cards}</ul> }.into_any()
        }
    });

    view! {
        <article class="iom-themes">
            <h1>{tr(state, Msg::ViewThemes)}</h1>
            <p class="iom-intro">{tr(state, Msg::ThemesIntro)}</p>
            {cards}
        </article>
    }
}
