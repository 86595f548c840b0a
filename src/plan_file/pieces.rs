//! Reading a plan file a piece at a time, as the browser hands its bytes over,
//! so that the page can answer (show how far it got, take a Cancel) between
//! pieces, and no copy of the whole file is ever made: a 100 MB file read at
//! once kept the tab frozen for two seconds and took 100 MB of the app's
//! memory, which never shrinks.
//!
//! A small scanner follows the file's structure — the envelope object, the
//! plan object, the plan's lists — and hands each complete value to serde_json:
//! a record is read typed at once, or, when it is wrong, from its JSON tree with
//! every problem and its path, as [`super::careful`] does. JSON broken inside
//! a value is placed at the line and column serde_json gives for the whole
//! text (see `PieceReader::placed`). What the scanner does not expect (a file
//! that is not an object, JSON broken between values or right after a number,
//! a record nested absurdly deep) makes it give up: the whole-file reader then
//! says what and where, from the text. So whatever it reports is what the
//! whole file's reader reports (the fuzz test checks this, cut at random
//! places).

use super::careful::{ListRead, PlanParts, Streamed};
use super::decode::{Mode, COLLECTIONS};
use super::envelope::ENVELOPE_KEYS;
use super::import::{check_top, Checking, Imported};
use super::migrate::{chain, RecordMigration};
use super::problems::{FileKind, Problem, ProblemKind};
use super::sniff::TextCheck;
use super::syntax::syntax_problem_at;
use serde::de::IgnoredAny;
use serde_json::{Map, Value};
use std::ops::Range;

/// Deeper than this, a value is left to the whole-file reader, which applies
/// serde_json's nesting limit to the whole file (a piece would get it afresh).
const MAX_DEPTH: u32 = 100;

/// A plan file read as its pieces arrive: [`PieceReader::feed`] each piece in
/// order, then [`PieceReader::finish`].
pub struct PieceReader {
    mode: Mode,
    /// Bytes received and not yet read, from `at` on.
    pending: Vec<u8>,
    at: usize,
    /// How far the value starting at `at` has been scanned.
    scan: Scan,
    place: Place,
    text: TextCheck,
    head: Map<String, Value>,
    unknown: Vec<String>,
    plan: Option<PlanParts>,
    gave_up: bool,
    /// Broken JSON, placed in the file: the pieces after it are only checked
    /// to be text (as the whole-file reader checks first).
    broken: Option<Problem>,
    lines: Lines,
    /// The record steps the plan's records get (none for a current file).
    migration: RecordMigration,
}

/// Where the bytes already read and dropped end: to place a problem found in a
/// piece at its line and column in the file.
#[derive(Default)]
struct Lines {
    /// How many bytes were dropped.
    offset: usize,
    /// How many line breaks they held.
    breaks: usize,
    /// Where the line they end in starts.
    line_start: usize,
}

/// Where in the file's structure the reader is.
enum Place {
    /// Before the file's opening `{`.
    Start,
    /// After `{` (`first`) or `,` in an object: a key next.
    Key {
        level: Level,
        first: bool,
    },
    Colon {
        level: Level,
        slot: Slot,
    },
    Value {
        level: Level,
        slot: Slot,
    },
    /// After a value in an object: `,` or `}` next.
    After {
        level: Level,
    },
    /// In list `list`, before its record `next` (or its `]`, when `next` is 0).
    Element {
        list: usize,
        next: usize,
    },
    /// In list `list`, after its record `next - 1`.
    ElementAfter {
        list: usize,
        next: usize,
    },
    /// After the file's closing `}`: only white space may follow.
    Done,
}

#[derive(Clone, Copy)]
enum Level {
    /// The envelope.
    Top,
    Plan,
}

/// What a key's value is for.
enum Slot {
    Plan,
    Head(String),
    Unknown(String),
    List(usize),
    /// One of the plan's own fields.
    Rest(String),
}

