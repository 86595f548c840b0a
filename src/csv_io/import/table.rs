//! Text to a table: the delimiter is detected, then the `csv` crate parses
//! (RFC 4180 quoting: fields in double quotes, `""` for a quote, line breaks
//! inside quotes). Rows keep their line number in the file for messages.

/// Delimiters tried, in order of preference when two fit equally well.
const DELIMITERS: [u8; 4] = [b',', b'\t', b';', b'|'];

/// Rows read to choose the delimiter.
const SNIFF_ROWS: usize = 50;

/// A parsed file: its headings and rows. The cells of all rows are kept in one
/// text with their ends, not a `String` each: a 64 MB export of two million
/// short rows would otherwise take several hundred MB of the tab's memory.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Table {
    pub delimiter: u8,
    pub headers: Vec<String>,
    /// Every cell's text, trimmed, one after another.
    text: String,
    /// Where each cell ends in `text`.
    ends: Vec<u32>,
    /// Per row: the line it starts on and its first cell in `ends`.
    starts: Vec<(u32, u32)>,
    /// Where quotes broke the file's rows, in file order: each is a row left
    /// out of `starts` (see [`Structure`]).
    pub structure: Vec<Structure>,
}

/// Quotes that broke a file's rows. CSV lets a quoted value run over several
/// lines, so one stray `"` can swallow every line after it into one value;
/// these are found and said, never passed on as data.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Structure {
    /// The line the broken row starts on.
    pub line: u64,
    /// The last line it took in.
    pub last_line: u64,
    pub kind: StructureKind,
    /// That line's text as written (at most [`SHOWN_TEXT`] characters), so the
    /// problem list can show which record it was.
    pub text: String,
}

/// Characters of a broken line kept to show it.
pub const SHOWN_TEXT: usize = 120;

/// The first line of `body`, shortened to [`SHOWN_TEXT`] characters.
fn first_line(body: &[u8]) -> String {
    let line = body.split(|&b| b == b'\n').next().unwrap_or_default();
    shorten(String::from_utf8_lossy(line).trim_end_matches('\r'))
}

/// `text` cut to [`SHOWN_TEXT`] characters, with "…" when it was longer.
pub fn shorten(text: &str) -> String {
    match text.char_indices().nth(SHOWN_TEXT) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_string(),
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum StructureKind {
    /// A quote opened on `line` is never closed: the row is left out and the
    /// lines after it are read again as rows of their own.
    UnclosedQuote,
    /// Quotes joined lines `line`–`last_line` into one row of `cells` cells
    /// where the headings have `expected`: the row is left out.
    JoinedLines { cells: usize, expected: usize },
    /// A quoted value on this one line closes in the middle of a value
    /// (`"Beta Inc,"Retail",…`): where its values start and end cannot be
    /// told, so the row is left out rather than read with values glued.
    StrayQuote,
}

impl Structure {
    /// Lines of the file the row took in.
    pub fn lines(&self) -> u64 {
        self.last_line - self.line + 1
    }
}

/// One row of a [`Table`].
#[derive(Clone, Copy, Debug)]
pub struct Row<'t> {
    /// Line of the file the row starts on (1 is the header).
    pub line: u64,
    text: &'t str,
    /// Where the cell before the first one ends (0 for the first cell of all).
    from: u32,
    ends: &'t [u32],
}

impl<'t> Row<'t> {
    /// How many cells the row has (rows may be ragged).
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The text of cell `i`, if the row has one.
    pub fn cell(&self, i: usize) -> Option<&'t str> {
        let end = *self.ends.get(i)?;
        let start = if i == 0 { self.from } else { self.ends[i - 1] };
        self.text.get(start as usize..end as usize)
    }

    pub fn cells(&self) -> impl Iterator<Item = &'t str> + '_ {
        (0..self.len()).filter_map(|i| self.cell(i))
    }
}

impl Table {
    /// Number of rows below the headings.
    pub fn len(&self) -> usize {
        self.starts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.starts.is_empty()
    }

