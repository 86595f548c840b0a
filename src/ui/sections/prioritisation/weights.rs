//! Factor weights: a slider and a number per factor, each shown as its share of
//! the total. Moving a slider re-ranks live (what-if); letting go saves it.

use super::{prioritisation, update};
use crate::domain::prioritisation::is_weight;
use crate::domain::quantity::parse_number;
use crate::domain::{Factor, FactorId, FactorScale, FactorSource, IdGenerator};
use crate::editing::EditKind;
use crate::prioritisation::normalised_weights;
use crate::ui::format;
use crate::ui::i18n::{t, t_string, td_string, use_i18n, Locale};
use crate::ui::insights::use_insights;
use crate::ui::labels;
use crate::ui::state::use_app;
use crate::ui::widgets::{unique_id, ChoiceField, DialogFooter, Modal, TextField};
use leptos::prelude::*;

/// The largest weight a slider offers; the number field accepts more.
const SLIDER_MAX: f64 = 100.0;

#[component]
pub fn Weights() -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let insights = use_insights();
    let factors = move || prioritisation(state).factors;
    // The weights in effect: the ones being tried while a slider moves, else saved.
    let weights = move || insights.trial_weights.get().unwrap_or_else(|| factors().iter().map(|f| f.weight).collect());
    let try_weight = move |k: usize, v: f64| {
        insights.mark_baseline();
        let mut w = weights();
        if let Some(x) = w.get_mut(k) {
            *x = v;
        }
        insights.trial_weights.set(Some(w));
    };
    let commit = move |k: usize, v: f64| {
        insights.mark_baseline();
        insights.trial_weights.set(None);
        update(state, EditKind::EditWeights, |p| {
            if let Some(f) = p.factors.get_mut(k) {
                f.weight = v;
            }
        });
    };
    let adding = RwSignal::new(false);
    view! {
        <section class="card weights" aria-labelledby="weights-title">
            <div class="section-head">
                <h2 id="weights-title">{t!(i18n, prio.weights_title)}</h2>
                <button type="button" class="button" on:click=move |_| adding.set(true)>{t!(i18n, prio.add_factor)}</button>
            </div>
            <p class="muted">{t!(i18n, prio.weights_hint)}</p>
            <ul class="factor-list">
                {move || factors().into_iter().enumerate().map(|(k, f)| view! { <FactorWeight k factor=f weights=Signal::derive(weights) try_weight commit/> }).collect_view()}
            </ul>
            <Show when=move || insights.baseline.with(Option::is_some)>
                <p class="muted movement-note">
                    {t!(i18n, prio.movement_note)}" "
                    <button type="button" class="button button-small button-quiet" on:click=move |_| insights.baseline.set(None)>{t!(i18n, prio.clear_movement)}</button>
                </p>
            </Show>
            <AddFactor open=adding/>
        </section>
    }
}

