//! Money as an exact value: an integer count of hundredths of the plan's currency
//! unit. Sums never drift (unlike floats) and two decimals cover every currency
//! a plan uses (yen has none, dollars and euros have two).
//!
//! In files, money is a JSON number in major units (`1200000`, `12500.5`): easy to
//! read and to produce from other tools. Whole amounts are written as integers and
//! others with the shortest decimals, so writing and reading back is exact.

use super::quantity::{self, CurrencyHint};
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
    pub fn from_f64(v: f64) -> Result<Self, NumberProblem> {
        if !v.is_finite() {
            return Err(NumberProblem::NotANumber);
        }
        if v.abs() > MAX_MAJOR as f64 {
            return Err(NumberProblem::TooLarge);
        }
        let minor = (v * SCALE as f64).round();
        // The shortest decimal of `minor / 100` must read back as `v`, otherwise `v`
        // had more than two decimals.
        if minor / SCALE as f64 != v {
            return Err(NumberProblem::TooManyDecimals);
        }
        Ok(Money(minor as i64))
    }

    /// Reads an amount the way every field of the app does (see
    /// [`crate::domain::quantity`]): `1,200,000`, `¥1,200,000`, `$250,000`,
    /// `$350M`, `3.5億円`, `1億2,000万`, `約800万`, `-300`, `(300)`.
    pub fn parse(text: &str) -> Result<Self, NumberProblem> {
        Money::parse_with_currency(text).map(|(m, _)| m)
    }

    /// [`Money::parse`], with the currency the text named, if any (`$` → `USD`).
    pub fn parse_with_currency(text: &str) -> Result<(Self, CurrencyHint), NumberProblem> {
        let x = quantity::read(text, false)?;
        // Hundredths: the exact value must not go below them.
        let per_minor = quantity::SCALE / SCALE as u128;
        if x.units % per_minor != 0 {
            return Err(NumberProblem::TooManyDecimals);
        }
        let minor = x.units / per_minor;
        if minor > (MAX_MAJOR * SCALE) as u128 {
            return Err(NumberProblem::TooLarge);
        }
        let minor = minor as i64;
        Ok((Money(if x.negative { -minor } else { minor }), x.currency))
    }

    /// An amount that may be left empty and is never negative (a revenue, a
    /// deal, a range's end, a target; empty is `None`), for a plan kept in
    /// `currency`: an amount that
    /// names another currency ("$250,000" typed in a yen plan, "1億円" in a
    /// dollar one) is refused, never read as if it were the plan's. A symbol
    /// several currencies share reads as the plan's when the plan uses it:
    /// `$` in any dollar plan, `¥` in a yen or a yuan plan.
    pub fn parse_in(text: &str, currency: &super::Currency) -> Result<Option<Self>, NumberProblem> {
        let (money, named) = match Money::parse_with_currency(text) {
            Err(NumberProblem::Empty) => return Ok(None),
            Err(p) => return Err(p),
            Ok(read) => read,
        };
        if money.0 < 0 {
            return Err(NumberProblem::Negative);
        }
        match named {
            Some(code) if code != currency.code() && !shared_symbol(text, code, currency.code()) => Err(NumberProblem::OtherCurrency(code)),
            _ => Ok(Some(money)),
        }
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

use super::quantity::NumberProblem;

/// Whether `text`, read as naming `named`, only used a symbol that `plan`'s
/// currency writes too (`$` for every dollar, `¥` for the yuan).
fn shared_symbol(text: &str, named: &str, plan: &str) -> bool {
    const DOLLARS: [&str; 7] = ["USD", "AUD", "CAD", "HKD", "SGD", "NZD", "TWD"];
    let lower = text.to_lowercase();
    let says = |words: &[&str]| words.iter().any(|w| lower.contains(w));
    match named {
        "USD" => DOLLARS.contains(&plan) && !says(&["usd", "us$", "ドル"]),
        "JPY" => plan == "CNY" && !says(&["jpy", "円", "yen"]),
        _ => false,
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
            return Err(E::custom(NumberProblem::TooLarge));
        }
        Ok(Money(v * SCALE))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Money, E> {
        if v > MAX_MAJOR as u64 {
            return Err(E::custom(NumberProblem::TooLarge));
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
    fn an_amount_in_another_currency_is_refused_not_misread() {
        let [yen, dollars, yuan, aud] = ["JPY", "USD", "CNY", "AUD"].map(|c| crate::domain::Currency::try_from(c.to_string()).unwrap());
        let other = |c| Err(NumberProblem::OtherCurrency(c));
        assert_eq!(Money::parse_in("$250,000", &yen), other("USD"));
        assert_eq!(Money::parse_in("1億2,000万円", &dollars), other("JPY"));
        assert_eq!(Money::parse_in("€1.5K", &dollars), other("EUR"));
        // The plan's own currency, or none named, reads.
        assert_eq!(Money::parse_in("$250,000", &dollars), Ok(Some(Money::from_major(250_000))));
        assert_eq!(Money::parse_in("1億2,000万円", &yen), Ok(Some(Money::from_major(120_000_000))));
        assert_eq!(Money::parse_in("50M", &yen), Ok(Some(Money::from_major(50_000_000))));
        assert_eq!(Money::parse_in(" ", &yen), Ok(None));
        assert_eq!(Money::parse_in("-5", &yen), Err(NumberProblem::Negative));
        // Shared symbols: $ is every dollar's, ¥ the yuan's too; a code is not.
        assert_eq!(Money::parse_in("$1,000", &aud), Ok(Some(Money::from_major(1_000))));
        assert_eq!(Money::parse_in("USD 1,000", &aud), other("USD"));
        assert_eq!(Money::parse_in("¥1,000", &yuan), Ok(Some(Money::from_major(1_000))));
        assert_eq!(Money::parse_in("1,000円", &yuan), other("JPY"));
    }

    #[test]
    fn parse_accepts_what_people_type() {
        assert_eq!(Money::parse("1,200,000").unwrap(), Money::from_major(1_200_000));
        assert_eq!(Money::parse("¥1,200,000").unwrap(), Money::from_major(1_200_000));
        assert_eq!(Money::parse("１２００００円").unwrap(), Money::from_major(120_000));
        assert_eq!(Money::parse("12500.5").unwrap(), Money::from_minor(1_250_050));
        assert_eq!(Money::parse("-300").unwrap(), Money::from_major(-300));
        assert_eq!(Money::parse(".5").unwrap(), Money::from_minor(50));
        assert_eq!(Money::parse("").unwrap_err(), NumberProblem::Empty);
        assert_eq!(Money::parse("many").unwrap_err(), NumberProblem::NotANumber);
        assert_eq!(Money::parse("1.234").unwrap_err(), NumberProblem::TooManyDecimals);
        assert_eq!(Money::parse("99999999999999999999").unwrap_err(), NumberProblem::TooLarge);
    }

    #[test]
    fn parse_reads_every_form_the_app_shows_or_exports_write() {
        let m = |v: i64| Ok(Money::from_major(v));
        for (text, want) in [
            ("$250,000", m(250_000)),
            ("$350M", m(350_000_000)),
            ("50M", m(50_000_000)),
            ("1.2B", m(1_200_000_000)),
            ("€1.5K", m(1_500)),
            ("2 million", m(2_000_000)),
            ("¥12億", m(1_200_000_000)),
            ("￥3,500万", m(35_000_000)),
            ("3.5億円", m(350_000_000)),
            ("1億2,000万円", m(120_000_000)),
            ("1億2千万", m(120_000_000)),
            ("1兆2000億円", m(1_200_000_000_000)),
            ("約800万", m(8_000_000)),
            ("1,200百万円", m(1_200_000_000)),
            ("5千円", m(5_000)),
            ("１２０万", m(1_200_000)),
            ("USD 12,500", m(12_500)),
            ("12,500 USD", m(12_500)),
            ("(300)", m(-300)),
            ("▲300万", m(-3_000_000)),
            ("-$300", m(-300)),
            ("$-300", m(-300)),
            ("1.234M", m(1_234_000)),
        ] {
            assert_eq!(Money::parse(text), want, "{text}");
        }
        assert_eq!(Money::parse("$12,500.50"), Ok(Money::from_minor(1_250_050)));
        assert_eq!(Money::parse_with_currency("$350M").map(|(_, c)| c), Ok(Some("USD")));
        assert_eq!(Money::parse_with_currency("3.5億円").map(|(_, c)| c), Ok(Some("JPY")));
        assert_eq!(Money::parse_with_currency("1200").map(|(_, c)| c), Ok(None));
        for bad in ["$", "億", "1万2億", "12 apples", "1.2.3", "2026-04-01", "1e6", "$¥5", "1.2MB"] {
            assert!(Money::parse(bad).is_err(), "{bad}");
        }
        assert_eq!(Money::parse("1.234567K"), Err(NumberProblem::TooManyDecimals), "below a hundredth");
        assert_eq!(Money::parse("1.2345678M"), Ok(Money::from_minor(123_456_780)));
        assert_eq!(Money::parse("20兆"), Err(NumberProblem::TooLarge));
    }

    #[test]
    fn optional_amounts_are_empty_or_not_negative() {
        let yen = crate::domain::Currency::try_from("JPY".to_string()).unwrap();
        assert_eq!(Money::parse_in("  ", &yen), Ok(None));
        assert_eq!(Money::parse_in("50M", &yen), Ok(Some(Money::from_major(50_000_000))));
        assert_eq!(Money::parse_in("-5", &yen), Err(NumberProblem::Negative));
        assert_eq!(Money::parse_in("lots", &yen), Err(NumberProblem::NotANumber));
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
    fn plain_string() {
        assert_eq!(Money::from_minor(1_250_050).to_plain_string(), "12500.5");
        assert_eq!(Money::from_minor(-7).to_plain_string(), "-0.07");
        assert_eq!(Money::from_major(5).to_plain_string(), "5");
    }
}
