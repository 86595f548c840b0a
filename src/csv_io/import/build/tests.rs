//! The preview's own rules: every row accounted for, cells that do not read,
//! merges and the choices made on them, owners, statuses, accounts added for
//! contacts. The pipeline from bytes is tested in `import::tests`.

use super::*;
use crate::csv_io::import::{guess_mapping, parse};

fn now() -> Timestamp {
    Timestamp::parse("2026-05-01T00:00:00Z").unwrap()
}

fn empty_plan() -> Plan {
    Plan::new(PlanId("p".into()), "t", now())
}

/// The preview of `text` as `kind`, with the guessed mapping and `choose`'s options.
fn read_as(plan: &Plan, kind: RecordKind, text: &str, choose: impl FnOnce(&mut Options)) -> Preview {
    let table = parse(text, b',').unwrap();
    let mut options = Options::new(kind, guess_mapping(kind, &table.headers), 540, now());
    choose(&mut options);
    let p = preview(plan, &table, &options, &mut IdGenerator::seeded(1));
    assert_eq!(p.accounted(), p.rows, "every row is imported, merged, a repeat or skipped: {p:#?}");
    p
}

#[test]
fn a_run_empties_its_lookups_in_steps_before_it_is_done() {
    let mut text = String::from("Company name,Company Domain Name\n");
    for i in 0..500 {
        text.push_str(&format!("Company {i},company-{i}.example\n"));
    }
    let table = parse(&text, b',').unwrap();
    let options = Options::new(RecordKind::Accounts, guess_mapping(RecordKind::Accounts, &table.headers), 540, now());
    let plan = empty_plan();
    let mut run = PreviewRun::new(&plan, &table, &options);
    let mut ids = IdGenerator::seeded(1);
    let mut steps = 0;
    while !run.step(1, &mut ids) {
        steps += 1;
    }
    // 500 rows one at a time, then 1,500 keys (id, domain, name per new
    // account) 50 at a time.
    assert_eq!(steps, 500 + 1500 / KEYS_PER_ROW - 1);
    assert!(run.builder.account_index.is_empty());
    assert_eq!(run.finish().added, 500);
}

#[test]
fn a_cell_that_does_not_read_is_left_out_not_the_row() {
    let csv = "会社名,従業員数,売上高,業種\n\
               東京精機,約1200名,1億2000万円,製造業\n\
               大阪商事,たくさん,50億,卸売業\n\
               名古屋工業,300,不明,製造業\n";
    let p = read_as(&empty_plan(), RecordKind::Accounts, csv, |_| {});
    assert_eq!(p.added, 3, "every row imported");
    let tokyo = &p.batch.accounts[0];
    assert_eq!((tokyo.employees, tokyo.annual_revenue), (Some(1200), Some(Money::from_major(120_000_000))));
    let osaka = &p.batch.accounts[1];
    assert_eq!((osaka.employees, osaka.annual_revenue, osaka.industry.as_str()), (None, Some(Money::from_major(5_000_000_000)), "卸売業"));
    assert_eq!(p.bad_cells, 2);
    assert!(p.bad_rows.is_empty());
    let listed: Vec<(u64, Option<usize>, &str, Severity)> = p.problems.iter().map(|x| (x.line, x.column, x.value.as_str(), x.severity)).collect();
    assert_eq!(listed, vec![(3, Some(1), "たくさん", Severity::Cell), (4, Some(2), "不明", Severity::Cell)]);

    // Or, if the user says so, such rows are skipped whole.
    let strict = read_as(&empty_plan(), RecordKind::Accounts, csv, |o| o.skip_rows_with_bad_cells = true);
    assert_eq!((strict.added, strict.bad_rows.clone(), strict.bad_cells), (1, vec![3, 4], 0));
}

