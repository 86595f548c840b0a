use super::*;
use crate::csv_io::AccountColumns;
use crate::domain::{Date, Plan, PlanId, Tier};
use crate::kpi::{goal_progress, period_kpis, roi_report, ActivityIndex, Figure, Period, HEADLINES};
use crate::prioritisation::evaluate;
use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};
use std::io::Cursor;

fn words(plan: &Plan) -> WorkbookWords {
    let factors: Vec<String> = plan.prioritisation.factors.iter().map(|f| f.id.to_string()).collect();
    WorkbookWords {
        target_list: "ターゲットリスト".into(),
        accounts: "アカウント".into(),
        tier1_plans: "ティア1のプラン".into(),
        account: "アカウント".into(),
        points: factors.iter().map(|f| format!("points {f}")).collect(),
        business: "事業内容".into(),
        challenges: "課題".into(),
        needs: "ニーズ".into(),
        goals: "目標".into(),
        key_people: "キーパーソン".into(),
        resisters: "抵抗者".into(),
        open_actions: "未完了のアクション".into(),
        next_action: "次のアクション".into(),
        next_action_due: "期限".into(),
        list_separator: "、".into(),
        goal_texts: Vec::new(),
        report: ReportWords {
            goals_sheet: "目標".into(),
            kpis_sheet: "KPI".into(),
            campaign_roi_sheet: "キャンペーンROI".into(),
            channel_roi_sheet: "チャネルROI".into(),
            goal: "目標".into(),
            target: "目標値".into(),
            actual: "実績".into(),
            progress: "進捗".into(),
            status: "状況".into(),
            start: "開始".into(),
            due: "期限".into(),
            statuses: ["達成", "順調", "遅れ", "未達", "データなし"].map(String::from).to_vec(),
            kpi: "KPI".into(),
            this_period: "今期".into(),
            previous_period: "前期".into(),
            headlines: HEADLINES.iter().map(|h| h.slug().to_string()).collect(),
            campaign: "キャンペーン".into(),
            channel: "チャネル".into(),
            campaigns: "キャンペーン数".into(),
            cost: "費用".into(),
            revenue: "売上".into(),
            deals: "商談".into(),
            roi: "ROI".into(),
            channel_names: Vec::new(),
            unattributed: "キャンペーンに紐づかない受注".into(),
        },
        columns: AccountColumns {
            name: "会社名".into(),
            revenue: "売上高".into(),
            employees: "従業員数".into(),
            rank: "順位".into(),
            tier: "ティア".into(),
            score: "スコア".into(),
            fit: "適合度".into(),
            factors,
            ..AccountColumns::default()
        },
    }
}

fn demo() -> Plan {
    let today = Date::from_ymd(2026, 11, 23).unwrap_or_else(|| panic!("a date"));
    crate::demo::demo_plan(PlanId("d".into()), today, today.at(9, 0))
}

fn today() -> Date {
    Date::from_ymd(2026, 11, 23).unwrap_or_else(|| panic!("a date"))
}

fn scope() -> ReportScope {
    ReportScope { period: Period::last_days(today(), 90), today: today() }
}

fn read_back(bytes: Vec<u8>) -> Xlsx<Cursor<Vec<u8>>> {
    open_workbook_from_rs(Cursor::new(bytes)).unwrap_or_else(|e| panic!("the workbook reads back: {e}"))
}

fn float(d: &Data) -> Option<f64> {
    match d {
        Data::Float(f) => Some(*f),
        Data::Int(n) => Some(*n as f64),
        _ => None,
    }
}

