//! Merging two versions of one record field by field: which fields differ, and
//! for each, whose version is newer (by the fields' [`Revision`]s), or that both
//! people changed it and the user decides.

use crate::domain::{changed_fields, field_value, set_field, FieldRevisions, Revision, Timestamp};
use serde_json::Value;
use std::collections::HashSet;

/// Whose version of a field the merge takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Mine,
    Theirs,
}

/// Why a field is the user's to decide.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ask {
    /// Both changed it since they last shared it (or neither side says when).
    BothChanged,
    /// Neither side has field revisions (edited before they were kept, or
    /// imported) and the current plan's record is the newer.
    MineNewer,
}

/// One field that differs between the two versions of a record.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldDiff {
    /// The field's path (`name`, `overview.industry`).
    pub path: String,
    pub mine: Option<Value>,
    pub theirs: Option<Value>,
    pub mine_revision: Option<Revision>,
    pub theirs_revision: Option<Revision>,
    /// The newer side, when it is known; else why the user decides.
    pub decided: Result<Side, Ask>,
}

/// The fields that differ between two versions of a record (as JSON), each
/// with whose version is newer. `updated` are the records' own times of last
/// change, which decide for fields neither side has a revision of.
///
/// `kept` are the ids of records only the current plan has, which the merge
/// keeps: a field where the file only lacks references to them (its side of
/// deleting them: a campaign's targets without the deleted account) keeps
/// ours, references and all.
pub fn diff_record(
    mine: &Value,
    theirs: &Value,
    revisions: (Option<&FieldRevisions>, Option<&FieldRevisions>),
    updated: (Option<Timestamp>, Option<Timestamp>),
    kept: &HashSet<String>,
) -> Vec<FieldDiff> {
    changed_fields(mine, theirs)
        .into_iter()
        .map(|path| {
            let mine_revision = revisions.0.and_then(|r| r.get(&path)).cloned();
            let theirs_revision = revisions.1.and_then(|r| r.get(&path)).cloned();
            let (m, t) = (field_value(mine, &path), field_value(theirs, &path));
            let decided = if only_drops_refs(m, t, kept) { Ok(Side::Mine) } else { decide(mine_revision.as_ref(), theirs_revision.as_ref(), updated) };
            FieldDiff { mine: m.cloned(), theirs: t.cloned(), path, mine_revision, theirs_revision, decided }
        })
        .collect()
}

/// True when `theirs` is `mine` without some references to `kept` records: a
/// list with them left out, or nothing where ours names one.
fn only_drops_refs(mine: Option<&Value>, theirs: Option<&Value>, kept: &HashSet<String>) -> bool {
    let is_kept = |v: &Value| v.as_str().is_some_and(|s| kept.contains(s));
    match (mine, theirs) {
        (Some(m @ Value::String(_)), None | Some(Value::Null)) => is_kept(m),
        (Some(Value::Array(m)), t) => {
            let t: &[Value] = match t {
                Some(Value::Array(t)) => t,
                None | Some(Value::Null) => &[],
                _ => return false,
            };
            let remaining: Vec<&Value> = m.iter().filter(|v| !is_kept(v)).collect();
            remaining.len() < m.len() && remaining.len() == t.len() && remaining.iter().zip(t).all(|(a, b)| *a == b)
        }
        _ => false,
    }
}

/// Whose version of a field that differs is newer. A side that never changed
/// the field by hand is behind the side that did; a revision made on top of
/// the other's is newer. Without revisions, the record's own times decide
/// (the newer record, as merging did before fields had revisions).
pub fn decide(mine: Option<&Revision>, theirs: Option<&Revision>, updated: (Option<Timestamp>, Option<Timestamp>)) -> Result<Side, Ask> {
    match (mine, theirs) {
        (None, None) => match updated {
            (Some(a), Some(b)) if b > a => Ok(Side::Theirs),
            (Some(a), Some(b)) if a > b => Err(Ask::MineNewer),
            (Some(_), None) => Err(Ask::MineNewer),
            _ => Err(Ask::BothChanged),
        },
        (None, Some(_)) => Ok(Side::Theirs),
        (Some(_), None) => Ok(Side::Mine),
        (Some(m), Some(t)) if t.includes(m) && !m.includes(t) => Ok(Side::Theirs),
        (Some(m), Some(t)) if m.includes(t) && !t.includes(m) => Ok(Side::Mine),
        _ => Err(Ask::BothChanged),
    }
}