    /// Row `i` (0 is the first row below the headings).
    pub fn row(&self, i: usize) -> Option<Row<'_>> {
        let &(line, first) = self.starts.get(i)?;
        let last = self.starts.get(i + 1).map_or(self.ends.len(), |&(_, next)| next as usize);
        let from = if first == 0 { 0 } else { self.ends[first as usize - 1] };
        Some(Row { line: u64::from(line), text: &self.text, from, ends: self.ends.get(first as usize..last)? })
    }

    pub fn rows(&self) -> impl Iterator<Item = Row<'_>> + '_ {
        (0..self.len()).filter_map(|i| self.row(i))
    }

    /// A table of `headers` and no rows yet, for rows read from elsewhere than
    /// a CSV's text (a workbook's sheet): [`Table::push`] each, then
    /// [`Table::shrunk`].
    pub fn with_headers(headers: Vec<String>) -> Self {
        Table { delimiter: b',', headers, ..Table::default() }
    }

    /// Adds a row that starts on `line`, its cells trimmed.
    pub fn push<'c>(&mut self, line: u64, cells: impl IntoIterator<Item = &'c str>) {
        self.starts.push((line as u32, self.ends.len() as u32));
        for cell in cells {
            self.text.push_str(cell.trim());
            self.ends.push(self.text.len() as u32);
        }
    }

    /// The table without the room kept for more rows.
    pub fn shrunk(mut self) -> Self {
        self.text.shrink_to_fit();
        self.ends.shrink_to_fit();
        self.starts.shrink_to_fit();
        self
    }
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

/// Reads rows as they are: the first row is not taken as headings, ragged rows
/// are kept, nothing is trimmed (that is decided here, per cell).
fn builder(delimiter: u8) -> csv::ReaderBuilder {
    let mut b = csv::ReaderBuilder::new();
    b.delimiter(delimiter).has_headers(false).flexible(true).trim(csv::Trim::None);
    b
}

