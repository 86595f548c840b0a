//! Large plans stored in parts, so that a save writes only what changed.
//!
//! Written whole, a plan of 10,000 accounts and 200,000 activities is 34 MB of
//! JSON to serialise and compress on every autosave (about 390 ms), and a save
//! needs room for the whole new version beside the old one. Stored in parts:
//!
//! - the four large collections (accounts, contacts, deals, activities) are cut
//!   into runs of about 1,000 records, each stored under a key named by its
//!   content (`abm-planner:part:<plan>:<hash>-<records>`);
//! - the rest of the plan (its envelope without those collections) is one more
//!   part, the *base*;
//! - the version entry (`abm-planner:plan:…`) holds a small manifest: the base's
//!   key and each collection's runs in order.
//!
//! A save serialises only the runs it has not stored before, writes only parts
//! not already in storage, and needs spare room only for those. Parts no
//! manifest names any more are removed after the head has moved.
//!
//! Knowing which runs are unchanged without serialising them: the collections
//! are `imbl` vectors, whose 64-record chunks are shared between plan versions
//! and copied on write. [`PartsCache`] keeps the vectors it last stored (a clone
//! is a few reference counts), so every chunk it recorded stays alive and can no
//! longer change in place: a run made of the same chunks at the same addresses
//! holds the same records (the argument of `prioritisation::rows`). Runs are cut
//! before a chunk whose first record's id hashes to a chosen value, so an insert
//! or a removal changes one run, not every run after it.
//!
//! Reading hands the base and the runs, in order, to the piece reader
//! (`plan_file::PieceReader`), so stored plans go through the same checks as
//! files without their whole JSON being put together (34 MB for 200,000
//! activities); it is, only to be read whole when the piece reader leaves it
//! or cannot read it, or to be kept as a backup. A run that is missing or
//! damaged is left out with a warning and the plan still opens.

use super::keys;
use super::store::{KeyValueStore, StoreError};
use super::stored_form;
use crate::domain::{Account, Activity, Contact, Deal, Plan, PlanId, Timestamp};
use crate::plan_file::{to_storage_text, Location, Problem, ProblemKind};
use imbl::Vector;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};
use std::hash::{DefaultHasher, Hasher};

/// What a version entry holding a manifest starts with.
pub const MARKER: &str = "abm-parts:";
/// Plans with fewer records than this in the large collections are stored whole
/// (one entry, readable in the browser's developer tools). The demo plan (591
/// records) is above it, so the end-to-end tests exercise parts.
pub const MIN_RECORDS: usize = 256;
/// A run is cut before a chunk whose first record's id hash is 0 modulo this:
/// about 16 chunks of 64, i.e. about 1,000 records per run.
const CUT_ONE_IN: u64 = 16;
/// A run never holds more chunks than this, whatever the ids hash to.
const MAX_CHUNKS: usize = 32;
/// Compression level of parts. A save compresses only the runs it changed, so
/// it can afford zlib's default level: 14 % smaller than level 1 on plan
/// JSON, which is what lets 10,000 accounts with 200,000 activities fit in
/// local storage (docs/storage.md); the first save of such a plan takes twice
/// as long.
const LEVEL: u8 = 6;

// A vector too short for a chunk keeps its records inside the vector value,
// where an address would not name the records. Every stored record type is
// larger than a vector value, so records always live in chunks.
const _: () = assert!(std::mem::size_of::<Account>() > std::mem::size_of::<Vector<Account>>());
const _: () = assert!(std::mem::size_of::<Contact>() > std::mem::size_of::<Vector<Contact>>());
const _: () = assert!(std::mem::size_of::<Deal>() > std::mem::size_of::<Vector<Deal>>());
const _: () = assert!(std::mem::size_of::<Activity>() > std::mem::size_of::<Vector<Activity>>());

/// A stored run: its part's key and how many records it holds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Run(pub String, pub usize);

/// What a version entry holds after [`MARKER`].
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Manifest {
    /// The part holding the plan's envelope without the large collections.
    pub base: String,
    #[serde(default)]
    pub accounts: Vec<Run>,
    #[serde(default)]
    pub contacts: Vec<Run>,
    #[serde(default)]
    pub deals: Vec<Run>,
    #[serde(default)]
    pub activities: Vec<Run>,
}

