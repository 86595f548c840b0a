//! What the basis reads from each account, kept between evaluations so that an
//! edit re-reads only the accounts it touched.
//!
//! Reading 100,000 accounts from scratch is mostly waiting for memory: each
//! account's text and maps live in heap blocks of their own (docs/benchmarks.md).
//! The plan's accounts are an `imbl` vector, whose 64-account chunks are shared
//! between versions and copied on write. The cache keeps the version it last read
//! (a clone is a few reference counts), so every chunk it recorded stays alive and
//! can no longer change in place: a chunk of a later plan at one of those
//! addresses holds the same accounts, and its rows are copied instead of re-read.
//! An edited chunk is a copy at a new address, so it is read again.

use crate::domain::*;
use crate::icp::PreparedIcp;
use imbl::Vector;
use rustc_hash::FxHashMap;

// A vector too short for a chunk keeps its items inside the vector value itself,
// where an address would not name the items. An account is larger than a vector
// value, so the accounts always live in chunks.
const _: () = assert!(std::mem::size_of::<Account>() > std::mem::size_of::<Vector<Account>>());

/// Per account, in the plan's order: what the basis needs from the account itself.
#[derive(Clone, Debug, Default)]
pub(super) struct AccountRows {
    pub criteria: usize,
    pub factors: usize,
    /// Per account and criterion: packed outcome (see `icp::pack`).
    pub outcomes: Vec<f32>,
    /// Per account and factor: the value typed by hand, clamped to the factor's
    /// scale (NaN: none or not a number).
    pub manual: Vec<f32>,
    /// Expected deal size (NaN: none).
    pub expected: Vec<f64>,
    pub choice: Vec<TargetChoice>,
    pub pinned: Vec<Option<Tier>>,
}

impl AccountRows {
    fn with_capacity(n: usize, criteria: usize, factors: usize) -> Self {
        AccountRows {
            criteria,
            factors,
            outcomes: Vec::with_capacity(n * criteria),
            manual: Vec::with_capacity(n * factors),
            expected: Vec::with_capacity(n),
            choice: Vec::with_capacity(n),
            pinned: Vec::with_capacity(n),
        }
    }

    pub fn len(&self) -> usize {
        self.choice.len()
    }

    fn read(&mut self, a: &Account, icp: &PreparedIcp, factors: &[Factor]) {
        icp.outcomes_into(a, &mut self.outcomes);
        self.manual.extend(factors.iter().map(|f| {
            if a.factors.is_empty() {
                return f32::NAN;
            }
            a.factors.get(&f.id).copied().filter(|v| v.is_finite()).map_or(f32::NAN, |v| v.clamp(0.0, f.scale.max()) as f32)
        }));
        self.expected.push(a.expected_deal_size.map_or(f64::NAN, Money::to_f64));
        self.choice.push(a.target);
        self.pinned.push(a.tier);
    }

    /// Appends `len` rows of `from`, starting at row `first`.
    fn copy(&mut self, from: &AccountRows, first: usize, len: usize) {
        let rows = first..first + len;
        self.outcomes.extend_from_slice(&from.outcomes[rows.start * self.criteria..rows.end * self.criteria]);
        self.manual.extend_from_slice(&from.manual[rows.start * self.factors..rows.end * self.factors]);
        self.expected.extend_from_slice(&from.expected[rows.clone()]);
        self.choice.extend_from_slice(&from.choice[rows.clone()]);
        self.pinned.extend_from_slice(&from.pinned[rows]);
    }
}

/// What rows depend on besides the accounts; rows read under another key are
/// read again.
#[derive(Clone, Debug, PartialEq)]
struct Key {
    rules: Vec<IcpRule>,
    near_miss: u64,
    factors: Vec<(FactorId, FactorScale)>,
}

impl Key {
    fn of(plan: &Plan) -> Key {
        Key {
            rules: plan.icp.criteria.iter().map(|c| c.rule.clone()).collect(),
            near_miss: plan.icp.near_miss_percent.to_bits(),
            factors: plan.prioritisation.factors.iter().map(|f| (f.id.clone(), f.scale)).collect(),
        }
    }
}

/// The rows of the plan last evaluated; see the module's comment. Keep one per
/// stream of plan versions (the app keeps one for its basis).
#[derive(Default)]
pub struct BasisCache {
    accounts: Vector<Account>,
    key: Option<Key>,
    /// First row of each chunk of `accounts`, by the chunk's address and length.
    chunks: FxHashMap<(usize, usize), usize>,
    rows: AccountRows,
    /// How many accounts the last refresh read (the others were copied).
    read: usize,
}

impl BasisCache {
    /// The rows of `plan`'s accounts, re-reading only chunks not seen last time.
    /// `icp` is `plan.icp` prepared (the caller needs it too).
    pub(super) fn refresh(&mut self, plan: &Plan, icp: &PreparedIcp) -> &AccountRows {
        let key = Key::of(plan);
        let same_key = self.key.as_ref() == Some(&key);
        let factors = &plan.prioritisation.factors;
        let mut rows = AccountRows::with_capacity(plan.accounts.len(), icp.len(), factors.len());
        let mut chunks = FxHashMap::default();
        self.read = 0;
        for chunk in plan.accounts.leaves() {
            let at = (chunk.as_ptr() as usize, chunk.len());
            let first = rows.len();
            match self.chunks.get(&at) {
                Some(&from) if same_key => rows.copy(&self.rows, from, chunk.len()),
                _ => {
                    chunk.iter().for_each(|a| rows.read(a, icp, factors));
                    self.read += chunk.len();
                }
            }
            chunks.insert(at, first);
        }
        self.accounts = plan.accounts.clone();
        self.key = Some(key);
        self.chunks = chunks;
        self.rows = rows;
        &self.rows
    }

    /// How many accounts the last evaluation read from the plan; the others'
    /// rows were still valid.
    pub fn last_read(&self) -> usize {
        self.read
    }
}
