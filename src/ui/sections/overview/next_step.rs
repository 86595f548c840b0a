//! "Next step" at the end of a section: the step the user is best sent to
//! from here, what the plan holds for it, and its next action.

use super::checklist::{action, number, summary, title, use_checklist};
use crate::checklist::Step;
use crate::ui::i18n::{td_string, use_i18n};
use crate::ui::state::use_app;
use leptos::prelude::*;

#[component]
pub fn NextStep(step: Step) -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let checklist = use_checklist();
    let content = Memo::new(move |_| {
        let l = i18n.get_locale();
        let status = checklist.with(|c| c.iter().find(|s| s.step == step).cloned())?;
        state.plan.with(|p| {
            let p = p.as_ref()?;
            Some((summary(l, p, &status.facts), status.next.as_ref().map(|n| action(l, p, n))))
        })
    });
    move || {
        content.get().map(|(facts, next)| {
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
