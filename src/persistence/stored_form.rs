//! The form a saved plan takes in local storage: compressed when large.
//!
//! Local storage holds about 5.2 million UTF-16 code units per origin in Chromium
//! (docs/storage.md), and a save needs room for the new version beside the old
//! one. Plain JSON of 10,000 accounts with 30,000 contacts and 5,000 deals is
//! about 6.7 million units and did not fit at all; stored here it takes 0.8
//! million (docs/storage.md says how much fits). Plans above
//! [`PLAIN_LIMIT`] are stored as raw deflate (`miniz_oxide`), written 15 bits per
//! UTF-16 code unit in U+00A0…U+809F: no surrogates and no control characters, so
//! the text survives any string handling, at 8/15 of a unit per byte.
//!
//! Stored text: `abm-deflate:<compressed bytes>:<payload>`. Anything else is read
//! as plain JSON (older versions, small plans), so no migration is needed.

use std::borrow::Cow;

const MARKER: &str = "abm-deflate:";
/// Below this (UTF-8 bytes of JSON), plans are kept as plain JSON: readable in
/// the browser's developer tools, and compression would save little.
pub const PLAIN_LIMIT: usize = 64 * 1024;
/// Decompressed text larger than this is refused (a damaged or hostile entry
/// must not exhaust memory); 16 times the largest possible stored text.
const INFLATED_LIMIT: usize = 512 * 1024 * 1024;
/// Above the C0 and C1 control characters; BASE + 0x7FFF stays below the surrogates.
const BASE: u32 = 0xA0;
/// Fast and still about 8× smaller on plan JSON; higher levels cost more than
/// twice the time for a few per cent.
const LEVEL: u8 = 1;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unpacked {
    /// The payload is cut short or holds characters outside the encoding.
    Damaged,
    /// The compressed data is not valid deflate, or inflates beyond the limit.
    NotDeflate,
    /// It inflated to bytes that are not UTF-8 text.
    NotText,
}

/// The stored form of a plan's JSON text.
pub fn pack(json: &str) -> String {
    if json.len() < PLAIN_LIMIT {
        return json.to_string();
    }
    deflated_at(json, LEVEL)
}

/// The compressed form at a compression `level` (1 fastest … 9 smallest),
/// whatever the size: parts of a plan stored in parts (`parts`) use it too,
/// where a run of a few dozen records still shrinks 4 to 5 times.
pub fn deflated_at(json: &str, level: u8) -> String {
    let bytes = miniz_oxide::deflate::compress_to_vec(json.as_bytes(), level);
    let mut out = String::with_capacity(MARKER.len() + 12 + bytes.len() * 8 / 15 * 3 + 3);
    out.push_str(MARKER);
    out.push_str(&bytes.len().to_string());
    out.push(':');
    let (mut acc, mut bits) = (0u32, 0u32);
    for b in bytes {
        acc = (acc << 8) | u32::from(b);
        bits += 8;
        if bits >= 15 {
            bits -= 15;
            out.push(unit((acc >> bits) & 0x7FFF));
            acc &= (1 << bits) - 1;
        }
    }
    if bits > 0 {
        out.push(unit((acc << (15 - bits)) & 0x7FFF));
    }
    out
}

fn unit(v: u32) -> char {
    // BASE + v ≤ 0x809F: always a scalar value.
    char::from_u32(BASE + v).unwrap_or(' ')
}

