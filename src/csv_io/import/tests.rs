//! The import pipeline end to end on small files, as the UI drives it.

use super::*;
use crate::domain::quantity::NumberProblem;
use crate::domain::*;

fn now() -> Timestamp {
    Timestamp::parse("2026-05-01T00:00:00Z").unwrap()
}

fn plan() -> Plan {
    let mut p = Plan::new(PlanId("p".into()), "t", now());
    let mut a = Account::new(AccountId("acc_tokyo".into()), "株式会社東京精機");
    a.domain = "tokyo-seiki.co.jp".into();
    a.employees = Some(800);
    p.accounts.push_back(a);
    p.accounts.push_back(Account::new(AccountId("acc_osaka".into()), "Osaka Trading Co., Ltd."));
    p.contacts.push_back({
        let mut c = Contact::new(ContactId("con_1".into()), AccountId("acc_tokyo".into()), "山田太郎");
        c.email = "yamada@tokyo-seiki.co.jp".into();
        c
    });
    p
}

fn run(plan: &Plan, bytes: &[u8]) -> (ReadFile, Preview) {
    let file = read(bytes, EncodingChoice::Detect).expect("readable");
    let options = Options::new(file.kind, file.mapping.clone(), 9 * 60, now());
    let preview = preview(plan, &file.table, &options, &mut IdGenerator::seeded(1));
    (file, preview)
}

#[test]
fn a_shift_jis_accounts_file_with_japanese_headings() {
    let csv = "会社名,業種,従業員数,売上高,都道府県,URL\r\n\
               ㈱東京精機,製造業,\"1,200\",12億,東京都,https://www.tokyo-seiki.co.jp/\r\n\
               北海道フーズ株式会社,食品,350,45億円,北海道,hokkaido-foods.jp\r\n";
    let bytes = encoding_rs::SHIFT_JIS.encode(csv).0.into_owned();
    let (file, p) = run(&plan(), &bytes);
    assert_eq!(file.source, Source::Text { encoding: TextEncoding::ShiftJis, replaced: false });
    assert_eq!(file.kind, RecordKind::Accounts);
    assert!(p.problems.is_empty(), "{:?}", p.problems);
    assert_eq!((p.added, p.updated), (1, 1), "the first row is the account already in the plan");
    let tokyo = &p.batch.accounts[0];
    assert_eq!(tokyo.id.as_str(), "acc_tokyo");
    assert_eq!((tokyo.name.as_str(), tokyo.employees, tokyo.region.as_str()), ("㈱東京精機", Some(1200), "東京都"));
    assert_eq!(tokyo.annual_revenue, Some(Money::from_major(1_200_000_000)));
    let hokkaido = &p.batch.accounts[1];
    assert_eq!((hokkaido.domain.as_str(), hokkaido.industry.as_str()), ("hokkaido-foods.jp", "食品"));
    assert!(hokkaido.id.as_str().starts_with("acc_"));
}

#[test]
fn broken_rows_are_named_by_line_and_column_and_left_out() {
    let csv = "Company name,Number of Employees,Annual Revenue\n\
               Good One,10,100\n\
               ,20,200\n\
               Bad Count,many,300\n\
               Bad Money,30,lots\n\
               Too Wide,40,400,extra\n\
               Good Two,50,500\n";
    let (_, p) = run(&plan(), csv.as_bytes());
    assert_eq!(p.batch.accounts.iter().map(|a| a.name.as_str()).collect::<Vec<_>>(), vec!["Good One", "Bad Count", "Bad Money", "Good Two"]);
    assert_eq!(p.bad_rows, vec![3, 6]);
    assert_eq!((p.batch.accounts[1].employees, p.batch.accounts[1].annual_revenue), (None, Some(Money::from_major(300))), "the bad cell is left out");
    let by_line = |l: u64| p.problems.iter().filter(|x| x.line == l).map(|x| (x.column, x.kind, x.severity)).collect::<Vec<_>>();
    assert_eq!(by_line(3), vec![(Some(0), ProblemKind::Missing(Field::Name), Severity::Row)]);
    assert_eq!(by_line(4), vec![(Some(1), ProblemKind::Count(NumberProblem::NotANumber), Severity::Cell)]);
    assert_eq!(by_line(5), vec![(Some(2), ProblemKind::Amount(NumberProblem::NotANumber), Severity::Cell)]);
    assert_eq!(by_line(6), vec![(None, ProblemKind::TooManyCells { expected: 3 }, Severity::Row)]);
    assert_eq!(p.problems.iter().find(|x| x.line == 4).map(|x| x.value.as_str()), Some("many"));
}

