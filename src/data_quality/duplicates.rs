//! Finding accounts that are probably the same company: the same web domain, the
//! same name once legal form, width, case and punctuation are folded away
//! (`identity::company_key`), or names so alike (Jaro–Winkler similarity ≥ 0.92 on
//! those keys) that a typo or a variant spelling is likely.
//!
//! Fuzzy comparison uses the sorted-neighbourhood method: keys are sorted (and
//! sorted again reversed, to catch differences at the start) and each is compared
//! with its next few neighbours only, so 10,000 accounts cost ~10⁵ comparisons,
//! not 5 × 10⁷.

use super::identity::{company_key, domain_key};
use crate::domain::sorting;
use crate::domain::Plan;
use std::collections::HashMap;

/// Neighbours each key is compared with in each sort order.
const WINDOW: usize = 8;
/// Similarity from which names count as alike.
pub const SIMILAR: f64 = 0.92;
/// Keys shorter than this are only matched exactly ("abc" ~ "abd" means nothing).
const MIN_FUZZY_CHARS: usize = 4;
/// Accounts sharing one domain or key beyond this many are listed by their first
/// pairs only (a shared group domain, say), so the list stays readable.
const MAX_GROUP: usize = 20;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Reason {
    SameDomain,
    SameName,
    SimilarName,
}

/// Two accounts (positions in the plan, `a < b`) that look like one company.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Candidate {
    pub a: usize,
    pub b: usize,
    pub reason: Reason,
    /// 0–1: how sure the match is (for sorting and display).
    pub score: f64,
}

fn group_pairs(groups: HashMap<String, Vec<usize>>, reason: Reason, score: f64, out: &mut HashMap<(usize, usize), Candidate>) {
    for members in groups.into_values() {
        let members = &members[..members.len().min(MAX_GROUP)];
        for (i, &a) in members.iter().enumerate() {
            for &b in &members[i + 1..] {
                offer(out, Candidate { a: a.min(b), b: a.max(b), reason, score });
            }
        }
    }
}

/// Keeps the strongest reason for each pair.
fn offer(out: &mut HashMap<(usize, usize), Candidate>, c: Candidate) {
    out.entry((c.a, c.b))
        .and_modify(|old| {
            if c.score > old.score {
                *old = c
            }
        })
        .or_insert(c);
}

