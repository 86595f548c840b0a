//! Saving and loading plans in a [`KeyValueStore`] without ever losing what was saved.
//!
//! Invariants:
//! - A save writes the plan to a new entry, reads it back, and only then moves the
//!   plan's head to it; the previous version stays until then. A failed save (full
//!   storage, bad read-back) leaves the previous version as it was.
//! - A save states the revision it started from; if the head has moved since (another
//!   tab saved), the save is refused as a conflict instead of overwriting.
//! - Text that cannot be read is never deleted: it is kept under a backup key (or
//!   left where it is, if there is no room for a copy) and reported.
//! - Deleting a plan only marks its head; the data stays until purged, so deleting
//!   can be undone.
//! - A plan stored in parts (`parts`) has every part its version entry names
//!   written and read back before that entry is written; parts are removed only
//!   when no version entry of the plan names them.

use super::keys;
use super::parts::{self, Budget, Manifest, PartWriter, PartsCache, WriteError};
use super::store::{entry_size, KeyValueStore, StoreError};
use super::stored_form;
use crate::domain::sorting;
use crate::domain::{Plan, PlanCounts, PlanId, Timestamp};
use crate::plan_file::{read_plan_text, to_storage_text, Imported, Mode, PieceReader, Problem, SCHEMA_VERSION};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// The small record that says which saved version of a plan is current.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Head {
    pub plan_id: PlanId,
    pub name: String,
    pub revision: u64,
    pub data_key: String,
    pub saved_at: Timestamp,
    /// The tab that saved it.
    pub saved_by: String,
    #[serde(default)]
    pub counts: PlanCounts,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deleted_at: Option<Timestamp>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum SaveError {
    /// Storage is full; the plan was not saved (the previous version is intact).
    QuotaExceeded,
    /// Another tab saved this plan since it was loaded here.
    Conflict {
        theirs: Box<Head>,
    },
    /// What was written did not read back the same; the previous version is intact.
    ReadBack,
    Unavailable(String),
}

#[derive(Clone, Debug, PartialEq)]
pub enum LoadError {
    NotFound,
    /// The plan could not be read; its text was kept under `backup` (or left in place).
    Unreadable {
        backup: Option<String>,
        problems: Vec<Problem>,
    },
    Unavailable(String),
}

#[derive(Clone, Debug)]
pub struct Loaded {
    pub plan: Plan,
    pub head: Head,
    /// Repairs made while reading (reported to the user).
    pub warnings: Vec<Problem>,
    /// Set when the stored plan was in an older format and was migrated.
    pub migrated_from: Option<u64>,
}

/// Text kept because it could not be read.
#[derive(Clone, Debug, PartialEq)]
pub struct Backup {
    pub key: String,
    pub made_at: Option<Timestamp>,
    /// The key the text was found under.
    pub original: String,
    pub size: usize,
}

/// Something found while opening storage that the user should hear about.
#[derive(Clone, Debug, PartialEq)]
pub enum Finding {
    /// Unreadable text was moved to a backup.
    Quarantined { original: String, backup: String },
    /// Unreadable text was left in place (no room to copy it).
    LeftInPlace { key: String },
    /// A plan whose head was lost was found again from its data.
    Recovered { plan: PlanId, name: String },
}

#[derive(Clone, Debug, Default)]
pub struct Opened {
    pub plans: Vec<Head>,
    pub deleted: Vec<Head>,
    pub backups: Vec<Backup>,
    pub findings: Vec<Finding>,
}

/// Storage usage by this app, in UTF-16 code units (what browsers count).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Usage {
    pub total: usize,
    pub backups: usize,
}

/// Why a head could not be read.
#[derive(Clone, Debug, PartialEq)]
pub enum HeadError {
    Unavailable(String),
    /// The head's text is not a head: it gets quarantined.
    Unreadable(String),
}

pub struct PlanStore<S: KeyValueStore> {
    pub store: S,
    /// Which runs of the plan last saved or opened are stored under which part.
    parts: PartsCache,
}

/// A stored version's JSON, and what was lost putting it together from parts.
struct VersionJson<'a> {
    json: Cow<'a, str>,
    lost: Vec<Problem>,
    /// Parts that are there but could not be read: (key, stored text).
    damaged: Vec<(String, String)>,
    /// Set when the version is stored in parts and was put together.
    manifest: Option<Manifest>,
}

