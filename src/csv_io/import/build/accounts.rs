//! Account rows: read every mapped cell, find the account (id, domain, name) or
//! add one, then write the values read. Reading and writing are apart so a
//! merge can write one field again from the row the user chose.

use super::builder::Builder;
use super::cells::{ok, Cells, RowCheck};
use super::ProblemKind;
use crate::csv_io::import::fields::Field;
use crate::csv_io::import::values;
use crate::data_quality::domain_key;
use crate::domain::*;
use crate::icp::normalise;

/// What an account row says, read and checked.
pub(super) struct AccountValues<'a> {
    pub name: &'a str,
    pub id_text: &'a str,
    pub domain: &'a str,
    pub employees: Option<u32>,
    pub revenue: Option<Money>,
    pub expected: Option<Money>,
    pub status: Option<AccountStatus>,
    /// A status cell that names none the app knows: kept as a tag.
    pub status_tag: Option<&'a str>,
    pub sales_owner: &'a str,
    pub marketing_owner: &'a str,
    /// Custom field values, each with its import field's index (`Field::Custom`).
    pub custom: Vec<(u16, FieldId, CustomValue)>,
    /// The currencies the amount cells named.
    pub currencies: [Option<&'static str>; 2],
    pub cells: &'a Cells<'a>,
}

impl<'p> Builder<'p> {
    pub(super) fn read_account<'a>(&mut self, cells: &'a Cells<'a>, check: &mut RowCheck) -> Option<AccountValues<'a>> {
        let name = check.required_text(cells, Field::Name);
        let (id_col, id_text) = cells.get(Field::AccountId);
        if !id_text.is_empty() && check_id(id_text).is_err() {
            check.add(id_col, id_text, ProblemKind::BadId);
        }
        let employees = check.optional(cells, Field::Employees, values::count, ProblemKind::Count);
        let revenue = check.optional(cells, Field::Revenue, values::amount, ProblemKind::Amount);
        let expected = check.optional(cells, Field::ExpectedDealSize, values::amount, ProblemKind::Amount);
        let (status_col, status_text) = cells.get(Field::Status);
        let status = values::status(status_text);
        let status_tag = (status.is_none() && !status_text.is_empty()).then_some(status_text);
        if status_tag.is_some() {
            check.note(status_col, status_text, ProblemKind::UnknownStatus);
        }
        let custom = self.custom_values(cells, check);
        Some(AccountValues {
            name: name?,
            id_text,
            domain: cells.text(Field::Domain),
            employees,
            revenue: revenue.map(|(m, _)| m),
            expected: expected.map(|(m, _)| m),
            currencies: [revenue, expected].map(|a| a.and_then(|(_, c)| c)),
            status,
            status_tag,
            sales_owner: cells.text(Field::SalesOwner),
            marketing_owner: cells.text(Field::MarketingOwner),
            custom,
            cells,
        })
    }

    pub(super) fn account_row(&mut self, index: u32, cells: &Cells, check: &mut RowCheck, ids: &mut IdGenerator) {
        let values = self.read_account(cells, check);
        let Some(v) = values.filter(|_| !check.skips_row()) else { return };
        for c in v.currencies {
            self.saw_currency(c);
        }
        let found = match self.account_index.by_id.get(v.id_text).copied() {
            Some(slot) => Some(slot),
            None => match self.account_index.find(v.domain, v.name) {
                Ok(found) => found,
                Err(()) => {
                    // Two accounts already share this name: updating either
                    // would be a guess, adding a third would make it worse.
                    check.add(cells.get(Field::Name).0, v.name, ProblemKind::AmbiguousAccount);
                    return;
                }
            },
        };
        // A row the user keeps apart from an earlier one of the file is an
        // account of its own.
        let apart = self.options.choices.apart.contains(&check.line);
        let slot = match found {
            Some(slot) if !(apart && self.touched_accounts.contains(slot)) => slot,
            _ => {
                let reuse_id = !v.id_text.is_empty() && !self.account_index.by_id.contains_key(v.id_text);
                let id = if reuse_id { AccountId(v.id_text.to_string()) } else { AccountId::generate(ids) };
                self.accounts.push(Account::new(id, v.name));
                self.accounts.len() - 1
            }
        };
        if self.touched_accounts.add(slot, index) {
            self.merged_rows += 1;
        }
        self.write_account(slot, &v, None, ids);
        self.account_index.insert(slot, &self.accounts[slot]);
    }