impl Manifest {
    /// Reads a version entry's text; `None` when it is not a manifest.
    pub fn parse(text: &str) -> Option<Result<Manifest, String>> {
        let json = text.strip_prefix(MARKER)?;
        Some(serde_json::from_slice(json.as_bytes()).map_err(|e| e.to_string()))
    }

    pub fn text(&self) -> String {
        format!("{MARKER}{}", serde_json::to_string(self).unwrap_or_default())
    }

    /// Every part it names.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        let runs = self.collections().into_iter().flat_map(|(_, runs)| runs.iter().map(|r| r.0.as_str()));
        std::iter::once(self.base.as_str()).chain(runs)
    }

    /// The collections in the order the plan file has them.
    fn collections(&self) -> [(&'static str, &Vec<Run>); 4] {
        [("accounts", &self.accounts), ("contacts", &self.contacts), ("deals", &self.deals), ("activities", &self.activities)]
    }
}

/// Whether `plan` is stored in parts.
pub fn in_parts(plan: &Plan) -> bool {
    plan.accounts.len() + plan.contacts.len() + plan.deals.len() + plan.activities.len() >= MIN_RECORDS
}

/// A record kind stored in runs: runs are cut by its id.
pub trait Record: Serialize {
    fn id(&self) -> &str;
}

macro_rules! record_by_id {
    ($($t:ty),*) => {$(
        impl Record for $t {
            fn id(&self) -> &str {
                self.id.as_str()
            }
        }
    )*};
}
record_by_id!(Account, Contact, Deal, Activity);

/// 64 bits on every target (FxHash is 32 on wasm32). The std hasher's keys are
/// fixed; should a Rust release change its output, parts are only renamed (the
/// next save writes each run once more).
fn hash(bytes: &[u8]) -> u64 {
    let mut h = DefaultHasher::new();
    h.write(bytes);
    h.finish()
}

/// The chunks of `records`, grouped into runs.
fn runs_of<T: Record>(records: &Vector<T>) -> Vec<Vec<&[T]>> {
    let mut runs = Vec::new();
    let mut run: Vec<&[T]> = Vec::new();
    for chunk in records.leaves().filter(|c| !c.is_empty()) {
        let cut = hash(chunk[0].id().as_bytes()).is_multiple_of(CUT_ONE_IN);
        if !run.is_empty() && (cut || run.len() >= MAX_CHUNKS) {
            runs.push(std::mem::take(&mut run));
        }
        run.push(chunk);
    }
    if !run.is_empty() {
        runs.push(run);
    }
    runs
}

/// How many records a run holds.
fn records_in<T>(run: &[&[T]]) -> usize {
    run.iter().map(|c| c.len()).sum()
}

/// Names a run by where its chunks are (valid while the cache holds them).
type Fingerprint = Vec<(usize, usize)>;

/// The part each run known to be stored is under.
type Known = FxHashMap<Fingerprint, String>;

fn fingerprint<T>(run: &[&[T]]) -> Fingerprint {
    run.iter().map(|c| (c.as_ptr() as usize, c.len())).collect()
}

/// The runs of a collection as JSON array items (without the brackets).
fn run_json<T: Record>(run: &[&[T]]) -> String {
    let mut out = Vec::with_capacity(records_in(run) * 160);
    for record in run.iter().flat_map(|c| c.iter()) {
        if !out.is_empty() {
            out.push(b',');
        }
        // Plain data with string keys: serialising it cannot fail.
        let _ = serde_json::to_writer(&mut out, record);
    }
    String::from_utf8(out).unwrap_or_default()
}

/// The large collections of one plan version (holding them keeps their chunks alive).
type Held = (Vector<Account>, Vector<Contact>, Vector<Deal>, Vector<Activity>);

/// The large collections of the plan last stored or read, and the part each
/// of its runs is stored under.
#[derive(Default)]
pub struct PartsCache {
    plan: Option<PlanId>,
    held: Option<Held>,
    /// Accounts, contacts, deals and activities, in that order.
    stored: [Stored; 4],
    /// How many runs the last save serialised (the others were known).
    serialised: usize,
}

/// What is known of one large collection of the vectors held.
#[derive(Clone, Default)]
struct Stored {
    /// The part each of its runs is under, by where the run's chunks are.
    known: Known,
    /// All its runs in order, when known: a collection that is still the very
    /// vector held is these runs, without going through its chunks (an edit
    /// elsewhere in a plan of 200,000 activities then costs nothing here;
    /// going through its 3,000 chunks twice was most of an autosave).
    runs: Option<Vec<Run>>,
}