impl<'a> VersionJson<'a> {
    fn whole(json: Cow<'a, str>) -> Self {
        VersionJson { json, lost: Vec::new(), damaged: Vec::new(), manifest: None }
    }
}

/// A stored plan's JSON; text that does not unpack is read as it is, so it is
/// reported and kept like any other unreadable text.
fn json_of(stored: &str) -> Cow<'_, str> {
    stored_form::unpack(stored).unwrap_or(Cow::Borrowed(stored))
}

fn store_error(e: StoreError) -> SaveError {
    match e {
        StoreError::QuotaExceeded => SaveError::QuotaExceeded,
        StoreError::Unavailable(s) => SaveError::Unavailable(s),
    }
}

fn unavailable(e: StoreError) -> String {
    match e {
        StoreError::Unavailable(s) => s,
        StoreError::QuotaExceeded => "storage is full".into(),
    }
}

impl<S: KeyValueStore> PlanStore<S> {
    pub fn new(store: S) -> Self {
        PlanStore { store, parts: PartsCache::default() }
    }

    /// How many runs of records the last save serialised (the others were
    /// already stored); for tests and benchmarks.
    pub fn last_serialised_runs(&self) -> usize {
        self.parts.last_serialised()
    }

    /// A stored version's JSON: the text itself, unpacked, or put together
    /// from its parts. Text that is neither is returned as it is, so it is
    /// reported and kept like any other unreadable text.
    fn version_json<'t>(&self, stored: &'t str, check_runs: bool) -> VersionJson<'t> {
        let Some(Ok(manifest)) = Manifest::parse(stored) else {
            return VersionJson::whole(json_of(stored));
        };
        match parts::assemble(&self.store, &manifest, check_runs) {
            Some(a) => VersionJson { json: Cow::Owned(a.json), lost: a.found.lost, damaged: a.found.damaged, manifest: Some(manifest) },
            None => VersionJson::whole(Cow::Borrowed(stored)),
        }
    }

    /// Reads a stored version in repair mode. The JSON of a version in parts
    /// is put together only when it is needed (to read it whole, or to keep
    /// it as a backup).
    fn read_version<'t>(&self, stored: &'t str) -> (Result<Imported, Vec<Problem>>, VersionJson<'t>) {
        if let Some(read) = self.read_in_pieces(stored) {
            return read;
        }
        let version = self.version_json(stored, false);
        let read = read_plan_text(&version.json, Mode::Repair);
        if read.is_err() && version.manifest.is_some() {
            // One run that is not JSON spoils the whole text: find such runs
            // and read the plan without them.
            let checked = self.version_json(stored, true);
            if checked.lost.len() > version.lost.len() {
                let again = read_plan_text(&checked.json, Mode::Repair);
                if again.is_ok() {
                    return (again, checked);
                }
            }
        }
        (read, version)
    }

    /// A version in parts read as its parts come ([`PieceReader`]), when it
    /// reads: then its JSON is left empty, to put together if needed
    /// ([`PlanStore::version_text`]). `None` for the whole-text reader.
    fn read_in_pieces<'t>(&self, stored: &str) -> Option<(Result<Imported, Vec<Problem>>, VersionJson<'t>)> {
        let Some(Ok(manifest)) = Manifest::parse(stored) else { return None };
        let mut reader = PieceReader::new(Mode::Repair);
        let mut fed = true;
        let found = parts::assemble_in_pieces(&self.store, &manifest, false, &mut |piece| {
            fed = fed && reader.feed(piece.as_bytes());
        })?;
        let read = if fed { reader.finish()? } else { return None };
        let read @ Ok(_) = read else { return None };
        let version = VersionJson { json: Cow::Borrowed(""), lost: found.lost, damaged: found.damaged, manifest: Some(manifest) };
        Some((read, version))
    }

    /// A version's JSON as read: put together again when it was read in pieces.
    fn version_text<'v>(&self, stored: &str, version: &'v VersionJson<'_>) -> Cow<'v, str> {
        match (&version.json, &version.manifest) {
            (json, Some(_)) if json.is_empty() => Cow::Owned(self.version_json(stored, false).json.into_owned()),
            (json, _) => Cow::Borrowed(json),
        }
    }

    /// Scans storage: lists plans, keeps unreadable heads as backups, finds plans
    /// whose head was lost, and clears leftovers of interrupted saves.
    pub fn open(&mut self, now: Timestamp) -> Result<Opened, String> {
        let keys = self.store.keys().map_err(unavailable)?;
        let mut opened = Opened::default();
        let mut heads: Vec<Head> = Vec::new();
        let mut data_keys: Vec<(PlanId, u64, String)> = Vec::new();
        for key in &keys {
            if let Some(id) = keys::parse_head(key) {
                match self.read_head_key(key) {
                    Ok(Some(h)) if h.plan_id == id => heads.push(h),
                    Ok(None) => {}
                    Err(HeadError::Unavailable(e)) => return Err(e),
                    _ => {
                        let raw = self.store.get(key).ok().flatten().unwrap_or_default();
                        opened.findings.push(self.quarantine(key, &raw, now));
                    }
                }
            } else if let Some((id, rev)) = keys::parse_plan_data(key) {
                data_keys.push((id, rev, key.clone()));
            }
        }
        // Data whose head is gone: rebuild the head from the newest readable version.
        let mut orphans: Vec<PlanId> = data_keys.iter().filter(|(id, _, _)| !heads.iter().any(|h| &h.plan_id == id)).map(|(id, _, _)| id.clone()).collect();
        sorting::sort(&mut orphans);
        orphans.dedup();
        for id in orphans {
            let versions: Vec<(u64, String)> = data_keys.iter().filter(|(p, _, _)| *p == id).map(|(_, rev, key)| (*rev, key.clone())).collect();
            if let Some(head) = self.rebuild_head(&id, versions, now) {
                opened.findings.push(Finding::Recovered { plan: id.clone(), name: head.name.clone() });
                heads.push(head);
            }
        }
        // Versions older than the head are leftovers of interrupted saves. Newer ones
        // may belong to a save in progress in another tab: leave them.
        for (id, rev, key) in &data_keys {
            if let Some(h) = heads.iter().find(|h| &h.plan_id == id) {
                if *rev < h.revision && *key != h.data_key {
                    let _ = self.store.remove(key);
                }
            }
        }
        sorting::sort_by(&mut heads, |a, b| b.saved_at.cmp(&a.saved_at).then(a.name.cmp(&b.name)));
        for h in heads {
            if h.deleted_at.is_some() {
                opened.deleted.push(h);
            } else {
                opened.plans.push(h);
            }
        }
        opened.backups = self.backups();
        Ok(opened)
    }

    pub fn read_head(&self, id: &PlanId) -> Result<Option<Head>, HeadError> {
        self.read_head_key(&keys::head(id))
    }

    fn read_head_key(&self, key: &str) -> Result<Option<Head>, HeadError> {
        match self.store.get(key).map_err(|e| HeadError::Unavailable(unavailable(e)))? {
            None => Ok(None),
            Some(text) => serde_json::from_slice(text.as_bytes()).map(Some).map_err(|e| HeadError::Unreadable(e.to_string())),
        }
    }

    /// The head, with an unreadable one moved to a backup (and then absent).
    fn head_or_quarantine(&mut self, id: &PlanId, now: Timestamp) -> Result<Option<Head>, String> {
        match self.read_head(id) {
            Ok(h) => Ok(h),
            Err(HeadError::Unavailable(e)) => Err(e),
            Err(HeadError::Unreadable(_)) => {
                let key = keys::head(id);
                let raw = self.store.get(&key).ok().flatten().unwrap_or_default();
                self.quarantine(&key, &raw, now);
                Ok(None)
            }
        }
    }

    /// A head for plan `id` rebuilt from the newest readable of its saved
    /// `versions` (revision, data key). It is written back when there is room;
    /// when there is not (full storage), it is still returned, so the plan stays
    /// listed and can be opened: the head only summarises its data.
    fn rebuild_head(&mut self, id: &PlanId, mut versions: Vec<(u64, String)>, now: Timestamp) -> Option<Head> {
        sorting::sort_by_key(&mut versions, |(rev, _)| std::cmp::Reverse(*rev));
        for (rev, key) in versions {
            let Some(text) = self.store.get(&key).ok().flatten() else { continue };
            if let (Ok(read), _) = self.read_version(&text) {
                let head = Head {
                    plan_id: id.clone(),
                    name: read.plan.name.clone(),
                    revision: rev,
                    data_key: key,
                    saved_at: read.exported_at.unwrap_or(now),
                    saved_by: "recovered".into(),
                    counts: read.plan.counts(),
                    deleted_at: None,
                };
                let _ = self.write_head(&head);
                return Some(head);
            }
        }
        None
    }

    /// Plan `id`'s saved versions (revision, data key).
    fn versions(&self, id: &PlanId) -> Vec<(u64, String)> {
        let keys = self.store.keys().unwrap_or_default();
        keys.into_iter().filter_map(|k| keys::parse_plan_data(&k).filter(|(p, _)| p == id).map(|(_, rev)| (rev, k))).collect()
    }

    fn write_head(&mut self, head: &Head) -> Result<(), StoreError> {
        let text = serde_json::to_string(head).unwrap_or_default();
        self.store.set(&keys::head(&head.plan_id), &text)
    }

    /// Loads a plan, repairing what can be repaired. Unreadable text is kept as a
    /// backup and an older saved version is tried before giving up.
    pub fn load(&mut self, id: &PlanId, now: Timestamp) -> Result<Loaded, LoadError> {
        let head = match self.head_or_quarantine(id, now) {
            Ok(Some(h)) => h,
            // A head lost or unreadable (and maybe left in place for lack of
            // room): the data says what it said.
            Ok(None) => match self.rebuild_head(id, self.versions(id), now) {
                Some(h) => h,
                None => return Err(LoadError::NotFound),
            },
            Err(e) => return Err(LoadError::Unavailable(e)),
        };
        let Some(text) = self.store.get(&head.data_key).map_err(|e| LoadError::Unavailable(unavailable(e)))? else {
            // The head points at nothing: there is no plan left to list.
            let _ = self.store.remove(&keys::head(id));
            return Err(LoadError::Unreadable { backup: None, problems: Vec::new() });
        };
        // Backups keep the JSON, which people can read, rather than the
        // compressed form or the list of parts.
        let (read, version) = self.read_version(&text);
        for (key, raw) in &version.damaged {
            self.copy_to_backup(key, raw, now);
        }
        match read {
            Ok(read) => {
                if !version.lost.is_empty() || !read.warnings.is_empty() {
                    // Keep the original text next to the repaired plan.
                    let json = self.version_text(&text, &version);
                    self.copy_to_backup(&head.data_key, &json, now);
                }
                let mut warnings = version.lost;
                warnings.extend(read.warnings);
                let migrated_from = (read.schema_version < SCHEMA_VERSION).then_some(read.schema_version);
                match &version.manifest {
                    // Read exactly as stored: its runs are the stored ones.
                    Some(m) if warnings.is_empty() && migrated_from.is_none() => self.parts.prime(&read.plan, m),
                    _ => self.parts.forget(),
                }
                Ok(Loaded { plan: read.plan, head, warnings, migrated_from })
            }
            Err(problems) => {
                let finding = self.quarantine(&head.data_key, &version.json, now);
                let backup = match finding {
                    Finding::Quarantined { backup, .. } => {
                        // Its data now lives in the backup; the plan leaves the list.
                        let _ = self.store.remove(&keys::head(id));
                        if version.manifest.is_some() {
                            // The backup holds the whole plan put together.
                            self.remove_unreferenced_parts(id);
                        }
                        Some(backup)
                    }
                    _ => None,
                };
                Err(LoadError::Unreadable { backup, problems })
            }
        }
    }

    fn remove_unreferenced_parts(&mut self, id: &PlanId) {
        for key in parts::unreferenced(&self.store, id) {
            let _ = self.store.remove(&key);
        }
    }

    /// Writes `plan` under `data_key` (in parts when large) and reads it back.
    /// On failure nothing it wrote is left; on success, returns the parts it
    /// added (to remove again if the save fails later).
    fn write_version(&mut self, plan: &Plan, data_key: &str, now: Timestamp) -> Result<Vec<String>, SaveError> {
        let (text, written) = if parts::in_parts(plan) {
            let mut writer = PartWriter::new(&mut self.store, &plan.id).map_err(store_error)?;
            match writer.write(plan, now, &mut self.parts) {
                Ok(text) => (text, std::mem::take(&mut writer.written)),
                Err(e) => {
                    writer.undo();
                    return Err(match e {
                        WriteError::Store(e) => store_error(e),
                        WriteError::ReadBack => SaveError::ReadBack,
                    });
                }
            }
        } else {
            (stored_form::pack(&to_storage_text(plan, now)), Vec::new())
        };
        if let Err(e) = self.store.set(data_key, &text) {
            self.discard_version(data_key, &written);
            return Err(store_error(e));
        }
        match self.store.get(data_key) {
            Ok(Some(back)) if back == text => Ok(written),
            _ => {
                self.discard_version(data_key, &written);
                Err(SaveError::ReadBack)
            }
        }
    }

    /// Removes a version written by a save that failed, and the parts it added.
    fn discard_version(&mut self, data_key: &str, written: &[String]) {
        let _ = self.store.remove(data_key);
        written.iter().for_each(|k| drop(self.store.remove(k)));
    }

    /// Stores parts of `plan` that are not stored yet while `more()` says yes,
    /// ahead of [`Self::save`] (which then only writes what is left, the base
    /// and the list of parts). Returns how many runs are still to store; 0 for
    /// a plan not stored in parts, and after a failure the save will meet and
    /// report itself (the parts this step wrote are removed).
    ///
    /// When storage is full, room held by deleted plans is freed and storing
    /// goes on; when there is none, everything stored ahead is removed and the
    /// answer is [`SaveError::QuotaExceeded`]: the save would need the same
    /// room and more, so it need not compress the rest of the plan to find out.
    pub fn store_parts_ahead(&mut self, plan: &Plan, more: &mut dyn FnMut() -> bool) -> Result<usize, SaveError> {
        if !parts::in_parts(plan) {
            return Ok(0);
        }
        let Ok(mut writer) = PartWriter::new(&mut self.store, &plan.id) else { return Ok(0) };
        let failure = match writer.write_ahead(plan, &mut self.parts, &mut Budget::while_true(more)) {
            Ok(left) => return Ok(left),
            Err(e) => e,
        };
        writer.undo();
        self.parts.forget();
        if !matches!(failure, WriteError::Store(StoreError::QuotaExceeded)) {
            return Ok(0);
        }
        if self.purge_deleted_except(&plan.id) > 0 {
            // Room was made: the runs this step lost are stored again next step.
            return Ok(1);
        }
        self.remove_unreferenced_parts(&plan.id);
        Err(SaveError::QuotaExceeded)
    }

    /// Saves `plan` as the next revision after `base` (`None` for a plan never saved).
    pub fn save(&mut self, plan: &Plan, base: Option<u64>, writer: &str, now: Timestamp) -> Result<Head, SaveError> {
        let current = self.head_or_quarantine(&plan.id, now).map_err(SaveError::Unavailable)?;
        if let Some(theirs) = &current {
            // Moved on since we loaded it, or deleted meanwhile: never overwrite.
            if Some(theirs.revision) != base || theirs.deleted_at.is_some() {
                return Err(SaveError::Conflict { theirs: Box::new(theirs.clone()) });
            }
        }
        let revision = base.unwrap_or(0) + 1;
        let data_key = keys::plan_data(&plan.id, revision, writer);
        let written = match self.write_version(plan, &data_key, now) {
            // Room may be held by plans deleted earlier: free it and try once more.
            Err(SaveError::QuotaExceeded) if self.purge_deleted_except(&plan.id) > 0 => self.write_version(plan, &data_key, now),
            other => other,
        };
        let written = written.inspect_err(|_| {
            // Parts stored ahead of this save that no version names.
            self.remove_unreferenced_parts(&plan.id);
        })?;
        let head = Head {
            plan_id: plan.id.clone(),
            name: plan.name.clone(),
            revision,
            data_key: data_key.clone(),
            saved_at: now,
            saved_by: writer.to_string(),
            counts: plan.counts(),
            deleted_at: None,
        };
        if let Err(e) = self.write_head(&head) {
            self.discard_version(&data_key, &written);
            return Err(store_error(e));
        }
        if let Some(old) = current {
            if old.data_key != data_key {
                let _ = self.store.remove(&old.data_key);
            }
        }
        // Parts only the old version named.
        self.remove_unreferenced_parts(&plan.id);
        Ok(head)
    }

    /// Marks a plan deleted; [`Self::undelete`] brings it back until it is purged.
    pub fn delete(&mut self, id: &PlanId, now: Timestamp) -> Result<Head, String> {
        let mut head = self.head_or_quarantine(id, now)?.ok_or("no such plan")?;
        head.deleted_at = Some(now);
        self.write_head(&head).map_err(unavailable)?;
        Ok(head)
    }

    pub fn undelete(&mut self, id: &PlanId, now: Timestamp) -> Result<Head, String> {
        let mut head = self.head_or_quarantine(id, now)?.ok_or("no such plan")?;
        head.deleted_at = None;
        self.write_head(&head).map_err(unavailable)?;
        Ok(head)
    }

    /// Removes a plan for good.
    pub fn purge(&mut self, id: &PlanId) {
        if let Ok(keys) = self.store.keys() {
            for key in keys {
                if keys::parse_plan_data(&key).is_some_and(|(p, _)| &p == id) || keys::parse_part(&key).as_ref() == Some(id) {
                    let _ = self.store.remove(&key);
                }
            }
        }
        let _ = self.store.remove(&keys::head(id));
    }

    /// Purges plans deleted before `cutoff`; returns how many.
    pub fn purge_deleted_before(&mut self, cutoff: Timestamp) -> usize {
        let old: Vec<PlanId> = self.all_heads().into_iter().filter(|h| h.deleted_at.is_some_and(|d| d < cutoff)).map(|h| h.plan_id).collect();
        old.iter().for_each(|id| self.purge(id));
        old.len()
    }

    fn purge_deleted_except(&mut self, keep: &PlanId) -> usize {
        let deleted: Vec<PlanId> = self.all_heads().into_iter().filter(|h| h.deleted_at.is_some() && &h.plan_id != keep).map(|h| h.plan_id).collect();
        deleted.iter().for_each(|id| self.purge(id));
        deleted.len()
    }

    fn all_heads(&self) -> Vec<Head> {
        let keys = self.store.keys().unwrap_or_default();
        keys.iter().filter(|k| keys::parse_head(k).is_some()).filter_map(|k| self.read_head_key(k).ok().flatten()).collect()
    }

    /// Moves unreadable text to a backup key; if there is no room for the copy, the
    /// text stays where it is.
    pub fn quarantine(&mut self, key: &str, raw: &str, now: Timestamp) -> Finding {
        match self.copy_to_backup(key, raw, now) {
            Some(backup) => {
                let _ = self.store.remove(key);
                Finding::Quarantined { original: key.to_string(), backup }
            }
            None => Finding::LeftInPlace { key: key.to_string() },
        }
    }

    fn copy_to_backup(&mut self, key: &str, raw: &str, now: Timestamp) -> Option<String> {
        let mut millis = now.millis();
        let mut backup = keys::backup(millis, key);
        while self.store.get(&backup).ok().flatten().is_some() {
            millis += 1;
            backup = keys::backup(millis, key);
        }
        self.store.set(&backup, raw).ok().map(|_| backup)
    }

    pub fn backups(&self) -> Vec<Backup> {
        let keys = self.store.keys().unwrap_or_default();
        let mut out: Vec<Backup> = keys
            .into_iter()
            .filter_map(|key| {
                let (millis, original) = keys::parse_backup(&key)?;
                let size = self.store.get(&key).ok().flatten().map_or(0, |v| v.encode_utf16().count());
                Some(Backup { made_at: Timestamp::from_millis(millis), original, size, key })
            })
            .collect();
        sorting::sort_by_key(&mut out, |b| std::cmp::Reverse(b.made_at));
        out
    }

    pub fn read_raw(&self, key: &str) -> Option<String> {
        self.store.get(key).ok().flatten()
    }

    pub fn remove_raw(&mut self, key: &str) {
        let _ = self.store.remove(key);
    }

    pub fn usage(&self) -> Usage {
        let keys = self.store.keys().unwrap_or_default();
        let mut usage = Usage::default();
        for key in keys.iter().filter(|k| k.starts_with(keys::PREFIX)) {
            let size = self.store.get(key).ok().flatten().map_or(0, |v| entry_size(key, &v));
            usage.total += size;
            if keys::parse_backup(key).is_some() {
                usage.backups += size;
            }
        }
        usage
    }
}
