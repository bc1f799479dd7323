//! The translation sheet: every text a visitor reads, as a CSV file a translator opens in a
//! spreadsheet, fills in the Lao column of, and gives back to be read into the snapshot.
//!
//! Columns: `id` (the item's id; `strategy` for the strategy's texts), `field` (`title`,
//! `summary`, `launch.venue`, `story.narrative`...), `english`, `lao`, `status` (`sourced`,
//! `reviewed`, `unreviewed`, or `missing` when there is no Lao). The texts are the kinds
//! table's (`core/kinds.rs`), the strategy's and the story's, as the Lao coverage counts them.
//!
//! Reading a sheet back changes only the Lao and its status, and only where the translator
//! changed them. A row whose English is no longer the snapshot's is refused (its Lao may
//! translate the old text), and the sheet never makes Lao `sourced` nor changes sourced Lao:
//! that names the Lao sources that publish it, which is done in the editor. Every problem is
//! reported, with its row as the spreadsheet numbers it (the header is row 1), and nothing
//! is applied until the whole sheet is good.

use std::collections::hash_map::Entry::{Occupied, Vacant};
use std::collections::HashMap;
use std::fmt;

use iom_lao_explorer::core::export::{inert, runs_as_formula, BOM};
use iom_lao_explorer::core::kinds::ItemKind;
use iom_lao_explorer::core::model::Snapshot;
use iom_lao_explorer::core::problem::{child, index};
use iom_lao_explorer::core::text::{has_lao_script, LaoStatus, Text};
use iom_lao_explorer::core::validate::validate;

/// The sheet's columns, in the order it writes them (a sheet read back may order them
/// differently and add its own).
pub const COLUMNS: [&str; 5] = ["id", "field", "english", "lao", "status"];

/// The id of the strategy's texts.
pub const STRATEGY_ID: &str = "strategy";

/// The status written for a text with no Lao.
const MISSING: &str = "missing";

/// One text of the sheet: what names it there, where it is in the snapshot, and what it says.
struct Entry<'a> {
    id: String,
    field: String,
    /// The text's JSON pointer in the snapshot (`/events/3/title`), to write it back.
    pointer: String,
    text: &'a Text,
}

/// Every visitor text, in the snapshot's order: the strategy, the items of each kind, the
/// story.
fn entries(s: &Snapshot) -> Vec<Entry<'_>> {
    let mut entries = Vec::new();
    let mut add = |id: &str, field: String, pointer: String, text| {
        entries.push(Entry {
            id: id.to_owned(),
            field,
            pointer,
            text,
        })
    };
    let strategy = &s.strategy;
    for (field, text) in [
        ("title", &strategy.title),
        ("vision", &strategy.vision),
        ("goal", &strategy.goal),
        ("summary", &strategy.summary),
    ] {
        add(
            STRATEGY_ID,
            field.to_owned(),
            format!("/strategy/{field}"),
            text,
        );
    }
    for (field, text) in [
        ("venue", &strategy.launch.venue),
        ("attendance", &strategy.launch.attendance),
    ] {
        let pointer = format!("/strategy/launch/{field}");
        add(STRATEGY_ID, format!("launch.{field}"), pointer, text);
    }
    for (i, alignment) in strategy.alignment.iter().enumerate() {
        let field = format!("alignment.{}.relation", alignment.framework);
        let pointer = format!("/strategy/alignment/{i}/relation");
        add(STRATEGY_ID, field, pointer, &alignment.relation);
    }
    for kind in ItemKind::ALL {
        let info = kind.describe();
        for i in 0..(info.len)(s) {
            for (field, text) in (info.texts)(s, i) {
                let pointer = format!("/{}/{i}/{field}", info.collection);
                add((info.id)(s, i), field.to_owned(), pointer, text);
            }
        }
    }
    for (i, step) in s.story.iter().enumerate() {
        if let Some(narrative) = &step.narrative {
            let pointer = format!("/story/{i}/narrative");
            add(&step.item, "story.narrative".to_owned(), pointer, narrative);
        }
    }
    // A framework aligned twice, or an item told twice in the story, would repeat a row's
    // name: the later ones are numbered so that every row names one text.
    let mut seen: HashMap<(String, String), usize> = HashMap::new();
    for entry in &mut entries {
        let count = seen
            .entry((entry.id.clone(), entry.field.clone()))
            .or_default();
        *count += 1;
        if *count > 1 {
            entry.field = format!("{} ({count})", entry.field);
        }
    }
    entries
}

