//! Finding one account by its name as a person types it: case- and
//! width-insensitive (ＡＢＣ = abc), and never ambiguous — an account whose name
//! another account shares is written "Name (id)". Used by the account pickers of
//! the record editors.

use crate::domain::{AccountId, Plan};
use crate::icp::normalise;

/// How the account is written in a picker and its suggestions.
pub fn label(plan: &Plan, id: &AccountId) -> Option<String> {
    let a = plan.accounts.iter().find(|a| &a.id == id)?;
    let key = normalise(&a.name);
    let shared = plan.accounts.iter().filter(|x| normalise(&x.name) == key).nth(1).is_some();
    Some(if shared { format!("{} ({})", a.name, a.id) } else { a.name.clone() })
}

/// The account the text names: a name no other account has, or "Name (id)".
pub fn resolve(plan: &Plan, text: &str) -> Option<AccountId> {
    let key = normalise(text);
    if key.is_empty() {
        return None;
    }
    let mut named = plan.accounts.iter().filter(|a| normalise(&a.name) == key);
    if let (Some(a), None) = (named.next(), named.next()) {
        return Some(a.id.clone());
    }
    let (_, rest) = text.trim().rsplit_once('(')?;
    let id = rest.strip_suffix(')')?;
    plan.accounts.iter().find(|a| a.id.as_str() == id).map(|a| a.id.clone())
}

/// At most `max` labels of accounts whose name contains the text, in plan order.
/// Names are folded once per call (not once per suggestion), so typing stays
/// quick with 10,000 accounts.
pub fn suggestions(plan: &Plan, text: &str, max: usize) -> Vec<String> {
    let key = normalise(text);
    let folded: Vec<String> = plan.accounts.iter().map(|a| normalise(&a.name)).collect();
    let mut shared: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for f in &folded {
        *shared.entry(f.as_str()).or_default() += 1;
    }
    plan.accounts
        .iter()
        .zip(&folded)
        .filter(|(_, f)| key.is_empty() || f.contains(&key))
        .take(max)
        .map(|(a, f)| if shared.get(f.as_str()).copied().unwrap_or(0) > 1 { format!("{} ({})", a.name, a.id) } else { a.name.clone() })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Account, PlanId, Timestamp};

    fn plan(names: &[(&str, &str)]) -> Plan {
        let mut p = Plan::new(PlanId("p".into()), "P", Timestamp::parse("2026-11-23T09:00:00Z").unwrap());
        for (id, name) in names {
            p.accounts.push_back(Account::new(AccountId((*id).into()), *name));
        }
        p
    }

    #[test]
    fn names_resolve_regardless_of_case_and_width() {
        let p = plan(&[("a1", "Acme Corp"), ("a2", "株式会社ミライ")]);
        assert_eq!(resolve(&p, "acme corp"), Some(AccountId("a1".into())));
        assert_eq!(resolve(&p, "ＡＣＭＥ　Corp"), Some(AccountId("a1".into())));
        assert_eq!(resolve(&p, " 株式会社ミライ "), Some(AccountId("a2".into())));
        assert_eq!(resolve(&p, "Acme"), None, "a part of a name is not a choice");
        assert_eq!(resolve(&p, ""), None);
    }

    #[test]
    fn shared_names_are_told_apart_by_id() {
        let p = plan(&[("a1", "Sato Shoji"), ("a2", "sato shoji"), ("a3", "Other")]);
        assert_eq!(label(&p, &AccountId("a2".into())).as_deref(), Some("sato shoji (a2)"));
        assert_eq!(label(&p, &AccountId("a3".into())).as_deref(), Some("Other"));
        assert_eq!(resolve(&p, "Sato Shoji"), None, "ambiguous");
        assert_eq!(resolve(&p, "sato shoji (a2)"), Some(AccountId("a2".into())));
        assert_eq!(resolve(&p, "Sato Shoji (nope)"), None);
    }

    #[test]
    fn suggestions_are_bounded_and_match_parts_of_names() {
        let names: Vec<(String, String)> = (0..100).map(|i| (format!("a{i}"), format!("Company {i:03}"))).collect();
        let refs: Vec<(&str, &str)> = names.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
        let p = plan(&refs);
        assert_eq!(suggestions(&p, "", 30).len(), 30);
        assert_eq!(suggestions(&p, "company 04", 30), (40..50).map(|i| format!("Company {i:03}")).collect::<Vec<_>>());
        assert!(suggestions(&p, "zzz", 30).is_empty());
        // Shared names are offered with their ids, as `label` writes them.
        let p = plan(&[("a1", "Sato"), ("a2", "SATO"), ("a3", "Other")]);
        assert_eq!(suggestions(&p, "sat", 30), ["Sato (a1)", "SATO (a2)"]);
        assert_eq!(suggestions(&p, "sat", 30)[1], label(&p, &AccountId("a2".into())).unwrap());
    }
}