/// The JSON text of a stored plan (borrowed when it was stored plain).
pub fn unpack(stored: &str) -> Result<Cow<'_, str>, Unpacked> {
    let Some(rest) = stored.strip_prefix(MARKER) else { return Ok(Cow::Borrowed(stored)) };
    let (len, payload) = rest.split_once(':').ok_or(Unpacked::Damaged)?;
    let len: usize = len.parse().map_err(|_| Unpacked::Damaged)?;
    // Each unit carries under two bytes: a larger count is a lie, not a size to allocate.
    let mut bytes = Vec::with_capacity(len.min(payload.len().saturating_mul(2)));
    let (mut acc, mut bits) = (0u32, 0u32);
    for c in payload.chars() {
        let v = (c as u32).checked_sub(BASE).filter(|v| *v <= 0x7FFF).ok_or(Unpacked::Damaged)?;
        acc = (acc << 15) | v;
        bits += 15;
        while bits >= 8 && bytes.len() < len {
            bits -= 8;
            bytes.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    if bytes.len() != len {
        return Err(Unpacked::Damaged);
    }
    let inflated = miniz_oxide::inflate::decompress_to_vec_with_limit(&bytes, INFLATED_LIMIT).map_err(|_| Unpacked::NotDeflate)?;
    String::from_utf8(inflated).map(Cow::Owned).map_err(|_| Unpacked::NotText)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn big(seed: u64) -> String {
        let mut rng = fastrand::Rng::with_seed(seed);
        let mut s = String::from("{\"format\":\"abm-planner/plan\",\"plan\":[");
        while s.len() < PLAIN_LIMIT * 2 {
            s.push_str(&format!("{{\"id\":\"acc_{:x}\",\"name\":\"株式会社テスト{}\"}},", rng.u64(..), rng.u32(..1000)));
        }
        s.push_str("{}]}");
        s
    }

    #[test]
    fn small_plans_stay_plain_and_large_ones_shrink() {
        assert_eq!(pack("{\"a\":1}"), "{\"a\":1}");
        let json = big(1);
        let stored = pack(&json);
        assert!(stored.starts_with(MARKER));
        let units = stored.encode_utf16().count();
        assert!(units * 3 < json.encode_utf16().count(), "{units} units for {} bytes", json.len());
        assert!(stored.chars().skip(MARKER.len()).all(|c| c.is_ascii_digit() || c == ':' || ('\u{A0}'..='\u{809F}').contains(&c)));
        assert_eq!(unpack(&stored).unwrap(), json);
    }

    #[test]
    fn plain_text_is_read_as_it_is() {
        assert!(matches!(unpack("{\"format\":1}"), Ok(Cow::Borrowed("{\"format\":1}"))));
        assert!(matches!(unpack("not json"), Ok(Cow::Borrowed("not json"))));
    }

    #[test]
    fn damaged_entries_are_errors_not_panics() {
        let stored = pack(&big(2));
        let cut = &stored[..stored.char_indices().nth(stored.chars().count() / 2).unwrap().0];
        assert_eq!(unpack(cut), Err(Unpacked::Damaged));
        assert_eq!(unpack("abm-deflate:"), Err(Unpacked::Damaged));
        assert_eq!(unpack("abm-deflate:x:"), Err(Unpacked::Damaged));
        assert_eq!(unpack("abm-deflate:99999999999999999999:"), Err(Unpacked::Damaged));
        assert_eq!(unpack("abm-deflate:2:\u{10000}"), Err(Unpacked::Damaged));
        // Well-formed units that are not deflate data.
        assert_eq!(unpack("abm-deflate:4:\u{809F}\u{809F}\u{809F}"), Err(Unpacked::NotDeflate));
        // Characters below the encoding's range (controls, ASCII) are damage.
        assert_eq!(unpack("abm-deflate:2:AB"), Err(Unpacked::Damaged));
    }

    proptest! {
        #[test]
        fn every_text_comes_back(words in prop::collection::vec("[a-z0-9\"{}:,]{1,12}|[あ-ん]{1,4}|🙂", 0..200)) {
            let json: String = words.concat();
            let stored = deflated_at(&json, LEVEL);
            prop_assert_eq!(unpack(&stored).unwrap(), json.as_str());
        }

        #[test]
        fn any_stored_text_is_read_without_panic(s in "abm-deflate:[0-9]{0,4}:[ -\u{80FF}]{0,64}") {
            let _ = unpack(&s);
        }
    }
}
