//! Evaluating one ICP criterion against one account, without allocating: text is
//! compared with case and width folded on the fly.

use crate::domain::quantity::fold_full_width;
use crate::domain::sorting;
use crate::domain::*;

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Outcome {
    /// Share of the criterion's weight earned: 1 met, 0 missed, between: near miss.
    Credit(f64),
    /// The account lacks the data to judge.
    Unknown,
}

/// A criterion with its values normalised once.
pub enum Prepared {
    Set {
        attribute: Attribute,
        values: Vec<String>,
        all: bool,
    },
    Range {
        attribute: Attribute,
        min: Option<f64>,
        max: Option<f64>,
    },
    /// A custom field: text in a set, and/or a number in a range.
    Field {
        field: FieldId,
        values: Vec<String>,
        min: Option<f64>,
        max: Option<f64>,
    },
}

#[derive(Clone, Copy)]
pub enum Attribute {
    Industry,
    Country,
    Region,
    Technologies,
    Tags,
    Employees,
    Revenue,
}

/// One character folded: full-width to half-width, then lower case. Scripts
/// without case (kana, CJK, Hangul) skip the case tables, which matters when
/// comparing Japanese text for 100,000 accounts.
fn fold(c: char) -> Fold {
    let c = fold_full_width(c);
    let u = c as u32;
    if c.is_ascii() {
        Fold::One(Some(c.to_ascii_lowercase()))
    } else if (0x3000..0xA640).contains(&u) || (0xAC00..0xD7A4).contains(&u) || (0xF900..0xFB00).contains(&u) {
        Fold::One(Some(c))
    } else {
        Fold::Many(c.to_lowercase())
    }
}

enum Fold {
    One(Option<char>),
    Many(std::char::ToLowercase),
}

impl Iterator for Fold {
    type Item = char;
    fn next(&mut self) -> Option<char> {
        match self {
            Fold::One(c) => c.take(),
            Fold::Many(it) => it.next(),
        }
    }
}

fn folded(s: &str) -> impl Iterator<Item = char> + '_ {
    trimmed(s).chars().flat_map(fold)
}

/// `s` without surrounding whitespace; cheap when there is none (the usual case).
fn trimmed(s: &str) -> &str {
    let edge = |c: Option<char>| c.is_some_and(char::is_whitespace);
    if edge(s.chars().next()) || edge(s.chars().next_back()) {
        s.trim()
    } else {
        s
    }
}

/// Text compared the way people mean it: trimmed, case- and width-insensitive.
pub fn normalise(s: &str) -> String {
    folded(s).collect()
}

/// How a text must be compared with a normalised (folded) value.
enum Compare<'a> {
    /// Only ASCII letters can differ in case: compare bytes ignoring ASCII case.
    AsciiCase(&'a str),
    /// Full-width or cased non-ASCII characters, or edge whitespace: fold first.
    Folded(&'a str),
}

impl Compare<'_> {
    fn is_empty(&self) -> bool {
        match self {
            Compare::AsciiCase(s) | Compare::Folded(s) => s.is_empty(),
        }
    }

    fn matches(&self, normalised: &str) -> bool {
        match self {
            Compare::AsciiCase(s) => s.as_bytes().eq_ignore_ascii_case(normalised.as_bytes()),
            Compare::Folded(s) => *s == normalised,
        }
    }
}

/// True when `s` needs the full fold: edge whitespace, or a character outside
/// ASCII and the caseless scripts (UTF-8 lead bytes E3–E9 cover kana and CJK; EF
/// may be a full-width letter). A byte scan, much cheaper than folding.
fn needs_full_fold(s: &str) -> bool {
    let b = s.as_bytes();
    let (Some(&first), Some(&last)) = (b.first(), b.last()) else { return false };
    first.is_ascii_whitespace()
        || last.is_ascii_whitespace()
        || b.starts_with(IDEOGRAPHIC_SPACE)
        || b.ends_with(IDEOGRAPHIC_SPACE)
        || b.iter().any(|&c| c >= 0xC0 && !(0xE3..=0xE9).contains(&c))
}

const IDEOGRAPHIC_SPACE: &[u8] = "\u{3000}".as_bytes();

/// Prepares `raw` for comparison with normalised values, folding into `scratch`
/// (whose allocation is reused) only when needed.
fn fold_into<'a>(raw: &'a str, scratch: &'a mut String) -> Compare<'a> {
    if !needs_full_fold(raw) {
        return Compare::AsciiCase(raw);
    }
    scratch.clear();
    scratch.extend(folded(raw));
    Compare::Folded(scratch)
}

fn set(attribute: Attribute, values: &[String], all: bool) -> Prepared {
    let mut values: Vec<String> = values.iter().map(|v| normalise(v)).filter(|v| !v.is_empty()).collect();
    sorting::sort(&mut values);
    values.dedup();
    Prepared::Set { attribute, values, all }
}

