//! Time from the browser. The engine never reads the clock itself: the shell
//! passes "now" and "today" in, which keeps the engine deterministic and testable.

use crate::domain::{Date, Timestamp};

pub fn now() -> Timestamp {
    Timestamp::from_millis(js_sys::Date::now() as i64).unwrap_or_else(|| Timestamp::from_millis(0).unwrap_or(fallback()))
}

fn fallback() -> Timestamp {
    Timestamp(chrono::DateTime::<chrono::Utc>::MIN_UTC)
}

/// Today's date where the user is (their time zone).
pub fn today() -> Date {
    let d = js_sys::Date::new_0();
    Date::from_ymd(d.get_full_year() as i32, d.get_month() + 1, d.get_date()).unwrap_or_else(|| now().date())
}