/// The sheet of `snapshot`: UTF-8 with a byte-order mark (so spreadsheets read the Lao), one
/// row per visitor text, cells that a spreadsheet would run as formulas written as text.
pub fn export(snapshot: &Snapshot) -> String {
    let mut out = csv::Writer::from_writer(Vec::new());
    // Writing to memory cannot fail.
    let _ = out.write_record(COLUMNS);
    for entry in entries(snapshot) {
        let text = entry.text;
        let status = text.lao_status().map_or(MISSING, LaoStatus::code);
        let lao = text.lo.as_deref().unwrap_or_default();
        let cells = [
            entry.id.as_str(),
            entry.field.as_str(),
            text.en.as_str(),
            lao,
            status,
        ];
        let _ = out.write_record(cells.map(|cell| inert(cell).into_owned()));
    }
    let bytes = out.into_inner().unwrap_or_default();
    format!("{BOM}{}", String::from_utf8_lossy(&bytes))
}

/// A sheet read into a snapshot.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    /// A copy of the snapshot with the sheet's Lao and statuses.
    pub snapshot: Snapshot,
    /// How many texts the sheet changed (0 when it is as it was exported).
    pub changed: usize,
}

/// Why a sheet, or one of its rows, cannot be read into the snapshot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SheetProblem {
    /// The file is not UTF-8 (a spreadsheet's "CSV" rather than "CSV UTF-8").
    NotUtf8 {
        byte: usize,
    },
    Empty,
    /// Row 1 does not name these columns.
    MissingColumns {
        missing: Vec<&'static str>,
    },
    /// A row that is not CSV (the reader's reason).
    Unreadable {
        row: usize,
        reason: String,
    },
    /// A row about one text.
    Row {
        row: usize,
        id: String,
        field: String,
        problem: RowProblem,
    },
    /// The changes could not be written into the snapshot (a bug: nothing was applied).
    NotApplied {
        reason: String,
    },
}

/// What is wrong with one row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowProblem {
    /// The snapshot has no text with this id and field.
    UnknownText,
    /// Another row already holds this text.
    Repeated {
        first_row: usize,
    },
    /// The English changed since the sheet was exported: its Lao may translate the old text.
    EnglishChanged {
        in_sheet: String,
        in_snapshot: String,
    },
    /// The Lao cell has no Lao letters (Latin, Thai, or letters a spreadsheet lost).
    NoLaoLetters {
        lao: String,
    },
    UnknownStatus {
        status: String,
    },
    /// A status of `reviewed` or `unreviewed` with an empty Lao cell.
    StatusWithoutLao {
        status: String,
    },
    /// The Lao cell is empty where the snapshot has Lao.
    LaoRemoved,
    /// The sheet marks Lao as sourced.
    SetsSourced,
    /// The sheet changes sourced Lao, or its status.
    ChangesSourced,
    /// The new Lao breaks one of the snapshot's rules (the checker's message).
    BreaksRule {
        rule: String,
    },
}

impl fmt::Display for SheetProblem {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            SheetProblem::NotUtf8 { byte } => write!(
                f,
                "The file is not UTF-8 text (byte {byte}), so its Lao cannot be read: save it from the spreadsheet as \"CSV UTF-8\"."
            ),
            SheetProblem::Empty => f.write_str("The file is empty."),
            SheetProblem::MissingColumns { missing } => write!(
                f,
                "Row 1 must name the columns {}; it has no {} column. Keep the first row as it was exported.",
                COLUMNS.join(", "),
                missing.join(", no ")
            ),
            SheetProblem::Unreadable { row, reason } => {
                write!(f, "Row {row} cannot be read: {reason}.")
            }
            SheetProblem::Row {
                row,
                id,
                field,
                problem,
            } if id.is_empty() && field.is_empty() => write!(f, "Row {row}: {problem}"),
            SheetProblem::Row {
                row,
                id,
                field,
                problem,
            } => write!(f, "Row {row} ({id}, {field}): {problem}"),
            SheetProblem::NotApplied { reason } => write!(
                f,
                "The sheet is good but could not be written into the snapshot ({reason}); nothing was changed. Please report this."
            ),
        }
    }
}

