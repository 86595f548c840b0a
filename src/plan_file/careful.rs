//! The careful read of a whole plan file as its JSON streams past. Each record
//! (an account, an activity...) becomes a JSON tree of its own, is read with every
//! problem recorded ([`decode_value`]) and is dropped before the next one. A tree
//! of the whole file is never built: for a 100 MB file it took about 4.5 times the
//! file's size, and the app's memory never shrinks.
//!
//! The same visitors read a [`Value`] (a file that needed a migration), so there
//! is one careful reader, whatever the source.

use super::decode::{decode_value, problem, subject_of, wrong_type, Decoded, Mode, Origins, COLLECTIONS};
use super::envelope::ENVELOPE_KEYS;
use super::migrate::{chain, RecordMigration};
use super::problems::{Expected, Location, Problem, ProblemKind};
use crate::domain::*;
use imbl::Vector;
use serde::de::value::{MapAccessDeserializer, SeqAccessDeserializer};
use serde::de::{DeserializeOwned, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use serde_json::{Map, Value};
use std::fmt;
use std::marker::PhantomData;

/// A file's top level as read: the envelope's small fields kept as JSON, the
/// names of unknown fields, and the plan read record by record.
pub struct Streamed {
    pub head: Map<String, Value>,
    pub unknown: Vec<String>,
    pub plan: Option<PlanParts>,
}

/// Reads a file's top level. `None` when it is not a JSON object; `Err` only
/// for broken JSON (what the deserializer itself refuses).
pub fn read_envelope<'de, D: Deserializer<'de>>(de: D, mode: Mode) -> Result<Option<Streamed>, D::Error> {
    Ok(match Shape(EnvelopeShape { mode }).deserialize(de)? {
        Shaped::Wanted(streamed) => Some(streamed),
        Shaped::Other(_) => None,
    })
}

/// A JSON value that had the shape a reader wanted (read as it went past), or
/// any other value, kept whole to say what it was.
pub enum Shaped<T> {
    Wanted(T),
    Other(Value),
}

/// What a reader does with the shape it wants (a list, or an object); other
/// shapes are kept as a [`Value`].
trait Want<'de>: Sized {
    type Out;
    fn seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Shaped<Self::Out>, A::Error> {
        Value::deserialize(SeqAccessDeserializer::new(seq)).map(Shaped::Other)
    }
    fn map<A: MapAccess<'de>>(self, map: A) -> Result<Shaped<Self::Out>, A::Error> {
        Value::deserialize(MapAccessDeserializer::new(map)).map(Shaped::Other)
    }
}

struct Shape<W>(W);

impl<'de, W: Want<'de>> DeserializeSeed<'de> for Shape<W> {
    type Value = Shaped<W::Out>;
    fn deserialize<D: Deserializer<'de>>(self, de: D) -> Result<Self::Value, D::Error> {
        de.deserialize_any(self)
    }
}

impl<'de, W: Want<'de>> Visitor<'de> for Shape<W> {
    type Value = Shaped<W::Out>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Self::Value, E> {
        Ok(Shaped::Other(Value::Bool(v)))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Self::Value, E> {
        Ok(Shaped::Other(Value::from(v)))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Self::Value, E> {
        Ok(Shaped::Other(Value::from(v)))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Self::Value, E> {
        Ok(Shaped::Other(Value::from(v)))
    }
    fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Shaped::Other(Value::String(v.to_owned())))
    }
    fn visit_string<E>(self, v: String) -> Result<Self::Value, E> {
        Ok(Shaped::Other(Value::String(v)))
    }
    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(Shaped::Other(Value::Null))
    }
    fn visit_none<E>(self) -> Result<Self::Value, E> {
        Ok(Shaped::Other(Value::Null))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        self.0.seq(seq)
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        self.0.map(map)
    }
}

/// The file's top-level object.
struct EnvelopeShape {
    mode: Mode,
}

