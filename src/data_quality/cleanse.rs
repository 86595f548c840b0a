//! Cleansing actions. Each is previewed as a list of (account, field, before,
//! after) and written as one undoable edit of the changed accounts
//! (`Change::PutAccounts`); an action that changes nothing offers nothing.
//!
//! - Trim: spaces at either end and runs of spaces inside text fields.
//! - Normalise: full-width letters, digits and spaces to half-width (ＡＢＣ１２３
//!   → ABC123; kana and kanji stay), domains to their bare host.
//! - Fill the domain from the accounts' contacts' email addresses (the most
//!   common company domain among them; free mail such as gmail.com never counts).
//! - Fill the country from the region when the region is a Japanese prefecture.

use super::identity::{domain_key, email_domain};
use crate::domain::quantity::fold_full_width;
use crate::domain::*;
use std::collections::HashMap;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cleansing {
    Trim,
    Normalise,
    DomainFromEmails,
    /// Sets the country to this text (the user's word for Japan).
    CountryFromPrefecture(String),
}

/// Which text field an edit changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TextField {
    Name,
    Domain,
    Industry,
    Country,
    Region,
}

#[derive(Clone, Debug, PartialEq)]
pub struct CleanseEdit {
    /// Position of the account in the plan.
    pub account: usize,
    pub field: TextField,
    pub before: String,
    pub after: String,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct CleansePreview {
    pub edits: Vec<CleanseEdit>,
    /// The changed accounts, ready for `Change::PutAccounts`.
    pub accounts: Vec<Account>,
}

const FREE_MAIL: [&str; 14] = [
    "gmail.com",
    "googlemail.com",
    "yahoo.co.jp",
    "yahoo.com",
    "hotmail.com",
    "outlook.com",
    "outlook.jp",
    "live.jp",
    "icloud.com",
    "me.com",
    "docomo.ne.jp",
    "ezweb.ne.jp",
    "softbank.ne.jp",
    "nifty.com",
];

const PREFECTURES: [&str; 47] = [
    "北海道",
    "青森",
    "岩手",
    "宮城",
    "秋田",
    "山形",
    "福島",
    "茨城",
    "栃木",
    "群馬",
    "埼玉",
    "千葉",
    "東京",
    "神奈川",
    "新潟",
    "富山",
    "石川",
    "福井",
    "山梨",
    "長野",
    "岐阜",
    "静岡",
    "愛知",
    "三重",
    "滋賀",
    "京都",
    "大阪",
    "兵庫",
    "奈良",
    "和歌山",
    "鳥取",
    "島根",
    "岡山",
    "広島",
    "山口",
    "徳島",
    "香川",
    "愛媛",
    "高知",
    "福岡",
    "佐賀",
    "長崎",
    "熊本",
    "大分",
    "宮崎",
    "鹿児島",
    "沖縄",
];

fn is_prefecture(region: &str) -> bool {
    let r = region.trim();
    let r = r.strip_suffix(['都', '府', '県']).unwrap_or(r);
    PREFECTURES.contains(&r)
}

fn collapse_spaces(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn half_width(s: &str) -> String {
    collapse_spaces(&s.chars().map(|c| if c == '\u{3000}' { ' ' } else { fold_full_width(c) }).collect::<String>())
}

fn text_fields(a: &mut Account) -> [(TextField, &mut String); 5] {
    [
        (TextField::Name, &mut a.name),
        (TextField::Domain, &mut a.domain),
        (TextField::Industry, &mut a.industry),
        (TextField::Country, &mut a.country),
        (TextField::Region, &mut a.region),
    ]
}

/// The most common company domain among each account's contacts' emails.
fn email_domains(plan: &Plan) -> HashMap<&str, String> {
    let mut counts: HashMap<&str, HashMap<String, usize>> = HashMap::new();
    for c in plan.contacts.iter() {
        let Some(d) = email_domain(&c.email) else { continue };
        if !FREE_MAIL.contains(&d.as_str()) {
            *counts.entry(c.account.as_str()).or_default().entry(d).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .filter_map(|(account, domains)| {
            let best = domains.into_iter().max_by(|x, y| x.1.cmp(&y.1).then(y.0.cmp(&x.0)))?;
            Some((account, best.0))
        })
        .collect()
}

pub fn preview(plan: &Plan, action: &Cleansing) -> CleansePreview {
    let domains = if *action == Cleansing::DomainFromEmails { email_domains(plan) } else { HashMap::new() };
    let mut out = CleansePreview::default();
    for (i, original) in plan.accounts.iter().enumerate() {
        let mut a = original.clone();
        let mut edits = Vec::new();
        match action {
            Cleansing::Trim | Cleansing::Normalise => {
                for (field, value) in text_fields(&mut a) {
                    let after = match (action, field) {
                        (Cleansing::Normalise, TextField::Domain) if !value.trim().is_empty() => domain_key(value),
                        (Cleansing::Normalise, _) => half_width(value),
                        _ => collapse_spaces(value),
                    };
                    if after != *value && !after.is_empty() {
                        edits.push(CleanseEdit { account: i, field, before: value.clone(), after: after.clone() });
                        *value = after;
                    }
                }
            }
            Cleansing::DomainFromEmails => {
                if a.domain.trim().is_empty() {
                    if let Some(d) = domains.get(a.id.as_str()) {
                        edits.push(CleanseEdit { account: i, field: TextField::Domain, before: String::new(), after: d.clone() });
                        a.domain = d.clone();
                    }
                }
            }
            Cleansing::CountryFromPrefecture(country) => {
                if a.country.trim().is_empty() && is_prefecture(&a.region) && !country.trim().is_empty() {
                    edits.push(CleanseEdit { account: i, field: TextField::Country, before: String::new(), after: country.trim().to_string() });
                    a.country = country.trim().to_string();
                }
            }
        }
        if !edits.is_empty() {
            out.edits.extend(edits);
            out.accounts.push(a);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan() -> Plan {
        let mut p = Plan::new(PlanId("p".into()), "t", Timestamp::parse("2026-01-01T00:00:00Z").unwrap());
        let mut a = Account::new(AccountId("a".into()), "  ＡＢＣ　 Trading  ");
        a.domain = "HTTPS://www.abc.co.jp/".into();
        a.region = "大阪府".into();
        p.accounts.push_back(a);
        let mut b = Account::new(AccountId("b".into()), "東京精機");
        b.region = "Bavaria".into();
        p.accounts.push_back(b);
        for (id, email) in [("c1", "x@tokyo-seiki.co.jp"), ("c2", "y@tokyo-seiki.co.jp"), ("c3", "z@gmail.com"), ("c4", "w@other.jp")] {
            let mut c = Contact::new(ContactId(id.into()), AccountId("b".into()), id);
            c.email = email.into();
            p.contacts.push_back(c);
        }
        p
    }

    #[test]
    fn trim_and_normalise() {
        let p = plan();
        let t = preview(&p, &Cleansing::Trim);
        assert_eq!(t.edits.len(), 1);
        assert_eq!(t.edits[0].after, "ＡＢＣ　 Trading".split_whitespace().collect::<Vec<_>>().join(" "));
        let n = preview(&p, &Cleansing::Normalise);
        let fields: Vec<(TextField, &str)> = n.edits.iter().map(|e| (e.field, e.after.as_str())).collect();
        assert_eq!(fields, vec![(TextField::Name, "ABC Trading"), (TextField::Domain, "abc.co.jp")]);
        assert_eq!(n.accounts.len(), 1);
        assert_eq!(n.accounts[0].name, "ABC Trading");
        assert_eq!(
            preview(&crate::editing::apply(&p, crate::editing::Change::PutAccounts(n.accounts), p.updated_at).unwrap(), &Cleansing::Normalise),
            CleansePreview::default(),
            "normalising twice changes nothing"
        );
    }

    #[test]
    fn fill_from_other_fields() {
        let p = plan();
        let d = preview(&p, &Cleansing::DomainFromEmails);
        assert_eq!(d.edits.len(), 1, "only the account without a domain");
        assert_eq!((d.edits[0].account, d.edits[0].after.as_str()), (1, "tokyo-seiki.co.jp"));
        let c = preview(&p, &Cleansing::CountryFromPrefecture("日本".into()));
        assert_eq!(c.edits.iter().map(|e| (e.account, e.after.as_str())).collect::<Vec<_>>(), vec![(0, "日本")], "Bavaria is no prefecture");
        assert!(preview(&p, &Cleansing::CountryFromPrefecture("  ".into())).edits.is_empty());
    }
}