#[test]
fn rows_naming_one_company_are_merged_and_their_disagreements_shown() {
    let csv = "Company name,Company Domain Name,Industry,Number of Employees,Tags\n\
               Acme Inc.,acme.com,Software,100,a\n\
               Beta LLC,beta.io,Retail,20,\n\
               \"ACME Co., Ltd.\",,Manufacturing,100,b\n\
               Acme,www.acme.com,,120,\n";
    let p = read_as(&empty_plan(), RecordKind::Accounts, csv, |_| {});
    assert_eq!((p.added, p.merged_rows), (2, 2));
    assert_eq!(p.merges.len(), 1);
    let m = &p.merges[0];
    assert_eq!((m.lines.clone(), m.existing), (vec![2, 4, 5], false));
    let conflict = |f: Field| m.conflicts.iter().find(|c| c.field == f).cloned();
    let industry = conflict(Field::Industry).expect("industry differs");
    assert_eq!(industry.values, vec![(2, "Software".to_string()), (4, "Manufacturing".to_string())]);
    assert_eq!(industry.kept, 4, "the later row's value, unless the user chooses");
    assert_eq!(conflict(Field::Employees).map(|c| c.kept), Some(5));
    assert!(conflict(Field::Domain).is_none(), "acme.com and www.acme.com are one domain");
    assert!(conflict(Field::Tags).is_none(), "tags add up");
    let acme = &p.batch.accounts[0];
    assert_eq!(
        (acme.industry.as_str(), acme.employees, acme.tags.clone(), acme.name.as_str()),
        ("Manufacturing", Some(120), vec!["a".into(), "b".into()], "Acme")
    );

    // The user keeps line 2's industry and 100 employees: the record follows.
    let chosen = read_as(&empty_plan(), RecordKind::Accounts, csv, |o| {
        o.choices.keep.insert((2, Field::Industry), 2);
        o.choices.keep.insert((2, Field::Employees), 2);
        o.choices.keep.insert((2, Field::Name), 2);
    });
    let acme = &chosen.batch.accounts[0];
    assert_eq!((acme.industry.as_str(), acme.employees, acme.name.as_str()), ("Software", Some(100), "Acme Inc."));
    assert_eq!(chosen.merges[0].conflicts.iter().find(|c| c.field == Field::Industry).map(|c| c.kept), Some(2));

    // Or imports line 4 as an account of its own.
    let apart = read_as(&empty_plan(), RecordKind::Accounts, csv, |o| {
        o.choices.apart.insert(4);
    });
    assert_eq!((apart.added, apart.merged_rows), (3, 1));
    assert_eq!(apart.batch.accounts.iter().filter(|a| a.name.contains("ACME Co.")).count(), 1);
}

#[test]
fn owners_become_team_members_found_by_name_or_email() {
    let mut plan = empty_plan();
    plan.team.push_back(TeamMember { id: MemberId("mem_sato".into()), name: "佐藤 一郎".into(), team: Team::Sales, email: "sato@ours.example".into() });
    let csv = "Company name,Company owner,Marketing owner,Lifecycle Stage,City,State/Region\n\
               Acme,Jane Doe,Mika Ito,customer,Osaka,Osaka\n\
               Beta,SATO@ours.example,,salesqualifiedlead,Yokohama,Kanagawa\n\
               Gamma,jane doe,,Other,,\n";
    let p = read_as(&plan, RecordKind::Accounts, csv, |_| {});
    let names: Vec<(&str, Team)> = p.batch.team.iter().map(|m| (m.name.as_str(), m.team)).collect();
    assert_eq!(names, vec![("Jane Doe", Team::Sales), ("Mika Ito", Team::Marketing)], "each person once, the plan's own found");
    let jane = p.batch.team[0].id.clone();
    let [acme, beta, gamma] = &p.batch.accounts[..] else { panic!("three accounts") };
    assert_eq!(
        (acme.sales_owner.clone(), acme.status, acme.city.as_str(), acme.region.as_str()),
        (Some(jane.clone()), Some(AccountStatus::Customer), "Osaka", "Osaka")
    );
    assert_eq!((beta.sales_owner.clone(), beta.status), (Some(MemberId("mem_sato".into())), Some(AccountStatus::Prospect)));
    assert_eq!(
        (gamma.sales_owner.clone(), gamma.status, gamma.tags.clone()),
        (Some(jane), None, vec!["Other".to_string()]),
        "an unknown status is kept as a tag"
    );
    assert_eq!(p.problems.iter().map(|x| (x.line, x.kind, x.severity)).collect::<Vec<_>>(), vec![(4, ProblemKind::UnknownStatus, Severity::Note)]);
    let after = crate::editing::apply(&plan, crate::editing::Change::ImportRecords(Box::new(p.batch)), now()).unwrap();
    assert_eq!(after.team.len(), 3);
    assert!(after.accounts.iter().all(|a| a.sales_owner.as_ref().is_some_and(|o| after.member(o).is_some())));
}

#[test]
fn business_cards_add_the_companies_the_plan_lacks() {
    let csv = "会社名,部署名,役職,氏名,メールアドレス\n\
               株式会社東京精機,生産技術部,部長,山田 太郎,yamada@tokyo-seiki.example\n\
               東京精機,品質保証部,課長,佐藤 花子,sato@tokyo-seiki.example\n\
               北海道フーズ,営業部,主任,鈴木 一郎,suzuki@hokkaido.example\n\
               ,総務部,,高橋 次郎,takahashi@gmail.com\n";
    let p = read_as(&empty_plan(), RecordKind::Contacts, csv, |_| {});
    assert_eq!((p.added, p.new_accounts), (3, 2), "three people at two new companies");
    assert_eq!(p.batch.accounts.iter().map(|a| a.name.as_str()).collect::<Vec<_>>(), vec!["株式会社東京精機", "北海道フーズ"]);
    assert_eq!(p.batch.contacts[1].account, p.batch.contacts[0].account, "東京精機 is 株式会社東京精機");
    assert_eq!(p.bad_rows, vec![5], "no company at all");
    assert_eq!(p.writes(), 5);

    let off = read_as(&empty_plan(), RecordKind::Contacts, csv, |o| o.add_accounts = false);
    assert_eq!((off.added, off.new_accounts, off.bad_rows.len()), (0, 0, 4));
}

