//! A section's tabs. Each tab is a link in the URL (`#/section/tab`), so a
//! reload or a shared link opens the same view; the current one is marked for
//! the eye and for screen readers (`aria-current`).

use crate::ui::format;
use crate::ui::i18n::use_i18n;
use crate::ui::routing::Section;
use leptos::prelude::*;

/// The tab a URL's detail (`duplicates` in `#/data-quality/duplicates`) names,
/// or the first tab.
pub fn tab_of<T: Copy>(tabs: &[T], slug: fn(T) -> &'static str, detail: Option<&str>) -> Option<T> {
    tabs.iter().copied().find(|t| Some(slug(*t)) == detail).or_else(|| tabs.first().copied())
}

#[component]
pub fn SubNav<T>(
    section: Section,
    tabs: Vec<T>,
    #[prop(into)] current: Signal<T>,
    /// What the tabs are, for screen readers.
    #[prop(into)]
    label: Signal<String>,
    /// The tab's part of the URL, also its test id (`tab-deals`).
    slug: fn(T) -> &'static str,
    name: Callback<T, String>,
    /// When given, a count beside each tab's name.
    #[prop(optional)]
    count: Option<Callback<T, usize>>,
) -> impl IntoView
where
    T: Copy + PartialEq + Send + Sync + 'static,
{
    let i18n = use_i18n();
    view! {
        <nav class="sub-nav" aria-label=move || label.get()>
            {tabs.into_iter().map(|t| view! {
                <a href=section.href_to(slug(t)) class:active=move || current.get() == t
                    aria-current=move || (current.get() == t).then_some("page") data-testid=format!("tab-{}", slug(t))>
                    {move || name.run(t)}
                    {count.map(|count| view! {
                        <span class="sub-nav-count">{move || format::integer(count.run(t) as i64, i18n.get_locale())}</span>
                    })}
                </a>
            }).collect_view()}
        </nav>
    }
}