#[test]
fn every_sheet_reads_back_with_the_engines_numbers() {
    let plan = demo();
    let (basis, ranking) = evaluate(&plan);
    let w = words(&plan);
    let bytes = write(&sheets(&plan, &basis, &ranking, &scope(), &w), &plan.currency, "yyyy/mm/dd").unwrap_or_else(|e| panic!("{e:?}"));
    let mut book = read_back(bytes);
    assert_eq!(book.sheet_names(), ["ターゲットリスト", "アカウント", "ティア1のプラン", "目標", "KPI", "キャンペーンROI", "チャネルROI"]);

    // The target list: rank order, and each number the engine's.
    let list = book.worksheet_range("ターゲットリスト").unwrap_or_else(|e| panic!("{e}"));
    let rows: Vec<&[Data]> = list.rows().collect();
    assert_eq!(rows[0][0], Data::String("順位".into()));
    assert_eq!(rows.len() - 1, ranking.order.len());
    let k = plan.prioritisation.factors.len();
    for (row, &i) in rows[1..].iter().zip(&ranking.order) {
        let r = ranking.account(i);
        assert_eq!(float(&row[0]), r.rank.map(f64::from));
        assert_eq!(row[1], Data::String(plan.accounts[i].name.clone()));
        assert_eq!(float(&row[2]), r.tier.map(|(t, _)| f64::from(t.number())));
        // Each number the engine's, stored as shown (to its decimals).
        assert_eq!(float(&row[3]), Some(shown(r.score, 1)));
        assert_eq!(float(&row[4]), basis.fit(i).percent.map(|p| shown(p, 1) / 100.0), "a fraction, formatted as %");
        for (f, v) in basis.values(i).iter().enumerate() {
            assert_eq!(float(&row[5 + f]), v.value.map(|v| shown(v, 2)), "factor {f} of {}", plan.accounts[i].name);
        }
        let points = ranking.contributions(&basis, i);
        for (f, p) in points.iter().enumerate() {
            assert_eq!(float(&row[5 + k + f]), Some(shown(*p, 1)));
        }
        assert!((points.iter().map(|p| shown(*p, 1)).sum::<f64>() - r.score).abs() < 0.05 * k as f64, "the points add up to the score");
    }

    // The accounts: every one, amounts as numbers in the plan's currency.
    let accounts = book.worksheet_range("アカウント").unwrap_or_else(|e| panic!("{e}"));
    let rows: Vec<&[Data]> = accounts.rows().collect();
    assert_eq!(rows.len() - 1, plan.accounts.len());
    let col = |name: &str| rows[0].iter().position(|h| *h == Data::String(name.into())).unwrap_or_else(|| panic!("column {name}"));
    assert_eq!(rows[0][0], Data::String("会社名".into()), "no id column: a report's reader has no use for it");
    let (name, revenue, employees) = (col("会社名"), col("売上高"), col("従業員数"));
    for row in &rows[1..] {
        let a = plan.accounts.iter().find(|a| row[name] == Data::String(a.name.clone())).unwrap_or_else(|| panic!("{:?}", row[name]));
        assert_eq!(float(&row[revenue]), a.annual_revenue.map(|m| m.to_f64()));
        assert_eq!(float(&row[employees]), a.employees.map(f64::from));
    }

    // The tier-1 plans: one row per tier-1 account, best first.
    let plans = book.worksheet_range("ティア1のプラン").unwrap_or_else(|e| panic!("{e}"));
    let rows: Vec<&[Data]> = plans.rows().collect();
    let tier1: Vec<usize> = ranking.order.iter().copied().filter(|&i| matches!(ranking.tiers[i], Some((Tier::One, _)))).collect();
    assert!(!tier1.is_empty(), "the demo has tier-1 accounts");
    assert_eq!(rows.len() - 1, tier1.len());
    for (row, &i) in rows[1..].iter().zip(&tier1) {
        assert_eq!(row[1], Data::String(plan.accounts[i].name.clone()));
        assert_eq!(float(&row[2]), Some(shown(ranking.scores[i], 1)));
        let people = crate::account_plans::contacts_of(&plan, &plan.accounts[i].id).len();
        assert_eq!(float(&row[7]), Some(people as f64));
    }
    let written: usize = rows[1..].iter().filter(|r| !matches!(r[3], Data::Empty)).count();
    assert!(written > 0, "the demo's tier-1 plans carry an overview");
}

#[test]
fn money_formats_follow_the_currency() {
    let code = |c: &str| serde_json::from_value::<Currency>(serde_json::json!(c)).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(money_format(&code("JPY")), "\"¥\"#,##0");
    assert_eq!(money_format(&code("USD")), "\"$\"#,##0");
    assert_eq!(money_format(&code("CHF")), "#,##0 \"CHF\"");
}

#[test]
fn sheet_names_obey_excels_rules() {
    assert_eq!(sheet_name("Q1/Q2 [draft]: *tier* ?"), "Q1 Q2  draft    tier");
    assert_eq!(sheet_name(&"長".repeat(40)).chars().count(), 31);
    assert_eq!(sheet_name("///"), "Sheet");
}

