//! Opportunity bands as typed by the user.

use crate::domain::sorting;
use crate::domain::{Currency, Money};

/// Reads thresholds typed one per line (or separated by spaces or semicolons);
/// returns them ascending without duplicates, or the first text that is not an
/// amount of the plan's `currency`.
pub fn parse_bands(text: &str, currency: &Currency) -> Result<Vec<Money>, String> {
    let mut out = Vec::new();
    for part in text.split(['\n', ';', ' ', '\u{3000}']).map(str::trim).filter(|s| !s.is_empty()) {
        match Money::parse_in(part, currency) {
            Ok(Some(m)) if m > Money::ZERO => out.push(m),
            _ => return Err(part.to_string()),
        }
    }
    sorting::sort(&mut out);
    out.dedup();
    Ok(out)
}

/// Opportunity bands from the deal sizes themselves, for a plan that sets
/// none: the deciles (nearest rank) of the positive sizes, each rounded down
/// to two significant digits, ascending and distinct. The largest deals then
/// score 10, the smallest tenth 1; with fewer sizes there are fewer bands.
pub fn automatic(mut sizes: Vec<f64>) -> Vec<f64> {
    sizes.retain(|s| s.is_finite() && *s > 0.0);
    if sizes.is_empty() {
        return Vec::new();
    }
    sorting::sort_by(&mut sizes, f64::total_cmp);
    let n = sizes.len();
    let mut out: Vec<f64> = (1..=10).map(|k| round_two_digits(sizes[(k * n).div_ceil(10) - 1])).collect();
    out.dedup();
    out
}

/// Rounded down to two significant digits: a threshold never rises above the
/// size it came from, so the largest deal always reaches the top band.
fn round_two_digits(v: f64) -> f64 {
    let step = 10f64.powi(v.log10().floor() as i32 - 1);
    (v / step).floor() * step
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn automatic_bands_are_the_deciles_of_the_deal_sizes() {
        let sizes: Vec<f64> = (1..=100).map(|k| f64::from(k) * 1_000_000.0).collect();
        let bands = automatic(sizes);
        assert_eq!(bands, (1..=10).map(|k| f64::from(k) * 10_000_000.0).collect::<Vec<_>>());
        let odd = automatic(vec![1_234_567.0, 8_765_432.0, 0.0, f64::NAN]);
        assert_eq!(odd, vec![1_200_000.0, 8_700_000.0], "rounded down to two digits");
        assert_eq!(automatic(vec![5e6; 30]), vec![5e6], "one size, one band");
        assert!(automatic(vec![]).is_empty());
    }

    #[test]
    fn bands_are_sorted_deduplicated_and_checked() {
        let m = Money::from_major;
        let yen = Currency::try_from("JPY".to_string()).unwrap();
        assert_eq!(parse_bands("$1M", &yen), Err("$1M".to_string()), "another currency's amount is refused");
        assert_eq!(parse_bands("5000000\n1,000,000; 5000000  2000000", &yen), Ok(vec![m(1_000_000), m(2_000_000), m(5_000_000)]));
        assert_eq!(parse_bands("", &yen), Ok(vec![]));
        assert_eq!(parse_bands("1000000\nabc", &yen), Err("abc".to_string()));
        assert_eq!(parse_bands("0", &yen), Err("0".to_string()));
        assert_eq!(parse_bands("1M 5億 ¥3,000万", &yen), Ok(vec![m(1_000_000), m(30_000_000), m(500_000_000)]), "the forms every amount field reads");
    }
}
