//! Goals (KGIs): what the programme must achieve, with targets and dates.

use crate::checklist::Step;
use crate::domain::{Currency, Date, Goal, GoalId, IdGenerator, Metric, Money, Refusal, Rules, Unit};
use crate::editing::{Change, EditKind};
use crate::ui::format;
use crate::ui::i18n::{t, t_string, td_string, use_i18n, Locale};
use crate::ui::labels;
use crate::ui::sections::overview::NextStep;
use crate::ui::state::{use_app, AppState, ToastAction};
use crate::ui::widgets::{labelled_refusal, Bound, ChoiceField, DialogFooter, Editor, Modal, TextField};
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
    let editor = Editor::<Goal>::new();
    let goals = move || state.plan.with(|p| p.as_ref().map(|p| p.goals.iter().cloned().collect::<Vec<_>>()).unwrap_or_default());
    let currency = move || state.plan.with(|p| p.as_ref().map(|p| p.currency.clone()).unwrap_or_default());
    let count = move || state.plan.with(|p| p.as_ref().map_or(0, |p| p.goals.len()));
    let add = move |_| editor.add();
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
                                                <button type="button" class="button button-small" on:click=move |_| editor.edit(edit_goal.clone())>
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
            <GoalEditor editor on_save=Callback::new(move |goal: Goal| {
                let exists = state.plan.with_untracked(|p| p.as_ref().is_some_and(|p| p.goals.iter().any(|g| g.id == goal.id)));
                state.try_dispatch(Change::PutGoal(goal), if exists { EditKind::EditGoal } else { EditKind::AddGoal })
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
/// `on_save` applies the goal (a new id when it was added) and hands back the
/// plan's refusal, said under the form.
#[component]
pub fn GoalEditor(
    editor: Editor<Goal>,
    on_save: Callback<Goal, Result<(), Refusal>>,
    /// An account plan's KPI rather than a goal (the name's label says so).
    #[prop(optional)]
    kpi: bool,
) -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let open = editor.open();
    let name = RwSignal::new(String::new());
    let metric = RwSignal::new(Metric::NewContracts);
    let target = RwSignal::new(String::new());
    let unit = RwSignal::new(Unit::Count);
    let start = RwSignal::new(String::new());
    let due = RwSignal::new(String::new());
    let notes = RwSignal::new(String::new());
    let error: RwSignal<Option<String>> = RwSignal::new(None);
    editor.on_open(move |g| {
        name.set(g.as_ref().map(|g| g.name.clone()).unwrap_or_default());
        metric.set(g.as_ref().map_or(Metric::NewContracts, |g| g.metric));
        target.set(g.as_ref().map(|g| g.target.to_string()).unwrap_or_default());
        unit.set(g.as_ref().map_or(Unit::Count, |g| g.unit));
        start.set(g.as_ref().and_then(|g| g.start).map(|d| d.to_string()).unwrap_or_default());
        due.set(g.as_ref().and_then(|g| g.due).map(|d| d.to_string()).unwrap_or_default());
        notes.set(g.as_ref().map(|g| g.notes.clone()).unwrap_or_default());
        error.set(None);
    });
    let name_label = move |l: Locale| if kpi { td_string!(l, ap.kpi_name) } else { td_string!(l, goals.name) };
    let save = move || {
        let l = state.locale();
        let (value, unread) = match read_target(state, &target.get_untracked(), unit.get_untracked()) {
            Ok(v) => (v, None),
            Err(why) => (0.0, Some(why)),
        };
        let existing = editor.record_untracked();
        let goal = Goal {
            id: existing.as_ref().map(|g| g.id.clone()).unwrap_or_else(|| GoalId::generate(&mut IdGenerator::random())),
            name: name.get_untracked(),
            metric: metric.get_untracked(),
            target: value,
            unit: unit.get_untracked(),
            start: Date::parse(&start.get_untracked()),
            due: Date::parse(&due.get_untracked()),
            actual: existing.as_ref().and_then(|g| g.actual),
            notes: notes.get_untracked(),
        };
        // The goal's rules (a name, a target not below zero, due not before its
        // start) are the plan's: a refusal is said here, by the form's labels.
        let labels =
            [("name", name_label(l)), ("target", td_string!(l, goals.target)), ("start", td_string!(l, goals.start)), ("due", td_string!(l, goals.due))];
        // The form's first problem, top down: a missing name before an unread target.
        if let Some(why) = unread {
            let nameless = goal.refusals().into_iter().find(|r| r.field() == Some("name"));
            return error.set(Some(nameless.map(|r| labelled_refusal(l, r, &labels)).unwrap_or(why)));
        }
        editor.finish(l, on_save.run(goal), error, &labels);
    };
    // A correction clears the previous complaint.
    Effect::new(move |_| {
        name.track();
        target.track();
        start.track();
        due.track();
        error.set(None);
    });
    // Choosing a metric offers its natural unit.
    let metric_choice = Bound::new(
        move || Some(metric.get()),
        move |m: Option<Metric>| {
            if let Some(m) = m {
                metric.set(m);
                unit.set(m.natural_unit());
            }
        },
    );
    let unit_choice = Bound::new(move || Some(unit.get()), move |u: Option<Unit>| unit.set(u.unwrap_or(Unit::Count)));
    let title = Signal::derive(move || {
        let l = i18n.get_locale();
        match (kpi, editor.is_new()) {
            (false, true) => td_string!(l, goals.editor_add),
            (false, false) => td_string!(l, goals.editor_edit),
            (true, true) => td_string!(l, ap.kpi_editor_add),
            (true, false) => td_string!(l, ap.kpi_editor_edit),
        }
        .to_string()
    });
    let submit = Signal::derive(move || if kpi { t_string!(i18n, ap.kpi_save) } else { t_string!(i18n, goals.save) }.to_string());
    view! {
        <Modal open title class="form-dialog">
            <form class="form" novalidate on:submit=move |ev| { ev.prevent_default(); save(); }>
                <TextField value=name>{move || name_label(i18n.get_locale())}</TextField>
                <ChoiceField choices=Metric::ALL.to_vec() words=labels::metric value=metric_choice>{t!(i18n, goals.metric)}</ChoiceField>
                <div class="field-row">
                    <TextField value=target inputmode="decimal">{t!(i18n, goals.target)}</TextField>
                    <ChoiceField choices=labels::UNITS.to_vec() words=labels::unit value=unit_choice>{t!(i18n, goals.unit)}</ChoiceField>
                </div>
                <div class="field-row">
                    <TextField value=start kind="date">{t!(i18n, goals.start)}</TextField>
                    <TextField value=due kind="date">{t!(i18n, goals.due)}</TextField>
                </div>
                <TextField value=notes rows=2>{t!(i18n, goals.notes)}</TextField>
                <DialogFooter open error submit/>
            </form>
        </Modal>
    }
}
