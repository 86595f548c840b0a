//! "Next step" at the end of a section: the step the user is best sent to
//! from here, what the plan holds for it, and its next action.

use super::checklist::{action, number, summary, title, use_checklist};
use crate::checklist::{next_from, Step};
use crate::ui::i18n::{td_string, use_i18n};
use crate::ui::routing::Section;
use crate::ui::state::use_app;
use leptos::prelude::*;

/// The section where a step is done.
fn section_of(step: Step) -> Section {
    match step {
        Step::Goals => Section::Goals,
        Step::Icp => Section::Icp,
        Step::AccountData => Section::Accounts,
        Step::Prioritisation => Section::Prioritisation,
        Step::AccountPlans | Step::Alignment => Section::AccountPlans,
        Step::Execution => Section::Campaigns,
        Step::Measurement => Section::Dashboard,
    }
}

#[component]
pub fn NextStep(step: Step) -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let checklist = use_checklist();
    let content = Memo::new(move |_| {
        let l = i18n.get_locale();
        // Past the steps already done (the demo's ICP, say).
        let step = checklist.with(|c| next_from(c, step));
        let status = checklist.with(|c| c.iter().find(|s| s.step == step).cloned())?;
        let here = state.section.get().href();
        state.plan.with(|p| {
            let p = p.as_ref()?;
            // An action on this very page (say, reviewing the ICP while on it)
            // is no way forward: the step's own page is.
            let next = status.next.as_ref().map(|n| action(l, p, n)).filter(|(_, href)| *href != here && !href.starts_with(&format!("{here}/")));
            let next = next.unwrap_or_else(|| (title(l, step), section_of(step).href()));
            Some((step, summary(l, p, &status.facts), Some(next)))
        })
    });
    move || {
        content.get().map(|(step, facts, next)| {
            let l = i18n.get_locale();
            view! {
                <aside class="next-step no-print" data-testid="next-step" aria-label=td_string!(l, checklist.next_step_label).to_string()>
                    <p class="next-step-title">{td_string!(l, checklist.next_step, n = number(step), step = title(l, step)).to_string()}</p>
                    <p class="muted">{facts}</p>
                    {next.map(|(label, href)| view! { <a class="button button-primary" href=href>{label}" →"</a> })}
                </aside>
            }
        })
    }
}