/// Progress through one JSON value: its length so far and what it is inside.
#[derive(Default)]
struct Scan {
    started: bool,
    len: usize,
    depth: u32,
    in_string: bool,
    /// A number, `true`, `false` or `null`: it ends where a delimiter starts.
    scalar: bool,
}

/// How far a value has arrived.
enum Scanned {
    /// All of it: where it is in `pending`.
    Whole(Range<usize>),
    /// Part of it: the rest is in the next piece.
    Part,
    /// Nested deeper than [`MAX_DEPTH`].
    TooDeep,
}

/// What a step through the file came to.
enum Next {
    /// It went on.
    Ready,
    /// The piece ended first.
    More,
    /// The whole-file reader must read this file.
    GiveUp,
    /// Broken JSON, placed in the file.
    Broken(Problem),
}

use Next::{Broken, GiveUp, More, Ready};

impl PieceReader {
    pub fn new(mode: Mode) -> PieceReader {
        PieceReader {
            mode,
            pending: Vec::new(),
            at: 0,
            scan: Scan::default(),
            place: Place::Start,
            text: TextCheck::default(),
            head: Map::new(),
            unknown: Vec::new(),
            plan: None,
            gave_up: false,
            broken: None,
            lines: Lines::default(),
            migration: RecordMigration::default(),
        }
    }

    /// Reads the next piece of the file. `false` once the reader has given up:
    /// the file is for the whole-file reader, and more pieces are not needed.
    pub fn feed(&mut self, piece: &[u8]) -> bool {
        if self.gave_up {
            return false;
        }
        self.text.check(piece);
        if self.broken.is_some() {
            return true;
        }
        self.drop_read();
        self.pending.extend_from_slice(piece);
        loop {
            match self.step() {
                Ready => {}
                More => break,
                GiveUp => {
                    self.gave_up = true;
                    break;
                }
                Broken(problem) => {
                    self.broken = Some(problem);
                    self.pending = Vec::new();
                    break;
                }
            }
        }
        !self.gave_up
    }

    /// Drops the bytes read, keeping count of their lines.
    fn drop_read(&mut self) {
        let read = &self.pending[..self.at];
        self.lines.breaks += line_breaks(read);
        if let Some(last) = memchr::memrchr(b'\n', read) {
            self.lines.line_start = self.lines.offset + last + 1;
        }
        self.lines.offset += self.at;
        self.pending.drain(..self.at);
        self.at = 0;
    }

    /// `e`, found in the value starting at `start`, at its place in the file.
    /// Reading the whole file, serde_json meets the same bytes in the same
    /// state and stops at the same byte, with the same words, except after a
    /// number, `true`, `false` or `null`: it looks at the byte after it, which
    /// a piece does not have; and where the piece ends too early for
    /// serde_json (a `"` taken for an escape's hex digit, say), where the
    /// whole file goes on. Those are left to the whole-file reader.
    fn placed(&self, start: usize, e: &serde_json::Error) -> Next {
        match self.pending.get(start) {
            Some(b'{' | b'[' | b'"') if !e.is_eof() => Broken(self.place_in_file(start, e)),
            _ => GiveUp,
        }
    }

    fn place_in_file(&self, start: usize, e: &serde_json::Error) -> Problem {
        let before = &self.pending[..start];
        let breaks = self.lines.breaks + line_breaks(before);
        let line_start = memchr::memrchr(b'\n', before).map_or(self.lines.line_start, |last| self.lines.offset + last + 1);
        let (line, column) = match e.line() {
            1 => (breaks + 1, self.lines.offset + start - line_start + e.column()),
            line => (breaks + line, e.column()),
        };
        syntax_problem_at(e, line, column)
    }

    /// The file read, once every piece was fed: the plan with its warnings, or
    /// every problem found. `None` when the whole-file reader must read it:
    /// the reader gave up, the file ended too early, or it needs a migration.
    pub fn finish(self) -> Option<Result<Imported, Vec<Problem>>> {
        self.finish_in_steps().map(|read| read.and_then(Checking::finish))
    }

