//! The account dialog: add a new account, or see and edit every detail of one,
//! with its fit breakdown and priority.

use super::{team_choices, use_table, INDUSTRY_LIST};
use crate::accounts::values_in_use;
use crate::domain::quantity::parse_count;
use crate::domain::quantity::parse_number;
use crate::domain::{Account, AccountId, AccountStatus, CustomValue, FieldId, FieldKind, IdGenerator, MemberId, Money, TargetChoice, Tier};
use crate::editing::{Change, EditKind};
use crate::ui::format;
use crate::ui::i18n::{t, t_string, td_string, use_i18n};
use crate::ui::insights::use_insights;
use crate::ui::labels::{amount_problem, number_problem};
use crate::ui::sections::icp::{criterion_label, outcome_chip, status_text};
use crate::ui::state::use_app;
use crate::ui::widgets::{unique_id, DialogFooter, Modal, ValueList};
use leptos::prelude::*;
use std::collections::BTreeMap;

/// A labelled text input bound to a draft.
#[component]
fn TextField(
    #[prop(into)] label: Signal<String>,
    value: RwSignal<String>,
    #[prop(optional, into)] list: Option<String>,
    #[prop(optional)] numeric: bool,
) -> impl IntoView {
    let id = unique_id("account-field");
    view! {
        <div class="field">
            <label for=id.clone()>{move || label.get()}</label>
            <input id=id type="text" list=list inputmode=if numeric { "decimal" } else { "text" }
                prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev))/>
        </div>
    }
}

