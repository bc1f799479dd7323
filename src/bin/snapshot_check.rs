//! `snapshot-check FILE...`: checks snapshots the way the explorer does and prints every problem
//! with its JSON path; for a good one, its counts and how much of it has Lao. Exit status 0 when every file is good, 1 when any has a problem, 2 on usage.

use std::process::ExitCode;

use iom_lao_explorer::core::coverage::Coverage;
use iom_lao_explorer::core::load_snapshot_bytes;
use iom_lao_explorer::core::summary::Counts;

fn main() -> ExitCode {
    let files: Vec<String> = std::env::args().skip(1).collect();
    if files.is_empty() || files.iter().any(|f| f == "-h" || f == "--help") {
        eprintln!("usage: snapshot-check FILE [FILE...]\n  e.g. cargo run --bin snapshot-check -- public/data/strategy.json");
        return ExitCode::from(2);
    }
    let mut failed = false;
    for file in &files {
        let bytes = match std::fs::read(file) {
            Ok(bytes) => bytes,
            Err(err) => {
                println!("{file}: cannot read: {err}");
                failed = true;
                continue;
            }
        };
        match load_snapshot_bytes(&bytes) {
            Ok(snapshot) => {
                println!("{file}: ok: {}", Counts::of(&snapshot));
                println!("{file}: {}", Coverage::of(&snapshot));
            }
            Err(problems) => {
                failed = true;
                for problem in &problems {
                    println!("{file}: {problem}");
                }
                println!(
                    "{file}: {} problem{}",
                    problems.len(),
                    if problems.len() == 1 { "" } else { "s" }
                );
            }
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
