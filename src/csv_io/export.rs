//! The accounts as a CSV file that opens correctly in Excel, Japanese included:
//! UTF-8 with a byte-order mark (without one, Excel reads UTF-8 as Shift_JIS and
//! garbles Japanese), CRLF line ends, every field quoted as needed by the `csv`
//! crate, and text that a spreadsheet would run as a formula neutralised.

use crate::domain::*;
use crate::prioritisation::{Basis, Ranking};

/// UTF-8 byte-order mark.
pub const BOM: &str = "\u{feff}";

/// Column headings in the user's language (the UI fills them); the factor columns
/// follow `factors`, in the plan's factor order.
#[derive(Clone, Debug, Default)]
pub struct AccountColumns {
    pub id: String,
    pub name: String,
    pub domain: String,
    pub industry: String,
    pub employees: String,
    pub revenue: String,
    pub country: String,
    pub region: String,
    pub technologies: String,
    pub tags: String,
    pub in_target_list: String,
    pub fit: String,
    pub factors: Vec<String>,
    pub score: String,
    pub rank: String,
    pub tier: String,
    pub marketing_owner: String,
    pub sales_owner: String,
    /// The words for yes and no (target list).
    pub yes: String,
    pub no: String,
    /// The words for a custom yes/no field's values (ones the CSV import reads
    /// back: "yes"/"no", "はい"/"いいえ").
    pub flag_yes: String,
    pub flag_no: String,
}

/// Text a spreadsheet would treat as a formula (`=`, `+`, `-`, `@`, or a tab or
/// carriage return first) gets a leading apostrophe, the usual defence against CSV
/// injection: the cell shows the text instead of running it.
pub fn neutralise(text: &str) -> std::borrow::Cow<'_, str> {
    // A plain number ("-3", "-0.5") is a number to a spreadsheet, not a formula.
    if text.starts_with('-') && text.parse::<f64>().is_ok_and(f64::is_finite) {
        return text.into();
    }
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r' | '＝' | '＋' | '－' | '＠') => format!("'{text}").into(),
        _ => text.into(),
    }
}

/// One value of an exported table, typed so a workbook can give it a number
/// format; a CSV writes its text. One table feeds both, so they never disagree.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum Cell {
    Text(String),
    /// A count (employees, a rank, a tier).
    Integer(i64),
    /// A number shown with this many decimals (`None`: as few as it needs).
    Number(f64, Option<usize>),
    /// A percentage, 0–100, one decimal.
    Percent(f64),
    Money(Money),
    Date(Date),
    Empty,
}

impl Cell {
    /// A number with `decimals` decimals; empty when missing or not finite.
    pub fn number(v: Option<f64>, decimals: usize) -> Cell {
        v.filter(|v| v.is_finite()).map_or(Cell::Empty, |v| Cell::Number(v, Some(decimals)))
    }

    /// A percentage (0–100); empty when missing or not finite.
    pub fn percent(v: Option<f64>) -> Cell {
        v.filter(|v| v.is_finite()).map_or(Cell::Empty, Cell::Percent)
    }

    /// A count, a rank or a tier; empty when missing.
    pub fn integer<N: Into<i64>>(n: Option<N>) -> Cell {
        n.map_or(Cell::Empty, |n| Cell::Integer(n.into()))
    }

    /// The text a CSV holds.
    pub fn text(&self) -> String {
        match self {
            Cell::Text(t) => t.clone(),
            Cell::Integer(n) => n.to_string(),
            Cell::Number(v, Some(d)) => format!("{v:.d$}"),
            // f64's Display: "1200", "1200.5", "-3" (read back exactly).
            Cell::Number(v, None) => v.to_string(),
            Cell::Percent(v) => format!("{v:.1}"),
            Cell::Money(m) => m.to_plain_string(),
            Cell::Date(d) => d.to_string(),
            Cell::Empty => String::new(),
        }
    }
}

/// Headings and rows of one exported view.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Table {
    pub headings: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

