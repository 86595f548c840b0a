//! Translations: the typed keys generated from `locales/*.json` by leptos_i18n.
//! Every text the user reads comes from there.

// The generated code is a module named `i18n` inside this one. It is not ours
// to change, so the crate's ban on unwrap/expect does not apply to it.
#[allow(clippy::module_inception, clippy::unwrap_used, clippy::expect_used)]
mod generated {
    include!(concat!(env!("OUT_DIR"), "/i18n/mod.rs"));
}

pub use generated::i18n;

pub use i18n::*;

/// The language for a tag such as `ja-JP` or `en-US`.
pub fn locale_from_tag(tag: &str) -> Option<Locale> {
    let lang = tag.split(['-', '_']).next()?.to_ascii_lowercase();
    match lang.as_str() {
        "ja" => Some(Locale::ja),
        "en" => Some(Locale::en),
        _ => None,
    }
}

/// The first language of the browser's preferences that the app speaks.
pub fn browser_locale() -> Locale {
    let Some(nav) = web_sys::window().map(|w| w.navigator()) else {
        return Locale::en;
    };
    nav.languages().iter().filter_map(|v| v.as_string()).chain(nav.language()).find_map(|t| locale_from_tag(&t)).unwrap_or(Locale::en)
}

pub fn tag(locale: Locale) -> &'static str {
    match locale {
        Locale::en => "en",
        Locale::ja => "ja",
    }
}