impl<'de> Want<'de> for EnvelopeShape {
    type Out = Streamed;
    fn map<A: MapAccess<'de>>(self, mut map: A) -> Result<Shaped<Streamed>, A::Error> {
        let mut out = Streamed { head: Map::new(), unknown: Vec::new(), plan: None };
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "plan" => {
                    // Records are carried to the current version as they pass, when
                    // the version came first (as this app writes it); otherwise
                    // `migrated_from` tells the caller they were not.
                    let version = out.head.get("schemaVersion").and_then(Value::as_u64);
                    let migration = version.map(|v| chain().records(v)).unwrap_or_default();
                    let mut parts = PlanParts::from(map.next_value_seed(Shape(PlanShape { mode: self.mode, migration: &migration }))?);
                    parts.migrated_from = version;
                    out.plan = Some(parts);
                }
                k if ENVELOPE_KEYS.contains(&k) => {
                    out.head.insert(key, map.next_value()?);
                }
                _ => {
                    // Only its name is reported: the value is skipped, not kept.
                    map.next_value::<IgnoredAny>()?;
                    if !out.unknown.contains(&key) {
                        out.unknown.push(key);
                    }
                }
            }
        }
        Ok(Shaped::Wanted(out))
    }
}

/// The plan object: its lists are read record by record, the rest (its own
/// fields, a few small values) is kept to be read as a whole at the end.
struct PlanShape<'a> {
    mode: Mode,
    migration: &'a RecordMigration,
}

/// A plan's lists as they were read, and what is left to read.
pub struct PlanParts {
    /// The plan was not an object: what it was.
    pub(super) not_an_object: Option<Value>,
    /// The plan's own fields (id, name, ICP...), read once every key was seen.
    pub(super) rest: Map<String, Value>,
    pub(super) lists: Lists,
    /// For each of [`COLLECTIONS`]: what reading it found.
    pub(super) read: [ListRead; COLLECTIONS.len()],
    /// The file's version as known when the plan began: its records were
    /// carried from it to the current version (`None`: not known then, so
    /// records that needed a migration step did not get it).
    pub(super) migrated_from: Option<u64>,
}

/// What reading one list found.
#[derive(Default)]
pub(super) struct ListRead {
    /// For each record kept, its index in the file.
    positions: Vec<usize>,
    problems: Vec<Problem>,
    /// The list was not a list: what it was.
    not_a_list: Option<Value>,
}

impl ListRead {
    /// A list that was not a list, but `value`.
    pub(super) fn not_a_list(value: Value) -> ListRead {
        ListRead { not_a_list: Some(value), ..ListRead::default() }
    }

    /// Reads record `i` of the list `key` from its JSON tree, carried to the
    /// current version first, with every problem recorded; `None` when it
    /// cannot be kept.
    fn record<T: DeserializeOwned>(&mut self, mut item: Value, key: &str, i: usize, mode: Mode, migration: &RecordMigration) -> Option<T> {
        let path = format!("plan.{key}[{i}]");
        let subject = subject_of(&item);
        let kept = match migration.apply(key, &mut item) {
            Ok(()) => decode_value::<T>(item, &path, subject.clone(), mode, &mut self.problems),
            Err(e) => {
                self.problems.push(problem(mode, Location::Path(path.clone()), ProblemKind::Invalid(e)));
                None
            }
        };
        match kept {
            Some(_) => self.positions.push(i),
            None if mode == Mode::Repair => {
                self.problems.push(Problem::warning(Location::Path(path), ProblemKind::RecordDropped).with_subject(subject));
            }
            None => {}
        }
        kept
    }
}

/// One of the plan's lists, whatever its record type: what the reader of a
/// file in pieces ([`super::pieces`]) needs of it.
pub(super) trait RecordList {
    fn clear(&mut self);
    /// Reads record `i` of the list `key` from its JSON text: typed at once
    /// when it is right, else from its tree with every problem recorded.
    /// `Err` when the text is not JSON.
    fn push_json(&mut self, json: &[u8], key: &str, i: usize, mode: Mode, read: &mut ListRead, migration: &RecordMigration) -> serde_json::Result<()>;
}

impl<T: DeserializeOwned + Clone> RecordList for Vector<T> {
    fn clear(&mut self) {
        *self = Vector::new();
    }

