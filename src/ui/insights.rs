//! Derived data shared by the ICP, Accounts and Prioritisation screens: the basis
//! (fits, target list, factor values) and the ranking, as memos over the plan.
//! The basis is rebuilt only when data it reads changes; the ranking follows the
//! weights, including "what-if" weights while a slider moves.

use crate::checklist::{checklist, StepStatus};
use crate::data_quality::{find_duplicates, Candidate};
use crate::domain::{Account, AccountId, Activity, Contact, Deal, FactorSource, IcpProfile, Plan, Prioritisation};
use crate::kpi::ActivityIndex;
use crate::prioritisation::{rank, Basis, BasisCache, Ranking};
use crate::ui::state::use_app;
use imbl::Vector;
use leptos::prelude::*;
use std::sync::Arc;

/// Shared data compared by identity, so a memo of it never compares contents.
#[derive(Debug)]
pub struct Shared<T>(pub Arc<T>);

// By hand: cloning shares the `Arc`, whatever `T` is.
impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(Arc::clone(&self.0))
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> std::ops::Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

#[derive(Clone, Copy)]
pub struct Insights {
    pub basis: Memo<Shared<Basis>>,
    pub ranking: Memo<Shared<Ranking>>,
    /// Weights being tried (while a slider moves); `None`: the plan's weights.
    pub trial_weights: RwSignal<Option<Vec<f64>>>,
    /// Ranks to compare against for the movement arrows (↑3, ↓1).
    pub baseline: RwSignal<Option<Shared<Vec<Option<u32>>>>>,
    /// Where the plan stands on the method's eight steps (computed when a
    /// view reads it: the Overview and the sections' "next step").
    pub checklist: Memo<Shared<Vec<StepStatus>>>,
    /// The activities as a table sorted by time (the dashboard's KPIs read
    /// it). Kept here, not in the dashboard, so opening the dashboard again
    /// does not sort 200,000 activities again: rebuilt only when the
    /// activities or the accounts change, and only when read.
    pub activity_index: Memo<Shared<ActivityIndex>>,
    /// Likely duplicate accounts, surest first; found again only when the
    /// accounts or the pairs marked as different change, and only when read.
    pub duplicates: Memo<Shared<Vec<Candidate>>>,
}

/// The parts of a plan the basis reads; vectors compare by identity.
#[derive(Clone)]
struct Inputs {
    accounts: Vector<Account>,
    contacts: Vector<Contact>,
    deals: Vector<Deal>,
    activities: Vector<Activity>,
    icp: IcpProfile,
    prioritisation: Prioritisation,
}

impl Inputs {
    fn of(p: &Plan) -> Inputs {
        Inputs {
            accounts: p.accounts.clone(),
            contacts: p.contacts.clone(),
            deals: p.deals.clone(),
            activities: p.activities.clone(),
            icp: p.icp.clone(),
            prioritisation: p.prioritisation.clone(),
        }
    }

    fn same(&self, p: &Plan) -> bool {
        self.accounts.ptr_eq(&p.accounts)
            && self.contacts.ptr_eq(&p.contacts)
            && self.deals.ptr_eq(&p.deals)
            && self.icp == p.icp
            && self.prioritisation.factors.iter().map(|f| (&f.id, f.scale, f.source)).eq(p
                .prioritisation
                .factors
                .iter()
                .map(|f| (&f.id, f.scale, f.source)))
            && self.prioritisation.opportunity_bands == p.prioritisation.opportunity_bands
            // The prediction reads activities; other bases do not.
            && (!p.prioritisation.factors.iter().any(|f| f.source == FactorSource::PurchaseProbability) || self.activities.ptr_eq(&p.activities))
    }
}

