//! Numbers as people and exports write them, read one way for every field that
//! holds an amount or a count: the account form, the ICP ranges, goals, deals,
//! opportunity bands and CSV import all call this module, so a form the app
//! accepts in one place it accepts everywhere, including what it displays itself
//! (`$350M`, `¥12億`, `¥1,200,000`).
//!
//! Read: full-width digits; grouping commas and spaces; a sign (`-`, `−`, `▲`,
//! `△`, or parentheses); a currency symbol or code before or after (`¥`, `$`,
//! `€`, `£`, `円`, `ドル`, `JPY`, `USD`…); "about" (`約`, `およそ`, `approx.`,
//! `~`) and "or so / or more" (`程度`, `前後`, `以上`, `超`, `+`); Japanese
//! units combined (`1兆2,000億円`, `1億2千万`, `3.5億`, `1,200百万円`); English
//! ones (`50K`, `50M`, `1.2B`, `2 million`); and for counts a counter word (`名`,
//! `人`, `社`, `件`…). Decimals are exact (no floats), so `3.5億` is 350,000,000.
//! Anything else is a problem, never a guess.
//!
//! Written: [`write_number`] writes a number as the app shows it in English and
//! in Japanese (`1,234.5`), which reads back here.

use std::fmt;

/// Why a text is not a number of the kind asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumberProblem {
    Empty,
    NotANumber,
    TooLarge,
    /// Money has at most 2 decimals (after units: `1.234` is refused, `1.234M` is not).
    TooManyDecimals,
    Negative,
    /// A count with a fraction (`12.5名`).
    NotWhole,
    /// An amount that names a currency other than the plan's (this one).
    OtherCurrency(&'static str),
}

impl fmt::Display for NumberProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            NumberProblem::Empty => "an amount is missing",
            NumberProblem::NotANumber => "not an amount of money",
            NumberProblem::TooLarge => "amount is too large (at most 10 trillion)",
            NumberProblem::TooManyDecimals => "amounts have at most 2 decimals",
            NumberProblem::Negative => "must not be negative",
            NumberProblem::NotWhole => "must be a whole number",
            NumberProblem::OtherCurrency(_) => "in another currency than the plan's",
        })
    }
}

/// The currency a text named, when it named one (`$` → USD).
pub type CurrencyHint = Option<&'static str>;

/// A number read exactly: `sign × units`, where `units` counts `10^-SCALE`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Exact {
    pub negative: bool,
    /// The magnitude in hundred-millionths: 8 decimals cover every product of
    /// a typed decimal (up to 8 places) and a unit.
    pub units: u128,
    pub currency: CurrencyHint,
}

pub(crate) const SCALE_DIGITS: u32 = 8;
pub(crate) const SCALE: u128 = 100_000_000;

/// Full-width ASCII (what a Japanese IME types) to half-width; the ideographic
/// space to a space; the minus sign and the full-width yen sign to `-` and `¥`.
pub fn fold_full_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        '−' | '‐' | '‑' | '–' => '-',
        '￥' => '¥',
        _ => c,
    }
}

/// A plain number as people type it: `1,200`, `１２００`, `12.5`, `-3` (no
/// units or currency: weights, scores, percentages).
pub fn parse_number(text: &str) -> Option<f64> {
    let s: String = text.chars().map(fold_full_width).filter(|c| !matches!(c, ',' | ' ' | '_' | '\u{a0}' | '\u{202f}')).collect();
    let v: f64 = s.trim().parse().ok()?;
    v.is_finite().then_some(v)
}

/// Words around a number that say "about" or "or more"; the number read is
/// the one written.
const APPROX_PREFIXES: [&str; 10] = ["約", "およそ", "approximately", "approx.", "approx", "about", "ca.", "~", "≈", "ほぼ"];
const APPROX_SUFFIXES: [&str; 9] = ["程度", "前後", "以上", "以下", "未満", "超", "ほど", "+", "強"];

/// Currency symbols and codes, longest first where one starts another.
const CURRENCIES: [(&str, &str); 16] = [
    ("us$", "USD"),
    ("usd", "USD"),
    ("jpy", "JPY"),
    ("eur", "EUR"),
    ("gbp", "GBP"),
    ("cny", "CNY"),
    ("rmb", "CNY"),
    ("円", "JPY"),
    ("¥", "JPY"),
    ("yen", "JPY"),
    ("$", "USD"),
    ("ドル", "USD"),
    ("€", "EUR"),
    ("ユーロ", "EUR"),
    ("£", "GBP"),
    ("元", "CNY"),
];

/// Words counted after a count (`1,200名`).
const COUNTERS: [&str; 12] = ["名", "人", "社", "件", "回", "個", "台", "拠点", "店舗", "people", "employees", "staff"];

