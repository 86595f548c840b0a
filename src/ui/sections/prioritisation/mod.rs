//! The prioritisation section: factor weights with live what-if, the user's own
//! factors, opportunity bands, the tier rule, and the ranked list with each
//! factor's contribution and how far each account moved.

mod bands;
mod ranked;
mod tiers;
mod weights;

use crate::checklist::Step;
use crate::domain::Prioritisation;
use crate::editing::{Change, EditKind};
use crate::ui::i18n::{t, use_i18n};
use crate::ui::sections::overview::NextStep;
use crate::ui::state::AppState;
use leptos::prelude::*;

#[component]
pub fn PrioritisationSection() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="section section-wide" aria-labelledby="section-title">
            <header class="section-head"><h1 id="section-title">{t!(i18n, prio.title)}</h1></header>
            <p class="lead">{t!(i18n, prio.intro)}</p>
            // The weights stay short at the top, so the ranked list moving under
            // a dragged slider is in view on a laptop screen; tiers and bands,
            // set once, come after it.
            <weights::Weights/>
            <ranked::Ranked/>
            <div class="prio-after">
                <tiers::Tiers/>
                <bands::Bands/>
            </div>
            <NextStep step=Step::AccountPlans/>
        </section>
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
