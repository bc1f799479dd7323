//! The landing view: what the strategy is, when and how it was launched, and what the explorer holds.

use std::sync::Arc;

use leptos::prelude::*;

use super::shell::{view_label, ViewLink};
use crate::app::intl::{format_date, format_number};
use crate::app::state::{tr, AppState};
use crate::app::views::widgets::{part, SourceLinks, Tx};
use crate::core::i18n::{fill, Msg};
use crate::core::summary::Counts;
use crate::core::Snapshot;

#[component]
pub fn Overview(data: Arc<Snapshot>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let strategy = &data.strategy;
    let launch = &strategy.launch;
    let counts = Counts::of(&data);

    let co_chairs = launch
        .co_chairs
        .iter()
        .filter_map(|id| data.people.iter().find(|person| &person.id == id))
        .map(|person| {
            view! {
                <li><Tx text=person.name.clone() plain=true /> ", " <Tx text=person.role.clone() /></li>
            }
        })
        .collect_view();
    let launched_with = launch
        .with_partners
        .iter()
        .filter_map(|id| data.partners.iter().find(|partner| &partner.id == id))
        .map(|partner| view! { <li><Tx text=partner.name.clone() /></li> })
        .collect_view();
    let alignment = strategy
        .alignment
        .iter()
        .filter_map(|item| {
            Some((
                item,
                data.frameworks.iter().find(|f| f.id == item.framework)?,
            ))
        })
        .map(|(item, framework)| {
            view! {
                <li>
                    <Tx text=item.relation.clone() class="iom-relation" /> " "
                    <strong><Tx text=framework.name.clone() /></strong>
                </li>
            }
        })
        .collect_view();
    let themes = data
        .themes
        .iter()
        .map(|theme| {
            view! {
                <li class="iom-theme-card">
                    <h3><Tx text=theme.name.clone() /></h3>
                    <p><Tx text=theme.summary.clone() /></p>
                </li>
            }
        })
        .collect_view();
    let launch_date = launch.date;
    let period = strategy.period;
    let stat = move |value: usize, label: Msg| {
        view! {
            <li class="iom-stat">
                <span class="iom-stat__value">{part(move || format_number(value, state.lang()))}</span>
                <span class="iom-stat__label">{tr(state, label)}</span>
            </li>
        }
    };

    // The story first: the way in for a visitor who does not know where to start.
    let steps = data.story.len();
    let story_link = (steps > 0).then(|| {
        view! {
            <p class="iom-story-cta">
                <ViewLink view=crate::core::url_state::View::Story>
                    {move || fill(state.t(Msg::StoryStart), &[&format_number(steps, state.lang())])}
                </ViewLink>
            </p>
        }
    });
    view! {
        <article class="iom-overview">
            <header class="iom-hero">
                <p class="iom-hero__period">
                    {tr(state, Msg::StrategyPeriod)} " " {period.start} "–" {period.end}
                </p>
                <h1><Tx text=strategy.title.clone() /></h1>
                {story_link}
                <p class="iom-hero__summary"><Tx text=strategy.summary.clone() /></p>
            </header>

            <section class="iom-statements" aria-label=tr(state, Msg::Vision)>
                <figure class="iom-statement">
                    <figcaption>{tr(state, Msg::Vision)}</figcaption>
                    <blockquote><p><Tx text=strategy.vision.clone() quoted=true /></p></blockquote>
                </figure>
                <figure class="iom-statement">
                    <figcaption>{tr(state, Msg::Goal)}</figcaption>
                    <blockquote><p><Tx text=strategy.goal.clone() quoted=true /></p></blockquote>
                </figure>
            </section>

            <section class="iom-glance" aria-labelledby="iom-glance-title">
                <h2 id="iom-glance-title">{tr(state, Msg::AtAGlance)}</h2>
                <ul class="iom-stats">
                    {stat(counts.themes, Msg::CountThemes)}
                    {stat(counts.partners, Msg::CountPartners)}
                    {stat(counts.events, Msg::CountEvents)}
                    {stat(counts.provinces, Msg::CountProvinces)}
                    {stat(counts.projects, Msg::CountProjects)}
                    {stat(counts.sources, Msg::CountSources)}
                </ul>
            </section>

            <div class="iom-columns">
                <section class="iom-launch" aria-labelledby="iom-launch-title">
                    <h2 id="iom-launch-title">{tr(state, Msg::Launch)}</h2>
                    <dl>
                        <dt>{tr(state, Msg::LaunchedOn)}</dt>
                        <dd>
                            <time datetime=launch_date.to_string()>{part(move || format_date(&launch_date, state.lang()))}</time>
                            ", " <Tx text=launch.venue.clone() />
                        </dd>
                        <dt>{tr(state, Msg::LaunchedWith)}</dt>
                        <dd><ul class="iom-plain-list">{launched_with}</ul></dd>
                        <dt>{tr(state, Msg::CoChairs)}</dt>
                        <dd><ul class="iom-plain-list">{co_chairs}</ul></dd>
                        <dt>{tr(state, Msg::Attendance)}</dt>
                        <dd><Tx text=launch.attendance.clone() /></dd>
                    </dl>
                    <SourceLinks data=data.clone() ids=launch.sources.clone() />
                </section>

                <section class="iom-alignment" aria-labelledby="iom-alignment-title">
                    <h2 id="iom-alignment-title">{tr(state, Msg::AlignedWith)}</h2>
                    <ul>{alignment}</ul>
                    <SourceLinks data=data.clone() ids=strategy.sources.clone() />
                </section>
            </div>

            <section class="iom-themes-overview" aria-labelledby="iom-themes-title">
                <h2 id="iom-themes-title">{tr(state, Msg::ThemesHeading)}</h2>
                <p class="iom-intro">{tr(state, Msg::ThemesIntro)}</p>
                <ul class="iom-theme-grid">{themes}</ul>
            </section>

            <nav class="iom-explore" aria-labelledby="iom-explore-title">
                <h2 id="iom-explore-title">{tr(state, Msg::ExploreViews)}</h2>
                <ul>
                    {crate::core::url_state::View::ALL
                        .into_iter()
                        .filter(|view| *view != state.view())
                        .map(|view| view! { <li><ViewLink view>{tr(state, view_label(view))}</ViewLink></li> })
                        .collect_view()}
                </ul>
            </nav>
        </article>
    }
}
