//! How the app names its entries in local storage. Everything it writes starts with
//! [`PREFIX`]; other keys (other apps on the same origin) are left alone.
//!
//! - `abm-planner:head:<plan>`: the plan's head, small: name, revision, which data
//!   entry holds the plan. Moving the head is the moment a save takes effect.
//! - `abm-planner:plan:<plan>:<revision>:<writer>`: one saved version of a plan.
//! - `abm-planner:part:<plan>:<name>`: a part of a plan stored in parts
//!   (`persistence::parts`), named by its content.
//! - `abm-planner:backup:<millis>|<original key>`: text that could not be read,
//!   kept for the user to download.
//! - `abm-planner:settings`: language and the plan last open.

use crate::domain::PlanId;

pub const PREFIX: &str = "abm-planner:";
pub const SETTINGS: &str = "abm-planner:settings";
const HEAD: &str = "abm-planner:head:";
const PLAN: &str = "abm-planner:plan:";
const BACKUP: &str = "abm-planner:backup:";
const PART: &str = "abm-planner:part:";

pub fn head(plan: &PlanId) -> String {
    format!("{HEAD}{plan}")
}

pub fn plan_data(plan: &PlanId, revision: u64, writer: &str) -> String {
    format!("{PLAN}{plan}:{revision}:{writer}")
}

pub fn backup(millis: i64, original: &str) -> String {
    format!("{BACKUP}{millis}|{original}")
}

pub fn part(plan: &PlanId, name: &str) -> String {
    format!("{PART}{plan}:{name}")
}

/// The plan a part key belongs to (part names hold no `:`).
pub fn parse_part(key: &str) -> Option<PlanId> {
    let (plan, _name) = key.strip_prefix(PART)?.rsplit_once(':')?;
    (!plan.is_empty()).then(|| PlanId(plan.to_string()))
}

/// The plan a head key belongs to.
pub fn parse_head(key: &str) -> Option<PlanId> {
    key.strip_prefix(HEAD).filter(|s| !s.is_empty()).map(|s| PlanId(s.to_string()))
}

/// The plan and revision a data key holds.
pub fn parse_plan_data(key: &str) -> Option<(PlanId, u64)> {
    let rest = key.strip_prefix(PLAN)?;
    let mut parts = rest.rsplitn(3, ':');
    let _writer = parts.next()?;
    let revision = parts.next()?.parse().ok()?;
    let plan = parts.next().filter(|s| !s.is_empty())?;
    Some((PlanId(plan.to_string()), revision))
}

/// When a backup was made and which key it came from.
pub fn parse_backup(key: &str) -> Option<(i64, String)> {
    let rest = key.strip_prefix(BACKUP)?;
    let (millis, original) = rest.split_once('|')?;
    Some((millis.parse().ok()?, original.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_parse_back() {
        let id = PlanId("plan_ab12".into());
        assert_eq!(parse_head(&head(&id)), Some(id.clone()));
        assert_eq!(parse_plan_data(&plan_data(&id, 42, "tab_x")), Some((id.clone(), 42)));
        assert_eq!(parse_backup(&backup(1700, &head(&id))), Some((1700, "abm-planner:head:plan_ab12".into())));
        assert_eq!(parse_plan_data("abm-planner:plan::1:w"), None);
        assert_eq!(parse_head("other-app:head:x"), None);
        assert_eq!(parse_part(&part(&id, "00ff-12")), Some(id.clone()));
        assert_eq!(parse_part(&part(&PlanId("a:b".into()), "00ff-12")), Some(PlanId("a:b".into())));
        assert_eq!(parse_part("abm-planner:part::x"), None);
    }
}
