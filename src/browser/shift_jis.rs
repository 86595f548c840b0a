//! Shift_JIS (CP932) decoding by the browser's own `TextDecoder`: the WHATWG
//! decoder `encoding_rs` implements, already in every browser, so the Wasm does
//! not carry a second copy of its tables.

use crate::csv_io::import::ShiftJisDecoder;
use web_sys::{TextDecodeOptions, TextDecoder};

struct Browser {
    decoder: Option<TextDecoder>,
}

/// A decoder for one file, for `csv_io::import::use_shift_jis`.
pub fn decoder() -> Box<dyn ShiftJisDecoder> {
    Box::new(Browser { decoder: TextDecoder::new_with_label("shift_jis").ok() })
}

impl ShiftJisDecoder for Browser {
    fn decode(&mut self, bytes: &[u8], out: &mut String, last: bool) -> bool {
        let options = TextDecodeOptions::new();
        // Streaming keeps a character cut by the stretch's end for the next call.
        options.set_stream(!last);
        let text = self.decoder.as_ref().and_then(|d| d.decode_with_u8_array_and_options(bytes, &options).ok());
        match text {
            // Shift_JIS has no U+FFFD: every one in the text replaced bad bytes.
            Some(text) => {
                out.push_str(&text);
                text.contains('\u{fffd}')
            }
            // A browser without the decoder: say the text is garbled rather than lose it.
            None => {
                out.extend(bytes.iter().map(|&b| if b.is_ascii() { b as char } else { '\u{fffd}' }));
                !bytes.is_ascii()
            }
        }
    }
}
