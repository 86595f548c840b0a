//! The purchase prediction: how much labelled data there is, how trustworthy the
//! model is (cross-validated AUC in words), the open accounts most likely to buy
//! with the drivers behind each, what the model learnt, and a button that makes
//! the probability a prioritisation factor.

use super::labels;
use crate::browser::clock;
use crate::domain::sorting;
use crate::domain::{Factor, FactorId, FactorScale, FactorSource, IdGenerator};
use crate::editing::{Change, EditKind};
use crate::prediction::{predict, Label, Prediction, Trust, Verdict, MIN_PER_CLASS};
use crate::ui::format;
use crate::ui::i18n::{t, t_string, td_string, use_i18n};
use crate::ui::insights::{use_insights, Shared};
use crate::ui::routing::Section;
use crate::ui::state::use_app;
use leptos::prelude::*;
use std::sync::Arc;

/// Open accounts listed (all are scored).
const SHOWN: usize = 100;

#[component]
pub fn PredictionView() -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let insights = use_insights();
    let prediction: Memo<Option<Shared<Prediction>>> = Memo::new(move |_| {
        let basis = insights.basis.get();
        state.plan.with(|p| p.as_ref().map(|p| Shared(Arc::new(predict(p, &basis.0, clock::today())))))
    });
    let has_factor =
        move || state.plan.with(|p| p.as_ref().is_some_and(|p| p.prioritisation.factors.iter().any(|f| f.source == FactorSource::PurchaseProbability)));
    let add_factor = move |_| {
        let Some(mut prio) = state.plan.with_untracked(|p| p.as_ref().map(|p| p.prioritisation.clone())) else { return };
        if prio.factors.iter().any(|f| f.source == FactorSource::PurchaseProbability) {
            return;
        }
        let name = t_string!(i18n, dq.factor_name).to_string();
        prio.factors.push(Factor {
            id: FactorId::generate(&mut IdGenerator::random()),
            name,
            weight: 20.0,
            scale: FactorScale::Percent,
            source: FactorSource::PurchaseProbability,
        });
        state.dispatch(Change::SetPrioritisation(Box::new(prio)), EditKind::EditWeights);
        state.show_toast(t_string!(i18n, dq.factor_added).to_string(), Some(crate::ui::state::ToastAction::UndoEdit));
    };
    let body = move || {
        let Some(pred) = prediction.get() else { return ().into_any() };
        let l = i18n.get_locale();
        let pr = pred.0.clone();
        let n = |v: usize| format::integer(v as i64, l);
        let labelled = td_string!(l, dq.labelled, bought = n(pr.bought), lost = n(pr.did_not_buy), open = n(pr.open)).to_string();
        let Verdict::Validated { auc, folds } = pr.verdict else {
            return view! {
                <p data-testid="pred-labelled">{labelled}</p>
                <p class="result result-warn" role="status" data-testid="pred-too-little">{td_string!(l, dq.too_little, n = MIN_PER_CLASS).to_string()}</p>
            }
            .into_any();
        };
        let trust = match pr.trust() {
            Trust::NoBetterThanChance => td_string!(l, dq.trust_chance),
            Trust::Tentative => td_string!(l, dq.trust_tentative),
            Trust::Fair => td_string!(l, dq.trust_fair),
            Trust::Good | Trust::None => td_string!(l, dq.trust_good),
        }
        .to_string();
        let trust_class = match pr.trust() {
            Trust::Good | Trust::Fair => "result result-good",
            _ => "result result-warn",
        };
        let rows = state.plan.with(|p| {
            let Some(p) = p else { return Vec::new() };
            let mut open: Vec<(usize, f64)> =
                pr.labels.iter().enumerate().filter(|(_, l)| **l == Label::Open).filter_map(|(i, _)| pr.probabilities[i].map(|v| (i, v))).collect();
            sorting::sort_by(&mut open, |a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            open.into_iter()
                .take(SHOWN)
                .map(|(i, prob)| {
                    let a = &p.accounts[i];
                    let drivers = pr
                        .drivers(i, 3)
                        .into_iter()
                        .map(|(f, c)| {
                            let (class, arrow) = if c > 0.0 { ("driver-up", "↑ ") } else { ("driver-down", "↓ ") };
                            view! { <li class=class>{arrow}{labels::feature(l, p, &f)}</li> }
                        })
                        .collect_view();
                    view! {
                        <tr>
                            <th scope="row"><a href=Section::AccountPlans.href_to(a.id.as_str())>{a.name.clone()}</a></th>
                            <td class="num" data-testid="pred-probability">{format::percent(prob * 100.0, l)}</td>
                            <td><ul class="drivers">{drivers}</ul></td>
                        </tr>
                    }
                })
                .collect::<Vec<_>>()
        });
        let weights = state.plan.with(|p| {
            let Some(p) = p else { return Vec::new() };
            pr.weights()
                .into_iter()
                .filter(|(_, w)| w.abs() >= 0.01)
                .map(|(f, w)| view! { <tr><th scope="row">{labels::feature(l, p, &f)}</th><td class="num">{format::number(w, l, 2)}</td></tr> })
                .collect::<Vec<_>>()
        });
        let open_count = pr.open;
        view! {
            <p data-testid="pred-labelled">{labelled}</p>
            <div class=trust_class role="status">
                <p data-testid="pred-auc"><strong>{td_string!(l, dq.auc, auc = format!("{auc:.2}"), folds = folds).to_string()}</strong></p>
                <p>{trust}</p>
                <p class="muted">{t!(i18n, dq.auc_help)}</p>
            </div>
            <div class="dialog-actions">
                {move || if has_factor() {
                    view! { <p class="muted" data-testid="pred-factor-exists">{t!(i18n, dq.factor_exists)}</p> }.into_any()
                } else {
                    view! { <button type="button" class="button" data-testid="pred-add-factor" on:click=add_factor>{t!(i18n, dq.add_factor)}</button> }.into_any()
                }}
            </div>
            <h3>{t!(i18n, dq.open_title)}</h3>
            {(open_count > SHOWN).then(|| view! { <p class="muted">{td_string!(l, dq.open_more, shown = SHOWN, n = n(open_count)).to_string()}</p> })}
            <div class="table-scroll">
                <table class="data-table" data-testid="pred-open">
                    <thead><tr>
                        <th scope="col">{t!(i18n, dq.col_account)}</th>
                        <th scope="col" class="num">{t!(i18n, dq.col_probability)}</th>
                        <th scope="col">{t!(i18n, dq.col_drivers)}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <h3>{t!(i18n, dq.weights_title)}</h3>
            <table class="data-table" data-testid="pred-weights">
                <thead><tr><th scope="col">{t!(i18n, dq.col_feature)}</th><th scope="col" class="num">{t!(i18n, dq.col_weight)}</th></tr></thead>
                <tbody>{weights}</tbody>
            </table>
        }
        .into_any()
    };
    view! {
        <div class="dq-panel">
            <p>{t!(i18n, dq.pred_desc)}</p>
            {body}
        </div>
    }
}
