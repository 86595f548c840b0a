//! The account plan as a Markdown document that reads well pasted into a wiki or a
//! mail. Wording and formats come from the caller ([`Words`]), so the document is
//! in the user's language; the structure lives here, testable without a browser.
//!
//! User text is escaped so that it reads as typed: a `#`, `*` or `|` in a note
//! never turns into a heading, emphasis or a broken table, and `<` never becomes
//! markup in a wiki that accepts HTML.

use super::{contacts_of, current_stage, org_chart, plan_of};
use crate::domain::sorting;
use crate::domain::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Heading {
    AccountPlan,
    Overview,
    Business,
    Challenges,
    Needs,
    Owners,
    MarketingOwner,
    SalesOwner,
    Handoff,
    Goals,
    MarketingPlan,
    SalesStrategy,
    Kpis,
    Channels,
    KeyPeople,
    ExecutionPlan,
    Content,
    Name,
    Title,
    Department,
    Role,
    Stance,
    Relationship,
    Metric,
    Target,
    Due,
    Start,
    Action,
    Channel,
    Owner,
    Status,
    Kind,
    Link,
    None,
    Updated,
}

/// Words and formats in the reader's language.
pub trait Words {
    fn heading(&self, h: Heading) -> String;
    fn role(&self, r: BuyingRole) -> String;
    fn stance(&self, s: Stance) -> String;
    fn action_status(&self, s: ActionStatus) -> String;
    fn channel(&self, plan: &Plan, c: &Channel) -> String;
    fn content_kind(&self, k: ContentKind) -> String;
    fn content_status(&self, s: ContentStatus) -> String;
    fn stage(&self, s: HandoffStage) -> String;
    fn metric(&self, m: Metric) -> String;
    fn target(&self, plan: &Plan, g: &Goal) -> String;
    fn date(&self, d: Date) -> String;
}

/// Escapes Markdown's special characters in running text.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A table cell: escaped, on one line.
fn cell(text: &str) -> String {
    let one_line: Vec<&str> = text.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    escape(&one_line.join(" / "))
}

/// A paragraph: escaped, line breaks kept as Markdown hard breaks.
fn paragraph(text: &str) -> String {
    text.trim().lines().map(|l| escape(l.trim_end())).collect::<Vec<_>>().join("  \n")
}

fn table(out: &mut String, head: &[String], rows: &[Vec<String>]) {
    out.push_str(&format!("| {} |\n", head.join(" | ")));
    out.push_str(&format!("|{}\n", " --- |".repeat(head.len())));
    for r in rows {
        out.push_str(&format!("| {} |\n", r.join(" | ")));
    }
    out.push('\n');
}

fn member(plan: &Plan, id: &Option<MemberId>) -> String {
    id.as_ref().and_then(|id| plan.member(id)).map(|m| cell(&m.name)).unwrap_or_else(|| "—".into())
}

fn opt_date(w: &dyn Words, d: Option<Date>) -> String {
    d.map(|d| w.date(d)).unwrap_or_else(|| "—".into())
}

