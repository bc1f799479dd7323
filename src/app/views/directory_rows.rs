//! The partner directory's rows, kept by partner instead of being rebuilt.
//!
//! A keystroke that narrows the search takes rows out; one that widens it puts rows back; a new
//! order moves them. Rows are plain table rows made straight with the DOM, each partner's made
//! once per language, and their buttons carry the item's id for the table's one click handler:
//! no listener or reactive text per button. (Leptos's keyed `<For>` does the same for 5.6 KB
//! of Wasm.)

use leptos::prelude::*;

use super::Data;
use crate::app::state::AppState;
use crate::core::i18n::t;
use crate::core::index::{ItemKind, ItemRef};
use crate::core::items::{self, partner_kind_label};
use crate::core::text::Lang;
use crate::core::Snapshot;

struct Row {
    element: web_sys::Element,
    attached: bool,
    /// The last drawing that showed it.
    drawing: u32,
}

#[derive(Default)]
struct Rows {
    /// By partner, in the language `lang`.
    slots: Vec<Option<Row>>,
    lang: Option<Lang>,
    /// The partners whose rows are in the document.
    shown: Vec<usize>,
    count: u32,
}

/// Keeps the rows of `partners` (partner indices, in order) in `body`.
pub fn keep_rows(body: NodeRef<leptos::html::Tbody>, partners: Memo<Vec<usize>>, data: Data) {
    let state = expect_context::<AppState>();
    let rows = StoredValue::new_local(Rows::default());
    Effect::new(move |_| {
        let Some(body) = body.get() else {
            return;
        };
        let lang = state.lang();
        let document = document();
        partners.with(|partners| {
            rows.update_value(|rows| {
                if rows.lang != Some(lang) {
                    // Every row's text changes with the language: start again.
                    rows.lang = Some(lang);
                    body.set_text_content(None);
                    rows.slots.clear();
                    rows.shown.clear();
                }
                rows.slots
                    .resize_with(data.snapshot.partners.len(), || None);
                rows.count += 1;
                let count = rows.count;
                // Each row goes before `next`, the node that follows the rows placed so far:
                // a row already in place is passed over, any other is moved or inserted there.
                let mut next = body.first_child();
                for &i in partners {
                    let row = rows.slots[i].get_or_insert_with(|| Row {
                        element: build(&document, &data, i, lang),
                        attached: false,
                        drawing: 0,
                    });
                    row.drawing = count;
                    row.attached = true;
                    let node: &web_sys::Node = &row.element;
                    if next.as_ref() == Some(node) {
                        next = node.next_sibling();
                    } else {
                        let _ = body.insert_before(node, next.as_ref());
                    }
                }
                for &i in &rows.shown {
                    if let Some(gone) = rows.slots[i].as_mut().filter(|r| r.drawing != count) {
                        gone.attached = false;
                        gone.element.remove();
                    }
                }
                rows.shown = partners.clone();
            });
        });
    });
}

/// An HTML element with `attributes`.
fn element(
    document: &web_sys::Document,
    tag: &str,
    attributes: &[(&str, &str)],
) -> web_sys::Element {
    super::dom_element(
        document,
        Some("http://www.w3.org/1999/xhtml"),
        tag,
        attributes,
    )
}

/// A button that opens `item`, named in `lang` (its text marked with its own language where
/// it falls back to English, so that screen readers switch voice).
fn button(
    document: &web_sys::Document,
    s: &Snapshot,
    item: ItemRef,
    lang: Lang,
) -> web_sys::Element {
    let button = element(
        document,
        "button",
        &[
            ("type", "button"),
            ("class", "iom-item-link"),
            ("data-id", items::id(s, item)),
        ],
    );
    let title = items::title(s, item);
    let shown = title.get(lang);
    let text = element(document, "span", &[("class", "iom-tx")]);
    if shown.lang != lang {
        let _ = text.set_attribute("lang", shown.lang.code());
    }
    text.set_text_content(Some(shown.text));
    let _ = button.append_child(&text);
    button
}

/// Partner `i`'s row: name, kind, thematic areas, provinces and years of work.
fn build(document: &web_sys::Document, data: &Data, i: usize, lang: Lang) -> web_sys::Element {
    let s = &*data.snapshot;
    let item = ItemRef::new(ItemKind::Partner, i);
    let links = data.index.links(item);
    let row = element(document, "tr", &[]);
    let cell = |tag: &str, attributes: &[(&str, &str)]| {
        let cell = element(document, tag, attributes);
        let _ = row.append_child(&cell);
        cell
    };
    let _ = cell("th", &[("scope", "row")]).append_child(&button(document, s, item, lang));
    cell("td", &[]).set_text_content(Some(t(lang, partner_kind_label(s.partners[i].kind))));
    for (kind, indices) in [
        (ItemKind::Theme, &links.themes),
        (ItemKind::Province, &links.provinces),
    ] {
        let list = element(document, "ul", &[("class", "iom-inline-list")]);
        for &j in indices {
            let entry = element(document, "li", &[]);
            let _ = entry.append_child(&button(document, s, ItemRef::new(kind, j), lang));
            let _ = list.append_child(&entry);
        }
        let _ = cell("td", &[]).append_child(&list);
    }
    let years = data.index.partner_years[i]
        .map(|y| {
            if y.from == y.to {
                y.from.to_string()
            } else {
                format!("{}–{}", y.from, y.to)
            }
        })
        .unwrap_or_else(|| "–".to_owned());
    cell("td", &[]).set_text_content(Some(&years));
    row
}