impl fmt::Display for RowProblem {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            RowProblem::UnknownText => f.write_str(
                "the snapshot has no text with this id and field. Keep the id and field cells as they were exported.",
            ),
            RowProblem::Repeated { first_row } => write!(
                f,
                "this text is already in row {first_row}. Keep one row per text."
            ),
            RowProblem::EnglishChanged {
                in_sheet,
                in_snapshot,
            } => write!(
                f,
                "the English has changed since the sheet was made, so this Lao may translate the old English. The sheet has \"{in_sheet}\"; the snapshot now has \"{in_snapshot}\". Translate the new English from a new sheet."
            ),
            RowProblem::NoLaoLetters { lao } if lao.contains('?') && !lao.chars().any(char::is_alphabetic) => write!(
                f,
                "the Lao letters were lost (\"{lao}\"): save the sheet as \"CSV UTF-8\"."
            ),
            RowProblem::NoLaoLetters { lao } => write!(
                f,
                "\"{lao}\" has no Lao letters; the lao column holds Lao script (Thai looks alike but is another alphabet)."
            ),
            RowProblem::UnknownStatus { status } => write!(
                f,
                "the status \"{status}\" is not one the sheet knows: write reviewed or unreviewed (sourced and missing are as exported)."
            ),
            RowProblem::StatusWithoutLao { status } => write!(
                f,
                "the status is \"{status}\" but the lao cell is empty."
            ),
            RowProblem::LaoRemoved => f.write_str(
                "the lao cell is empty but the snapshot has Lao for this text. Put the Lao back; a translation is removed in the editor.",
            ),
            RowProblem::SetsSourced => f.write_str(
                "the status cannot be made sourced in the sheet: sourced Lao names the Lao sources that publish it, which is done in the editor. Write reviewed or unreviewed.",
            ),
            RowProblem::ChangesSourced => f.write_str(
                "this Lao is sourced (written as a Lao source publishes it), so the sheet cannot change it or its status. Put the cells back as they were; such a change is made in the editor.",
            ),
            RowProblem::BreaksRule { rule } => {
                write!(f, "the snapshot's checker refuses the new Lao: {rule}.")
            }
        }
    }
}

/// A status cell: spreadsheets may capitalise it or pad it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum StatusCell {
    Blank,
    Missing,
    Lao(LaoStatus),
}

fn status_cell(cell: &str) -> Option<StatusCell> {
    let code = cell.trim().to_lowercase();
    match code.as_str() {
        "" => Some(StatusCell::Blank),
        MISSING => Some(StatusCell::Missing),
        _ => LaoStatus::from_code(&code).map(StatusCell::Lao),
    }
}

/// A cell as it was meant: without the `'` the export put before a formula-like text, and
/// with a spreadsheet's line breaks inside it as in the snapshot.
fn meant(cell: &str) -> String {
    let cell = cell.replace("\r\n", "\n");
    match cell.strip_prefix('\'') {
        Some(rest) if runs_as_formula(rest) => rest.to_owned(),
        _ => cell,
    }
}

/// True when `cell` is `text` as the export wrote it (so `text` starting with `'` followed by
/// `=` is not mistaken for a neutralised cell).
fn as_exported(cell: &str, text: &str) -> bool {
    cell.replace("\r\n", "\n") == inert(text) || meant(cell) == text
}

/// The columns of the sheet, found by name in its first row.
struct Columns {
    id: usize,
    field: usize,
    english: usize,
    lao: usize,
    status: usize,
}

impl Columns {
    fn find(header: &csv::StringRecord) -> Result<Columns, Vec<&'static str>> {
        let position = |name: &str| {
            header.iter().position(|cell| {
                cell.trim_start_matches('\u{feff}')
                    .trim()
                    .eq_ignore_ascii_case(name)
            })
        };
        let found = COLUMNS.map(position);
        match found {
            [Some(id), Some(field), Some(english), Some(lao), Some(status)] => Ok(Columns {
                id,
                field,
                english,
                lao,
                status,
            }),
            _ => Err(COLUMNS
                .into_iter()
                .zip(found)
                .filter(|(_, at)| at.is_none())
                .map(|(name, _)| name)
                .collect()),
        }
    }
}

