//! First look at a file's bytes: refuse what is clearly not a plan file (an image,
//! a spreadsheet, an empty file) with a message that names what it is, and turn the
//! rest into text. UTF-8 (with or without BOM) and UTF-16 with a BOM are read.

use super::problems::{FileKind, Problem, ProblemKind};
use std::borrow::Cow;

/// Largest plan file read (bytes). Beyond it the browser tab would stall parsing.
pub const MAX_FILE_BYTES: u64 = 128 * 1024 * 1024;

/// The file's text: borrowed from `bytes` when they are UTF-8 (a copy of a 50 MB
/// file is 50 MB more at the import's peak), decoded when UTF-16.
pub fn text_of(bytes: &[u8]) -> Result<Cow<'_, str>, Problem> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(Problem::file(ProblemKind::TooLarge { bytes: bytes.len() as u64, limit: MAX_FILE_BYTES }));
    }
    if let Some(kind) = binary_kind(bytes) {
        return Err(Problem::file(ProblemKind::WrongFileKind(kind)));
    }
    let text = decode_text(bytes).ok_or_else(|| Problem::file(ProblemKind::WrongFileKind(FileKind::Binary)))?;
    let trimmed = text.trim_start();
    if trimmed.trim_end().is_empty() {
        return Err(Problem::file(ProblemKind::EmptyFile));
    }
    if let Some(kind) = text_kind(trimmed) {
        return Err(Problem::file(ProblemKind::WrongFileKind(kind)));
    }
    Ok(text)
}

/// Checks, a piece at a time, that a file's bytes are text as [`text_of`] wants
/// it (UTF-8 without NUL bytes), so a file read in pieces is told binary exactly
/// when its bytes would be.
#[derive(Default)]
pub struct TextCheck {
    /// The start of a character cut by the end of the last piece.
    carry: Vec<u8>,
    broken: bool,
}

impl TextCheck {
    pub fn check(&mut self, bytes: &[u8]) {
        if self.broken {
            return;
        }
        if bytes.contains(&0) {
            self.broken = true;
            return;
        }
        let joined;
        let data = if self.carry.is_empty() {
            bytes
        } else {
            joined = [std::mem::take(&mut self.carry).as_slice(), bytes].concat();
            &joined
        };
        match std::str::from_utf8(data) {
            Ok(_) => {}
            // Cut short by the end of the piece, not broken: finished by the next one.
            Err(e) if e.error_len().is_none() => self.carry = data[e.valid_up_to()..].to_vec(),
            Err(_) => self.broken = true,
        }
    }

    /// Whether all the pieces checked make text.
    pub fn is_text(&self) -> bool {
        !self.broken && self.carry.is_empty()
    }
}

fn binary_kind(b: &[u8]) -> Option<FileKind> {
    if b.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some(FileKind::Png)
    } else if b.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some(FileKind::Jpeg)
    } else if b.starts_with(b"GIF87a") || b.starts_with(b"GIF89a") {
        Some(FileKind::Gif)
    } else if b.len() >= 12 && &b[0..4] == b"RIFF" && &b[8..12] == b"WEBP" {
        Some(FileKind::Webp)
    } else if b.starts_with(b"%PDF") {
        Some(FileKind::Pdf)
    } else if b.starts_with(b"PK\x03\x04") || b.starts_with(b"PK\x05\x06") {
        Some(FileKind::ZipOrOffice)
    } else {
        None
    }
}

fn decode_text(b: &[u8]) -> Option<Cow<'_, str>> {
    if let Some(rest) = b.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return std::str::from_utf8(rest).ok().map(Cow::Borrowed);
    }
    if let Some(rest) = b.strip_prefix(&[0xFF, 0xFE]) {
        return utf16(rest, u16::from_le_bytes).map(Cow::Owned);
    }
    if let Some(rest) = b.strip_prefix(&[0xFE, 0xFF]) {
        return utf16(rest, u16::from_be_bytes).map(Cow::Owned);
    }
    let s = std::str::from_utf8(b).ok()?;
    // NUL bytes mean binary data that happens to be valid UTF-8.
    (!s.contains('\0')).then_some(Cow::Borrowed(s))
}

fn utf16(b: &[u8], word: fn([u8; 2]) -> u16) -> Option<String> {
    if !b.len().is_multiple_of(2) {
        return None;
    }
    let units: Vec<u16> = b.chunks_exact(2).map(|c| word([c[0], c[1]])).collect();
    String::from_utf16(&units).ok()
}

/// Text that is clearly not JSON: markup, or lines of delimited values.
fn text_kind(t: &str) -> Option<FileKind> {
    if t.starts_with('{') || t.starts_with('[') {
        return None;
    }
    let head: String = t.chars().take(512).collect::<String>().to_ascii_lowercase();
    if head.starts_with('<') {
        return Some(if head.contains("<html") || head.contains("<!doctype html") { FileKind::Html } else { FileKind::Xml });
    }
    let mut lines = t.lines().filter(|l| !l.trim().is_empty());
    let first = lines.next()?;
    let delimiters = [',', '\t', ';'];
    let looks_delimited = |l: &str| delimiters.iter().any(|d| l.contains(*d));
    if looks_delimited(first) && lines.next().is_none_or(looks_delimited) {
        return Some(FileKind::Csv);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(bytes: &[u8]) -> ProblemKind {
        text_of(bytes).unwrap_err().kind
    }

    #[test]
    fn refuses_what_is_not_a_plan() {
        assert_eq!(kind(b""), ProblemKind::EmptyFile);
        assert_eq!(kind(b"  \n\t "), ProblemKind::EmptyFile);
        assert_eq!(kind(b"\xEF\xBB\xBF"), ProblemKind::EmptyFile);
        assert_eq!(kind(b"\x89PNG\r\n\x1a\n\0\0"), ProblemKind::WrongFileKind(FileKind::Png));
        assert_eq!(kind(&[0xFF, 0xD8, 0xFF, 0xE0]), ProblemKind::WrongFileKind(FileKind::Jpeg));
        assert_eq!(kind(b"%PDF-1.7"), ProblemKind::WrongFileKind(FileKind::Pdf));
        assert_eq!(kind(b"PK\x03\x04rest"), ProblemKind::WrongFileKind(FileKind::ZipOrOffice));
        assert_eq!(kind("会社名,業種\nミナト精機,製造業\n".as_bytes()), ProblemKind::WrongFileKind(FileKind::Csv));
        assert_eq!(kind(b"name;industry\nA;B"), ProblemKind::WrongFileKind(FileKind::Csv));
        assert_eq!(kind(b"<!DOCTYPE html><html>"), ProblemKind::WrongFileKind(FileKind::Html));
        assert_eq!(kind(&[0x82, 0xA0, 0x82, 0xA2]), ProblemKind::WrongFileKind(FileKind::Binary));
        assert_eq!(kind(b"{\0}"), ProblemKind::WrongFileKind(FileKind::Binary));
    }

    #[test]
    fn reads_utf8_with_bom_and_utf16() {
        assert_eq!(text_of(b"\xEF\xBB\xBF{}").unwrap(), "{}");
        let utf16le: Vec<u8> = [0xFF, 0xFE].into_iter().chain("{\"a\":\"日本\"}".encode_utf16().flat_map(|u| u.to_le_bytes())).collect();
        assert_eq!(text_of(&utf16le).unwrap(), "{\"a\":\"日本\"}");
        // Plain text that is neither JSON nor CSV goes on to the JSON reader, which
        // reports where it breaks.
        assert_eq!(text_of(b"hello").unwrap(), "hello");
    }
}
