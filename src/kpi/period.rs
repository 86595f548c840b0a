//! Periods: inclusive date ranges ("this quarter", "last 90 days", custom) and the
//! period before, for comparisons.

use crate::domain::Date;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Period {
    pub start: Date,
    /// Inclusive.
    pub end: Date,
}

/// A period's first and after-last millisecond (see `Period::instants`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Instants {
    pub(crate) from: i64,
    pub(crate) until: i64,
}

impl Instants {
    pub fn holds(&self, t: crate::domain::Timestamp) -> bool {
        (self.from..self.until).contains(&t.millis())
    }
}

impl Period {
    /// `None` when the end is before the start.
    pub fn new(start: Date, end: Date) -> Option<Period> {
        (start <= end).then_some(Period { start, end })
    }

    pub fn contains(&self, d: Date) -> bool {
        self.start <= d && d <= self.end
    }

    /// The period as instants, for testing many timestamps: a timestamp is in the
    /// period when its (UTC) date is, as `contains(t.date())` says, without
    /// converting each one to a date.
    pub fn instants(&self) -> Instants {
        Instants { from: self.start.at(0, 0).millis(), until: self.end.add_days(1).at(0, 0).millis() }
    }

    /// Days in the period, both ends counted.
    pub fn days(&self) -> i64 {
        self.start.days_until(self.end) + 1
    }

    /// The period of the same length that ends the day before this one starts.
    pub fn previous(&self) -> Period {
        let end = self.start.add_days(-1);
        Period { start: end.add_days(-(self.days() - 1)), end }
    }

    /// The `n` days ending with `today` (`n` ≥ 1).
    pub fn last_days(today: Date, n: u32) -> Period {
        Period { start: today.add_days(-(i64::from(n.max(1)) - 1)), end: today }
    }

    /// The fiscal quarter containing `today`, for a fiscal year starting in
    /// `fy_start_month` (1–12; April is common in Japan).
    pub fn fiscal_quarter(today: Date, fy_start_month: u8) -> Period {
        let start_month = u32::from(fy_start_month.clamp(1, 12));
        // Months since the fiscal year began (0–11), then the quarter's first month.
        let offset = (today.month() + 12 - start_month) % 12;
        let back = offset % 3;
        let (mut y, mut m) = (today.year(), today.month());
        for _ in 0..back {
            if m == 1 {
                y -= 1;
                m = 12;
            } else {
                m -= 1;
            }
        }
        let start = Date::from_ymd(y, m, 1).unwrap_or(today);
        let (ny, nm) = {
            let total = m + 3;
            if total > 12 {
                (y + 1, total - 12)
            } else {
                (y, total)
            }
        };
        let end = Date::from_ymd(ny, nm, 1).map(|d| d.add_days(-1)).unwrap_or(today);
        Period { start, end }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instants_agree_with_dates_at_the_edges() {
        let p = Period::new(d(2026, 11, 1), d(2026, 11, 30)).unwrap();
        let within = p.instants();
        for (t, inside) in
            [("2026-10-31T23:59:59.999Z", false), ("2026-11-01T00:00:00Z", true), ("2026-11-30T23:59:59.999Z", true), ("2026-12-01T00:00:00Z", false)]
        {
            let t = crate::domain::Timestamp::parse(t).unwrap();
            assert_eq!(within.holds(t), inside, "{t}");
            assert_eq!(within.holds(t), p.contains(t.date()));
        }
    }

    fn d(y: i32, m: u32, day: u32) -> Date {
        Date::from_ymd(y, m, day).unwrap()
    }

    #[test]
    fn lengths_and_the_period_before() {
        let p = Period::new(d(2026, 10, 1), d(2026, 12, 31)).unwrap();
        assert_eq!(p.days(), 92);
        assert_eq!(p.previous(), Period { start: d(2026, 7, 1), end: d(2026, 9, 30) });
        assert_eq!(p.previous().days(), 92);
        assert!(Period::new(d(2026, 2, 1), d(2026, 1, 31)).is_none());
        let last = Period::last_days(d(2026, 11, 23), 90);
        assert_eq!((last.start, last.days()), (d(2026, 8, 26), 90));
        assert!(last.contains(d(2026, 11, 23)) && !last.contains(d(2026, 8, 25)));
    }

    #[test]
    fn fiscal_quarters_follow_the_fiscal_year_start() {
        // April start: Oct–Dec is Q3.
        assert_eq!(Period::fiscal_quarter(d(2026, 11, 23), 4), Period { start: d(2026, 10, 1), end: d(2026, 12, 31) });
        // January start: calendar quarters.
        assert_eq!(Period::fiscal_quarter(d(2026, 2, 28), 1), Period { start: d(2026, 1, 1), end: d(2026, 3, 31) });
        // February start: Nov–Jan crosses the year.
        assert_eq!(Period::fiscal_quarter(d(2027, 1, 15), 2), Period { start: d(2026, 11, 1), end: d(2027, 1, 31) });
        assert_eq!(Period::fiscal_quarter(d(2026, 12, 1), 2), Period { start: d(2026, 11, 1), end: d(2027, 1, 31) });
    }
}
