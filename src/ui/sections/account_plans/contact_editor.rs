//! Adding and editing a person of the org chart. "Reports to" offers only people
//! who are not under this person, so the chart cannot be made circular here.

use super::org_chart::Editing;
use crate::account_plans::{contacts_of, org_chart};
use crate::domain::{AccountId, BuyingRole, Contact, ContactId, Date, IdGenerator};
use crate::editing::{Change, EditKind};
use crate::ui::i18n::{t, t_string, td_string, use_i18n};
use crate::ui::labels;
use crate::ui::state::{use_app, ToastAction};
use crate::ui::widgets::{Bound, ChoiceField, DialogFooter, Editor, LinkField, Modal, TextField};
use leptos::prelude::*;

fn blank(account: &AccountId, reports_to: Option<ContactId>) -> Contact {
    Contact { reports_to, ..Contact::new(ContactId::generate(&mut IdGenerator::random()), account.clone(), "") }
}

#[component]
pub fn ContactEditor(account: AccountId, editor: Editor<Editing>) -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let open = editor.open();
    let draft: RwSignal<Contact> = RwSignal::new(blank(&account, None));
    let is_new = RwSignal::new(true);
    let relationship = RwSignal::new(String::new());
    let last_contact = RwSignal::new(String::new());
    let error: RwSignal<Option<String>> = RwSignal::new(None);
    {
        let account = account.clone();
        editor.on_open(move |e| {
            let (c, new) = match e {
                Some(Editing::Person(c)) => (c, false),
                Some(Editing::New { reports_to }) => (blank(&account, reports_to), true),
                None => (blank(&account, None), true),
            };
            relationship.set(c.relationship.map(|r| r.to_string()).unwrap_or_default());
            last_contact.set(c.last_contact.map(|d| d.to_string()).unwrap_or_default());
            draft.set(c);
            is_new.set(new);
            error.set(None);
        });
    }
    // People this one may report to: everyone at the account not under them.
    let managers = Signal::derive(move || {
        let (me, account) = draft.with(|c| (c.id.clone(), c.account.clone()));
        state.plan.with(|p| {
            let Some(p) = p else { return Vec::new() };
            let people = contacts_of(p, &account);
            let mut below = vec![me.clone()];
            let mut flat = Vec::new();
            for root in org_chart(&people) {
                root.flatten(0, &mut flat);
            }
            // Walk the flattened chart: a subtree is the run after a node with greater depth.
            if let Some(pos) = flat.iter().position(|(i, _)| people[*i].id == me) {
                let depth = flat[pos].1;
                below.extend(flat[pos + 1..].iter().take_while(|(_, d)| *d > depth).map(|(i, _)| people[*i].id.clone()));
            }
            people.into_iter().filter(|c| !below.contains(&c.id)).map(|c| (c.id.to_string(), c.name.clone())).collect::<Vec<_>>()
        })
    });
    let save = move || {
        let l = state.locale();
        let mut c = draft.get_untracked();
        let r = relationship.get_untracked();
        c.relationship = if r.trim().is_empty() {
            None
        } else {
            match r.trim().parse::<u8>() {
                Ok(v) => Some(v),
                Err(_) => return error.set(Some(td_string!(l, ap.relationship_invalid).to_string())),
            }
        };
        c.last_contact = Date::parse(&last_contact.get_untracked());
        let kind = if is_new.get_untracked() { EditKind::AddContact } else { EditKind::EditContact };
        let labels = [("name", td_string!(l, ap.contact_name)), ("relationship", td_string!(l, ap.relationship))];
        editor.commit(state, Change::PutContact(Box::new(c)), kind, error, &labels);
    };
    let remove = move |_| {
        let c = draft.get_untracked();
        state.dispatch(Change::RemoveContact(c.id.clone()), EditKind::RemoveContact);
        state.show_toast(td_string!(state.locale(), ap.removed_contact, name = c.name.clone()).to_string(), Some(ToastAction::UndoEdit));
        editor.close();
    };
    let title = Signal::derive(move || if is_new.get() { t_string!(i18n, ap.contact_editor_add) } else { t_string!(i18n, ap.contact_editor_edit) }.to_string());
    view! {
        <Modal open title class="form-dialog">
            <form class="form" novalidate on:submit=move |ev| { ev.prevent_default(); save(); }>
                <TextField value=Bound::field(draft, |c| c.name.clone(), |c, v| c.name = v)>{t!(i18n, ap.contact_name)}</TextField>
                <div class="field-row">
                    <TextField value=Bound::field(draft, |c| c.title.clone(), |c, v| c.title = v)>{t!(i18n, ap.contact_title)}</TextField>
                    <TextField value=Bound::field(draft, |c| c.department.clone(), |c, v| c.department = v)>{t!(i18n, ap.department)}</TextField>
                </div>
                <LinkField options=managers none=Signal::derive(move || t_string!(i18n, ap.nobody).to_string())
                    value=Bound::link(draft, |c| &c.reports_to, |c| &mut c.reports_to)>
                    {t!(i18n, ap.reports_to)}
                </LinkField>
                <div class="field-row">
                    <ChoiceField choices=BuyingRole::ALL.to_vec() words=labels::role value=Bound::field(draft, |c| c.role, |c, v| c.role = v)
                        none=Signal::derive(move || t_string!(i18n, ap.no_role).to_string())>{t!(i18n, ap.role)}</ChoiceField>
                    <ChoiceField choices=labels::STANCES.to_vec() words=labels::stance value=Bound::field(draft, |c| c.stance, |c, v| c.stance = v)
                        none=Signal::derive(move || t_string!(i18n, ap.no_stance).to_string())>{t!(i18n, ap.stance)}</ChoiceField>
                </div>
                <div class="field-row">
                    <TextField value=relationship kind="number" inputmode="numeric" min="0" max="10">{t!(i18n, ap.relationship)}</TextField>
                    <TextField value=last_contact kind="date">{t!(i18n, ap.last_contact)}</TextField>
                </div>
                <TextField value=Bound::field(draft, |c| c.email.clone(), |c, v| c.email = v)>{t!(i18n, ap.email)}</TextField>
                <TextField value=Bound::field(draft, |c| c.notes.clone(), |c, v| c.notes = v)>{t!(i18n, ap.notes)}</TextField>
                <Show when=move || !is_new.get()>
                    <button type="button" class="button button-small button-danger-quiet" on:click=remove>{t!(i18n, ap.remove_contact)}</button>
                </Show>
                <DialogFooter open error submit=Signal::derive(move || t_string!(i18n, ap.save).to_string())/>
            </form>
        </Modal>
    }
}
