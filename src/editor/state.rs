//! The editor's state: the draft and what it was opened from, its checks, the undo history,
//! the selection, and keeping the draft in the browser. Views change the draft only through
//! [`EditorState::edit`], so every change is undoable, checked and kept.

use std::sync::Arc;

use leptos::prelude::*;
use serde_json::Value;

use iom_lao_editor::core::draft::check;
use iom_lao_editor::core::ui_text::{ui, Ui};
use iom_lao_explorer::core::{load_snapshot, Lang, Problem, Snapshot};

use crate::store::{self, Kept};

/// The draft as the explorer's loader sees it.
#[derive(Clone)]
pub struct Checked {
    /// The snapshot, when the explorer would accept the draft.
    pub snapshot: Option<Arc<Snapshot>>,
    pub problems: Arc<Vec<Problem>>,
}

impl PartialEq for Checked {
    fn eq(&self, _: &Self) -> bool {
        // A new check always follows a change of the draft.
        false
    }
}

/// What the main area shows.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Items,
    Translations,
}

/// The item being edited.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Selected {
    /// Index in [`COLLECTIONS`].
    pub collection: usize,
    pub item: Option<usize>,
}

/// A message to the person, in the interface language.
#[derive(Clone, PartialEq)]
pub struct Notice {
    pub text: String,
    /// Details, e.g. every problem of a refused file.
    pub details: Vec<String>,
    pub is_problem: bool,
}

/// Edits within this time of each other in one field are one step of the undo history.
const TYPING_MS: f64 = 1500.0;
const MAX_UNDO: usize = 200;

#[derive(Clone, Copy)]
pub struct EditorState {
    pub lang: RwSignal<Lang>,
    /// `None` until a snapshot is open.
    pub draft: RwSignal<Option<Value>>,
    pub original: RwSignal<String>,
    pub opened_from: RwSignal<String>,
    /// The draft when last downloaded (or opened): what "changes not downloaded" compares with.
    pub baseline: RwSignal<Option<Value>>,
    pub checked: Memo<Option<Checked>>,
    check_due: RwSignal<u32>,
    check_generation: StoredValue<u32>,
    /// The opened file as a snapshot (when it was one the explorer accepts), for the changes.
    pub opened: Memo<Option<Arc<Snapshot>>>,
    pub mode: RwSignal<Mode>,
    pub selected: RwSignal<Selected>,
    /// A field to bring into view and focus once the form draws it (its element id).
    pub focus: RwSignal<Option<String>>,
    pub notice: RwSignal<Option<Notice>>,
    /// Whether the draft is kept in the browser (`None` while saving).
    pub kept: RwSignal<Option<bool>>,
    undo: StoredValue<Vec<Value>>,
    redo: StoredValue<Vec<Value>>,
    pub history: RwSignal<(usize, usize)>,
    last_edit: StoredValue<Option<(String, f64)>>,
    save_generation: StoredValue<u32>,
}

impl EditorState {
    pub fn new() -> Self {
        let draft = RwSignal::new(None::<Value>);
        let original = RwSignal::new(String::new());
        // Checked a moment after typing pauses, not on every key: a check of the whole
        // snapshot takes about 20 ms here, four times that on a slow phone.
        let check_due = RwSignal::new(0_u32);
        let checked = Memo::new(move |_| {
            check_due.track();
            draft.with_untracked(|draft| {
                draft.as_ref().map(|root| match check(root) {
                    Ok(snapshot) => Checked {
                        snapshot: Some(Arc::new(snapshot)),
                        problems: Arc::new(Vec::new()),
                    },
                    Err(problems) => Checked {
                        snapshot: None,
                        problems: Arc::new(problems),
                    },
                })
            })
        });
        let opened =
            Memo::new(move |_| original.with(|text| load_snapshot(text).ok().map(Arc::new)));
        EditorState {
            lang: RwSignal::new(initial_lang()),
            draft,
            original,
            opened_from: RwSignal::new(String::new()),
            baseline: RwSignal::new(None),
            checked,
            opened,
            check_due,
            check_generation: StoredValue::new(0),
            mode: RwSignal::new(Mode::Items),
            selected: RwSignal::new(Selected {
                collection: 1,
                item: Some(0),
            }),
            focus: RwSignal::new(None),
            notice: RwSignal::new(None),
            kept: RwSignal::new(Some(true)),
            undo: StoredValue::new(Vec::new()),
            redo: StoredValue::new(Vec::new()),
            history: RwSignal::new((0, 0)),
            last_edit: StoredValue::new(None),
            save_generation: StoredValue::new(0),
        }
    }

