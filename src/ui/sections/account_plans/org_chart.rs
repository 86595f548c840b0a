//! Key people drawn as an org chart (a tree by reports-to). Each card shows role,
//! stance and relationship in words as well as colour; resisters carry a flag.
//! Selecting a card edits the person; "+" adds someone reporting to them.

use super::contact_editor::ContactEditor;
use crate::account_plans::{contacts_of, org_chart, OrgNode};
use crate::domain::{AccountId, BuyingRole, Contact, ContactId, FactorSource, IdGenerator, Stance};
use crate::editing::{Change, EditKind};
use crate::prioritisation::ValueSource;
use crate::ui::format;
use crate::ui::i18n::{t, t_string, td_string, use_i18n, Locale};
use crate::ui::insights::use_insights;
use crate::ui::labels;
use crate::ui::state::use_app;
use crate::ui::widgets::{joined, labelled_refusal, ChoiceField, Editor, QuickAdd, TextField};
use leptos::prelude::*;

/// What the editor opens on: a person, or a new person under a manager.
#[derive(Clone, Debug, PartialEq)]
pub enum Editing {
    Person(Contact),
    New { reports_to: Option<ContactId> },
}

fn stance_mark(s: Option<Stance>) -> &'static str {
    match s {
        Some(Stance::Supporter) => "＋",
        Some(Stance::Opponent) => "－",
        Some(Stance::Neutral) => "±",
        None => "?",
    }
}

fn card(c: &Contact, l: Locale, editor: Editor<Editing>) -> AnyView {
    let role = c.role.map(|r| labels::role(l, r)).unwrap_or_else(|| td_string!(l, ap.no_role).to_string());
    let stance = c.stance.map(|s| labels::stance(l, s)).unwrap_or_else(|| td_string!(l, ap.no_stance).to_string());
    let flag_role = c.role == Some(BuyingRole::Resister);
    let resister = c.resists();
    let role_class = c.role.map(|r| format!("role-{}", labels::css_key(&r))).unwrap_or_default();
    let stance_class = c.stance.map(|s| format!("stance-{}", labels::css_key(&s))).unwrap_or_else(|| "stance-unknown".into());
    let (open_contact, new_under) = (c.clone(), c.id.clone());
    let edit_label = td_string!(l, ap.edit_contact, name = c.name.clone()).to_string();
    let add_label = td_string!(l, ap.add_report_to, name = c.name.clone()).to_string();
    let subtitle = joined([c.title.clone(), c.department.clone()], " · ");
    view! {
        <div class=format!("org-card {role_class} {stance_class}") class:resister=resister data-testid="org-card">
            <button type="button" class="org-card-main" title=edit_label on:click=move |_| editor.edit(Editing::Person(open_contact.clone()))>
                <span class="org-name">{c.name.clone()}</span>
                <span class="org-title">{subtitle}</span>
                <span class="org-tags">
                    // A resister by role is flagged by the role itself, not twice.
                    {if flag_role {
                        view! { <span class="org-role org-flag">"⚠ "{role}</span> }.into_any()
                    } else {
                        view! { <span class="org-role">{role}</span> }.into_any()
                    }}
                    <span class="org-stance"><span aria-hidden="true">{stance_mark(c.stance)}" "</span>{stance}</span>
                    {c.relationship.map(|r| view! { <span class="org-rel">{td_string!(l, ap.relationship_short, n = r).to_string()}</span> })}
                    {c.last_contact.map(|d| view! { <span class="org-rel">{td_string!(l, ap.last_contact_on, date = format::date(d, l)).to_string()}</span> })}
                </span>
                {(resister && !flag_role).then(|| view! { <span class="org-flag">"⚠ "{td_string!(l, ap.resister_flag).to_string()}</span> })}
            </button>
            <button type="button" class="icon-button org-add no-print" title=add_label.clone() aria-label=add_label
                on:click=move |_| editor.edit(Editing::New { reports_to: Some(new_under.clone()) })>
                <span aria-hidden="true">"+"</span>
            </button>
        </div>
    }
    .into_any()
}

fn branch(node: &OrgNode, people: &[Contact], l: Locale, editor: Editor<Editing>) -> AnyView {
    let children: Vec<AnyView> = node.children.iter().map(|c| branch(c, people, l, editor)).collect();
    let has_children = !children.is_empty();
    view! {
        <li>
            {card(&people[node.contact], l, editor)}
            {has_children.then(|| view! { <ul>{children}</ul> })}
        </li>
    }
    .into_any()
}

