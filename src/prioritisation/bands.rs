//! Opportunity bands as typed by the user.

use crate::account_list::parse_money;
use crate::domain::Money;

/// Reads thresholds typed one per line (or separated by spaces or semicolons);
/// returns them ascending without duplicates, or the first text that is not an amount.
pub fn parse_bands(text: &str) -> Result<Vec<Money>, String> {
    let mut out = Vec::new();
    for part in text.split(['\n', ';', ' ', '\u{3000}']).map(str::trim).filter(|s| !s.is_empty()) {
        match parse_money(part) {
            Ok(Some(m)) if m > Money::ZERO => out.push(m),
            _ => return Err(part.to_string()),
        }
    }
    out.sort();
    out.dedup();
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bands_are_sorted_deduplicated_and_checked() {
        let m = Money::from_major;
        assert_eq!(parse_bands("5000000\n1,000,000; 5000000  2000000"), Ok(vec![m(1_000_000), m(2_000_000), m(5_000_000)]));
        assert_eq!(parse_bands(""), Ok(vec![]));
        assert_eq!(parse_bands("1000000\nabc"), Err("abc".to_string()));
        assert_eq!(parse_bands("0"), Err("0".to_string()));
    }
}