#[test]
fn text_that_looks_like_a_formula_stays_text() {
    let table = crate::csv_io::Table { headings: vec!["name".into()], rows: vec![vec![Cell::Text("=1+1".into())]] };
    let usd = serde_json::from_value(serde_json::json!("USD")).unwrap_or_else(|e| panic!("{e}"));
    let bytes = write(&[Sheet { name: "s".into(), table }], &usd, "yyyy-mm-dd").unwrap_or_else(|e| panic!("{e:?}"));
    let mut book = read_back(bytes);
    let range = book.worksheet_range("s").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(range.get((1, 0)), Some(&Data::String("=1+1".into())));
    assert!(book.worksheet_formula("s").unwrap_or_else(|e| panic!("{e}")).is_empty());
}

/// A cell's number as Excel stores it: a percentage as its fraction, every
/// value rounded to what the cell shows.
fn stored(c: &crate::csv_io::Cell) -> Option<f64> {
    use crate::csv_io::Cell;
    match c {
        Cell::Integer(n) => Some(*n as f64),
        Cell::Number(v, d) => Some(d.map_or(*v, |d| shown(*v, d))),
        Cell::Percent(v) => Some(shown(*v, 1) / 100.0),
        Cell::Money(m) => Some(m.to_f64()),
        _ => None,
    }
}

#[test]
fn the_report_sheets_read_back_with_the_dashboards_numbers() {
    let plan = demo();
    let (basis, ranking) = evaluate(&plan);
    let bytes = write(&sheets(&plan, &basis, &ranking, &scope(), &words(&plan)), &plan.currency, "yyyy/mm/dd").unwrap_or_else(|e| panic!("{e:?}"));
    let mut book = read_back(bytes);
    let targets = basis.target_ids(&plan);
    let index = ActivityIndex::new(&plan);
    let rows_of = |book: &mut Xlsx<_>, name: &str| -> Vec<Vec<Data>> {
        book.worksheet_range(name).unwrap_or_else(|e| panic!("{name}: {e}")).rows().map(<[Data]>::to_vec).collect()
    };

    // KPIs: each headline of the period, beside the period before, as the tiles show them.
    let period = scope().period;
    let (now, before) = (period_kpis(&plan, &index, &period, &targets), period_kpis(&plan, &index, &period.previous(), &targets));
    let kpis = rows_of(&mut book, "KPI");
    assert_eq!(kpis[0], ["KPI", "今期", "前期"].map(|h| Data::String(h.into())));
    assert_eq!(kpis.len() - 1, HEADLINES.len());
    let expected = |f: Figure| stored(&super::report::figure(f));
    for (row, h) in kpis[1..].iter().zip(HEADLINES) {
        assert_eq!(row[0], Data::String(h.slug().into()));
        assert_eq!(float(&row[1]), expected(h.of(&now)), "{h:?} now");
        assert_eq!(float(&row[2]), expected(h.of(&before)), "{h:?} before");
    }
    assert!(kpis[1..].iter().any(|r| float(&r[1]).is_some_and(|v| v > 0.0)), "the demo's period has activity");

    // Goals: target, actual and progress as the goal chart measures them.
    let progress = goal_progress(&plan, today(), &targets);
    let goals = rows_of(&mut book, "目標");
    assert_eq!(goals.len() - 1, plan.goals.len());
    assert!(!plan.goals.is_empty(), "the demo has goals");
    for ((row, g), p) in goals[1..].iter().zip(&plan.goals).zip(&progress) {
        assert_eq!(row[0], Data::String(g.name.clone()));
        assert_eq!(float(&row[1]), stored(&super::report::in_unit(g.unit, Some(g.target))), "{}", g.name);
        assert_eq!(float(&row[2]), stored(&super::report::in_unit(g.unit, p.actual)), "{}", g.name);
        assert_eq!(float(&row[3]), p.progress.map(|x| shown(x * 100.0, 1) / 100.0), "{}", g.name);
    }

    // ROI: every campaign and channel of the period, under the plan's attribution.
    let report = roi_report(&plan, &index, &period, plan.settings.attribution);
    let campaigns = rows_of(&mut book, "キャンペーンROI");
    assert!(!report.campaigns.is_empty(), "the demo's period has campaigns");
    for (row, c) in campaigns[1..].iter().zip(&report.campaigns) {
        let name = plan.campaigns.iter().find(|x| x.id == c.campaign).map(|x| x.name.clone());
        assert_eq!(Some(row[0].clone()), name.map(Data::String));
        assert_eq!(float(&row[2]), Some(c.cost));
        assert_eq!(float(&row[3]), Some((c.revenue * 100.0).round() / 100.0), "{row:?}");
        assert_eq!(float(&row[5]), c.roi.map(|r| shown(r, 1) / 100.0));
    }
    let rest = usize::from(report.unattributed > 0.0);
    assert_eq!(campaigns.len() - 1, report.campaigns.len() + rest, "every campaign, then the won value no campaign touched");
    let channels = rows_of(&mut book, "チャネルROI");
    assert_eq!(channels.len() - 1, report.channels.len());
    for (row, c) in channels[1..].iter().zip(&report.channels) {
        assert_eq!(row[0], Data::String(c.channel.key().into()), "unnamed channels show their key");
        assert_eq!(float(&row[1]), Some(c.campaigns as f64));
        assert_eq!(float(&row[4]), c.roi.map(|r| shown(r, 1) / 100.0));
    }
}