fn strip_prefix_ci<'a>(s: &'a str, word: &str) -> Option<&'a str> {
    let head = s.get(..word.len())?;
    head.eq_ignore_ascii_case(word).then(|| &s[word.len()..])
}

fn strip_suffix_ci<'a>(s: &'a str, word: &str) -> Option<&'a str> {
    let cut = s.len().checked_sub(word.len())?;
    let tail = s.get(cut..)?;
    tail.eq_ignore_ascii_case(word).then(|| &s[..cut])
}

/// Reads `text` as a signed exact number; `counters` allows a counter word.
pub(crate) fn read(text: &str, counters: bool) -> Result<Exact, NumberProblem> {
    let folded: String = text.chars().map(fold_full_width).filter(|c| !matches!(c, ',' | '，' | '_' | '\u{a0}' | '\u{202f}' | '\u{2009}')).collect();
    let mut s = folded.trim();
    if s.is_empty() {
        return Err(NumberProblem::Empty);
    }
    let mut negative = false;
    let mut currency: CurrencyHint = None;
    if let Some(inner) = s.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
        negative = true;
        s = inner.trim();
    }
    // Signs, currencies, approximations and counters may come in any order
    // around the number: take them off until none is left.
    loop {
        let before = s;
        for sign in ["-", "▲", "△"] {
            if let Some(rest) = s.strip_prefix(sign) {
                negative = !negative;
                s = rest.trim_start();
            }
        }
        if let Some(rest) = s.strip_prefix('+') {
            s = rest.trim_start();
        }
        for word in APPROX_PREFIXES {
            if let Some(rest) = strip_prefix_ci(s, word) {
                s = rest.trim_start();
            }
        }
        for word in APPROX_SUFFIXES {
            if let Some(rest) = strip_suffix_ci(s, word) {
                s = rest.trim_end();
            }
        }
        for (word, code) in CURRENCIES {
            // A currency named twice (`¥1,200円`) is still one currency.
            let named = |c: CurrencyHint| c.is_none() || c == Some(code);
            if let Some(rest) = strip_prefix_ci(s, word).filter(|_| named(currency)) {
                currency = Some(code);
                s = rest.trim_start();
            }
            if let Some(rest) = strip_suffix_ci(s, word).filter(|_| named(currency)) {
                currency = Some(code);
                s = rest.trim_end();
            }
        }
        if counters {
            for word in COUNTERS {
                if let Some(rest) = strip_suffix_ci(s, word) {
                    s = rest.trim_end();
                }
            }
        }
        if s == before {
            break;
        }
    }
    let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    let units = magnitude(&s)?;
    Ok(Exact { negative, units, currency })
}

/// English multipliers after a number (`50K`, `1.2bn`, `2 million`).
fn english_unit(word: &str) -> Option<u128> {
    Some(match word.to_ascii_lowercase().as_str() {
        "k" | "thousand" => 1_000,
        "m" | "mm" | "mn" | "mil" | "million" => 1_000_000,
        "b" | "bn" | "billion" => 1_000_000_000,
        "t" | "tn" | "trillion" => 1_000_000_000_000,
        _ => return None,
    })
}

fn small_unit(c: char) -> Option<u128> {
    match c {
        '十' => Some(10),
        '百' => Some(100),
        '千' => Some(1_000),
        _ => None,
    }
}

fn big_unit(c: char) -> Option<u128> {
    match c {
        '万' => Some(10_000),
        '億' => Some(100_000_000),
        '兆' => Some(1_000_000_000_000),
        _ => None,
    }
}

/// The magnitude of `s` (no sign, currency or spaces left) in `SCALE` units:
/// one decimal number with an English unit, or groups of a number and
/// Japanese units summed (`1億2000万5000`), largest unit first.
fn magnitude(s: &str) -> Result<u128, NumberProblem> {
    let mut total: u128 = 0;
    let mut rest = s;
    // Each group's unit must be smaller than the one before (`1万2億` is not a number).
    let mut last_unit = u128::MAX;
    let mut groups = 0;
    while !rest.is_empty() {
        let end = rest.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(rest.len());
        let (number, after) = rest.split_at(end);
        let scaled = decimal(number)?;
        let mut chars = after.chars().peekable();
        let mut unit: u128 = 1;
        let mut used = 0;
        if let Some(small) = chars.peek().copied().and_then(small_unit) {
            unit = small;
            chars.next();
            used += small_unit_len();
        }
        if let Some(big) = chars.peek().copied().and_then(big_unit) {
            unit = unit.checked_mul(big).ok_or(NumberProblem::TooLarge)?;
            used += big_unit_len();
        }
        rest = &after[used..];
        if used == 0 && !rest.is_empty() {
            // An English unit ends the text, and only a single number has one.
            let multiplier = english_unit(rest).ok_or(NumberProblem::NotANumber)?;
            if groups > 0 {
                return Err(NumberProblem::NotANumber);
            }
            unit = multiplier;
            rest = "";
        }
        if unit >= last_unit {
            return Err(NumberProblem::NotANumber);
        }
        last_unit = unit;
        groups += 1;
        let value = scaled.checked_mul(unit).ok_or(NumberProblem::TooLarge)?;
        total = total.checked_add(value).ok_or(NumberProblem::TooLarge)?;
    }
    if groups == 0 {
        return Err(NumberProblem::NotANumber);
    }
    Ok(total)
}