/// The sheet's rows with its columns, read with the separator its first row uses: a comma, or
/// the semicolon or tab some spreadsheets save with.
fn read_rows(text: &str) -> Result<(Columns, Vec<csv::Result<csv::StringRecord>>), SheetProblem> {
    let mut first_missing = None;
    for separator in [b',', b';', b'\t'] {
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(separator)
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes());
        let mut records = reader.records();
        let header = match records.next() {
            Some(Ok(header)) => header,
            Some(Err(err)) => {
                return Err(SheetProblem::Unreadable {
                    row: 1,
                    reason: err.to_string(),
                })
            }
            None => return Err(SheetProblem::Empty),
        };
        match Columns::find(&header) {
            Ok(columns) => return Ok((columns, records.collect())),
            Err(missing) => {
                first_missing.get_or_insert(missing);
            }
        }
    }
    Err(SheetProblem::MissingColumns {
        missing: first_missing.unwrap_or_default(),
    })
}

/// Reads a translated sheet (with or without a byte-order mark) into a copy of `snapshot`.
/// Every problem is returned, and then nothing is applied.
pub fn import(snapshot: &Snapshot, csv_bytes: &[u8]) -> Result<Imported, Vec<SheetProblem>> {
    let text = std::str::from_utf8(csv_bytes).map_err(|err| {
        vec![SheetProblem::NotUtf8 {
            byte: err.valid_up_to(),
        }]
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(vec![SheetProblem::Empty]);
    }
    let (columns, records) = read_rows(text).map_err(|problem| vec![problem])?;
    let entries = entries(snapshot);
    let updates = updates(&entries, &columns, records)?;
    let result =
        apply(snapshot, &updates).map_err(|reason| vec![SheetProblem::NotApplied { reason }])?;
    let broken = rules_broken(&result, &updates);
    if !broken.is_empty() {
        return Err(broken);
    }
    Ok(Imported {
        snapshot: result,
        changed: updates.len(),
    })
}

/// The texts the rows change, or every problem of every row.
fn updates<'a>(
    entries: &'a [Entry],
    columns: &Columns,
    records: Vec<csv::Result<csv::StringRecord>>,
) -> Result<Vec<Update<'a>>, Vec<SheetProblem>> {
    // By id, then field (looked up by `str`, so the row's cells are not borrowed for long).
    let mut by_name: HashMap<&str, HashMap<&str, &Entry>> = HashMap::new();
    for entry in entries {
        by_name
            .entry(&entry.id)
            .or_default()
            .insert(&entry.field, entry);
    }
    let mut first_rows: HashMap<&str, usize> = HashMap::new();
    let mut problems = Vec::new();
    let mut updates = Vec::new();
    for (i, record) in records.into_iter().enumerate() {
        // The header is row 1; a cell with line breaks is still one row.
        let row = i + 2;
        let record = match record {
            Ok(record) => record,
            Err(err) => {
                problems.push(SheetProblem::Unreadable {
                    row,
                    reason: err.to_string(),
                });
                continue;
            }
        };
        if record.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        let cell = |at: usize| record.get(at).unwrap_or_default();
        let id = meant(cell(columns.id)).trim().to_owned();
        let field = meant(cell(columns.field)).trim().to_owned();
        let found = by_name
            .get(id.as_str())
            .and_then(|fields| fields.get(field.as_str()));
        let outcome = match found {
            None => Err(RowProblem::UnknownText),
            Some(entry) => match first_rows.entry(&entry.pointer) {
                Occupied(first) => Err(RowProblem::Repeated {
                    first_row: *first.get(),
                }),
                Vacant(first) => {
                    first.insert(row);
                    read_row(
                        entry.text,
                        cell(columns.english),
                        cell(columns.lao),
                        cell(columns.status),
                    )
                }
            },
        };
        match (outcome, found) {
            (Ok(Some(text)), Some(entry)) => updates.push(Update {
                row,
                id,
                field,
                pointer: &entry.pointer,
                text,
            }),
            (Ok(_), _) => {}
            (Err(problem), _) => problems.push(SheetProblem::Row {
                row,
                id,
                field,
                problem,
            }),
        }
    }
    if problems.is_empty() {
        Ok(updates)
    } else {
        Err(problems)
    }
}

/// The checker's problems with the new texts (a timeline label's length...), by row; those
/// the snapshot had before are not the sheet's.
fn rules_broken(result: &Snapshot, updates: &[Update]) -> Vec<SheetProblem> {
    validate(result)
        .into_iter()
        .filter_map(|problem| {
            let update = updates.iter().find(|update| {
                let path = json_path(update.pointer);
                problem.path == path || problem.path.starts_with(&format!("{path}."))
            })?;
            Some(SheetProblem::Row {
                row: update.row,
                id: update.id.clone(),
                field: update.field.clone(),
                problem: RowProblem::BreaksRule {
                    rule: problem.message,
                },
            })
        })
        .collect()
}

