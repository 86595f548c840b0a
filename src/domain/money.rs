//! Money as an exact value: an integer count of hundredths of the plan's currency
//! unit. Sums never drift (unlike floats) and two decimals cover every currency
//! a plan uses (yen has none, dollars and euros have two).
//!
//! In files, money is a JSON number in major units (`1200000`, `12500.5`): easy to
//! read and to produce from other tools. Whole amounts are written as integers and
//! others with the shortest decimals, so writing and reading back is exact.

use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::borrow::Cow;
use std::fmt;
use std::iter::Sum;
use std::ops::{Add, AddAssign, Neg, Sub};

/// Largest amount accepted (in major units): 10 trillion. Up to this size every
/// amount with two decimals is exactly representable as a JSON number.
pub const MAX_MAJOR: i64 = 10_000_000_000_000;
const SCALE: i64 = 100;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Money(i64);

impl Money {
    pub const ZERO: Money = Money(0);

    pub fn from_minor(hundredths: i64) -> Self {
        Money(hundredths)
    }

    pub fn from_major(units: i64) -> Self {
        Money(units.saturating_mul(SCALE))
    }

    /// Hundredths of the currency unit.
    pub fn minor(self) -> i64 {
        self.0
    }

    /// Major units as a float, for ratios and charts (never for sums).
    pub fn to_f64(self) -> f64 {
        self.0 as f64 / SCALE as f64
    }

    pub fn is_zero(&self) -> bool {
        self.0 == 0
    }

    /// From a float in major units. Refuses non-finite values, amounts beyond
    /// ±[`MAX_MAJOR`] and more than two decimals.
    pub fn from_f64(v: f64) -> Result<Self, MoneyProblem> {
        if !v.is_finite() {
            return Err(MoneyProblem::NotANumber);
        }
        if v.abs() > MAX_MAJOR as f64 {
            return Err(MoneyProblem::TooLarge);
        }
        let minor = (v * SCALE as f64).round();
        // The shortest decimal of `minor / 100` must read back as `v`, otherwise `v`
        // had more than two decimals.
        if minor / SCALE as f64 != v {
            return Err(MoneyProblem::TooManyDecimals);
        }
        Ok(Money(minor as i64))
    }

    /// Parses what a person types or a spreadsheet holds: `1,200,000`, `¥1,200,000`,
    /// `12500.50`, `-300`, full-width digits (`１２０万` is not understood, `１２００００` is).
    pub fn parse(text: &str) -> Result<Self, MoneyProblem> {
        let normalised: String = text
            .chars()
            .map(fold_full_width)
            .filter(|c| !matches!(c, ',' | ' ' | '\u{a0}' | '_' | '¥' | '￥' | '$' | '€' | '£' | '円'))
            .collect();
        let s = normalised.trim();
        if s.is_empty() {
            return Err(MoneyProblem::Empty);
        }
        let (neg, digits) = match s.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, s.strip_prefix('+').unwrap_or(s)),
        };
        let (whole, frac) = match digits.split_once('.') {
            Some((w, f)) => (w, f),
            None => (digits, ""),
        };
        if whole.is_empty() && frac.is_empty()
            || !whole.chars().all(|c| c.is_ascii_digit())
            || !frac.chars().all(|c| c.is_ascii_digit())
        {
            return Err(MoneyProblem::NotANumber);
        }
        if frac.len() > 2 {
            return Err(MoneyProblem::TooManyDecimals);
        }
        let whole: i64 = if whole.is_empty() {
            0
        } else {
            whole.parse().map_err(|_| MoneyProblem::TooLarge)?
        };
        if whole > MAX_MAJOR {
            return Err(MoneyProblem::TooLarge);
        }
        let frac_minor: i64 = match frac.len() {
            0 => 0,
            1 => frac.parse::<i64>().unwrap_or(0) * 10,
            _ => frac.parse::<i64>().unwrap_or(0),
        };
        let minor = whole * SCALE + frac_minor;
        Ok(Money(if neg { -minor } else { minor }))
    }

    /// Plain decimal text in major units without grouping: `1200000`, `12500.5`.
    pub fn to_plain_string(self) -> String {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        let whole = abs / SCALE as u64;
        let frac = abs % SCALE as u64;
        match frac {
            0 => format!("{sign}{whole}"),
            f if f % 10 == 0 => format!("{sign}{whole}.{}", f / 10),
            f => format!("{sign}{whole}.{f:02}"),
        }
    }

    pub fn checked_add(self, other: Money) -> Option<Money> {
        self.0.checked_add(other.0).map(Money)
    }
}

/// A number as people type it: `1,200`, `１２００`, `12.5`, `-3`.
pub fn parse_number(text: &str) -> Option<f64> {
    let s: String = text.chars().map(fold_full_width).filter(|c| !matches!(c, ',' | ' ' | '_' | '\u{a0}')).collect();
    let v: f64 = s.trim().parse().ok()?;
    v.is_finite().then_some(v)
}

/// Full-width ASCII (what a Japanese IME types) to half-width.
pub fn fold_full_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        '−' => '-',
        _ => c,
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MoneyProblem {
    Empty,
    NotANumber,
    TooLarge,
    TooManyDecimals,
}

