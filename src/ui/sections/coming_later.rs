//! The section a later release fills (data quality): what it will do, and the
//! data this plan already holds for it. Never a blank page.

use crate::ui::format;
use crate::ui::i18n::{t, t_string, use_i18n};
use crate::ui::state::use_app;
use leptos::prelude::*;

#[component]
pub fn ComingLater() -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let title = move || t_string!(i18n, nav.data_quality);
    let description = move || t_string!(i18n, coming.data_quality);
    let facts = move || {
        let l = i18n.get_locale();
        state.plan.with(|p| {
            let Some(p) = p else { return Vec::new() };
            let n = |v: usize| format::integer(v as i64, l);
            let rows: Vec<(String, String)> = vec![(t_string!(i18n, counts.accounts).to_string(), n(p.accounts.len())), (t_string!(i18n, counts.contacts).to_string(), n(p.contacts.len()))];
            rows
        })
    };
    view! {
        <section class="section" aria-labelledby="section-title">
            <header class="section-head">
                <h1 id="section-title">{title}</h1>
                <span class="badge badge-later">{t!(i18n, coming.badge)}</span>
            </header>
            <p class="lead">{description}</p>
            <Show when=move || !facts().is_empty()>
                <p>{t!(i18n, coming.has_data)}</p>
                <dl class="facts">
                    {move || facts().into_iter().map(|(k, v)| view! { <div><dt>{k}</dt><dd>{v}</dd></div> }).collect_view()}
                </dl>
            </Show>
        </section>
    }
}