impl PartsCache {
    /// How many runs the last save serialised; the others were already stored.
    pub fn last_serialised(&self) -> usize {
        self.serialised
    }

    pub(super) fn forget(&mut self) {
        *self = PartsCache::default();
    }

    /// Records what `plan`'s runs are stored under.
    fn remember(&mut self, plan: &Plan, stored: [Stored; 4]) {
        self.plan = Some(plan.id.clone());
        self.held = Some((plan.accounts.clone(), plan.contacts.clone(), plan.deals.clone(), plan.activities.clone()));
        self.stored = stored;
    }

    /// After `plan` was read exactly as `manifest` stores it: its runs that
    /// cover the same records as a stored run are that run.
    pub(super) fn prime(&mut self, plan: &Plan, manifest: &Manifest) {
        let stored = [
            prime_collection(&plan.accounts, &manifest.accounts),
            prime_collection(&plan.contacts, &manifest.contacts),
            prime_collection(&plan.deals, &manifest.deals),
            prime_collection(&plan.activities, &manifest.activities),
        ];
        self.remember(plan, stored);
    }
}

fn prime_collection<T: Record>(records: &Vector<T>, stored: &[Run]) -> Stored {
    let mut stored_at: FxHashMap<usize, &Run> = FxHashMap::default();
    let mut start = 0;
    for run in stored {
        stored_at.insert(start, run);
        start += run.1;
    }
    let mut known = FxHashMap::default();
    let mut start = 0;
    let mut all = true;
    for run in runs_of(records) {
        let len = records_in(&run);
        match stored_at.get(&start).filter(|s| s.1 == len) {
            Some(stored) => drop(known.insert(fingerprint(&run), stored.0.clone())),
            None => all = false,
        }
        start += len;
    }
    // Every run is a stored one, in the same order: these are its runs.
    let runs = (all && known.len() == stored.len()).then(|| stored.to_vec());
    Stored { known, runs }
}

/// Why parts could not be written. Parts written by the failed attempt have
/// been removed again.
#[derive(Debug, PartialEq)]
pub(super) enum WriteError {
    Store(StoreError),
    ReadBack,
}

/// Writes the parts of one version of a plan.
pub(super) struct PartWriter<'a, S: KeyValueStore> {
    store: &'a mut S,
    plan: PlanId,
    present: FxHashSet<String>,
    /// Parts this save added (removed again if the save fails).
    pub written: Vec<String>,
}

impl<'a, S: KeyValueStore> PartWriter<'a, S> {
    pub fn new(store: &'a mut S, plan: &PlanId) -> Result<Self, StoreError> {
        let present = store.keys()?.into_iter().filter(|k| keys::parse_part(k).as_ref() == Some(plan)).collect();
        Ok(PartWriter { store, plan: plan.clone(), present, written: Vec::new() })
    }

    fn has(&self, key: &str) -> bool {
        self.present.contains(key)
    }

    /// Stores `json` (the part's readable text) and returns its key. A part
    /// with the same name and the same text is already there; a different
    /// text under that name (a hash collision, or damage) gets another name.
    fn put(&mut self, json: &str, records: usize) -> Result<String, WriteError> {
        let text = stored_form::deflated_at(json, LEVEL);
        let name = format!("{:016x}-{records}", hash(json.as_bytes()));
        let mut key = keys::part(&self.plan, &name);
        let mut attempt = 0;
        while self.has(&key) {
            match self.store.get(&key) {
                Ok(Some(stored)) if stored == text => return Ok(key),
                Ok(_) => {
                    attempt += 1;
                    key = keys::part(&self.plan, &format!("{name}.{attempt}"));
                }
                Err(e) => return Err(WriteError::Store(e)),
            }
        }
        self.store.set(&key, &text).map_err(WriteError::Store)?;
        self.present.insert(key.clone());
        self.written.push(key.clone());
        match self.store.get(&key) {
            Ok(Some(back)) if back == text => Ok(key),
            _ => Err(WriteError::ReadBack),
        }
    }

    /// Removes what this writer added.
    pub fn undo(self) {
        for key in self.written {
            let _ = self.store.remove(&key);
        }
    }