/// The revision a field has after the merge took `taken`: that side's own
/// when it was the newer. Where the user chose, one on top of both, so that
/// merging the result with either copy again asks nothing: still the chosen
/// change (its time and author: the value is theirs, not the merger's), unless
/// the other side's was made on top of it (the user kept an older value over
/// a newer one): then a new change made `now` by `by`.
pub fn merged_revision(diff: &FieldDiff, taken: Side, now: Timestamp, by: &str) -> Option<Revision> {
    let (chosen, other) = match taken {
        Side::Mine => (diff.mine_revision.as_ref(), diff.theirs_revision.as_ref()),
        Side::Theirs => (diff.theirs_revision.as_ref(), diff.mine_revision.as_ref()),
    };
    match (diff.decided, chosen) {
        (Ok(newer), _) if newer == taken => chosen.cloned(),
        (_, Some(c)) if !other.is_some_and(|o| o.includes(c)) => Some(Revision::on_top_of(c.at, &c.by, [c].into_iter().chain(other))),
        _ => Some(Revision::on_top_of(now, by, chosen.into_iter().chain(other))),
    }
}

/// The record (as JSON) with each differing field from the side `take` says.
pub fn merged_value(mine: &Value, diffs: &[FieldDiff], take: impl Fn(&FieldDiff) -> Side) -> Value {
    let mut out = mine.clone();
    for d in diffs {
        if take(d) == Side::Theirs {
            set_field(&mut out, &d.path, d.theirs.clone());
        }
    }
    out
}

/// Where the two copies hold the same value under different revisions (both
/// made the same change, or one took the other's): the revision to keep, the
/// same whichever copy is merged into which.
pub fn same_value_revision(mine: &Revision, theirs: &Revision) -> Revision {
    if mine.includes(theirs) {
        mine.clone()
    } else if theirs.includes(mine) {
        theirs.clone()
    } else {
        let latest = if (&theirs.at, &theirs.by) > (&mine.at, &mine.by) { theirs } else { mine };
        Revision::on_top_of(latest.at, &latest.by, [mine, theirs])
    }
}

/// A field's value as a line of text for the merge preview: text as it is,
/// lists joined, records by their name, long values cut.
pub fn short_text(value: Option<&Value>) -> String {
    const MAX: usize = 120;
    let text = match value {
        None | Some(Value::Null) => String::new(),
        Some(v) => flat(v),
    };
    if text.chars().count() > MAX {
        text.chars().take(MAX - 1).chain(std::iter::once('…')).collect()
    } else {
        text
    }
}

