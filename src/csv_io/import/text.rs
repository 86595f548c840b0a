//! Bytes to text. CSV files arrive as UTF-8 (with or without the byte-order mark
//! Excel writes), as UTF-16 (Excel's "Unicode text", tab-separated), or as
//! Shift_JIS / CP932, which Japanese tools and older Excel still produce. UTF-8
//! and UTF-16 are decoded here with the standard library; Shift_JIS by the
//! WHATWG decoder every browser has, handed in by the shell (`use_shift_jis`),
//! or natively by `encoding_rs`, the same decoder in Rust. Shipping that second
//! copy in the Wasm cost 121 KB gzipped (docs/benchmarks.md).

use std::sync::OnceLock;

/// A Shift_JIS (CP932, WHATWG "shift_jis") decoder fed a stretch at a time.
pub trait ShiftJisDecoder {
    /// Appends the text of `bytes` to `out`, keeping a character cut by the
    /// stretch's end for the next call; `last` ends the input. True when some
    /// bytes were not Shift_JIS and were replaced with U+FFFD.
    fn decode(&mut self, bytes: &[u8], out: &mut String, last: bool) -> bool;
}

static SHIFT_JIS: OnceLock<fn() -> Box<dyn ShiftJisDecoder>> = OnceLock::new();

/// Sets where Shift_JIS decoders come from, once, at start-up (the app: the
/// browser's `TextDecoder`).
pub fn use_shift_jis(make: fn() -> Box<dyn ShiftJisDecoder>) {
    let _ = SHIFT_JIS.set(make);
}