#[test]
fn rows_repeating_an_account_update_it_once() {
    let csv = "Company,Domain,Tags\nAcme Inc.,acme.com,a\n\"ACME Co., Ltd.\",,b\n";
    let (_, p) = run(&plan(), csv.as_bytes());
    assert_eq!(p.batch.accounts.len(), 1);
    assert_eq!(p.batch.accounts[0].tags, vec!["a", "b"]);
    assert_eq!(p.added, 1);
}

#[test]
fn contacts_find_their_account_by_name_domain_or_email() {
    let csv = "姓,名,メールアドレス,会社名,役職\n\
               佐藤,花子,sato@tokyo-seiki.co.jp,,部長\n\
               Smith,John,john@elsewhere.com,Osaka Trading,Manager\n\
               Doe,Jane,jane@unknown.example,Nobody Ltd,CEO\n\
               山田,太郎,yamada@tokyo-seiki.co.jp,東京精機,課長\n";
    let (file, added) = run(&plan(), csv.as_bytes());
    assert_eq!(file.kind, RecordKind::Contacts);
    assert_eq!((added.new_accounts, added.batch.accounts[0].name.as_str()), (1, "Nobody Ltd"), "by default a company the plan lacks is added");
    let mut options = Options::new(file.kind, file.mapping.clone(), 9 * 60, now());
    options.add_accounts = false;
    let p = preview(&plan(), &file.table, &options, &mut IdGenerator::seeded(1));
    let names: Vec<(&str, &str)> = p.batch.contacts.iter().map(|c| (c.name.as_str(), c.account.as_str())).collect();
    assert_eq!(names, vec![("佐藤花子", "acc_tokyo"), ("John Smith", "acc_osaka"), ("山田太郎", "acc_tokyo")]);
    assert_eq!(p.batch.contacts[2].id.as_str(), "con_1", "matched by email: updated, not doubled");
    assert_eq!(p.batch.contacts[2].title, "課長");
    assert_eq!((p.added, p.updated), (2, 1));
    assert_eq!(p.problems.len(), 1);
    assert_eq!((p.problems[0].line, p.problems[0].kind, p.problems[0].value.as_str()), (4, ProblemKind::NoSuchAccount, "Nobody Ltd"));
}

#[test]
fn deals_with_crm_stages() {
    let csv = "Opportunity Name,Account Name,Amount,Created Date,Close Date,Stage\n\
               Line 2,東京精機,\"¥5,000,000\",2026/01/10,2026/03/31,Closed Won\n\
               Pilot,Osaka Trading,800万,2026-02-01,2026-06-30,Proposal/Price Quote\n\
               Lost one,Osaka Trading,100,2026-02-01,,Closed Lost\n\
               Backwards,Osaka Trading,100,2026-02-01,2026-01-01,Closed Won\n\
               Odd,Osaka Trading,100,2026-02-01,,Dreaming\n";
    let (file, p) = run(&plan(), csv.as_bytes());
    assert_eq!(file.kind, RecordKind::Deals);
    assert_eq!(p.batch.deals.len(), 3, "an unknown stage leaves the deal at its first stage, and says so");
    let won = &p.batch.deals[0];
    assert_eq!((won.outcome, won.stage, won.amount, won.closed), (Outcome::Won, DealStage::Closed, Money::from_major(5_000_000), Date::from_ymd(2026, 3, 31)));
    let open = &p.batch.deals[1];
    assert_eq!((open.outcome, open.stage, open.closed), (Outcome::Open, DealStage::Proposal, None), "an open deal's close date is a forecast");
    let kinds: Vec<(u64, ProblemKind, Severity)> = p.problems.iter().map(|x| (x.line, x.kind, x.severity)).collect();
    assert_eq!(
        kinds,
        vec![
            (4, ProblemKind::Refused(Refusal::NoCloseDate), Severity::Row),
            (5, ProblemKind::Refused(Refusal::BeforeStart("closed", "created")), Severity::Row),
            (6, ProblemKind::UnknownStage, Severity::Cell)
        ]
    );
}