    /// As [`finish`](PieceReader::finish), with the checks across records
    /// left to the caller to run a stretch at a time ([`Checking::step`]).
    pub fn finish_in_steps(mut self) -> Option<Result<Checking, Vec<Problem>>> {
        if self.gave_up || matches!(self.place, Place::Start) {
            return None;
        }
        if !self.text.is_text() {
            return Some(Err(vec![Problem::file(ProblemKind::WrongFileKind(FileKind::Binary))]));
        }
        let ended = match self.broken.take() {
            Some(problem) => Broken(problem),
            None => self.ended_early(),
        };
        match ended {
            Ready => {}
            Broken(problem) => return Some(Err(vec![problem])),
            More | GiveUp => return None,
        }
        check_top(Streamed { head: self.head, unknown: self.unknown, plan: self.plan }, self.mode)
    }

    /// When the file ended before its closing `}`: what serde_json says
    /// reading it whole — within the value it was in (a piece that ends with
    /// the file meets the same end), else that the file ends too early.
    fn ended_early(&self) -> Next {
        if matches!(self.place, Place::Done) {
            return Ready;
        }
        let rest = &self.pending[self.at..];
        // The value begun, read as the whole-file reader reads it.
        let read = match &self.place {
            Place::Key { .. } => serde_json::from_slice::<String>(rest).map(drop),
            Place::Value { slot: Slot::Unknown(_), .. } => serde_json::from_slice::<IgnoredAny>(rest).map(drop),
            Place::Value { .. } | Place::Element { .. } => serde_json::from_slice::<Value>(rest).map(drop),
            _ => Ok(()),
        };
        match read {
            // A number, `true`... and then something else: the whole file's
            // reader says "expected `,`", the piece's "trailing characters".
            Err(e) if e.to_string().starts_with("trailing characters") => GiveUp,
            Err(e) => Broken(self.place_in_file(self.at, &e)),
            // Nothing left unread: serde_json's words for the end, at the end.
            Ok(()) => match serde_json::from_slice::<IgnoredAny>(b"") {
                Err(e) => Broken(self.place_in_file(self.pending.len(), &e)),
                Ok(_) => GiveUp,
            },
        }
    }

    /// One step through the structure: a delimiter, a key or a whole value.
    fn step(&mut self) -> Next {
        let b = match self.next_byte() {
            Some(b) => b,
            None => return More,
        };
        let place = std::mem::replace(&mut self.place, Place::Done);
        self.place = match place {
            Place::Start if b == b'{' => self.open(Level::Top),
            Place::Key { level, first: true } if b == b'}' => self.close(level),
            Place::Key { level, .. } if b == b'"' => match self.value() {
                Scanned::Whole(json) => match serde_json::from_slice::<String>(&self.pending[json.clone()]) {
                    Ok(key) => Place::Colon { level, slot: slot(level, key) },
                    Err(e) => return self.placed(json.start, &e),
                },
                Scanned::Part => {
                    self.place = place;
                    return More;
                }
                Scanned::TooDeep => return GiveUp,
            },
            Place::Colon { level, slot } if b == b':' => {
                self.at += 1;
                Place::Value { level, slot }
            }
            Place::Value { level: Level::Top, slot: Slot::Plan } if b == b'{' => {
                // A plan given twice: the last one counts, as in a JSON tree.
                // Its records are carried to the current version as they pass
                // when the version came first (see `careful`'s envelope).
                let version = self.head.get("schemaVersion").and_then(Value::as_u64);
                self.migration = version.map(|v| chain().records(v)).unwrap_or_default();
                self.plan = Some(PlanParts { migrated_from: version, ..PlanParts::empty() });
                self.open(Level::Plan)
            }
            Place::Value { level: Level::Plan, slot: Slot::List(list) } if b == b'[' => {
                let Some(parts) = self.plan.as_mut() else { return GiveUp };
                // A list given twice: the last one counts.
                parts.lists.list_mut(list).clear();
                parts.read[list] = ListRead::default();
                self.at += 1;
                Place::Element { list, next: 0 }
            }
            Place::Value { level, slot } => match self.value() {
                Scanned::Whole(json) => match self.keep(slot, json.clone()) {
                    Ok(()) => Place::After { level },
                    Err(e) => return self.placed(json.start, &e),
                },
                Scanned::Part => {
                    self.place = Place::Value { level, slot };
                    return More;
                }
                Scanned::TooDeep => return GiveUp,
            },
            Place::After { level } if b == b',' => {
                self.at += 1;
                Place::Key { level, first: false }
            }
            Place::After { level } if b == b'}' => self.close(level),
            Place::Element { next: 0, .. } | Place::ElementAfter { .. } if b == b']' => {
                self.at += 1;
                Place::After { level: Level::Plan }
            }
            Place::ElementAfter { list, next } if b == b',' => {
                self.at += 1;
                Place::Element { list, next }
            }
            Place::Element { list, next } => match self.record(list, next) {
                Ready => Place::ElementAfter { list, next: next + 1 },
                More => {
                    self.place = place;
                    return More;
                }
                stop => return stop,
            },
            _ => return GiveUp,
        };
        Ready
    }

