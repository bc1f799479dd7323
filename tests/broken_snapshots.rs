//! Every snapshot in `tests/broken/` must be refused with the problem that `EXPECTED.tsv` names,
//! and none may panic. Each case is `tests/fixtures/minimal.json` with one thing broken, so the
//! valid fixture is checked first.

use std::collections::BTreeMap;
use std::path::Path;

use iom_lao_explorer::core::load::{MAX_SNAPSHOT_BYTES, MAX_STRING_CHARS};
use iom_lao_explorer::core::load_snapshot_bytes;

fn problems_of(bytes: &[u8]) -> Vec<String> {
    match load_snapshot_bytes(bytes) {
        Ok(_) => Vec::new(),
        Err(problems) => problems.iter().map(ToString::to_string).collect(),
    }
}

#[test]
fn the_minimal_fixture_is_valid() {
    let bytes = std::fs::read("tests/fixtures/minimal.json").unwrap();
    assert_eq!(problems_of(&bytes), Vec::<String>::new());
}

#[test]
fn every_broken_snapshot_gives_its_expected_problem() {
    let table = std::fs::read_to_string("tests/broken/EXPECTED.tsv").unwrap();
    let mut expected: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for line in table
        .lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
    {
        let (case, problem) = line.split_once('\t').expect("case<TAB>problem");
        expected
            .entry(case.to_owned())
            .or_default()
            .push(problem.to_owned());
    }
    let files: Vec<String> = std::fs::read_dir("tests/broken")
        .unwrap()
        .filter_map(|entry| {
            let path = entry.unwrap().path();
            (path.extension()? == "json")
                .then(|| path.file_stem().unwrap().to_string_lossy().into_owned())
        })
        .collect();
    assert!(
        files.len() >= 20,
        "the corpus has only {} cases",
        files.len()
    );
    for case in &files {
        assert!(
            expected.contains_key(case),
            "{case}.json has no line in EXPECTED.tsv"
        );
    }
    let mut failures = Vec::new();
    for (case, wanted) in &expected {
        let path = Path::new("tests/broken").join(format!("{case}.json"));
        // Read as bytes, like the explorer's download: one case is not UTF-8.
        let bytes = std::fs::read(&path).unwrap_or_else(|err| panic!("{}: {err}", path.display()));
        let problems = problems_of(&bytes);
        if problems.is_empty() {
            failures.push(format!("{case}: accepted, but should give {wanted:?}"));
            continue;
        }
        for want in wanted {
            if !problems
                .iter()
                .any(|problem| problem.contains(want.as_str()))
            {
                failures.push(format!(
                    "{case}: expected a problem containing\n    {want}\n  got\n    {}",
                    problems.join("\n    ")
                ));
            }
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn a_twenty_megabyte_string_is_refused_with_its_path() {
    let text = std::fs::read_to_string("tests/fixtures/minimal.json").unwrap();
    let huge = "a".repeat(20 * 1024 * 1024);
    let text = text.replacen("\"Health.\"", &format!("\"{huge}\""), 1);
    assert!(
        text.len() < MAX_SNAPSHOT_BYTES,
        "the file itself stays under the size limit"
    );
    let problems = problems_of(text.as_bytes());
    let want = format!(
        "$.themes[0].summary: text of 20971520 characters; the limit is {MAX_STRING_CHARS}"
    );
    assert!(problems.contains(&want), "{problems:?}");
}

#[test]
fn a_snapshot_over_the_size_limit_is_refused_before_parsing() {
    let text = " ".repeat(MAX_SNAPSHOT_BYTES + 1);
    let problems = problems_of(text.as_bytes());
    assert_eq!(problems.len(), 1);
    assert!(
        problems[0].starts_with("$: the snapshot is 25.0 MB; the limit is 25 MB"),
        "{problems:?}"
    );
}
