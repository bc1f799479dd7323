//! `snapshot-synth [IN] [OUT]`: writes a synthetic snapshot about 100 times the real one
//! (5,000 events, 300 projects, 3,000 partners) for the benchmark. Defaults: the shipped
//! snapshot in, `target/bench/synthetic-100x.json` out.

use std::process::ExitCode;

use iom_lao_explorer::core::load::load_snapshot_file;
use iom_lao_explorer::core::synth::{scale, Size};

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let input = args
        .next()
        .unwrap_or_else(|| "public/data/strategy.json".into());
    let output = args
        .next()
        .unwrap_or_else(|| "target/bench/synthetic-100x.json".into());
    let real = match load_snapshot_file(&input) {
        Ok(real) => real,
        Err(err) => {
            eprintln!("{input}: {err}");
            return ExitCode::FAILURE;
        }
    };
    let big = scale(&real, Size::HUNDRED_TIMES);
    if let Some(folder) = std::path::Path::new(&output).parent() {
        let _ = std::fs::create_dir_all(folder);
    }
    match serde_json::to_string(&big)
        .map_err(|e| e.to_string())
        .and_then(|json| {
            std::fs::write(&output, &json)
                .map_err(|e| e.to_string())
                .map(|()| json.len())
        }) {
        Ok(bytes) => {
            println!(
                "{output}: {} events, {} projects, {} partners, {bytes} bytes",
                big.events.len(),
                big.projects.len(),
                big.partners.len()
            );
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("{output}: {err}");
            ExitCode::FAILURE
        }
    }
}
