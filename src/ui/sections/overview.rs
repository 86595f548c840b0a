//! The plan at a glance and the method's eight steps, each leading to its section.

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
    let counts = move || {
        let l = i18n.get_locale();
        state.plan.with(|p| {
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
    let steps = move || {
        [
            (t_string!(i18n, overview.step1), Section::Goals),
            (t_string!(i18n, overview.step2), Section::Icp),
            (t_string!(i18n, overview.step3), Section::Accounts),
            (t_string!(i18n, overview.step4), Section::Prioritisation),
            (t_string!(i18n, overview.step5), Section::AccountPlans),
            (t_string!(i18n, overview.step6), Section::Campaigns),
            (t_string!(i18n, overview.step7), Section::AccountPlans),
            (t_string!(i18n, overview.step8), Section::Dashboard),
        ]
    };
    let goals = move || {
        let l = i18n.get_locale();
        state.plan.with(|p| {
            p.as_ref()
                .map(|p| p.goals.iter().take(8).map(|g| (g.name.clone(), super::goals::target_text(g, &p.currency, l))).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    };
    view! {
        <section class="section" aria-labelledby="section-title">
            <header class="section-head">
                <h1 id="section-title">{move || state.plan.with(|p| p.as_ref().map(|p| p.name.clone()))}</h1>
            </header>
            <p class="muted">{currency}</p>
            <h2>{t!(i18n, overview.at_a_glance)}</h2>
            <dl class="facts facts-large" data-testid="plan-counts">
                {move || counts().into_iter().map(|(k, v)| view! { <div><dt>{k}</dt><dd>{v}</dd></div> }).collect_view()}
            </dl>
            <div class="two-columns">
                <div>
                    <h2>{t!(i18n, overview.method)}</h2>
                    <ol class="method-steps">
                        {move || steps().into_iter().map(|(text, section)| view! {
                            <li><a href=section.href()>{text}</a></li>
                        }).collect_view()}
                    </ol>
                </div>
                <div>
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