    /// The next byte that is not JSON white space, skipping up to it.
    fn next_byte(&mut self) -> Option<u8> {
        let skip = self.pending[self.at..].iter().position(|b| !matches!(b, b' ' | b'\t' | b'\n' | b'\r'));
        match skip {
            Some(n) => {
                self.at += n;
                Some(self.pending[self.at])
            }
            None => {
                self.at = self.pending.len();
                None
            }
        }
    }

    fn open(&mut self, level: Level) -> Place {
        self.at += 1;
        Place::Key { level, first: true }
    }

    fn close(&mut self, level: Level) -> Place {
        self.at += 1;
        match level {
            Level::Top => Place::Done,
            Level::Plan => Place::After { level: Level::Top },
        }
    }

    /// Record `i` of list `list`, read once all of it has arrived.
    fn record(&mut self, list: usize, i: usize) -> Next {
        let json = match self.value() {
            Scanned::Whole(json) => json,
            Scanned::Part => return More,
            Scanned::TooDeep => return GiveUp,
        };
        let PieceReader { mode, pending, plan, migration, .. } = self;
        let Some(parts) = plan.as_mut() else { return GiveUp };
        match parts.lists.list_mut(list).push_json(&pending[json.clone()], COLLECTIONS[list], i, *mode, &mut parts.read[list], migration) {
            Ok(()) => Ready,
            Err(e) => self.placed(json.start, &e),
        }
    }

    /// A value that is not read a record at a time, kept where it belongs.
    fn keep(&mut self, slot: Slot, json: Range<usize>) -> serde_json::Result<()> {
        let json = &self.pending[json];
        if let Slot::Unknown(key) = slot {
            // Only its name is reported, but it must be JSON.
            serde_json::from_slice::<IgnoredAny>(json)?;
            if !self.unknown.contains(&key) {
                self.unknown.push(key);
            }
            return Ok(());
        }
        let value: Value = serde_json::from_slice(json)?;
        match (slot, self.plan.as_mut()) {
            (Slot::Plan, _) => self.plan = Some(PlanParts { not_an_object: Some(value), ..PlanParts::empty() }),
            (Slot::Head(key), _) => {
                self.head.insert(key, value);
            }
            (Slot::List(list), Some(parts)) => {
                parts.lists.list_mut(list).clear();
                parts.read[list] = ListRead::not_a_list(value);
            }
            (Slot::Rest(key), Some(parts)) => {
                parts.rest.insert(key, value);
            }
            // The plan's own slots come only inside the plan.
            (Slot::List(_) | Slot::Rest(_) | Slot::Unknown(_), _) => {}
        }
        Ok(())
    }