/// The whole account plan for `account` (an account without a written plan gets
/// what the plan knows about it: owners, people, channels suggested by nothing).
pub fn account_plan_markdown(plan: &Plan, account: &Account, w: &dyn Words) -> String {
    let ap = plan_of(plan, &account.id);
    let mut out = String::new();
    let h = |x| w.heading(x);
    out.push_str(&format!("# {} — {}\n\n", escape(&account.name), h(Heading::AccountPlan)));
    if let Some(at) = ap.and_then(|p| p.updated_at) {
        out.push_str(&format!("*{}: {}*\n\n", h(Heading::Updated), w.date(at.date())));
    }

    let section = |out: &mut String, title: Heading, text: &str| {
        if !text.trim().is_empty() {
            out.push_str(&format!("## {}\n\n{}\n\n", h(title), paragraph(text)));
        }
    };
    if let Some(o) = ap.map(|p| &p.overview).filter(|o| !(o.business.is_empty() && o.challenges.is_empty() && o.needs.is_empty())) {
        out.push_str(&format!("## {}\n\n", h(Heading::Overview)));
        for (label, text) in [(Heading::Business, &o.business), (Heading::Challenges, &o.challenges), (Heading::Needs, &o.needs)] {
            if !text.trim().is_empty() {
                out.push_str(&format!("**{}**  \n{}\n\n", h(label), paragraph(text)));
            }
        }
    }

    out.push_str(&format!("## {}\n\n", h(Heading::Owners)));
    out.push_str(&format!("- {}: {}\n", h(Heading::MarketingOwner), member(plan, &account.marketing_owner)));
    out.push_str(&format!("- {}: {}\n", h(Heading::SalesOwner), member(plan, &account.sales_owner)));
    let stage = current_stage(plan, &account.id)
        .map(|e| {
            let by = e.by.as_ref().and_then(|id| plan.member(id)).map(|m| format!(", {}", cell(&m.name))).unwrap_or_default();
            format!("{} ({}{by})", w.stage(e.stage), w.date(e.at.date()))
        })
        .unwrap_or_else(|| "—".into());
    out.push_str(&format!("- {}: {stage}\n\n", h(Heading::Handoff)));

    let goals_table = |out: &mut String, title: Heading, goals: &[Goal]| {
        if goals.is_empty() {
            return;
        }
        out.push_str(&format!("## {}\n\n", h(title)));
        let rows: Vec<Vec<String>> = goals.iter().map(|g| vec![cell(&g.name), w.metric(g.metric), w.target(plan, g), opt_date(w, g.due)]).collect();
        table(out, &[h(Heading::Name), h(Heading::Metric), h(Heading::Target), h(Heading::Due)], &rows);
    };
    if let Some(ap) = ap {
        goals_table(&mut out, Heading::Goals, &ap.goals);
        section(&mut out, Heading::MarketingPlan, &ap.marketing_plan);
        section(&mut out, Heading::SalesStrategy, &ap.sales_strategy);
        goals_table(&mut out, Heading::Kpis, &ap.kpis);
        if !ap.channels.is_empty() {
            let names: Vec<String> = ap.channels.iter().map(|c| cell(&w.channel(plan, c))).collect();
            out.push_str(&format!("## {}\n\n{}\n\n", h(Heading::Channels), names.join(" · ")));
        }
    }

    let people = contacts_of(plan, &account.id);
    if !people.is_empty() {
        out.push_str(&format!("## {}\n\n", h(Heading::KeyPeople)));
        let mut order = Vec::new();
        for root in org_chart(&people) {
            root.flatten(0, &mut order);
        }
        let rows: Vec<Vec<String>> = order
            .iter()
            .map(|&(i, depth)| {
                let c = people[i];
                let indent = "↳ ".repeat(depth.min(1)).to_string();
                let pad = "\u{3000}".repeat(depth.saturating_sub(1));
                let role = c.role.map(|r| w.role(r)).unwrap_or_else(|| "—".into());
                let role = if c.role == Some(BuyingRole::Resister) { format!("**{role}** ⚠") } else { role };
                vec![
                    format!("{pad}{indent}{}", cell(&c.name)),
                    cell(&c.title),
                    cell(&c.department),
                    role,
                    c.stance.map(|s| w.stance(s)).unwrap_or_else(|| "—".into()),
                    c.relationship.map(|r| format!("{r}/10")).unwrap_or_else(|| "—".into()),
                ]
            })
            .collect();
        table(&mut out, &[h(Heading::Name), h(Heading::Title), h(Heading::Department), h(Heading::Role), h(Heading::Stance), h(Heading::Relationship)], &rows);
    }

    if let Some(ap) = ap.filter(|p| !p.actions.is_empty()) {
        out.push_str(&format!("## {}\n\n", h(Heading::ExecutionPlan)));
        let mut actions: Vec<&Action> = ap.actions.iter().collect();
        sorting::sort_by_key(&mut actions, |a| (a.due.is_none(), a.due, a.start));
        let rows: Vec<Vec<String>> = actions
            .iter()
            .map(|a| {
                let content: Vec<String> = a.content.iter().filter_map(|id| plan.content.iter().find(|c| &c.id == id)).map(|c| cell(&c.title)).collect();
                vec![
                    cell(&a.title),
                    a.channel.as_ref().map(|c| cell(&w.channel(plan, c))).unwrap_or_else(|| "—".into()),
                    member(plan, &a.owner),
                    opt_date(w, a.start),
                    opt_date(w, a.due),
                    w.action_status(a.status),
                    if content.is_empty() { "—".into() } else { content.join(", ") },
                ]
            })
            .collect();
        table(
            &mut out,
            &[h(Heading::Action), h(Heading::Channel), h(Heading::Owner), h(Heading::Start), h(Heading::Due), h(Heading::Status), h(Heading::Content)],
            &rows,
        );
    }

    let content: Vec<&ContentAsset> = plan.content.iter().filter(|c| c.account.as_ref() == Some(&account.id)).collect();
    if !content.is_empty() {
        out.push_str(&format!("## {}\n\n", h(Heading::Content)));
        let rows: Vec<Vec<String>> = content
            .iter()
            .map(|c| {
                let link = if is_web_link(&c.url) { format!("<{}>", c.url.trim()) } else { cell(&c.url) };
                vec![
                    cell(&c.title),
                    w.content_kind(c.kind),
                    c.status.map(|s| w.content_status(s)).unwrap_or_else(|| "—".into()),
                    if c.url.trim().is_empty() { "—".into() } else { link },
                ]
            })
            .collect();
        table(&mut out, &[h(Heading::Title), h(Heading::Kind), h(Heading::Status), h(Heading::Link)], &rows);
    }
    if ap.is_none() {
        out.push_str(&format!("*{}*\n", h(Heading::None)));
    }
    out.trim_end().to_string() + "\n"
}

