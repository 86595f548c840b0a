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
    out.into_iter()
        .map(|(k, v)| (k.strip_suffix("_one").or(k.strip_suffix("_other")).unwrap_or(&k).to_string(), v))
        .collect()
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