    /// The whole JSON value starting at `at`, once it has all arrived (then
    /// `at` moves past it). Only its extent is found here; serde_json reads it.
    fn value(&mut self) -> Scanned {
        let bytes = &self.pending[self.at..];
        let s = &mut self.scan;
        if !s.started {
            s.started = true;
            s.len = 1;
            match bytes[0] {
                b'{' | b'[' => s.depth = 1,
                b'"' => s.in_string = true,
                _ => s.scalar = true,
            }
        }
        let end = loop {
            if s.in_string {
                match memchr::memchr2(b'"', b'\\', &bytes[s.len..]) {
                    None => {
                        s.len = bytes.len();
                        return Scanned::Part;
                    }
                    Some(k) if bytes[s.len + k] == b'\\' => {
                        // An escape: the next byte is part of the text, whatever it is.
                        if s.len + k + 1 >= bytes.len() {
                            s.len += k;
                            return Scanned::Part;
                        }
                        s.len += k + 2;
                    }
                    Some(k) => {
                        s.len += k + 1;
                        s.in_string = false;
                        if s.depth == 0 {
                            break s.len;
                        }
                    }
                }
            } else if s.scalar {
                match bytes[s.len..].iter().position(|b| matches!(b, b',' | b']' | b'}' | b' ' | b'\t' | b'\n' | b'\r')) {
                    Some(k) => break s.len + k,
                    None => {
                        s.len = bytes.len();
                        return Scanned::Part;
                    }
                }
            } else {
                let Some(&b) = bytes.get(s.len) else { return Scanned::Part };
                s.len += 1;
                match b {
                    b'"' => s.in_string = true,
                    b'{' | b'[' => {
                        s.depth += 1;
                        if s.depth > MAX_DEPTH {
                            return Scanned::TooDeep;
                        }
                    }
                    b'}' | b']' => {
                        s.depth -= 1;
                        if s.depth == 0 {
                            break s.len;
                        }
                    }
                    _ => {}
                }
            }
        };
        self.scan = Scan::default();
        let start = self.at;
        self.at += end;
        Scanned::Whole(start..self.at)
    }
}

fn line_breaks(bytes: &[u8]) -> usize {
    bytes.iter().filter(|b| **b == b'\n').count()
}

/// What the value of `key` is for, at this level.
fn slot(level: Level, key: String) -> Slot {
    match level {
        Level::Top if key == "plan" => Slot::Plan,
        Level::Top if ENVELOPE_KEYS.contains(&key.as_str()) => Slot::Head(key),
        Level::Top => Slot::Unknown(key),
        Level::Plan => match COLLECTIONS.iter().position(|c| *c == key) {
            Some(list) => Slot::List(list),
            None => Slot::Rest(key),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan_file::{read_plan_text, to_file_text};

    fn in_pieces(text: &[u8], size: usize, mode: Mode) -> Option<Result<Imported, Vec<Problem>>> {
        let mut reader = PieceReader::new(mode);
        text.chunks(size.max(1)).all(|piece| reader.feed(piece)).then(|| reader.finish()).flatten()
    }

    #[test]
    fn any_cut_reads_like_the_whole_text() {
        let now = crate::domain::Timestamp::parse("2026-11-24T09:00:00Z").unwrap();
        let plan = crate::demo::demo_plan(crate::domain::PlanId("p".into()), crate::domain::Date::from_ymd(2026, 11, 24).unwrap(), now);
        let text = to_file_text(&plan, now);
        let broken = text.replacen("\"employees\": ", "\"employees\": \"many\", \"x\": ", 1);
        for file in [&text, &broken] {
            let whole = read_plan_text(file, Mode::Strict);
            for size in [1, 2, 3, 7, 64, 1000, file.len()] {
                match (in_pieces(file.as_bytes(), size, Mode::Strict).expect("read in pieces"), &whole) {
                    (Ok(a), Ok(b)) => assert_eq!((a.plan, a.warnings), (b.plan.clone(), b.warnings.clone())),
                    (a, b) => assert_eq!(a.err().as_ref(), b.as_ref().err(), "cut every {size} bytes"),
                }
            }
        }
    }
}
