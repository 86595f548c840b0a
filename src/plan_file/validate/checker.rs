//! The checks' primitives: reporting a problem the way the mode wants it, and
//! the small checks every collection uses (a reference, a range, a date order).

use super::Ids;
use crate::domain::*;
use crate::plan_file::decode::{Mode, Origins};
use crate::plan_file::problems::{Entity, Location, Problem, ProblemKind, Severity};
use imbl::Vector;
use std::collections::HashSet;

pub(super) fn range_kind(got: f64, min: f64, max: f64) -> ProblemKind {
    ProblemKind::OutOfRange { got: number_text(got), min: number_text(min), max: number_text(max) }
}

fn number_text(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

/// Where the checks' problems go, and how they are told: errors in strict
/// mode, warnings saying what was repaired in repair mode.
pub(super) struct Checker {
    pub(super) mode: Mode,
    pub(super) problems: Vec<Problem>,
}

impl Checker {
    pub(super) fn report(&mut self, path: String, kind: ProblemKind, subject: Option<&str>) {
        let severity = match self.mode {
            Mode::Strict => Severity::Error,
            Mode::Repair => Severity::Warning,
        };
        self.problems.push(Problem { severity, location: Location::Path(path), subject: None, kind }.with_subject(subject.map(str::to_string)));
    }

    pub(super) fn warn(&mut self, path: String, kind: ProblemKind, subject: Option<&str>) {
        self.problems.push(Problem::warning(Location::Path(path), kind).with_subject(subject.map(str::to_string)));
    }

    pub(super) fn reference(&mut self, set: &Ids, id: &str, entity: Entity, path: impl FnOnce() -> String, subject: Option<&str>, optional: bool) -> bool {
        if set.contains(id) {
            return true;
        }
        let path = path();
        self.report(path.clone(), ProblemKind::Dangling { entity, id: id.to_string() }, subject);
        if self.mode == Mode::Repair {
            let kind = if optional { ProblemKind::ReferenceDropped { entity, id: id.to_string() } } else { ProblemKind::RecordDropped };
            self.warn(path, kind, subject);
        }
        false
    }

    pub(super) fn optional_ref<I: AsRef<str>>(&mut self, r: &mut Option<I>, set: &Ids, entity: Entity, path: impl FnOnce() -> String, subject: Option<&str>) {
        if let Some(id) = r.as_ref() {
            if !self.reference(set, id.as_ref(), entity, path, subject, true) && self.mode == Mode::Repair {
                *r = None;
            }
        }
    }

    /// The record's own rules (`domain::Rules`): each refusal reported at its
    /// field, and in repair mode the record's repair.
    pub(super) fn rules<T: Rules>(&mut self, x: &mut T, path: &dyn std::fmt::Display, subject: Option<&str>) {
        let refusals = x.refusals();
        if refusals.is_empty() {
            return;
        }
        for r in refusals {
            let field = r.field().map(|f| format!("{path}.{f}")).unwrap_or_else(|| path.to_string());
            self.report(field, ProblemKind::Refused(r), subject);
        }
        if self.mode == Mode::Repair {
            x.repair();
        }
    }

    pub(super) fn non_empty(&mut self, text: &str, path: impl FnOnce() -> String, subject: Option<&str>) {
        if text.trim().is_empty() {
            self.report(path(), ProblemKind::EmptyText, subject);
        }
    }

    pub(super) fn clamp(&mut self, v: &mut f64, min: f64, max: f64, path: impl FnOnce() -> String, subject: Option<&str>) {
        if !(min..=max).contains(v) {
            self.report(path(), range_kind(*v, min, max), subject);
            *v = v.clamp(min, max);
        }
    }

    pub(super) fn goals(&mut self, base: &str, goals: &mut Vector<Goal>, origins: &Origins, key: &str) {
        let mut seen = HashSet::new();
        let mut kept = Vector::new();
        for (i, g) in goals.iter().enumerate() {
            let path = if key.is_empty() { format!("{base}[{i}]") } else { origins.path(key, i) };
            if !seen.insert(g.id.to_string()) {
                self.report(format!("{path}.id"), ProblemKind::DuplicateId(g.id.to_string()), Some(&g.name));
                if self.mode == Mode::Repair {
                    continue;
                }
            }
            let mut g = g.clone();
            let name = g.name.clone();
            self.rules(&mut g, &path, Some(&name));
            kept.push_back(g);
        }
        *goals = kept;
    }
}
