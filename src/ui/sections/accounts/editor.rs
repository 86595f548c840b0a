//! The account dialog: add a new account, or see and edit every detail of one,
//! with its fit breakdown and priority.

use super::{team_choices, use_table, INDUSTRY_LIST};
use crate::accounts::values_in_use;
use crate::domain::quantity::parse_count;
use crate::domain::quantity::parse_number;
use crate::domain::{Account, AccountId, AccountStatus, CustomValue, FieldId, FieldKind, IdGenerator, MemberId, Money, Rules, TargetChoice, Tier};
use crate::editing::{Change, EditKind};
use crate::ui::format;
use crate::ui::i18n::{t, t_string, td_string, use_i18n, Locale};
use crate::ui::insights::use_insights;
use crate::ui::labels::{self, amount_problem, number_problem};
use crate::ui::sections::icp::{criterion_label, outcome_chip, status_text};
use crate::ui::state::use_app;
use crate::ui::widgets::{labelled_refusal, Bound, ChoiceField, DialogFooter, Labelled, LinkField, Modal, TextField, ValueList};
use leptos::prelude::*;
use std::collections::BTreeMap;

#[component]
pub fn AccountEditor() -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let table = use_table();
    let open = table.editor.open();
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
        let id = table.editor.record()?;
        state.plan.with(|p| p.as_ref().and_then(|p| p.accounts.iter().position(|a| a.id == id)))
    };
    table.editor.on_open(move |id| {
        let a = id.and_then(|id| state.plan.with_untracked(|p| p.as_ref().and_then(|p| p.accounts.iter().find(|a| a.id == id).cloned())));
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
        // The account's rules are the plan's, said by the form's labels; the form
        // says its first problem top down, so a missing name before the numbers.
        let labels = [
            ("name", td_string!(l, accounts.name)),
            ("annualRevenue", td_string!(l, accounts.revenue)),
            ("expectedDealSize", td_string!(l, accounts.expected_deal)),
        ];
        let nameless = Account::new(AccountId(String::new()), name.get_untracked()).refusals().into_iter().find(|r| r.field() == Some("name"));
        if let Some(r) = nameless {
            return fail(labelled_refusal(l, r, &labels));
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
            .editor
            .record_untracked()
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
        if table.editor.commit(state, Change::PutAccounts(vec![a]), kind, error, &labels) && kind == EditKind::AddAccount {
            state.show_toast(td_string!(l, accounts.added, name = saved_name).to_string(), None);
        }
    };
    let title =
        Signal::derive(move || if !table.editor.is_new() { t_string!(i18n, accounts.editor_edit) } else { t_string!(i18n, accounts.editor_add) }.to_string());
    let team = move || team_choices(state);
    let suggestions =
        move |f: fn(&Account) -> &Vec<String>| Signal::derive(move || state.plan.with(|p| p.as_ref().map(|p| values_in_use(p, f)).unwrap_or_default()));
    // An owner is a team member's id, or "" for none.
    let owner = move |value: RwSignal<String>| {
        Bound::new(move || Some(value.get()).filter(|v| !v.is_empty()), move |v: Option<String>| value.set(v.unwrap_or_default()))
    };
    let no_owner = Signal::derive(|| "—".to_string());
    let target_words = |l: Locale, t: TargetChoice| {
        match t {
            TargetChoice::Auto => td_string!(l, icp.choice_auto),
            TargetChoice::Include => td_string!(l, icp.choice_include),
            TargetChoice::Exclude => td_string!(l, icp.choice_exclude),
        }
        .to_string()
    };
    view! {
        <Modal open title class="form-dialog form-dialog-wide">
            <form class="form" novalidate on:submit=move |ev| { ev.prevent_default(); save(); }>
                <Show when=move || current().is_some()>
                    <Summary i=Signal::derive(move || current().unwrap_or(0))/>
                </Show>
                <div class="form-grid">
                    <TextField value=name>{t!(i18n, accounts.name)}</TextField>
                    <TextField value=domain>{t!(i18n, accounts.domain)}</TextField>
                    <TextField value=industry list=INDUSTRY_LIST>{t!(i18n, accounts.industry)}</TextField>
                    <TextField value=employees inputmode="decimal">{t!(i18n, accounts.employees)}</TextField>
                    <TextField value=revenue inputmode="decimal">{t!(i18n, accounts.revenue)}</TextField>
                    <TextField value=deal inputmode="decimal">{t!(i18n, accounts.expected_deal)}</TextField>
                    <TextField value=country>{t!(i18n, accounts.country)}</TextField>
                    <TextField value=region>{t!(i18n, accounts.region)}</TextField>
                    <TextField value=city>{t!(i18n, accounts.city)}</TextField>
                    <ChoiceField choices=AccountStatus::ALL.to_vec() words=|l, s| labels::account_status(l, Some(s)) value=status none=no_owner>
                        {t!(i18n, accounts.status)}
                    </ChoiceField>
                    <LinkField options=Signal::derive(team) value=owner(marketing) none=no_owner>{t!(i18n, accounts.marketing_owner)}</LinkField>
                    <LinkField options=Signal::derive(team) value=owner(sales) none=no_owner>{t!(i18n, accounts.sales_owner)}</LinkField>
                    <ChoiceField choices=vec![TargetChoice::Auto, TargetChoice::Include, TargetChoice::Exclude] words=target_words
                        value=Bound::new(move || Some(target.get()), move |t: Option<TargetChoice>| target.set(t.unwrap_or(TargetChoice::Auto)))>
                        {t!(i18n, accounts.target_choice)}
                    </ChoiceField>
                    <TextField value=target_note>{t!(i18n, accounts.target_note)}</TextField>
                    <ChoiceField choices=Tier::ALL.to_vec() words=|l, t: Tier| td_string!(l, accounts.tier_n, n = t.number()).to_string() value=tier
                        none=Signal::derive(move || t_string!(i18n, accounts.tier_auto).to_string())>
                        {t!(i18n, accounts.tier_pin)}
                    </ChoiceField>
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
                <TextField value=notes rows=3>{t!(i18n, accounts.notes)}</TextField>
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
                    let key = def.id.clone();
                    let read = move || custom.with(|c| c.get(&key).cloned().unwrap_or_default());
                    let key = def.id.clone();
                    let write = move |v: String| custom.update(|c| { c.insert(key.clone(), v); });
                    let value = Bound::new(read.clone(), write.clone());
                    let name = def.name.clone();
                    match def.kind {
                        FieldKind::Flag => view! {
                            <Labelled control=move |id| view! {
                                <input id=id type="checkbox" prop:checked=move || read() == "true"
                                    on:change=move |ev| write(if event_target_checked(&ev) { "true".into() } else { String::new() })/>
                            }>{name}</Labelled>
                        }.into_any(),
                        FieldKind::Choice => {
                            let options = def.options.iter().map(|o| (o.clone(), o.clone())).collect::<Vec<_>>();
                            let chosen = Bound::new(move || Some(value.get()).filter(|v| !v.is_empty()), move |v: Option<String>| value.set(v.unwrap_or_default()));
                            view! { <LinkField options=options value=chosen none=Signal::derive(|| "—".to_string())>{name}</LinkField> }.into_any()
                        }
                        FieldKind::Date => view! { <TextField value kind="date">{name}</TextField> }.into_any(),
                        FieldKind::Number => view! { <TextField value inputmode="decimal">{name}</TextField> }.into_any(),
                        FieldKind::Text => view! { <TextField value>{name}</TextField> }.into_any(),
                    }
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