#[test]
fn activities_by_contact_email_and_reimport_skips_what_is_there() {
    let csv = "Email Address,Activity Type,Activity Date\n\
               yamada@tokyo-seiki.co.jp,Open Email,2026/4/1 9:30\n\
               someone@tokyo-seiki.co.jp,Visit Web Page,2026-04-02\n\
               yamada@tokyo-seiki.co.jp,Teleport,2026-04-02\n";
    let mut plan = plan();
    let (_, p) = run(&plan, csv.as_bytes());
    assert_eq!(p.batch.activities.len(), 2);
    let first = &p.batch.activities[0];
    assert_eq!((first.kind, first.account.as_str(), first.contact.as_ref().map(|c| c.as_str())), (ActivityKind::EmailOpened, "acc_tokyo", Some("con_1")));
    assert_eq!(first.at.to_string(), "2026-04-01T00:30:00Z", "local (JST) time without an offset");
    assert_eq!(p.batch.activities[1].contact, None, "an unknown person still counts for their company");
    assert_eq!(p.problems[0].kind, ProblemKind::UnknownActivityKind);
    for a in p.batch.activities.clone() {
        plan.activities.push_back(a);
    }
    let (_, again) = run(&plan, csv.as_bytes());
    assert_eq!((again.batch.activities.len(), again.already), (0, 2));
}

#[test]
fn unreadable_and_empty_files_say_so() {
    assert_eq!(read(b"", EncodingChoice::Detect), Err(TableProblem::Empty));
    let huge = vec![b'a'; MAX_CSV_BYTES as usize + 1];
    assert_eq!(read(&huge, EncodingChoice::Detect), Err(TableProblem::TooLarge { bytes: MAX_CSV_BYTES + 1, limit: MAX_CSV_BYTES }));
    // Arbitrary bytes never panic: they decode (as Shift_JIS) and parse.
    let noise: Vec<u8> = (0..2000u32).map(|i| (i.wrapping_mul(2654435761) >> 13) as u8).collect();
    let _ = read(&noise, EncodingChoice::Detect);
}

#[test]
fn a_confirmed_preview_is_one_edit_and_the_plan_stays_valid() {
    let base = crate::demo::demo_plan(PlanId("d".into()), Date::from_ymd(2026, 11, 23).unwrap(), now());
    let first = &base.accounts[1];
    let csv = format!("Company,Domain,Employees\n{},,999\nBrand New KK,brand-new.example,10\n", first.name);
    let (_, p) = run(&base, csv.as_bytes());
    assert_eq!((p.added, p.updated), (1, 1));
    let after = crate::editing::apply(&base, crate::editing::Change::ImportRecords(Box::new(p.batch)), now()).unwrap();
    assert_eq!(after.accounts.len(), base.accounts.len() + 1);
    assert_eq!(after.accounts[1].employees, Some(999));
    assert_eq!(after.accounts[1].id, first.id, "updated in place");
    let twice = format!("Company\n{}\n", base.accounts[0].name);
    let (_, ambiguous) = run(&base, twice.as_bytes());
    assert_eq!(ambiguous.problems.iter().map(|p| p.kind).collect::<Vec<_>>(), vec![ProblemKind::AmbiguousAccount], "the demo's planted duplicate");
    let text = crate::plan_file::to_file_text(&after, now());
    assert!(crate::plan_file::read_plan_text(&text, crate::plan_file::Mode::Strict).is_ok());

    let contacts = "Name,Company,Email\nNew Person,Brand New KK,np@brand-new.example\n";
    let (_, c) = run(&after, contacts.as_bytes());
    let after2 = crate::editing::apply(&after, crate::editing::Change::ImportRecords(Box::new(c.batch)), now()).unwrap();
    assert_eq!(after2.contacts.len(), after.contacts.len() + 1);
    assert_eq!(
        crate::editing::apply(&after2, crate::editing::Change::ImportRecords(Box::default()), now()),
        Err(Refusal::NothingToChange),
        "an empty batch is no edit"
    );
}

