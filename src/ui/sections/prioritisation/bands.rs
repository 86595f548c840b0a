//! Opportunity bands: expected deal sizes that map to the 0–10 opportunity factor.
//! With N ascending thresholds, a deal at or above the n-th scores n × 10 / N.

use super::{prioritisation, update};
use crate::domain::Money;
use crate::editing::EditKind;
use crate::prioritisation::parse_bands;
use crate::ui::format;
use crate::ui::i18n::{t, td_string, use_i18n};
use crate::ui::insights::use_insights;
use crate::ui::state::use_app;
use crate::ui::widgets::unique_id;
use leptos::prelude::*;

#[component]
pub fn Bands() -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let insights = use_insights();
    let bands = move || prioritisation(state).opportunity_bands;
    let text = move || bands().iter().map(|m| m.to_plain_string()).collect::<Vec<_>>().join("\n");
    let error = RwSignal::new(None::<String>);
    let id = unique_id("bands");
    let preview = move || {
        let l = i18n.get_locale();
        let currency = state.plan.with(|p| p.as_ref().map(|p| p.currency.clone()).unwrap_or_default());
        let b = bands();
        let n = b.len();
        b.into_iter()
            .enumerate()
            .map(|(k, m)| {
                let points = format::number((k + 1) as f64 * 10.0 / n as f64, l, 1);
                view! { <li>{td_string!(l, prio.band_row, amount = format::money_compact(m, &currency, l), points = points).to_string()}</li> }
            })
            .collect_view()
    };
    view! {
        <section class="card bands" aria-labelledby="bands-title">
            <h2 id="bands-title">{t!(i18n, prio.bands_title)}</h2>
            <p class="muted">{t!(i18n, prio.bands_hint)}</p>
            <div class="field">
                <label for=id.clone()>{t!(i18n, prio.bands_label)}</label>
                <textarea id=id rows="4" class="mono" aria-invalid=move || error.with(Option::is_some).to_string()
                    prop:value=text
                    on:change=move |ev| match parse_bands(&event_target_value(&ev), &state.currency_untracked()) {
                        Ok(b) => { error.set(None); update(state, EditKind::EditWeights, |p| p.opportunity_bands = b); }
                        Err(bad) => error.set(Some(td_string!(state.locale(), prio.bands_invalid, text = bad).to_string())),
                    }></textarea>
            </div>
            <Show when=move || error.with(Option::is_some)>
                <p class="form-error" role="alert">{move || error.get()}</p>
            </Show>
            <ul class="band-preview" data-testid="band-preview">{preview}</ul>
            {move || {
                let b = insights.basis.get();
                (b.automatic_bands && !b.bands.is_empty()).then(|| {
                    let l = i18n.get_locale();
                    let currency = state.plan.with(|p| p.as_ref().map(|p| p.currency.clone()).unwrap_or_default());
                    let shown: Vec<String> = b.bands.iter().filter_map(|v| Money::from_f64((v * 100.0).round() / 100.0).ok()).map(|m| format::money_compact(m, &currency, l)).collect();
                    view! { <p class="muted" data-testid="automatic-bands">{td_string!(l, prio.automatic_bands, bands = shown.join(" · ")).to_string()}</p> }
                })
            }}
        </section>
    }
}
