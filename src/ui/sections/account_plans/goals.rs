//! The account's goals (KGIs with target and due date) and the KPIs chosen for it,
//! edited with the same form as the plan's goals.

use super::{edit_plan, edited_plan};
use crate::account_plans::plan_of;
use crate::domain::{AccountId, AccountPlan, Goal, GoalId, IdGenerator, Metric, Refusal};
use crate::editing::{Change, EditKind};
use crate::ui::format;
use crate::ui::i18n::{t, t_string, td_string, use_i18n};
use crate::ui::labels;
use crate::ui::sections::goals::{read_target, target_text, GoalEditor};
use crate::ui::state::use_app;
use crate::ui::widgets::{labelled_refusal, ChoiceField, Editor, QuickAdd, TextField};
use leptos::prelude::*;

fn list(ap: &mut AccountPlan, kpis: bool) -> &mut Vec<Goal> {
    if kpis {
        &mut ap.kpis
    } else {
        &mut ap.goals
    }
}

#[component]
pub fn GoalsPanel(id: AccountId, kpis: bool) -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let editor = Editor::<Goal>::new();
    let goals = {
        let id = id.clone();
        Memo::new(move |_| {
            state.plan.with(|p| p.as_ref().and_then(|p| plan_of(p, &id)).map(|ap| if kpis { ap.kpis.clone() } else { ap.goals.clone() }).unwrap_or_default())
        })
    };
    let currency = move || state.plan.with(|p| p.as_ref().map(|p| p.currency.clone()).unwrap_or_default());
    let on_save = {
        let id = id.clone();
        Callback::new(move |goal: Goal| {
            let edited = edited_plan(state, &id, |ap| {
                let goals = list(ap, kpis);
                match goals.iter().position(|g| g.id == goal.id) {
                    Some(i) => goals[i] = goal,
                    None => goals.push(goal),
                }
            });
            let Some(ap) = edited else { return Err(Refusal::NothingToChange) };
            state.try_dispatch(Change::PutAccountPlan(Box::new(ap)), EditKind::EditAccountPlan)
        })
    };
    // The short path: name, metric and target in one line; the dialog holds dates and notes.
    let (quick_name, quick_target) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let quick_metric = RwSignal::new(Some(Metric::NewContracts));
    let add_goal = Callback::new(move |()| {
        let l = state.locale();
        let name = quick_name.get_untracked();
        let metric = quick_metric.get_untracked().unwrap_or_default();
        let unit = metric.natural_unit();
        // The target is the row's third field.
        let target = read_target(state, &quick_target.get_untracked(), unit).map_err(|why| (2, why))?;
        // The goal's rules are the plan's: a refusal is said at its field in the row.
        let saved = on_save.run(Goal {
            id: GoalId::generate(&mut IdGenerator::random()),
            name,
            metric,
            target,
            unit,
            start: None,
            due: None,
            actual: None,
            notes: String::new(),
        });
        match saved {
            Ok(()) | Err(Refusal::NothingToChange) => {}
            Err(r) => {
                let field = if r.field() == Some("target") { 2 } else { 0 };
                let name = if kpis { td_string!(l, ap.kpi_name) } else { td_string!(l, goals.name) };
                return Err((field, labelled_refusal(l, r, &[("name", name), ("target", td_string!(l, goals.target))])));
            }
        }
        quick_name.set(String::new());
        quick_target.set(String::new());
        Ok(())
    });
    let account = StoredValue::new(id.clone());
    let heading_id = if kpis { "plan-kpis" } else { "plan-goals" };
    let title = move || if kpis { t_string!(i18n, ap.kpis) } else { t_string!(i18n, ap.goals) };
    view! {
        <section class="panel" aria-labelledby=heading_id>
            <div class="panel-head">
                <h3 id=heading_id>{title}</h3>
                <button type="button" class="button button-small no-print" on:click=move |_| editor.add()>
                    {move || if kpis { t_string!(i18n, ap.add_kpi) } else { t_string!(i18n, ap.add_goal) }}
                </button>
            </div>
            <Show when=move || goals.with(|g| !g.is_empty())
                fallback=move || view! { <p class="muted">{move || if kpis { t_string!(i18n, ap.no_kpis) } else { t_string!(i18n, ap.no_goals) }}</p> }>
                <table class="data-table" data-testid=if kpis { "plan-kpis" } else { "plan-goals" }>
                    <thead><tr>
                        <th scope="col">{t!(i18n, goals.name)}</th>
                        <th scope="col">{t!(i18n, goals.metric)}</th>
                        <th scope="col" class="num">{t!(i18n, goals.target)}</th>
                        <th scope="col">{t!(i18n, goals.due)}</th>
                        <th scope="col" class="no-print"><span class="visually-hidden">{t!(i18n, accounts.actions)}</span></th>
                    </tr></thead>
                    <tbody>
                        {move || {
                            let l = i18n.get_locale();
                            let id = account.get_value();
                            goals.get().into_iter().map(|g| {
                                let (edit, remove, id) = (g.clone(), g.id.clone(), id.clone());
                                let name = g.name.clone();
                                view! {
                                    <tr>
                                        <th scope="row">{g.name.clone()}</th>
                                        <td>{labels::metric(l, g.metric)}</td>
                                        <td class="num">{target_text(&g, &currency(), l)}</td>
                                        <td>{g.due.map(|d| format::date(d, l)).unwrap_or_else(|| "—".into())}</td>
                                        <td class="row-actions no-print" role="group" aria-label=td_string!(l, goals.actions_for, name = name).to_string()>
                                            <button type="button" class="button button-small" on:click=move |_| editor.edit(edit.clone())>{t!(i18n, ap.edit)}</button>
                                            <button type="button" class="button button-small button-danger-quiet" on:click=move |_| {
                                                let remove = remove.clone();
                                                edit_plan(state, &id, EditKind::EditAccountPlan, move |ap| list(ap, kpis).retain(|x| x.id != remove));
                                            }>{t!(i18n, ap.delete)}</button>
                                        </td>
                                    </tr>
                                }
                            }).collect_view()
                        }}
                    </tbody>
                </table>
            </Show>
            <QuickAdd label=Signal::derive(move || if kpis { t_string!(i18n, ap.quick_kpi) } else { t_string!(i18n, ap.quick_goal) }.to_string()) on_add=add_goal>
                <TextField value=quick_name>{move || if kpis { t_string!(i18n, ap.kpi_name) } else { t_string!(i18n, goals.name) }}</TextField>
                <ChoiceField choices=Metric::ALL.to_vec() value=quick_metric words=labels::metric>{t!(i18n, goals.metric)}</ChoiceField>
                <TextField value=quick_target inputmode="decimal" narrow=true>{t!(i18n, goals.target)}</TextField>
            </QuickAdd>
            <GoalEditor editor on_save kpi=kpis/>
        </section>
    }
}