impl fmt::Display for MoneyProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            MoneyProblem::Empty => "an amount is missing",
            MoneyProblem::NotANumber => "not an amount of money",
            MoneyProblem::TooLarge => "amount is too large (at most 10 trillion)",
            MoneyProblem::TooManyDecimals => "amounts have at most 2 decimals",
        })
    }
}

impl Add for Money {
    type Output = Money;
    fn add(self, o: Money) -> Money {
        Money(self.0.saturating_add(o.0))
    }
}

impl AddAssign for Money {
    fn add_assign(&mut self, o: Money) {
        self.0 = self.0.saturating_add(o.0);
    }
}

impl Sub for Money {
    type Output = Money;
    fn sub(self, o: Money) -> Money {
        Money(self.0.saturating_sub(o.0))
    }
}

impl Neg for Money {
    type Output = Money;
    fn neg(self) -> Money {
        Money(self.0.saturating_neg())
    }
}

impl Sum for Money {
    fn sum<I: Iterator<Item = Money>>(iter: I) -> Money {
        iter.fold(Money::ZERO, Add::add)
    }
}

impl<'a> Sum<&'a Money> for Money {
    fn sum<I: Iterator<Item = &'a Money>>(iter: I) -> Money {
        iter.copied().sum()
    }
}

impl Serialize for Money {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.0 % SCALE == 0 {
            s.serialize_i64(self.0 / SCALE)
        } else {
            s.serialize_f64(self.to_f64())
        }
    }
}

struct MoneyVisitor;

impl Visitor<'_> for MoneyVisitor {
    type Value = Money;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an amount of money")
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Money, E> {
        if v.unsigned_abs() > MAX_MAJOR as u64 {
            return Err(E::custom(MoneyProblem::TooLarge));
        }
        Ok(Money(v * SCALE))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Money, E> {
        if v > MAX_MAJOR as u64 {
            return Err(E::custom(MoneyProblem::TooLarge));
        }
        Ok(Money(v as i64 * SCALE))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Money, E> {
        Money::from_f64(v).map_err(E::custom)
    }
}

impl<'de> Deserialize<'de> for Money {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Money, D::Error> {
        d.deserialize_any(MoneyVisitor)
    }
}

impl JsonSchema for Money {
    fn schema_name() -> Cow<'static, str> {
        "Money".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "number",
            "description": "An amount in the plan's currency, in major units (yen, dollars), with at most 2 decimals.",
            "minimum": -(MAX_MAJOR as f64),
            "maximum": MAX_MAJOR as f64
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sums_are_exact() {
        let tenth = Money::parse("0.10").unwrap();
        let total: Money = std::iter::repeat_n(tenth, 10).sum();
        assert_eq!(total, Money::from_major(1));
        // The float sum drifts; that is why money is not a float.
        let float_total: f64 = std::iter::repeat_n(0.1f64, 10).sum();
        assert_ne!(float_total, 1.0);
    }

    #[test]
    fn parse_accepts_what_people_type() {
        assert_eq!(Money::parse("1,200,000").unwrap(), Money::from_major(1_200_000));
        assert_eq!(Money::parse("¥1,200,000").unwrap(), Money::from_major(1_200_000));
        assert_eq!(Money::parse("１２００００円").unwrap(), Money::from_major(120_000));
        assert_eq!(Money::parse("12500.5").unwrap(), Money::from_minor(1_250_050));
        assert_eq!(Money::parse("-300").unwrap(), Money::from_major(-300));
        assert_eq!(Money::parse(".5").unwrap(), Money::from_minor(50));
        assert_eq!(Money::parse("").unwrap_err(), MoneyProblem::Empty);
        assert_eq!(Money::parse("many").unwrap_err(), MoneyProblem::NotANumber);
        assert_eq!(Money::parse("1.234").unwrap_err(), MoneyProblem::TooManyDecimals);
        assert_eq!(Money::parse("99999999999999999999").unwrap_err(), MoneyProblem::TooLarge);
    }

    #[test]
    fn json_round_trip_is_exact() {
        for text in ["0", "1200000", "12500.5", "0.07", "-3.25", "9999999999999.99"] {
            let m: Money = serde_json::from_str(text).unwrap();
            assert_eq!(serde_json::to_string(&m).unwrap(), text);
        }
    }

    #[test]
    fn json_refuses_three_decimals_and_huge_amounts() {
        assert!(serde_json::from_str::<Money>("1.005").is_err());
        assert!(serde_json::from_str::<Money>("1e20").is_err());
        assert!(serde_json::from_str::<Money>("\"12\"").is_err());
    }

    #[test]
    fn numbers_as_typed() {
        assert_eq!(parse_number("1,200"), Some(1200.0));
        assert_eq!(parse_number("１２．５"), Some(12.5));
        assert_eq!(parse_number(" -3 "), Some(-3.0));
        assert_eq!(parse_number("abc"), None);
        assert_eq!(parse_number("inf"), None);
        assert_eq!(parse_number(""), None);
    }

    #[test]
    fn plain_string() {
        assert_eq!(Money::from_minor(1_250_050).to_plain_string(), "12500.5");
        assert_eq!(Money::from_minor(-7).to_plain_string(), "-0.07");
        assert_eq!(Money::from_major(5).to_plain_string(), "5");
    }
}