#[test]
fn reading_and_previewing_in_steps_of_any_size_equals_doing_it_at_once() {
    let files: [Vec<u8>; 4] = [
        encoding_rs::SHIFT_JIS.encode("会社名,業種,従業員数\r\n㈱東京精機,製造業,\"1,200\"\r\n\r\n北海道フーズ株式会社,食品,many\r\nAcme,IT,5,extra\r\n").0.into_owned(),
        "Email Address,Activity Type,Activity Date\nyamada@tokyo-seiki.co.jp,Open Email,2026/4/1 9:30\nsomeone@tokyo-seiki.co.jp,Visit Web Page,2026-04-02\nyamada@tokyo-seiki.co.jp,Teleport,2026-04-02\nyamada@tokyo-seiki.co.jp,Open Email,2026/4/1 9:30\n".into(),
        "Name,Email,Company\n\"Yamada, Taro\",yamada@tokyo-seiki.co.jp,\n\"never closed,x\n".into(),
        Vec::new(),
    ];
    let plan = plan();
    for bytes in &files {
        let whole = read(bytes, EncodingChoice::Detect);
        for step in [0, 1, 3, 17, 4096] {
            let mut reading = Reading::new(bytes.as_slice(), EncodingChoice::Detect);
            let mut last = 0.0;
            while !reading.step(step) {
                let now = reading.progress();
                assert!((last..=1.0).contains(&now), "progress only grows: {last} then {now}");
                last = now;
            }
            let file = reading.finish();
            assert_eq!(file, whole, "read in steps of {step}");
            let Ok(file) = file else { continue };
            let options = Options::new(file.kind, file.mapping.clone(), 540, now());
            let at_once = preview(&plan, &file.table, &options, &mut IdGenerator::seeded(7));
            assert_eq!(at_once.writes(), at_once.batch.len());
            assert_eq!(at_once.accounted(), at_once.rows);
            for rows in [0, 1, 2] {
                let mut run = PreviewRun::new(&plan, &file.table, &options);
                let mut ids = IdGenerator::seeded(7);
                let mut last = 0.0;
                while !run.step(rows, &mut ids) {
                    let now = run.progress();
                    assert!((last..=1.0).contains(&now), "progress only grows: {last} then {now}");
                    last = now;
                }
                assert_eq!(run.finish(), at_once, "previewed {rows} rows at a time");
            }
        }
    }
}

#[test]
fn custom_fields_are_filled_from_columns_named_as_them() {
    let mut plan = plan();
    let def = |id: &str, name: &str, kind: FieldKind, options: &[&str]| CustomFieldDef {
        id: FieldId(id.into()),
        name: name.into(),
        kind,
        options: options.iter().map(|o| o.to_string()).collect(),
    };
    plan.custom_fields.push_back(def("fld_erp", "ERPベンダー", FieldKind::Choice, &["SAP", "Oracle", "OBIC"]));
    plan.custom_fields.push_back(def("fld_plants", "工場数", FieldKind::Number, &[]));
    plan.custom_fields.push_back(def("fld_listed", "上場", FieldKind::Flag, &[]));
    plan.custom_fields.push_back(def("fld_since", "取引開始日", FieldKind::Date, &[]));
    plan.custom_fields.push_back(def("fld_memo", "社内メモ", FieldKind::Text, &[]));
    let csv = "会社名,ERP ベンダー,工場数,上場,取引開始日,社内メモ\n\
               株式会社東京精機,sap,\"1,200.5\",はい,2024/4/1,重点\n\
               新規商事,ＯＢＩＣ,-3,×,,\n\
               悪い例,SAP Business One,many,maybe,someday,ok\n";
    let file = read(csv.as_bytes(), EncodingChoice::Detect).expect("readable");
    let mut mapping = file.mapping.clone();
    let names: Vec<&str> = plan.custom_fields.iter().map(|f| f.name.as_str()).collect();
    guess_custom(file.kind, &file.table.headers, &names, &mut mapping);
    assert_eq!(mapping[1..], [Some(Field::Custom(0)), Some(Field::Custom(1)), Some(Field::Custom(2)), Some(Field::Custom(3)), Some(Field::Custom(4))]);
    let options = Options::new(file.kind, mapping, 9 * 60, now());
    let p = preview(&plan, &file.table, &options, &mut IdGenerator::seeded(1));

    let value = |a: &Account, id: &str| a.custom.get(&FieldId(id.into())).cloned();
    let tokyo = &p.batch.accounts[0];
    assert_eq!(tokyo.id.as_str(), "acc_tokyo");
    assert_eq!(value(tokyo, "fld_erp"), Some(CustomValue::Text("SAP".into())), "written as the option is");
    assert_eq!(value(tokyo, "fld_plants"), Some(CustomValue::Number(1200.5)));
    assert_eq!(value(tokyo, "fld_listed"), Some(CustomValue::Bool(true)));
    assert_eq!(value(tokyo, "fld_since"), Some(CustomValue::Text("2024-04-01".into())));
    assert_eq!(value(tokyo, "fld_memo"), Some(CustomValue::Text("重点".into())));
    let new = &p.batch.accounts[1];
    assert_eq!(value(new, "fld_erp"), Some(CustomValue::Text("OBIC".into())));
    assert_eq!(value(new, "fld_plants"), Some(CustomValue::Number(-3.0)));
    assert_eq!(value(new, "fld_listed"), Some(CustomValue::Bool(false)));
    assert_eq!(value(new, "fld_since"), None, "an empty cell is no value");

    // The third row: each unreadable value named by its column and left out;
    // the rest of the row is imported.
    assert_eq!(p.batch.accounts.len(), 3);
    assert!(p.bad_rows.is_empty());
    assert_eq!(value(&p.batch.accounts[2], "fld_memo"), Some(CustomValue::Text("ok".into())));
    assert_eq!(p.batch.accounts[2].custom.len(), 1);
    let found: Vec<(Option<usize>, &str, ProblemKind)> = p.problems.iter().map(|x| (x.column, x.value.as_str(), x.kind)).collect();
    assert_eq!(
        found,
        vec![
            (Some(1), "SAP Business One", ProblemKind::NotAnOption),
            (Some(2), "many", ProblemKind::NotNumeric),
            (Some(3), "maybe", ProblemKind::NotAFlag),
            (Some(4), "someday", ProblemKind::NotADate),
        ]
    );
}

