//! Dates and instants. A [`Date`] is a calendar day (a due date, a deal's close
//! date); a [`Timestamp`] is an instant in UTC (when an email was opened). Both are
//! written in files as ISO 8601 text (`2026-04-01`, `2026-04-01T09:30:00Z`).

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::borrow::Cow;
use std::fmt;

/// Years outside this range are almost certainly typing mistakes.
pub const MIN_YEAR: i32 = 1900;
pub const MAX_YEAR: i32 = 2200;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(pub NaiveDate);

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(pub DateTime<Utc>);

impl Date {
    pub fn from_ymd(y: i32, m: u32, d: u32) -> Option<Date> {
        NaiveDate::from_ymd_opt(y, m, d).map(Date)
    }

    /// `2026-04-01`; also accepts `2026/4/1` and full-width digits.
    pub fn parse(text: &str) -> Option<Date> {
        let t: String = text.trim().chars().map(crate::domain::quantity::fold_full_width).collect();
        let d = NaiveDate::parse_from_str(&t, "%Y-%m-%d").or_else(|_| NaiveDate::parse_from_str(&t, "%Y/%m/%d")).ok()?;
        (MIN_YEAR..=MAX_YEAR).contains(&d.year()).then_some(Date(d))
    }

    pub fn year(self) -> i32 {
        self.0.year()
    }

    pub fn month(self) -> u32 {
        self.0.month()
    }

    pub fn add_days(self, days: i64) -> Date {
        Date(self.0 + chrono::Duration::days(days))
    }

    /// The instant at `hour:minute` UTC on this day.
    pub fn at(self, hour: u32, minute: u32) -> Timestamp {
        let time = chrono::NaiveTime::from_hms_opt(hour.min(23), minute.min(59), 0).unwrap_or_default();
        Timestamp(self.0.and_time(time).and_utc())
    }

    /// Whole days from `self` to `later` (negative if `later` is earlier).
    pub fn days_until(self, later: Date) -> i64 {
        (later.0 - self.0).num_days()
    }
}

impl Timestamp {
    pub fn from_millis(ms: i64) -> Option<Timestamp> {
        DateTime::from_timestamp_millis(ms).map(Timestamp)
    }

    pub fn millis(self) -> i64 {
        self.0.timestamp_millis()
    }

    pub fn date(self) -> Date {
        Date(self.0.date_naive())
    }

    pub fn parse(text: &str) -> Option<Timestamp> {
        let dt = DateTime::parse_from_rfc3339(text.trim()).ok()?.with_timezone(&Utc);
        (MIN_YEAR..=MAX_YEAR).contains(&dt.year()).then_some(Timestamp(dt))
    }

    pub fn add_minutes(self, minutes: i64) -> Timestamp {
        Timestamp(self.0 + chrono::Duration::minutes(minutes))
    }

    pub fn add_days(self, days: i64) -> Timestamp {
        Timestamp(self.0 + chrono::Duration::days(days))
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.format("%Y-%m-%d"))
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true))
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

struct DateVisitor;

impl Visitor<'_> for DateVisitor {
    type Value = Date;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a date like 2026-04-01")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Date, E> {
        match NaiveDate::parse_from_str(v, "%Y-%m-%d") {
            Ok(d) if (MIN_YEAR..=MAX_YEAR).contains(&d.year()) => Ok(Date(d)),
            Ok(_) => Err(E::custom(format!("date out of range: {v:?} (years {MIN_YEAR}–{MAX_YEAR})"))),
            Err(_) => Err(E::invalid_value(de::Unexpected::Str(v), &self)),
        }
    }
}

struct TimestampVisitor;

impl Visitor<'_> for TimestampVisitor {
    type Value = Timestamp;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a date and time like 2026-04-01T09:30:00Z")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Timestamp, E> {
        match DateTime::parse_from_rfc3339(v) {
            Ok(d) if (MIN_YEAR..=MAX_YEAR).contains(&d.year()) => Ok(Timestamp(d.with_timezone(&Utc))),
            Ok(_) => Err(E::custom(format!("date out of range: {v:?} (years {MIN_YEAR}–{MAX_YEAR})"))),
            Err(_) => Err(E::invalid_value(de::Unexpected::Str(v), &self)),
        }
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        d.deserialize_str(DateVisitor)
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Timestamp, D::Error> {
        d.deserialize_str(TimestampVisitor)
    }
}

impl JsonSchema for Date {
    fn schema_name() -> Cow<'static, str> {
        "Date".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": "string", "format": "date", "description": "A calendar day, YYYY-MM-DD." })
    }
}

impl JsonSchema for Timestamp {
    fn schema_name() -> Cow<'static, str> {
        "Timestamp".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": "string", "format": "date-time", "description": "An instant, RFC 3339 in UTC." })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_round_trip_and_parse() {
        let d: Date = serde_json::from_str("\"2026-04-01\"").unwrap();
        assert_eq!(serde_json::to_string(&d).unwrap(), "\"2026-04-01\"");
        assert_eq!(Date::parse("2026/4/1"), Some(d));
        assert_eq!(Date::parse("２０２６-０４-０１"), Some(d));
        assert!(serde_json::from_str::<Date>("\"2026-02-30\"").is_err());
        assert!(serde_json::from_str::<Date>("\"9999-01-01\"").is_err());
        assert!(serde_json::from_str::<Date>("20260401").is_err());
    }

    #[test]
    fn timestamp_round_trip_in_utc() {
        let t: Timestamp = serde_json::from_str("\"2026-04-01T09:30:00Z\"").unwrap();
        assert_eq!(serde_json::to_string(&t).unwrap(), "\"2026-04-01T09:30:00Z\"");
        let jst: Timestamp = serde_json::from_str("\"2026-04-01T18:30:00+09:00\"").unwrap();
        assert_eq!(jst, t);
        let ms = Timestamp::from_millis(t.millis() + 5).unwrap();
        assert_eq!(ms.to_string(), "2026-04-01T09:30:00.005Z");
        let back: Timestamp = serde_json::from_str(&serde_json::to_string(&ms).unwrap()).unwrap();
        assert_eq!(back, ms);
    }

    #[test]
    fn days_between() {
        let a = Date::from_ymd(2026, 1, 1).unwrap();
        assert_eq!(a.days_until(Date::from_ymd(2026, 3, 1).unwrap()), 59);
        assert_eq!(a.add_days(31), Date::from_ymd(2026, 2, 1).unwrap());
    }
}
