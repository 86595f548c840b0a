//! Contact rows (CRM and marketing-automation exports, business-card
//! services): the person's name, whole or in parts; the account they belong to
//! (added when the plan lacks it and the user allows it); the rest as written.

use super::builder::Builder;
use super::cells::{Cells, RowCheck};
use super::ProblemKind;
use crate::csv_io::import::fields::Field;
use crate::data_quality::email_domain;
use crate::domain::*;
use crate::icp::normalise;

pub(super) fn person_name(first: &str, last: &str) -> String {
    let cjk = |s: &str| s.chars().any(|c| ('\u{3040}'..='\u{9fff}').contains(&c));
    match (first.is_empty(), last.is_empty()) {
        (true, _) => last.to_string(),
        (_, true) => first.to_string(),
        // Japanese names are family name first, without a space.
        _ if cjk(first) || cjk(last) => format!("{last}{first}"),
        _ => format!("{first} {last}"),
    }
}

/// A contact row's name: the full-name column, else first and last names.
pub(super) fn contact_name(cells: &Cells) -> String {
    let full = cells.text(Field::Name);
    if full.is_empty() {
        person_name(cells.text(Field::FirstName), cells.text(Field::LastName))
    } else {
        full.to_string()
    }
}

/// The text fields a contact row writes, each to its place.
const CONTACT_TEXTS: [Field; 5] = [Field::Email, Field::Title, Field::Department, Field::Phone, Field::Notes];

impl<'p> Builder<'p> {
    pub(super) fn contact_row(&mut self, index: u32, cells: &Cells, check: &mut RowCheck, ids: &mut IdGenerator) {
        let name = contact_name(cells);
        if name.is_empty() {
            check.add(cells.get(Field::Name).0, "", ProblemKind::Missing(Field::Name));
        }
        let email = cells.text(Field::Email);
        let add = self.options.add_accounts.then_some(&mut *ids);
        let slot = self.linked_account(cells, check, email_domain(email), add);
        let Some(slot) = slot.filter(|_| !check.skips_row()) else { return };
        let account = self.accounts[slot].id.clone();
        let existing = (!email.is_empty())
            .then(|| self.contact_by_email.get(&normalise(email)).copied())
            .flatten()
            .or_else(|| self.contact_by_name.get(&(account.0.clone(), normalise(&name))).copied())
            .filter(|&i| !(self.options.choices.apart.contains(&check.line) && self.touched_contacts.contains(i)));
        let i = existing.unwrap_or_else(|| {
            self.contacts.push(Contact::new(ContactId::generate(ids), account.clone(), name.clone()));
            self.contacts.len() - 1
        });
        if self.touched_contacts.add(i, index) {
            self.merged_rows += 1;
        }
        self.contacts[i].account = account;
        self.write_contact(i, cells, None);
    }

    /// Writes a contact row's values into contact `i` (every field, or one).
    pub(super) fn write_contact(&mut self, i: usize, cells: &Cells, only: Option<Field>) {
        let wants = |f: Field| only.is_none_or(|o| o == f);
        let c = &mut self.contacts[i];
        let name = contact_name(cells);
        if wants(Field::Name) && !name.is_empty() {
            c.name = name;
        }
        for field in CONTACT_TEXTS {
            let t = cells.text(field);
            if wants(field) && !t.is_empty() {
                let target = match field {
                    Field::Email => &mut c.email,
                    Field::Title => &mut c.title,
                    Field::Department => &mut c.department,
                    Field::Phone => &mut c.phone,
                    _ => &mut c.notes,
                };
                *target = t.to_string();
            }
        }
        c.updated_at = Some(self.options.now);
        if !c.email.is_empty() {
            self.contact_by_email.insert(normalise(&c.email), i);
        }
        self.contact_by_name.insert((c.account.0.clone(), normalise(&c.name)), i);
    }
}
