//! The core's folders depend on each other in one order, stated in
//! ARCHITECTURE.md ("Dependency order"): a folder may use the folders of lower
//! layers only. This test reads every `crate::…` path outside test code and
//! fails on a use against that order, which also rules out every cycle. Tests
//! may use any folder (the demo is their fixture).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Lowest first. Folders in one layer do not use each other.
const LAYERS: &[&[&str]] = &[
    &["domain"],
    &["icp", "kpi"],
    &["prioritisation"],
    &["prediction"],
    &["data_quality"],
    &["plan_file", "editing"],
    &["csv_io", "persistence"],
    &["accounts", "account_plans", "checklist", "demo"],
    &["workbook"],
];

/// The browser shell: the core never names it.
const SHELL: &[&str] = &["ui", "browser"];

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|l| l.contains(&module))
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The file's code without comments and test code: files of tests, and everything from
/// an inline `#[cfg(test)] mod … {` (kept last in a file, by convention) on.
fn non_test_text(path: &Path) -> String {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    if name == "tests.rs" || name.ends_with("_tests.rs") {
        return String::new();
    }
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let lines: Vec<&str> = text.lines().collect();
    let mut kept = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if lines[i].trim() == "#[cfg(test)]" {
            let next = lines.get(i + 1).map(|l| l.trim()).unwrap_or("");
            if next.starts_with("mod ") && next.ends_with('{') {
                break;
            }
            // An attribute on a declaration (`mod parts_tests;`, a test helper):
            // that item alone is test code.
            i += 2;
            continue;
        }
        // A comment naming a folder (a doc link) is not a use of it.
        if !lines[i].trim_start().starts_with("//") {
            kept.push(lines[i]);
        }
        i += 1;
    }
    kept.join("\n")
}

/// The top-level folders a text names as `crate::name`.
fn crate_paths(text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for (at, _) in text.match_indices("crate::") {
        // `$crate::` in macros, `my_crate::` elsewhere: not this crate's path.
        let before = text[..at].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$') {
            continue;
        }
        let rest = &text[at + "crate::".len()..];
        let name: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
        if !name.is_empty() {
            out.insert(name);
        }
    }
    out
}

fn module_of(src: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(src).unwrap_or(file);
    let first = rel.components().next().map(|c| c.as_os_str().to_string_lossy().into_owned()).unwrap_or_default();
    first.trim_end_matches(".rs").to_string()
}

#[test]
fn core_folders_use_only_lower_layers() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    let mut wrong = Vec::new();
    let mut seen = BTreeSet::new();
    for file in &files {
        let module = module_of(&src, file);
        // Entry points (main.rs, the workbook worker's bin/) and static web files.
        if SHELL.contains(&module.as_str()) || ["lib", "main", "bin", "web"].contains(&module.as_str()) {
            continue;
        }
        let Some(own) = layer_of(&module) else {
            wrong.push(format!("{module}: not in LAYERS (add it, and to ARCHITECTURE.md)"));
            continue;
        };
        seen.insert(module.clone());
        for used in crate_paths(&non_test_text(file)) {
            if used == module {
                continue;
            }
            let rel = file.strip_prefix(&src).unwrap_or(file).display();
            match layer_of(&used) {
                Some(l) if l < own => {}
                Some(_) => wrong.push(format!("{rel}: {module} uses {used}, which is not below it")),
                None if SHELL.contains(&used.as_str()) => wrong.push(format!("{rel}: the core uses the shell ({used})")),
                None => wrong.push(format!("{rel}: uses {used}, which is not in LAYERS")),
            }
        }
    }
    wrong.sort();
    wrong.dedup();
    assert!(wrong.is_empty(), "dependency order broken:\n{}", wrong.join("\n"));
    let listed: BTreeSet<String> = LAYERS.iter().flat_map(|l| l.iter().map(|s| s.to_string())).collect();
    assert_eq!(seen, listed, "every listed folder exists");
}

#[test]
fn the_reader_finds_what_the_order_forbids() {
    // The checks themselves, on text: a use found, test code left out.
    let text =
        "//! See `crate::ui`.\nuse crate::data_quality::x;\nfn f() { crate::editing::apply(); $crate::no; }\n#[cfg(test)]\nmod tests {\n use crate::demo::y;\n}\n";
    let dir = std::env::temp_dir().join(format!("module-order-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("sample.rs");
    std::fs::write(&file, text).unwrap();
    let found = crate_paths(&non_test_text(&file));
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!(found, ["editing", "data_quality"].iter().map(|s| s.to_string()).collect());
    assert!(layer_of("data_quality") < layer_of("editing"), "editing may use data_quality, not the reverse");
}