/// The accounts as a CSV file (see [`accounts_table`]).
pub fn accounts_csv(plan: &Plan, basis: &Basis, ranking: &Ranking, columns: &AccountColumns) -> String {
    let table = accounts_table(plan, basis, ranking, columns);
    let mut w = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(Vec::new());
    // Writing to memory cannot fail; a failure would only drop a row.
    let _ = w.write_record(table.headings.iter().map(|h| neutralise(h).into_owned()));
    for row in &table.rows {
        let _ = w.write_record(row.iter().map(|c| neutralise(&c.text()).into_owned()));
    }
    let body = w.into_inner().map(|b| String::from_utf8_lossy(&b).into_owned()).unwrap_or_default();
    format!("{BOM}{body}")
}

/// Every account of the plan with its fit, factor values, score, rank and tier
/// from `basis` and `ranking` (computed from this plan): the ranked target list
/// first, in rank order, then the other accounts in the plan's order.
pub fn accounts_table(plan: &Plan, basis: &Basis, ranking: &Ranking, columns: &AccountColumns) -> Table {
    let mut head: Vec<&str> = vec![
        &columns.id,
        &columns.name,
        &columns.domain,
        &columns.industry,
        &columns.employees,
        &columns.revenue,
        &columns.country,
        &columns.region,
        &columns.technologies,
        &columns.tags,
        &columns.in_target_list,
        &columns.fit,
    ];
    head.extend(columns.factors.iter().map(String::as_str));
    head.extend([columns.score.as_str(), &columns.rank, &columns.tier, &columns.marketing_owner, &columns.sales_owner]);
    // The plan's custom fields last, each under its own name: the CSV import
    // fills them again from columns of those names.
    head.extend(plan.custom_fields.iter().map(|f| f.name.as_str()));
    let mut table = Table { headings: head.into_iter().map(String::from).collect(), rows: Vec::new() };
    let member = |m: &Option<MemberId>| m.as_ref().and_then(|id| plan.team.iter().find(|t| &t.id == id)).map(|t| t.name.clone()).unwrap_or_default();
    let n = plan.accounts.len().min(basis.len());
    let mut order: Vec<usize> = (0..n).collect();
    // Stable: accounts without a rank keep the plan's order, after the ranked.
    order.sort_by_key(|&i| ranking.account(i).rank.unwrap_or(u32::MAX));
    for i in order {
        let Some(a) = plan.accounts.get(i) else { continue };
        let r = ranking.account(i);
        let text = |s: &str| Cell::Text(s.to_string());
        let mut row: Vec<Cell> = vec![
            text(a.id.as_str()),
            text(&a.name),
            text(&a.domain),
            text(&a.industry),
            Cell::integer(a.employees),
            a.annual_revenue.map_or(Cell::Empty, Cell::Money),
            text(&a.country),
            text(&a.region),
            text(&a.technologies.join("; ")),
            text(&a.tags.join("; ")),
            text(if basis.targets[i].is_target() { &columns.yes } else { &columns.no }),
            Cell::percent(basis.fit(i).percent),
        ];
        row.extend(basis.values(i).into_iter().map(|v| Cell::number(v.value, 2)));
        row.extend([
            Cell::number(Some(r.score), 1),
            Cell::integer(r.rank),
            Cell::integer(r.tier.map(|(t, _)| t.number())),
            text(&member(&a.marketing_owner)),
            text(&member(&a.sales_owner)),
        ]);
        row.extend(plan.custom_fields.iter().map(|f| match a.custom.get(&f.id) {
            None => Cell::Empty,
            Some(CustomValue::Text(t)) => text(t),
            Some(CustomValue::Number(n)) => Cell::Number(*n, None),
            Some(CustomValue::Bool(b)) => text(if *b { &columns.flag_yes } else { &columns.flag_no }),
        }));
        table.rows.push(row);
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::prioritisation::evaluate;

    fn columns(plan: &Plan) -> AccountColumns {
        AccountColumns {
            id: "ID".into(),
            name: "会社名".into(),
            domain: "Domain".into(),
            industry: "業種".into(),
            employees: "従業員数".into(),
            revenue: "売上高".into(),
            country: "Country".into(),
            region: "都道府県".into(),
            technologies: "Tech".into(),
            tags: "Tags".into(),
            in_target_list: "Target".into(),
            fit: "Fit %".into(),
            factors: plan.prioritisation.factors.iter().map(|f| f.id.to_string()).collect(),
            score: "Score".into(),
            rank: "Rank".into(),
            tier: "Tier".into(),
            marketing_owner: "Marketing".into(),
            sales_owner: "Sales".into(),
            yes: "yes".into(),
            no: "no".into(),
            flag_yes: "yes".into(),
            flag_no: "no".into(),
        }
    }

    fn read(text: &str) -> Vec<Vec<String>> {
        let body = text.strip_prefix(BOM).unwrap_or_else(|| panic!("no BOM"));
        csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(body.as_bytes())
            .records()
            .map(|r| r.map(|r| r.iter().map(String::from).collect()).unwrap_or_default())
            .collect()
    }

    #[test]
    fn formulas_are_neutralised_and_plain_text_is_not() {
        for f in ["=HYPERLINK(\"http://x\")", "+1", "-2+3", "@SUM(A1)", "\tx", "＝1+1"] {
            assert!(neutralise(f).starts_with('\''), "{f}");
        }
        for t in ["株式会社テスト", "A=1", "", "3.5", "-3", "-0.25"] {
            assert_eq!(neutralise(t), t);
        }
    }

    #[test]
    fn the_demo_exports_one_row_per_account_with_its_ranking() {
        let plan =
            crate::demo::demo_plan(PlanId("d".into()), Date::from_ymd(2026, 11, 23).expect("a date"), Date::from_ymd(2026, 11, 23).expect("a date").at(9, 0));
        let (basis, ranking) = evaluate(&plan);
        let text = accounts_csv(&plan, &basis, &ranking, &columns(&plan));
        assert!(text.starts_with(BOM));
        assert!(text.contains("\r\n"));
        let rows = read(&text);
        assert_eq!(rows.len(), plan.accounts.len() + 1);
        assert_eq!(rows[0][1], "会社名");
        let width = rows[0].len();
        assert!(rows.iter().all(|r| r.len() == width), "every row has every column");
        // The best-ranked account has rank 1 and the highest score of the file.
        let column = |name: &str| rows[0].iter().position(|h| h == name).unwrap_or_else(|| panic!("no column {name}"));
        let (rank_col, score_col) = (column("Rank"), column("Score"));
        // The custom fields last, under their names.
        let names: Vec<String> = plan.custom_fields.iter().map(|f| f.name.clone()).collect();
        assert!(!names.is_empty());
        assert_eq!(rows[0][width - names.len()..], names[..]);
        let first = rows.iter().skip(1).find(|r| r[rank_col] == "1").unwrap_or_else(|| panic!("no rank 1"));
        let best = rows.iter().skip(1).filter_map(|r| r[score_col].parse::<f64>().ok()).fold(f64::MIN, f64::max);
        assert_eq!(first[score_col].parse::<f64>().ok(), Some(best));
        let i = ranking.order[0];
        assert_eq!(first[0], plan.accounts[i].id.to_string());
        assert_eq!(first[1], plan.accounts[i].name);
        // Rank order: 1, 2, 3… down the file, then the accounts outside the list.
        let ranks: Vec<&str> = rows.iter().skip(1).map(|r| r[rank_col].as_str()).collect();
        let ranked = ranking.order.len();
        assert!(ranked > 1 && ranked < plan.accounts.len());
        assert_eq!(ranks[..ranked], (1..=ranked).map(|k| k.to_string()).collect::<Vec<_>>()[..]);
        assert!(ranks[ranked..].iter().all(|r| r.is_empty()));
    }

    #[test]
    fn hostile_and_awkward_text_survives_a_round_trip() {
        let mut plan = Plan::new(PlanId("p".into()), "P", Date::from_ymd(2026, 11, 23).expect("a date").at(9, 0));
        let mut a = Account::new(AccountId("acc_1".into()), "=cmd|' /C calc'!A0");
        a.industry = "製造業, \"精密\"\n機械".into();
        a.tags = vec!["-x".into(), "y".into()];
        plan.accounts.push_back(a);
        let (basis, ranking) = evaluate(&plan);
        let rows = read(&accounts_csv(&plan, &basis, &ranking, &columns(&plan)));
        assert_eq!(rows[1][1], "'=cmd|' /C calc'!A0");
        assert_eq!(rows[1][3], "製造業, \"精密\"\n機械");
        assert_eq!(rows[1][9], "'-x; y");
    }
}
