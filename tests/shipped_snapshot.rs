//! The snapshot we ship: valid, complete enough to explore, faithful to its sources, and
//! consistent with the province boundaries shipped beside it.

use std::collections::BTreeSet;
use std::process::Command;

use iom_lao_explorer::core::coverage::Coverage;
use iom_lao_explorer::core::index::Index;
use iom_lao_explorer::core::search::Query;
use iom_lao_explorer::core::text::LaoStatus;

use iom_lao_explorer::core::model::{NoteKind, PartnerKind, Snapshot};
use iom_lao_explorer::core::{load_snapshot, PartialDate};

fn shipped() -> Snapshot {
    let text = std::fs::read_to_string("public/data/strategy.json").unwrap();
    load_snapshot(&text).unwrap_or_else(|problems| {
        panic!(
            "{}",
            problems
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n")
        )
    })
}

#[test]
fn has_the_launch_and_period_of_the_strategy() {
    let s = shipped();
    assert_eq!(
        s.strategy.launch.date,
        PartialDate::parse("2022-02-24").unwrap()
    );
    assert_eq!(
        (s.strategy.period.start, s.strategy.period.end),
        (2022, 2026)
    );
    assert_eq!(s.strategy.launch.co_chairs.len(), 2);
}

#[test]
fn has_at_least_40_events_spread_over_2001_to_2026() {
    let s = shipped();
    assert!(s.events.len() >= 40, "{} events", s.events.len());
    for (from, to) in [
        (2001, 2005),
        (2006, 2010),
        (2011, 2015),
        (2016, 2020),
        (2021, 2026),
    ] {
        let n = s
            .events
            .iter()
            .filter(|e| (from..=to).contains(&e.date.year))
            .count();
        assert!(n >= 1, "no event in {from}-{to}");
    }
    assert!(
        s.events.iter().any(|e| e.date.year == 2001),
        "IOM's work began in 2001"
    );
}

#[test]
fn has_at_least_30_partners_of_every_kind() {
    let s = shipped();
    assert!(s.partners.len() >= 30, "{} partners", s.partners.len());
    for kind in PartnerKind::ALL {
        assert!(
            s.partners.iter().any(|p| p.kind == kind),
            "no {} partner",
            kind.code()
        );
    }
}

#[test]
fn has_the_seven_thematic_areas_the_launch_article_names() {
    let s = shipped();
    let names: Vec<String> = s.themes.iter().map(|t| t.name.en.to_lowercase()).collect();
    assert_eq!(names.len(), 7, "{names:?}");
    for area in [
        "emergency and post-crisis response",
        "immigration and border management",
        "safe migration pathways",
        "migration, environment and climate change",
        "migrant protection and assistance",
        "migration health",
        "migration governance and policy",
    ] {
        assert!(
            names.iter().any(|n| n.contains(area)),
            "missing {area}: {names:?}"
        );
    }
}

/// Lao names must come from the source list, letter for letter (a copy of the shared research
/// file, kept in the repository: see `tests/fixtures/lao-province-names.README.md`), as the name
/// or, where a Lao source gives a clearer name, as an alias: the list writes Vientiane Province
/// ວຽງຈັນ, which a Lao reader takes for the city, and Lao Wikipedia writes ແຂວງວຽງຈັນ. Either
/// way the name says which Lao source it follows.
#[test]
fn has_the_18_provinces_with_lao_names_from_the_source_list() {
    let s = shipped();
    let csv = std::fs::read_to_string("tests/fixtures/lao-province-names.csv")
        .expect("tests/fixtures/lao-province-names.csv");
    let mut expected = BTreeSet::new();
    for line in csv.lines().skip(1) {
        let cols: Vec<&str> = line.split(',').collect();
        expected.insert((cols[0].to_owned(), cols[3].to_owned()));
    }
    assert_eq!(expected.len(), 18);
    assert_eq!(s.provinces.len(), 18);
    for (code, listed) in &expected {
        let province = s.provinces.iter().find(|p| &p.code == code).unwrap();
        let lo = province.name.lo.as_deref().unwrap_or_default();
        assert!(
            lo == listed || province.aliases.contains(listed),
            "{code}: {lo} (list: {listed})"
        );
        assert_eq!(
            province.name.lao_status(),
            Some(LaoStatus::Sourced),
            "{code}"
        );
        assert!(!province.name.lo_sources.is_empty(), "{code}");
    }
    let vientiane = s.provinces.iter().find(|p| p.code == "LA-VI").unwrap();
    assert_eq!(vientiane.name.lo.as_deref(), Some("ແຂວງວຽງຈັນ"));
}

/// Section 0 of the facts memo: the launch article's errors may appear only where a
/// correction note quotes them.
#[test]
fn does_not_repeat_the_launch_article_errors() {
    let s = shipped();
    let mut outside_corrections = s.clone();
    outside_corrections
        .notes
        .retain(|n| n.kind != NoteKind::Correction);
    let text = serde_json::to_string(&outside_corrections).unwrap();
    let corrections = serde_json::to_string(
        &s.notes
            .iter()
            .filter(|n| n.kind == NoteKind::Correction)
            .collect::<Vec<_>>(),
    )
    .unwrap();
    for error in [
        "NSDEP",
        "Least Developing",
        "Crown Plaza",
        "Organisation or Migration",
        "since 2021",
    ] {
        assert!(
            !text.contains(error),
            "\"{error}\" appears outside the correction notes"
        );
        assert!(
            corrections.contains(error),
            "no correction note records \"{error}\""
        );
    }
}

