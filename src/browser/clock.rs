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

/// A `datetime-local` input's value (`2026-11-23T14:30`, the user's time zone) as
/// a timestamp; `None` when it is not a date and time.
pub fn from_local_input(text: &str) -> Option<Timestamp> {
    let (date, time) = text.split_once('T')?;
    let d = Date::parse(date)?;
    let mut hm = time.split(':');
    let h: u32 = hm.next()?.parse().ok()?;
    let m: u32 = hm.next()?.parse().ok()?;
    if h > 23 || m > 59 {
        return None;
    }
    let local = js_sys::Date::new_with_year_month_day_hr_min(d.year() as u32, d.month() as i32 - 1, chrono::Datelike::day(&d.0) as i32, h as i32, m as i32);
    let ms = local.get_time();
    ms.is_finite().then(|| Timestamp::from_millis(ms as i64)).flatten()
}

/// A timestamp as a `datetime-local` input's value in the user's time zone.
pub fn to_local_input(t: Timestamp) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(t.millis() as f64));
    format!("{:04}-{:02}-{:02}T{:02}:{:02}", d.get_full_year(), d.get_month() + 1, d.get_date(), d.get_hours(), d.get_minutes())
}

/// The user's offset from UTC in minutes east (Japan: 540), for times written
/// without one (CSV files).
pub fn utc_offset_minutes() -> i32 {
    -(js_sys::Date::new_0().get_timezone_offset() as i32)
}
