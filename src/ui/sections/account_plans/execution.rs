//! The execution plan: actions with channel, owner, dates, status and linked
//! content, as a list (status editable in place) or on a timeline.

use super::action_editor::ActionEditor;
use super::{edit_plan, edited_plan};
use crate::account_plans::plan_of;
use crate::browser::clock;
use crate::domain::sorting;
use crate::domain::{AccountId, Action, ActionId, ActionStatus, Date, IdGenerator};
use crate::editing::{Change, EditKind};
use crate::ui::format;
use crate::ui::i18n::{t, t_string, td_string, use_i18n, Locale};
use crate::ui::labels;
use crate::ui::state::{use_app, ToastAction};
use crate::ui::widgets::{choice_value, labelled_refusal, picked, Editor, QuickAdd, TextField};
use leptos::prelude::*;

#[component]
pub fn ExecutionPanel(id: AccountId) -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let timeline = RwSignal::new(false);
    let editor = Editor::<Action>::new();
    let actions = {
        let id = id.clone();
        Memo::new(move |_| {
            let mut list = state.plan.with(|p| p.as_ref().and_then(|p| plan_of(p, &id)).map(|ap| ap.actions.clone()).unwrap_or_default());
            sorting::sort_by_key(&mut list, |a| (a.due.is_none(), a.due, a.start));
            list
        })
    };
    let set_status = {
        let id = id.clone();
        Callback::new(move |(action, status): (crate::domain::ActionId, ActionStatus)| {
            edit_plan(state, &id, EditKind::EditAction, |ap| {
                if let Some(a) = ap.actions.iter_mut().find(|a| a.id == action) {
                    a.status = status;
                }
            })
        })
    };
    let remove = {
        let id = id.clone();
        Callback::new(move |(action, title): (crate::domain::ActionId, String)| {
            edit_plan(state, &id, EditKind::RemoveAction, |ap| ap.actions.retain(|a| a.id != action));
            state.show_toast(td_string!(state.locale(), goals.deleted, name = title).to_string(), Some(ToastAction::UndoEdit));
        })
    };
    // Rows are keyed by everything but the status, so changing a status in place
    // keeps the row (and the keyboard focus on its select); the status parts read
    // the current value.
    let keyed = move || {
        let l = i18n.get_locale();
        actions.get().into_iter().map(|a| (l, a)).collect::<Vec<_>>()
    };
    let key = |(l, a): &(Locale, Action)| {
        let mut k = a.clone();
        k.status = ActionStatus::Planned;
        format!("{l:?}{k:?}")
    };
    let row = move |(l, a): (Locale, Action)| {
        let today = clock::today();
        let (channel, owner, content) = state.plan.with_untracked(|p| {
            let Some(p) = p else { return (String::new(), String::new(), Vec::new()) };
            let channel = a.channel.as_ref().map(|c| labels::channel(l, p, c)).unwrap_or_else(|| "—".into());
            let owner = a.owner.as_ref().and_then(|o| p.member(o)).map(|m| m.name.clone()).unwrap_or_else(|| "—".into());
            let content: Vec<(String, String)> =
                a.content.iter().filter_map(|c| p.content.iter().find(|x| &x.id == c)).map(|c| (c.title.clone(), c.url.clone())).collect();
            (channel, owner, content)
        });
        let status = {
            let id = a.id.clone();
            Memo::new(move |_| actions.with(|v| v.iter().find(|x| x.id == id).map_or(ActionStatus::Planned, |x| x.status)))
        };
        let due = a.due;
        let overdue = move || due.is_some_and(|d| d < today) && status.get().is_open();
        let (edit, status_id, remove_id, title) = (a.clone(), a.id.clone(), a.id.clone(), a.title.clone());
        let status_label = td_string!(l, ap.status).to_string();
        view! {
            <tr class:done=move || status.get() == ActionStatus::Done>
                <th scope="row">
                    {a.title.clone()}
                    // Linked content under its action: one column fewer, so
                    // the table fits beside the account list.
                    {(!content.is_empty()).then(|| view! {
                        <span class="action-content">
                            {content.into_iter().map(|(title, url)| {
                                if crate::account_plans::markdown::is_web_link(&url) {
                                    view! { <a href=url.trim().to_string() target="_blank" rel="noopener noreferrer">{title}</a> }.into_any()
                                } else {
                                    view! { <span>{title}</span> }.into_any()
                                }
                            }).collect_view()}
                        </span>
                    })}
                </th>
                <td>{channel}</td>
                <td>{owner}</td>
                <td>{a.start.map(|d| format::date(d, l)).unwrap_or_else(|| "—".into())}</td>
                <td class:overdue=overdue>
                    {a.due.map(|d| format::date(d, l)).unwrap_or_else(|| "—".into())}
                    {move || overdue().then(|| view! { <span class="chip chip-warn">{td_string!(l, ap.overdue).to_string()}</span> })}
                </td>
                <td>
                    <span class="print-only">{move || labels::action_status(l, status.get())}</span>
                    <select class="no-print" aria-label=format!("{status_label}: {}", a.title) on:change=move |ev| {
                        let v = event_target_value(&ev);
                        if let Some(s) = picked(&labels::ACTION_STATUSES, &v) {
                            set_status.run((status_id.clone(), s));
                        }
                    }>
                        {labels::ACTION_STATUSES.into_iter().map(|s| view! {
                            <option value=choice_value(&labels::ACTION_STATUSES, &s) selected=move || status.get() == s>{labels::action_status(l, s)}</option>
                        }).collect_view()}
                    </select>
                </td>
                <td class="row-actions no-print">
                    <button type="button" class="button button-small" on:click=move |_| editor.edit(edit.clone())>{td_string!(l, ap.edit).to_string()}</button>
                    <button type="button" class="button button-small button-danger-quiet" on:click=move |_| remove.run((remove_id.clone(), title.clone()))>{td_string!(l, ap.delete).to_string()}</button>
                </td>
            </tr>
        }
    };
    // The short path: what and by when; the dialog holds channel, owner and content.
    let (quick_title, quick_due) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let add_action = {
        let id = id.clone();
        Callback::new(move |()| {
            let action = Action {
                due: Date::parse(&quick_due.get_untracked()),
                ..Action::new(ActionId::generate(&mut IdGenerator::random()), quick_title.get_untracked())
            };
            // The action's rules (a title) are the plan's: said at the row's title field.
            if let Some(ap) = edited_plan(state, &id, |ap| ap.actions.push(action)) {
                if let Err(r) = state.try_dispatch(Change::PutAccountPlan(Box::new(ap)), EditKind::AddAction) {
                    let l = state.locale();
                    return Err((0, labelled_refusal(l, r, &[("title", td_string!(l, ap.action))])));
                }
            }
            quick_title.set(String::new());
            quick_due.set(String::new());
            Ok(())
        })
    };
    view! {
        <section class="panel" aria-labelledby="plan-execution">
            <div class="panel-head">
                <h3 id="plan-execution">{t!(i18n, ap.execution)}</h3>
                <div class="segmented no-print" role="group" aria-label=move || t_string!(i18n, ap.execution)>
                    <button type="button" class="button button-small" aria-pressed=move || (!timeline.get()).to_string() on:click=move |_| timeline.set(false)>{t!(i18n, ap.view_list)}</button>
                    <button type="button" class="button button-small" aria-pressed=move || timeline.get().to_string() on:click=move |_| timeline.set(true)>{t!(i18n, ap.view_timeline)}</button>
                </div>
                <button type="button" class="button button-small no-print" on:click=move |_| editor.add()>{t!(i18n, ap.add_action)}</button>
            </div>
            <Show when=move || actions.with(|a| !a.is_empty()) fallback=move || view! { <p class="muted">{t!(i18n, ap.no_actions)}</p> }>
                <div class="table-wrap" class:screen-hidden=move || timeline.get()>
                    <table class="data-table execution-table" data-testid="plan-actions">
                        <thead><tr>
                            <th scope="col">{t!(i18n, ap.action)}</th>
                            <th scope="col">{t!(i18n, ap.channel)}</th>
                            <th scope="col">{t!(i18n, ap.owner)}</th>
                            <th scope="col">{t!(i18n, ap.start)}</th>
                            <th scope="col">{t!(i18n, ap.due)}</th>
                            <th scope="col">{t!(i18n, ap.status)}</th>
                            <th scope="col" class="no-print"><span class="visually-hidden">{t!(i18n, accounts.actions)}</span></th>
                        </tr></thead>
                        <tbody><For each=keyed key=key children=row/></tbody>
                    </table>
                </div>
                <div class:screen-hidden=move || !timeline.get()>
                    <super::timeline::Timeline actions/>
                </div>
            </Show>
            <QuickAdd label=Signal::derive(move || t_string!(i18n, ap.quick_action).to_string()) on_add=add_action>
                <TextField value=quick_title>{t!(i18n, ap.action)}</TextField>
                <TextField value=quick_due kind="date" narrow=true>{t!(i18n, ap.due)}</TextField>
            </QuickAdd>
            <ActionEditor account=id.clone() editor/>
        </section>
    }
}
