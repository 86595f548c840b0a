//! Values typed into the table's cells and the account form. An empty field clears
//! the value; anything else must read as the field's kind, or it is refused (the
//! UI keeps the text and says why) rather than guessed.

use crate::domain::money::parse_number;
use crate::domain::Money;

/// The text does not read as a value of the field's kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Invalid;

/// A head count: a whole number ≥ 0 ("1,200" and "１２００" read as 1200).
pub fn parse_employees(text: &str) -> Result<Option<u32>, Invalid> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    match parse_number(t) {
        Some(v) if v >= 0.0 && v.fract() == 0.0 && v <= f64::from(u32::MAX) => Ok(Some(v as u32)),
        _ => Err(Invalid),
    }
}

/// An amount ≥ 0 in the plan's currency.
pub fn parse_money(text: &str) -> Result<Option<Money>, Invalid> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    match Money::parse(t) {
        Ok(m) if m.minor() >= 0 => Ok(Some(m)),
        _ => Err(Invalid),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn employees_are_whole_and_not_negative() {
        assert_eq!(parse_employees(" 1200 "), Ok(Some(1200)));
        assert_eq!(parse_employees(""), Ok(None));
        assert_eq!(parse_employees("0"), Ok(Some(0)));
        for bad in ["-3", "12.5", "abc", "1e20", "NaN", "12,5x"] {
            assert_eq!(parse_employees(bad), Err(Invalid), "{bad}");
        }
    }

    #[test]
    fn money_is_not_negative() {
        assert_eq!(parse_money("32000000000"), Ok(Some(Money::from_major(32_000_000_000))));
        assert_eq!(parse_money("  "), Ok(None));
        assert_eq!(parse_money("-5"), Err(Invalid));
        assert_eq!(parse_money("lots"), Err(Invalid));
    }
}
