//! One control per kind of field (`iom_lao_editor::core::fields::Control`): each reads its value from
//! the draft, writes it back through the state, and shows the field's problems beside it.

use leptos::prelude::*;
use serde_json::Value;

use iom_lao_editor::core::draft::{self, offers, text_of, text_value, Known};
use iom_lao_editor::core::fields::{Control, Field, Target, COLLECTIONS};
use iom_lao_editor::core::ui_text::{fill, Ui};
use iom_lao_explorer::core::text::LaoStatus;
use iom_lao_explorer::core::{Lang, PartialDate, Precision, Text};

use super::Derived;
use crate::state::{field_element_id, EditorState};

/// What a control needs to read and write its field.
#[derive(Clone, Copy)]
struct Place {
    state: EditorState,
    c: usize,
    i: usize,
    key: &'static str,
}

impl Place {
    fn read(&self) -> Option<Value> {
        let collection = COLLECTIONS[self.c];
        self.state.draft.with(|root| {
            root.as_ref()
                .and_then(|root| draft::item(root, collection, self.i))
                .and_then(|item| draft::get(item, self.key))
                .cloned()
        })
    }

    fn write(&self, typing: bool, value: Option<Value>) {
        let collection = COLLECTIONS[self.c];
        let (i, key) = (self.i, self.key);
        let field = typing.then(|| format!("{}/{}/{}", self.c, i, key));
        self.state.edit(field.as_deref(), move |root| {
            if let Some(item) = draft::item_mut(root, collection, i) {
                draft::set(item, key, value);
            }
        });
    }

    fn id(&self) -> String {
        field_element_id(self.key)
    }
}

fn label_in(lang: Lang, field: &Field) -> &'static str {
    field.label.get(lang)
}

#[component]
pub fn FieldControl(c: usize, i: usize, field: &'static Field) -> impl IntoView {
    let state = expect_context::<EditorState>();
    let derived = expect_context::<Derived>();
    let place = Place {
        state,
        c,
        i,
        key: field.key,
    };
    let problems = move || {
        derived.located.with(|located| {
            located
                .iter()
                .filter(|(at, _)| {
                    at.as_ref().is_some_and(|at| {
                        at.collection == c && at.item == Some(i) && at.field == Some(field.key)
                    })
                })
                .map(|(_, problem)| problem.message.clone())
                .collect::<Vec<_>>()
        })
    };
    let problems_id = format!("{}-problems", place.id());
    let has_problems = move || !problems().is_empty();
    let control = match field.control {
        Control::Text => view! { <TextControl place field has_problems /> }.into_any(),
        Control::Refs { target, single } => {
            view! { <RefsControl place field target single /> }.into_any()
        }
        _ => view! { <SimpleControl place field problems_id=problems_id.clone() has_problems /> }
            .into_any(),
    };
    view! {
        <div class="field" class:has-problems=has_problems data-field=field.key>
            {control}
            <ul class="field-problems" id=problems_id aria-live="polite" lang="en">
                {move || problems().into_iter().map(|message| view! { <li>{message}</li> }).collect_view()}
            </ul>
        </div>
    }
}

