//! The cached basis must be exactly the basis read from scratch, whatever was
//! edited in between: accounts changed, inserted, removed, appended, an earlier
//! version brought back (undo), or the ICP and factors redefined.

use super::*;
use crate::demo::large::{large_plan, Size};
use crate::domain::*;
use proptest::prelude::*;

#[derive(Clone, Debug)]
enum Edit {
    Industry(usize, &'static str),
    Employees(usize, Option<u32>),
    TypedFactor(usize, usize, Option<f64>),
    Target(usize, TargetChoice),
    Pin(usize, Option<Tier>),
    ExpectedDeal(usize, Option<i64>),
    Rename(usize, &'static str),
    Insert(usize),
    Remove(usize),
    AppendItself,
    Truncate(usize),
    Undo(usize),
    NearMiss(f64),
    IcpValues(&'static str),
    FactorScale(usize),
    DropDeals,
}

fn edit() -> impl Strategy<Value = Edit> {
    let i = 0usize..10_000;
    prop_oneof![
        (i.clone(), prop::sample::select(vec!["製造業", "ＩＴ", "Retail", ""])).prop_map(|(i, v)| Edit::Industry(i, v)),
        (i.clone(), prop::option::of(0u32..5000)).prop_map(|(i, v)| Edit::Employees(i, v)),
        (i.clone(), 0usize..4, prop::option::of(prop::sample::select(vec![0.0, 3.0, 9.5, 150.0, f64::NAN]))).prop_map(|(i, f, v)| Edit::TypedFactor(i, f, v)),
        (i.clone(), prop::sample::select(vec![TargetChoice::Auto, TargetChoice::Include, TargetChoice::Exclude])).prop_map(|(i, v)| Edit::Target(i, v)),
        (i.clone(), prop::option::of(prop::sample::select(vec![Tier::One, Tier::Two, Tier::Three]))).prop_map(|(i, v)| Edit::Pin(i, v)),
        (i.clone(), prop::option::of(0i64..100_000_000)).prop_map(|(i, v)| Edit::ExpectedDeal(i, v)),
        (i.clone(), prop::sample::select(vec!["Ａ社", "a", "zz"])).prop_map(|(i, v)| Edit::Rename(i, v)),
        i.clone().prop_map(Edit::Insert),
        i.clone().prop_map(Edit::Remove),
        Just(Edit::AppendItself),
        i.clone().prop_map(Edit::Truncate),
        i.prop_map(Edit::Undo),
        (0.0..50.0f64).prop_map(Edit::NearMiss),
        prop::sample::select(vec!["製造業", "it"]).prop_map(Edit::IcpValues),
        (0usize..4).prop_map(Edit::FactorScale),
        Just(Edit::DropDeals),
    ]
}

fn with(p: &mut Plan, i: usize, f: impl FnOnce(&mut Account)) {
    let n = p.accounts.len();
    if n > 0 {
        if let Some(a) = p.accounts.get_mut(i % n) {
            f(a);
        }
    }
}

fn apply(p: &mut Plan, history: &[Plan], e: &Edit) {
    let n = p.accounts.len();
    let at = |i: usize| if n == 0 { None } else { Some(i % n) };
    let factor = |p: &Plan, f: usize| p.prioritisation.factors.get(f % p.prioritisation.factors.len().max(1)).map(|f| f.id.clone());
    match e {
        Edit::Industry(i, v) => with(p, *i, |a| a.industry = (*v).into()),
        Edit::Employees(i, v) => with(p, *i, |a| a.employees = *v),
        Edit::TypedFactor(i, f, v) => {
            let Some(id) = factor(p, *f) else { return };
            with(p, *i, |a| match v {
                Some(v) => {
                    a.factors.insert(id, *v);
                }
                None => {
                    a.factors.remove(&id);
                }
            })
        }
        Edit::Target(i, v) => with(p, *i, |a| a.target = *v),
        Edit::Pin(i, v) => with(p, *i, |a| a.tier = *v),
        Edit::ExpectedDeal(i, v) => with(p, *i, |a| a.expected_deal_size = v.map(Money::from_minor)),
        Edit::Rename(i, v) => with(p, *i, |a| a.name = (*v).into()),
        Edit::Insert(i) => {
            let a = Account::new(AccountId(format!("new_{i}_{n}")), "新規");
            p.accounts.insert(if n == 0 { 0 } else { i % (n + 1) }, a);
        }
        Edit::Remove(i) => {
            if let Some(i) = at(*i) {
                p.accounts.remove(i);
            }
        }
        Edit::AppendItself => {
            let copy = p.accounts.clone();
            p.accounts.append(copy);
        }
        Edit::Truncate(i) => {
            if let Some(i) = at(*i) {
                p.accounts.truncate(i.max(1));
            }
        }
        Edit::Undo(i) => {
            if !history.is_empty() {
                *p = history[i % history.len()].clone();
            }
        }
        Edit::NearMiss(v) => p.icp.near_miss_percent = *v,
        Edit::IcpValues(v) => {
            if let Some(c) = p.icp.criteria.first_mut() {
                c.rule = IcpRule::Industry { values: vec![(*v).into()] };
            }
        }
        Edit::FactorScale(f) => {
            let len = p.prioritisation.factors.len();
            if let Some(f) = p.prioritisation.factors.get_mut(f % len.max(1)) {
                f.scale = if f.scale == FactorScale::Percent { FactorScale::TenPoint } else { FactorScale::Percent };
            }
        }
        Edit::DropDeals => p.deals.clear(),
    }
}

/// Bases compared in full, unknown values (NaN) included.
fn same(a: &Basis, b: &Basis) -> bool {
    format!("{a:?}") == format!("{b:?}")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]
    #[test]
    fn the_cached_basis_is_the_basis_read_from_scratch(accounts in 1usize..400, edits in prop::collection::vec(edit(), 1..25)) {
        let today = Date::from_ymd(2026, 11, 23).unwrap();
        let mut p = large_plan(Size { accounts, contacts_per_account: 1, deals: accounts / 2, activities: 0 }, today, 3);
        let mut cache = BasisCache::default();
        prop_assert!(same(&Basis::with_cache(&p, &mut cache), &Basis::new(&p)));
        let mut history = vec![p.clone()];
        for e in &edits {
            apply(&mut p, &history, e);
            history.push(p.clone());
            prop_assert!(same(&Basis::with_cache(&p, &mut cache), &Basis::new(&p)), "after {:?}", e);
        }
    }
}

#[test]
fn an_edit_rereads_only_its_chunk() {
    let today = Date::from_ymd(2026, 11, 23).unwrap();
    let mut p = large_plan(Size { accounts: 1000, contacts_per_account: 0, deals: 0, activities: 0 }, today, 5);
    let mut cache = BasisCache::default();
    Basis::with_cache(&p, &mut cache);
    assert_eq!(cache.last_read(), 1000);
    p.accounts[500].industry = "製造業".into();
    let basis = Basis::with_cache(&p, &mut cache);
    assert!(cache.last_read() <= 64, "{} accounts read again", cache.last_read());
    assert!(same(&basis, &Basis::new(&p)));
    // Redefining the ICP makes every row stale.
    p.icp.near_miss_percent += 1.0;
    Basis::with_cache(&p, &mut cache);
    assert_eq!(cache.last_read(), 1000);
}
