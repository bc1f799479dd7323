//! UI strings. Every message is a variant of [`Msg`]; each language has its own file with an
//! exhaustive `match`, so a message missing in either language is a compile error, and
//! `tests::every_message_has_text_in_both_languages` checks that none is left empty.
//!
//! The Lao strings need review by a native speaker before publication (see README).
//!
//! A few messages are also shown before the app runs, by `index.html` and `embed.js` (loading,
//! [`Msg::StartFailed`], [`Msg::Reload`]): at build time `scripts/embed-hook.mjs` copies them
//! from their `Msg::Name => "text",` lines in `en.rs` and `lo.rs` (`scripts/ui-text.mjs`), so
//! keep every message a plain string on one line. `tests/boot_text.rs` checks the copies.

mod en;
mod lo;

use super::text::Lang;

/// Declares [`Msg`] and `Msg::ALL` from one list, so the two cannot drift apart.
macro_rules! messages {
    ($($name:ident),+ $(,)?) => {
        /// Every piece of UI text. Content (titles, summaries) comes from the snapshot instead.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Msg {
            $($name),+
        }

        impl Msg {
            pub const ALL: &'static [Msg] = &[$(Msg::$name),+];
        }
    };
}

messages! {
    AppName,
    AppTagline,
    SkipToContent,
    MainNavigation,
    LanguageSwitch,
    ViewOverview,
    ViewThemes,
    ViewTimeline,
    ViewMap,
    ViewPartners,
    ViewSources,
    Loading,
    LoadFailedTitle,
    LoadFailedNetwork,
    LoadFailedStatus,
    LoadFailedInvalid,
    LoadFailedTooLarge,
    LoadFailedTimeout,
    MoreProblems,
    PartLoading,
    PartLoadFailed,
    Retry,
    StrategyPeriod,
    Vision,
    Goal,
    Launch,
    LaunchedOn,
    CoChairs,
    LaunchedWith,
    Attendance,
    AlignedWith,
    AtAGlance,
    CountThemes,
    CountPartners,
    CountEvents,
    CountProvinces,
    CountProjects,
    CountSources,
    ThemesHeading,
    ExploreViews,
    SourcesLabel,
    SnapshotDate,
    SchemaVersion,
    Disclaimer,
    BoundaryAttribution,
    FootnoteUnofficial,
    EditorialNotes,
    NoteCorrection,
    NoteConflict,
    NoteInference,
    NoteGap,
    UnreviewedMark,
    UnreviewedTitle,
    UnreviewedNotice,
    EnglishOriginal,
    LaoContent,
    LaoCoverage,
    Ongoing,
    ViewStory,
    StoryTitle,
    StoryIntro,
    StoryPrevious,
    StoryNext,
    StoryCounter,
    StoryStepOf,
    StoryStrip,
    StoryInThisStep,
    StoryStart,
    StoryEmpty,
    CountryCN,
    CountryMM,
    CountryTH,
    CountryVN,
    CountryKH,
    TimelineKeyTitle,
    LegendIomEvent,
    LegendContextEvent,
    LegendPrecision,
    LegendProject,
    LegendUnknownEnd,
    LegendInferred,
    LegendMilestone,
    LegendCluster,
    LegendStrategy,
    LegendPeriod,
    SourcePublisher,
    SourceDate,
    OpensInNewTab,
    FiltersHeading,
    ShowFilters,
    SearchLabel,
    SearchHint,
    FilterThemes,
    FilterKinds,
    FilterProvinces,
    FilterYears,
    YearFrom,
    YearTo,
    ClearAll,
    RemoveFilter,
    SearchChip,
    YearsChip,
    ResultCount,
    NoResults,
    ClearFilters,
    KindGovernment,
    KindUn,
    KindDonor,
    KindCivilSociety,
    KindPrivateSector,
    ItemTheme,
    ItemPartner,
    ItemProvince,
    ItemEvent,
    ItemProject,
    ItemPerson,
    ItemFramework,
    ItemSource,
    ItemNote,
    Close,
    DetailsOf,
    RelatedThemes,
    RelatedPartners,
    RelatedProvinces,
    RelatedEvents,
    RelatedProjects,
    RelatedPeople,
    RelatedFrameworks,
    Aliases,
    Role,
    Organization,
    When,
    DateInferred,
    EndUnknown,
    Donors,
    SdgTargets,
    GcmObjectives,
    LinkedPartners,
    LinkedEvents,
    LinkedProjects,
    LinkedProvinces,
    ThemesIntro,
    CountsUnderFilters,
    Capital,
    Kind,
    Link,
    TimelineIntro,
    LanesBy,
    LanesByTheme,
    LanesByKind,
    LaneNoTheme,
    LaneIomEvents,
    LaneContextEvents,
    LaneProjects,
    ShowList,
    TimelineKeys,
    ClusterLabel,
    FirstYear,
    LastYear,
    AllYears,
    EventsInList,
    ShowMore,
    Inferred,
    Periods,
    MapIntro,
    MapLabel,
    LegendTitle,
    LegendNone,
    ProvinceSummary,
    TableCaption,
    ColTotal,
    ColName,
    ColYears,
    MapLoadFailed,
    BoundariesNetwork,
    BoundariesTimeout,
    BoundariesRedirected,
    BoundariesWrongType,
    BoundariesTooLarge,
    MapLoading,
    PartnersIntro,
    NetworkLabel,
    NetworkHint,
    DirectoryTitle,
    LinksCount,
    Yes,
    No,
    ColTitle,
    ColDate,
    ColEnd,
    ColStart,
    ColSummary,
    ColSources,
    ColShortName,
    ColId,
    ShareExport,
    CopyLink,
    LinkCopied,
    CopyFailed,
    DownloadFailed,
    CsvEvents,
    CsvProjects,
    CsvPartners,
    JsonSubset,
    SvgImage,
    PngImage,
    PrintFilters,
    PrintNoFilters,
    PrintSources,
    Printed,
    Embed,
    EmbedTitle,
    EmbedIframe,
    EmbedScript,
    EmbedHelp,
    Copy,
    Copied,
    LoadFailedWrongType,
    LoadFailedRedirected,
    LoadFailedTooLargeStreamed,
    PreviewOf,
    PreviewShowPublished,
    StartBlocked,
    EmbedBadElement,
    PanicTitle,
    PanicBody,
    StartFailed,
    Reload,
    NoScript,
}