/// Plain text, dates, flags, choices, numbers and lists of lines.
#[component]
fn SimpleControl(
    place: Place,
    field: &'static Field,
    problems_id: String,
    has_problems: impl Fn() -> bool + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let state = place.state;
    let id = place.id();
    let label = move || label_in(state.lang.get(), field);
    let as_text = move || match place.read() {
        Some(Value::String(text)) => text,
        Some(Value::Array(lines)) => lines
            .iter()
            .map(|line| match line {
                Value::String(line) => line.clone(),
                other => other.to_string(),
            })
            .collect::<Vec<_>>()
            .join("\n"),
        Some(Value::Null) | None => String::new(),
        Some(other) => other.to_string(),
    };
    let invalid = move || has_problems().to_string();
    match field.control {
        Control::Flag => view! {
            <label class="flag">
                <input
                    type="checkbox"
                    id=id
                    prop:checked=move || place.read() == Some(Value::Bool(true))
                    on:change=move |event| {
                        let on = event_target_checked(&event);
                        let value = if field.optional && !on { None } else { Some(Value::Bool(on)) };
                        place.write(false, value);
                    }
                />
                {label}
            </label>
        }
        .into_any(),
        Control::Choice(options) => view! {
            <label for=id.clone()>{label}</label>
            <select
                id=id
                aria-describedby=problems_id
                on:change=move |event| place.write(false, Some(Value::String(event_target_value(&event))))
            >
                {options.iter().map(|(code, name)| view! {
                    <option value=*code selected=move || as_text() == *code>
                        {move || iom_lao_explorer::core::i18n::t(state.lang.get(), *name)}
                    </option>
                }).collect_view()}
            </select>
        }
        .into_any(),
        Control::Lines | Control::WholeLines { .. } => view! {
            <label for=id.clone()>{label}<span class="hint">" ("{move || state.t(Ui::OnePerLine)}")"</span></label>
            <textarea
                id=id
                rows="3"
                aria-invalid=invalid
                aria-describedby=problems_id
                prop:value=as_text
                on:input=move |event| {
                    let whole = matches!(field.control, Control::WholeLines { .. });
                    let lines = event_target_value(&event)
                        .lines()
                        .map(str::trim)
                        .filter(|line| !line.is_empty())
                        .map(|line| match line.parse::<i64>() {
                            Ok(number) if whole => Value::from(number),
                            _ => Value::String(line.to_owned()),
                        })
                        .collect();
                    place.write(true, Some(Value::Array(lines)));
                }
            />
        }
        .into_any(),
        _ => {
            let readonly = field.control == Control::ReadOnly;
            let is_date = field.control == Control::Date;
            let precision = move || {
                let text = as_text();
                PartialDate::parse(text.trim()).ok().map(|date| {
                    let word = match date.precision() {
                        Precision::Year => Ui::PrecisionYear,
                        Precision::Month => Ui::PrecisionMonth,
                        Precision::Day => Ui::PrecisionDay,
                    };
                    format!("{}: {}", state.t(Ui::Precision), state.t(word))
                })
            };
            view! {
                <label for=id.clone()>{label}</label>
                <input
                    type="text"
                    id=id
                    readonly=readonly
                    inputmode=match field.control {
                        Control::Whole { .. } => "numeric",
                        Control::Decimal => "decimal",
                        _ => "text",
                    }
                    placeholder=move || is_date.then(|| state.t(Ui::DateHint))
                    aria-invalid=invalid
                    aria-describedby=problems_id
                    prop:value=as_text
                    on:input=move |event| {
                        let text = event_target_value(&event);
                        let trimmed = text.trim();
                        let value = if trimmed.is_empty() && field.optional {
                            None
                        } else {
                            Some(match field.control {
                                Control::Whole { .. } => trimmed
                                    .parse::<i64>()
                                    .map(Value::from)
                                    .unwrap_or(Value::String(text.clone())),
                                Control::Decimal => trimmed
                                    .parse::<f64>()
                                    .ok()
                                    .and_then(|number| serde_json::Number::from_f64(number).map(Value::Number))
                                    .unwrap_or(Value::String(text.clone())),
                                Control::Date => Value::String(trimmed.to_owned()),
                                _ => Value::String(text.clone()),
                            })
                        };
                        place.write(true, value);
                    }
                />
                {is_date.then(|| view! { <span class="hint">{precision}</span> })}
            }
            .into_any()
        }
    }
}

/// Texts a person writes at length get a box of several lines; names get one line.
fn is_long(key: &str) -> bool {
    !matches!(
        key.rsplit('.').next(),
        Some("title" | "name" | "label" | "publisher" | "venue" | "relation")
    )
}

