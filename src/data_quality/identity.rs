//! How the same company is recognised under different spellings: its name with
//! width, case, punctuation and legal form folded away (株式会社, (株), ㈱, Inc.,
//! Co., Ltd. …), and its web domain. Used to find duplicates and to match CSV
//! rows with accounts already in the plan.

use crate::domain::record::normalise_domain;
use crate::icp::normalise;

/// Japanese legal forms, written before or after the name.
const JAPANESE_FORMS: [&str; 19] = [
    "株式会社",
    "有限会社",
    "合同会社",
    "合資会社",
    "合名会社",
    "一般社団法人",
    "一般財団法人",
    "公益社団法人",
    "公益財団法人",
    "特定非営利活動法人",
    "npo法人",
    "医療法人",
    "学校法人",
    "社会福祉法人",
    "(株)",
    "(有)",
    "(同)",
    "(社)",
    "(財)",
];

/// Legal forms written as words (compared as whole words at either end).
const WORD_FORMS: [&str; 22] = [
    "inc",
    "incorporated",
    "corp",
    "corporation",
    "co",
    "company",
    "ltd",
    "limited",
    "llc",
    "llp",
    "plc",
    "gmbh",
    "ag",
    "sa",
    "kk",
    "bv",
    "nv",
    "pte",
    "pty",
    "srl",
    "spa",
    "ab",
];

fn is_edge(c: char) -> bool {
    c.is_whitespace() || (!c.is_alphanumeric() && c != '(' && c != ')')
}

/// The name as a comparison key: "株式会社 東京精機", "東京精機(株)", "㈱東京精機"
/// and "東京精機" all give "東京精機"; "Acme, Inc." and "ACME Co., Ltd." give "acme".
/// A name that is nothing but a legal form keeps it, so it is never empty
/// unless the name is.
pub fn company_key(name: &str) -> String {
    let mut s = normalise(name);
    // Most names hold none of these: no copy for them (a CSV import keys every row).
    if s.contains(['㈱', '㈲']) || s.contains("k.k.") {
        s = s.replace('㈱', "(株)").replace('㈲', "(有)").replace("k.k.", "kk");
    }
    loop {
        let before = s.len();
        let trimmed = s.trim_matches(is_edge);
        if trimmed.len() < s.len() {
            s = trimmed.to_string();
        }
        for form in JAPANESE_FORMS {
            if s.len() > form.len() {
                if let Some(rest) = s.strip_prefix(form).or_else(|| s.strip_suffix(form)) {
                    s = rest.to_string();
                }
            }
        }
        if s.len() == before {
            break;
        }
    }
    let mut words: Vec<&str> = s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    while words.len() > 1 && words.last().is_some_and(|w| WORD_FORMS.contains(w)) {
        words.pop();
    }
    while words.len() > 1 && words.first().is_some_and(|w| WORD_FORMS.contains(w)) {
        words.remove(0);
    }
    words.concat()
}

/// The web domain from whatever was pasted: `https://www.Example.co.jp/about`
/// and `ＥＸＡＭＰＬＥ.co.jp` both give `example.co.jp`; an email gives its host.
/// Width folding and emails on top of `domain::record::normalise_domain`.
pub fn domain_key(text: &str) -> String {
    let d = normalise_domain(&normalise(text));
    match d.rsplit_once('@') {
        Some((_, host)) => host.to_string(),
        None => d,
    }
}

/// The company domain of an email address, when it has one (`Taro@Example.CO.JP`
/// → `example.co.jp`).
pub fn email_domain(email: &str) -> Option<String> {
    let (_, host) = email.trim().rsplit_once('@')?;
    let d = domain_key(host);
    d.contains('.').then_some(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn japanese_legal_forms_and_widths_fold_away() {
        for name in ["株式会社 東京精機", "東京精機株式会社", "東京精機(株)", "東京精機（株）", "㈱東京精機", " 東京精機 ", "東京精機"]
        {
            assert_eq!(company_key(name), "東京精機", "{name}");
        }
    }

    #[test]
    fn english_legal_forms_punctuation_and_case_fold_away() {
        for name in ["Acme, Inc.", "ACME Co., Ltd.", "acme corporation", "Ａｃｍｅ", "The Acme"] {
            let k = company_key(name);
            if name == "The Acme" {
                assert_eq!(k, "theacme", "only legal forms are dropped");
            } else {
                assert_eq!(k, "acme", "{name}");
            }
        }
        assert_eq!(company_key("Costco"), "costco", "a legal form inside a word stays");
        assert_eq!(company_key("Sony Group K.K."), "sonygroup");
    }

    #[test]
    fn a_name_that_is_only_a_legal_form_is_kept() {
        assert_eq!(company_key("株式会社"), "株式会社");
        assert_eq!(company_key("Inc."), "inc");
        assert_eq!(company_key(""), "");
    }

    #[test]
    fn domains() {
        assert_eq!(domain_key("https://www.Example.co.jp/about?x=1"), "example.co.jp");
        assert_eq!(domain_key("ＥＸＡＭＰＬＥ.com"), "example.com");
        assert_eq!(domain_key("taro@example.com"), "example.com");
        assert_eq!(domain_key(""), "");
        assert_eq!(email_domain("Taro.Yamada@Example.CO.JP"), Some("example.co.jp".into()));
        assert_eq!(email_domain("no-at-sign"), None);
        assert_eq!(email_domain("x@localhost"), None);
    }
}
