//! Deal and activity rows.

use super::builder::{minute, Builder};
use super::cells::{ok, Cells, RowCheck};
use super::ProblemKind;
use crate::csv_io::import::fields::Field;
use crate::csv_io::import::values;
use crate::data_quality::email_domain;
use crate::domain::*;
use crate::icp::normalise;

/// What a deal row says, read and checked.
pub(super) struct DealValues<'a> {
    pub name: &'a str,
    pub amount: Money,
    pub currency: Option<&'static str>,
    pub created: Date,
    pub closed: Option<Date>,
    pub stage: Option<(DealStage, Outcome)>,
    pub kind: Option<DealKind>,
    pub cells: &'a Cells<'a>,
}

impl<'p> Builder<'p> {
    pub(super) fn read_deal<'a>(&mut self, cells: &'a Cells<'a>, check: &mut RowCheck) -> Option<DealValues<'a>> {
        let name = check.required_text(cells, Field::Name);
        let amount = check.required(cells, Field::Amount, values::amount, ProblemKind::Amount);
        let created = check.required(cells, Field::Created, |t| ok(values::date(t)), |()| ProblemKind::NotADate);
        let closed = check.optional(cells, Field::Closed, |t| ok(values::date(t)), |()| ProblemKind::NotADate);
        let stage = check.optional(cells, Field::Stage, |t| ok(values::stage(t)), |()| ProblemKind::UnknownStage);
        let kind = check.optional(cells, Field::DealKind, |t| ok(values::deal_kind(t)), |()| ProblemKind::UnknownDealKind);
        let (closed_col, closed_text) = cells.get(Field::Closed);
        let (amount, currency) = amount?;
        // The deal's own rules (`Rules for Deal`), on what the row says: a
        // decided deal needs its close date, which is not before its creation.
        let probe = Deal {
            closed,
            outcome: stage.map_or(Outcome::Open, |(_, o)| o),
            ..Deal::new(DealId(String::new()), AccountId(String::new()), name.unwrap_or("?"), amount, created?)
        };
        for refusal in probe.refusals() {
            if refusal == Refusal::NoCloseDate && !closed_text.is_empty() {
                // The close date did not read, and a decided deal needs one:
                // the cell's problem skips the row.
                check.require_cell(closed_col);
            } else if refusal == Refusal::NoCloseDate {
                check.add(closed_col.or(cells.get(Field::Stage).0), cells.text(Field::Stage), ProblemKind::Refused(refusal));
            } else {
                check.add(closed_col, closed_text, ProblemKind::Refused(refusal));
            }
        }
        Some(DealValues { name: name?, amount, currency, created: created?, closed, stage, kind, cells })
    }

    pub(super) fn deal_row(&mut self, index: u32, cells: &Cells, check: &mut RowCheck, ids: &mut IdGenerator) {
        let values = self.read_deal(cells, check);
        let add = self.options.add_accounts.then_some(&mut *ids);
        let slot = self.linked_account(cells, check, None, add);
        let (Some(v), Some(slot)) = (values, slot) else { return };
        if check.skips_row() {
            return;
        }
        self.saw_currency(v.currency);
        let account = self.accounts[slot].id.clone();
        let key = (account.0.clone(), normalise(v.name));
        let apart = self.options.choices.apart.contains(&check.line);
        let i = match self.deal_by_name.get(&key).copied() {
            Some(i) if !(apart && self.touched_deals.contains(i)) => i,
            _ => {
                self.deals.push(Deal::new(DealId::generate(ids), account.clone(), v.name, v.amount, v.created));
                self.deals.len() - 1
            }
        };
        self.deal_by_name.insert(key, i);
        if self.touched_deals.add(i, index) {
            self.merged_rows += 1;
        }
        self.write_deal(i, &v, None, ids);
    }

    /// Writes a deal row's values into deal `i` (every field, or one).
    pub(super) fn write_deal(&mut self, i: usize, v: &DealValues, only: Option<Field>, ids: &mut IdGenerator) {
        let wants = |f: Field| only.is_none_or(|o| o == f);
        let owner_text = v.cells.text(Field::Owner);
        let owner = (wants(Field::Owner) && !owner_text.is_empty()).then(|| self.members.find_or_add(owner_text, Team::Sales, ids));
        let d = &mut self.deals[i];
        if wants(Field::Name) {
            d.name = v.name.to_string();
        }
        if wants(Field::Amount) {
            d.amount = v.amount;
        }
        if wants(Field::Created) {
            d.created = v.created;
        }
        if wants(Field::Closed) {
            d.closed = v.closed.or(d.closed);
        }
        if let Some((stage, outcome)) = v.stage.filter(|_| wants(Field::Stage)) {
            d.stage = stage;
            d.outcome = outcome;
        }
        if d.outcome == Outcome::Open {
            // An open deal has no close date in this app (the CRM's is a forecast).
            d.closed = None;
        }
        if let Some(k) = v.kind.filter(|_| wants(Field::DealKind)) {
            d.kind = k;
        }
        for (field, target) in [(Field::Product, &mut d.product), (Field::Notes, &mut d.notes)] {
            let t = v.cells.text(field);
            if wants(field) && !t.is_empty() {
                *target = t.to_string();
            }
        }
        if owner.is_some() {
            d.owner = owner;
        }
        d.updated_at = Some(self.options.now);
    }

    pub(super) fn activity_row(&mut self, cells: &Cells, check: &mut RowCheck, ids: &mut IdGenerator) {
        let kind = check.required(cells, Field::ActivityKind, |t| ok(values::activity_kind(t)), |()| ProblemKind::UnknownActivityKind);
        let offset = self.options.utc_offset_minutes;
        let at = check.required(cells, Field::At, |t| ok(values::instant(t, offset)), |()| ProblemKind::NotADate);
        let count = check.optional(cells, Field::Count, |t| values::count(t).and_then(positive), ProblemKind::Count);
        let email = cells.text(Field::Email);
        let contact = (!email.is_empty()).then(|| self.contact_by_email.get(&normalise(email)).copied()).flatten();
        let slot = match contact {
            Some(c) if cells.text(Field::Company).is_empty() && cells.text(Field::CompanyDomain).is_empty() => {
                let account = &self.contacts[c].account;
                self.account_index.by_id.get(account.as_str()).copied()
            }
            _ => self.linked_account(cells, check, email_domain(email), None),
        };
        let (Some(kind), Some(at), Some(slot)) = (kind, at, slot) else { return };
        if check.skips_row() {
            return;
        }
        let account = self.accounts[slot].id.clone();
        let contact = contact.filter(|&c| self.contacts[c].account == account);
        if !self.seen_activities.insert((slot, contact.unwrap_or(usize::MAX), kind, minute(at))) {
            self.already += 1;
            return;
        }
        self.activities.push(Activity {
            id: ActivityId::generate(ids),
            account,
            contact: contact.map(|c| self.contacts[c].id.clone()),
            kind,
            at,
            campaign: None,
            content: None,
            count,
            progress: None,
            note: cells.text(Field::Notes).to_string(),
        });
    }
}

/// A count of times is at least one.
fn positive(n: u32) -> Result<u32, crate::domain::quantity::NumberProblem> {
    if n > 0 {
        Ok(n)
    } else {
        Err(crate::domain::quantity::NumberProblem::NotANumber)
    }
}