/// `<account name> <date>.md`, safe on every file system.
pub fn file_name(account_name: &str, date: Date) -> String {
    format!("{} {date}.md", crate::plan_file::safe_stem(account_name, "account-plan"))
}

/// True for an http(s) address without characters that would end an autolink.
pub fn is_web_link(url: &str) -> bool {
    let u = url.trim();
    (u.starts_with("https://") || u.starts_with("http://")) && !u.chars().any(|c| c.is_whitespace() || c == '<' || c == '>')
}

#[cfg(test)]
mod tests {
    use super::*;

    struct English;

    impl Words for English {
        fn heading(&self, h: Heading) -> String {
            format!("{h:?}")
        }
        fn role(&self, r: BuyingRole) -> String {
            format!("{r:?}")
        }
        fn stance(&self, s: Stance) -> String {
            format!("{s:?}")
        }
        fn action_status(&self, s: ActionStatus) -> String {
            format!("{s:?}")
        }
        fn channel(&self, _: &Plan, c: &Channel) -> String {
            c.key().to_string()
        }
        fn content_kind(&self, k: ContentKind) -> String {
            format!("{k:?}")
        }
        fn content_status(&self, s: ContentStatus) -> String {
            format!("{s:?}")
        }
        fn stage(&self, s: HandoffStage) -> String {
            format!("{s:?}")
        }
        fn metric(&self, m: Metric) -> String {
            format!("{m:?}")
        }
        fn target(&self, _: &Plan, g: &Goal) -> String {
            g.target.to_string()
        }
        fn date(&self, d: Date) -> String {
            d.to_string()
        }
    }

    fn demo() -> Plan {
        let today = Date::from_ymd(2026, 11, 23).unwrap();
        crate::demo::demo_plan(PlanId("d".into()), today, today.at(9, 0))
    }

    #[test]
    fn the_demo_plan_reads_as_a_document() {
        let p = demo();
        let ap = &p.account_plans[0];
        let account = p.accounts.iter().find(|a| a.id == ap.account).unwrap();
        let md = account_plan_markdown(&p, account, &English);
        assert!(md.starts_with(&format!("# {} — AccountPlan\n", escape(&account.name))), "{md}");
        for heading in
            ["## Overview", "## Owners", "## Goals", "## MarketingPlan", "## SalesStrategy", "## Kpis", "## Channels", "## KeyPeople", "## ExecutionPlan"]
        {
            assert!(md.contains(&format!("\n{heading}\n")), "{heading} missing in:\n{md}");
        }
        assert!(md.contains(&ap.overview.business), "{md}");
        // Every action is a table row, every person too.
        for a in &ap.actions {
            assert!(md.contains(&format!("| {} |", a.title)), "{}", a.title);
        }
        for c in p.contacts.iter().filter(|c| c.account == account.id) {
            assert!(md.contains(&c.name), "{}", c.name);
        }
        // Resisters stand out.
        if p.contacts.iter().any(|c| c.account == account.id && c.role == Some(BuyingRole::Resister)) {
            assert!(md.contains("**Resister** ⚠"));
        }
        // Tables are well formed: every row of a table has the same number of cells.
        for block in md.split("\n\n").filter(|b| b.starts_with('|')) {
            let widths: Vec<usize> = block.lines().map(|l| l.matches(" | ").count()).collect();
            assert!(widths.windows(2).all(|w| w[0] == w[1]), "{block}");
        }
    }

    #[test]
    fn user_text_cannot_break_the_document() {
        let mut p = Plan::new(PlanId("p".into()), "P", Date::from_ymd(2026, 1, 1).unwrap().at(0, 0));
        let a = Account::new(AccountId("a".into()), "# Big | Co <script>");
        p.accounts.push_back(a.clone());
        p.contacts.push_back(Contact {
            relationship: Some(7),
            ..Contact::new(
                ContactId("c".into()),
                a.id.clone(),
                "Ann | *bold*
second line",
            )
        });
        let md = account_plan_markdown(&p, &a, &English);
        assert!(md.starts_with("# \\# Big \\| Co \\<script\\> — AccountPlan"), "{md}");
        assert!(md.contains("| Ann \\| \\*bold\\* / second line | "), "{md}");
        assert!(md.contains("7/10"));
        assert!(md.contains("*None*"), "no plan written yet");
    }

    #[test]
    fn only_plain_web_addresses_become_links() {
        assert!(is_web_link("https://example.co.jp/abm"));
        assert!(!is_web_link("javascript:alert(1)"));
        assert!(!is_web_link("https://x.test/a b"));
    }
}
