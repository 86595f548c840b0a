//! Japanese and English are both first-class: every text exists in both locale
//! files, with the same placeholders.

use serde_json::Value;
use std::collections::BTreeMap;

fn flatten(prefix: &str, v: &Value, out: &mut BTreeMap<String, String>) {
    match v {
        Value::Object(map) => {
            for (k, v) in map {
                let key = if prefix.is_empty() { k.clone() } else { format!("{prefix}.{k}") };
                flatten(&key, v, out);
            }
        }
        Value::String(s) => {
            out.insert(prefix.to_string(), s.clone());
        }
        other => panic!("{prefix}: unexpected {other}"),
    }
}

fn load(name: &str) -> BTreeMap<String, String> {
    let path = format!("{}/locales/{name}.json", env!("CARGO_MANIFEST_DIR"));
    let v: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let mut out = BTreeMap::new();
    flatten("", &v, &mut out);
    // Plural forms (`key_one`, `key_other`) are one key.
    out.into_iter().map(|(k, v)| (k.strip_suffix("_one").or(k.strip_suffix("_other")).unwrap_or(&k).to_string(), v)).collect()
}

fn placeholders(s: &str) -> Vec<String> {
    let mut out: Vec<String> = s.split("{{").skip(1).filter_map(|p| p.split_once("}}")).map(|(n, _)| n.trim().to_string()).collect();
    out.sort();
    out.dedup();
    out
}

#[test]
fn english_and_japanese_have_the_same_keys_and_placeholders() {
    let en = load("en");
    let ja = load("ja");
    let missing_ja: Vec<&String> = en.keys().filter(|k| !ja.contains_key(*k)).collect();
    let missing_en: Vec<&String> = ja.keys().filter(|k| !en.contains_key(*k)).collect();
    assert!(missing_ja.is_empty(), "missing in ja.json: {missing_ja:?}");
    assert!(missing_en.is_empty(), "missing in en.json: {missing_en:?}");
    for (k, v) in &en {
        assert_eq!(placeholders(v), placeholders(&ja[k]), "placeholders differ for {k}");
        assert!(!ja[k].trim().is_empty() || v.trim().is_empty(), "{k} is empty in ja.json");
    }
}

fn raw(name: &str) -> BTreeMap<String, String> {
    let path = format!("{}/locales/{name}.json", env!("CARGO_MANIFEST_DIR"));
    let v: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let mut out = BTreeMap::new();
    flatten("", &v, &mut out);
    out
}

/// docs/glossary.md: one Japanese term per concept. The words it replaced
/// must not come back.
#[test]
fn japanese_uses_one_term_per_concept() {
    let banned = [
        ("担当者", "コンタクト (a customer's person) or 担当 (our owner)"),
        ("人物", "コンタクト"),
        ("ターゲット企業", "ターゲットアカウント"),
        ("優先順位づけ", "優先順位付け"),
        ("期待される機会収益", "想定案件規模"),
        ("見込み案件規模", "想定案件規模"),
    ];
    for (key, text) in raw("ja") {
        for (word, instead) in banned {
            assert!(!text.contains(word), "ja.json {key} writes {word}; the glossary's term is {instead}: {text}");
        }
    }
}

/// A count followed by a countable noun agrees with it: such a text has a
/// `_one` form ("1 account", not "1 accounts"), or the number there is never 1.
#[test]
fn english_counts_agree_with_their_nouns() {
    let nouns = [
        "accounts",
        "contacts",
        "deals",
        "activities",
        "records",
        "rows",
        "lines",
        "days",
        "points",
        "goals",
        "problems",
        "changes",
        "people",
        "criteria",
        "customers",
        "responses",
        "members",
        "steps",
        "actions",
        "campaigns",
        "plans",
        "cells",
        "companies",
        "promoters",
        "detractors",
    ];
    // Numbers that are never 1: ranges' ends, a fixed minimum, the method's eight steps.
    let never_one = ["dash.bucket", "dq.too_little", "checklist.progress", "dq.pk_joined", "dq.worst_more", "dq.auc"];
    let en = raw("en");
    let has_one = |key: &str| {
        let base = key.strip_suffix("_other").unwrap_or(key);
        en.contains_key(&format!("{base}_one"))
    };
    for (key, text) in &en {
        if key.ends_with("_one") || never_one.iter().any(|k| key.starts_with(k)) {
            continue;
        }
        let words: Vec<&str> = text.split_whitespace().collect();
        for pair in words.windows(2) {
            let counted =
                pair[0].ends_with("}}") && pair[1].starts_with(char::is_alphabetic) && nouns.contains(&pair[1].trim_matches(|c: char| !c.is_alphabetic()));
            assert!(!counted || has_one(key), "en.json {key} counts \"{} {}\" without a _one form: {text}", pair[0], pair[1]);
        }
    }
    for (key, text) in en.iter().filter(|(k, _)| k.ends_with("_one")) {
        let words: Vec<&str> = text.split_whitespace().collect();
        for pair in words.windows(2) {
            let plural = (pair[0].ends_with("{{ n }}") || pair[0].ends_with("{{ count }}"))
                && pair[1].starts_with(char::is_alphabetic)
                && nouns.contains(&pair[1].trim_matches(|c: char| !c.is_alphabetic()));
            assert!(!plural, "en.json {key} is the singular form but says \"{} {}\": {text}", pair[0], pair[1]);
        }
    }
}

/// The KPI definitions the dashboard opens in place (`kpi_help` in the
/// locales) are listed in docs/kpis.md, between the markers, in both
/// languages: one source for the app and the docs. After changing the
/// locales, `UPDATE_EXPECT=1 cargo test --test locales` rewrites the table.
#[test]
fn kpi_definitions_in_the_app_are_the_ones_in_the_docs() {
    const START: &str = "<!-- kpi_help: generated from locales/*.json by tests/locales.rs -->";
    const END: &str = "<!-- end of kpi_help -->";
    let (en, ja) = (raw("en"), raw("ja"));
    let mut table = String::from("| KPI | In the app (English) | アプリ内の説明（日本語） |\n| --- | --- | --- |\n");
    let mut keys: Vec<&String> = en.keys().filter(|k| k.starts_with("kpi_help.") && *k != "kpi_help.about").collect();
    keys.sort();
    assert!(keys.len() >= 15, "the dashboard's KPIs each have a definition");
    for k in keys {
        let name = k.trim_start_matches("kpi_help.");
        let label = en.get(&format!("dash.{}", if name == "roi" { "roi_col" } else { name })).cloned().unwrap_or_else(|| name.to_string());
        table.push_str(&format!("| {label} | {} | {} |\n", en[k], ja[k]));
    }
    let path = format!("{}/docs/kpis.md", env!("CARGO_MANIFEST_DIR"));
    let doc = std::fs::read_to_string(&path).unwrap();
    let (Some(a), Some(b)) = (doc.find(START), doc.find(END)) else { panic!("docs/kpis.md lacks the kpi_help markers") };
    let current = &doc[a + START.len()..b];
    let wanted = format!("\n{table}");
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        std::fs::write(&path, format!("{}{wanted}{}", &doc[..a + START.len()], &doc[b..])).unwrap();
        return;
    }
    assert_eq!(current, wanted, "docs/kpis.md's KPI table is out of date: UPDATE_EXPECT=1 cargo test --test locales");
}
