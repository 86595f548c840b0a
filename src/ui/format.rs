//! Numbers, money and dates formatted for the user's language with the browser's
//! own `Intl` (grouping separators, yen without decimals, local date order).

use crate::domain::quantity::write_number;
use crate::domain::{Currency, Date, Money, Timestamp};
use crate::ui::i18n::{tag, Locale};
use js_sys::{Array, Intl, Object, Reflect};
use std::cell::RefCell;
use std::collections::HashMap;
use wasm_bindgen::JsValue;

thread_local! {
    static NUMBER: RefCell<HashMap<String, Intl::NumberFormat>> = RefCell::new(HashMap::new());
    static DATES: RefCell<HashMap<String, Intl::DateTimeFormat>> = RefCell::new(HashMap::new());
}

fn options(pairs: &[(&str, JsValue)]) -> Object {
    let o = Object::new();
    for (k, v) in pairs {
        let _ = Reflect::set(&o, &JsValue::from_str(k), v);
    }
    o
}

fn number_format(key: String, locale: Locale, opts: &[(&str, JsValue)]) -> Intl::NumberFormat {
    NUMBER.with(|cache| cache.borrow_mut().entry(key).or_insert_with(|| Intl::NumberFormat::new(&Array::of1(&tag(locale).into()), &options(opts))).clone())
}

fn call(format: &js_sys::Function, v: JsValue) -> String {
    format.call1(&JsValue::NULL, &v).ok().and_then(|s| s.as_string()).unwrap_or_default()
}

/// `1,234.5` / `1,234.5`; at most `decimals` decimals.
pub fn number(v: f64, locale: Locale, decimals: u8) -> String {
    // Written here rather than by `Intl` (which words NaN and infinities):
    // a ranked list formats a few hundred numbers per weight change, and each
    // trip to `Intl` and back cost more than the rest of the number's work.
    if let Some(text) = write_number(v, decimals) {
        return text;
    }
    let f = number_format(format!("n{}{decimals}", tag(locale)), locale, &[("maximumFractionDigits", decimals.into())]);
    call(&f.format(), v.into())
}

pub fn integer(v: i64, locale: Locale) -> String {
    number(v as f64, locale, 0)
}

/// `¥1,200,000` (yen has no decimals), `$12,500.50`.
pub fn money(m: Money, currency: &Currency, locale: Locale) -> String {
    let f = number_format(
        format!("m{}{}", tag(locale), currency.code()),
        locale,
        // `$593,600`, not `$593,600.00`; cents only where there are some.
        &[("style", "currency".into()), ("currency", currency.code().into()), ("trailingZeroDisplay", "stripIfInteger".into())],
    );
    call(&f.format(), m.to_f64().into())
}

/// Compact money for tight places: `¥12億` / `¥1.2B`.
pub fn money_compact(m: Money, currency: &Currency, locale: Locale) -> String {
    let f = number_format(
        format!("mc{}{}", tag(locale), currency.code()),
        locale,
        &[("style", "currency".into()), ("currency", currency.code().into()), ("notation", "compact".into())],
    );
    call(&f.format(), m.to_f64().into())
}

pub fn percent(v: f64, locale: Locale) -> String {
    format!("{}%", number(v, locale, 1))
}

fn date_format(key: &str, locale: Locale, opts: &[(&str, JsValue)]) -> Intl::DateTimeFormat {
    DATES.with(|cache| {
        cache
            .borrow_mut()
            .entry(format!("{key}{}", tag(locale)))
            .or_insert_with(|| Intl::DateTimeFormat::new(&Array::of1(&tag(locale).into()), &options(opts)))
            .clone()
    })
}

/// A calendar day: `2026/11/23` / `Nov 23, 2026`.
pub fn date(d: Date, locale: Locale) -> String {
    let f = date_format("d", locale, &[("dateStyle", "medium".into()), ("timeZone", "UTC".into())]);
    let ms = d.at(0, 0).millis() as f64;
    call(&f.format(), js_sys::Date::new(&ms.into()).into())
}

/// An instant in the user's time zone: `2026/11/23 10:32`.
pub fn date_time(t: Timestamp, locale: Locale) -> String {
    let f = date_format("dt", locale, &[("dateStyle", "medium".into()), ("timeStyle", "short".into())]);
    call(&f.format(), js_sys::Date::new(&(t.millis() as f64).into()).into())
}

/// Just the time of day, for "saved at 10:32".
pub fn time(t: Timestamp, locale: Locale) -> String {
    let f = date_format("t", locale, &[("timeStyle", "short".into())]);
    call(&f.format(), js_sys::Date::new(&(t.millis() as f64).into()).into())
}

/// `1.2 MB`, for storage sizes given in UTF-16 code units (2 bytes each).
pub fn storage_size(units: usize, locale: Locale) -> String {
    let bytes = units as f64 * 2.0;
    if bytes >= 1024.0 * 1024.0 {
        format!("{} MB", number(bytes / 1024.0 / 1024.0, locale, 1))
    } else {
        format!("{} KB", number((bytes / 1024.0).max(0.1), locale, 1))
    }
}
