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

/// Decodes `bytes`: a byte-order mark decides; otherwise valid UTF-8 is UTF-8 and
/// anything else is read as Shift_JIS (CP932). Valid UTF-8 that is really
/// Shift_JIS is vanishingly rare for Japanese text (its lead bytes make invalid
/// UTF-8 within a few characters), so the guess is safe in that direction.
pub fn decode(bytes: &[u8], choice: EncodingChoice) -> Decoded {
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

    #[test]
    fn empty_input_is_empty_text() {
        assert_eq!(decode(b"", EncodingChoice::Detect).text, "");
    }
}