pub fn prepare(c: &IcpCriterion) -> Prepared {
    match &c.rule {
        IcpRule::Industry { values } => set(Attribute::Industry, values, false),
        IcpRule::Country { values } => set(Attribute::Country, values, false),
        IcpRule::Region { values } => set(Attribute::Region, values, false),
        IcpRule::Technologies { values, mode } => set(Attribute::Technologies, values, *mode == SetMatch::AllOf),
        IcpRule::Tags { values, mode } => set(Attribute::Tags, values, *mode == SetMatch::AllOf),
        IcpRule::Employees { min, max } => Prepared::Range { attribute: Attribute::Employees, min: min.map(f64::from), max: max.map(f64::from) },
        IcpRule::AnnualRevenue { min, max } => Prepared::Range { attribute: Attribute::Revenue, min: min.map(Money::to_f64), max: max.map(Money::to_f64) },
        IcpRule::CustomField { field, values, min, max } => {
            Prepared::Field { field: field.clone(), values: values.iter().map(|v| normalise(v)).filter(|v| !v.is_empty()).collect(), min: *min, max: *max }
        }
    }
}

/// Evaluates a criterion that has not been prepared (convenience for one account).
pub fn evaluate_criterion(c: &IcpCriterion, account: &Account, near_miss: f64) -> Outcome {
    evaluate(&prepare(c), account, near_miss, &mut String::new())
}

fn single(value: &str, wanted: &[String], scratch: &mut String) -> Outcome {
    let v = fold_into(value, scratch);
    if v.is_empty() {
        Outcome::Unknown
    } else {
        Outcome::Credit(if wanted.iter().any(|w| v.matches(w)) { 1.0 } else { 0.0 })
    }
}

fn many(have: &[String], wanted: &[String], all: bool, scratch: &mut String) -> Outcome {
    let mut any_known = false;
    let mut matched = 0u64;
    for h in have {
        let v = fold_into(h, scratch);
        if v.is_empty() {
            continue;
        }
        any_known = true;
        for (i, w) in wanted.iter().enumerate().take(64) {
            if v.matches(w) {
                matched |= 1 << i;
            }
        }
    }
    if !any_known {
        return Outcome::Unknown;
    }
    let matched = f64::from(matched.count_ones());
    if all {
        Outcome::Credit(matched / wanted.len().min(64) as f64)
    } else {
        Outcome::Credit(if matched > 0.0 { 1.0 } else { 0.0 })
    }
}

pub fn evaluate(p: &Prepared, a: &Account, margin: f64, scratch: &mut String) -> Outcome {
    match p {
        Prepared::Set { values, .. } if values.is_empty() => Outcome::Unknown,
        Prepared::Set { attribute, values, all } => match attribute {
            Attribute::Industry => single(&a.industry, values, scratch),
            Attribute::Country => single(&a.country, values, scratch),
            Attribute::Region => single(&a.region, values, scratch),
            Attribute::Technologies => many(&a.technologies, values, *all, scratch),
            Attribute::Tags => many(&a.tags, values, *all, scratch),
            Attribute::Employees | Attribute::Revenue => Outcome::Unknown,
        },
        Prepared::Range { attribute, min, max } => {
            let value = match attribute {
                Attribute::Employees => a.employees.map(f64::from),
                Attribute::Revenue => a.annual_revenue.map(Money::to_f64),
                _ => None,
            };
            match value {
                None => Outcome::Unknown,
                Some(v) => range_credit(v, *min, *max, margin),
            }
        }
        Prepared::Field { field, values, min, max } => match a.custom.get(field) {
            None => Outcome::Unknown,
            Some(CustomValue::Number(n)) if min.is_some() || max.is_some() => range_credit(*n, *min, *max, margin),
            Some(_) if values.is_empty() => Outcome::Unknown,
            Some(CustomValue::Text(t)) => single(t, values, scratch),
            Some(CustomValue::Number(n)) => single(&n.to_string(), values, scratch),
            Some(CustomValue::Bool(b)) => single(if *b { "true" } else { "false" }, values, scratch),
        },
    }
}

/// Full credit inside `[min, max]`; outside, credit falls linearly to zero at
/// `margin` (a share of the bound) beyond it.
pub fn range_credit(v: f64, min: Option<f64>, max: Option<f64>, margin: f64) -> Outcome {
    if !v.is_finite() {
        return Outcome::Unknown;
    }
    let miss = match (min, max) {
        (Some(lo), _) if v < lo => (lo - v) / lo.abs().max(1.0),
        (_, Some(hi)) if v > hi => (v - hi) / hi.abs().max(1.0),
        _ => return Outcome::Credit(1.0),
    };
    if margin <= 0.0 {
        return Outcome::Credit(0.0);
    }
    Outcome::Credit((1.0 - miss / margin).clamp(0.0, 1.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fast_path_agrees_with_folding() {
        for s in ["製造業", "東京都", "sap s/4hana", "SAP S/4HANA", " 製造業", "製造業\u{3000}", "ＩＴ", "Ünïcode", "kintone", "", "Σ"] {
            let mut scratch = String::new();
            let c = fold_into(s, &mut scratch);
            assert!(c.matches(&normalise(s)), "{s:?}");
            assert!(!c.matches(&format!("{}x", normalise(s))), "{s:?}");
        }
    }
}
