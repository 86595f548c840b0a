//! Reading a record from its JSON tree and, when that fails, the path of the
//! value at fault.
//!
//! The record is read through serde_json's text reader, the one the app
//! already compiles every record type for (the fast path reads files and
//! storage with it). A reader of the tree that tracks paths
//! (`serde_path_to_error`) compiled every record type's reading once more:
//! 70 KB of the Wasm, gzipped (issue 31).
//!
//! serde_json tells a position, not a path, and some errors come without
//! their own: serde reads internally tagged and untagged enums and `try_from`
//! types after serde_json has handed over the value, so serde_json places
//! their errors where the container holding them stops reading. The tree is
//! therefore written out with a space before every `,`, `}` and `]`: a
//! position on that space is the end of the value before it, a position on a
//! bracket the end of the container. One case stays open: a missing field at
//! an object's end may be the object's own, or that of a tagged value it holds
//! last. The object is then written again with that value first, and read
//! again.

use serde::de::DeserializeOwned;
use serde_json::{error::Category, Value};

/// One step of a path into a JSON tree.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Segment {
    Seq { index: usize },
    Map { key: String },
}

/// Why a tree did not read as the type asked for, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fault {
    /// The value at fault; for a missing field, the object that lacks it.
    pub path: Vec<Segment>,
    /// serde's wording, without serde_json's position.
    pub message: String,
}

/// Reads `value` as a `T`, or tells what is wrong and where.
pub fn read<T: DeserializeOwned>(value: &Value) -> Result<T, Fault> {
    // Most trees read (a record of an older version, carried over): plain
    // text first, which writes and reads in half the time of the layout.
    // Writing a tree to a Vec cannot fail.
    let plain = serde_json::to_vec(value).unwrap_or_default();
    if let Ok(t) = serde_json::from_slice(&plain) {
        return Ok(t);
    }
    let read_again = |text: &[u8]| serde_json::from_slice::<T>(text).err();
    let laid_out = Layout::new(None).laid_out(value);
    match serde_json::from_slice(&laid_out.text) {
        Ok(t) => Ok(t),
        Err(e) => Err(fault(value, &laid_out, &e, &read_again)),
    }
}

/// Reads a tree's text again, laid out otherwise: the error, if any.
type ReadAgain<'a> = &'a dyn Fn(&[u8]) -> Option<serde_json::Error>;

fn fault(value: &Value, laid_out: &LaidOut, e: &serde_json::Error, read_again: ReadAgain) -> Fault {
    if e.classify() == Category::Syntax {
        // The text is JSON: serde_json tells a value that cannot be an enum
        // (an option, such as a deal's stage) as a syntax error, at the
        // value's first byte.
        let path = laid_out.innermost(e.column().saturating_sub(1)).unwrap_or_default();
        return Fault { message: not_an_enum(node(value, &path)), path };
    }
    let message = bare_message(e);
    // Line 0: the error left every reader without being placed (a `try_from`
    // type read as the whole record): the record is at fault.
    let path = if e.line() == 0 { Vec::new() } else { locate(value, laid_out, e.column(), &message, Some(read_again)) };
    Fault { path, message }
}

fn bare_message(e: &serde_json::Error) -> String {
    let message = e.to_string();
    let position = format!(" at line {} column {}", e.line(), e.column());
    message.strip_suffix(&position).map_or(message.clone(), str::to_string)
}

/// What reading the tree says of `value` where an enum belongs.
fn not_an_enum(value: Option<&Value>) -> String {
    use serde::de::{Error, Unexpected};
    let unexpected = match value {
        Some(Value::Object(_)) => return "invalid value: map, expected map with a single key".into(),
        Some(Value::Bool(b)) => Unexpected::Bool(*b),
        Some(Value::Number(n)) => match (n.as_u64(), n.as_i64(), n.as_f64()) {
            (Some(u), _, _) => Unexpected::Unsigned(u),
            (_, Some(i), _) => Unexpected::Signed(i),
            (_, _, f) => Unexpected::Float(f.unwrap_or_default()),
        },
        Some(Value::String(s)) => Unexpected::Str(s),
        Some(Value::Array(_)) => Unexpected::Seq,
        Some(Value::Null) | None => Unexpected::Unit,
    };
    serde_json::Error::invalid_type(unexpected, &"string or map").to_string()
}

/// Where a value (or a member's key) sits in the text.
struct Span {
    start: usize,
    /// Exclusive.
    end: usize,
    path: Vec<Segment>,
    key: bool,
}

/// Writes a tree's text in the layout above, noting where each value is.
struct Layout {
    text: Vec<u8>,
    spans: Vec<Span>,
    /// The object written with its object members first.
    objects_first: Option<Vec<Segment>>,
    path: Vec<Segment>,
}

/// A tree's text with where each value is.
struct LaidOut {
    text: Vec<u8>,
    spans: Vec<Span>,
}

impl Layout {
    fn new(objects_first: Option<Vec<Segment>>) -> Layout {
        Layout { text: Vec::new(), spans: Vec::new(), objects_first, path: Vec::new() }
    }

    fn laid_out(mut self, value: &Value) -> LaidOut {
        self.value(value);
        LaidOut { text: self.text, spans: self.spans }
    }

