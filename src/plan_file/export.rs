//! Writing plans: pretty-printed for files people exchange (fields always in the
//! same order, so two exports diff cleanly), compact for local storage.

use super::envelope::Envelope;
use crate::domain::{Date, Plan, Timestamp};

/// The text of a plan file: indented JSON ending in a newline.
pub fn to_file_text(plan: &Plan, exported_at: Timestamp) -> String {
    let mut text = serde_json::to_string_pretty(&Envelope::new(plan, exported_at)).unwrap_or_default();
    text.push('\n');
    text
}

/// The compact text kept in local storage.
pub fn to_storage_text(plan: &Plan, saved_at: Timestamp) -> String {
    serde_json::to_string(&Envelope::new(plan, saved_at)).unwrap_or_default()
}

/// `<plan name> <date>.abm.json`, with characters file systems refuse replaced.
pub fn file_name(plan_name: &str, date: Date) -> String {
    format!("{} {date}.abm.json", safe_stem(plan_name, "plan"))
}

/// A name usable in a file name on every system: characters file systems refuse
/// replaced, spaces collapsed, at most 80 characters; `fallback` when nothing is left.
pub fn safe_stem(name: &str, fallback: &str) -> String {
    let cleaned: String = name.chars().map(|c| if c.is_control() || r#"\/:*?"<>|"#.contains(c) { '-' } else { c }).collect();
    let words: Vec<&str> = cleaned.split_whitespace().collect();
    let mut name: String = words.join(" ").chars().take(80).collect();
    name = name.trim_matches(|c: char| c == '.' || c.is_whitespace()).to_string();
    if name.is_empty() {
        name = fallback.into();
    }
    name
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_are_safe_and_dated() {
        let d = Date::from_ymd(2026, 11, 23).unwrap();
        assert_eq!(file_name("2026年度 ABM計画", d), "2026年度 ABM計画 2026-11-23.abm.json");
        assert_eq!(file_name("a/b:c*?  d\n", d), "a-b-c-- d- 2026-11-23.abm.json");
        assert_eq!(file_name("   ", d), "plan 2026-11-23.abm.json");
        assert_eq!(file_name("...", d), "plan 2026-11-23.abm.json");
    }
}