#[test]
fn an_accounts_export_reads_back_with_its_custom_fields() {
    let today = Date::from_ymd(2026, 11, 23).expect("a date");
    let mut plan = crate::demo::demo_plan(PlanId("d".into()), today, today.at(9, 0));
    plan.custom_fields.push_back(CustomFieldDef { id: FieldId("fld_listed".into()), name: "上場".into(), kind: FieldKind::Flag, options: Vec::new() });
    let set = |plan: &mut Plan, i: usize, id: &str, v: CustomValue| {
        if let Some(a) = plan.accounts.get_mut(i) {
            a.custom.insert(FieldId(id.into()), v);
        }
    };
    set(&mut plan, 0, "fld_listed", CustomValue::Bool(true));
    set(&mut plan, 1, "fld_listed", CustomValue::Bool(false));
    set(&mut plan, 2, "fld_plants", CustomValue::Number(-2.5));
    let with_values = plan.accounts.iter().filter(|a| !a.custom.is_empty()).count();
    assert!(with_values > 3, "the demo has custom values");
    let (basis, ranking) = crate::prioritisation::evaluate(&plan);
    let columns = crate::csv_io::export::AccountColumns {
        id: "ID".into(),
        name: "会社名".into(),
        yes: "対象".into(),
        no: "対象外".into(),
        flag_yes: "はい".into(),
        flag_no: "いいえ".into(),
        factors: plan.prioritisation.factors.iter().map(|f| f.name.clone()).collect(),
        ..Default::default()
    };
    let text = crate::csv_io::export::accounts_csv(&plan, &basis, &ranking, &columns);
    let file = read(text.as_bytes(), EncodingChoice::Detect).expect("readable");
    let mut mapping = file.mapping.clone();
    let names: Vec<&str> = plan.custom_fields.iter().map(|f| f.name.as_str()).collect();
    guess_custom(file.kind, &file.table.headers, &names, &mut mapping);
    let options = Options::new(RecordKind::Accounts, mapping, 9 * 60, now());
    let p = preview(&plan, &file.table, &options, &mut IdGenerator::seeded(1));
    assert!(p.problems.is_empty(), "{:?}", p.problems);
    assert_eq!((p.added, p.updated), (0, plan.accounts.len()), "every account found again by its id");
    // The export is in rank order, so each row is matched to its account by id.
    for original in &plan.accounts {
        let read_back = p.batch.accounts.iter().find(|a| a.id == original.id).expect("every account is in the batch");
        assert_eq!(read_back.custom, original.custom, "{}", original.name);
    }
}