    /// Writes `plan`'s parts (those not stored already) and returns the
    /// version entry's text, the manifest.
    pub fn write(&mut self, plan: &Plan, now: Timestamp, cache: &mut PartsCache) -> Result<String, WriteError> {
        let (stored, serialised) = self.runs(plan, cache, &mut Budget::unlimited())?;
        let [accounts, contacts, deals, activities] = stored.each_ref().map(|s| s.runs.clone().unwrap_or_default());
        let mut manifest = Manifest { accounts, contacts, deals, activities, ..Manifest::default() };
        let mut base = plan.clone();
        base.accounts = Vector::new();
        base.contacts = Vector::new();
        base.deals = Vector::new();
        base.activities = Vector::new();
        manifest.base = self.put(&to_storage_text(&base, now), 0)?;
        cache.remember(plan, stored);
        cache.serialised = serialised;
        Ok(manifest.text())
    }

    /// Stores `plan`'s runs that are not stored yet, one by one while
    /// `budget` allows, without a version naming them: the save that follows
    /// finds them stored. Returns how many runs are left to store. A large
    /// plan's first save (34 MB to compress) is done this way in steps between
    /// frames instead of one long freeze.
    pub fn write_ahead(&mut self, plan: &Plan, cache: &mut PartsCache, budget: &mut Budget) -> Result<usize, WriteError> {
        let (stored, _) = self.runs(plan, cache, budget)?;
        let left = stored.iter().flat_map(|s| s.runs.iter().flatten()).filter(|r| r.0.is_empty()).count();
        // Rebuilt from this plan's runs only: a fingerprint is valid while the
        // cache holds its chunks, and it now holds this plan's.
        cache.remember(plan, stored);
        Ok(left)
    }

    /// The runs of `plan`'s four large collections, stored while `budget`
    /// allows, with the parts each stored run is under and how many runs were
    /// serialised.
    fn runs(&mut self, plan: &Plan, cache: &mut PartsCache, budget: &mut Budget) -> Result<([Stored; 4], usize), WriteError> {
        if cache.plan.as_ref() != Some(&plan.id) {
            cache.forget();
        }
        let held = cache.held.as_ref();
        let mut serialised = 0;
        let stored = [
            self.collection(&plan.accounts, held.map(|h| &h.0), &cache.stored[0], &mut serialised, budget)?,
            self.collection(&plan.contacts, held.map(|h| &h.1), &cache.stored[1], &mut serialised, budget)?,
            self.collection(&plan.deals, held.map(|h| &h.2), &cache.stored[2], &mut serialised, budget)?,
            self.collection(&plan.activities, held.map(|h| &h.3), &cache.stored[3], &mut serialised, budget)?,
        ];
        Ok((stored, serialised))
    }

    /// The runs of one collection, stored (those known already are not
    /// serialised again). A run left unstored because `budget` ran out has an
    /// empty key. `held` is the collection the cache holds, `before` what it
    /// knows of it.
    fn collection<T: Record>(
        &mut self,
        records: &Vector<T>,
        held: Option<&Vector<T>>,
        before: &Stored,
        serialised: &mut usize,
        budget: &mut Budget,
    ) -> Result<Stored, WriteError> {
        // The very vector held (the same chunks, kept alive by the cache), all
        // of whose runs are still in storage: nothing to look at.
        if let (Some(held), Some(runs)) = (held, &before.runs) {
            if held.ptr_eq(records) && runs.iter().all(|r| self.has(&r.0)) {
                return Ok(before.clone());
            }
        }
        let mut known = FxHashMap::default();
        let mut runs = Vec::new();
        for run in runs_of(records) {
            let print = fingerprint(&run);
            let len = records_in(&run);
            let key = match before.known.get(&print).filter(|k| self.has(k)) {
                Some(key) => key.clone(),
                None if budget.allows() => {
                    *serialised += 1;
                    self.put(&run_json(&run), len)?
                }
                None => {
                    runs.push(Run(String::new(), len));
                    continue;
                }
            };
            known.insert(print, key.clone());
            runs.push(Run(key, len));
        }
        Ok(Stored { known, runs: Some(runs) })
    }
}

/// How much writing ahead one step may do: asked before each run.
pub struct Budget<'a>(Option<&'a mut dyn FnMut() -> bool>);

impl<'a> Budget<'a> {
    /// Until `more` says no (the shell asks the clock).
    pub fn while_true(more: &'a mut dyn FnMut() -> bool) -> Self {
        Budget(Some(more))
    }

