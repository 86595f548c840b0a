//! Logging and editing one activity: which account, what happened and when, and
//! optionally who (a contact at that account), through which campaign, with which
//! content, how many times (bulk touches such as ad impressions) and how much of a
//! video was watched.

use crate::browser::clock;
use crate::domain::{AccountId, Activity, ActivityId, ActivityKind, IdGenerator};
use crate::editing::{Change, EditKind};
use crate::ui::i18n::{t, t_string, td_string, use_i18n};
use crate::ui::labels;
use crate::ui::state::{use_app, ToastAction};
use crate::ui::widgets::{account_problem, always, options, AccountField, Bound, ChoiceField, Editor, EditorFooter, LinkField, Modal, TextField};
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
pub fn ActivityEditor(editor: Editor<Activity>) -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let draft: RwSignal<Activity> = RwSignal::new(blank());
    let is_new = RwSignal::new(true);
    let account: RwSignal<Option<AccountId>> = RwSignal::new(None);
    let account_text = RwSignal::new(String::new());
    let (when, count, progress) = (RwSignal::new(String::new()), RwSignal::new(String::new()), RwSignal::new(String::new()));
    let error: RwSignal<Option<String>> = RwSignal::new(None);
    let open = editor.open();
    editor.on_open(move |record: Option<Activity>| {
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
        editor.commit(state, Change::PutActivity(Box::new(a)), kind, error, &[("count", td_string!(l, rec.count)), ("progress", td_string!(l, rec.progress))]);
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
    let title =
        Signal::derive(move || if is_new.get() { t_string!(i18n, rec.activity_editor_add) } else { t_string!(i18n, rec.activity_editor_edit) }.to_string());
    view! {
        <Modal open title class="form-dialog">
            <form class="form" novalidate on:submit=move |ev| { ev.prevent_default(); save(); }>
                <AccountField value=account text=account_text/>
                <div class="field-row">
                    <ChoiceField choices=ActivityKind::ALL.to_vec() words=labels::activity_kind value=always(draft, |a| a.kind, |a, k| a.kind = k)>
                        {t!(i18n, rec.kind)}
                    </ChoiceField>
                    <TextField value=when kind="datetime-local">{t!(i18n, rec.when)}</TextField>
                </div>
                <div class="field-row">
                    <LinkField options=contacts
                        value=Bound::link(draft, |a| &a.contact, |a| &mut a.contact)>
                        {t!(i18n, rec.contact)}
                    </LinkField>
                    <LinkField options=campaigns
                        value=Bound::link(draft, |a| &a.campaign, |a| &mut a.campaign)>
                        {t!(i18n, rec.campaign)}
                    </LinkField>
                </div>
                <LinkField options=content
                    value=Bound::link(draft, |a| &a.content, |a| &mut a.content)>
                    {t!(i18n, rec.content)}
                </LinkField>
                <div class="field-row">
                    <TextField value=count kind="number" inputmode="numeric" min="1" hint=Signal::derive(move || t_string!(i18n, rec.count_hint).to_string())>
                        {t!(i18n, rec.count)}
                    </TextField>
                    <TextField value=progress kind="number" inputmode="numeric" min="0" max="100">{t!(i18n, rec.progress)}</TextField>
                </div>
                <TextField value=Bound::field(draft, |a| a.note.clone(), |a, v| a.note = v) rows=2>{t!(i18n, rec.notes)}</TextField>
                <EditorFooter open error is_new=is_new on_remove=Callback::new(remove)/>
            </form>
        </Modal>
    }
}