/// A text the sheet changes, and the row that changes it.
struct Update<'a> {
    row: usize,
    id: String,
    field: String,
    pointer: &'a str,
    text: Text,
}

/// The checker's path (`$.events[3].title`) of a JSON pointer (`/events/3/title`).
fn json_path(pointer: &str) -> String {
    pointer
        .split('/')
        .skip(1)
        .fold(String::from("$"), |path, step| {
            match step.parse::<usize>() {
                Ok(i) => index(&path, i),
                Err(_) => child(&path, step),
            }
        })
}

/// The text a row makes of `current`: `None` when it leaves it as it is.
fn read_row(
    current: &Text,
    english: &str,
    lao: &str,
    status: &str,
) -> Result<Option<Text>, RowProblem> {
    if !as_exported(english, &current.en) {
        return Err(RowProblem::EnglishChanged {
            in_sheet: meant(english),
            in_snapshot: current.en.clone(),
        });
    }
    let status_code = status.trim().to_owned();
    let status = status_cell(status).ok_or_else(|| RowProblem::UnknownStatus {
        status: status_code.clone(),
    })?;
    let current_lao = current.lo.as_deref();
    let lao = match current_lao {
        Some(current_lao) if as_exported(lao, current_lao) => current_lao.to_owned(),
        _ => meant(lao).trim().to_owned(),
    };
    if lao.is_empty() {
        return match (current_lao, status) {
            (Some(_), _) => Err(RowProblem::LaoRemoved),
            (None, StatusCell::Lao(_)) => Err(RowProblem::StatusWithoutLao {
                status: status_code,
            }),
            (None, _) => Ok(None),
        };
    }
    if !has_lao_script(&lao) {
        return Err(RowProblem::NoLaoLetters { lao });
    }
    let unchanged_lao = current_lao == Some(lao.as_str());
    if current.lao_status() == Some(LaoStatus::Sourced) {
        let keeps_status = matches!(
            status,
            StatusCell::Blank | StatusCell::Lao(LaoStatus::Sourced)
        );
        return if unchanged_lao && keeps_status {
            Ok(None)
        } else {
            Err(RowProblem::ChangesSourced)
        };
    }
    let new_status = match status {
        StatusCell::Lao(LaoStatus::Sourced) => return Err(RowProblem::SetsSourced),
        StatusCell::Lao(status) => status,
        // A status left blank (or still "missing" on a new translation) keeps the status of
        // Lao that did not change, and makes new Lao an unreviewed translation.
        StatusCell::Blank | StatusCell::Missing => match current.lao_status() {
            Some(status) if unchanged_lao => status,
            _ => LaoStatus::Unreviewed,
        },
    };
    if unchanged_lao && current.lao_status() == Some(new_status) {
        return Ok(None);
    }
    Ok(Some(Text {
        en: current.en.clone(),
        lo: Some(lao),
        lo_status: Some(new_status),
        lo_sources: current.lo_sources.clone(),
    }))
}

