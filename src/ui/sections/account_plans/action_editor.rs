//! Adding and editing an action of the execution plan.

use super::edit_plan;
use crate::domain::{AccountId, Action, ActionId, ActionStatus, Channel, ContentId, Date, IdGenerator, MemberId};
use crate::editing::EditKind;
use crate::ui::i18n::{t, t_string, td_string, use_i18n};
use crate::ui::labels;
use crate::ui::state::use_app;
use crate::ui::widgets::{choice_value, picked};
use crate::ui::widgets::{unique_id, DialogFooter, Modal, TextField};
use leptos::prelude::*;

#[component]
pub fn ActionEditor(account: AccountId, open: RwSignal<bool>, editing: RwSignal<Option<Action>>) -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let title = RwSignal::new(String::new());
    let channel = RwSignal::new(String::new());
    let owner = RwSignal::new(String::new());
    let start = RwSignal::new(String::new());
    let due = RwSignal::new(String::new());
    let status = RwSignal::new(ActionStatus::Planned);
    let content: RwSignal<Vec<ContentId>> = RwSignal::new(Vec::new());
    let notes = RwSignal::new(String::new());
    let error: RwSignal<Option<String>> = RwSignal::new(None);
    Effect::new(move |_| {
        if !open.get() {
            return;
        }
        let a = editing.get_untracked();
        title.set(a.as_ref().map(|a| a.title.clone()).unwrap_or_default());
        channel.set(a.as_ref().and_then(|a| a.channel.as_ref()).map(|c| c.key().to_string()).unwrap_or_default());
        owner.set(a.as_ref().and_then(|a| a.owner.as_ref()).map(|o| o.to_string()).unwrap_or_default());
        start.set(a.as_ref().and_then(|a| a.start).map(|d| d.to_string()).unwrap_or_default());
        due.set(a.as_ref().and_then(|a| a.due).map(|d| d.to_string()).unwrap_or_default());
        status.set(a.as_ref().map_or(ActionStatus::Planned, |a| a.status));
        content.set(a.as_ref().map(|a| a.content.clone()).unwrap_or_default());
        notes.set(a.as_ref().map(|a| a.notes.clone()).unwrap_or_default());
        error.set(None);
    });
    // Content this action can link: the account's own, then the plan's shared assets.
    let choices = {
        let account = account.clone();
        move || {
            state.plan.with(|p| {
                let Some(p) = p else { return Vec::new() };
                let mut list: Vec<(String, String)> =
                    p.content.iter().filter(|c| c.account.as_ref() == Some(&account)).map(|c| (c.id.to_string(), c.title.clone())).collect();
                list.extend(p.content.iter().filter(|c| c.account.is_none()).map(|c| (c.id.to_string(), c.title.clone())));
                list
            })
        }
    };
    let save = move || {
        let l = state.locale();
        let text = title.get_untracked().trim().to_string();
        if text.is_empty() {
            error.set(Some(td_string!(l, ap.title_required).to_string()));
            return;
        }
        let (s, d) = (Date::parse(&start.get_untracked()), Date::parse(&due.get_untracked()));
        if let (Some(s), Some(d)) = (s, d) {
            if d < s {
                error.set(Some(td_string!(l, ap.due_before_start).to_string()));
                return;
            }
        }
        let existing = editing.get_untracked();
        let kind = if existing.is_some() { EditKind::EditAction } else { EditKind::AddAction };
        let c = channel.get_untracked();
        let o = owner.get_untracked();
        let action = Action {
            id: existing.as_ref().map(|a| a.id.clone()).unwrap_or_else(|| ActionId::generate(&mut IdGenerator::random())),
            title: text,
            channel: (!c.is_empty()).then(|| Channel::from_key(&c)),
            owner: (!o.is_empty()).then_some(MemberId(o)),
            start: s,
            due: d,
            status: status.get_untracked(),
            content: content.get_untracked(),
            rule: existing.as_ref().and_then(|a| a.rule.clone()),
            trigger: existing.as_ref().and_then(|a| a.trigger.clone()),
            notes: notes.get_untracked(),
        };
        edit_plan(state, &account, kind, |ap| match ap.actions.iter().position(|a| a.id == action.id) {
            Some(i) => ap.actions[i] = action,
            None => ap.actions.push(action),
        });
        open.set(false);
    };
    Effect::new(move |_| {
        title.track();
        start.track();
        due.track();
        error.set(None);
    });
    let [channel_id, owner_id, status_id, notes_id] = ["action-channel", "action-owner", "action-status", "action-notes"].map(unique_id);
    let dialog_title = Signal::derive(move || {
        if editing.with(Option::is_some) { t_string!(i18n, ap.action_editor_edit) } else { t_string!(i18n, ap.action_editor_add) }.to_string()
    });
    view! {
        <Modal open title=dialog_title class="form-dialog">
            <form class="form" novalidate on:submit=move |ev| { ev.prevent_default(); save(); }>
                <TextField value=title>{t!(i18n, ap.action)}</TextField>
                <div class="field-row">
                    <div class="field">
                        <label for=channel_id.clone()>{t!(i18n, ap.channel)}</label>
                        <select id=channel_id.clone() on:change=move |ev| channel.set(event_target_value(&ev))>
                            <option value="" selected=move || channel.with(String::is_empty)>{t!(i18n, ap.no_channel)}</option>
                            {move || state.plan.with(|p| p.as_ref().map(|p| labels::all_channels(p).into_iter().map(|c| {
                                let key = c.key().to_string();
                                let is = key.clone();
                                view! { <option value=key selected=move || channel.with(|v| *v == is)>{labels::channel(i18n.get_locale(), p, &c)}</option> }
                            }).collect_view()))}
                        </select>
                    </div>
                    <div class="field">
                        <label for=owner_id.clone()>{t!(i18n, ap.owner)}</label>
                        <select id=owner_id.clone() on:change=move |ev| owner.set(event_target_value(&ev))>
                            <option value="" selected=move || owner.with(String::is_empty)>{t!(i18n, ap.unassigned)}</option>
                            {move || super::members(state).into_iter().map(|(id, name)| {
                                let is = id.clone();
                                view! { <option value=id selected=move || owner.with(|o| *o == is)>{name}</option> }
                            }).collect_view()}
                        </select>
                    </div>
                </div>
                <div class="field-row">
                    <TextField value=start kind="date">{t!(i18n, ap.start)}</TextField>
                    <TextField value=due kind="date">{t!(i18n, ap.due)}</TextField>
                    <div class="field">
                        <label for=status_id.clone()>{t!(i18n, ap.status)}</label>
                        <select id=status_id.clone() on:change=move |ev| {
                            let v = event_target_value(&ev);
                            if let Some(s) = picked(&labels::ACTION_STATUSES, &v) { status.set(s); }
                        }>
                            {labels::ACTION_STATUSES.into_iter().map(|s| view! {
                                <option value=choice_value(&labels::ACTION_STATUSES, &s) selected=move || status.get() == s>{move || labels::action_status(i18n.get_locale(), s)}</option>
                            }).collect_view()}
                        </select>
                    </div>
                </div>
                <fieldset class="field">
                    <legend>{t!(i18n, ap.linked_content)}</legend>
                    {move || {
                        let list = choices();
                        if list.is_empty() {
                            return view! { <p class="muted">{t!(i18n, ap.no_content)}</p> }.into_any();
                        }
                        list.into_iter().map(|(id, name)| {
                            let (check, toggle) = (ContentId(id.clone()), ContentId(id));
                            view! {
                                <label class="check">
                                    <input type="checkbox" prop:checked=move || content.with(|c| c.contains(&check))
                                        on:change=move |ev| {
                                            let on = event_target_checked(&ev);
                                            content.update(|c| { c.retain(|x| x != &toggle); if on { c.push(toggle.clone()); } });
                                        }/>
                                    {name}
                                </label>
                            }
                        }).collect_view().into_any()
                    }}
                </fieldset>
                <div class="field">
                    <label for=notes_id.clone()>{t!(i18n, ap.notes)}</label>
                    <textarea id=notes_id.clone() rows="2" prop:value=move || notes.get() on:input=move |ev| notes.set(event_target_value(&ev))></textarea>
                </div>
                <DialogFooter open error submit=Signal::derive(move || t_string!(i18n, ap.save).to_string())/>
            </form>
        </Modal>
    }
}
