//! Text to a table: the delimiter is detected, then the `csv` crate parses
//! (RFC 4180 quoting: fields in double quotes, `""` for a quote, line breaks
//! inside quotes). Rows keep their line number in the file for messages.

/// Delimiters tried, in order of preference when two fit equally well.
const DELIMITERS: [u8; 4] = [b',', b'\t', b';', b'|'];

/// Rows read to choose the delimiter.
const SNIFF_ROWS: usize = 50;

#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    pub delimiter: u8,
    pub headers: Vec<String>,
    pub rows: Vec<Row>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// Line of the file the row starts on (1 is the header).
    pub line: u64,
    pub cells: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TableProblem {
    /// Nothing but blank lines.
    Empty,
    /// The parser stopped at this line.
    Unreadable { line: u64 },
    /// Larger than `MAX_CSV_BYTES`: reading it would hold the tab for many seconds.
    TooLarge { bytes: u64, limit: u64 },
}

fn reader(text: &str, delimiter: u8, headers: bool) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(headers)
        .flexible(true)
        .trim(csv::Trim::None)
        .from_reader(text.as_bytes())
}

/// How well `delimiter` splits the first rows: the header's field count when
/// it has more than one field and most rows agree with it, else 0.
fn fit(text: &str, delimiter: u8) -> usize {
    let mut widths = Vec::new();
    for record in reader(text, delimiter, false).records().take(SNIFF_ROWS) {
        let Ok(record) = record else { break };
        if record.iter().all(str::is_empty) {
            continue;
        }
        widths.push(record.len());
    }
    let Some(&header) = widths.first() else { return 0 };
    let agreeing = widths.iter().filter(|&&w| w == header).count();
    if header > 1 && agreeing * 10 >= widths.len() * 8 {
        header
    } else {
        0
    }
}

/// The delimiter that splits the file into the most consistent columns (a comma
/// when none does: a one-column file).
pub fn detect_delimiter(text: &str) -> u8 {
    let mut best = (0, b',');
    for d in DELIMITERS {
        let f = fit(text, d);
        if f > best.0 {
            best = (f, d);
        }
    }
    best.1
}

/// Line numbers as a text editor shows them. The parser's own line count is one
/// short after CRLF line ends (a record's position is taken before the `\n` of
/// the previous CRLF), so lines are counted from byte offsets here.
struct LineCounter<'a> {
    text: &'a [u8],
    byte: usize,
    line: u64,
}

impl LineCounter<'_> {
    /// The line of the first character at or after `byte` that is not a line end.
    fn at(&mut self, byte: u64) -> u64 {
        let mut b = usize::try_from(byte).unwrap_or(usize::MAX).min(self.text.len());
        while b < self.text.len() && matches!(self.text[b], b'\r' | b'\n') {
            b += 1;
        }
        if b >= self.byte {
            self.line += self.text[self.byte..b].iter().filter(|&&c| c == b'\n').count() as u64;
            self.byte = b;
        }
        self.line
    }
}

/// Parses `text` with `delimiter`. Blank lines are skipped; cells are trimmed of
/// surrounding spaces (CRM exports pad them).
pub fn parse(text: &str, delimiter: u8) -> Result<Table, TableProblem> {
    let mut records = reader(text, delimiter, false).into_records();
    let mut lines = LineCounter { text: text.as_bytes(), byte: 0, line: 1 };
    let mut headers = None;
    let mut rows = Vec::new();
    for record in records.by_ref() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = lines.at(e.position().map_or(0, |p| p.byte()));
                return Err(TableProblem::Unreadable { line });
            }
        };
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let line = lines.at(record.position().map_or(0, |p| p.byte()));
        let cells: Vec<String> = record.iter().map(|c| c.trim().to_string()).collect();
        if headers.is_none() {
            headers = Some(cells);
        } else {
            rows.push(Row { line, cells });
        }
    }
    let headers = headers.ok_or(TableProblem::Empty)?;
    Ok(Table { delimiter, headers, rows })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delimiters_are_detected() {
        assert_eq!(detect_delimiter("a,b,c\n1,2,3\n"), b',');
        assert_eq!(detect_delimiter("a\tb\tc\n1\t2,5\t3\n"), b'\t');
        assert_eq!(detect_delimiter("name;revenue\n\"Acme, Inc.\";1,5\n"), b';');
        assert_eq!(detect_delimiter("a|b\n1|2\n"), b'|');
        assert_eq!(detect_delimiter("just one column\nvalue\n"), b',');
    }

    #[test]
    fn quoting_and_line_breaks_inside_fields() {
        let t = parse("会社名,メモ\n\"Acme, Inc.\",\"line one\nline \"\"two\"\"\"\n  Beta  ,x\n", b',').unwrap();
        assert_eq!(t.headers, vec!["会社名", "メモ"]);
        assert_eq!(t.rows[0].cells, vec!["Acme, Inc.", "line one\nline \"two\""]);
        assert_eq!(t.rows[1].cells, vec!["Beta", "x"]);
        assert_eq!((t.rows[0].line, t.rows[1].line), (2, 4));
    }

    #[test]
    fn ragged_rows_are_kept_for_the_caller_to_judge_and_blank_lines_skipped() {
        let t = parse("a,b\n\n1\n1,2,3\r\n,,\n", b',').unwrap();
        assert_eq!(t.rows.len(), 2);
        assert_eq!(t.rows[0].cells, vec!["1"]);
        assert_eq!(t.rows[1].cells.len(), 3);
    }

    #[test]
    fn line_numbers_hold_for_crlf_and_lf_and_quoted_line_breaks() {
        for text in ["h1,h2\r\na,b\r\n\r\nc,d\r\n\"x\r\ny\",f\r\ng,h\r\n", "h1,h2\na,b\n\nc,d\n\"x\ny\",f\ng,h\n"] {
            let t = parse(text, b',').unwrap();
            assert_eq!(t.rows.iter().map(|r| r.line).collect::<Vec<_>>(), vec![2, 4, 5, 7], "{text:?}");
        }
    }

    #[test]
    fn empty_files_are_refused() {
        assert_eq!(parse("", b','), Err(TableProblem::Empty));
        assert_eq!(parse("\n\n , \n", b','), Err(TableProblem::Empty));
    }
}