#[component]
pub fn AccountEditor() -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let table = use_table();
    let open = table.editor_open;
    let [name, domain, industry, employees, revenue, deal, country, region, city, target_note, notes] = std::array::from_fn(|_| RwSignal::new(String::new()));
    let status = RwSignal::new(None::<AccountStatus>);
    let technologies = RwSignal::new(Vec::<String>::new());
    let tags = RwSignal::new(Vec::<String>::new());
    let marketing = RwSignal::new(String::new());
    let sales = RwSignal::new(String::new());
    let target = RwSignal::new(TargetChoice::Auto);
    let tier = RwSignal::new(None::<Tier>);
    let custom = RwSignal::new(BTreeMap::<FieldId, String>::new());
    let error = RwSignal::new(None::<String>);
    let current = move || {
        let id = table.editing.get()?;
        state.plan.with(|p| p.as_ref().and_then(|p| p.accounts.iter().position(|a| a.id == id)))
    };
    Effect::new(move |_| {
        if !open.get() {
            return;
        }
        let a = table
            .editing
            .get_untracked()
            .and_then(|id| state.plan.with_untracked(|p| p.as_ref().and_then(|p| p.accounts.iter().find(|a| a.id == id).cloned())));
        let a = a.unwrap_or_else(|| Account::new(AccountId(String::new()), ""));
        name.set(a.name.clone());
        domain.set(a.domain.clone());
        industry.set(a.industry.clone());
        employees.set(a.employees.map(|e| e.to_string()).unwrap_or_default());
        revenue.set(a.annual_revenue.map(|m| m.to_plain_string()).unwrap_or_default());
        deal.set(a.expected_deal_size.map(|m| m.to_plain_string()).unwrap_or_default());
        country.set(a.country.clone());
        region.set(a.region.clone());
        city.set(a.city.clone());
        status.set(a.status);
        target_note.set(a.target_note.clone());
        notes.set(a.notes.clone());
        technologies.set(a.technologies.clone());
        tags.set(a.tags.clone());
        marketing.set(a.marketing_owner.map(|m| m.to_string()).unwrap_or_default());
        sales.set(a.sales_owner.map(|m| m.to_string()).unwrap_or_default());
        target.set(a.target);
        tier.set(a.tier);
        custom.set(
            a.custom
                .iter()
                .map(|(k, v)| {
                    (
                        k.clone(),
                        match v {
                            CustomValue::Text(s) => s.clone(),
                            CustomValue::Number(n) => n.to_string(),
                            CustomValue::Bool(b) => {
                                if *b {
                                    "true".into()
                                } else {
                                    String::new()
                                }
                            }
                        },
                    )
                })
                .collect(),
        );
        error.set(None);
    });
    let save = move || {
        let l = state.locale();
        let fail = |msg: String| error.set(Some(msg));
        if name.get_untracked().trim().is_empty() {
            return fail(td_string!(l, accounts.name_required).to_string());
        }
        let emp = match parse_count(&employees.get_untracked()) {
            Ok(v) => v,
            Err(p) => return fail(number_problem(l, &employees.get_untracked(), p)),
        };
        let currency = state.currency_untracked();
        let rev = match Money::parse_in(&revenue.get_untracked(), &currency) {
            Ok(v) => v,
            Err(p) => return fail(amount_problem(l, &revenue.get_untracked(), p, &currency)),
        };
        let expected = match Money::parse_in(&deal.get_untracked(), &currency) {
            Ok(v) => v,
            Err(p) => return fail(amount_problem(l, &deal.get_untracked(), p, &currency)),
        };
        let defs = state.plan.with_untracked(|p| p.as_ref().map(|p| p.custom_fields.iter().cloned().collect::<Vec<_>>()).unwrap_or_default());
        let mut values = BTreeMap::new();
        for def in &defs {
            let text = custom.with_untracked(|c| c.get(&def.id).cloned().unwrap_or_default());
            let text = text.trim();
            let value = match def.kind {
                FieldKind::Flag => Some(CustomValue::Bool(text == "true")),
                _ if text.is_empty() => None,
                FieldKind::Number => match parse_number(text) {
                    Some(n) => Some(CustomValue::Number(n)),
                    None => return fail(td_string!(l, accounts.custom_number_invalid, field = def.name.clone()).to_string()),
                },
                FieldKind::Text | FieldKind::Date | FieldKind::Choice => Some(CustomValue::Text(text.to_string())),
            };
            if let Some(v) = value {
                values.insert(def.id.clone(), v);
            }
        }
        let existing = table
            .editing
            .get_untracked()
            .and_then(|id| state.plan.with_untracked(|p| p.as_ref().and_then(|p| p.accounts.iter().find(|a| a.id == id).cloned())));
        let kind = if existing.is_some() { EditKind::EditAccount } else { EditKind::AddAccount };
        let mut a = existing.unwrap_or_else(|| Account::new(AccountId::generate(&mut IdGenerator::random()), ""));
        let owner = |s: String| (!s.is_empty()).then_some(MemberId(s));
        a.name = name.get_untracked().trim().to_string();
        a.domain = domain.get_untracked().trim().to_string();
        a.industry = industry.get_untracked().trim().to_string();
        a.employees = emp;
        a.annual_revenue = rev;
        a.expected_deal_size = expected;
        a.country = country.get_untracked().trim().to_string();
        a.region = region.get_untracked().trim().to_string();
        a.city = city.get_untracked().trim().to_string();
        a.status = status.get_untracked();
        a.technologies = technologies.get_untracked();
        a.tags = tags.get_untracked();
        a.marketing_owner = owner(marketing.get_untracked());
        a.sales_owner = owner(sales.get_untracked());
        a.target = target.get_untracked();
        a.target_note = target_note.get_untracked().trim().to_string();
        a.tier = tier.get_untracked();
        a.notes = notes.get_untracked();
        a.custom = values;
        let saved_name = a.name.clone();
        state.dispatch(Change::PutAccounts(vec![a]), kind);
        open.set(false);
        if kind == EditKind::AddAccount {
            state.show_toast(td_string!(l, accounts.added, name = saved_name).to_string(), None);
        }
    };
    let title = Signal::derive(move || {
        if table.editing.with(Option::is_some) { t_string!(i18n, accounts.editor_edit) } else { t_string!(i18n, accounts.editor_add) }.to_string()
    });
    let team = move || team_choices(state);
    let suggestions =
        move |f: fn(&Account) -> &Vec<String>| Signal::derive(move || state.plan.with(|p| p.as_ref().map(|p| values_in_use(p, f)).unwrap_or_default()));
    let ids: [String; 7] = std::array::from_fn(|_| unique_id("account-field"));
    let owner_select = move |id: String, label: Signal<String>, value: RwSignal<String>| {
        view! {
            <div class="field">
                <label for=id.clone()>{move || label.get()}</label>
                <select id=id on:change=move |ev| value.set(event_target_value(&ev)) prop:value=move || value.get()>
                    <option value="">"—"</option>
                    {move || team().into_iter().map(|(id, name)| view! { <option value=id.clone() selected=move || value.get() == id>{name}</option> }).collect_view()}
                </select>
            </div>
        }
    };
    view! {
        <Modal open title class="form-dialog form-dialog-wide">
            <form class="form" novalidate on:submit=move |ev| { ev.prevent_default(); save(); }>
                <Show when=move || current().is_some()>
                    <Summary i=Signal::derive(move || current().unwrap_or(0))/>
                </Show>
                <div class="form-grid">
                    <TextField label=Signal::derive(move || t_string!(i18n, accounts.name).to_string()) value=name/>
                    <TextField label=Signal::derive(move || t_string!(i18n, accounts.domain).to_string()) value=domain/>
                    <TextField label=Signal::derive(move || t_string!(i18n, accounts.industry).to_string()) value=industry list=INDUSTRY_LIST.to_string()/>
                    <TextField label=Signal::derive(move || t_string!(i18n, accounts.employees).to_string()) value=employees numeric=true/>
                    <TextField label=Signal::derive(move || t_string!(i18n, accounts.revenue).to_string()) value=revenue numeric=true/>
                    <TextField label=Signal::derive(move || t_string!(i18n, accounts.expected_deal).to_string()) value=deal numeric=true/>
                    <TextField label=Signal::derive(move || t_string!(i18n, accounts.country).to_string()) value=country/>
                    <TextField label=Signal::derive(move || t_string!(i18n, accounts.region).to_string()) value=region/>
                    <TextField label=Signal::derive(move || t_string!(i18n, accounts.city).to_string()) value=city/>
                    <div class="field">
                        <label for=ids[6].clone()>{t!(i18n, accounts.status)}</label>
                        <select id=ids[6].clone() prop:value=move || status.get().map(|s| s.key()).unwrap_or_default()
                            on:change=move |ev| status.set(AccountStatus::from_key(&event_target_value(&ev)))>
                            <option value="">"—"</option>
                            {AccountStatus::ALL.into_iter().map(|s| view! {
                                <option value=s.key()>{move || crate::ui::labels::account_status(i18n.get_locale(), Some(s))}</option>
                            }).collect_view()}
                        </select>
                    </div>
                    {owner_select(ids[0].clone(), Signal::derive(move || t_string!(i18n, accounts.marketing_owner).to_string()), marketing)}
                    {owner_select(ids[1].clone(), Signal::derive(move || t_string!(i18n, accounts.sales_owner).to_string()), sales)}
                    <div class="field">
                        <label for=ids[2].clone()>{t!(i18n, accounts.target_choice)}</label>
                        <select id=ids[2].clone() prop:value=move || match target.get() { TargetChoice::Auto => "auto", TargetChoice::Include => "include", TargetChoice::Exclude => "exclude" }
                            on:change=move |ev| target.set(match event_target_value(&ev).as_str() { "include" => TargetChoice::Include, "exclude" => TargetChoice::Exclude, _ => TargetChoice::Auto })>
                            <option value="auto">{move || t_string!(i18n, icp.choice_auto)}</option>
                            <option value="include">{move || t_string!(i18n, icp.choice_include)}</option>
                            <option value="exclude">{move || t_string!(i18n, icp.choice_exclude)}</option>
                        </select>
                    </div>
                    <TextField label=Signal::derive(move || t_string!(i18n, accounts.target_note).to_string()) value=target_note/>
                    <div class="field">
                        <label for=ids[3].clone()>{t!(i18n, accounts.tier_pin)}</label>
                        <select id=ids[3].clone() prop:value=move || tier.get().map(|t| t.number().to_string()).unwrap_or_default()
                            on:change=move |ev| tier.set(event_target_value(&ev).parse::<u8>().ok().and_then(|n| Tier::try_from(n).ok()))>
                            <option value="">{move || t_string!(i18n, accounts.tier_auto)}</option>
                            {Tier::ALL.into_iter().map(|t| view! { <option value=t.number().to_string()>{move || td_string!(i18n.get_locale(), accounts.tier_n, n = t.number()).to_string()}</option> }).collect_view()}
                        </select>
                    </div>
                </div>
                <div class="form-grid">
                    <div class="field">
                        <span class="label">{t!(i18n, accounts.technologies)}</span>
                        <ValueList values=technologies suggestions=suggestions(|a| &a.technologies) label=t_string!(i18n, accounts.technologies).to_string()
                            on_change=Callback::new(move |v| technologies.set(v))/>
                    </div>
                    <div class="field">
                        <span class="label">{t!(i18n, accounts.tags)}</span>
                        <ValueList values=tags suggestions=suggestions(|a| &a.tags) label=t_string!(i18n, accounts.tags).to_string()
                            on_change=Callback::new(move |v| tags.set(v))/>
                    </div>
                </div>
                <CustomValues custom/>
                <div class="field">
                    <label for=ids[4].clone()>{t!(i18n, accounts.notes)}</label>
                    <textarea id=ids[4].clone() rows="3" prop:value=move || notes.get() on:input=move |ev| notes.set(event_target_value(&ev))></textarea>
                </div>
                <DialogFooter open error submit=Signal::derive(move || t_string!(i18n, accounts.save).to_string())/>
            </form>
        </Modal>
    }
}

