//! Goals (KGIs): what the programme must achieve, with targets and dates.

use crate::checklist::Step;
use crate::domain::{Currency, Date, Goal, GoalId, IdGenerator, Metric, Money, Unit};
use crate::editing::{Change, EditKind};
use crate::ui::format;
use crate::ui::i18n::{t, t_string, td_string, use_i18n, Locale};
use crate::ui::labels;
use crate::ui::sections::overview::NextStep;
use crate::ui::state::{use_app, AppState, ToastAction};
use crate::ui::widgets::{choice_value, picked};
use crate::ui::widgets::{unique_id, DialogFooter, Modal, TextField};
use leptos::prelude::*;

/// A goal's target in its unit: `¥40,000,000`, `45%`, `120 days`.
pub fn target_text(g: &Goal, currency: &Currency, l: Locale) -> String {
    value_text(g.target, g.unit, currency, l)
}

/// A goal's value (target or actual) in its unit.
pub fn value_text(v: f64, unit: Unit, currency: &Currency, l: Locale) -> String {
    match unit {
        Unit::Money => Money::from_f64((v * 100.0).round() / 100.0).map(|m| format::money(m, currency, l)).unwrap_or_else(|_| format::number(v, l, 2)),
        Unit::Percent => format::percent(v, l),
        Unit::Days => td_string!(l, goals.days_value, count = v.round() as i64, n = format::number(v, l, 1)).to_string(),
        Unit::Count | Unit::Score => format::number(v, l, 2),
    }
}

#[component]
pub fn Goals() -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let editor_open = RwSignal::new(false);
    let editing: RwSignal<Option<Goal>> = RwSignal::new(None);
    let goals = move || state.plan.with(|p| p.as_ref().map(|p| p.goals.iter().cloned().collect::<Vec<_>>()).unwrap_or_default());
    let currency = move || state.plan.with(|p| p.as_ref().map(|p| p.currency.clone()).unwrap_or_default());
    let count = move || state.plan.with(|p| p.as_ref().map_or(0, |p| p.goals.len()));
    let add = move |_| {
        editing.set(None);
        editor_open.set(true);
    };
    view! {
        <section class="section" aria-labelledby="section-title">
            <header class="section-head">
                <h1 id="section-title">{t!(i18n, goals.title)}</h1>
                <button type="button" class="button button-primary" on:click=add>{t!(i18n, goals.add)}</button>
            </header>
            <p class="lead">{t!(i18n, goals.intro)}</p>
            <Show when=move || { count() > 0 } fallback=move || view! { <p class="empty-state">{t!(i18n, goals.empty)}</p> }>
                <div class="table-wrap">
                    <table class="data-table" data-testid="goals-table">
                        <thead>
                            <tr>
                                <th scope="col">{t!(i18n, goals.name)}</th>
                                <th scope="col">{t!(i18n, goals.metric)}</th>
                                <th scope="col" class="num">{t!(i18n, goals.target)}</th>
                                <th scope="col">{t!(i18n, goals.due)}</th>
                                <th scope="col"><span class="visually-hidden">{t!(i18n, goals.order)}</span></th>
                            </tr>
                        </thead>
                        <tbody>
                            <For each=move || { goals().into_iter().enumerate().collect::<Vec<_>>() }
                                key=|(i, g)| (*i, g.clone().id, format!("{g:?}")) let:item>
                                {
                                    let (i, g) = item;
                                    let l = i18n.get_locale();
                                    let target = target_text(&g, &currency(), l);
                                    let due = g.due.map(|d| format::date(d, l)).unwrap_or_else(|| "—".into());
                                    let metric = labels::metric(l, g.metric);
                                    let (edit_goal, delete_goal, up, down) = (g.clone(), g.clone(), g.id.clone(), g.id.clone());
                                    let name = g.name.clone();
                                    view! {
                                        <tr>
                                            <th scope="row">{g.name.clone()}</th>
                                            <td>{metric}</td>
                                            <td class="num">{target}</td>
                                            <td>{due}</td>
                                            <td class="row-actions" role="group" aria-label=move || td_string!(i18n.get_locale(), goals.actions_for, name = name.clone()).to_string()>
                                                <button type="button" class="button button-small" on:click=move |_| { editing.set(Some(edit_goal.clone())); editor_open.set(true); }>
                                                    {t!(i18n, goals.edit)}
                                                </button>
                                                <button type="button" class="icon-button" disabled=i == 0 title=move || t_string!(i18n, goals.move_up)
                                                    aria-label=move || t_string!(i18n, goals.move_up)
                                                    on:click=move |_| state.dispatch(Change::MoveGoal { id: up.clone(), to: i.saturating_sub(1) }, EditKind::MoveGoal)>
                                                    <span aria-hidden="true">"↑"</span>
                                                </button>
                                                <button type="button" class="icon-button" disabled=move || { i + 1 >= count() } title=move || t_string!(i18n, goals.move_down)
                                                    aria-label=move || t_string!(i18n, goals.move_down)
                                                    on:click=move |_| state.dispatch(Change::MoveGoal { id: down.clone(), to: i + 1 }, EditKind::MoveGoal)>
                                                    <span aria-hidden="true">"↓"</span>
                                                </button>
                                                <button type="button" class="button button-small button-danger-quiet" on:click=move |_| {
                                                    state.dispatch(Change::RemoveGoal(delete_goal.id.clone()), EditKind::RemoveGoal);
                                                    let text = td_string!(state.locale(), goals.deleted, name = delete_goal.name.clone()).to_string();
                                                    state.show_toast(text, Some(ToastAction::UndoEdit));
                                                }>{t!(i18n, goals.delete)}</button>
                                            </td>
                                        </tr>
                                    }
                                }
                            </For>
                        </tbody>
                    </table>
                </div>
            </Show>
            <GoalEditor open=editor_open editing on_save=Callback::new(move |goal: Goal| {
                let exists = state.plan.with_untracked(|p| p.as_ref().is_some_and(|p| p.goals.iter().any(|g| g.id == goal.id)));
                state.dispatch(Change::PutGoal(goal), if exists { EditKind::EditGoal } else { EditKind::AddGoal });
            })/>
            <NextStep step=Step::Icp/>
        </section>
    }
}

