//! Adding and editing an action of the execution plan.

use super::edited_plan;
use crate::domain::{AccountId, Action, ActionId, ActionStatus, Channel, ContentId, Date, IdGenerator, MemberId};
use crate::editing::{Change, EditKind};
use crate::ui::i18n::{t, t_string, td_string, use_i18n};
use crate::ui::labels;
use crate::ui::state::use_app;
use crate::ui::widgets::{ChoiceField, DialogFooter, Editor, LinkField, Modal, TextField};
use leptos::prelude::*;

#[component]
pub fn ActionEditor(account: AccountId, editor: Editor<Action>) -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let open = editor.open();
    let title = RwSignal::new(String::new());
    let channel = RwSignal::new(None::<String>);
    let owner = RwSignal::new(None::<String>);
    let start = RwSignal::new(String::new());
    let due = RwSignal::new(String::new());
    let status = RwSignal::new(Some(ActionStatus::Planned));
    let content: RwSignal<Vec<ContentId>> = RwSignal::new(Vec::new());
    let notes = RwSignal::new(String::new());
    let error: RwSignal<Option<String>> = RwSignal::new(None);
    editor.on_open(move |a| {
        title.set(a.as_ref().map(|a| a.title.clone()).unwrap_or_default());
        channel.set(a.as_ref().and_then(|a| a.channel.as_ref()).map(|c| c.key().to_string()));
        owner.set(a.as_ref().and_then(|a| a.owner.as_ref()).map(|o| o.to_string()));
        start.set(a.as_ref().and_then(|a| a.start).map(|d| d.to_string()).unwrap_or_default());
        due.set(a.as_ref().and_then(|a| a.due).map(|d| d.to_string()).unwrap_or_default());
        status.set(Some(a.as_ref().map_or(ActionStatus::Planned, |a| a.status)));
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
    let channels = Signal::derive(move || {
        let l = i18n.get_locale();
        state
            .plan
            .with(|p| p.as_ref().map(|p| labels::all_channels(p).iter().map(|c| (c.key().to_string(), labels::channel(l, p, c))).collect()).unwrap_or_default())
    });
    let save = move || {
        let l = state.locale();
        let existing = editor.record_untracked();
        let kind = if existing.is_some() { EditKind::EditAction } else { EditKind::AddAction };
        let action = Action {
            id: existing.as_ref().map(|a| a.id.clone()).unwrap_or_else(|| ActionId::generate(&mut IdGenerator::random())),
            title: title.get_untracked(),
            channel: channel.get_untracked().map(|c| Channel::from_key(&c)),
            owner: owner.get_untracked().map(MemberId),
            start: Date::parse(&start.get_untracked()),
            due: Date::parse(&due.get_untracked()),
            status: status.get_untracked().unwrap_or_default(),
            content: content.get_untracked(),
            rule: existing.as_ref().and_then(|a| a.rule.clone()),
            trigger: existing.as_ref().and_then(|a| a.trigger.clone()),
            notes: notes.get_untracked(),
        };
        // The action's rules (a title, due not before its start) are the plan's:
        // a refusal is said here, by the form's labels.
        let Some(ap) = edited_plan(state, &account, |ap| match ap.actions.iter().position(|a| a.id == action.id) {
            Some(i) => ap.actions[i] = action,
            None => ap.actions.push(action),
        }) else {
            return editor.close();
        };
        let labels = [("title", td_string!(l, ap.action)), ("start", td_string!(l, ap.start)), ("due", td_string!(l, ap.due))];
        editor.commit(state, Change::PutAccountPlan(Box::new(ap)), kind, error, &labels);
    };
    Effect::new(move |_| {
        title.track();
        start.track();
        due.track();
        error.set(None);
    });
    let dialog_title =
        Signal::derive(move || if editor.is_new() { t_string!(i18n, ap.action_editor_add) } else { t_string!(i18n, ap.action_editor_edit) }.to_string());
    view! {
        <Modal open title=dialog_title class="form-dialog">
            <form class="form" novalidate on:submit=move |ev| { ev.prevent_default(); save(); }>
                <TextField value=title>{t!(i18n, ap.action)}</TextField>
                <div class="field-row">
                    <LinkField options=channels value=channel none=Signal::derive(move || t_string!(i18n, ap.no_channel).to_string())>{t!(i18n, ap.channel)}</LinkField>
                    <LinkField options=Signal::derive(move || super::members(state)) value=owner
                        none=Signal::derive(move || t_string!(i18n, ap.unassigned).to_string())>{t!(i18n, ap.owner)}</LinkField>
                </div>
                <div class="field-row">
                    <TextField value=start kind="date">{t!(i18n, ap.start)}</TextField>
                    <TextField value=due kind="date">{t!(i18n, ap.due)}</TextField>
                    <ChoiceField choices=labels::ACTION_STATUSES.to_vec() words=labels::action_status value=status>{t!(i18n, ap.status)}</ChoiceField>
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
                <TextField value=notes rows=2>{t!(i18n, ap.notes)}</TextField>
                <DialogFooter open error submit=Signal::derive(move || t_string!(i18n, ap.save).to_string())/>
            </form>
        </Modal>
    }
}