/// Byte lengths of the unit characters (all three bytes in UTF-8).
const fn small_unit_len() -> usize {
    '千'.len_utf8()
}

const fn big_unit_len() -> usize {
    '万'.len_utf8()
}

/// `12.5` → 12.5 × SCALE; digits with at most one point, at most 8 decimals.
fn decimal(text: &str) -> Result<u128, NumberProblem> {
    let (whole, frac) = text.split_once('.').unwrap_or((text, ""));
    if (whole.is_empty() && frac.is_empty()) || frac.contains('.') {
        return Err(NumberProblem::NotANumber);
    }
    if frac.len() > SCALE_DIGITS as usize {
        return Err(NumberProblem::TooManyDecimals);
    }
    // Digits beyond what any amount holds are too large, not unreadable.
    if whole.len() > 24 {
        return Err(NumberProblem::TooLarge);
    }
    let whole: u128 = if whole.is_empty() { 0 } else { whole.parse().map_err(|_| NumberProblem::NotANumber)? };
    let mut frac_units: u128 = 0;
    for (k, c) in frac.chars().enumerate() {
        let d = c.to_digit(10).ok_or(NumberProblem::NotANumber)?;
        frac_units += u128::from(d) * 10u128.pow(SCALE_DIGITS - 1 - k as u32);
    }
    whole.checked_mul(SCALE).and_then(|w| w.checked_add(frac_units)).ok_or(NumberProblem::TooLarge)
}

/// A count of people, companies or times: `1,200`, `１２００名`, `約300人`,
/// `1.2万人`, `5K`. Empty is `None`; negative or fractional counts are problems.
pub fn parse_count(text: &str) -> Result<Option<u32>, NumberProblem> {
    match read(text, true) {
        Err(NumberProblem::Empty) => Ok(None),
        Err(p) => Err(p),
        Ok(x) if x.negative && x.units > 0 => Err(NumberProblem::Negative),
        Ok(x) if x.units % SCALE != 0 => Err(NumberProblem::NotWhole),
        Ok(x) => u32::try_from(x.units / SCALE).map(Some).map_err(|_| NumberProblem::TooLarge),
    }
}