/// The UI text of `msg` in `lang`.
pub fn t(lang: Lang, msg: Msg) -> &'static str {
    match lang {
        Lang::En => en::text(msg),
        Lang::Lo => lo::text(msg),
    }
}

/// Fills `{}` placeholders in order, e.g. `fill(t(lang, Msg::MoreProblems), &["12"])`.
pub fn fill(template: &str, values: &[&str]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut values = values.iter();
    let mut parts = template.split("{}");
    if let Some(first) = parts.next() {
        out.push_str(first);
    }
    for part in parts {
        out.push_str(values.next().copied().unwrap_or(""));
        out.push_str(part);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_has_text_in_both_languages() {
        for &msg in Msg::ALL {
            for lang in Lang::ALL {
                assert!(
                    !t(lang, msg).trim().is_empty(),
                    "{msg:?} is empty in {}",
                    lang.code()
                );
            }
        }
    }

    #[test]
    fn lao_text_is_written_in_lao_script() {
        // A Lao string left in English would read as a missing translation.
        let english_on_purpose = [Msg::AppName];
        for &msg in Msg::ALL.iter().filter(|m| !english_on_purpose.contains(m)) {
            let text = t(Lang::Lo, msg);
            assert!(
                text.chars().any(|c| ('\u{0E80}'..='\u{0EFF}').contains(&c)),
                "{msg:?} has no Lao letters: {text}"
            );
        }
    }

    #[test]
    fn placeholders_count_matches_between_languages() {
        for &msg in Msg::ALL {
            assert_eq!(
                t(Lang::En, msg).matches("{}").count(),
                t(Lang::Lo, msg).matches("{}").count(),
                "{msg:?}"
            );
        }
    }

    #[test]
    fn fill_replaces_placeholders_in_order() {
        assert_eq!(fill("{} of {}", &["3", "40"]), "3 of 40");
        assert_eq!(fill("no placeholder", &["x"]), "no placeholder");
    }
}
