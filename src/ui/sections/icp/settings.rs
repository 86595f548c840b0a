//! How fit is computed, in words, and its settings: the target-list threshold, the
//! near-miss margin and what missing data counts for.

use super::{profile, update_icp, use_state};
use crate::domain::quantity::parse_number;
use crate::domain::UnknownPolicy;
use crate::editing::EditKind;
use crate::ui::format;
use crate::ui::i18n::{t, td_string, use_i18n};
use crate::ui::widgets::unique_id;
use leptos::prelude::*;

#[component]
pub fn FitSettings() -> impl IntoView {
    let state = use_state();
    let i18n = use_i18n();
    let threshold_live = RwSignal::new(None::<f64>);
    let threshold = move || threshold_live.get().unwrap_or_else(|| profile(state).fit_threshold);
    let margin = move || profile(state).near_miss_percent;
    let policy = move || profile(state).unknown_values;
    let (t_id, m_id) = (unique_id("threshold"), unique_id("margin"));
    let group = unique_id("unknown");
    let set_policy = move |p: UnknownPolicy| update_icp(state, EditKind::EditIcp, move |icp| icp.unknown_values = p);
    let t_number = t_id.clone();
    view! {
        <section class="card icp-settings" aria-labelledby="rules-title">
            <h2 id="rules-title">{t!(i18n, icp.rules_title)}</h2>
            <ul class="rules">
                <li>{t!(i18n, icp.rule_full)}</li>
                <li>{move || td_string!(i18n.get_locale(), icp.rule_range, margin = format::percent(margin(), i18n.get_locale())).to_string()}</li>
                <li>{t!(i18n, icp.rule_all)}</li>
                <li>{t!(i18n, icp.rule_percent)}</li>
            </ul>
            <div class="form">
                <div class="field">
                    <label for=t_id.clone()>{t!(i18n, icp.threshold)}</label>
                    <div class="slider-row">
                        <input id=t_id type="range" min="0" max="100" step="1" prop:value=move || threshold().to_string()
                            on:input=move |ev| threshold_live.set(event_target_value(&ev).parse().ok())
                            on:change=move |ev| {
                                threshold_live.set(None);
                                if let Ok(v) = event_target_value(&ev).parse::<f64>() {
                                    update_icp(state, EditKind::EditIcp, move |icp| icp.fit_threshold = v);
                                }
                            } />
                        <output for=t_number class="slider-value">{move || format::percent(threshold(), i18n.get_locale())}</output>
                    </div>
                    <p class="muted">{t!(i18n, icp.threshold_help)}</p>
                </div>
                <div class="field">
                    <label for=m_id.clone()>{t!(i18n, icp.near_miss)}</label>
                    <input id=m_id type="number" min="0" max="100" step="5" class="number-small" prop:value=move || margin().to_string()
                        on:change=move |ev| {
                            if let Some(v) = parse_number(&event_target_value(&ev)).filter(|v| (0.0..=100.0).contains(v)) {
                                update_icp(state, EditKind::EditIcp, move |icp| icp.near_miss_percent = v);
                            }
                        } />
                </div>
                <fieldset class="field">
                    <legend>{t!(i18n, icp.unknown_policy)}</legend>
                    {[(UnknownPolicy::Excluded, "excluded"), (UnknownPolicy::NoCredit, "no"), (UnknownPolicy::HalfCredit, "half")].into_iter().map(|(p, tag)| {
                        let id = format!("{group}-{tag}");
                        let for_id = id.clone();
                        view! {
                            <label class="radio" for=for_id>
                                <input type="radio" id=id name=group.clone() prop:checked=move || policy() == p on:change=move |_| set_policy(p) />
                                {move || match p {
                                    UnknownPolicy::Excluded => td_string!(i18n.get_locale(), icp.unknown_excluded),
                                    UnknownPolicy::NoCredit => td_string!(i18n.get_locale(), icp.unknown_no_credit),
                                    UnknownPolicy::HalfCredit => td_string!(i18n.get_locale(), icp.unknown_half),
                                }}
                            </label>
                        }
                    }).collect_view()}
                </fieldset>
            </div>
        </section>
    }
}
