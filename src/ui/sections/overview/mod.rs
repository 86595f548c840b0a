//! The plan at a glance: the method's eight steps as a live checklist (each
//! with where the plan stands and its one next action), the plan's counts and
//! its goals. `NextStep` ends the other sections the same way.

mod checklist;
mod next_step;

pub use checklist::use_checklist;
pub use next_step::NextStep;

use crate::checklist::current;
use crate::ui::format;
use crate::ui::i18n::{t, t_string, td_string, use_i18n};
use crate::ui::labels;
use crate::ui::routing::Section;
use crate::ui::state::use_app;
use leptos::prelude::*;

#[component]
pub fn Overview() -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let steps = use_checklist();
    let counts = move || {
        let l = i18n.get_locale();
        state
            .plan
            .with(|p| {
                p.as_ref().map(|p| {
                    vec![
                        (t_string!(i18n, counts.accounts).to_string(), format::integer(p.accounts.len() as i64, l)),
                        (t_string!(i18n, counts.contacts).to_string(), format::integer(p.contacts.len() as i64, l)),
                        (t_string!(i18n, counts.deals).to_string(), format::integer(p.deals.len() as i64, l)),
                        (t_string!(i18n, counts.campaigns).to_string(), format::integer(p.campaigns.len() as i64, l)),
                        (t_string!(i18n, counts.activities).to_string(), format::integer(p.activities.len() as i64, l)),
                        (t_string!(i18n, counts.account_plans).to_string(), format::integer(p.account_plans.len() as i64, l)),
                    ]
                })
            })
            .unwrap_or_default()
    };
    let currency = move || {
        let l = i18n.get_locale();
        state.plan.with(|p| {
            p.as_ref().map(|p| {
                td_string!(l, overview.currency, code = p.currency.code().to_string(), month = labels::month(l, p.fiscal_year_start_month)).to_string()
            })
        })
    };
    let goals = move || {
        let l = i18n.get_locale();
        state.plan.with(|p| {
            p.as_ref()
                .map(|p| p.goals.iter().take(8).map(|g| (g.name.clone(), super::goals::target_text(g, &p.currency, l))).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    };
    let done = move || steps.with(|s| s.iter().filter(|s| s.state == crate::checklist::State::Done).count());
    let current_step = move || steps.with(|s| current(s).map(|s| s.step));
    view! {
        <section class="section" aria-labelledby="section-title">
            <header class="section-head">
                <h1 id="section-title">{move || state.plan.with(|p| p.as_ref().map(|p| p.name.clone()))}</h1>
            </header>
            <p class="muted">{currency}</p>
            <div class="overview-layout">
                <section class="card checklist" aria-labelledby="checklist-title">
                    <div class="checklist-head">
                        <h2 id="checklist-title">{t!(i18n, overview.method)}</h2>
                        <span class="muted" data-testid="checklist-progress">{move || td_string!(i18n.get_locale(), checklist.progress, done = done(), n = 8).to_string()}</span>
                    </div>
                    <ol class="checklist-steps" data-testid="checklist">
                        {move || steps.get().iter().cloned().map(|s| {
                            let is_current = current_step() == Some(s.step);
                            view! { <checklist::StepRow status=s current=is_current/> }
                        }).collect_view()}
                    </ol>
                </section>
                <div class="overview-side">
                    <h2>{t!(i18n, overview.at_a_glance)}</h2>
                    <dl class="facts facts-large" data-testid="plan-counts">
                        {move || counts().into_iter().map(|(k, v)| view! { <div><dt>{k}</dt><dd>{v}</dd></div> }).collect_view()}
                    </dl>
                    <h2>{t!(i18n, overview.goals_title)}</h2>
                    <Show when=move || !goals().is_empty() fallback=move || view! {
                        <p class="muted">{t!(i18n, overview.no_goals)} " " <a href=Section::Goals.href()>{t!(i18n, overview.add_goals)}</a></p>
                    }>
                        <ul class="goal-summary">
                            {move || goals().into_iter().map(|(name, target)| view! {
                                <li><span>{name}</span><span class="num">{target}</span></li>
                            }).collect_view()}
                        </ul>
                    </Show>
                </div>
            </div>
        </section>
    }
}
