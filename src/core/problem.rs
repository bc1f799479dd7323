//! A problem found in a snapshot: where (a JSON path) and what.

use std::fmt;

/// One problem, e.g. `$.events[3].date: day 30 does not exist in 2021-02, which has 28 days`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// JSON path from the root, `$` for the whole document.
    pub path: String,
    pub message: String,
}

impl Problem {
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        Problem {
            path: path.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// Builds JSON paths like `$.events[3].title` without allocating a path per step up front.
pub fn child(path: &str, key: &str) -> String {
    format!("{path}.{key}")
}

pub fn index(path: &str, index: usize) -> String {
    format!("{path}[{index}]")
}
