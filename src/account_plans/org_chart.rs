//! The org chart: a forest of contacts by reports-to, within one account.
//!
//! Files come from many hands, so reports-to may point at someone missing, at
//! someone at another account, at the person themselves, or round in a circle.
//! None of these may hide a person: each such contact becomes a root (in a circle,
//! the one listed first), so every contact appears exactly once.

use crate::domain::{Contact, ContactId};
use std::collections::HashMap;

/// A person and the people reporting to them; `contact` indexes the slice given
/// to [`org_chart`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OrgNode {
    pub contact: usize,
    pub children: Vec<OrgNode>,
}

impl OrgNode {
    /// This node and everyone under it, depth first, with their depth.
    pub fn flatten(&self, depth: usize, out: &mut Vec<(usize, usize)>) {
        out.push((self.contact, depth));
        for c in &self.children {
            c.flatten(depth + 1, out);
        }
    }
}

/// Builds the chart; roots and children keep the order of `contacts`.
pub fn org_chart(contacts: &[&Contact]) -> Vec<OrgNode> {
    let index: HashMap<&ContactId, usize> = contacts.iter().enumerate().map(|(i, c)| (&c.id, i)).collect();
    let mut parent: Vec<Option<usize>> =
        contacts.iter().enumerate().map(|(i, c)| c.reports_to.as_ref().and_then(|r| index.get(r).copied()).filter(|&p| p != i)).collect();
    // Break circles: walk up from each person; meeting someone already on this
    // walk means a circle, cut above its first-listed member.
    let mut state = vec![0u8; contacts.len()]; // 0 unseen, 1 on the current walk, 2 done
    for start in 0..contacts.len() {
        let mut walk = Vec::new();
        let mut at = Some(start);
        while let Some(i) = at {
            match state[i] {
                2 => break,
                1 => {
                    let from = walk.iter().position(|&w| w == i).unwrap_or(0);
                    if let Some(&cut) = walk[from..].iter().min() {
                        parent[cut] = None;
                    }
                    break;
                }
                _ => {
                    state[i] = 1;
                    walk.push(i);
                    at = parent[i];
                }
            }
        }
        for w in walk {
            state[w] = 2;
        }
    }
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); contacts.len()];
    let mut roots = Vec::new();
    for (i, p) in parent.iter().enumerate() {
        match p {
            Some(p) => children[*p].push(i),
            None => roots.push(i),
        }
    }
    fn build(i: usize, children: &[Vec<usize>]) -> OrgNode {
        OrgNode { contact: i, children: children[i].iter().map(|&c| build(c, children)).collect() }
    }
    roots.into_iter().map(|r| build(r, &children)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::AccountId;

    fn person(id: &str, reports_to: Option<&str>) -> Contact {
        Contact { reports_to: reports_to.map(|r| ContactId(r.into())), ..Contact::new(ContactId(id.into()), AccountId("a".into()), id) }
    }

    fn names(contacts: &[Contact]) -> Vec<(String, usize)> {
        let refs: Vec<&Contact> = contacts.iter().collect();
        let mut flat = Vec::new();
        for root in org_chart(&refs) {
            root.flatten(0, &mut flat);
        }
        flat.into_iter().map(|(i, d)| (contacts[i].name.clone(), d)).collect()
    }

    #[test]
    fn a_tree_by_reports_to() {
        let people = [person("ceo", None), person("cto", Some("ceo")), person("dev", Some("cto")), person("cfo", Some("ceo"))];
        let want: Vec<(String, usize)> = [("ceo", 0), ("cto", 1), ("dev", 2), ("cfo", 1)].iter().map(|(n, d)| (n.to_string(), *d)).collect();
        assert_eq!(names(&people), want);
    }

    #[test]
    fn missing_managers_self_reports_and_circles_hide_nobody() {
        let people = [
            person("a", Some("c")),
            person("b", Some("a")),
            person("c", Some("b")),
            person("self", Some("self")),
            person("orphan", Some("gone")),
            person("d", Some("c")),
        ];
        let chart = names(&people);
        assert_eq!(chart.len(), people.len(), "everyone appears once: {chart:?}");
        // The circle a→c→b→a is cut above `a`, the first listed.
        assert_eq!(chart[0], ("a".to_string(), 0));
        assert!(chart.contains(&("self".to_string(), 0)));
        assert!(chart.contains(&("orphan".to_string(), 0)));
        assert!(chart.contains(&("d".to_string(), 3)), "{chart:?}");
    }

    #[test]
    fn every_contact_appears_exactly_once_whatever_the_links() {
        let mut rng = fastrand::Rng::with_seed(5);
        for _ in 0..300 {
            let n = rng.usize(1..12);
            let people: Vec<Contact> = (0..n)
                .map(|i| {
                    let to = rng.bool().then(|| format!("p{}", rng.usize(0..n + 2)));
                    person(&format!("p{i}"), to.as_deref())
                })
                .collect();
            let mut seen: Vec<String> = names(&people).into_iter().map(|(n, _)| n).collect();
            seen.sort();
            let mut want: Vec<String> = people.iter().map(|p| p.name.clone()).collect();
            want.sort();
            assert_eq!(seen, want);
        }
    }
}