/// The demo's workbook, as the app's export writes it.
fn demo_sheets() -> (Plan, Vec<Sheet>) {
    let plan = demo();
    let (basis, ranking) = evaluate(&plan);
    let sheets = sheets(&plan, &basis, &ranking, &scope(), &words(&plan));
    (plan, sheets)
}

#[test]
fn a_job_sent_as_text_writes_and_reads_what_a_direct_call_does() {
    use super::job::{from_text, serve, to_text, Answer, Job};
    let (plan, sheets) = demo_sheets();
    // Writing: the file the worker hands back holds every sheet and cell.
    let job = Job::write(sheets.clone(), &plan.currency, "yyyy/mm/dd");
    let (answer, file) = serve(&to_text(&job), &[]).unwrap_or_else(|| panic!("the worker reads its job"));
    assert_eq!(from_text::<Answer>(&answer), Some(Answer::Written(Ok(()))));
    let direct = write(&sheets, &plan.currency, "yyyy/mm/dd").unwrap_or_else(|e| panic!("{e:?}"));
    let (mut theirs, mut ours) = (read_back(file.clone()), read_back(direct));
    assert_eq!(theirs.sheet_names(), ours.sheet_names());
    for name in ours.sheet_names() {
        let a = theirs.worksheet_range(&name).unwrap_or_else(|e| panic!("{e}"));
        let b = ours.worksheet_range(&name).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(a.rows().collect::<Vec<_>>(), b.rows().collect::<Vec<_>>(), "sheet {name}");
    }
    // Reading: the worker's answer is the direct read, sheet by sheet.
    for sheet in [None, Some("アカウント".to_string()), Some("no such sheet".to_string())] {
        let (answer, rest) = serve(&to_text(&Job::Read { sheet: sheet.clone() }), &file).unwrap_or_else(|| panic!("read job"));
        assert!(rest.is_empty());
        assert_eq!(from_text::<Answer>(&answer), Some(Answer::Read(read_sheet(&file, sheet.as_deref()))), "{sheet:?}");
    }
    // A broken workbook is a problem in the answer, not a failed job.
    let (answer, _) = serve(&to_text(&Job::Read { sheet: None }), b"PK\x03\x04 not a zip").unwrap_or_else(|| panic!("read job"));
    assert_eq!(from_text::<Answer>(&answer), Some(Answer::Read(Err(WorkbookProblem::Unreadable))));
}

#[test]
fn a_number_json_cannot_carry_is_left_empty_and_text_of_another_release_is_refused() {
    use super::job::{from_text, serve, to_text, Answer, Job};
    use crate::csv_io::Table;
    let table = Table {
        headings: vec!["a".into(), "b".into(), "c".into()],
        rows: vec![vec![Cell::Percent(f64::NAN), Cell::Number(f64::INFINITY, Some(1)), Cell::Integer(3)]],
    };
    let job = Job::write(vec![Sheet { name: "ROI".into(), table }], &Currency::default(), "yyyy/mm/dd");
    let Job::Write { sheets, .. } = &job else { panic!("a write") };
    assert_eq!(sheets[0].table.rows[0], vec![Cell::Empty, Cell::Empty, Cell::Integer(3)]);
    let (answer, file) = serve(&to_text(&job), &[]).unwrap_or_else(|| panic!("write job"));
    assert_eq!(from_text::<Answer>(&answer), Some(Answer::Written(Ok(()))));
    let mut book = read_back(file);
    let range = book.worksheet_range("ROI").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(range.rows().nth(1).map(|r| r.to_vec()), Some(vec![Data::Empty, Data::Empty, Data::Float(3.0)]));
    assert_eq!(serve(r#"{"Print":{}}"#, &[]), None);
    assert_eq!(from_text::<Answer>("{}"), None);
}