    fn value(&mut self, v: &Value) {
        let start = self.text.len();
        match v {
            Value::Object(map) => {
                self.text.push(b'{');
                let first = self.objects_first.as_ref() == Some(&self.path);
                let is_first = |member: &Value| first && member.is_object();
                let members = map.iter().filter(|(_, m)| is_first(m)).chain(map.iter().filter(|(_, m)| !is_first(m)));
                for (i, (key, member)) in members.enumerate() {
                    if i > 0 {
                        self.text.extend_from_slice(b" ,");
                    }
                    self.path.push(Segment::Map { key: key.clone() });
                    let key_start = self.text.len();
                    // Writing a string to a Vec cannot fail.
                    let _ = serde_json::to_writer(&mut self.text, key);
                    self.record(key_start, true);
                    self.text.push(b':');
                    self.value(member);
                    self.path.pop();
                }
                self.text.extend_from_slice(b" }");
            }
            Value::Array(items) => {
                self.text.push(b'[');
                for (index, item) in items.iter().enumerate() {
                    if index > 0 {
                        self.text.extend_from_slice(b" ,");
                    }
                    self.path.push(Segment::Seq { index });
                    self.value(item);
                    self.path.pop();
                }
                self.text.extend_from_slice(b" ]");
            }
            scalar => {
                let _ = serde_json::to_writer(&mut self.text, scalar);
            }
        }
        self.record(start, false);
    }

    fn record(&mut self, start: usize, key: bool) {
        self.spans.push(Span { start, end: self.text.len(), path: self.path.clone(), key });
    }
}

impl LaidOut {
    /// The path of the smallest value (or key) holding byte `at`.
    fn innermost(&self, at: usize) -> Option<Vec<Segment>> {
        self.innermost_span(at).map(|s| s.path.clone())
    }

    fn innermost_span(&self, at: usize) -> Option<&Span> {
        self.spans.iter().filter(|s| s.start <= at && at < s.end).min_by_key(|s| s.end - s.start)
    }

    /// The path of the value that ends just before byte `end`.
    fn ending_at(&self, end: usize) -> Option<Vec<Segment>> {
        self.spans.iter().find(|s| !s.key && s.end == end).map(|s| s.path.clone())
    }
}

/// The path of the value serde_json's error at `column` of `laid_out` is
/// about. `read_again` settles a missing field that may be an object's or its
/// last member's.
fn locate(value: &Value, laid_out: &LaidOut, column: usize, message: &str, read_again: Option<ReadAgain>) -> Vec<Segment> {
    let text = &laid_out.text;
    if text.is_empty() {
        return Vec::new();
    }
    // serde_json's column is the reading position: just after the value it
    // read, or on the opening bracket of a list or object it refused without
    // reading (then just after a `:` or `,`, or the `[` of the list holding
    // it), or just inside one it began to read.
    let at = match (column.checked_sub(1).and_then(|i| text.get(i)), text.get(column)) {
        (None, _) => 0,
        (Some(b':' | b','), _) | (Some(b'['), Some(b'[' | b'{')) => column,
        (Some(_), _) => column - 1,
    }
    .min(text.len() - 1);
    let found = match text[at] {
        // After a value, before the `,` or bracket that follows it.
        b' ' => laid_out.ending_at(at).or_else(|| laid_out.innermost(at)),
        closer @ (b'}' | b']') => {
            // The container's own missing field, or an error of its last
            // value, placed when the container stopped reading.
            let container = laid_out.innermost(at).unwrap_or_default();
            let last = at.checked_sub(1).and_then(|end| laid_out.ending_at(end));
            let missing = message.strip_prefix("missing field ").map(|f| f.trim_matches('`'));
            match (missing, last) {
                // Too few elements: a list read as a record of fixed length.
                _ if message.starts_with("invalid length ") => Some(container),
                (Some(field), Some(last)) if closer == b'}' && !has_key(value, &container, field) => {
                    let last_lacks_it = node(value, &last).is_some_and(|v| v.is_object() && v.get(field).is_none());
                    match read_again {
                        // Both lack it: read again with the last value first.
                        Some(read_again) if last_lacks_it => settle(value, container, message, read_again),
                        _ => Some(container),
                    }
                }
                (_, Some(last)) => Some(last),
                (_, None) => Some(container),
            }
        }
        _ => laid_out.innermost_span(at).map(|span| if span.key { variant_map(value, span.path.clone(), message) } else { span.path.clone() }),
    };
    found.unwrap_or_default()
}

/// An unknown option named by a key: the key of a map whose keys are options
/// (an activity kind's points), or the variant of an option written as a
/// one-member map, where the map itself is at fault.
fn variant_map(value: &Value, mut path: Vec<Segment>, message: &str) -> Vec<Segment> {
    if message.starts_with("unknown variant ") && matches!(path.last(), Some(Segment::Map { .. })) {
        let parent = &path[..path.len() - 1];
        if node(value, parent).and_then(Value::as_object).is_some_and(|map| map.len() == 1) {
            path.pop();
        }
    }
    path
}

/// A missing field at `container`'s end, when its last member, an object,
/// lacks it too: read again with the container's objects first, the error
/// then falls on the member if it is the member's.
fn settle(value: &Value, container: Vec<Segment>, message: &str, read_again: ReadAgain) -> Option<Vec<Segment>> {
    let laid_out = Layout::new(Some(container.clone())).laid_out(value);
    match read_again(&laid_out.text) {
        Some(e) if e.line() != 0 && e.classify() != Category::Syntax && bare_message(&e) == message => {
            Some(locate(value, &laid_out, e.column(), message, None))
        }
        _ => Some(container),
    }
}

fn has_key(value: &Value, path: &[Segment], key: &str) -> bool {
    node(value, path).is_some_and(|node| node.get(key).is_some())
}

fn node<'a>(value: &'a Value, path: &[Segment]) -> Option<&'a Value> {
    path.iter().try_fold(value, |node, segment| match segment {
        Segment::Seq { index } => node.get(index),
        Segment::Map { key } => node.get(key.as_str()),
    })
}

#[cfg(test)]
mod tests;