/// Likely duplicates, surest first (then by position), leaving out the pairs
/// marked as different companies (`PlanSettings::distinct_accounts`).
pub fn find_duplicates(plan: &Plan) -> Vec<Candidate> {
    let keys: Vec<String> = plan.accounts.iter().map(|a| company_key(&a.name)).collect();
    let mut by_domain: HashMap<String, Vec<usize>> = HashMap::new();
    let mut by_key: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, a) in plan.accounts.iter().enumerate() {
        let d = domain_key(&a.domain);
        if !d.is_empty() {
            by_domain.entry(d).or_default().push(i);
        }
        if !keys[i].is_empty() {
            by_key.entry(keys[i].clone()).or_default().push(i);
        }
    }
    let mut found = HashMap::new();
    group_pairs(by_domain, Reason::SameDomain, 0.99, &mut found);
    group_pairs(by_key, Reason::SameName, 0.97, &mut found);

    let chars: Vec<Vec<char>> = keys.iter().map(|k| k.chars().collect()).collect();
    let reversed: Vec<String> = chars.iter().map(|c| c.iter().rev().collect()).collect();
    for sort_key in [&keys, &reversed] {
        let mut order: Vec<usize> = (0..keys.len()).filter(|&i| chars[i].len() >= MIN_FUZZY_CHARS).collect();
        order.sort_by(|&x, &y| sort_key[x].cmp(&sort_key[y]));
        for (n, &i) in order.iter().enumerate() {
            for &j in order.iter().skip(n + 1).take(WINDOW) {
                if keys[i] == keys[j] {
                    continue;
                }
                let s = strsim::jaro_winkler(&keys[i], &keys[j]);
                if s >= SIMILAR {
                    offer(&mut found, Candidate { a: i.min(j), b: i.max(j), reason: Reason::SimilarName, score: s * 0.95 });
                }
            }
        }
    }
    let marked = plan.settings.distinct_lookup();
    let mut list: Vec<Candidate> = found.into_values().filter(|c| !marked(&plan.accounts[c.a].id, &plan.accounts[c.b].id)).collect();
    sorting::sort_by(&mut list, |x, y| y.score.total_cmp(&x.score).then((x.a, x.b).cmp(&(y.a, y.b))));
    list
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::*;

    fn plan(accounts: &[(&str, &str)]) -> Plan {
        let mut p = Plan::new(PlanId("p".into()), "t", Timestamp::parse("2026-01-01T00:00:00Z").unwrap());
        for (i, (name, domain)) in accounts.iter().enumerate() {
            let mut a = Account::new(AccountId(format!("a{i}")), *name);
            a.domain = domain.to_string();
            p.accounts.push_back(a);
        }
        p
    }

    fn pairs(p: &Plan) -> Vec<(usize, usize, Reason)> {
        find_duplicates(p).into_iter().map(|c| (c.a, c.b, c.reason)).collect()
    }

    #[test]
    fn legal_forms_widths_and_domains() {
        let p = plan(&[
            ("株式会社東京精機", ""),
            ("東京精機（株）", ""),
            ("Acme Inc.", "acme.com"),
            ("Totally Different", "https://www.acme.com/"),
            ("北海道フーズ", ""),
        ]);
        assert_eq!(pairs(&p), vec![(2, 3, Reason::SameDomain), (0, 1, Reason::SameName)]);
    }

    #[test]
    fn pairs_marked_distinct_are_not_offered_again_until_unmarked() {
        use crate::editing::{apply, Change};
        let now = Timestamp::parse("2026-01-02T00:00:00Z").unwrap();
        let p = plan(&[("株式会社東京精機", "tokyo.example"), ("東京精機（株）", ""), ("Other", "tokyo.example")]);
        assert_eq!(pairs(&p), vec![(0, 2, Reason::SameDomain), (0, 1, Reason::SameName)]);
        let id = |i: usize| p.accounts[i].id.clone();
        // Marked in either order, the pair is one entry and is no longer offered.
        let q = apply(&p, Change::MarkDistinct(id(1), id(0)), now).unwrap();
        assert_eq!(q.settings.distinct_accounts, vec![[id(0), id(1)]]);
        assert_eq!(pairs(&q), pairs(&p).into_iter().filter(|&(a, b, _)| (a, b) != (0, 1)).collect::<Vec<_>>());
        assert_eq!(apply(&q, Change::MarkDistinct(id(0), id(1)), now), Err(Refusal::NothingToChange), "marked once");
        assert_eq!(
            apply(&q, Change::MarkDistinct(id(0), AccountId("nobody".into())), now),
            Err(Refusal::Missing("account", Collection::Accounts)),
            "unknown account"
        );
        assert_eq!(apply(&q, Change::MarkDistinct(id(0), id(0)), now), Err(Refusal::NothingToChange), "an account with itself");
        // Unmarked, it is offered again.
        let r = apply(&q, Change::UnmarkDistinct(id(0), id(1)), now).unwrap();
        assert!(r.settings.distinct_accounts.is_empty());
        assert_eq!(pairs(&r), pairs(&p));
        // Deleting or merging away an account forgets what was said of it.
        assert!(apply(&q, Change::RemoveAccounts(vec![id(1)]), now).unwrap().settings.distinct_accounts.is_empty());
        assert!(apply(&q, Change::MergeAccounts { keep: id(2), absorb: id(0) }, now).unwrap().settings.distinct_accounts.is_empty());
        assert_eq!(apply(&q, Change::MergeAccounts { keep: id(0), absorb: id(2) }, now).unwrap().settings.distinct_accounts, vec![[id(0), id(1)]]);
    }

    #[test]
    fn typos_are_similar_names_and_unrelated_names_are_not() {
        let p = plan(&[("Globex Corporation", ""), ("Globexx Corp", ""), ("Initech", ""), ("Umbrella", ""), ("Initrode", "")]);
        let found = find_duplicates(&p);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!((found[0].a, found[0].b, found[0].reason), (0, 1, Reason::SimilarName));
        assert!(found[0].score < 0.97, "weaker than an exact name match");
    }

    #[test]
    fn a_difference_at_the_start_is_found_through_the_reversed_order() {
        let p = plan(&[("Xanadu Logistics", ""), ("Aardvark", ""), ("Zanadu Logistics", ""), ("Beta", ""), ("Mmm", "")]);
        assert_eq!(pairs(&p), vec![(0, 2, Reason::SimilarName)]);
    }

    #[test]
    fn the_demo_plans_planted_duplicate_is_its_only_one_and_large_plans_work() {
        let today = Date::from_ymd(2026, 11, 23).unwrap();
        let now = today.at(9, 0);
        let demo = crate::demo::demo_plan(PlanId("d".into()), today, now);
        let found = find_duplicates(&demo);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!((demo.accounts[found[0].a].name.as_str(), demo.accounts[found[0].b].name.as_str()), ("株式会社ミナト精機", "(株)ミナト精機"));
        let mut big = crate::demo::large::large_plan(crate::demo::large::Size { accounts: 3000, contacts_per_account: 0, deals: 0, activities: 0 }, today, 3);
        let copy = big.accounts[10].clone();
        big.accounts.push_back(Account { id: AccountId("copy".into()), name: format!("{} 株式会社", copy.name), domain: String::new(), ..copy });
        let found = find_duplicates(&big);
        assert!(found.iter().any(|c| c.a == 10 && c.b == 3000), "the copy is found among 3,000 accounts");
    }
}