/// A target typed as `text`, read in `unit` and the plan's currency, or why not
/// in words: the goal form and an account plan's quick add read it alike.
pub fn read_target(state: AppState, text: &str, unit: Unit) -> Result<f64, String> {
    let currency = state.currency_untracked();
    unit.read_in(text, &currency).map_err(|p| labels::amount_problem(state.locale(), text, p, &currency))
}

/// The goal form, shared by the plan's KGIs and an account plan's goals and KPIs;
/// `on_save` receives the goal (a new id when it was added).
#[component]
pub fn GoalEditor(open: RwSignal<bool>, editing: RwSignal<Option<Goal>>, on_save: Callback<Goal>) -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let name = RwSignal::new(String::new());
    let metric = RwSignal::new(Metric::NewContracts);
    let target = RwSignal::new(String::new());
    let unit = RwSignal::new(Unit::Count);
    let start = RwSignal::new(String::new());
    let due = RwSignal::new(String::new());
    let notes = RwSignal::new(String::new());
    let error: RwSignal<Option<String>> = RwSignal::new(None);
    // Fill the form whenever it opens.
    Effect::new(move |_| {
        if !open.get() {
            return;
        }
        let g = editing.get_untracked();
        name.set(g.as_ref().map(|g| g.name.clone()).unwrap_or_default());
        metric.set(g.as_ref().map_or(Metric::NewContracts, |g| g.metric));
        target.set(g.as_ref().map(|g| g.target.to_string()).unwrap_or_default());
        unit.set(g.as_ref().map_or(Unit::Count, |g| g.unit));
        start.set(g.as_ref().and_then(|g| g.start).map(|d| d.to_string()).unwrap_or_default());
        due.set(g.as_ref().and_then(|g| g.due).map(|d| d.to_string()).unwrap_or_default());
        notes.set(g.as_ref().map(|g| g.notes.clone()).unwrap_or_default());
        error.set(None);
    });
    let save = move || {
        let l = state.locale();
        let n = name.get_untracked();
        if n.trim().is_empty() {
            error.set(Some(td_string!(l, goals.name_required).to_string()));
            return;
        }
        let value = match read_target(state, &target.get_untracked(), unit.get_untracked()) {
            Ok(v) => v,
            Err(why) => return error.set(Some(why)),
        };
        let start_date = Date::parse(&start.get_untracked());
        let due_date = Date::parse(&due.get_untracked());
        if let (Some(s), Some(d)) = (start_date, due_date) {
            if d < s {
                error.set(Some(td_string!(l, goals.due_before_start).to_string()));
                return;
            }
        }
        let existing = editing.get_untracked();
        let goal = Goal {
            id: existing.as_ref().map(|g| g.id.clone()).unwrap_or_else(|| GoalId::generate(&mut IdGenerator::random())),
            name: n.trim().to_string(),
            metric: metric.get_untracked(),
            target: value,
            unit: unit.get_untracked(),
            start: start_date,
            due: due_date,
            actual: existing.as_ref().and_then(|g| g.actual),
            notes: notes.get_untracked(),
        };
        on_save.run(goal);
        open.set(false);
    };
    // A correction clears the previous complaint.
    Effect::new(move |_| {
        name.track();
        target.track();
        start.track();
        due.track();
        error.set(None);
    });
    let [metric_id, unit_id, notes_id] = ["goal-metric", "goal-unit", "goal-notes"].map(unique_id);
    let title =
        Signal::derive(move || if editing.with(Option::is_some) { t_string!(i18n, goals.editor_edit) } else { t_string!(i18n, goals.editor_add) }.to_string());
    view! {
        <Modal open title class="form-dialog">
            <form class="form" novalidate on:submit=move |ev| { ev.prevent_default(); save(); }>
                <TextField value=name>{t!(i18n, goals.name)}</TextField>
                <div class="field">
                    <label for=metric_id.clone()>{t!(i18n, goals.metric)}</label>
                    <select id=metric_id.clone() on:change=move |ev| {
                        let v = event_target_value(&ev);
                        if let Some(m) = picked(&Metric::ALL, &v) {
                            metric.set(m);
                            unit.set(m.natural_unit());
                        }
                    }>
                        {Metric::ALL.into_iter().map(|m| view! {
                            <option value=choice_value(&Metric::ALL, &m) selected=move || metric.get() == m>{move || labels::metric(i18n.get_locale(), m)}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field-row">
                    <TextField value=target inputmode="decimal">{t!(i18n, goals.target)}</TextField>
                    <div class="field">
                        <label for=unit_id.clone()>{t!(i18n, goals.unit)}</label>
                        <select id=unit_id.clone() on:change=move |ev| {
                            let v = event_target_value(&ev);
                            if let Some(u) = picked(&labels::UNITS, &v) {
                                unit.set(u);
                            }
                        }>
                            {labels::UNITS.into_iter().map(|u| view! {
                                <option value=choice_value(&labels::UNITS, &u) selected=move || unit.get() == u>{move || labels::unit(i18n.get_locale(), u)}</option>
                            }).collect_view()}
                        </select>
                    </div>
                </div>
                <div class="field-row">
                    <TextField value=start kind="date">{t!(i18n, goals.start)}</TextField>
                    <TextField value=due kind="date">{t!(i18n, goals.due)}</TextField>
                </div>
                <div class="field">
                    <label for=notes_id.clone()>{t!(i18n, goals.notes)}</label>
                    <textarea id=notes_id.clone() rows="2" prop:value=move || notes.get() on:input=move |ev| notes.set(event_target_value(&ev))></textarea>
                </div>
                <DialogFooter open error submit=Signal::derive(move || t_string!(i18n, goals.save).to_string())/>
            </form>
        </Modal>
    }
}
