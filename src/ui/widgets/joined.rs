//! Several values a user wrote, shown on one line between separators.
//!
//! Each value is its own `<bdi>`: a bidi isolate whose direction comes from its
//! first strong letter. So a right-to-left value, or a direction override
//! (U+202E) left open in one, cannot reorder the separators or the values after
//! it, as it would in one joined string. What is read aloud or copied is the
//! same text as before: `CTO · 経営企画部`.

use leptos::prelude::*;

/// The non-empty `parts`, each isolated, with `separator` between them.
pub fn joined(parts: impl IntoIterator<Item = String>, separator: &'static str) -> AnyView {
    parts.into_iter().filter(|p| !p.is_empty()).enumerate().map(|(i, part)| view! { {(i > 0).then_some(separator)}<bdi>{part}</bdi> }).collect_view().into_any()
}
