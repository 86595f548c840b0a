//! The prioritisation section: factor weights with live what-if, the user's own
//! factors, opportunity bands, the tier rule, and the ranked list with each
//! factor's contribution and how far each account moved.

mod bands;
mod ranked;
mod tiers;
mod weights;

use crate::domain::prioritisation::builtin;
use crate::domain::{Factor, Prioritisation};
use crate::editing::{Change, EditKind};
use crate::ui::i18n::{t, td_string, use_i18n, Locale};
use crate::ui::state::AppState;
use leptos::prelude::*;

#[component]
pub fn PrioritisationSection() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="section section-wide" aria-labelledby="section-title">
            <header class="section-head"><h1 id="section-title">{t!(i18n, prio.title)}</h1></header>
            <p class="lead">{t!(i18n, prio.intro)}</p>
            <div class="prio-layout">
                <weights::Weights/>
                <div class="prio-side">
                    <tiers::Tiers/>
                    <bands::Bands/>
                </div>
            </div>
            <ranked::Ranked/>
        </section>
    }
}

/// A factor's name: the user's, or the built-in one in the user's language.
pub fn factor_name(l: Locale, f: &Factor) -> String {
    if !f.name.is_empty() {
        return f.name.clone();
    }
    match f.id.as_str() {
        builtin::FIT => td_string!(l, factors.fit).to_string(),
        builtin::OPPORTUNITY => td_string!(l, factors.opportunity).to_string(),
        builtin::PURCHASE => td_string!(l, factors.purchase).to_string(),
        builtin::RELATIONSHIP => td_string!(l, factors.relationship).to_string(),
        other => other.to_string(),
    }
}

fn prioritisation(state: AppState) -> Prioritisation {
    state.plan.with(|p| p.as_ref().map(|p| p.prioritisation.clone()).unwrap_or_default())
}

/// Edits the prioritisation settings: one undo step per call.
fn update(state: AppState, kind: EditKind, f: impl FnOnce(&mut Prioritisation)) {
    let mut p = state.plan.with_untracked(|p| p.as_ref().map(|p| p.prioritisation.clone()).unwrap_or_default());
    f(&mut p);
    state.dispatch(Change::SetPrioritisation(Box::new(p)), kind);
}