    fn unlimited() -> Self {
        Budget(None)
    }

    fn allows(&mut self) -> bool {
        self.0.as_mut().is_none_or(|more| more())
    }
}

/// A stored plan's JSON put back together from its parts.
pub(super) struct Assembled {
    pub json: String,
    pub found: Found,
}

/// What putting a plan back together found besides its JSON.
pub(super) struct Found {
    /// Runs left out (missing, damaged, or not JSON), as warnings.
    pub lost: Vec<Problem>,
    /// Parts that are there but could not be read, as (key, stored text), to
    /// keep as backups.
    pub damaged: Vec<(String, String)>,
}

/// Puts `manifest`'s plan back together. `check_runs` also checks that each
/// run is JSON (done after the whole failed to read, to find the culprit).
/// `None` when the base is missing or damaged: there is no plan without it.
pub(super) fn assemble<S: KeyValueStore>(store: &S, manifest: &Manifest, check_runs: bool) -> Option<Assembled> {
    // About 170 bytes of JSON per record (a guess that saves most regrowing).
    let records: usize = manifest.collections().iter().flat_map(|(_, runs)| runs.iter()).map(|r| r.1).sum();
    let mut json = String::with_capacity(records.min(1 << 20) * 170);
    let found = assemble_in_pieces(store, manifest, check_runs, &mut |piece| json.push_str(piece))?;
    Some(Assembled { json, found })
}

/// Hands `manifest`'s plan JSON to `out` a piece at a time (the base's, each
/// run's), so it can be read without being put together: 34 MB of text for a
/// plan of 200,000 activities, in memory that never shrinks. `None` when the
/// base is missing or damaged (nothing was handed over).
pub(super) fn assemble_in_pieces<S: KeyValueStore>(store: &S, manifest: &Manifest, check_runs: bool, out: &mut dyn FnMut(&str)) -> Option<Found> {
    let base = store.get(&manifest.base).ok().flatten().and_then(|stored| unpacked(&stored))?;
    let head = base.strip_suffix("}}")?;
    out(head);
    let mut found = Found { lost: Vec::new(), damaged: Vec::new() };
    for (name, runs) in manifest.collections() {
        let mut first = true;
        let mut at = 0;
        for Run(key, records) in runs {
            let stored = store.get(key).ok().flatten();
            let text = stored.as_deref().and_then(unpacked).filter(|t| !check_runs || is_json_items(t));
            let Some(text) = text else {
                if let Some(stored) = stored {
                    found.damaged.push((key.clone(), stored));
                }
                found.lost.push(Problem::warning(Location::Path(format!("plan.{name}[{at}]")), ProblemKind::StoredPartLost { records: *records }));
                at += records;
                continue;
            };
            let open = format!(",\"{name}\":[");
            out(if first { &open } else { "," });
            out(&text);
            first = false;
            at += records;
        }
        if !first {
            out("]");
        }
    }
    out("}}");
    Some(found)
}

/// A part's JSON, if its stored text unpacks.
fn unpacked(stored: &str) -> Option<String> {
    stored_form::unpack(stored).ok().map(|json| json.into_owned())
}

/// Whether `text` is a comma-separated list of JSON values.
fn is_json_items(text: &str) -> bool {
    serde_json::from_slice::<Vec<serde::de::IgnoredAny>>(format!("[{text}]").as_bytes()).is_ok()
}

/// The parts of `plan` that no version entry in `store` names any more.
pub(super) fn unreferenced<S: KeyValueStore>(store: &S, plan: &PlanId) -> Vec<String> {
    let Ok(all) = store.keys() else { return Vec::new() };
    let mut named: FxHashSet<String> = FxHashSet::default();
    for key in all.iter().filter(|k| keys::parse_plan_data(k).is_some_and(|(p, _)| &p == plan)) {
        let Some(text) = store.get(key).ok().flatten() else { continue };
        match Manifest::parse(&text) {
            Some(Ok(m)) => named.extend(m.keys().map(str::to_string)),
            // A manifest that cannot be read names nothing we can tell: keep all.
            Some(Err(_)) => return Vec::new(),
            None => {}
        }
    }
    all.into_iter().filter(|k| keys::parse_part(k).as_ref() == Some(plan) && !named.contains(k)).collect()
}