    /// Writes the values read into account `slot`: every field (`only: None`)
    /// or one. An empty cell leaves the account's value as it is; lists gain
    /// the values they lack.
    pub(super) fn write_account(&mut self, slot: usize, v: &AccountValues, only: Option<Field>, ids: &mut IdGenerator) {
        let wants = |f: Field| only.is_none_or(|o| o == f);
        let sales = (wants(Field::SalesOwner) && !v.sales_owner.is_empty()).then(|| self.members.find_or_add(v.sales_owner, Team::Sales, ids));
        let marketing =
            (wants(Field::MarketingOwner) && !v.marketing_owner.is_empty()).then(|| self.members.find_or_add(v.marketing_owner, Team::Marketing, ids));
        let now = self.options.now;
        let a = &mut self.accounts[slot];
        let cells = v.cells;
        let set = |field: Field, target: &mut String| {
            let text = cells.text(field);
            if wants(field) && !text.is_empty() {
                *target = text.to_string();
            }
        };
        set(Field::Name, &mut a.name);
        set(Field::Industry, &mut a.industry);
        set(Field::Country, &mut a.country);
        set(Field::Region, &mut a.region);
        set(Field::City, &mut a.city);
        set(Field::Notes, &mut a.notes);
        if wants(Field::Domain) && !v.domain.is_empty() {
            a.domain = domain_key(v.domain);
        }
        let put = |field: Field, target: &mut Option<Money>, value: Option<Money>| {
            if wants(field) && value.is_some() {
                *target = value;
            }
        };
        put(Field::Revenue, &mut a.annual_revenue, v.revenue);
        put(Field::ExpectedDealSize, &mut a.expected_deal_size, v.expected);
        if wants(Field::Employees) && v.employees.is_some() {
            a.employees = v.employees;
        }
        if wants(Field::Status) && v.status.is_some() {
            a.status = v.status;
        }
        if sales.is_some() {
            a.sales_owner = sales;
        }
        if marketing.is_some() {
            a.marketing_owner = marketing;
        }
        for (k, field, value) in &v.custom {
            if wants(Field::Custom(*k)) {
                a.custom.insert(field.clone(), value.clone());
            }
        }
        if only.is_none() {
            let mut extra = values::list(cells.text(Field::Tags));
            extra.extend(v.status_tag.map(str::to_string));
            for (list, new) in [(&mut a.technologies, values::list(cells.text(Field::Technologies))), (&mut a.tags, extra)] {
                for value in new {
                    if !list.iter().any(|x| normalise(x) == normalise(&value)) {
                        list.push(value);
                    }
                }
            }
        }
        a.updated_at = Some(now);
    }

    /// The row's values of the plan's custom fields, each read as its kind
    /// asks (an empty cell leaves the account's value as it is); a value that
    /// cannot be read is left out, a problem of its cell.
    fn custom_values(&self, cells: &Cells, check: &mut RowCheck) -> Vec<(u16, FieldId, CustomValue)> {
        let mut read = Vec::new();
        for (col, field) in cells.mapping.iter().enumerate() {
            let Some(Field::Custom(k)) = *field else { continue };
            let Some(def) = self.plan.custom_fields.get(usize::from(k)) else { continue };
            let text = cells.row.cell(col).unwrap_or("").trim();
            if text.is_empty() {
                continue;
            }
            let value = match def.kind {
                FieldKind::Text => Ok(CustomValue::Text(text.to_string())),
                FieldKind::Number => ok(values::number(text)).map(CustomValue::Number).map_err(|()| ProblemKind::NotNumeric),
                // Kept as the account editor keeps dates: YYYY-MM-DD.
                FieldKind::Date => ok(values::date(text)).map(|d| CustomValue::Text(d.to_string())).map_err(|()| ProblemKind::NotADate),
                FieldKind::Flag => ok(values::flag(text)).map(CustomValue::Bool).map_err(|()| ProblemKind::NotAFlag),
                // Written as the option is, whatever the cell's case or width.
                FieldKind::Choice if def.options.is_empty() => Ok(CustomValue::Text(text.to_string())),
                FieldKind::Choice => {
                    def.options.iter().find(|o| normalise(o) == normalise(text)).map(|o| CustomValue::Text(o.clone())).ok_or(ProblemKind::NotAnOption)
                }
            };
            match value {
                Ok(v) => read.push((k, def.id.clone(), v)),
                Err(kind) => check.bad_cell(Some(col), text, kind),
            }
        }
        read
    }
}