    fn push_json(&mut self, json: &[u8], key: &str, i: usize, mode: Mode, read: &mut ListRead, migration: &RecordMigration) -> serde_json::Result<()> {
        // A record of an older version is read from its tree once carried over.
        if migration.is_empty() {
            if let Ok(record) = serde_json::from_slice::<T>(json) {
                self.push_back(record);
                read.positions.push(i);
                return Ok(());
            }
        }
        // Broken JSON is told as reading the whole file tells it: as a tree.
        if let Some(record) = read.record(serde_json::from_slice(json)?, key, i, mode, migration) {
            self.push_back(record);
        }
        Ok(())
    }
}

#[derive(Default)]
pub(super) struct Lists {
    team: Vector<TeamMember>,
    goals: Vector<Goal>,
    custom_fields: Vector<CustomFieldDef>,
    custom_channels: Vector<CustomChannel>,
    accounts: Vector<Account>,
    contacts: Vector<Contact>,
    deals: Vector<Deal>,
    campaigns: Vector<Campaign>,
    content: Vector<ContentAsset>,
    activities: Vector<Activity>,
    account_plans: Vector<AccountPlan>,
    nps_responses: Vector<NpsResponse>,
    notes: Vector<AccountNote>,
    handoffs: Vector<HandoffEvent>,
}

impl<'de> Want<'de> for PlanShape<'_> {
    type Out = PlanParts;
    fn map<A: MapAccess<'de>>(self, mut map: A) -> Result<Shaped<PlanParts>, A::Error> {
        let mut parts = PlanParts::empty();
        let l = &mut parts.lists;
        while let Some(key) = map.next_key::<String>()? {
            let Some(i) = COLLECTIONS.iter().position(|c| *c == key) else {
                parts.rest.insert(key, map.next_value()?);
                continue;
            };
            // A list given twice: the last one counts, as in a JSON tree.
            let read = &mut parts.read[i];
            *read = ListRead::default();
            let (key, mode, migration) = (COLLECTIONS[i], self.mode, self.migration);
            // Reads the list into its field of `Lists` (each has its own record type).
            macro_rules! read_into {
                ($field:ident) => {
                    l.$field = take_list(map.next_value_seed(list_seed(key, mode, read, migration))?, read)
                };
            }
            match i {
                0 => read_into!(team),
                1 => read_into!(goals),
                2 => read_into!(custom_fields),
                3 => read_into!(custom_channels),
                4 => read_into!(accounts),
                5 => read_into!(contacts),
                6 => read_into!(deals),
                7 => read_into!(campaigns),
                8 => read_into!(content),
                9 => read_into!(activities),
                10 => read_into!(account_plans),
                11 => read_into!(nps_responses),
                12 => read_into!(notes),
                _ => read_into!(handoffs),
            }
        }
        Ok(Shaped::Wanted(parts))
    }
}

fn list_seed<'a, T>(key: &'static str, mode: Mode, read: &'a mut ListRead, migration: &'a RecordMigration) -> Shape<ListShape<'a, T>> {
    Shape(ListShape { key, mode, read, migration, record: PhantomData })
}

fn take_list<T>(shaped: Shaped<Vector<T>>, read: &mut ListRead) -> Vector<T> {
    match shaped {
        Shaped::Wanted(records) => records,
        Shaped::Other(value) => {
            read.not_a_list = Some(value);
            Vector::new()
        }
    }
}

/// One of the plan's lists, read a record at a time.
struct ListShape<'a, T> {
    key: &'static str,
    mode: Mode,
    read: &'a mut ListRead,
    migration: &'a RecordMigration,
    record: PhantomData<T>,
}

impl<'de, T: DeserializeOwned + Clone> Want<'de> for ListShape<'_, T> {
    type Out = Vector<T>;
    fn seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Shaped<Vector<T>>, A::Error> {
        let mut kept = Vector::new();
        let mut i = 0;
        while let Some(item) = seq.next_element::<Value>()? {
            if let Some(t) = self.read.record(item, self.key, i, self.mode, self.migration) {
                kept.push_back(t);
            }
            i += 1;
        }
        Ok(Shaped::Wanted(kept))
    }
}

