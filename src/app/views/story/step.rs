//! One step of the story: its heading, date, text, what it links to (partners, provinces and
//! themes, each a link into its view) and its sources.

use leptos::prelude::*;

use crate::app::intl::format_span;
use crate::app::state::{tr, AppState};
use crate::app::views::widgets::{SourceLinks, Tx};
use crate::app::views::Data;
use crate::core::filter::Filters;
use crate::core::i18n::Msg;
use crate::core::story::Step;
use crate::core::text::Text;
use crate::core::url_state::{UrlState, View};

#[component]
pub fn StepView(step: Step, #[prop(optional)] printed: bool) -> impl IntoView {
    let state = expect_context::<AppState>();
    let data = expect_context::<Data>();
    let s = &data.snapshot;
    let links = data.index.links(step.item);
    let (date, end) = (step.date, step.end);
    let id = crate::core::items::id(s, step.item).to_owned();
    // Where each link goes: the partner's details, the map filtered to the province, the
    // themes filtered to the theme.
    let to = |view: View, item: Option<String>, filters: Filters| UrlState {
        view,
        item,
        filters,
        ..state.url.get_untracked()
    };
    let mut related: Vec<(Text, UrlState)> = Vec::new();
    for &p in &links.partners {
        related.push((
            s.partners[p].name.clone(),
            to(
                View::Partners,
                Some(s.partners[p].id.clone()),
                Filters::default(),
            ),
        ));
    }
    for &p in &links.provinces {
        let filters = Filters {
            provinces: [s.provinces[p].code.clone()].into(),
            ..Filters::default()
        };
        related.push((s.provinces[p].name.clone(), to(View::Map, None, filters)));
    }
    for &t in &links.themes {
        let filters = Filters {
            themes: [s.themes[t].id.clone()].into(),
            ..Filters::default()
        };
        related.push((s.themes[t].name.clone(), to(View::Themes, None, filters)));
    }
    let related = (!related.is_empty()).then(|| {
        let items = related
            .into_iter()
            .map(|(name, target)| {
                let href = target.to_query();
                view! {
                    <li>
                        <a
                            href=href
                            on:click=move |event| {
                                if !(event.ctrl_key() || event.meta_key() || event.shift_key() || event.button() != 0) {
                                    event.prevent_default();
                                    state.go_to(target.clone());
                                }
                            }
                        >
                            <Tx text=name plain=true />
                        </a>
                    </li>
                }
            })
            .collect_view();
        view! {
            <h3>{tr(state, Msg::StoryInThisStep)}</h3>
            <ul class="iom-inline-list">{items}</ul>
        }
    });
    let open = move |_| state.open(&id);
    view! {
        <section class="iom-story-step">
            <h2>
                {if printed {
                    view! { <Tx text=step.title.clone() /> }.into_any()
                } else {
                    view! { <button type="button" class="iom-item-link" on:click=open><Tx text=step.title.clone() /></button> }.into_any()
                }}
            </h2>
            <p class="iom-story-step__date">
                <time datetime=date.to_string()>{move || format_span(&date, end.as_ref(), state.lang())}</time>
            </p>
            <p class="iom-story-step__text"><Tx text=step.text.clone() /></p>
            {related}
            <SourceLinks data=data.snapshot.clone() ids=step.sources.clone() open=printed />
        </section>
    }
}
