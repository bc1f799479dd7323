//! The explorer's years (2001-2026) and spans of them, with the one rule for moving an end.

/// Events, projects and the strategy fall inside these years; frameworks may reach further.
pub const FIRST_YEAR: i32 = 2001;
pub const LAST_YEAR: i32 = 2026;

/// An inclusive span of years, never inverted when built with [`Years::with`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Years {
    pub from: i32,
    pub to: i32,
}

/// One end of a span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum End {
    From,
    To,
}

impl Years {
    pub const ALL: Years = Years {
        from: FIRST_YEAR,
        to: LAST_YEAR,
    };

    pub fn overlaps(self, other: Years) -> bool {
        self.from <= other.to && other.from <= self.to
    }

    /// The smallest span holding both.
    pub fn widen(self, other: Years) -> Years {
        Years {
            from: self.from.min(other.from),
            to: self.to.max(other.to),
        }
    }

    /// Moves one end to `year` (kept inside 2001-2026). The end that moves wins: if it passes
    /// the other end, the other end moves with it, so the span is never inverted. Every way of
    /// setting years (the timeline's handles, the filter's selects, the URL) goes through here.
    pub fn with(self, end: End, year: i32) -> Years {
        let year = year.clamp(FIRST_YEAR, LAST_YEAR);
        match end {
            End::From => Years {
                from: year,
                to: self.to.max(year),
            },
            End::To => Years {
                from: self.from.min(year),
                to: year,
            },
        }
    }

    pub fn end(self, end: End) -> i32 {
        match end {
            End::From => self.from,
            End::To => self.to,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moving_an_end_past_the_other_pushes_it() {
        let span = Years {
            from: 2010,
            to: 2015,
        };
        assert_eq!(
            span.with(End::From, 2020),
            Years {
                from: 2020,
                to: 2020
            }
        );
        assert_eq!(
            span.with(End::To, 2005),
            Years {
                from: 2005,
                to: 2005
            }
        );
        assert_eq!(
            span.with(End::From, 2012),
            Years {
                from: 2012,
                to: 2015
            }
        );
        assert_eq!(
            span.with(End::To, 2026),
            Years {
                from: 2010,
                to: 2026
            }
        );
    }

    #[test]
    fn years_outside_the_explorer_are_brought_inside() {
        assert_eq!(Years::ALL.with(End::From, 1990), Years::ALL);
        assert_eq!(Years::ALL.with(End::To, 2099), Years::ALL);
        assert_eq!(Years::ALL.with(End::From, 2099).from, LAST_YEAR);
    }

    #[test]
    fn spans_overlap_when_they_share_a_year() {
        let a = Years {
            from: 2010,
            to: 2012,
        };
        assert!(a.overlaps(Years {
            from: 2012,
            to: 2020
        }));
        assert!(!a.overlaps(Years {
            from: 2013,
            to: 2020
        }));
        assert_eq!(
            a.widen(Years {
                from: 2015,
                to: 2016
            }),
            Years {
                from: 2010,
                to: 2016
            }
        );
    }
}