/// A copy of `snapshot` with each text at its pointer replaced. Done through the JSON value so
/// that the kinds table stays the one list of where texts are.
fn apply(snapshot: &Snapshot, updates: &[Update]) -> Result<Snapshot, String> {
    if updates.is_empty() {
        return Ok(snapshot.clone());
    }
    let mut value = serde_json::to_value(snapshot).map_err(|err| err.to_string())?;
    for update in updates {
        let slot = value
            .pointer_mut(update.pointer)
            .ok_or_else(|| format!("no text at {}", update.pointer))?;
        *slot = serde_json::to_value(&update.text).map_err(|err| err.to_string())?;
    }
    serde_json::from_value(value).map_err(|err| err.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::shipped_snapshot as shipped;
    use iom_lao_explorer::core::coverage::{visitor_texts, Coverage};

    fn rows(sheet: &str) -> Vec<Vec<String>> {
        let body = sheet.strip_prefix(BOM).expect("a byte-order mark");
        csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(body.as_bytes())
            .records()
            .map(|record| record.unwrap().iter().map(str::to_owned).collect())
            .collect()
    }

    fn sheet(rows: &[Vec<String>]) -> String {
        let mut out = csv::Writer::from_writer(Vec::new());
        for row in rows {
            out.write_record(row).unwrap();
        }
        format!(
            "{BOM}{}",
            String::from_utf8(out.into_inner().unwrap()).unwrap()
        )
    }

    /// The index of the row of `(id, field)`.
    fn find(rows: &[Vec<String>], id: &str, field: &str) -> usize {
        rows.iter()
            .position(|row| row[0] == id && row[1] == field)
            .unwrap_or_else(|| panic!("no row {id} {field}"))
    }

    /// The rows with a given status, by index.
    fn with_status(rows: &[Vec<String>], status: &str) -> Vec<usize> {
        (1..rows.len()).filter(|&i| rows[i][4] == status).collect()
    }

    fn only_problem(result: Result<Imported, Vec<SheetProblem>>) -> SheetProblem {
        let mut problems = result.unwrap_err();
        assert_eq!(problems.len(), 1, "{problems:?}");
        problems.remove(0)
    }

    #[test]
    fn the_sheet_lists_every_visitor_text_once_with_its_status() {
        let s = shipped();
        let text = export(&s);
        let rows = rows(&text);
        assert_eq!(rows[0], COLUMNS);
        assert_eq!(rows.len() - 1, visitor_texts(&s).len());
        let coverage = Coverage::of(&s);
        assert_eq!(with_status(&rows, "sourced").len(), coverage.sourced);
        assert_eq!(with_status(&rows, "reviewed").len(), coverage.reviewed);
        assert_eq!(with_status(&rows, "unreviewed").len(), coverage.unreviewed);
        assert_eq!(with_status(&rows, "missing").len(), coverage.missing);
        let names: std::collections::HashSet<(&str, &str)> = rows
            .iter()
            .map(|r| (r[0].as_str(), r[1].as_str()))
            .collect();
        assert_eq!(names.len(), rows.len(), "a row name is repeated");
        let title = &rows[find(&rows, STRATEGY_ID, "title")];
        assert_eq!(title[2], s.strategy.title.en);
        assert_eq!(Some(title[3].as_str()), s.strategy.title.lo.as_deref());
        let event = &s.events[0];
        assert_eq!(rows[find(&rows, &event.id, "summary")][2], event.summary.en);
        assert!(rows.iter().any(|r| r[1] == "story.narrative"));
        assert!(rows.iter().any(|r| r[1] == "launch.venue"));
    }

    #[test]
    fn an_unchanged_sheet_changes_nothing_with_or_without_its_byte_order_mark() {
        let s = shipped();
        let text = export(&s);
        let imported = import(&s, text.as_bytes()).unwrap();
        assert_eq!(imported.changed, 0);
        assert_eq!(imported.snapshot, s);
        let without_bom = text.strip_prefix(BOM).unwrap();
        assert_eq!(import(&s, without_bom.as_bytes()).unwrap().changed, 0);
    }

    /// Two Lao cells and one status edited: exactly those three texts change, the result
    /// passes the checker, and its sheet is the edited sheet.
    #[test]
    fn a_translated_sheet_changes_exactly_its_edited_cells() {
        let s = shipped();
        let exported = export(&s);
        let mut rows = rows(&exported);
        let missing = with_status(&rows, "missing")[0];
        let unreviewed = with_status(&rows, "unreviewed");
        let (retranslated, reviewed) = (unreviewed[0], unreviewed[1]);
        rows[missing][3] = "ຂໍ້ຄວາມໃໝ່".to_owned();
        rows[missing][4] = "unreviewed".to_owned();
        rows[retranslated][3] = format!("{} ແກ້ໄຂ", rows[retranslated][3]);
        rows[reviewed][4] = "reviewed".to_owned();
        let edited = sheet(&rows);

        let imported = import(&s, edited.as_bytes()).unwrap();
        assert_eq!(imported.changed, 3);
        assert_eq!(validate(&imported.snapshot), []);
        let before = entries(&s);
        let after = entries(&imported.snapshot);
        let changed: Vec<usize> = (0..before.len())
            .filter(|&i| before[i].text != after[i].text)
            .map(|i| i + 1)
            .collect();
        let mut expected = vec![missing, retranslated, reviewed];
        expected.sort_unstable();
        assert_eq!(changed, expected);
        let reviewed_text = after[reviewed - 1].text;
        assert_eq!(reviewed_text.lao_status(), Some(LaoStatus::Reviewed));
        assert_eq!(reviewed_text.lo, before[reviewed - 1].text.lo);
        assert_eq!(after[missing - 1].text.lo.as_deref(), Some("ຂໍ້ຄວາມໃໝ່"));
        // Nothing but the texts: the English and everything else is as it was.
        assert!(after
            .iter()
            .zip(&before)
            .all(|(a, b)| a.text.en == b.text.en));

        let again = export(&imported.snapshot);
        assert_eq!(again, edited);
        let lines = |text: &str| text.lines().map(str::to_owned).collect::<Vec<_>>();
        let differing = lines(&again)
            .iter()
            .zip(lines(&exported))
            .filter(|(a, b)| *a != b)
            .count();
        assert_eq!(differing, 3);
    }

    #[test]
    fn a_row_whose_english_changed_since_export_is_refused_with_both_texts() {
        let s = shipped();
        let mut rows = rows(&export(&s));
        let at = find(&rows, &s.events[2].id, "title");
        let old = rows[at][2].clone();
        rows[at][3] = "ຫົວຂໍ້".to_owned();
        let mut changed = s.clone();
        changed.events[2].title.en = "A corrected title".to_owned();
        let problem = only_problem(import(&changed, sheet(&rows).as_bytes()));
        assert_eq!(
            problem,
            SheetProblem::Row {
                row: at + 1,
                id: s.events[2].id.clone(),
                field: "title".to_owned(),
                problem: RowProblem::EnglishChanged {
                    in_sheet: old.clone(),
                    in_snapshot: "A corrected title".to_owned()
                }
            }
        );
        let message = problem.to_string();
        assert!(message.starts_with(&format!("Row {} ({}, title)", at + 1, s.events[2].id)));
        assert!(
            message.contains(&old) && message.contains("A corrected title"),
            "{message}"
        );
    }

    #[test]
    fn thai_or_latin_in_the_lao_column_is_refused() {
        let s = shipped();
        let mut rows = rows(&export(&s));
        let thai = with_status(&rows, "unreviewed")[0];
        let latin = with_status(&rows, "missing")[0];
        rows[thai][3] = "ประเทศลาว".to_owned();
        rows[latin][3] = "Lao PDR".to_owned();
        let problems = import(&s, sheet(&rows).as_bytes()).unwrap_err();
        assert_eq!(problems.len(), 2, "{problems:?}");
        for (problem, at) in problems.iter().zip([thai.min(latin), thai.max(latin)]) {
            let SheetProblem::Row { row, problem, .. } = problem else {
                panic!("{problem:?}")
            };
            assert_eq!(*row, at + 1);
            assert!(matches!(problem, RowProblem::NoLaoLetters { .. }));
        }
        assert!(problems.iter().any(|p| p.to_string().contains("Thai")));
    }

    #[test]
    fn formulas_are_neutralised_and_a_lao_text_starting_with_a_minus_round_trips() {
        let mut s = shipped();
        s.events[0].title = Text::with_lo("=1+1", "-ທົດລອງ", LaoStatus::Unreviewed);
        s.events[1].summary = Text::en("@SUM(A1)");
        let text = export(&s);
        let mut rows = rows(&text);
        let title = find(&rows, &s.events[0].id, "title");
        assert_eq!(rows[title][2], "'=1+1");
        assert_eq!(rows[title][3], "'-ທົດລອງ");
        assert_eq!(import(&s, text.as_bytes()).unwrap().changed, 0);

        // A translator's Lao starting with a formula character, written with the quote.
        let summary = find(&rows, &s.events[1].id, "summary");
        assert_eq!(rows[summary][2], "'@SUM(A1)");
        rows[summary][3] = "'+ສະຫຼຸບ".to_owned();
        let imported = import(&s, sheet(&rows).as_bytes()).unwrap();
        assert_eq!(imported.changed, 1);
        assert_eq!(
            imported.snapshot.events[1].summary.lo.as_deref(),
            Some("+ສະຫຼຸບ")
        );
        assert_eq!(imported.snapshot.events[0].title, s.events[0].title);
    }

    #[test]
    fn the_sheet_cannot_make_or_change_sourced_lao() {
        let s = shipped();
        let mut rows = rows(&export(&s));
        let sourced = with_status(&rows, "sourced");
        let unreviewed = with_status(&rows, "unreviewed")[0];
        rows[unreviewed][4] = "sourced".to_owned();
        rows[sourced[0]][3] = format!("{} ແກ້ໄຂ", rows[sourced[0]][3]);
        rows[sourced[1]][4] = "reviewed".to_owned();
        let problems = import(&s, sheet(&rows).as_bytes()).unwrap_err();
        let kinds: Vec<(usize, &RowProblem)> = problems
            .iter()
            .map(|p| match p {
                SheetProblem::Row { row, problem, .. } => (*row, problem),
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(kinds.len(), 3, "{kinds:?}");
        assert!(kinds.contains(&(unreviewed + 1, &RowProblem::SetsSourced)));
        assert!(kinds.contains(&(sourced[0] + 1, &RowProblem::ChangesSourced)));
        assert!(kinds.contains(&(sourced[1] + 1, &RowProblem::ChangesSourced)));
    }

    #[test]
    fn unknown_repeated_and_emptied_rows_are_refused_by_row() {
        let s = shipped();
        let mut rows = rows(&export(&s));
        let emptied = with_status(&rows, "unreviewed")
            .into_iter()
            .find(|&i| i > 3)
            .unwrap();
        rows[emptied][3] = String::new();
        rows[3][4] = "checked".to_owned();
        let mut unknown = rows[1].clone();
        unknown[0] = "ev-no-such-event".to_owned();
        let repeated = rows[2].clone();
        rows.extend([unknown, repeated]);
        let n = rows.len();
        let problems = import(&s, sheet(&rows).as_bytes()).unwrap_err();
        let found: Vec<(usize, RowProblem)> = problems
            .into_iter()
            .map(|p| match p {
                SheetProblem::Row { row, problem, .. } => (row, problem),
                other => panic!("{other:?}"),
            })
            .collect();
        let checked = RowProblem::UnknownStatus {
            status: "checked".to_owned(),
        };
        let mut expected = vec![
            (4, checked),
            (emptied + 1, RowProblem::LaoRemoved),
            (n - 1, RowProblem::UnknownText),
            (n, RowProblem::Repeated { first_row: 3 }),
        ];
        expected.sort_by_key(|(row, _)| *row);
        assert_eq!(found, expected);
    }

    #[test]
    fn new_lao_that_breaks_a_rule_of_the_checker_is_refused_by_row() {
        let s = shipped();
        let mut rows = rows(&export(&s));
        let label = rows.iter().position(|r| r[1] == "label").unwrap();
        rows[label][3] = "ກ".repeat(41);
        match only_problem(import(&s, sheet(&rows).as_bytes())) {
            SheetProblem::Row {
                row,
                problem: RowProblem::BreaksRule { rule },
                ..
            } => {
                assert_eq!(row, label + 1);
                assert!(rule.contains("at most 40"), "{rule}");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn row_numbers_count_a_cell_with_line_breaks_as_one_row() {
        let mut s = shipped();
        s.strategy.title.en = "Two\nlines".to_owned();
        let mut rows = rows(&export(&s));
        let at = find(&rows, &s.events[0].id, "title");
        rows[at][3] = "Lao PDR".to_owned();
        match only_problem(import(&s, sheet(&rows).as_bytes())) {
            SheetProblem::Row { row, .. } => assert_eq!(row, at + 1),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_sheet_saved_with_semicolons_crlf_and_capitals_is_read() {
        let s = shipped();
        let mut rows = rows(&export(&s));
        let at = with_status(&rows, "unreviewed")[0];
        rows[at][4] = " Reviewed ".to_owned();
        let mut out = csv::WriterBuilder::new()
            .delimiter(b';')
            .terminator(csv::Terminator::CRLF)
            .from_writer(Vec::new());
        for row in &rows {
            out.write_record(row).unwrap();
        }
        let bytes = out.into_inner().unwrap();
        let imported = import(&s, &bytes).unwrap();
        assert_eq!(imported.changed, 1);
    }

    #[test]
    fn whole_sheet_problems_say_what_to_do() {
        let s = shipped();
        let problem = only_problem(import(&s, b"id,field,english\nstrategy,title,x\n"));
        assert_eq!(
            problem,
            SheetProblem::MissingColumns {
                missing: vec!["lao", "status"]
            }
        );
        assert!(
            problem.to_string().contains("no lao, no status column"),
            "{problem}"
        );
        let problem = only_problem(import(&s, b"id,field,english,lao,status\n\xff\n"));
        assert_eq!(problem, SheetProblem::NotUtf8 { byte: 28 });
        assert!(problem.to_string().contains("CSV UTF-8"));
        assert_eq!(
            only_problem(import(&s, BOM.as_bytes())),
            SheetProblem::Empty
        );
        // Only the header: nothing to change.
        assert_eq!(
            import(&s, b"id,field,english,lao,status\n")
                .unwrap()
                .changed,
            0
        );
    }
}
