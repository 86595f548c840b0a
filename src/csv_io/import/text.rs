//! Bytes to text. CSV files arrive as UTF-8 (with or without the byte-order mark
//! Excel writes), as UTF-16 (Excel's "Unicode text", tab-separated), or as
//! Shift_JIS / CP932, which Japanese tools and older Excel still produce. The
//! decoding is `encoding_rs`'s (the WHATWG encodings a browser uses); only the
//! choice of encoding is ours.

use encoding_rs::{Encoding, SHIFT_JIS, UTF_16BE, UTF_16LE, UTF_8};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
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
    decoder: encoding_rs::Decoder,
    kind: TextEncoding,
    /// The next byte to decode.
    at: usize,
}

impl<B: AsRef<[u8]>> Decoding<B> {
    pub fn new(bytes: B, choice: EncodingChoice) -> Self {
        let all = bytes.as_ref();
        let chosen = match choice {
            EncodingChoice::Utf8 => {
                let bom = if all.starts_with(b"\xEF\xBB\xBF") { 3 } else { 0 };
                Some(Chosen::new(UTF_8, if bom > 0 { TextEncoding::Utf8Bom } else { TextEncoding::Utf8 }, bom))
            }
            EncodingChoice::ShiftJis => Some(Chosen::new(SHIFT_JIS, TextEncoding::ShiftJis, 0)),
            EncodingChoice::Detect => match Encoding::for_bom(all) {
                Some((e, n)) if e == UTF_8 => Some(Chosen::new(UTF_8, TextEncoding::Utf8Bom, n)),
                Some((e, n)) if e == UTF_16LE || e == UTF_16BE => Some(Chosen::new(e, TextEncoding::Utf16, n)),
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
                    self.chosen = Some(Chosen::new(SHIFT_JIS, TextEncoding::ShiftJis, 0));
                    return false;
                }
            }
            if self.checked == all.len() {
                self.chosen = Some(Chosen::new(UTF_8, TextEncoding::Utf8, 0));
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
        let last = end == all.len();
        let input = &all[chosen.at..end];
        let mut read = 0;
        loop {
            let (result, n, replaced) = chosen.decoder.decode_to_string(&input[read..], &mut self.text, last);
            read += n;
            self.replaced |= replaced;
            match result {
                encoding_rs::CoderResult::InputEmpty => break,
                encoding_rs::CoderResult::OutputFull => self.text.reserve(input.len() - read + 16),
            }
        }
        chosen.at = end;
        last
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
    fn new(encoding: &'static Encoding, kind: TextEncoding, at: usize) -> Self {
        Chosen { decoder: encoding.new_decoder_without_bom_handling(), kind, at }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let inputs = [text.as_bytes().to_vec(), format!("\u{feff}{text}").into_bytes(), sjis(text), utf16, bad_late, vec![0xE6, 0x9D], Vec::new()];
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
