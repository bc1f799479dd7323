//! The partner directory's rows, kept by partner instead of being rebuilt.
//!
//! A keystroke that narrows the search takes rows out; one that widens it puts rows back; a new
//! order moves them. Rows are plain table rows made straight with the DOM, each partner's made
//! once per language, and their buttons carry the item's id for the table's one click handler:
//! no listener or reactive text per button. (Leptos's keyed `<For>` does the same for 5.6 KB
//! of Wasm.)

use leptos::prelude::*;

use crate::app::state::AppState;
use crate::app::views::widgets::dom::html_element as element;
use crate::app::views::Data;
use crate::core::i18n::t;
use crate::core::items::{self, partner_kind_label};
use crate::core::keyed::{Keyed, Order};
use crate::core::kinds::{ItemKind, ItemRef};
use crate::core::text::Lang;
use crate::core::Snapshot;

/// The rows made so far, by partner, and the language they are written in.
#[derive(Default)]
struct Rows {
    by_partner: Keyed<usize, web_sys::Element>,
    lang: Option<Lang>,
}

/// Keeps the rows of `partners` (partner indices, in order) in `body`.
pub fn keep_rows(body: NodeRef<leptos::html::Tbody>, partners: Memo<Vec<usize>>, data: Data) {
    let state = expect_context::<AppState>();
    let rows = StoredValue::new_local(Rows::default());
    Effect::new(move |_| {
        let Some(body) = body.get() else {
            return;
        };
        let body: &web_sys::Element = body.as_ref();
        let lang = state.lang();
        let document = document();
        partners.with(|partners| {
            rows.update_value(|rows| {
                if rows.lang != Some(lang) {
                    // Every row's text changes with the language: start again.
                    rows.lang = Some(lang);
                    rows.by_partner.clear(body, |row| row);
                }
                rows.by_partner.sync(
                    body,
                    partners.iter().map(|&i| (i, i)),
                    Order::Given,
                    |&i| build(&document, &data, i, lang),
                    |_, _| {},
                    |row| row,
                );
            });
        });
    });
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