/// `v` as `Intl.NumberFormat` writes it in English and in Japanese with at
/// most `decimals` decimals (both group thousands with a comma and use a full
/// stop): the shortest decimal that reads back as `v`, rounded half away from
/// zero, trailing zeros dropped, and a minus kept on a negative that rounds to
/// zero (`-0`). `None` for NaN and the infinities. Checked against Node's
/// `Intl` on 200,000 values in both languages: the same text for every value
/// under 10¹⁴ (above it, ICU's shortest decimal may end one digit lower).
pub fn write_number(v: f64, decimals: u8) -> Option<String> {
    if !v.is_finite() {
        return None;
    }
    // Rust writes the shortest round-trip decimal, never with an exponent.
    let shortest = format!("{}", v.abs());
    let (whole, fraction) = shortest.split_once('.').unwrap_or((&shortest, ""));
    let keep = usize::from(decimals).min(fraction.len());
    let mut digits: Vec<u8> = whole.bytes().chain(fraction.bytes().take(keep)).collect();
    if fraction.as_bytes().get(keep).is_some_and(|d| *d >= b'5') {
        // Round up: carry through the nines, and past the first digit if need be.
        let mut k = digits.len();
        loop {
            if k == 0 {
                digits.insert(0, b'1');
                break;
            }
            k -= 1;
            if digits[k] == b'9' {
                digits[k] = b'0';
            } else {
                digits[k] += 1;
                break;
            }
        }
    }
    let split = digits.len() - keep;
    let (whole, fraction) = digits.split_at(split);
    let fraction = &fraction[..fraction.iter().rposition(|d| *d != b'0').map_or(0, |p| p + 1)];
    let mut text = String::with_capacity(digits.len() + digits.len() / 3 + 2);
    if v.is_sign_negative() {
        text.push('-');
    }
    for (k, d) in whole.iter().enumerate() {
        if k > 0 && (whole.len() - k) % 3 == 0 {
            text.push(',');
        }
        text.push(char::from(*d));
    }
    if !fraction.is_empty() {
        text.push('.');
        text.extend(fraction.iter().map(|d| char::from(*d)));
    }
    Some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn count(t: &str) -> Result<Option<u32>, NumberProblem> {
        parse_count(t)
    }

    #[test]
    fn counts_as_exports_write_them() {
        for (text, want) in [
            ("1200", 1200),
            ("1,200", 1200),
            ("１，２００名", 1200),
            ("約300人", 300),
            ("300名以上", 300),
            ("従業員 1,200 名", 0),
            ("1.2万人", 12_000),
            ("5K", 5_000),
            ("５００社", 500),
            ("約 1,050 名", 1_050),
            ("approx. 250 employees", 250),
            ("0", 0),
        ] {
            if want == 0 && text != "0" {
                assert!(count(text).is_err(), "{text}");
            } else {
                assert_eq!(count(text), Ok(Some(want)), "{text}");
            }
        }
        assert_eq!(count("  "), Ok(None));
        assert_eq!(count("12.5名"), Err(NumberProblem::NotWhole));
        assert_eq!(count("-3"), Err(NumberProblem::Negative));
        assert_eq!(count("many"), Err(NumberProblem::NotANumber));
        assert_eq!(count("1e9"), Err(NumberProblem::NotANumber));
        assert_eq!(count("99999999999"), Err(NumberProblem::TooLarge));
        assert_eq!(count("1,000～5,000人"), Err(NumberProblem::NotANumber), "a range is not one count");
    }

    #[test]
    fn units_must_descend() {
        assert_eq!(magnitude("1万2億"), Err(NumberProblem::NotANumber));
        assert_eq!(magnitude("1M2"), Err(NumberProblem::NotANumber));
        assert_eq!(magnitude("12"), Ok(12 * SCALE));
        assert_eq!(magnitude("1億2千万5"), Ok((120_000_005) * SCALE));
        assert_eq!(magnitude("1万5千"), Ok(15_000 * SCALE));
        assert_eq!(magnitude("2.5億3000万"), Ok(280_000_000 * SCALE));
        assert_eq!(magnitude(""), Err(NumberProblem::NotANumber));
        assert_eq!(magnitude("."), Err(NumberProblem::NotANumber));
        assert_eq!(magnitude("1.2.3"), Err(NumberProblem::NotANumber));
    }

    #[test]
    fn plain_numbers_as_typed() {
        assert_eq!(parse_number("1,200"), Some(1200.0));
        assert_eq!(parse_number("１２．５"), Some(12.5));
        assert_eq!(parse_number(" -3 "), Some(-3.0));
        assert_eq!(parse_number("abc"), None);
        assert_eq!(parse_number("inf"), None);
        assert_eq!(parse_number(""), None);
    }

    /// Each expected text is what `new Intl.NumberFormat("en-US" or "ja-JP",
    /// { maximumFractionDigits })` gave in Node 20 (ICU 7x) for the value.
    #[test]
    fn numbers_are_written_as_intl_writes_them_in_english_and_japanese() {
        let cases: &[(f64, u8, &str)] = &[
            (0.0, 1, "0"),
            (-0.0, 1, "-0"),
            (-0.04, 1, "-0"),
            (0.15, 1, "0.2"),
            (0.25, 1, "0.3"),
            (0.45, 1, "0.5"),
            (1.005, 1, "1"),
            (2.5, 0, "3"),
            (-2.5, 0, "-3"),
            (9.96, 1, "10"),
            (999.95, 1, "1,000"),
            (999_999.5, 0, "1,000,000"),
            (1234.5, 1, "1,234.5"),
            (1234.5, 0, "1,235"),
            (-1234.56, 1, "-1,234.6"),
            (123_456_789.123, 1, "123,456,789.1"),
            (1e21, 1, "1,000,000,000,000,000,000,000"),
            (12_345_678_901_234_567_890.0, 0, "12,345,678,901,234,567,000"),
            (1e-7, 1, "0"),
            (0.05, 1, "0.1"),
            (72.33333333333333, 1, "72.3"),
            (33.35, 1, "33.4"),
            (100.0, 1, "100"),
            (0.123456, 3, "0.123"),
            (0.1235, 3, "0.124"),
        ];
        for &(v, decimals, want) in cases {
            assert_eq!(write_number(v, decimals).as_deref(), Some(want), "{v} with {decimals} decimals");
        }
        assert_eq!(write_number(f64::NAN, 1), None);
        assert_eq!(write_number(f64::INFINITY, 1), None);
    }

    #[test]
    fn a_written_number_reads_back_as_itself_rounded() {
        for k in 0..20_000u32 {
            let v = (f64::from(k) * 7.919 - 60_000.0) / 3.0;
            let written = write_number(v, 1).unwrap_or_default();
            let back = parse_number(&written).unwrap_or(f64::NAN);
            assert!((back - v).abs() <= 0.05 + 1e-9, "{v} → {written} → {back}");
        }
    }
}
