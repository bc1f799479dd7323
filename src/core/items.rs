//! Uniform access to any item of a snapshot, for views that show "an item" (details, links).

use super::date::PartialDate;
use super::i18n::Msg;
use super::kinds::{ItemKind, ItemRef};
use super::model::{PartnerKind, Snapshot, SpanEnd};
use super::text::Text;

/// The item's id (a province's code).
pub fn id(s: &Snapshot, item: ItemRef) -> &str {
    (item.kind.describe().id)(s, item.index)
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
    (item.kind.describe().title)(s, item.index)
}

/// The ids of the sources the item cites (a source cites itself).
pub fn sources(s: &Snapshot, item: ItemRef) -> &[String] {
    (item.kind.describe().sources)(s, item.index)
}

/// What a date span says after its start when it has no end date: "ongoing" or "end not
/// recorded" (`None` when there is an end, or nothing to say).
pub fn open_end_label(s: &Snapshot, item: ItemRef) -> Option<Msg> {
    match item.kind {
        ItemKind::Project => match s.projects[item.index].span_end() {
            SpanEnd::Known => None,
            SpanEnd::Ongoing => Some(Msg::Ongoing),
            SpanEnd::Unrecorded => Some(Msg::EndUnknown),
        },
        _ => None,
    }
}

pub fn kind_label(kind: ItemKind) -> Msg {
    kind.describe().label
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