impl From<Shaped<PlanParts>> for PlanParts {
    fn from(shaped: Shaped<PlanParts>) -> PlanParts {
        match shaped {
            Shaped::Wanted(parts) => parts,
            Shaped::Other(value) => PlanParts { not_an_object: Some(value), ..PlanParts::empty() },
        }
    }
}

impl Lists {
    /// The list of [`COLLECTIONS`]`[i]`.
    pub(super) fn list_mut(&mut self, i: usize) -> &mut dyn RecordList {
        match i {
            0 => &mut self.team,
            1 => &mut self.goals,
            2 => &mut self.custom_fields,
            3 => &mut self.custom_channels,
            4 => &mut self.accounts,
            5 => &mut self.contacts,
            6 => &mut self.deals,
            7 => &mut self.campaigns,
            8 => &mut self.content,
            9 => &mut self.activities,
            10 => &mut self.account_plans,
            11 => &mut self.nps_responses,
            12 => &mut self.notes,
            _ => &mut self.handoffs,
        }
    }
}

impl PlanParts {
    pub(super) fn empty() -> PlanParts {
        PlanParts { not_an_object: None, rest: Map::new(), lists: Lists::default(), read: Default::default(), migrated_from: None }
    }

    /// The plan, with every problem in `problems`: the lists that were not lists
    /// first, then the plan's own fields, then each list's records in order.
    /// `None` when the plan's own fields cannot be read.
    pub fn decode(self, mode: Mode, problems: &mut Vec<Problem>) -> Option<Decoded> {
        if let Some(value) = self.not_an_object {
            problems.push(problem(mode, Location::Path("plan".into()), wrong_type(Expected::Object, &value)));
            return None;
        }
        let mut origins = Origins::default();
        let mut records = Vec::new();
        for (key, read) in COLLECTIONS.iter().zip(self.read) {
            if let Some(value) = read.not_a_list {
                problems.push(problem(mode, Location::Path(format!("plan.{key}")), wrong_type(Expected::List, &value)));
            }
            records.extend(read.problems);
            origins.insert(key, read.positions);
        }
        let own: Option<Plan> = decode_value(Value::Object(self.rest), "plan", None, mode, problems);
        problems.extend(records);
        let l = self.lists;
        let plan = Plan {
            team: l.team,
            goals: l.goals,
            custom_fields: l.custom_fields,
            custom_channels: l.custom_channels,
            accounts: l.accounts,
            contacts: l.contacts,
            deals: l.deals,
            campaigns: l.campaigns,
            content: l.content,
            activities: l.activities,
            account_plans: l.account_plans,
            nps_responses: l.nps_responses,
            notes: l.notes,
            handoffs: l.handoffs,
            ..own?
        };
        Some(Decoded { plan, origins })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// Reads a plan from its JSON tree, collecting every problem.
    fn decode_plan(value: Value, mode: Mode, problems: &mut Vec<Problem>) -> Option<Decoded> {
        PlanParts::from(Shape(PlanShape { mode, migration: &RecordMigration::default() }).deserialize(value).unwrap()).decode(mode, problems)
    }

    #[test]
    fn whole_plan_collects_problems_across_collections() {
        let plan = json!({
            "id": "p", "name": "P", "createdAt": "2026-01-01T00:00:00Z", "updatedAt": "2026-01-01T00:00:00Z",
            "currency": "JPY", "fiscalYearStartMonth": 4,
            "accounts": [{"id": "a1", "name": "ok"}, {"id": "a2", "name": "bad", "employees": "many"}],
            "activities": "nope"
        });
        let mut problems = Vec::new();
        let decoded = decode_plan(plan, Mode::Strict, &mut problems).unwrap();
        let texts: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(texts, vec!["plan.activities: expected a list, got \"nope\"", "plan.accounts[1].employees (bad): expected a whole number, got \"many\"",]);
        assert_eq!(decoded.plan.accounts.len(), 2);
    }
}