pub fn provide_insights() -> Insights {
    let state = use_app();
    let last: StoredValue<Option<(Inputs, Shared<Basis>)>> = StoredValue::new(None);
    // What was read from each account, so an edit re-reads only its own chunk
    // of accounts (prioritisation::BasisCache).
    let cache: StoredValue<BasisCache> = StoredValue::new(BasisCache::default());
    let basis = Memo::new(move |_| {
        state.plan.with(|p| {
            let Some(p) = p else { return Shared(Arc::new(Basis::new(&Plan::new(crate::domain::PlanId(String::new()), "", now_zero())))) };
            if let Some((inputs, b)) = last.get_value() {
                if inputs.same(p) {
                    return b;
                }
            }
            // A "predicted purchase probability" factor is learnt from the basis
            // itself, so it is filled in after it (crate::prediction).
            let today = crate::browser::clock::today();
            let with_prediction = |c: &mut BasisCache| crate::prediction::basis_with_prediction(p, today, c).0;
            let b = cache.try_update_value(with_prediction).unwrap_or_else(|| with_prediction(&mut BasisCache::default()));
            let b = Shared(Arc::new(b));
            last.set_value(Some((Inputs::of(p), b.clone())));
            b
        })
    });
    let trial_weights: RwSignal<Option<Vec<f64>>> = RwSignal::new(None);
    let saved_weights = move || {
        state.plan.with(|p| match p {
            Some(p) => (p.prioritisation.factors.iter().map(|f| f.weight).collect::<Vec<_>>(), p.prioritisation.tiers),
            None => (Vec::new(), Prioritisation::default().tiers),
        })
    };
    // The ranking by the saved weights, and the one shown: the same while no
    // weight is being tried. What describes the saved plan (the checklist and
    // its next step) reads the first, so a what-if drag does not recompute it
    // on every move (with 10,000 accounts it scans them all).
    let saved_ranking = Memo::new(move |_| {
        let b = basis.get();
        let (weights, tiers) = saved_weights();
        Shared(Arc::new(rank(&b, &weights, &tiers)))
    });
    // How many factors the plan has, and its tiers: what a tried weight needs
    // of the saved ones, read without collecting them on every move.
    let saved_shape = move || {
        state.plan.with(|p| match p {
            Some(p) => (p.prioritisation.factors.len(), p.prioritisation.tiers),
            None => (0, Prioritisation::default().tiers),
        })
    };
    let ranking = Memo::new(move |_| {
        let (factors, tiers) = saved_shape();
        match trial_weights.get().filter(|w| w.len() == factors) {
            Some(weights) => Shared(Arc::new(rank(&basis.get(), &weights, &tiers))),
            None => saved_ranking.get(),
        }
    });
    let checklist = Memo::new(move |_| {
        let (b, r) = (basis.get(), saved_ranking.get());
        let today = crate::browser::clock::today();
        Shared(Arc::new(state.plan.with(|p| p.as_ref().map(|p| checklist(p, &b, &r, today)).unwrap_or_default())))
    });
    let insights = Insights {
        basis,
        ranking,
        trial_weights,
        baseline: RwSignal::new(None),
        checklist,
        activity_index: activity_index(state),
        duplicates: duplicates(state),
    };
    provide_context(insights);
    insights
}

/// The activity index with the activities and accounts it was built from.
type BuiltIndex = (Vector<Activity>, Vector<Account>, Shared<ActivityIndex>);

fn activity_index(state: crate::ui::state::AppState) -> Memo<Shared<ActivityIndex>> {
    let built: StoredValue<Option<BuiltIndex>> = StoredValue::new(None);
    Memo::new(move |_| {
        state.plan.with(|p| {
            let Some(p) = p else { return Shared(Arc::new(ActivityIndex::default())) };
            let kept =
                built.with_value(|b| b.as_ref().filter(|(acts, accounts, _)| acts.ptr_eq(&p.activities) && accounts.ptr_eq(&p.accounts)).map(|b| b.2.clone()));
            if let Some(index) = kept {
                return index;
            }
            let index = Shared(Arc::new(ActivityIndex::new(p)));
            built.set_value(Some((p.activities.clone(), p.accounts.clone(), index.clone())));
            index
        })
    })
}

/// The duplicates found with the accounts and marks they were found among.
type FoundDuplicates = (Vector<Account>, Vec<[AccountId; 2]>, Shared<Vec<Candidate>>);

fn duplicates(state: crate::ui::state::AppState) -> Memo<Shared<Vec<Candidate>>> {
    let found: StoredValue<Option<FoundDuplicates>> = StoredValue::new(None);
    Memo::new(move |_| {
        state.plan.with(|p| {
            let Some(p) = p else { return Shared(Arc::new(Vec::new())) };
            let marks = &p.settings.distinct_accounts;
            let kept = found.with_value(|f| f.as_ref().filter(|(accounts, m, _)| accounts.ptr_eq(&p.accounts) && m == marks).map(|f| f.2.clone()));
            if let Some(list) = kept {
                return list;
            }
            let list = Shared(Arc::new(find_duplicates(p)));
            found.set_value(Some((p.accounts.clone(), marks.clone(), list.clone())));
            list
        })
    })
}

fn now_zero() -> crate::domain::Timestamp {
    crate::domain::Timestamp(chrono::DateTime::<chrono::Utc>::UNIX_EPOCH)
}

pub fn use_insights() -> Insights {
    expect_context::<Insights>()
}

impl Insights {
    /// Remembers the current ranks, so the next change of weights shows movement.
    pub fn mark_baseline(&self) {
        if self.baseline.with_untracked(Option::is_none) {
            let ranks = self.ranking.get_untracked().ranks.clone();
            self.baseline.set(Some(Shared(Arc::new(ranks))));
        }
    }

    /// Positions moved since the baseline (positive: up).
    pub fn movement(&self, i: usize) -> Option<i64> {
        let before = self.baseline.with(|b| b.as_ref().and_then(|b| b.get(i).copied().flatten()))?;
        let now = self.ranking.with(|r| r.ranks[i])?;
        Some(i64::from(before) - i64::from(now))
    }
}