fn flat(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Bool(b) => b.to_string(),
        // 40.0 reads as 40.
        Value::Number(n) => match n.as_f64() {
            Some(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", f as i64),
            _ => n.to_string(),
        },
        Value::Array(items) => items.iter().map(flat).filter(|s| !s.is_empty()).collect::<Vec<_>>().join(" · "),
        Value::Object(m) => {
            // A record inside a field (a factor, a criterion, a KPI): its name,
            // with its weight or target where it has one.
            let name = ["name", "title", "label", "text", "suggest"].iter().find_map(|k| m.get(*k)).map(flat);
            let amount = ["weight", "target", "value"].iter().find_map(|k| m.get(*k).filter(|v| v.is_number())).map(flat);
            match (name, amount) {
                (Some(n), Some(a)) => format!("{n} {a}"),
                (Some(n), None) => n,
                _ => m.iter().map(|(k, v)| format!("{k}: {}", flat(v))).collect::<Vec<_>>().join(", "),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn at(s: i64) -> Timestamp {
        Timestamp::from_millis(1_790_000_000_000 + s * 1000).unwrap()
    }

    fn rev(s: i64, after: &[i64]) -> Revision {
        Revision { at: at(s), by: String::new(), after: after.iter().map(|x| at(*x)).collect() }
    }

    #[test]
    fn the_revision_made_on_top_of_the_other_is_newer() {
        let none = (None, None);
        assert_eq!(decide(None, Some(&rev(1, &[])), none), Ok(Side::Theirs));
        assert_eq!(decide(Some(&rev(1, &[])), None, none), Ok(Side::Mine));
        assert_eq!(decide(Some(&rev(1, &[])), Some(&rev(2, &[1])), none), Ok(Side::Theirs));
        assert_eq!(decide(Some(&rev(3, &[2, 1])), Some(&rev(1, &[])), none), Ok(Side::Mine));
        assert_eq!(decide(Some(&rev(2, &[1])), Some(&rev(3, &[1])), none), Err(Ask::BothChanged), "both changed it after 1");
        // Without revisions the records' times decide, as before.
        assert_eq!(decide(None, None, (Some(at(1)), Some(at(2)))), Ok(Side::Theirs));
        assert_eq!(decide(None, None, (Some(at(2)), Some(at(1)))), Err(Ask::MineNewer));
        assert_eq!(decide(None, None, (None, None)), Err(Ask::BothChanged));
    }

    #[test]
    fn fields_merge_one_by_one() {
        let mine = json!({"id": "a1", "name": "Nordlicht GmbH", "industry": "Logistics", "factors": {"opp": 5.0}});
        let theirs = json!({"id": "a1", "name": "Nordlicht AG", "industry": "Manufacturing", "factors": {"opp": 5.0, "rel": 7.0}});
        let mine_revs = FieldRevisions::from([("industry".to_string(), rev(2, &[]))]);
        let theirs_revs = FieldRevisions::from([("name".to_string(), rev(3, &[])), ("factors.rel".to_string(), rev(3, &[]))]);
        let diffs = diff_record(&mine, &theirs, (Some(&mine_revs), Some(&theirs_revs)), (Some(at(2)), Some(at(3))), &HashSet::new());
        let decided: Vec<_> = diffs.iter().map(|d| (d.path.as_str(), d.decided)).collect();
        assert_eq!(decided, vec![("factors.rel", Ok(Side::Theirs)), ("industry", Ok(Side::Mine)), ("name", Ok(Side::Theirs))]);
        let merged = merged_value(&mine, &diffs, |d| d.decided.unwrap_or(Side::Mine));
        assert_eq!(merged, json!({"id": "a1", "name": "Nordlicht AG", "industry": "Logistics", "factors": {"opp": 5.0, "rel": 7.0}}));
    }

    #[test]
    fn a_choice_makes_a_revision_on_top_of_both() {
        let d = FieldDiff {
            path: "name".into(),
            mine: Some(json!("A")),
            theirs: Some(json!("B")),
            mine_revision: Some(rev(2, &[1])),
            theirs_revision: Some(rev(3, &[1])),
            decided: Err(Ask::BothChanged),
        };
        // The chosen change keeps its time and author, now on top of the other.
        let r = merged_revision(&d, Side::Theirs, at(9), "Aiko").unwrap();
        assert_eq!((r.at, r.by.as_str(), r.after.clone()), (at(3), "", vec![at(2), at(1)]));
        assert_eq!(decide(d.mine_revision.as_ref(), Some(&r), (None, None)), Ok(Side::Theirs), "our copy is now behind");
        // Keeping an older value over a newer one is a new change, the merger's.
        let newer = FieldDiff { mine_revision: Some(rev(1, &[])), theirs_revision: Some(rev(3, &[1])), decided: Ok(Side::Theirs), ..d.clone() };
        let r = merged_revision(&newer, Side::Mine, at(9), "Aiko").unwrap();
        assert_eq!((r.at, r.by.as_str(), r.after.clone()), (at(9), "Aiko", vec![at(3), at(1)]));
        assert_eq!(decide(Some(&r), newer.theirs_revision.as_ref(), (None, None)), Ok(Side::Mine), "their copy is now behind");
    }

    #[test]
    fn values_read_as_a_line() {
        assert_eq!(short_text(Some(&json!([{"name": "ICP fit", "weight": 40}, {"name": "Opportunity", "weight": 30}]))), "ICP fit 40 · Opportunity 30");
        assert_eq!(short_text(Some(&json!({"industry": "製造", "size": 3}))), "industry: 製造, size: 3");
        assert_eq!(short_text(None), "");
        assert_eq!(short_text(Some(&json!(40.0))), "40");
        assert_eq!(short_text(Some(&json!(12.5))), "12.5");
        assert_eq!(short_text(Some(&json!("x".repeat(200)))).chars().count(), 120);
    }
}