fn shift_jis() -> Box<dyn ShiftJisDecoder> {
    match SHIFT_JIS.get() {
        Some(make) => make(),
        None => fallback_shift_jis(),
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn fallback_shift_jis() -> Box<dyn ShiftJisDecoder> {
    Box::new(encoding_rs::SHIFT_JIS.new_decoder_without_bom_handling())
}

#[cfg(not(target_arch = "wasm32"))]
impl ShiftJisDecoder for encoding_rs::Decoder {
    fn decode(&mut self, bytes: &[u8], out: &mut String, last: bool) -> bool {
        let (mut read, mut any) = (0, false);
        loop {
            let (result, n, replaced) = self.decode_to_string(&bytes[read..], out, last);
            read += n;
            any |= replaced;
            match result {
                encoding_rs::CoderResult::InputEmpty => return any,
                encoding_rs::CoderResult::OutputFull => out.reserve(bytes.len() - read + 16),
            }
        }
    }
}

/// The decoder of last resort, when no Shift_JIS decoder is at hand (in Wasm
/// nothing was handed in, or the browser has none): ASCII reads, every other
/// byte becomes U+FFFD, and the preview says the names may be garbled. Never
/// silent, never a crash.
pub struct AsciiOnly;

impl ShiftJisDecoder for AsciiOnly {
    fn decode(&mut self, bytes: &[u8], out: &mut String, _last: bool) -> bool {
        out.extend(bytes.iter().map(|&b| if b.is_ascii() { b as char } else { '\u{fffd}' }));
        !bytes.is_ascii()
    }
}

#[cfg(target_arch = "wasm32")]
fn fallback_shift_jis() -> Box<dyn ShiftJisDecoder> {
    Box::new(AsciiOnly)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum TextEncoding {
    Utf8,
    Utf8Bom,
    Utf16,
    /// Shift_JIS with Microsoft's extensions (CP932, "windows-31j"), which is what
    /// Windows and Excel mean by Shift_JIS.
    ShiftJis,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Decoded {
    pub text: String,
    pub encoding: TextEncoding,
    /// Byte sequences that were not valid in the chosen encoding were replaced
    /// with U+FFFD; the preview says so, since names may then be garbled.
    pub replaced: bool,
}

/// What the user can force when the guess is wrong.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum EncodingChoice {
    #[default]
    Detect,
    Utf8,
    ShiftJis,
}

/// Decodes `bytes` in one go (see [`Decoding`]).
pub fn decode(bytes: &[u8], choice: EncodingChoice) -> Decoded {
    let mut d = Decoding::new(bytes, choice);
    while !d.step(usize::MAX) {}
    d.finish()
}

/// Decoding a text a stretch at a time, so a large file does not hold the page
/// in one task. A byte-order mark decides the encoding; otherwise valid UTF-8
/// is UTF-8 and anything else is read as Shift_JIS (CP932). Valid UTF-8 that is
/// really Shift_JIS is vanishingly rare for Japanese text (its lead bytes make
/// invalid UTF-8 within a few characters), so the guess is safe in that
/// direction. Finding out whether all of it is UTF-8 is the first part of the
/// work, done in steps too.
pub struct Decoding<B> {
    bytes: B,
    /// Bytes known to be UTF-8, while the encoding is still being found.
    checked: usize,
    chosen: Option<Chosen>,
    text: String,
    replaced: bool,
}

struct Chosen {
    decoder: Decoder,
    kind: TextEncoding,
    /// The next byte to decode.
    at: usize,
}

enum Decoder {
    Utf8,
    Utf16 { big_endian: bool },
    ShiftJis(Box<dyn ShiftJisDecoder>),
}

fn is_continuation(b: u8) -> bool {
    b & 0xC0 == 0x80
}

/// Where a stretch of UTF-8 ending near `end` may be cut: before the first byte
/// of a character, so the stretch decodes on its own exactly as it does inside
/// the whole (an invalid sequence never runs over a first byte).
fn utf8_cut(all: &[u8], at: usize, end: usize) -> usize {
    if end >= all.len() {
        return all.len();
    }
    let mut cut = end;
    while cut > at && end - cut < 3 && is_continuation(all[cut]) {
        cut -= 1;
    }
    if cut > at && !is_continuation(all[cut]) {
        return cut;
    }
    // The stretch is shorter than its first character: take the whole of it.
    let mut cut = end;
    while cut < all.len() && cut - end < 3 && is_continuation(all[cut]) {
        cut += 1;
    }
    cut
}

/// Where a stretch of UTF-16 ending near `end` may be cut: on a whole code
/// unit, and not between the two halves of a surrogate pair.
fn utf16_cut(all: &[u8], at: usize, end: usize, big_endian: bool) -> usize {
    if end >= all.len() {
        return all.len();
    }
    let cut = at + ((end - at) / 2).max(1) * 2;
    if cut >= all.len() {
        return all.len();
    }
    let pair = [all[cut - 2], all[cut - 1]];
    let unit = if big_endian { u16::from_be_bytes(pair) } else { u16::from_le_bytes(pair) };
    match (0xD800..0xDC00).contains(&unit) {
        // A high surrogate: its low half is in the next unit.
        true if cut - 2 > at => cut - 2,
        true => (cut + 2).min(all.len()),
        false => cut,
    }
}

impl Decoder {
    /// Decodes from `at` to about `end`; returns where it stopped and whether
    /// bytes were replaced.
    fn decode(&mut self, all: &[u8], at: usize, end: usize, out: &mut String) -> (usize, bool) {
        match self {
            Decoder::Utf8 => {
                let cut = utf8_cut(all, at, end);
                let text = String::from_utf8_lossy(&all[at..cut]);
                let replaced = matches!(text, std::borrow::Cow::Owned(_));
                out.push_str(&text);
                (cut, replaced)
            }
            Decoder::Utf16 { big_endian } => {
                let cut = utf16_cut(all, at, end, *big_endian);
                let be = *big_endian;
                let pairs = all[at..cut].chunks_exact(2).map(|p| if be { u16::from_be_bytes([p[0], p[1]]) } else { u16::from_le_bytes([p[0], p[1]]) });
                let mut replaced = false;
                out.extend(char::decode_utf16(pairs).map(|c| {
                    c.unwrap_or_else(|_| {
                        replaced = true;
                        '\u{fffd}'
                    })
                }));
                // An odd byte at the very end is half a character.
                if cut == all.len() && (cut - at) % 2 == 1 {
                    out.push('\u{fffd}');
                    replaced = true;
                }
                (cut, replaced)
            }
            Decoder::ShiftJis(d) => {
                let end = end.min(all.len());
                (end, d.decode(&all[at..end], out, end == all.len()))
            }
        }
    }
}

impl<B: AsRef<[u8]>> Decoding<B> {
    pub fn new(bytes: B, choice: EncodingChoice) -> Self {
        let all = bytes.as_ref();
        let chosen = match choice {
            EncodingChoice::Utf8 => {
                let bom = if all.starts_with(b"\xEF\xBB\xBF") { 3 } else { 0 };
                Some(Chosen::new(Decoder::Utf8, if bom > 0 { TextEncoding::Utf8Bom } else { TextEncoding::Utf8 }, bom))
            }
            EncodingChoice::ShiftJis => Some(Chosen::new(Decoder::ShiftJis(shift_jis()), TextEncoding::ShiftJis, 0)),
            EncodingChoice::Detect => match all {
                [0xEF, 0xBB, 0xBF, ..] => Some(Chosen::new(Decoder::Utf8, TextEncoding::Utf8Bom, 3)),
                [0xFF, 0xFE, ..] => Some(Chosen::new(Decoder::Utf16 { big_endian: false }, TextEncoding::Utf16, 2)),
                [0xFE, 0xFF, ..] => Some(Chosen::new(Decoder::Utf16 { big_endian: true }, TextEncoding::Utf16, 2)),
                _ => None,
            },
        };
        Decoding { bytes, checked: 0, chosen, text: String::new(), replaced: false }
    }

    /// Share of the work done (0–1): checking counts as much as decoding.
    pub fn progress(&self) -> f64 {
        let total = self.bytes.as_ref().len();
        if total == 0 {
            return 1.0;
        }
        let done = match &self.chosen {
            None => self.checked as f64 / 2.0,
            // A BOM chose: there was no checking.
            Some(c) if self.checked == 0 => c.at as f64,
            Some(c) => (total as f64 + c.at as f64) / 2.0,
        };
        done / total as f64
    }

    /// Works through about `bytes` more of the input; true when the text is
    /// complete.
    pub fn step(&mut self, bytes: usize) -> bool {
        let all = self.bytes.as_ref();
        let Some(chosen) = &mut self.chosen else {
            // Four bytes hold any character, so a stretch always gets further.
            let end = self.checked.saturating_add(bytes.max(4)).min(all.len());
            match std::str::from_utf8(&all[self.checked..end]) {
                Ok(_) => self.checked = end,
                // A character cut by the stretch's end: checked with the next one.
                Err(e) if e.error_len().is_none() && end < all.len() => self.checked += e.valid_up_to(),
                Err(_) => {
                    self.checked = all.len();
                    self.chosen = Some(Chosen::new(Decoder::ShiftJis(shift_jis()), TextEncoding::ShiftJis, 0));
                    return false;
                }
            }
            if self.checked == all.len() {
                self.chosen = Some(Chosen::new(Decoder::Utf8, TextEncoding::Utf8, 0));
                return all.is_empty() && self.step(0);
            }
            return false;
        };
        if self.text.capacity() == 0 {
            // Room for the whole text at once (UTF-8 stays as long; Shift_JIS's
            // and UTF-16's two-byte characters take three): growing it would copy
            // tens of MB in one step. A step does not reserve its own worst case
            // (the decoder's is three bytes out per byte in, for replacement
            // characters): near the end that would outgrow this room and copy
            // the whole text to a buffer twice its size. Only text that is longer
            // than expected (a wrong encoding chosen by hand, half-width kana)
            // grows the buffer, below.
            let rest = all.len() - chosen.at;
            let utf8 = chosen.kind == TextEncoding::Utf8 || chosen.kind == TextEncoding::Utf8Bom;
            self.text.reserve(if utf8 { rest } else { rest.saturating_add(rest / 2) }.saturating_add(16));
        }
        let end = chosen.at.saturating_add(bytes.max(1)).min(all.len());
        let (at, replaced) = chosen.decoder.decode(all, chosen.at, end, &mut self.text);
        chosen.at = at;
        self.replaced |= replaced;
        at == all.len()
    }

    /// The text, once [`Decoding::step`] said it is complete.
    pub fn finish(self) -> Decoded {
        let encoding = self.chosen.map_or(TextEncoding::Utf8, |c| c.kind);
        let mut text = self.text;
        text.shrink_to_fit();
        Decoded { text, encoding, replaced: self.replaced }
    }
}

impl Chosen {
    fn new(decoder: Decoder, kind: TextEncoding, at: usize) -> Self {
        Chosen { decoder, kind, at }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::{Encoding, SHIFT_JIS, UTF_16BE, UTF_16LE, UTF_8};

    fn sjis(s: &str) -> Vec<u8> {
        SHIFT_JIS.encode(s).0.into_owned()
    }

    #[test]
    fn utf8_with_and_without_bom() {
        let plain = decode("会社名,業種\n".as_bytes(), EncodingChoice::Detect);
        assert_eq!((plain.text.as_str(), plain.encoding, plain.replaced), ("会社名,業種\n", TextEncoding::Utf8, false));
        let bom = decode("\u{feff}会社名".as_bytes(), EncodingChoice::Detect);
        assert_eq!((bom.text.as_str(), bom.encoding), ("会社名", TextEncoding::Utf8Bom));
    }

    #[test]
    fn shift_jis_is_detected_including_cp932_extensions() {
        // ① and ㈱ are CP932 extensions, common in Japanese company data.
        let text = "会社名,業種\n㈱東京精機①,製造業\n";
        let d = decode(&sjis(text), EncodingChoice::Detect);
        assert_eq!(d.encoding, TextEncoding::ShiftJis);
        assert_eq!(d.text, text);
        assert!(!d.replaced);
    }

    #[test]
    fn utf16_from_excel_unicode_text() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "会社名\t業種".encode_utf16() {
            bytes.extend(u.to_le_bytes());
        }
        let d = decode(&bytes, EncodingChoice::Detect);
        assert_eq!((d.text.as_str(), d.encoding), ("会社名\t業種", TextEncoding::Utf16));
    }

    #[test]
    fn a_forced_encoding_wins_and_bad_bytes_are_reported() {
        let d = decode(&sjis("東京"), EncodingChoice::Utf8);
        assert!(d.replaced);
        assert!(d.text.contains('\u{fffd}'));
        let d = decode("東京".as_bytes(), EncodingChoice::ShiftJis);
        assert_eq!(d.encoding, TextEncoding::ShiftJis);
    }

    /// What `decode` did in one call before it worked in steps.
    fn whole(bytes: &[u8], choice: EncodingChoice) -> Decoded {
        let (encoding, kind, body): (&'static Encoding, TextEncoding, &[u8]) = match choice {
            EncodingChoice::Utf8 => {
                let body = bytes.strip_prefix(b"\xEF\xBB\xBF".as_slice()).unwrap_or(bytes);
                (UTF_8, if body.len() < bytes.len() { TextEncoding::Utf8Bom } else { TextEncoding::Utf8 }, body)
            }
            EncodingChoice::ShiftJis => (SHIFT_JIS, TextEncoding::ShiftJis, bytes),
            EncodingChoice::Detect => match Encoding::for_bom(bytes) {
                Some((e, n)) if e == UTF_8 => (UTF_8, TextEncoding::Utf8Bom, &bytes[n..]),
                Some((e, n)) if e == UTF_16LE || e == UTF_16BE => (e, TextEncoding::Utf16, &bytes[n..]),
                _ if std::str::from_utf8(bytes).is_ok() => (UTF_8, TextEncoding::Utf8, bytes),
                _ => (SHIFT_JIS, TextEncoding::ShiftJis, bytes),
            },
        };
        let (text, replaced) = encoding.decode_without_bom_handling(body);
        Decoded { text: text.into_owned(), encoding: kind, replaced }
    }

    #[test]
    fn decoding_in_steps_of_any_size_equals_decoding_at_once() {
        let text = "会社名,業種\n㈱東京精機①,製造業\nAcme,IT\n";
        let mut utf16 = vec![0xFF, 0xFE];
        for u in text.encode_utf16() {
            utf16.extend(u.to_le_bytes());
        }
        let mut bad_late = "ascii only for a while, ".repeat(3).into_bytes();
        bad_late.extend(sjis(text));
        // UTF-16 big-endian with a pair of surrogates (an emoji), then units that
        // do not pair and an odd byte at the end.
        let mut utf16be = vec![0xFE, 0xFF];
        for u in "会社😀名,IT\n".encode_utf16() {
            utf16be.extend(u.to_be_bytes());
        }
        let mut broken16 = vec![0xFF, 0xFE, 0x3D, 0xD8, 0x41, 0x00, 0x00, 0xDC, 0x3D, 0xD8];
        broken16.extend([0x00, 0xDE, 0x42]);
        // Stray continuation bytes, a character cut short, an overlong form.
        let bad_utf8 = [b"a\x80\x80\x80\x80b\xE6\x9D".as_slice(), "東".as_bytes(), b"\xC0\xAF\xF0\x9F\x98"].concat();
        let inputs = [
            text.as_bytes().to_vec(),
            format!("\u{feff}{text}").into_bytes(),
            sjis(text),
            utf16,
            utf16be,
            broken16,
            bad_utf8,
            bad_late,
            vec![0xE6, 0x9D],
            Vec::new(),
        ];
        for bytes in &inputs {
            for choice in [EncodingChoice::Detect, EncodingChoice::Utf8, EncodingChoice::ShiftJis] {
                for step in [0, 1, 2, 3, 5, 1000] {
                    let mut d = Decoding::new(bytes.as_slice(), choice);
                    let mut steps = 0;
                    while !d.step(step) {
                        steps += 1;
                        assert!(steps <= 2 * bytes.len() + 2, "a step always advances");
                        assert!((0.0..=1.0).contains(&d.progress()));
                    }
                    assert_eq!(d.finish(), whole(bytes, choice), "{bytes:?} {choice:?} in steps of {step}");
                }
            }
        }
    }

    #[test]
    fn the_text_fits_the_room_reserved_at_first() {
        // A step that outgrew the room would copy the whole text (64 MB) to a
        // buffer twice its size in one of the page's turns.
        let utf8 = "株式会社ミナト精機,Open Email,2024-01-01 10:00\n".repeat(20_000).into_bytes();
        let kanji = sjis(&"北斗電子工業株式会社,製造業\n".repeat(20_000));
        for (bytes, step) in [(&utf8, 4096), (&utf8, 1), (&kanji, 4096)] {
            let mut d = Decoding::new(bytes.as_slice(), EncodingChoice::Detect);
            while d.chosen.as_ref().is_none_or(|c| c.at == 0) {
                d.step(step);
            }
            let room = d.text.capacity();
            while !d.step(step) {}
            assert_eq!(d.text.capacity(), room, "in steps of {step}");
        }
    }

    #[test]
    fn empty_input_is_empty_text() {
        assert_eq!(decode(b"", EncodingChoice::Detect).text, "");
    }
}