#[component]
pub fn OrgChartPanel(id: AccountId) -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let insights = use_insights();
    let editor = Editor::<Editing>::new();
    let people = {
        let id = id.clone();
        Memo::new(move |_| state.plan.with(|p| p.as_ref().map(|p| contacts_of(p, &id).into_iter().cloned().collect::<Vec<_>>()).unwrap_or_default()))
    };
    let chart = move || {
        let l = i18n.get_locale();
        people.with(|people| {
            let refs: Vec<&Contact> = people.iter().collect();
            org_chart(&refs).iter().map(|n| branch(n, people, l, editor)).collect::<Vec<_>>()
        })
    };
    // The relationship factor this account gets from its decision makers. A
    // value typed by hand overrides them, and the panel says so: the people
    // shown may imply another value.
    let relationship = {
        let id = id.clone();
        move || {
            let l = i18n.get_locale();
            let (i, k, factor) = state.plan.with(|p| {
                let p = p.as_ref()?;
                let k = p.prioritisation.factors.iter().position(|f| f.source == FactorSource::Relationship)?;
                Some((p.accounts.iter().position(|a| a.id == id)?, k, p.prioritisation.factors[k].id.clone()))
            })?;
            let value = insights.basis.with(|b| b.0.value(i, k))?;
            let out = |v: f64| format!("{}/10", format::number(v, l, 1));
            Some(match (value.source, value.value, value.derived) {
                (ValueSource::Manual, Some(v), derived) => {
                    let text = match derived {
                        Some(d) => td_string!(l, ap.relationship_typed, value = out(v), implied = out(d)).to_string(),
                        None => td_string!(l, ap.relationship_typed_none, value = out(v)).to_string(),
                    };
                    let account = id.clone();
                    let use_people = move |_| {
                        state.dispatch(Change::SetFactorValue { account: account.clone(), factor: factor.clone(), value: None }, EditKind::EditFactorValue)
                    };
                    view! {
                        {text}" "
                        <button type="button" class="button button-small no-print" on:click=use_people>{t!(i18n, ap.relationship_use_people)}</button>
                    }
                    .into_any()
                }
                (_, Some(v), _) => td_string!(l, ap.relationship_feeds, value = out(v)).to_string().into_any(),
                _ => td_string!(l, ap.relationship_feeds_none).to_string().into_any(),
            })
        }
    };
    // The short path: name, title and role in one line; the dialog holds the rest.
    let (quick_name, quick_title) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let quick_role: RwSignal<Option<BuyingRole>> = RwSignal::new(None);
    let add_person = {
        let id = id.clone();
        Callback::new(move |()| {
            let person = Contact {
                title: quick_title.get_untracked().trim().to_string(),
                role: quick_role.get_untracked(),
                ..Contact::new(ContactId::generate(&mut IdGenerator::random()), id.clone(), quick_name.get_untracked())
            };
            // The person's rules (a name) are the plan's: said at the row's name field.
            if let Err(r) = state.try_dispatch(Change::PutContact(Box::new(person)), EditKind::AddContact) {
                let l = state.locale();
                return Err((0, labelled_refusal(l, r, &[("name", td_string!(l, ap.contact_name))])));
            }
            quick_name.set(String::new());
            quick_title.set(String::new());
            quick_role.set(None);
            Ok(())
        })
    };
    view! {
        <section class="panel" aria-labelledby="plan-people">
            <div class="panel-head">
                <h3 id="plan-people">{t!(i18n, ap.stakeholders)}</h3>
                <button type="button" class="button button-small no-print" on:click=move |_| editor.edit(Editing::New { reports_to: None })>{t!(i18n, ap.add_contact)}</button>
            </div>
            <p class="muted no-print">{t!(i18n, ap.stakeholders_hint)}</p>
            <p class="muted" data-testid="relationship-factor">{relationship}</p>
            <Show when=move || people.with(|p| !p.is_empty()) fallback=move || view! { <p class="muted">{t!(i18n, ap.no_contacts)}</p> }>
                <div class="org-chart" role="group" aria-label=move || t_string!(i18n, ap.stakeholders)>
                    <ul class="org-tree">{chart}</ul>
                </div>
            </Show>
            <QuickAdd label=Signal::derive(move || t_string!(i18n, ap.quick_person).to_string()) on_add=add_person>
                <TextField value=quick_name>{t!(i18n, ap.contact_name)}</TextField>
                <TextField value=quick_title>{t!(i18n, ap.contact_title)}</TextField>
                <ChoiceField choices=BuyingRole::ALL.to_vec() value=quick_role words=labels::role
                    none=Signal::derive(move || t_string!(i18n, ap.no_role).to_string())>{t!(i18n, ap.role)}</ChoiceField>
            </QuickAdd>
            <ContactEditor account=id.clone() editor/>
        </section>
    }
}