/// Inputs for the plan's custom fields, by kind.
#[component]
fn CustomValues(custom: RwSignal<BTreeMap<FieldId, String>>) -> impl IntoView {
    let state = use_app();
    let defs = move || state.plan.with(|p| p.as_ref().map(|p| p.custom_fields.iter().cloned().collect::<Vec<_>>()).unwrap_or_default());
    move || {
        let defs = defs();
        (!defs.is_empty()).then(|| view! {
            <div class="form-grid">
                {defs.into_iter().map(|def| {
                    let id = unique_id("custom");
                    let key = def.id.clone();
                    let value = move || custom.with(|c| c.get(&key).cloned().unwrap_or_default());
                    let key = def.id.clone();
                    let set = move |v: String| custom.update(|c| { c.insert(key.clone(), v); });
                    let input = match def.kind {
                        FieldKind::Flag => view! {
                            <input id=id.clone() type="checkbox" prop:checked=move || value() == "true"
                                on:change=move |ev| set(if event_target_checked(&ev) { "true".into() } else { String::new() })/>
                        }.into_any(),
                        FieldKind::Choice => {
                            let options = def.options.clone();
                            view! {
                                <select id=id.clone() prop:value=value on:change=move |ev| set(event_target_value(&ev))>
                                    <option value="">"—"</option>
                                    {options.into_iter().map(|o| view! { <option value=o.clone()>{o.clone()}</option> }).collect_view()}
                                </select>
                            }.into_any()
                        }
                        FieldKind::Date => view! { <input id=id.clone() type="date" prop:value=value on:input=move |ev| set(event_target_value(&ev))/> }.into_any(),
                        FieldKind::Number => view! { <input id=id.clone() type="text" inputmode="decimal" prop:value=value on:input=move |ev| set(event_target_value(&ev))/> }.into_any(),
                        FieldKind::Text => view! { <input id=id.clone() type="text" prop:value=value on:input=move |ev| set(event_target_value(&ev))/> }.into_any(),
                    };
                    view! { <div class="field"><label for=id>{def.name.clone()}</label>{input}</div> }
                }).collect_view()}
            </div>
        })
    }
}