/// A text in English and Lao side by side, with the Lao's status and, when sourced, its
/// sources.
#[component]
fn TextControl(
    place: Place,
    field: &'static Field,
    has_problems: impl Fn() -> bool + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let state = place.state;
    let text = move || text_of(place.read().as_ref());
    let write = move |typing: bool, change: Box<dyn FnOnce(&mut Text)>| {
        let mut text = text();
        change(&mut text);
        if text.lo.as_deref().is_some_and(|lo| lo.trim().is_empty()) {
            text.lo = None;
        }
        if text.lo.is_none() {
            text.lo_status = None;
            text.lo_sources.clear();
        }
        let empty = text.en.is_empty() && text.lo.is_none();
        let value = if empty && field.optional {
            None
        } else {
            Some(text_value(&text))
        };
        place.write(typing, value);
    };
    let id = place.id();
    let (id_lo, id_status) = (format!("{id}-lo"), format!("{id}-status"));
    let label =
        move |which: Ui| format!("{} ({})", label_in(state.lang.get(), field), state.t(which));
    let invalid = move || has_problems().to_string();
    let long = is_long(field.key);
    let editor = move |id: String, lang: Lang| {
        let value = move || {
            let text = text();
            match lang {
                Lang::En => text.en,
                Lang::Lo => text.lo.unwrap_or_default(),
            }
        };
        let on_input = move |event: leptos::ev::Event| {
            let typed = event_target_value(&event);
            write(
                true,
                Box::new(move |text| match lang {
                    Lang::En => text.en = typed,
                    Lang::Lo => text.lo = Some(typed),
                }),
            );
        };
        if long {
            view! { <textarea id=id lang=lang.code() rows="3" aria-invalid=invalid prop:value=value on:input=on_input /> }
                .into_any()
        } else {
            view! { <input type="text" id=id lang=lang.code() aria-invalid=invalid prop:value=value on:input=on_input /> }
                .into_any()
        }
    };
    let status = move || text().lao_status();
    let sourced = move || status() == Some(LaoStatus::Sourced);
    view! {
        <fieldset class="text-field">
            <legend>{move || label_in(state.lang.get(), field)}</legend>
            <div class="pair">
                <div>
                    <label for=id.clone()>{move || label(Ui::English)}</label>
                    {editor(id.clone(), Lang::En)}
                </div>
                <div>
                    <label for=id_lo.clone()>{move || label(Ui::Lao)}</label>
                    {editor(id_lo.clone(), Lang::Lo)}
                </div>
            </div>
            <div class="status-row">
                <label for=id_status.clone()>{move || state.t(Ui::LaoStatus)}</label>
                <select
                    id=id_status
                    disabled=move || status().is_none()
                    on:change=move |event| {
                        let code = event_target_value(&event);
                        write(false, Box::new(move |text| text.lo_status = LaoStatus::from_code(&code)));
                    }
                >
                    <Show when=move || status().is_none()>
                        <option value="" selected>{move || state.t(Ui::StatusMissing)}</option>
                    </Show>
                    {[(LaoStatus::Unreviewed, Ui::StatusUnreviewed), (LaoStatus::Reviewed, Ui::StatusReviewed), (LaoStatus::Sourced, Ui::StatusSourced)]
                        .into_iter()
                        .map(|(code, name)| view! {
                            <option value=code.code() selected=move || status() == Some(code)>{move || state.t(name)}</option>
                        })
                        .collect_view()}
                </select>
            </div>
            <Show when=sourced>
                <LaoSources place field write />
            </Show>
        </fieldset>
    }
}

#[component]
fn LaoSources(
    place: Place,
    field: &'static Field,
    write: impl Fn(bool, Box<dyn FnOnce(&mut Text)>) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let state = place.state;
    let ids = Signal::derive(move || text_of(place.read().as_ref()).lo_sources);
    let set = move |ids: Vec<String>| write(false, Box::new(move |text| text.lo_sources = ids));
    let _ = field;
    view! {
        <Picker
            id=format!("{}-lo-sources", place.id())
            label=Signal::derive(move || state.t(Ui::LaoSources).to_owned())
            target=Target::Kind(iom_lao_explorer::core::kinds::ItemKind::Source)
            single=false
            ids
            set
        />
    }
}

