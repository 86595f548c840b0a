//! Turns serde_json's syntax errors into a [`SyntaxDetail`] at a line and column.

use super::problems::{Location, Problem, ProblemKind, SyntaxDetail};
use serde_json::error::Category;

pub fn syntax_problem(e: &serde_json::Error) -> Problem {
    syntax_problem_at(e, e.line(), e.column())
}

/// The problem of `e`, found in a piece of a file, at its place in the file.
pub fn syntax_problem_at(e: &serde_json::Error, line: usize, column: usize) -> Problem {
    let message = e.to_string();
    let bare = message.rsplit_once(" at line ").map_or(message.as_str(), |(m, _)| m);
    let detail = if e.classify() == Category::Eof { SyntaxDetail::EndsTooEarly } else { classify(bare) };
    Problem::error(Location::Text { line, column }, ProblemKind::Syntax(detail))
}

fn classify(m: &str) -> SyntaxDetail {
    match m {
        "trailing comma" => SyntaxDetail::TrailingComma,
        "expected `,` or `]`" | "expected `,` or `}`" => SyntaxDetail::ExpectedCommaOrEnd,
        "expected value" | "expected ident" => SyntaxDetail::ExpectedValue,
        "expected `:`" => SyntaxDetail::ExpectedColon,
        "trailing characters" => SyntaxDetail::TrailingCharacters,
        "invalid number" | "number out of range" => SyntaxDetail::InvalidNumber,
        "key must be a string" => SyntaxDetail::KeyMustBeText,
        "recursion limit exceeded" => SyntaxDetail::TooDeeplyNested,
        m if m.starts_with("control character") => SyntaxDetail::ControlCharacterInText,
        m if m.contains("escape") || m.contains("surrogate") || m.contains("unicode code point") => SyntaxDetail::InvalidEscape,
        m if m.starts_with("EOF while parsing") => SyntaxDetail::EndsTooEarly,
        other => SyntaxDetail::Other(other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn detail(text: &str) -> (SyntaxDetail, Location) {
        let e = serde_json::from_str::<serde_json::Value>(text).unwrap_err();
        let p = syntax_problem(&e);
        match p.kind {
            ProblemKind::Syntax(d) => (d, p.location),
            other => panic!("not a syntax problem: {other:?}"),
        }
    }

    #[test]
    fn classifies_common_breakage_with_position() {
        assert_eq!(detail("{\"a\": 1,}").0, SyntaxDetail::TrailingComma);
        assert_eq!(detail("{\"a\": 1 \"b\": 2}").0, SyntaxDetail::ExpectedCommaOrEnd);
        assert_eq!(detail("{\"a\": }").0, SyntaxDetail::ExpectedValue);
        assert_eq!(detail("{\"a\" 1}").0, SyntaxDetail::ExpectedColon);
        assert_eq!(detail("{} x").0, SyntaxDetail::TrailingCharacters);
        assert_eq!(detail("{\"a\": 01}").0, SyntaxDetail::InvalidNumber);
        assert_eq!(detail("{\"a\": \"\\q\"}").0, SyntaxDetail::InvalidEscape);
        assert_eq!(detail("{\"a\": \"x\ny\"}").0, SyntaxDetail::ControlCharacterInText);
        assert_eq!(detail("{a: 1}").0, SyntaxDetail::KeyMustBeText);
        assert_eq!(detail("{\"a\": [1, 2").0, SyntaxDetail::EndsTooEarly);
        assert_eq!(detail(&"[".repeat(200)).0, SyntaxDetail::TooDeeplyNested);
        assert_eq!(detail("{\"a\": NaN}").0, SyntaxDetail::ExpectedValue);
        assert_eq!(detail("{\n  \"a\": 1,\n  \"b\": 2\n  \"c\": 3\n}").1, Location::Text { line: 4, column: 3 });
    }
}
