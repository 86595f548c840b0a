//! Adding and editing a person of the org chart. "Reports to" offers only people
//! who are not under this person, so the chart cannot be made circular here.

use super::org_chart::Editing;
use crate::account_plans::{contacts_of, org_chart};
use crate::domain::{AccountId, BuyingRole, Contact, ContactId, Date, IdGenerator, Stance};
use crate::editing::{Change, EditKind};
use crate::ui::i18n::{t, t_string, td_string, use_i18n};
use crate::ui::labels;
use crate::ui::state::{use_app, ToastAction};
use crate::ui::widgets::{choice_value, picked};
use crate::ui::widgets::{unique_id, DialogFooter, Modal};
use leptos::prelude::*;

fn blank(account: &AccountId, reports_to: Option<ContactId>) -> Contact {
    Contact { reports_to, ..Contact::new(ContactId::generate(&mut IdGenerator::random()), account.clone(), "") }
}

#[component]
pub fn ContactEditor(account: AccountId, editing: RwSignal<Option<Editing>>) -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let open = RwSignal::new(false);
    let draft: RwSignal<Option<Contact>> = RwSignal::new(None);
    let is_new = RwSignal::new(true);
    let relationship = RwSignal::new(String::new());
    let last_contact = RwSignal::new(String::new());
    let error: RwSignal<Option<String>> = RwSignal::new(None);
    {
        let account = account.clone();
        Effect::new(move |_| match editing.get() {
            Some(e) => {
                let (c, new) = match e {
                    Editing::Person(c) => (c, false),
                    Editing::New { reports_to } => (blank(&account, reports_to), true),
                };
                relationship.set(c.relationship.map(|r| r.to_string()).unwrap_or_default());
                last_contact.set(c.last_contact.map(|d| d.to_string()).unwrap_or_default());
                draft.set(Some(c));
                is_new.set(new);
                error.set(None);
                open.set(true);
            }
            None => open.set(false),
        });
    }
    Effect::new(move |_| {
        if !open.get() && editing.get_untracked().is_some() {
            editing.set(None);
        }
    });
    let edit = move |f: &dyn Fn(&mut Contact)| {
        draft.update(|d| {
            if let Some(c) = d.as_mut() {
                f(c);
            }
        })
    };
    // People this one may report to: everyone at the account not under them.
    let managers = {
        let account = account.clone();
        move || {
            let Some(me) = draft.with(|d| d.as_ref().map(|c| c.id.clone())) else { return Vec::new() };
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
        }
    };
    let save = move || {
        let l = state.locale();
        let Some(mut c) = draft.get_untracked() else { return };
        c.name = c.name.trim().to_string();
        if c.name.is_empty() {
            error.set(Some(td_string!(l, ap.name_required).to_string()));
            return;
        }
        let r = relationship.get_untracked();
        c.relationship = if r.trim().is_empty() {
            None
        } else {
            match r.trim().parse::<u8>() {
                Ok(v) if v <= 10 => Some(v),
                _ => {
                    error.set(Some(td_string!(l, ap.relationship_invalid).to_string()));
                    return;
                }
            }
        };
        c.last_contact = Date::parse(&last_contact.get_untracked());
        let kind = if is_new.get_untracked() { EditKind::AddContact } else { EditKind::EditContact };
        state.dispatch(Change::PutContact(Box::new(c)), kind);
        open.set(false);
    };
    let remove = move |_| {
        let Some(c) = draft.get_untracked() else { return };
        state.dispatch(Change::RemoveContact(c.id.clone()), EditKind::RemoveContact);
        state.show_toast(td_string!(state.locale(), ap.removed_contact, name = c.name.clone()).to_string(), Some(ToastAction::UndoEdit));
        open.set(false);
    };
    let ids: Vec<String> = (0..10).map(|_| unique_id("contact")).collect();
    let field_ids = ids.clone();
    let text_field = move |i: usize, label: Signal<String>, get: fn(&Contact) -> String, set: fn(&mut Contact, String)| {
        let id = field_ids[i].clone();
        view! {
            <div class="field">
                <label for=id.clone()>{move || label.get()}</label>
                <input id=id type="text" prop:value=move || draft.with(|d| d.as_ref().map(get).unwrap_or_default())
                    on:input=move |ev| { let v = event_target_value(&ev); edit(&|c| set(c, v.clone())); }/>
            </div>
        }
    };
    let title = Signal::derive(move || if is_new.get() { t_string!(i18n, ap.contact_editor_add) } else { t_string!(i18n, ap.contact_editor_edit) }.to_string());
    view! {
        <Modal open title class="form-dialog">
            <form class="form" novalidate on:submit=move |ev| { ev.prevent_default(); save(); }>
                {text_field(0, Signal::derive(move || t_string!(i18n, ap.contact_name).to_string()), |c| c.name.clone(), |c, v| c.name = v)}
                <div class="field-row">
                    {text_field(1, Signal::derive(move || t_string!(i18n, ap.contact_title).to_string()), |c| c.title.clone(), |c, v| c.title = v)}
                    {text_field(2, Signal::derive(move || t_string!(i18n, ap.department).to_string()), |c| c.department.clone(), |c, v| c.department = v)}
                </div>
                <div class="field">
                    <label for=ids[3].clone()>{t!(i18n, ap.reports_to)}</label>
                    <select id=ids[3].clone() on:change=move |ev| { let v = event_target_value(&ev); edit(&|c| c.reports_to = (!v.is_empty()).then(|| ContactId(v.clone()))); }>
                        <option value="" selected=move || draft.with(|d| d.as_ref().is_some_and(|c| c.reports_to.is_none()))>{t!(i18n, ap.nobody)}</option>
                        {move || managers().into_iter().map(|(id, name)| {
                            let is = id.clone();
                            view! { <option value=id selected=move || draft.with(|d| d.as_ref().and_then(|c| c.reports_to.as_ref()).is_some_and(|r| r.as_str() == is))>{name}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div class="field-row">
                    <div class="field">
                        <label for=ids[4].clone()>{t!(i18n, ap.role)}</label>
                        <select id=ids[4].clone() on:change=move |ev| {
                            let v = event_target_value(&ev);
                            let role = picked(&BuyingRole::ALL, &v);
                            edit(&|c| c.role = role);
                        }>
                            <option value="" selected=move || draft.with(|d| d.as_ref().is_some_and(|c| c.role.is_none()))>{t!(i18n, ap.no_role)}</option>
                            {BuyingRole::ALL.into_iter().map(|r| view! {
                                <option value=choice_value(&BuyingRole::ALL, &r) selected=move || draft.with(|d| d.as_ref().is_some_and(|c| c.role == Some(r)))>{move || labels::role(i18n.get_locale(), r)}</option>
                            }).collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label for=ids[5].clone()>{t!(i18n, ap.stance)}</label>
                        <select id=ids[5].clone() on:change=move |ev| {
                            let v = event_target_value(&ev);
                            let stance = picked(&labels::STANCES, &v);
                            edit(&|c| c.stance = stance);
                        }>
                            <option value="" selected=move || draft.with(|d| d.as_ref().is_some_and(|c| c.stance.is_none()))>{t!(i18n, ap.no_stance)}</option>
                            {labels::STANCES.into_iter().map(|s: Stance| view! {
                                <option value=choice_value(&labels::STANCES, &s) selected=move || draft.with(|d| d.as_ref().is_some_and(|c| c.stance == Some(s)))>{move || labels::stance(i18n.get_locale(), s)}</option>
                            }).collect_view()}
                        </select>
                    </div>
                </div>
                <div class="field-row">
                    <div class="field">
                        <label for=ids[6].clone()>{t!(i18n, ap.relationship)}</label>
                        <input id=ids[6].clone() type="number" min="0" max="10" step="1" inputmode="numeric"
                            prop:value=move || relationship.get() on:input=move |ev| relationship.set(event_target_value(&ev))/>
                    </div>
                    <div class="field">
                        <label for=ids[7].clone()>{t!(i18n, ap.last_contact)}</label>
                        <input id=ids[7].clone() type="date" prop:value=move || last_contact.get() on:input=move |ev| last_contact.set(event_target_value(&ev))/>
                    </div>
                </div>
                {text_field(8, Signal::derive(move || t_string!(i18n, ap.email).to_string()), |c| c.email.clone(), |c, v| c.email = v)}
                {text_field(9, Signal::derive(move || t_string!(i18n, ap.notes).to_string()), |c| c.notes.clone(), |c, v| c.notes = v)}
                <Show when=move || !is_new.get()>
                    <button type="button" class="button button-small button-danger-quiet" on:click=remove>{t!(i18n, ap.remove_contact)}</button>
                </Show>
                <DialogFooter open error submit=Signal::derive(move || t_string!(i18n, ap.save).to_string())/>
            </form>
        </Modal>
    }
}
