//! What makes a record valid on its own: the one home of each record's rules.
//! Every entry point uses it: an edit (`editing::apply` refuses with the first
//! [`Refusal`]), a confirmed CSV import (the row is listed with its line), a plan
//! file (a problem at the field's path; in repair mode the record's [`Rules::repair`])
//! and the editors, which word the refusal `apply` returns.
//!
//! Rules that need the rest of the plan (a deal's account must exist) are the
//! entry points' own, but they refuse with the same values ([`Refusal::Missing`]).

use super::*;

/// Why a record or an edit is refused. Fields are named as in the plan file
/// (`closed`, `annualRevenue`), so a file problem's path and the UI's field
/// label come from the same name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Refusal {
    /// A required text is empty.
    Empty(&'static str),
    /// An amount or a number below zero.
    Negative(&'static str),
    /// A number above its top.
    TooLarge(&'static str, u32),
    /// A count of times of 0 (once is written as no count).
    Zero(&'static str),
    /// A date before the one it follows: (the later field, the earlier field).
    BeforeStart(&'static str, &'static str),
    /// A won or lost deal without its close date: the sales cycle and the
    /// period's revenue are measured to it.
    NoCloseDate,
    /// A required link to a record that does not exist: (field, its collection).
    Missing(&'static str, Collection),
    /// A name another record of the list already has.
    NameTaken,
    /// A team member the notes or the hand-off history names: history is not rewritten.
    InHistory,
    /// A setting outside what it can be (a month, the journey rules).
    OutOfRange(&'static str),
    /// What the change names is not there, or the change alters nothing.
    NothingToChange,
}

impl Refusal {
    /// The field it is about, by its name in the plan file.
    pub fn field(self) -> Option<&'static str> {
        match self {
            Refusal::Empty(f)
            | Refusal::Negative(f)
            | Refusal::TooLarge(f, _)
            | Refusal::Zero(f)
            | Refusal::BeforeStart(f, _)
            | Refusal::Missing(f, _)
            | Refusal::OutOfRange(f) => Some(f),
            Refusal::NoCloseDate => Some("closed"),
            Refusal::NameTaken => Some("name"),
            Refusal::InHistory | Refusal::NothingToChange => None,
        }
    }
}

/// In English, for native messages and logs; the UI words it in the user's
/// language (`ui::problems::refusal_text`).
impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Refusal::Empty(_) => f.write_str("must not be empty"),
            Refusal::Negative(_) => f.write_str("must not be negative"),
            Refusal::TooLarge(_, max) => write!(f, "must be at most {max}"),
            Refusal::Zero(_) => f.write_str("must be at least 1"),
            Refusal::BeforeStart(_, start) => write!(f, "must not be before {start}"),
            Refusal::NoCloseDate => f.write_str("a won or lost deal needs a close date"),
            Refusal::Missing(_, c) => write!(f, "names a record of {} that does not exist", c.key()),
            Refusal::NameTaken => f.write_str("the name is already taken"),
            Refusal::InHistory => f.write_str("the notes or the hand-off history name this person"),
            Refusal::OutOfRange(field) => write!(f, "{field} is out of range"),
            Refusal::NothingToChange => f.write_str("nothing to change"),
        }
    }
}

/// A record's own rules.
pub trait Rules: Sized {
    /// Settles what the record implies without changing what it says: trimmed
    /// texts, a decided deal at the closed stage, a count of once as none.
    fn tidy(&mut self) {}

    /// Everything wrong with the record on its own, in field order.
    fn refusals(&self) -> Vec<Refusal>;

    /// The fix a plan file read in repair mode applies, where one exists
    /// without guessing much: negatives to zero, numbers to their top, a date
    /// before its start to the start. An empty name has none and is only told.
    fn repair(&mut self) {}

    /// The record tidied, or the first thing wrong with it.
    fn checked(mut self) -> Result<Self, Refusal> {
        self.tidy();
        match self.refusals().first() {
            Some(r) => Err(*r),
            None => Ok(self),
        }
    }
}

fn trim(s: &mut String) {
    let t = s.trim();
    if t.len() != s.len() {
        *s = t.to_string();
    }
}

fn empty(text: &str, field: &'static str, out: &mut Vec<Refusal>) {
    if text.trim().is_empty() {
        out.push(Refusal::Empty(field));
    }
}

fn negative(m: Option<Money>, field: &'static str, out: &mut Vec<Refusal>) {
    if m.is_some_and(|m| m.minor() < 0) {
        out.push(Refusal::Negative(field));
    }
}

fn in_order(start: Option<Date>, end: Option<Date>, fields: (&'static str, &'static str), out: &mut Vec<Refusal>) {
    if let (Some(s), Some(e)) = (start, end) {
        if e < s {
            out.push(Refusal::BeforeStart(fields.0, fields.1));
        }
    }
}

fn not_negative(m: &mut Money) {
    if m.minor() < 0 {
        *m = Money::ZERO;
    }
}

fn not_before(start: Option<Date>, end: &mut Option<Date>) {
    if let (Some(s), Some(e)) = (start, end.as_mut()) {
        if *e < s {
            *e = s;
        }
    }
}

impl Rules for Account {
    fn tidy(&mut self) {
        trim(&mut self.name);
    }

    fn refusals(&self) -> Vec<Refusal> {
        let mut out = Vec::new();
        empty(&self.name, "name", &mut out);
        negative(self.annual_revenue, "annualRevenue", &mut out);
        negative(self.expected_deal_size, "expectedDealSize", &mut out);
        out
    }

    fn repair(&mut self) {
        self.annual_revenue.iter_mut().for_each(not_negative);
        self.expected_deal_size.iter_mut().for_each(not_negative);
    }
}

impl Rules for Contact {
    fn tidy(&mut self) {
        trim(&mut self.name);
        if self.reports_to.as_ref() == Some(&self.id) {
            self.reports_to = None;
        }
    }

    fn refusals(&self) -> Vec<Refusal> {
        let mut out = Vec::new();
        empty(&self.name, "name", &mut out);
        // The relationship is one of prioritisation's 0–10 scores.
        if self.relationship.is_some_and(|r| r > 10) {
            out.push(Refusal::TooLarge("relationship", 10));
        }
        out
    }

    fn repair(&mut self) {
        self.relationship = self.relationship.map(|r| r.min(10));
    }
}

impl Rules for Deal {
    fn tidy(&mut self) {
        trim(&mut self.name);
        trim(&mut self.product);
        // A decided deal is at the closed stage; an open one is not.
        if self.outcome != Outcome::Open {
            self.stage = DealStage::Closed;
        } else if self.stage == DealStage::Closed {
            self.stage = DealStage::Negotiation;
        }
    }

    fn refusals(&self) -> Vec<Refusal> {
        let mut out = Vec::new();
        empty(&self.name, "name", &mut out);
        negative(Some(self.amount), "amount", &mut out);
        if self.outcome != Outcome::Open && self.closed.is_none() {
            out.push(Refusal::NoCloseDate);
        }
        in_order(Some(self.created), self.closed, ("closed", "created"), &mut out);
        out
    }

    /// A decided deal without a close date is taken as closed the day it was
    /// created: its revenue then counts, in the period it was created in.
    fn repair(&mut self) {
        not_negative(&mut self.amount);
        if self.outcome != Outcome::Open && self.closed.is_none() {
            self.closed = Some(self.created);
        }
        not_before(Some(self.created), &mut self.closed);
    }
}

impl Rules for Campaign {
    fn tidy(&mut self) {
        trim(&mut self.name);
    }

    fn refusals(&self) -> Vec<Refusal> {
        let mut out = Vec::new();
        empty(&self.name, "name", &mut out);
        negative(Some(self.cost), "cost", &mut out);
        in_order(Some(self.start), self.end, ("end", "start"), &mut out);
        out
    }

    fn repair(&mut self) {
        not_negative(&mut self.cost);
        not_before(Some(self.start), &mut self.end);
    }
}

impl Rules for Activity {
    fn tidy(&mut self) {
        trim(&mut self.note);
        if self.count == Some(1) {
            self.count = None;
        }
    }

    fn refusals(&self) -> Vec<Refusal> {
        let mut out = Vec::new();
        if self.count == Some(0) {
            out.push(Refusal::Zero("count"));
        }
        if self.progress.is_some_and(|p| p > 100) {
            out.push(Refusal::TooLarge("progress", 100));
        }
        out
    }

    fn repair(&mut self) {
        if self.count == Some(0) {
            self.count = None;
        }
        self.progress = self.progress.map(|p| p.min(100));
    }
}

impl Rules for NpsResponse {
    fn tidy(&mut self) {
        trim(&mut self.comment);
    }

    fn refusals(&self) -> Vec<Refusal> {
        if self.score > 10 {
            vec![Refusal::TooLarge("score", 10)]
        } else {
            Vec::new()
        }
    }

    fn repair(&mut self) {
        self.score = self.score.min(10);
    }
}

impl Rules for Action {
    fn tidy(&mut self) {
        trim(&mut self.title);
    }

    fn refusals(&self) -> Vec<Refusal> {
        let mut out = Vec::new();
        empty(&self.title, "title", &mut out);
        in_order(self.start, self.due, ("due", "start"), &mut out);
        out
    }

    fn repair(&mut self) {
        not_before(self.start, &mut self.due);
    }
}

impl Rules for Persona {
    fn tidy(&mut self) {
        trim(&mut self.name);
        for text in [&mut self.role, &mut self.department, &mut self.seniority] {
            trim(text);
        }
        self.pains.retain(|p| !p.trim().is_empty());
        self.pains.iter_mut().for_each(trim);
    }

    fn refusals(&self) -> Vec<Refusal> {
        let mut out = Vec::new();
        empty(&self.name, "name", &mut out);
        out
    }
}

impl Rules for Goal {
    fn tidy(&mut self) {
        trim(&mut self.name);
    }

    fn refusals(&self) -> Vec<Refusal> {
        let mut out = Vec::new();
        empty(&self.name, "name", &mut out);
        if self.target < 0.0 || !self.target.is_finite() {
            out.push(Refusal::Negative("target"));
        }
        in_order(self.start, self.due, ("due", "start"), &mut out);
        out
    }

    fn repair(&mut self) {
        if self.target < 0.0 || !self.target.is_finite() {
            self.target = 0.0;
        }
        not_before(self.start, &mut self.due);
    }
}

impl Rules for ContentAsset {
    fn tidy(&mut self) {
        trim(&mut self.title);
    }

    fn refusals(&self) -> Vec<Refusal> {
        let mut out = Vec::new();
        empty(&self.title, "title", &mut out);
        out
    }
}

impl Rules for TeamMember {
    fn tidy(&mut self) {
        trim(&mut self.name);
    }

    fn refusals(&self) -> Vec<Refusal> {
        let mut out = Vec::new();
        empty(&self.name, "name", &mut out);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    fn deal() -> Deal {
        Deal::new(DealId("d1".into()), AccountId("a1".into()), " Renewal ", Money::from_major(1_000), day("2026-03-01"))
    }

    #[test]
    fn a_deal_is_tidied_and_checked_field_by_field() {
        let d = deal().checked().unwrap();
        assert_eq!(d.name, "Renewal");
        let won = Deal { outcome: Outcome::Won, ..deal() };
        assert_eq!(won.clone().checked(), Err(Refusal::NoCloseDate));
        let mut repaired = won.clone();
        repaired.repair();
        assert_eq!(repaired.closed, Some(day("2026-03-01")), "a decided deal is taken as closed the day it was created");
        assert_eq!(repaired.checked().map(|d| d.stage), Ok(DealStage::Closed));
        let early = Deal { closed: Some(day("2026-02-01")), amount: Money::from_major(-1), name: " ".into(), ..won };
        assert_eq!(
            early.refusals(),
            vec![Refusal::Empty("name"), Refusal::Negative("amount"), Refusal::BeforeStart("closed", "created")],
            "every problem, in field order"
        );
    }

    #[test]
    fn refusals_name_the_field_as_the_file_does() {
        assert_eq!(Refusal::NoCloseDate.field(), Some("closed"));
        assert_eq!(Refusal::BeforeStart("end", "start").field(), Some("end"));
        assert_eq!(Refusal::NothingToChange.field(), None);
    }

    #[test]
    fn an_activity_counted_once_has_no_count_and_zero_times_is_refused() {
        let a = Activity {
            id: ActivityId("x".into()),
            account: AccountId("a".into()),
            contact: None,
            kind: ActivityKind::WebVisit,
            at: Timestamp::parse("2026-03-01T09:00:00Z").unwrap(),
            campaign: None,
            content: None,
            count: Some(1),
            progress: Some(120),
            note: String::new(),
        };
        assert_eq!(a.clone().checked(), Err(Refusal::TooLarge("progress", 100)));
        let mut fixed = Activity { count: Some(0), ..a };
        assert_eq!(fixed.refusals()[0], Refusal::Zero("count"));
        fixed.repair();
        assert!(fixed.refusals().is_empty());
    }
}