/// How well `delimiter` splits the first rows: the header's field count when
/// it has more than one field and most rows agree with it, else 0.
fn fit(text: &str, delimiter: u8) -> usize {
    let mut widths = Vec::new();
    for record in builder(delimiter).from_reader(text.as_bytes()).records().take(SNIFF_ROWS) {
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
struct LineCounter {
    byte: usize,
    line: u64,
}

impl LineCounter {
    /// The line of the first character at or after `byte` of `text` that is not
    /// a line end.
    fn at(&mut self, text: &[u8], byte: u64) -> u64 {
        let mut b = usize::try_from(byte).unwrap_or(usize::MAX).min(text.len());
        while b < text.len() && matches!(text[b], b'\r' | b'\n') {
            b += 1;
        }
        if b >= self.byte {
            self.line += memchr::memchr_iter(b'\n', &text[self.byte..b]).count() as u64;
            self.byte = b;
        }
        self.line
    }
}

/// Parsing a text a stretch at a time, so a large file does not hold the page
/// in one task: [`TableParser::step`] until it says done, then
/// [`TableParser::finish`]. Blank lines are skipped; cells are trimmed of
/// surrounding spaces (CRM exports pad them).
pub struct TableParser {
    /// Owns the text, so the parser can live across the page's turns.
    reader: csv::Reader<std::io::Cursor<String>>,
    record: csv::StringRecord,
    lines: LineCounter,
    table: Table,
    headed: bool,
    done: Option<Result<(), TableProblem>>,
}

impl TableParser {
    pub fn new(text: String, delimiter: u8) -> Self {
        // The cells are at most the text: room for them at once, so the table's
        // text is never copied to a larger buffer in the middle of a step.
        let table = Table { delimiter, text: String::with_capacity(text.len()), ..Table::default() };
        TableParser {
            reader: builder(delimiter).from_reader(std::io::Cursor::new(text)),
            record: csv::StringRecord::new(),
            lines: LineCounter { byte: 0, line: 1 },
            table,
            headed: false,
            done: None,
        }
    }

    /// Share of the text parsed so far (0–1).
    pub fn progress(&self) -> f64 {
        let total = self.reader.get_ref().get_ref().len();
        if total == 0 {
            1.0
        } else {
            self.reader.position().byte() as f64 / total as f64
        }
    }

    /// Parses at least one more row and at least `bytes` more of the text;
    /// true when the whole text is parsed or the parser stopped at a problem.
    pub fn step(&mut self, bytes: usize) -> bool {
        if self.done.is_some() {
            return true;
        }
        let stop = self.reader.position().byte().saturating_add(bytes as u64);
        loop {
            match self.reader.read_record(&mut self.record) {
                Ok(true) => {}
                Ok(false) => {
                    self.done = Some(Ok(()));
                    return true;
                }
                Err(e) => {
                    let text = self.reader.get_ref().get_ref().as_bytes();
                    let line = self.lines.at(text, e.position().map_or(0, |p| p.byte()));
                    self.done = Some(Err(TableProblem::Unreadable { line }));
                    return true;
                }
            }
            if self.record.iter().all(|c| c.trim().is_empty()) {
                continue;
            }
            let text = self.reader.get_ref().get_ref().as_bytes();
            let start = self.record.position().map_or(0, |p| p.byte());
            let line = self.lines.at(text, start);
            if self.headed && self.broken(start, line) {
                continue;
            }
            if self.headed {
                self.table.push(line, &self.record);
            } else {
                self.table.headers = self.record.iter().map(|c| c.trim().to_string()).collect();
                self.headed = true;
            }
            if self.reader.position().byte() >= stop {
                return false;
            }
        }
    }

    /// Whether the record just read, starting at byte `start` on `line`, was
    /// broken by quotes; if so it is noted in the table's structure (and, for a
    /// quote never closed, reading goes on from the next line).
    fn broken(&mut self, start: u64, line: u64) -> bool {
        let text = self.reader.get_ref().get_ref().as_bytes();
        let end = usize::try_from(self.reader.position().byte()).unwrap_or(usize::MAX).min(text.len());
        let mut start = usize::try_from(start).unwrap_or(usize::MAX).min(end);
        // The record's own text, without line ends before it (its position can
        // be taken before the previous line's end) or the one that closed it.
        while start < end && matches!(text[start], b'\r' | b'\n') {
            start += 1;
        }
        let mut body = &text[start..end];
        while let [rest @ .., b'\r' | b'\n'] = body {
            body = rest;
        }
        let breaks = memchr::memchr_iter(b'\n', body).count() as u64;
        if breaks == 0 && memchr::memchr(b'"', body).is_none() {
            return false;
        }
        let last_line = line + breaks;
        let quotes = memchr::memchr_iter(b'"', body).count();
        let expected = self.table.headers.len();
        let unclosed_at_end = quotes % 2 == 1 && end == text.len();
        let proper = quoted_properly(body, self.table.delimiter);
        if breaks == 0 && !unclosed_at_end {
            if !proper {
                self.table.structure.push(Structure { line, last_line, kind: StructureKind::StrayQuote, text: first_line(body) });
            }
            return !proper;
        }
        if unclosed_at_end || !proper {
            // The file ended inside a quoted value: the quote that opened it
            // was never closed. Read again from the line after it.
            self.table.structure.push(Structure { line, last_line, kind: StructureKind::UnclosedQuote, text: first_line(body) });
            let next_line = memchr::memchr(b'\n', &text[start..]).map_or(text.len(), |i| start + i + 1);
            let mut at = csv::Position::new();
            at.set_byte(next_line as u64).set_line(line + 1);
            if self.reader.seek(at).is_err() {
                self.done = Some(Err(TableProblem::Unreadable { line }));
            }
            return true;
        }
        if self.record.len() != expected {
            let kind = StructureKind::JoinedLines { cells: self.record.len(), expected };
            self.table.structure.push(Structure { line, last_line, kind, text: first_line(body) });
            return true;
        }
        false
    }

    /// The table, once [`TableParser::step`] said done (else what was parsed so far).
    pub fn finish(self) -> Result<Table, TableProblem> {
        if let Some(Err(problem)) = self.done {
            return Err(problem);
        }
        if !self.headed {
            return Err(TableProblem::Empty);
        }
        Ok(self.table.shrunk())
    }
}

/// Whether every quoted value in a record's text closes where a value ends (at
/// a delimiter or the line's end). A quote that "closes" in the middle of a
/// value means the quote that opened it was a stray one that took in the
/// lines after it.
fn quoted_properly(body: &[u8], delimiter: u8) -> bool {
    let mut i = 0;
    while i < body.len() {
        if body[i] == b'"' {
            // A quoted value: find its closing quote (`""` is a quote inside).
            i += 1;
            loop {
                match memchr::memchr(b'"', &body[i..]) {
                    None => return true,
                    Some(q) if body.get(i + q + 1) == Some(&b'"') => i += q + 2,
                    Some(q) => {
                        i += q + 1;
                        break;
                    }
                }
            }
            match body.get(i) {
                None => return true,
                Some(&c) if c == delimiter || c == b'\r' || c == b'\n' => {}
                Some(_) => return false,
            }
        }
        // To the next value (quotes inside an unquoted value are plain text).
        match body[i..].iter().position(|&c| c == delimiter) {
            Some(d) => i += d + 1,
            None => return true,
        }
    }
    true
}

/// Parses `text` with `delimiter` in one go (see [`TableParser`]).
pub fn parse(text: &str, delimiter: u8) -> Result<Table, TableProblem> {
    let mut parser = TableParser::new(text.to_string(), delimiter);
    while !parser.step(usize::MAX) {}
    parser.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(t: &Table, i: usize) -> Vec<&str> {
        t.row(i).map(|r| r.cells().collect()).unwrap_or_default()
    }

    fn lines(t: &Table) -> Vec<u64> {
        t.rows().map(|r| r.line).collect()
    }

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
        assert_eq!(cells(&t, 0), vec!["Acme, Inc.", "line one\nline \"two\""]);
        assert_eq!(cells(&t, 1), vec!["Beta", "x"]);
        assert_eq!(lines(&t), vec![2, 4]);
    }

    #[test]
    fn ragged_rows_are_kept_for_the_caller_to_judge_and_blank_lines_skipped() {
        let t = parse("a,b\n\n1\n1,2,3\r\n,,\n", b',').unwrap();
        assert_eq!(t.len(), 2);
        assert_eq!(cells(&t, 0), vec!["1"]);
        assert_eq!(cells(&t, 1), vec!["1", "2", "3"]);
        assert_eq!(t.row(1).and_then(|r| r.cell(3)), None);
    }

    #[test]
    fn line_numbers_hold_for_crlf_and_lf_and_quoted_line_breaks() {
        for text in ["h1,h2\r\na,b\r\n\r\nc,d\r\n\"x\r\ny\",f\r\ng,h\r\n", "h1,h2\na,b\n\nc,d\n\"x\ny\",f\ng,h\n"] {
            let t = parse(text, b',').unwrap();
            assert_eq!(lines(&t), vec![2, 4, 5, 7], "{text:?}");
        }
    }

    #[test]
    fn parsing_in_steps_of_any_size_gives_the_same_table_or_problem() {
        let texts =
            ["会社名,メモ\n\"Acme, Inc.\",\"line one\nline \"\"two\"\"\"\n  Beta  ,x\n\n,,\r\nγ,δ,ε\r\n", "a,b\n1,2\n\"never closed,3\n", "\n\n , \n", ""];
        for text in texts {
            let whole = parse(text, b',');
            for bytes in [0, 1, 2, 3, 7, 64] {
                let mut parser = TableParser::new(text.to_string(), b',');
                let mut steps = 0;
                while !parser.step(bytes) {
                    steps += 1;
                    assert!(steps <= text.len() + 1, "a step always advances");
                }
                assert_eq!(parser.finish(), whole, "{text:?} in steps of {bytes}");
            }
        }
    }

    #[test]
    fn an_unclosed_quote_is_said_and_the_lines_after_it_are_read_again() {
        for end in ["\n", "\r\n"] {
            let text = ["名前,数", "a,1", "b,2", "\"c,3", "d,4", "e,5", "f,6", ""].join(end);
            let t = parse(&text, b',').unwrap();
            assert_eq!(t.structure, vec![Structure { line: 4, last_line: 7, kind: StructureKind::UnclosedQuote, text: "\"c,3".into() }], "{end:?}");
            assert_eq!(lines(&t), vec![2, 3, 5, 6, 7], "every line but the broken one is a row");
            assert_eq!(cells(&t, 2), vec!["d", "4"]);
        }
        // Two of them: each is said, and reading goes on after each.
        let t = parse("h1,h2\n\"a,1\nb,2\n\"c,3\nd,4\n", b',').unwrap();
        assert_eq!(t.structure.iter().map(|s| s.line).collect::<Vec<_>>(), vec![2, 4]);
        assert_eq!(lines(&t), vec![3, 5]);
    }

    #[test]
    fn a_quote_that_closes_inside_a_value_on_one_line_is_said() {
        let t = parse("name,industry,n\n\"Beta Inc,\"Retail\",3\nGamma,Logistics,4\n", b',').unwrap();
        assert_eq!(t.structure, vec![Structure { line: 2, last_line: 2, kind: StructureKind::StrayQuote, text: "\"Beta Inc,\"Retail\",3".into() }]);
        assert_eq!(lines(&t), vec![3]);
        // Quotes inside an unquoted value, and quoted values, are fine.
        let t = parse("name,n\nAcme 5\" Pipes,1\n\"Beta, Inc.\",2\n\"Say \"\"hi\"\"\",3\n", b',').unwrap();
        assert!(t.structure.is_empty());
        assert_eq!(lines(&t), vec![2, 3, 4]);
    }

    #[test]
    fn quotes_that_join_lines_into_a_row_of_the_wrong_width_are_said() {
        // A stray quote on line 3 is closed by the one on line 5: lines 3–5 read
        // as one row of 3 cells where the headings have 2.
        let t = parse("name,n\na,1\n\"b,2\nc,3\nd\",4,5\ne,5\n", b',').unwrap();
        let kind = StructureKind::JoinedLines { cells: 3, expected: 2 };
        assert_eq!(t.structure, vec![Structure { line: 3, last_line: 5, kind, text: "\"b,2".into() }]);
        assert_eq!(lines(&t), vec![2, 6]);
        // A quoted value over several lines, in a row of the right width, is fine.
        let t = parse("name,note\na,\"one\ntwo\"\nb,x\n", b',').unwrap();
        assert!(t.structure.is_empty());
        assert_eq!(lines(&t), vec![2, 4]);
    }

    #[test]
    fn empty_files_are_refused() {
        assert_eq!(parse("", b','), Err(TableProblem::Empty));
        assert_eq!(parse("\n\n , \n", b','), Err(TableProblem::Empty));
    }
}
