//! A keyboard cursor over a list (the timeline's events in date order): which keys move it and
//! where to.

/// A move of the cursor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    Next,
    Previous,
    First,
    Last,
}

impl Move {
    /// The move a key (`KeyboardEvent.key`) asks for: arrows step, Home and End jump.
    pub fn of_key(key: &str) -> Option<Move> {
        match key {
            "ArrowRight" | "ArrowDown" => Some(Move::Next),
            "ArrowLeft" | "ArrowUp" => Some(Move::Previous),
            "Home" => Some(Move::First),
            "End" => Some(Move::Last),
            _ => None,
        }
    }
}

/// Where a cursor at `current` (none yet) lands in a list of `len` after `step`; none in an
/// empty list. The first step of a new cursor lands on the first item, whatever its direction;
/// the ends hold.
pub fn moved(current: Option<usize>, len: usize, step: Move) -> Option<usize> {
    if len == 0 {
        return None;
    }
    let last = len - 1;
    Some(match (step, current) {
        (Move::First, _) => 0,
        (Move::Last, _) => last,
        (Move::Next | Move::Previous, None) => 0,
        (Move::Next, Some(i)) => (i + 1).min(last),
        (Move::Previous, Some(i)) => i.min(last).saturating_sub(1),
    })
}

/// The cursor after the list changed to `len` items: a cursor past the end is dropped.
pub fn kept(current: Option<usize>, len: usize) -> Option<usize> {
    current.filter(|&i| i < len)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_step_and_jump() {
        assert_eq!(Move::of_key("ArrowDown"), Some(Move::Next));
        assert_eq!(Move::of_key("ArrowLeft"), Some(Move::Previous));
        assert_eq!(Move::of_key("End"), Some(Move::Last));
        assert_eq!(Move::of_key("a"), None);
    }

    #[test]
    fn the_cursor_starts_at_the_first_item_and_holds_at_the_ends() {
        assert_eq!(moved(None, 5, Move::Previous), Some(0));
        assert_eq!(moved(None, 5, Move::Next), Some(0));
        assert_eq!(moved(Some(0), 5, Move::Previous), Some(0));
        assert_eq!(moved(Some(4), 5, Move::Next), Some(4));
        assert_eq!(moved(Some(2), 5, Move::Next), Some(3));
        assert_eq!(moved(Some(2), 5, Move::Last), Some(4));
        assert_eq!(moved(Some(3), 5, Move::First), Some(0));
        assert_eq!(moved(Some(3), 0, Move::Next), None);
    }

    #[test]
    fn a_shorter_list_drops_a_cursor_past_its_end() {
        assert_eq!(kept(Some(4), 5), Some(4));
        assert_eq!(kept(Some(5), 5), None);
        assert_eq!(kept(None, 5), None);
    }
}