    pub fn t(&self, key: Ui) -> &'static str {
        ui(self.lang.get(), key)
    }

    /// Starts editing `text`, opened from `from`: a new draft with no history.
    pub fn open(&self, text: String, root: Value, from: String) {
        self.undo.set_value(Vec::new());
        self.redo.set_value(Vec::new());
        self.history.set((0, 0));
        self.last_edit.set_value(None);
        self.original.set(text);
        self.opened_from.set(from);
        self.baseline.set(Some(root.clone()));
        self.draft.set(Some(root));
        self.check_now();
        self.selected.set(Selected {
            collection: 1,
            item: Some(0),
        });
        self.keep();
    }

    /// Takes back a kept draft.
    pub fn restore(&self, kept: Kept) -> bool {
        let (Ok(draft), Ok(baseline)) = (
            serde_json::from_str::<Value>(&kept.draft),
            serde_json::from_str::<Value>(&kept.baseline),
        ) else {
            return false;
        };
        self.original.set(kept.original);
        self.opened_from.set(kept.opened_from);
        self.baseline.set(Some(baseline));
        self.draft.set(Some(draft));
        self.check_now();
        true
    }

    /// Changes the draft. `field` names what is typed into (an element id), so that typing in
    /// one field is one step to undo; `None` for a change that is a step of its own.
    pub fn edit(&self, field: Option<&str>, change: impl FnOnce(&mut Value)) {
        let now = js_sys::Date::now();
        let continues = match (field, self.last_edit.get_value()) {
            (Some(field), Some((last, at))) => last == field && now - at < TYPING_MS,
            _ => false,
        };
        self.last_edit
            .set_value(field.map(|field| (field.to_owned(), now)));
        self.draft.update(|draft| {
            let Some(root) = draft else {
                return;
            };
            if !continues {
                self.undo.update_value(|undo| {
                    undo.push(root.clone());
                    if undo.len() > MAX_UNDO {
                        undo.remove(0);
                    }
                });
                self.redo.update_value(Vec::clear);
            }
            change(root);
        });
        if continues {
            self.check_soon();
        } else {
            self.check_now();
        }
        self.count_history();
        self.keep();
    }

    pub fn undo(&self) {
        self.step(true);
    }

    pub fn redo(&self) {
        self.step(false);
    }

    fn step(&self, back: bool) {
        let (from, to) = if back {
            (self.undo, self.redo)
        } else {
            (self.redo, self.undo)
        };
        let Some(previous) = from.try_update_value(Vec::pop).flatten() else {
            return;
        };
        self.last_edit.set_value(None);
        self.draft.update(|draft| {
            if let Some(current) = draft.replace(previous) {
                to.update_value(|stack| stack.push(current));
            }
        });
        self.check_now();
        self.count_history();
        self.keep();
    }

    /// Checks the draft now (before it is downloaded or exported: typing may not be checked yet).
    pub fn check_now(&self) {
        self.check_generation
            .update_value(|generation| *generation += 1);
        self.check_due.update(|due| *due += 1);
    }

    /// Checks the draft once typing pauses.
    fn check_soon(&self) {
        let generation = self.check_generation.get_value() + 1;
        self.check_generation.set_value(generation);
        let state = *self;
        set_timeout(
            move || {
                if state.check_generation.get_value() == generation {
                    state.check_due.update(|due| *due += 1);
                }
            },
            std::time::Duration::from_millis(150),
        );
    }

    fn count_history(&self) {
        let counts = (
            self.undo.with_value(Vec::len),
            self.redo.with_value(Vec::len),
        );
        self.history.set(counts);
    }

    /// Whether the draft differs from what was last downloaded or opened.
    pub fn unsaved(&self) -> bool {
        self.draft
            .with(|draft| self.baseline.with(|baseline| draft != baseline))
    }

    /// Keeps the draft in the browser and hands it to the preview, a moment after the last
    /// change (typing is not saved on every key).
    fn keep(&self) {
        let generation = self.save_generation.get_value() + 1;
        self.save_generation.set_value(generation);
        self.kept.set(None);
        let state = *self;
        set_timeout(
            move || {
                if state.save_generation.get_value() != generation {
                    return;
                }
                let Some(kept) = state.what_to_keep() else {
                    return;
                };
                leptos::task::spawn_local(async move {
                    let saved = store::save(&kept).await;
                    crate::files::publish_preview(&kept.draft).await;
                    if state.save_generation.get_value() == generation {
                        state.kept.set(Some(saved));
                    }
                });
            },
            std::time::Duration::from_millis(300),
        );
    }

    fn what_to_keep(&self) -> Option<Kept> {
        let draft = self.draft.with_untracked(|draft| {
            draft
                .as_ref()
                .and_then(|root| serde_json::to_string(root).ok())
        })?;
        let baseline = self.baseline.with_untracked(|baseline| {
            baseline
                .as_ref()
                .and_then(|root| serde_json::to_string(root).ok())
        })?;
        Some(Kept {
            draft,
            original: self.original.get_untracked(),
            opened_from: self.opened_from.get_untracked(),
            baseline,
        })
    }

    /// Marks the current draft as downloaded.
    pub fn downloaded(&self) {
        self.baseline.set(self.draft.get_untracked());
        self.keep();
    }

    /// Shows an item and, once drawn, focuses `field` of it.
    pub fn go_to(&self, collection: usize, item: Option<usize>, field: Option<&str>) {
        self.mode.set(Mode::Items);
        self.selected.set(Selected { collection, item });
        self.focus.set(Some(field_element_id(field.unwrap_or(""))));
    }

    /// How an item is named in lists (its title in `lang`, or its id), read from the draft.
    pub fn item_title(&self, collection: usize, item: usize, lang: Lang) -> String {
        let collection = iom_lao_editor::core::fields::COLLECTIONS[collection];
        self.draft.with(|root| {
            root.as_ref()
                .and_then(|root| iom_lao_editor::core::draft::item(root, collection, item))
                .map(|value| iom_lao_editor::core::draft::title_of(value, collection, lang))
                .unwrap_or_default()
        })
    }

    /// The draft as a snapshot the explorer accepts, checked now (typing may not be checked
    /// yet); `None` when it has problems.
    pub fn accepted_snapshot(&self) -> Option<Arc<Snapshot>> {
        self.check_now();
        self.checked
            .get_untracked()
            .and_then(|checked| checked.snapshot)
    }

    pub fn say(&self, text: String, details: Vec<String>, is_problem: bool) {
        self.notice.set(Some(Notice {
            text,
            details,
            is_problem,
        }));
    }
}

/// The element id of a field's first control (`f-launch-date`), or of the form for `""`.
pub fn field_element_id(key: &str) -> String {
    if key.is_empty() {
        return "editor-form".to_owned();
    }
    format!("f-{}", key.replace('.', "-"))
}

fn initial_lang() -> Lang {
    let query = web_sys::window()
        .and_then(|window| window.location().search().ok())
        .unwrap_or_default();
    form_urlencoded::parse(query.trim_start_matches('?').as_bytes())
        .find(|(key, _)| key == "lang")
        .and_then(|(_, value)| Lang::from_code(&value))
        .unwrap_or_default()
}