#[test]
fn inferred_dates_are_flagged_and_explained() {
    let s = shipped();
    for date in [
        "2012-04",
        "2015-06-29",
        "2018-11-15",
        "2021-01-22",
        "2022-07-13",
    ] {
        let date = PartialDate::parse(date).unwrap();
        let event = s
            .events
            .iter()
            .find(|e| e.date == date)
            .unwrap_or_else(|| panic!("no event on {date}"));
        assert!(
            event.inferred,
            "{} ({date}) is not flagged as inferred",
            event.id
        );
        assert!(
            event.date_note.is_some(),
            "{} does not say how its date was inferred",
            event.id
        );
    }
}

#[test]
fn every_source_is_cited_by_some_item() {
    let s = shipped();
    let text = serde_json::to_string(&s).unwrap();
    for source in &s.sources {
        assert!(
            text.matches(&format!("\"{}\"", source.id)).count() >= 2,
            "{} is never cited",
            source.id
        );
    }
}

#[test]
fn province_boundaries_match_the_snapshot_and_stay_small() {
    let s = shipped();
    let bytes = std::fs::read("public/data/lao-provinces.geojson").unwrap();
    assert!(bytes.len() < 80 * 1024, "{} bytes", bytes.len());
    let geo: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    let codes: BTreeSet<&str> = geo["features"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["properties"]["code"].as_str().unwrap())
        .collect();
    let provinces: BTreeSet<&str> = s.provinces.iter().map(|p| p.code.as_str()).collect();
    assert_eq!(codes, provinces);
    assert!(!codes.contains("LA-XN"), "Xaisomboun is LA-XS");
    let attribution = std::fs::read_to_string("public/data/lao-provinces.ATTRIBUTION.md").unwrap();
    assert!(attribution.contains("© OpenStreetMap contributors") && attribution.contains("ODbL"));
}

#[test]
fn snapshot_check_prints_the_counts_and_the_lao_coverage_of_the_shipped_snapshot() {
    let out = Command::new(env!("CARGO_BIN_EXE_snapshot-check"))
        .arg("public/data/strategy.json")
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(out.status.success(), "{stdout}");
    assert_eq!(stdout.lines().count(), 2, "{stdout}");
    let s = shipped();
    assert!(
        stdout.contains(&format!("{} events", s.events.len())),
        "{stdout}"
    );
    let coverage = Coverage::of(&s);
    assert!(
        stdout.contains(&format!(
            "{} sourced, {} reviewed, {} unreviewed translations, {} missing",
            coverage.sourced, coverage.reviewed, coverage.unreviewed, coverage.missing
        )),
        "{stdout}"
    );
}

#[test]
fn snapshot_check_lists_every_problem_with_its_path_and_fails() {
    let out = Command::new(env!("CARGO_BIN_EXE_snapshot-check"))
        .arg("tests/broken/several-problems-at-once.json")
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    for path in [
        "$.events[0].date",
        "$.sources[0].url",
        "$.partners[0].themes[1]",
        "$.projects[0].end",
    ] {
        assert!(stdout.contains(path), "{path} missing from\n{stdout}");
    }
    assert!(stdout.trim_end().ends_with("4 problems"), "{stdout}");
}
/// The bar for a Lao reader: at least 95% of what a visitor reads has Lao.
#[test]
fn nearly_every_visitor_text_has_lao() {
    let coverage = Coverage::of(&shipped());
    assert!(
        coverage.with_lao() * 100 >= coverage.total() * 95,
        "only {coverage}"
    );
}

/// A Lao reader finds people and partners by the Lao names that Lao sources print, in any of
/// their spellings (the memo's real ones): sara am decomposed or composed, ligatures written
/// out, and other transliterations kept as aliases.
#[test]
fn search_finds_items_by_their_lao_names_and_aliases() {
    let s = shipped();
    let index = Index::build(&s);
    let finds = |query: &str, id: &str| {
        let item = index.resolve(id).unwrap();
        Query::new(query).matches(index.search_text(item))
    };
    // Vientiane Mai's spelling of the Chief of Mission, kept as an alias of UN Lao PDR's.
    assert!(finds("ຊາລິນ ຕູລາດຮາ", "person-shareen-tuladhar"));
    assert!(finds("ຊາຣີນ ທູຣາດາຣ", "person-shareen-tuladhar"));
    // MPI writes ໃຫມ່ (ຫ + ມ); a reader types the ligature ໃໝ່.
    assert!(finds("ອິນສີຊຽງໃໝ່", "person-sthabandith-insisiengmai"));
    // Update Laos writes ຕໍາຫລວດ (decomposed sara am, ຫລ); a reader types ຕຳຫຼວດ.
    assert!(finds("ກົມຕຳຫຼວດກວດຄົນເຂົ້າ-ອອກເມືອງ", "p-doi"));
    // The short form the Government uses.
    assert!(finds("ຜທ", "p-mpi"));
    // And not everything matches everything.
    assert!(!finds("ຊາລິນ ຕູລາດຮາ", "p-mpi"));
}
