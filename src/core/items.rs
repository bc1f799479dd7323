//! Uniform access to any item of a snapshot, for views that show "an item" (details, links).

use super::date::PartialDate;
use super::i18n::Msg;
use super::index::{ItemKind, ItemRef};
use super::model::{PartnerKind, Snapshot};
use super::text::Text;

/// The item's id (a province's code).
pub fn id(s: &Snapshot, item: ItemRef) -> &str {
    let i = item.index;
    match item.kind {
        ItemKind::Theme => &s.themes[i].id,
        ItemKind::Partner => &s.partners[i].id,
        ItemKind::Province => &s.provinces[i].code,
        ItemKind::Event => &s.events[i].id,
        ItemKind::Project => &s.projects[i].id,
        ItemKind::Person => &s.people[i].id,
        ItemKind::Framework => &s.frameworks[i].id,
        ItemKind::Source => &s.sources[i].id,
        ItemKind::Note => &s.notes[i].id,
    }
}

/// When an event or project happens: its start, its end if it has one, and whether the dates
/// are inferred. `None` for items without dates.
pub fn dates(s: &Snapshot, item: ItemRef) -> Option<(PartialDate, Option<PartialDate>, bool)> {
    let i = item.index;
    match item.kind {
        ItemKind::Event => Some((s.events[i].date, s.events[i].end, s.events[i].inferred)),
        ItemKind::Project => Some((
            s.projects[i].start,
            s.projects[i].end,
            s.projects[i].inferred,
        )),
        _ => None,
    }
}

/// The item's name or title.
pub fn title(s: &Snapshot, item: ItemRef) -> Text {
    let i = item.index;
    match item.kind {
        ItemKind::Theme => s.themes[i].name.clone(),
        ItemKind::Partner => s.partners[i].name.clone(),
        ItemKind::Province => s.provinces[i].name.clone(),
        ItemKind::Event => s.events[i].title.clone(),
        ItemKind::Project => s.projects[i].title.clone(),
        ItemKind::Person => Text::en(s.people[i].name.clone()),
        ItemKind::Framework => s.frameworks[i].name.clone(),
        ItemKind::Source => Text::en(s.sources[i].title.clone()),
        ItemKind::Note => s.notes[i].title.clone(),
    }
}

/// The ids of the sources the item cites (a source cites itself).
pub fn sources(s: &Snapshot, item: ItemRef) -> Vec<String> {
    let i = item.index;
    match item.kind {
        ItemKind::Theme => s.themes[i].sources.clone(),
        ItemKind::Partner => s.partners[i].sources.clone(),
        ItemKind::Province => s.provinces[i].sources.clone(),
        ItemKind::Event => s.events[i].sources.clone(),
        ItemKind::Project => s.projects[i].sources.clone(),
        ItemKind::Person => s.people[i].sources.clone(),
        ItemKind::Framework => s.frameworks[i].sources.clone(),
        ItemKind::Source => vec![s.sources[i].id.clone()],
        ItemKind::Note => s.notes[i].sources.clone(),
    }
}

pub fn kind_label(kind: ItemKind) -> Msg {
    match kind {
        ItemKind::Theme => Msg::ItemTheme,
        ItemKind::Partner => Msg::ItemPartner,
        ItemKind::Province => Msg::ItemProvince,
        ItemKind::Event => Msg::ItemEvent,
        ItemKind::Project => Msg::ItemProject,
        ItemKind::Person => Msg::ItemPerson,
        ItemKind::Framework => Msg::ItemFramework,
        ItemKind::Source => Msg::ItemSource,
        ItemKind::Note => Msg::ItemNote,
    }
}

pub fn partner_kind_label(kind: PartnerKind) -> Msg {
    match kind {
        PartnerKind::Government => Msg::KindGovernment,
        PartnerKind::Un => Msg::KindUn,
        PartnerKind::Donor => Msg::KindDonor,
        PartnerKind::CivilSociety => Msg::KindCivilSociety,
        PartnerKind::PrivateSector => Msg::KindPrivateSector,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_events_and_projects_have_dates() {
        let s = crate::core::shipped_snapshot();
        let event = &s.events[0];
        assert_eq!(
            dates(&s, ItemRef::new(ItemKind::Event, 0)),
            Some((event.date, event.end, event.inferred))
        );
        let project = &s.projects[0];
        assert_eq!(
            dates(&s, ItemRef::new(ItemKind::Project, 0)),
            Some((project.start, project.end, project.inferred))
        );
        assert_eq!(dates(&s, ItemRef::new(ItemKind::Theme, 0)), None);
    }
}
