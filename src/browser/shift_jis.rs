//! Shift_JIS (CP932) decoding by the browser's own `TextDecoder`: the WHATWG
//! decoder `encoding_rs` implements, already in every browser, so the Wasm does
//! not carry a second copy of its tables.

use crate::csv_io::import::{AsciiOnly, ShiftJisDecoder};
use web_sys::{TextDecodeOptions, TextDecoder};

struct Browser(TextDecoder);

/// A decoder for one file, for `csv_io::import::use_shift_jis`. A browser
/// without one gets the core's last resort, which says the text is garbled
/// rather than lose it.
pub fn decoder() -> Box<dyn ShiftJisDecoder> {
    match TextDecoder::new_with_label("shift_jis") {
        Ok(d) => Box::new(Browser(d)),
        Err(_) => Box::new(AsciiOnly),
    }
}

impl ShiftJisDecoder for Browser {
    fn decode(&mut self, bytes: &[u8], out: &mut String, last: bool) -> bool {
        let options = TextDecodeOptions::new();
        // Streaming keeps a character cut by the stretch's end for the next call.
        options.set_stream(!last);
        match self.0.decode_with_u8_array_and_options(bytes, &options) {
            // Shift_JIS has no U+FFFD: every one in the text replaced bad bytes.
            Ok(text) => {
                out.push_str(&text);
                text.contains('\u{fffd}')
            }
            Err(_) => AsciiOnly.decode(bytes, out, last),
        }
    }
}
