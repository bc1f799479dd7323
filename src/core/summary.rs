//! Counts of what a snapshot holds, for the overview and the checker's summary line.

use super::model::Snapshot;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    pub themes: usize,
    pub partners: usize,
    pub events: usize,
    pub projects: usize,
    pub provinces: usize,
    pub people: usize,
    pub sources: usize,
    pub notes: usize,
    pub frameworks: usize,
}

impl Counts {
    pub fn of(snapshot: &Snapshot) -> Self {
        Counts {
            themes: snapshot.themes.len(),
            partners: snapshot.partners.len(),
            events: snapshot.events.len(),
            projects: snapshot.projects.len(),
            provinces: snapshot.provinces.len(),
            people: snapshot.people.len(),
            sources: snapshot.sources.len(),
            notes: snapshot.notes.len(),
            frameworks: snapshot.frameworks.len(),
        }
    }
}

impl std::fmt::Display for Counts {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(
            f,
            "{} themes, {} partners, {} events, {} projects, {} provinces, {} people, {} frameworks, {} sources, {} notes",
            self.themes,
            self.partners,
            self.events,
            self.projects,
            self.provinces,
            self.people,
            self.frameworks,
            self.sources,
            self.notes
        )
    }
}