/// Fit with its breakdown, priority and tier of the account being edited.
#[component]
fn Summary(#[prop(into)] i: Signal<usize>) -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let insights = use_insights();
    move || {
        let i = i.get();
        let l = i18n.get_locale();
        let b = insights.basis.get();
        let r = insights.ranking.get();
        if i >= b.len() {
            return ().into_any();
        }
        let fit = b.fit(i).percent.map(|f| format::percent(f, l)).unwrap_or_else(|| "—".into());
        let chips = state.plan.with(|p| {
            p.as_ref()
                .map(|p| p.icp.criteria.iter().zip(b.outcomes(i)).map(|(c, o)| outcome_chip(l, &criterion_label(l, c, p), o)).collect::<Vec<_>>())
                .unwrap_or_default()
        });
        let rank = r.account(i);
        let priority = match (rank.rank, rank.tier) {
            (Some(n), Some((t, _))) => {
                td_string!(l, accounts.summary_priority, score = format::number(rank.score, l, 1), rank = n, tier = t.number()).to_string()
            }
            _ => td_string!(l, accounts.summary_not_ranked).to_string(),
        };
        view! {
            <div class="account-summary" data-testid="account-summary">
                <p><strong>{td_string!(l, accounts.summary_fit, fit = fit).to_string()}</strong>" "
                    {chips.into_iter().map(|(text, class)| view! { <span class=format!("chip chip-small {class}")>{text}</span> }).collect_view()}</p>
                <p class="muted">{status_text(l, b.targets[i])}" · "{priority}</p>
            </div>
        }
        .into_any()
    }
}
