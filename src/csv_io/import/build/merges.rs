//! Rows that name the same record, once all are read: which fields they
//! disagree on, which value is kept (the last row's, or the row the user
//! chose), and the record written again from the chosen row where needed.
//! Only merged records are looked at again, so a file without repeats costs
//! nothing here.

use super::builder::Builder;
use super::cells::{Cells, RowCheck};
use super::people::contact_name;
use super::{Conflict, Merge};
use crate::csv_io::import::fields::{fold_key, Field, RecordKind};
use crate::data_quality::domain_key;
use crate::domain::*;
use crate::icp::normalise;
use std::collections::HashSet;

/// Whether rows may disagree on `field` of a record of `kind` (lists add up,
/// and the keys that matched the rows cannot differ).
fn can_conflict(kind: RecordKind, field: Field) -> bool {
    use Field::*;
    match kind {
        RecordKind::Accounts => !matches!(field, AccountId | Technologies | Tags),
        RecordKind::Contacts => matches!(field, Email | Title | Department | Phone | Notes),
        RecordKind::Deals => matches!(field, Amount | Created | Closed | Stage | DealKind | Product | Owner | Notes),
        RecordKind::Activities => false,
    }
}

/// Two cells say the same when their texts compare equal this way.
fn same_key(field: Field, text: &str) -> String {
    match field {
        Field::Domain => domain_key(text),
        Field::Notes | Field::Name => normalise(text),
        _ => fold_key(text),
    }
}

impl<'p> Builder<'p> {
    /// The merge of the rows at `rows` (table indices, file order) into record
    /// `slot` of the file's kind.
    pub(super) fn merge(&mut self, kind: RecordKind, slot: usize, rows: &[u32], ids: &mut IdGenerator) -> Merge {
        let table = self.table;
        let options = self.options;
        let cells: Vec<Cells<'p>> = rows.iter().filter_map(|&r| table.row(r as usize)).map(|row| Cells { row, mapping: &options.mapping }).collect();
        let lines: Vec<u64> = cells.iter().map(|c| c.row.line).collect();
        let first_line = lines.first().copied().unwrap_or_default();
        // A contact's name comes from one column or two: compared as the name.
        let mut fields: Vec<Field> = options.mapping.iter().flatten().copied().filter(|f| can_conflict(kind, *f)).collect();
        if kind == RecordKind::Contacts && options.mapping.iter().flatten().any(|f| matches!(f, Field::Name | Field::FirstName | Field::LastName)) {
            fields.insert(0, Field::Name);
        }
        let mut conflicts = Vec::new();
        for field in fields {
            let values: Vec<(usize, String)> = cells
                .iter()
                .enumerate()
                .map(|(k, c)| (k, if field == Field::Name && kind == RecordKind::Contacts { contact_name(c) } else { c.text(field).to_string() }))
                .filter(|(_, t)| !t.is_empty())
                .collect();
            let distinct: HashSet<String> = values.iter().map(|(_, t)| same_key(field, t)).collect();
            let Some(&(last, _)) = values.last().filter(|_| distinct.len() > 1) else { continue };
            let chosen = options.choices.keep.get(&(first_line, field)).and_then(|line| values.iter().find(|(k, _)| lines[*k] == *line)).map(|(k, _)| *k);
            let kept = chosen.unwrap_or(last);
            if kept != last {
                self.write_again(kind, slot, &cells[kept], field, ids);
            }
            conflicts.push(Conflict { field, values: values.into_iter().map(|(k, t)| (lines[k], t)).collect(), kept: lines[kept] });
        }
        let (name, existing) = match kind {
            RecordKind::Accounts => (self.accounts[slot].name.clone(), slot < self.plan.accounts.len()),
            RecordKind::Contacts => (self.contacts[slot].name.clone(), slot < self.plan.contacts.len()),
            RecordKind::Deals => (self.deals[slot].name.clone(), slot < self.plan.deals.len()),
            RecordKind::Activities => (String::new(), false),
        };
        Merge { name, lines, existing, conflicts }
    }

    /// Writes `field` of record `slot` again from the row `cells`.
    fn write_again(&mut self, kind: RecordKind, slot: usize, cells: &Cells, field: Field, ids: &mut IdGenerator) {
        let mut check = RowCheck::new(cells.row.line, false);
        match kind {
            RecordKind::Accounts => {
                if let Some(v) = self.read_account(cells, &mut check) {
                    self.write_account(slot, &v, Some(field), ids);
                }
            }
            RecordKind::Contacts => self.write_contact(slot, cells, Some(field)),
            RecordKind::Deals => {
                if let Some(v) = self.read_deal(cells, &mut check) {
                    self.write_deal(slot, &v, Some(field), ids);
                }
            }
            RecordKind::Activities => {}
        }
    }
}