#[test]
fn broken_quotes_are_problems_of_their_lines_and_nothing_else_is_lost() {
    let lines = ["会社名,従業員数", "A社,10", "B社,20", "\"C社,30", "D社,40", "E社,50", "F社,60", "G社,70", "H社,80", "I社,90"];
    let text = lines.join("\n") + "\n";
    let p = read_as(&empty_plan(), RecordKind::Accounts, &text, |_| {});
    assert_eq!(p.added, 8, "every line but the broken one");
    assert_eq!(p.broken_lines, 1, "the lines after the quote were read again");
    assert_eq!(p.problems[0].line, 4);
    assert_eq!(p.problems[0].kind, ProblemKind::UnclosedQuote { lines: 7 });
    assert_eq!(p.problems[0].value, "\"C社,30", "the line is shown, so the user sees which company it was");
    // The broken row is one of the file's rows, skipped and named like any other.
    assert_eq!((p.all_rows(), p.skipped(), p.skipped_lines()), (9, 1, vec![4]));
    assert_eq!(p.all_rows(), p.accounted() + p.broken_rows.len());
}

#[test]
fn a_salesforce_report_footer_is_listed_not_imported() {
    // What Salesforce's "Export details" writes under a report's rows.
    let text = "\"Account Name\",\"Industry\",\"Employees\",\"Account Owner\"\n\
        \"Acme Corp\",\"Manufacturing\",\"1200\",\"Jane Doe\"\n\
        \"Beta Inc\",\"Retail\",\"300\",\"John Roe\"\n\
        \n\
        \"Grand Totals (2 records)\"\n\
        \n\
        \"Confidential Information - Do Not Distribute\"\n\
        \"Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved.\"\n";
    let p = read_as(&empty_plan(), RecordKind::Accounts, text, |_| {});
    assert_eq!(p.batch.accounts.iter().map(|a| a.name.as_str()).collect::<Vec<_>>(), vec!["Acme Corp", "Beta Inc"]);
    assert_eq!(p.bad_rows, vec![5, 7, 8]);
    let listed: Vec<_> = p.problems.iter().map(|x| (x.line, x.kind, x.value.as_str())).collect();
    assert_eq!(listed[0], (5, ProblemKind::OneCellLine { expected: 4 }, "Grand Totals (2 records)"));
    assert_eq!(p.accounted(), p.rows);
    // A narrow table's short line is still a record.
    let p = read_as(&empty_plan(), RecordKind::Accounts, "Company,Industry\nAcme\n", |_| {});
    assert_eq!(p.added, 1);
}

#[test]
fn a_row_with_shifted_cells_is_shown_whole() {
    let p = read_as(&empty_plan(), RecordKind::Accounts, "Company,Employees\nAcme,1,200\n", |_| {});
    assert_eq!(p.problems[0].value, "Acme,1,200", "the user sees the company and the stray comma");
}

#[test]
fn rows_with_fewer_cells_are_imported_and_noted() {
    let p = read_as(&empty_plan(), RecordKind::Accounts, "Company,Industry,Employees\nAcme,IT\nBeta,Retail,5\n", |_| {});
    assert_eq!(p.added, 2);
    assert_eq!(
        p.problems.iter().map(|x| (x.line, x.kind, x.severity)).collect::<Vec<_>>(),
        vec![(2, ProblemKind::FewerCells { cells: 2, expected: 3 }, Severity::Note)]
    );
}

#[test]
fn currencies_named_in_amounts_are_counted() {
    let p = read_as(&empty_plan(), RecordKind::Accounts, "Company,Annual Revenue\nAcme,$1.2M\nBeta,\"$350,000\"\nGamma,5000000\n", |_| {});
    assert_eq!(p.currencies, vec![("USD", 2)]);
}

#[test]
fn repeated_deals_and_contacts_merge_too() {
    let mut plan = empty_plan();
    plan.accounts.push_back(Account::new(AccountId("acc_a".into()), "Acme"));
    let deals = "Deal Name,Company,Amount,Create Date,Deal Stage,Deal owner\n\
                 Pilot,Acme,100,2026-01-01,appointmentscheduled,Jane\n\
                 Pilot,Acme,150,2026-01-01,contractsent,Jane\n";
    let p = read_as(&plan, RecordKind::Deals, deals, |_| {});
    assert_eq!((p.added, p.merged_rows), (1, 1));
    assert_eq!(p.batch.deals[0].amount, Money::from_major(150));
    assert_eq!(p.merges[0].conflicts.iter().map(|c| c.field).collect::<Vec<_>>(), vec![Field::Amount, Field::Stage]);
    assert_eq!(p.batch.team.len(), 1);
    let contacts = "First Name,Last Name,Email,Company,Job Title\nJo,Li,jo@acme.example,Acme,CTO\nJo,Li,jo@acme.example,Acme,CEO\n";
    let p = read_as(&plan, RecordKind::Contacts, contacts, |o| {
        o.choices.keep.insert((2, Field::Title), 2);
    });
    assert_eq!((p.added, p.merged_rows, p.batch.contacts[0].title.as_str()), (1, 1, "CTO"));
}
