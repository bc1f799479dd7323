//! The one-pass reading of a snapshot: straight from the text into the model, with no JSON tree
//! in between, for a snapshot that has no problem at all (every published one). It is the
//! reading on a visitor's first view, so it is small and quick; anything it does not accept
//! goes to [`super::thorough`], which finds and names every problem.

use super::super::model::Snapshot;
use super::super::problem::Problem;
use super::super::validate::validate;
use super::MAX_STRING_CHARS;

/// The snapshot in `text` if it has no problem. Otherwise the first problems found, which may
/// be fewer and less precisely placed than [`super::thorough::load`]'s (a shape problem is
/// named by its line and column, not its path): callers that show problems ask the thorough
/// reading for them.
pub fn load(text: &str) -> Result<Snapshot, Vec<Problem>> {
    super::check_size(text.len())?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if longest_string_chars(text) > MAX_STRING_CHARS {
        return Err(vec![Problem::new(
            "$",
            format!("a text is longer than {MAX_STRING_CHARS} characters"),
        )]);
    }
    let snapshot: Snapshot = serde_json::from_str(text)
        .map_err(|err| vec![Problem::new("$", format!("not a readable snapshot: {err}"))])?;
    super::check_version(&snapshot.schema_version).map_err(|problem| vec![problem])?;
    let problems = validate(&snapshot);
    if problems.is_empty() {
        Ok(snapshot)
    } else {
        Err(problems)
    }
}

/// An upper bound of the length, in characters, of the longest JSON string in `text` (keys
/// included): an escape such as `\u0e81` counts as the six characters it is written with.
fn longest_string_chars(text: &str) -> usize {
    let mut longest = 0;
    let mut current = None::<usize>;
    let mut escaped = false;
    for byte in text.bytes() {
        match current.as_mut() {
            None => {
                if byte == b'"' {
                    current = Some(0);
                }
            }
            Some(chars) => {
                if escaped {
                    escaped = false;
                } else if byte == b'\\' {
                    escaped = true;
                } else if byte == b'"' {
                    longest = longest.max(*chars);
                    current = None;
                    continue;
                }
                // A character is counted at its first byte (UTF-8 continuation bytes are 10xxxxxx).
                if byte & 0xC0 != 0x80 {
                    *chars += 1;
                }
            }
        }
    }
    // An unterminated string counts too (the parser refuses the file anyway).
    longest.max(current.unwrap_or(0))
}

#[cfg(test)]
mod tests {
    use super::longest_string_chars;

    #[test]
    fn the_longest_string_is_counted_in_characters_not_bytes() {
        // Lao letters are three bytes each in UTF-8.
        assert_eq!(longest_string_chars(r#"{"a": "ລາວ", "bb": "xy"}"#), 3);
        assert_eq!(longest_string_chars(r#"{"key": 1}"#), 3);
    }

    #[test]
    fn escaped_quotes_do_not_end_a_string() {
        assert_eq!(longest_string_chars(r#"["a\"bc"]"#), 5);
        assert_eq!(longest_string_chars(r#"["a\\", "bcd"]"#), 3);
    }

    #[test]
    fn an_unterminated_string_counts() {
        assert_eq!(longest_string_chars(r#"["abcdef"#), 6);
    }
}
