//! Logging and editing one activity: which account, what happened and when, and
//! optionally who (a contact at that account), through which campaign, with which
//! content, how many times (bulk touches such as ad impressions) and how much of a
//! video was watched.

use super::editor_dialog;
use super::fields::{account_problem, options, AccountField, BoundInput, ChoiceSelect, EditorFooter, LinkSelect};
use crate::browser::clock;
use crate::domain::{AccountId, Activity, ActivityId, ActivityKind, CampaignId, ContactId, ContentId, IdGenerator};
use crate::editing::{Change, EditKind};
use crate::ui::i18n::{t, t_string, td_string, use_i18n};
use crate::ui::labels;
use crate::ui::state::{use_app, ToastAction};
use crate::ui::widgets::{unique_id, Modal};
use leptos::prelude::*;

/// A new activity: a meeting, now, at no account yet.
pub fn blank() -> Activity {
    Activity {
        id: ActivityId::generate(&mut IdGenerator::random()),
        account: AccountId(String::new()),
        contact: None,
        kind: ActivityKind::Meeting,
        at: clock::now(),
        campaign: None,
        content: None,
        count: None,
        progress: None,
        note: String::new(),
    }
}

/// A whole number typed in a field, within `range`; empty is `Ok(None)`.
fn optional_number<T: std::str::FromStr + PartialOrd>(text: &str, range: std::ops::RangeInclusive<T>) -> Result<Option<T>, ()> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    match t.parse::<T>() {
        Ok(v) if range.contains(&v) => Ok(Some(v)),
        _ => Err(()),
    }
}