#[component]
fn FactorWeight(
    k: usize,
    factor: Factor,
    weights: Signal<Vec<f64>>,
    try_weight: impl Fn(usize, f64) + Copy + Send + Sync + 'static,
    commit: impl Fn(usize, f64) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let insights = use_insights();
    let weight = move || weights.with(|w| w.get(k).copied().unwrap_or(0.0));
    // The share in the ranking: a factor set aside for lack of data has none.
    let share = move || {
        insights.ranking.with(|r| r.shares.get(k).copied()).unwrap_or_else(|| weights.with(|w| normalised_weights(w).get(k).copied().unwrap_or(0.0))) * 100.0
    };
    let coverage = Memo::new(move |_| {
        let b = insights.basis.get();
        let targets = b.targets.iter().filter(|t| t.is_target()).count();
        (b.coverage(k, true), targets)
    });
    let (slider_id, number_id) = (unique_id("weight"), unique_id("weight-number"));
    let name = labels::factor_name(i18n.get_locale_untracked(), &factor);
    let custom = factor.source == FactorSource::Manual && !factor.name.is_empty();
    let id = factor.id.clone();
    let (name2, name3, name4) = (name.clone(), name.clone(), name.clone());
    let invalid = RwSignal::new(false);
    let (scale, source) = (factor.scale, factor.source);
    view! {
        <li class="factor-weight">
            <div class="factor-head">
                <label for=slider_id.clone() class="factor-name">{move || labels::factor_name(i18n.get_locale(), &factor)}</label>
                <span class="muted factor-meta">{move || {
                    let l = i18n.get_locale();
                    let scale = if scale == FactorScale::Percent { "0–100 %" } else { "0–10" };
                    format!("{scale} · {}", labels::factor_source(l, source))
                }}</span>
                <span class="share" data-testid="weight-share">{move || format::percent(share(), i18n.get_locale())}</span>
            </div>
            <div class="slider-row">
                <input id=slider_id type="range" min="0" max=SLIDER_MAX.to_string() step="1"
                    prop:value=move || weight().min(SLIDER_MAX).to_string()
                    aria-valuetext=move || td_string!(i18n.get_locale(), prio.weight_valuetext, weight = format::number(weight(), i18n.get_locale(), 1), share = format::percent(share(), i18n.get_locale())).to_string()
                    on:input=move |ev| if let Some(v) = parse_number(&event_target_value(&ev)) { try_weight(k, v) }
                    on:change=move |ev| if let Some(v) = parse_number(&event_target_value(&ev)) { commit(k, v) }/>
                <label for=number_id.clone() class="visually-hidden">{move || td_string!(i18n.get_locale(), prio.weight_of, name = name2.clone()).to_string()}</label>
                <input id=number_id class="number-small" type="text" inputmode="decimal"
                    prop:value=move || format!("{}", (weight() * 100.0).round() / 100.0)
                    aria-invalid=move || invalid.get().to_string()
                    on:change=move |ev| match parse_number(&event_target_value(&ev)).filter(|v| is_weight(*v)) {
                        Some(v) => { invalid.set(false); commit(k, v) }
                        None => invalid.set(true),
                    }/>
                {custom.then(|| view! {
                    <button type="button" class="button button-small button-danger-quiet"
                        aria-label=move || td_string!(i18n.get_locale(), prio.remove_factor, name = name3.clone()).to_string()
                        on:click=move |_| {
                            let id = id.clone();
                            update(state, EditKind::EditWeights, move |p| p.factors.retain(|f| f.id != id));
                            state.show_toast(td_string!(state.locale(), prio.factor_removed, name = name4.clone()).to_string(), Some(crate::ui::state::ToastAction::UndoEdit));
                        }>{t!(i18n, prio.remove)}</button>
                })}
            </div>
            <Show when=move || invalid.get()>
                <p class="form-error" role="alert">{t!(i18n, prio.weight_invalid)}</p>
            </Show>
            {move || {
                let l = i18n.get_locale();
                let (with, targets) = coverage.get();
                if targets == 0 {
                    ().into_any()
                } else if with == 0 {
                    view! {
                        <details class="factor-gap" data-testid="factor-set-aside">
                            <summary>{td_string!(l, prio.set_aside_short).to_string()}</summary>
                            <p>{td_string!(l, prio.set_aside).to_string()}" "{labels::factor_fill_hint(l, source)}</p>
                        </details>
                    }.into_any()
                } else if with < targets {
                    view! {
                        <p class="muted factor-coverage" data-testid="factor-coverage" title=labels::factor_fill_hint(l, source)>
                            {td_string!(l, prio.coverage, with = format::integer(with as i64, l), targets = format::integer(targets as i64, l)).to_string()}
                        </p>
                    }.into_any()
                } else {
                    view! { <p class="muted factor-coverage" data-testid="factor-coverage">{td_string!(l, prio.coverage_all).to_string()}</p> }.into_any()
                }
            }}
        </li>
    }
}

/// Adds a factor of the user's own, typed by hand per account (0–10 or 0–100 %).
#[component]
fn AddFactor(open: RwSignal<bool>) -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let name = RwSignal::new(String::new());
    let scale = RwSignal::new(Some(FactorScale::TenPoint));
    let weight = RwSignal::new("10".to_string());
    let error = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        if open.get() {
            name.set(String::new());
            weight.set("10".into());
            scale.set(Some(FactorScale::TenPoint));
            error.set(None);
        }
    });
    let save = move || {
        let l = state.locale();
        let n = name.get_untracked().trim().to_string();
        if n.is_empty() {
            return error.set(Some(td_string!(l, prio.factor_name_required).to_string()));
        }
        let taken = state.plan.with_untracked(|p| p.as_ref().is_some_and(|p| p.prioritisation.factors.iter().any(|f| labels::factor_name(l, f) == n)));
        if taken {
            return error.set(Some(td_string!(l, prio.factor_name_taken, name = n).to_string()));
        }
        let Some(w) = parse_number(&weight.get_untracked()).filter(|v| is_weight(*v)) else {
            return error.set(Some(td_string!(l, prio.weight_invalid).to_string()));
        };
        let factor = Factor {
            id: FactorId::generate(&mut IdGenerator::random()),
            name: n,
            weight: w,
            scale: scale.get_untracked().unwrap_or(FactorScale::TenPoint),
            source: FactorSource::Manual,
        };
        update(state, EditKind::EditWeights, move |p| p.factors.push(factor));
        open.set(false);
    };
    let scale_words = |_: Locale, s: FactorScale| {
        match s {
            FactorScale::TenPoint => "0–10",
            FactorScale::Percent => "0–100 %",
        }
        .to_string()
    };
    view! {
        <Modal open title=Signal::derive(move || t_string!(i18n, prio.add_factor).to_string()) class="form-dialog">
            <form class="form" novalidate on:submit=move |ev| { ev.prevent_default(); save(); }>
                <p class="muted">{t!(i18n, prio.add_factor_hint)}</p>
                <TextField value=name>{t!(i18n, prio.factor_name)}</TextField>
                <ChoiceField choices=vec![FactorScale::TenPoint, FactorScale::Percent] words=scale_words value=scale>{t!(i18n, prio.factor_scale)}</ChoiceField>
                <TextField value=weight inputmode="decimal">{t!(i18n, prio.weight)}</TextField>
                <DialogFooter open error submit=Signal::derive(move || t_string!(i18n, prio.add).to_string())/>
            </form>
        </Modal>
    }
}
