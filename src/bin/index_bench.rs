//! `index-bench [IN]`: the time to read the shipped snapshot (the one-pass reading the explorer
//! uses against the thorough one it keeps for broken snapshots, in the same run), and the time
//! to build the index (`core::index::Index`) of the shipped snapshot and of the synthetic ones 100 and 1,000 times larger, medians of several rounds, and
//! the time per item at each size against the real snapshot's in the same run (linear indexing
//! keeps it near 1). Run by `make bench`; never by `make test`. Default: the shipped snapshot.
//!
//! The items counted are the events, projects and partners: the synthetic snapshots multiply
//! those and keep the rest (151 sources, notes, people...) as they are, so counting every item
//! would make each item at 100x look three times dearer than at 1x.

use std::hint::black_box;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use iom_lao_explorer::core::index::Index;
use iom_lao_explorer::core::load::{clean, load_snapshot_file, thorough};
use iom_lao_explorer::core::synth::{scale, Size};
use iom_lao_explorer::core::Snapshot;

/// Rounds: each times every size once, so that a change in the host's load (other builds)
/// falls on all sizes alike; the median round is printed.
const ROUNDS: usize = 7;
/// Builds per size in a round, so that the small sizes are timed over more than a moment.
const BUILDS: [usize; 3] = [100, 10, 1];

/// The items the synthetic snapshots multiply.
fn items(s: &Snapshot) -> usize {
    s.events.len() + s.projects.len() + s.partners.len()
}

/// The time of one build of the index of `s`, over `builds` builds.
fn build_time(s: &Snapshot, builds: usize) -> Duration {
    let start = Instant::now();
    for _ in 0..builds {
        black_box(Index::build(black_box(s)));
    }
    start.elapsed() / builds as u32
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn ms(time: Duration) -> String {
    let ms = time.as_secs_f64() * 1000.0;
    match ms {
        ms if ms < 10.0 => format!("{ms:.2} ms"),
        ms if ms < 100.0 => format!("{ms:.1} ms"),
        ms => format!("{ms:.0} ms"),
    }
}

fn main() -> ExitCode {
    let input = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "public/data/strategy.json".into());
    let real = match load_snapshot_file(&input) {
        Ok(real) => real,
        Err(err) => {
            eprintln!("{input}: {err}");
            return ExitCode::FAILURE;
        }
    };
    print_reading_times(&input);
    let snapshots = [
        ("1x", real.clone()),
        ("100x", scale(&real, Size::HUNDRED_TIMES)),
        ("1000x", scale(&real, Size::THOUSAND_TIMES)),
    ];
    let mut times = vec![Vec::new(); snapshots.len()];
    for _ in 0..ROUNDS {
        for (((_, s), builds), times) in snapshots.iter().zip(BUILDS).zip(&mut times) {
            times.push(build_time(s, builds));
        }
    }
    let measured: Vec<(&str, Duration, usize)> = snapshots
        .iter()
        .zip(times)
        .map(|((label, s), times)| (*label, median(times), items(s)))
        .collect();
    let per_item = |time: Duration, count: usize| time.as_secs_f64() / count as f64;
    let (_, real_time, real_count) = measured[0];
    let baseline = per_item(real_time, real_count);
    let figures: Vec<String> = measured
        .iter()
        .enumerate()
        .map(|(i, &(label, time, count))| match i {
            0 => format!(
                "{label} {} ({count} events, projects and partners)",
                ms(time)
            ),
            _ => format!(
                "{label} {} ({count}, per item x{:.2})",
                ms(time),
                per_item(time, count) / baseline
            ),
        })
        .collect();
    println!(
        "time to index (median of {ROUNDS} rounds): {}",
        figures.join(", ")
    );
    ExitCode::SUCCESS
}

/// Reads of the file per round, so that one round lasts more than a moment.
const READS: usize = 20;

/// The one-pass reading against the thorough one, alternating, medians of [`ROUNDS`] rounds.
fn print_reading_times(input: &str) {
    let Ok(text) = std::fs::read_to_string(input) else {
        return;
    };
    let time = |read: fn(&str) -> Result<Snapshot, Vec<iom_lao_explorer::core::Problem>>| {
        let start = Instant::now();
        for _ in 0..READS {
            let _ = black_box(read(black_box(&text)));
        }
        start.elapsed() / READS as u32
    };
    let (mut one_pass, mut full) = (Vec::new(), Vec::new());
    for _ in 0..ROUNDS {
        one_pass.push(time(clean::load));
        full.push(time(thorough::load));
    }
    let (one_pass, full) = (median(one_pass), median(full));
    println!(
        "time to read the snapshot (median of {ROUNDS} rounds): one pass {}, thorough {} (one pass x{:.2} of thorough)",
        ms(one_pass),
        ms(full),
        one_pass.as_secs_f64() / full.as_secs_f64()
    );
}