#[component]
pub fn ActivityEditor(editing: RwSignal<Option<Option<Activity>>>) -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let draft: RwSignal<Activity> = RwSignal::new(blank());
    let is_new = RwSignal::new(true);
    let account: RwSignal<Option<AccountId>> = RwSignal::new(None);
    let account_text = RwSignal::new(String::new());
    let (when, count, progress) = (RwSignal::new(String::new()), RwSignal::new(String::new()), RwSignal::new(String::new()));
    let error: RwSignal<Option<String>> = RwSignal::new(None);
    let open = editor_dialog(editing, move |record: Option<Activity>| {
        let a = record.unwrap_or_else(blank);
        // New unless the plan has it: callers may start a new one for an account.
        is_new.set(!state.plan.with_untracked(|p| p.as_ref().is_some_and(|p| p.activities.iter().any(|x| x.id == a.id))));
        account_text.set(String::new());
        account.set((!a.account.as_str().is_empty()).then(|| a.account.clone()));
        when.set(clock::to_local_input(a.at));
        count.set(a.count.map(|c| c.to_string()).unwrap_or_default());
        progress.set(a.progress.map(|c| c.to_string()).unwrap_or_default());
        draft.set(a);
        error.set(None);
    });
    let save = move || {
        let l = state.locale();
        let fail = |m: String| error.set(Some(m));
        let mut a = draft.get_untracked();
        let Some(acc) = account.get_untracked() else { return fail(account_problem(l, &account_text.get_untracked())) };
        let Some(at) = clock::from_local_input(&when.get_untracked()) else { return fail(td_string!(l, rec.when_invalid).to_string()) };
        let Ok(n) = optional_number::<u32>(&count.get_untracked(), 1..=u32::MAX) else { return fail(td_string!(l, rec.count_invalid).to_string()) };
        let Ok(watched) = optional_number::<u8>(&progress.get_untracked(), 0..=100) else { return fail(td_string!(l, rec.progress_invalid).to_string()) };
        if a.account != acc {
            // A contact belongs to one account: a new account drops it.
            a.contact = None;
        }
        a.account = acc;
        a.at = at;
        a.count = n;
        a.progress = watched;
        let kind = if is_new.get_untracked() { EditKind::AddActivity } else { EditKind::EditActivity };
        state.dispatch(Change::PutActivity(Box::new(a)), kind);
        open.set(false);
    };
    let remove = move |()| {
        let a = draft.get_untracked();
        state.dispatch(Change::RemoveActivities(vec![a.id.clone()]), EditKind::RemoveActivities);
        state.show_toast(td_string!(state.locale(), rec.removed_activity).to_string(), Some(ToastAction::UndoEdit));
        open.set(false);
    };
    // The chosen account's people, campaigns and content, for the link pickers.
    let contacts = Signal::derive(move || {
        let Some(acc) = account.get() else { return Vec::new() };
        state.plan.with(|p| {
            p.as_ref().map(|p| p.contacts.iter().filter(|c| c.account == acc).map(|c| (c.id.to_string(), c.name.clone())).collect()).unwrap_or_default()
        })
    });
    let campaigns =
        Signal::derive(move || state.plan.with(|p| p.as_ref().map(|p| options(&p.campaigns, |c| c.id.to_string(), |c| c.name.clone())).unwrap_or_default()));
    let content =
        Signal::derive(move || state.plan.with(|p| p.as_ref().map(|p| options(&p.content, |c| c.id.to_string(), |c| c.title.clone())).unwrap_or_default()));
    let link = move |get: fn(&Activity) -> Option<String>| Signal::derive(move || draft.with(get));
    let ids: Vec<String> = (0..4).map(|_| unique_id("activity")).collect();
    let title =
        Signal::derive(move || if is_new.get() { t_string!(i18n, rec.activity_editor_add) } else { t_string!(i18n, rec.activity_editor_edit) }.to_string());
    view! {
        <Modal open title class="form-dialog">
            <form class="form" novalidate on:submit=move |ev| { ev.prevent_default(); save(); }>
                <AccountField value=account text=account_text/>
                <div class="field-row">
                    <ChoiceSelect label=Signal::derive(move || t_string!(i18n, rec.kind).to_string()) choices=ActivityKind::ALL.to_vec() name=labels::activity_kind
                        current=Signal::derive(move || draft.with(|a| a.kind)) on_pick=Callback::new(move |k| draft.update(|a| a.kind = k))/>
                    <BoundInput label=Signal::derive(move || t_string!(i18n, rec.when).to_string()) value=when kind="datetime-local"/>
                </div>
                <div class="field-row">
                    <LinkSelect label=Signal::derive(move || t_string!(i18n, rec.contact).to_string()) options=contacts
                        current=link(|a| a.contact.as_ref().map(|c| c.to_string())) on_pick=Callback::new(move |v: Option<String>| draft.update(|a| a.contact = v.map(ContactId)))/>
                    <LinkSelect label=Signal::derive(move || t_string!(i18n, rec.campaign).to_string()) options=campaigns
                        current=link(|a| a.campaign.as_ref().map(|c| c.to_string())) on_pick=Callback::new(move |v: Option<String>| draft.update(|a| a.campaign = v.map(CampaignId)))/>
                </div>
                <LinkSelect label=Signal::derive(move || t_string!(i18n, rec.content).to_string()) options=content
                    current=link(|a| a.content.as_ref().map(|c| c.to_string())) on_pick=Callback::new(move |v: Option<String>| draft.update(|a| a.content = v.map(ContentId)))/>
                <div class="field-row">
                    <div class="field">
                        <label for=ids[1].clone()>{t!(i18n, rec.count)}</label>
                        <input id=ids[1].clone() type="number" min="1" step="1" inputmode="numeric" aria-describedby=ids[2].clone()
                            prop:value=move || count.get() on:input=move |ev| count.set(event_target_value(&ev))/>
                        <p class="hint" id=ids[2].clone()>{t!(i18n, rec.count_hint)}</p>
                    </div>
                    <BoundInput label=Signal::derive(move || t_string!(i18n, rec.progress).to_string()) value=progress kind="number" inputmode="numeric"/>
                </div>
                <div class="field">
                    <label for=ids[3].clone()>{t!(i18n, rec.notes)}</label>
                    <textarea id=ids[3].clone() rows="2" prop:value=move || draft.with(|a| a.note.clone())
                        on:input=move |ev| { let v = event_target_value(&ev); draft.update(|a| a.note = v); }></textarea>
                </div>
                <EditorFooter open error is_new on_remove=Callback::new(remove)/>
            </form>
        </Modal>
    }
}