/// Every class of problem the issue names, each in a file saved as UTF-8 and
/// as Shift_JIS (what Japanese Excel writes): both read the same, and each
/// problem is said where it is, with nothing lost.
#[test]
fn each_class_of_problem_reads_the_same_in_utf8_and_shift_jis() {
    type Check = fn(&Preview);
    let cases: [(&str, Check); 6] = [
        // A quote never closed: its line is named, the lines after it are read.
        ("会社名,従業員数\nA社,10\n\"B社,20\nC社,30\nD社,40\n", |p| {
            assert_eq!((p.added, p.broken_lines), (3, 1));
            assert_eq!(p.problems[0].kind, ProblemKind::UnclosedQuote { lines: 3 });
        }),
        // Quotes that joined lines into a row of the wrong width.
        ("会社名,従業員数\nA社,10\n\"B社,20\nC社\",30,40\nD社,50\n", |p| {
            assert_eq!(p.added, 2);
            assert_eq!(p.problems[0].kind, ProblemKind::JoinedLines { lines: 2, cells: 3, expected: 2 });
            assert_eq!(p.broken_lines, 2);
        }),
        // One company twice: merged, the disagreement shown.
        ("会社名,業種,URL\n株式会社東京精機,製造業,tokyo-seiki.example\n東京精機(株),機械,www.tokyo-seiki.example\n", |p| {
            assert_eq!((p.added, p.merged_rows), (1, 1));
            assert_eq!(p.merges[0].conflicts.iter().map(|c| c.field).collect::<Vec<_>>(), vec![Field::Name, Field::Industry]);
        }),
        // Counts and amounts as exports write them; a cell that does not read
        // is left out, not its row.
        ("会社名,従業員数,売上高\nA社,\"約1,200名\",\"1億2,000万円\"\nB社,１２００人,\"$1.2M\"\nC社,たくさん,約3.5億\nD社,300社,1兆2000億\nE社,5K,50万\nF社,約1,200名,300\n", |p| {
            // F社's unquoted comma makes a fourth cell: the row is listed, not guessed at.
            assert_eq!((p.added, p.bad_rows.len(), p.bad_cells), (5, 1, 1), "{:?}", p.problems);
            let a = |i: usize| (p.batch.accounts[i].employees, p.batch.accounts[i].annual_revenue.map(|m| m.minor() / 100));
            assert_eq!(a(0), (Some(1200), Some(120_000_000)));
            assert_eq!(a(1), (Some(1200), Some(1_200_000)));
            assert_eq!(a(2), (None, Some(350_000_000)));
            assert_eq!(a(3), (Some(300), Some(1_200_000_000_000)));
            assert_eq!(a(4), (Some(5_000), Some(500_000)));
        }),
        // Owners, places and statuses.
        ("会社名,担当営業,都道府県,市区町村,顧客区分\nA社,佐藤 一郎,愛知県,名古屋市,既存顧客\nB社,鈴木 花子,大阪府,堺市,見込み客\n", |p| {
            assert_eq!(p.new_members.len(), 2);
            let a = &p.batch.accounts[0];
            assert_eq!((a.region.as_str(), a.city.as_str(), a.status), ("愛知県", "名古屋市", Some(AccountStatus::Customer)));
        }),
        // Business cards: contacts, adding the companies the plan lacks.
        ("会社名,部署名,役職,氏名,メールアドレス\n株式会社北斗,品質保証部,部長,山田 太郎,yamada@hokuto.example\n株式会社北斗,製造部,課長,佐藤 花子,sato@hokuto.example\n", |p| {
            assert_eq!((p.kind, p.added, p.new_accounts), (RecordKind::Contacts, 2, 1));
        }),
    ];
    for (text, check) in cases {
        let utf8 = text.as_bytes().to_vec();
        let sjis = encoding_rs::SHIFT_JIS.encode(text).0.into_owned();
        let (a, pa) = run(&Plan::new(PlanId("p".into()), "t", now()), &utf8);
        let (b, pb) = run(&Plan::new(PlanId("p".into()), "t", now()), &sjis);
        let encodings = [&a.source, &b.source].map(|s| match s {
            Source::Text { encoding, .. } => Some(*encoding),
            Source::Sheet { .. } => None,
        });
        assert_eq!(encodings, [Some(TextEncoding::Utf8), Some(TextEncoding::ShiftJis)], "{text}");
        assert_eq!(pa.accounted(), pa.rows, "{text}");
        check(&pa);
        assert_eq!(pa.added, pb.added, "{text}");
        assert_eq!(pa.problems, pb.problems, "{text}");
        assert_eq!(
            pa.batch.accounts.iter().map(|x| (&x.name, x.employees, x.annual_revenue)).collect::<Vec<_>>(),
            pb.batch.accounts.iter().map(|x| (&x.name, x.employees, x.annual_revenue)).collect::<Vec<_>>()
        );
    }
}
