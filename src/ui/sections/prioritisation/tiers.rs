//! The tier rule (1:1, 1:few, 1:many): by score thresholds or by capacity (top N),
//! with the number of accounts in each tier. Pins are set per account.

use super::{prioritisation, update};
use crate::domain::quantity::parse_number;
use crate::domain::{Tier, TierRule};
use crate::editing::EditKind;
use crate::ui::format;
use crate::ui::i18n::{t, t_string, td_string, use_i18n};
use crate::ui::insights::use_insights;
use crate::ui::labels;
use crate::ui::state::use_app;
use crate::ui::widgets::unique_id;
use leptos::prelude::*;

#[component]
pub fn Tiers() -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let insights = use_insights();
    let rule = move || prioritisation(state).tiers;
    let by_score = move || matches!(rule(), TierRule::Score { .. });
    let error = RwSignal::new(None::<String>);
    let set_rule = move |r: TierRule| {
        error.set(None);
        update(state, EditKind::EditTiers, |p| p.tiers = r);
    };
    let switch = move |score: bool| {
        let counts = insights.ranking.with_untracked(|r| r.tier_counts);
        set_rule(if score {
            TierRule::Score { tier1_min: 70.0, tier2_min: 45.0 }
        } else {
            // Start from the current split, so switching changes nothing at first.
            TierRule::Capacity { tier1: counts[0] as u32, tier2: counts[1] as u32 }
        });
    };
    // Number fields: the first and second threshold (or count), checked together.
    let edit = move |which: usize, text: String| {
        let l = state.locale();
        let Some(v) = parse_number(&text) else { return error.set(Some(td_string!(l, prio.tier_number_invalid).to_string())) };
        match rule() {
            TierRule::Score { tier1_min, tier2_min } => {
                let (a, b) = if which == 0 { (v, tier2_min) } else { (tier1_min, v) };
                if !(0.0..=100.0).contains(&a) || !(0.0..=100.0).contains(&b) || b > a {
                    return error.set(Some(td_string!(l, prio.tier_score_invalid).to_string()));
                }
                set_rule(TierRule::Score { tier1_min: a, tier2_min: b });
            }
            TierRule::Capacity { tier1, tier2 } => {
                if v < 0.0 || v.fract() != 0.0 || v > 1e7 {
                    return error.set(Some(td_string!(l, prio.tier_capacity_invalid).to_string()));
                }
                let (a, b) = if which == 0 { (v as u32, tier2) } else { (tier1, v as u32) };
                set_rule(TierRule::Capacity { tier1: a, tier2: b });
            }
        }
    };
    let value = move |which: usize| match rule() {
        TierRule::Score { tier1_min, tier2_min } => format!("{}", if which == 0 { tier1_min } else { tier2_min }),
        TierRule::Capacity { tier1, tier2 } => format!("{}", if which == 0 { tier1 } else { tier2 }),
    };
    let name = unique_id("tier-rule");
    let (first, second) = (unique_id("tier-first"), unique_id("tier-second"));
    view! {
        <section class="card tiers" aria-labelledby="tiers-title">
            <h2 id="tiers-title">{t!(i18n, prio.tiers_title)}</h2>
            <fieldset class="field">
                <legend>{t!(i18n, prio.tier_by)}</legend>
                <label class="radio"><input type="radio" name=name.clone() prop:checked=by_score on:change=move |_| switch(true)/>{t!(i18n, prio.tier_by_score)}</label>
                <label class="radio"><input type="radio" name=name prop:checked=move || !by_score() on:change=move |_| switch(false)/>{t!(i18n, prio.tier_by_capacity)}</label>
            </fieldset>
            <div class="field-row">
                <div class="field">
                    <label for=first.clone()>{move || if by_score() { t_string!(i18n, prio.tier1_min) } else { t_string!(i18n, prio.tier1_count) }}</label>
                    <input id=first class="number-small" type="text" inputmode="decimal" prop:value=move || value(0) on:change=move |ev| edit(0, event_target_value(&ev))/>
                </div>
                <div class="field">
                    <label for=second.clone()>{move || if by_score() { t_string!(i18n, prio.tier2_min) } else { t_string!(i18n, prio.tier2_count) }}</label>
                    <input id=second class="number-small" type="text" inputmode="decimal" prop:value=move || value(1) on:change=move |ev| edit(1, event_target_value(&ev))/>
                </div>
            </div>
            <Show when=move || !by_score()>
                <p class="muted">{t!(i18n, prio.capacity_hint)}</p>
            </Show>
            <Show when=move || error.with(Option::is_some)>
                <p class="form-error" role="alert">{move || error.get()}</p>
            </Show>
            <ul class="tier-counts" data-testid="tier-counts">
                {Tier::ALL.into_iter().map(|t| view! {
                    <li>
                        <span class=format!("tier-badge tier-{}", t.number())>{move || td_string!(i18n.get_locale(), accounts.tier_n, n = t.number()).to_string()}</span>
                        <span class="muted">{move || labels::tier_style(i18n.get_locale(), t)}</span>
                        <strong data-testid=format!("tier-count-{}", t.number())>{move || {
                            let l = i18n.get_locale();
                            let n = insights.ranking.with(|r| r.tier_counts[usize::from(t.number() - 1)]);
                            td_string!(l, prio.tier_count, count = n, n = format::integer(n as i64, l)).to_string()
                        }}</strong>
                    </li>
                }).collect_view()}
            </ul>
        </section>
    }
}