/// References to other items, by their names.
#[component]
fn RefsControl(place: Place, field: &'static Field, target: Target, single: bool) -> impl IntoView {
    let state = place.state;
    let ids = Signal::derive(move || match place.read() {
        Some(Value::String(id)) if !id.is_empty() => vec![id],
        Some(Value::Array(list)) => list
            .iter()
            .map(|id| id.as_str().map_or_else(|| id.to_string(), str::to_owned))
            .collect(),
        _ => Vec::new(),
    });
    let set = move |ids: Vec<String>| {
        let value = if single {
            match ids.into_iter().last() {
                Some(id) => Some(Value::String(id)),
                None if field.optional => None,
                None => Some(Value::String(String::new())),
            }
        } else {
            Some(Value::Array(ids.into_iter().map(Value::String).collect()))
        };
        place.write(false, value);
    };
    view! {
        <Picker
            id=place.id()
            label=Signal::derive(move || label_in(state.lang.get(), field).to_owned())
            target
            single
            ids
            set
        />
    }
}

/// The chosen items as named chips with a remove button each, and a box to add one by name
/// or id (the browser's own suggestion list).
#[component]
fn Picker(
    id: String,
    label: Signal<String>,
    target: Target,
    single: bool,
    ids: Signal<Vec<String>>,
    set: impl Fn(Vec<String>) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let state = expect_context::<EditorState>();
    let derived = expect_context::<Derived>();
    let list_id = format!("{id}-choices");
    let label_id = format!("{id}-label");
    let group_label = label_id.clone();
    let unknown = RwSignal::new(None::<String>);
    let name_of = move |id: &str| {
        let lang = state.lang.get();
        derived.known.with(|known| {
            known
                .iter()
                .find(|known| known.id == id)
                .map(|known| known.title.get(lang).text.to_owned())
        })
    };
    let add = move |typed: String| {
        let typed = typed.trim().to_owned();
        if typed.is_empty() {
            return;
        }
        let found: Option<String> = derived.known.with(|known| {
            let accepted = || known.iter().filter(|known| offers(target, known));
            accepted()
                .find(|known: &&Known| known.id == typed)
                .or_else(|| accepted().find(|known| known.title.all().any(|title| title == typed)))
                .map(|known| known.id.clone())
        });
        match found {
            Some(found) => {
                unknown.set(None);
                let mut chosen = if single {
                    Vec::new()
                } else {
                    ids.get_untracked()
                };
                if !chosen.contains(&found) {
                    chosen.push(found);
                }
                set(chosen);
            }
            None => unknown.set(Some(typed)),
        }
    };
    view! {
        <div class="picker" role="group" aria-labelledby=group_label>
            <span class="picker-label" id=label_id>{move || label.get()}</span>
            <ul class="chips">
                {move || ids.get().into_iter().map(|chosen| {
                    let name = name_of(&chosen);
                    let shown = name.clone().unwrap_or_else(|| chosen.clone());
                    let remove_label = fill(state.t(Ui::Remove), &shown);
                    let without = chosen.clone();
                    view! {
                        <li>
                            <span class="chip-name">{shown}</span>
                            {name.is_some().then(|| view! { <span class="id">{chosen.clone()}</span> })}
                            <button
                                type="button"
                                aria-label=remove_label.clone()
                                title=remove_label
                                on:click=move |_| {
                                    let kept = ids.get_untracked().into_iter().filter(|id| *id != without).collect();
                                    set(kept);
                                }
                            >
                                "×"
                            </button>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <div class="picker-add">
                <input
                    type="text"
                    id=id
                    list=list_id.clone()
                    aria-label=move || format!("{}: {}", label.get(), state.t(Ui::AddReference))
                    on:change=move |event| {
                        let typed = event_target_value(&event);
                        add(typed);
                        if unknown.get_untracked().is_none() {
                            if let Some(input) = event_target::<web_sys::HtmlInputElement>(&event).into() {
                                let input: web_sys::HtmlInputElement = input;
                                input.set_value("");
                            }
                        }
                    }
                />
                <datalist id=list_id>
                    {move || {
                        let lang = state.lang.get();
                        derived.known.with(|known| {
                            known
                                .iter()
                                .filter(|known| offers(target, known))
                                .map(|known| view! { <option value=known.id.clone()>{known.title.get(lang).text.to_owned()}</option> })
                                .collect_view()
                        })
                    }}
                </datalist>
            </div>
            {move || unknown.get().map(|typed| view! { <p class="field-problem" role="alert">{fill(state.t(Ui::UnknownItem), &typed)}</p> })}
        </div>
    }
}
