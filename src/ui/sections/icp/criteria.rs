//! Editing the ICP criteria: attribute, values or range, weight.

use super::{criterion_label, profile, update_icp, use_state};
use crate::accounts::values_in_use;
use crate::domain::prioritisation::is_weight;
use crate::domain::quantity::{parse_count, parse_number};
use crate::domain::{CriterionId, CustomValue, FieldKind, IcpCriterion, IcpRule, IdGenerator, Money, SetMatch};
use crate::editing::EditKind;
use crate::ui::format;
use crate::ui::i18n::{t, t_string, td_string, use_i18n, Locale};
use crate::ui::insights::use_insights;
use crate::ui::labels::amount_problem;
use crate::ui::widgets::{unique_id, ValueList};
use leptos::prelude::*;
use std::collections::BTreeSet;

const KINDS: [&str; 8] = ["industry", "employees", "annualRevenue", "country", "region", "technologies", "tags", "customField"];

fn kind_of(rule: &IcpRule) -> &'static str {
    match rule {
        IcpRule::Industry { .. } => "industry",
        IcpRule::Employees { .. } => "employees",
        IcpRule::AnnualRevenue { .. } => "annualRevenue",
        IcpRule::Country { .. } => "country",
        IcpRule::Region { .. } => "region",
        IcpRule::Technologies { .. } => "technologies",
        IcpRule::Tags { .. } => "tags",
        IcpRule::CustomField { .. } => "customField",
    }
}

fn kind_label(l: Locale, kind: &str) -> String {
    match kind {
        "industry" => td_string!(l, icp.kinds.industry),
        "employees" => td_string!(l, icp.kinds.employees),
        "annualRevenue" => td_string!(l, icp.kinds.annual_revenue),
        "country" => td_string!(l, icp.kinds.country),
        "region" => td_string!(l, icp.kinds.region),
        "technologies" => td_string!(l, icp.kinds.technologies),
        "tags" => td_string!(l, icp.kinds.tags),
        _ => td_string!(l, icp.kinds.custom_field),
    }
    .to_string()
}

fn rule_for(kind: &str, first_field: Option<crate::domain::FieldId>) -> IcpRule {
    match kind {
        "employees" => IcpRule::Employees { min: None, max: None },
        "annualRevenue" => IcpRule::AnnualRevenue { min: None, max: None },
        "country" => IcpRule::Country { values: vec![] },
        "region" => IcpRule::Region { values: vec![] },
        "technologies" => IcpRule::Technologies { values: vec![], mode: SetMatch::AnyOf },
        "tags" => IcpRule::Tags { values: vec![], mode: SetMatch::AnyOf },
        "customField" => match first_field {
            Some(field) => IcpRule::CustomField { field, values: vec![], min: None, max: None },
            None => IcpRule::Industry { values: vec![] },
        },
        _ => IcpRule::Industry { values: vec![] },
    }
}

#[component]
pub fn Criteria() -> impl IntoView {
    let state = use_state();
    let i18n = use_i18n();
    let ids = move || profile(state).criteria.iter().map(|c| c.id.clone()).collect::<Vec<_>>();
    let add = move |_| {
        update_icp(state, EditKind::EditIcp, |icp| {
            icp.criteria.push(IcpCriterion { id: CriterionId::generate(&mut IdGenerator::random()), weight: 10.0, rule: IcpRule::Industry { values: vec![] } });
        })
    };
    view! {
        <section class="card icp-criteria" aria-labelledby="criteria-title">
            <div class="section-head">
                <h2 id="criteria-title">{t!(i18n, icp.criteria_title)}</h2>
                <button type="button" class="button button-primary" on:click=add>{t!(i18n, icp.add_criterion)}</button>
            </div>
            <Show when=move || ids().is_empty()>
                <p class="empty-state">{t!(i18n, icp.no_criteria)}</p>
            </Show>
            <ol class="criteria-list" data-testid="criteria">
                <For each=ids key=|id| id.clone() let:id>
                    <CriterionCard id/>
                </For>
            </ol>
        </section>
    }
}

#[component]
fn CriterionCard(id: CriterionId) -> impl IntoView {
    let state = use_state();
    let app = crate::ui::state::use_app();
    let i18n = use_i18n();
    let insights = use_insights();
    let key = id.clone();
    let criterion = Memo::new(move |_| profile(state).criteria.into_iter().find(|c| c.id == key));
    let index = {
        let id = id.clone();
        Memo::new(move |_| profile(state).criteria.iter().position(|c| c.id == id))
    };
    let update = {
        let id = id.clone();
        move |f: Box<dyn FnOnce(&mut IcpCriterion)>| {
            let id = id.clone();
            update_icp(state, EditKind::EditIcp, move |icp| {
                if let Some(c) = icp.criteria.iter_mut().find(|c| c.id == id) {
                    f(c);
                }
            })
        }
    };
    let update = StoredValue::new(update);
    let edit = move |f: Box<dyn FnOnce(&mut IcpCriterion)>| update.with_value(|u| u(f));
    let share = move || {
        let icp = profile(state);
        let total: f64 = icp.criteria.iter().map(|c| c.weight.max(0.0)).sum();
        let w = criterion.get().map_or(0.0, |c| c.weight.max(0.0));
        if total > 0.0 {
            w / total * 100.0
        } else {
            0.0
        }
    };
    let label = move || {
        let l = i18n.get_locale();
        state.plan.with(|p| match (p, criterion.get()) {
            (Some(p), Some(c)) => criterion_label(l, &c, p),
            _ => String::new(),
        })
    };
    let kind_id = unique_id("kind");
    let weight_id = unique_id("weight");
    let weight_live = RwSignal::new(None::<f64>);
    let met = move || index.get().map_or(0, |c| insights.basis.with(|b| b.outcome_counts(c).met));
    let kind_label_id = kind_id.clone();
    view! {
        <li class="criterion" data-testid="criterion">
            <div class="criterion-head">
                <div class="field field-inline">
                    <label for=kind_label_id>{t!(i18n, icp.kind)}</label>
                    <select id=kind_id on:change=move |ev| {
                        let kind = event_target_value(&ev);
                        let first = state.plan.with_untracked(|p| p.as_ref().and_then(|p| p.custom_fields.front().map(|f| f.id.clone())));
                        edit(Box::new(move |c| c.rule = rule_for(&kind, first)));
                    }>
                        {KINDS.into_iter().map(|k| view! {
                            <option value=k selected=move || criterion.get().is_some_and(|c| kind_of(&c.rule) == k)>{move || kind_label(i18n.get_locale(), k)}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field field-inline weight">
                    <label for=weight_id.clone()>{t!(i18n, icp.weight)}</label>
                    <input id=weight_id type="range" min="0" max="100" step="1"
                        prop:value=move || weight_live.get().or_else(|| criterion.get().map(|c| c.weight)).unwrap_or(0.0).to_string()
                        on:input=move |ev| weight_live.set(event_target_value(&ev).parse().ok())
                        on:change=move |ev| {
                            weight_live.set(None);
                            if let Ok(w) = event_target_value(&ev).parse::<f64>() {
                                edit(Box::new(move |c| c.weight = w));
                            }
                        } />
                    <input type="number" class="number-small" min="0" max="1000" step="1" aria-label=move || t_string!(i18n, icp.weight)
                        prop:value=move || weight_live.get().or_else(|| criterion.get().map(|c| c.weight)).unwrap_or(0.0).to_string()
                        on:change=move |ev| match parse_number(&event_target_value(&ev)).filter(|w| is_weight(*w)) {
                            Some(w) => edit(Box::new(move |c| c.weight = w)),
                            // Said, and the field shows the weight kept, not what was refused.
                            None => {
                                let kept = criterion.get_untracked().map(|c| c.weight).unwrap_or(0.0);
                                event_target::<web_sys::HtmlInputElement>(&ev).set_value(&kept.to_string());
                                app.show_toast(td_string!(app.locale(), prio.weight_invalid).to_string(), None);
                            }
                        } />
                    <span class="muted share">{move || td_string!(i18n.get_locale(), icp.share, percent = format::percent(share(), i18n.get_locale())).to_string()}</span>
                </div>
                <button type="button" class="icon-button" aria-label=move || t_string!(i18n, icp.remove) title=move || t_string!(i18n, icp.remove)
                    on:click={
                        let id = id.clone();
                        move |_| {
                            let id = id.clone();
                            update_icp(state, EditKind::EditIcp, move |icp| icp.criteria.retain(|c| c.id != id));
                        }
                    }>
                    <span aria-hidden="true">"✕"</span>
                </button>
            </div>
            <RuleEditor criterion edit=Callback::new(move |f: RuleEdit| edit(Box::new(move |c| c.rule = f.0))) label=Signal::derive(label)/>
            <p class="muted criterion-meta">{move || td_string!(i18n.get_locale(), icp.matches, count = met(), n = format::integer(met() as i64, i18n.get_locale())).to_string()}</p>
        </li>
    }
}

/// A new rule for a criterion.
#[derive(Clone)]
struct RuleEdit(IcpRule);

/// Distinct values the plan's accounts have for an attribute, for suggestions.
fn suggestions(state: crate::ui::state::AppState, kind: &'static str) -> Vec<String> {
    use std::iter::once;
    state.plan.with(|p| {
        let Some(p) = p else { return Vec::new() };
        let mut all = match kind {
            "industry" => values_in_use(p, |a| once(&a.industry)),
            "country" => values_in_use(p, |a| once(&a.country)),
            "region" => values_in_use(p, |a| once(&a.region)),
            "technologies" => values_in_use(p, |a| &a.technologies),
            "tags" => values_in_use(p, |a| &a.tags),
            _ => Vec::new(),
        };
        all.truncate(200);
        all
    })
}

#[component]
fn RuleEditor(criterion: Memo<Option<IcpCriterion>>, edit: Callback<RuleEdit>, label: Signal<String>) -> impl IntoView {
    let state = use_state();
    let i18n = use_i18n();
    let rule = move || criterion.get().map(|c| c.rule);
    let kind = Memo::new(move |_| rule().map(|r| kind_of(&r)).unwrap_or("industry"));
    move || {
        let k = kind.get();
        match k {
            "industry" | "country" | "region" | "technologies" | "tags" => {
                let values = Signal::derive(move || match rule() {
                    Some(IcpRule::Industry { values } | IcpRule::Country { values } | IcpRule::Region { values })
                    | Some(IcpRule::Technologies { values, .. } | IcpRule::Tags { values, .. }) => values,
                    _ => Vec::new(),
                });
                let mode = move || match rule() {
                    Some(IcpRule::Technologies { mode, .. } | IcpRule::Tags { mode, .. }) => Some(mode),
                    _ => None,
                };
                let set_values = Callback::new(move |values: Vec<String>| {
                    let new = match rule() {
                        Some(IcpRule::Industry { .. }) => IcpRule::Industry { values },
                        Some(IcpRule::Country { .. }) => IcpRule::Country { values },
                        Some(IcpRule::Region { .. }) => IcpRule::Region { values },
                        Some(IcpRule::Technologies { mode, .. }) => IcpRule::Technologies { values, mode },
                        Some(IcpRule::Tags { mode, .. }) => IcpRule::Tags { values, mode },
                        _ => return,
                    };
                    edit.run(RuleEdit(new));
                });
                let set_mode = move |m: SetMatch| {
                    let new = match rule() {
                        Some(IcpRule::Technologies { values, .. }) => IcpRule::Technologies { values, mode: m },
                        Some(IcpRule::Tags { values, .. }) => IcpRule::Tags { values, mode: m },
                        _ => return,
                    };
                    edit.run(RuleEdit(new));
                };
                let group = unique_id("match");
                view! {
                    <div class="rule">
                        <ValueList values suggestions=Signal::derive(move || suggestions(state, k))
                            label=format!("{} {}", label.get_untracked(), t_string!(i18n, icp.values)) on_change=set_values/>
                        <Show when=move || values.with(Vec::is_empty)>
                            <p class="note-warning">{t!(i18n, icp.empty_values)}</p>
                        </Show>
                        <Show when=move || mode().is_some()>
                            <div class="radio-row" role="radiogroup" aria-label=move || label.get()>
                                <label class="radio"><input type="radio" name=group.clone() prop:checked=move || mode() == Some(SetMatch::AnyOf)
                                    on:change=move |_| set_mode(SetMatch::AnyOf) />{t!(i18n, icp.any_of)}</label>
                                <label class="radio"><input type="radio" name=group.clone() prop:checked=move || mode() == Some(SetMatch::AllOf)
                                    on:change=move |_| set_mode(SetMatch::AllOf) />{t!(i18n, icp.all_of)}</label>
                            </div>
                        </Show>
                    </div>
                }
                .into_any()
            }
            "employees" | "annualRevenue" => {
                let money = k == "annualRevenue";
                let bounds = move || match rule() {
                    Some(IcpRule::Employees { min, max }) => (min.map(f64::from), max.map(f64::from)),
                    Some(IcpRule::AnnualRevenue { min, max }) => (min.map(Money::to_f64), max.map(Money::to_f64)),
                    _ => (None, None),
                };
                let text = move |v: Option<f64>| v.map(|v| format::number(v, i18n.get_locale(), 2)).unwrap_or_default();
                // What does not read stays in the field, marked, with why.
                let error = RwSignal::new(None::<String>);
                let set = move |which: usize, raw: String| {
                    let (mut lo, mut hi) = bounds();
                    let currency = state.currency_untracked();
                    let read = if money { Money::parse_in(&raw, &currency).map(|m| m.map(Money::to_f64)) } else { parse_count(&raw).map(|n| n.map(f64::from)) };
                    let value = match read {
                        Ok(v) => v,
                        Err(p) => return error.set(Some(amount_problem(i18n.get_locale(), &raw, p, &currency))),
                    };
                    error.set(None);
                    if which == 0 {
                        lo = value
                    } else {
                        hi = value
                    }
                    let new = if money {
                        let m = |v: Option<f64>| v.and_then(|v| Money::from_f64((v * 100.0).round() / 100.0).ok());
                        IcpRule::AnnualRevenue { min: m(lo), max: m(hi) }
                    } else {
                        let n = |v: Option<f64>| v.map(|v| v.max(0.0).min(f64::from(u32::MAX)) as u32);
                        IcpRule::Employees { min: n(lo), max: n(hi) }
                    };
                    edit.run(RuleEdit(new));
                };
                let (lo_id, hi_id) = (unique_id("min"), unique_id("max"));
                // Revenue bounds are in the plan's currency: the label says which.
                let unit = move || money.then(|| format!(" ({})", state.plan.with(|p| p.as_ref().map(|p| p.currency.code().to_string()).unwrap_or_default())));
                view! {
                    <div class="rule field-row">
                        <div class="field">
                            <label for=lo_id.clone()>{t!(i18n, icp.min)}{unit}</label>
                            <input id=lo_id type="text" inputmode="numeric" aria-invalid=move || error.with(Option::is_some).to_string()
                                prop:value=move || text(bounds().0) on:change=move |ev| set(0, event_target_value(&ev)) />
                        </div>
                        <div class="field">
                            <label for=hi_id.clone()>{t!(i18n, icp.max)}{unit}</label>
                            <input id=hi_id type="text" inputmode="numeric" prop:value=move || text(bounds().1) on:change=move |ev| set(1, event_target_value(&ev)) />
                        </div>
                    </div>
                    {move || error.get().map(|e| view! { <p class="form-error" role="alert" data-testid="criterion-error">{e}</p> })}
                }
                .into_any()
            }
            _ => {
                let fields = move || state.plan.with(|p| p.as_ref().map(|p| p.custom_fields.iter().cloned().collect::<Vec<_>>()).unwrap_or_default());
                let current = move || match rule() {
                    Some(IcpRule::CustomField { field, values, min, max }) => Some((field, values, min, max)),
                    _ => None,
                };
                let is_number = move || {
                    let f = current().map(|c| c.0);
                    fields().into_iter().find(|d| Some(&d.id) == f.as_ref()).is_some_and(|d| d.kind == FieldKind::Number)
                };
                let field_suggestions = move || {
                    let Some((field, ..)) = current() else { return Vec::new() };
                    state.plan.with(|p| {
                        let mut set = BTreeSet::new();
                        if let Some(p) = p {
                            if let Some(def) = p.custom_fields.iter().find(|d| d.id == field) {
                                set.extend(def.options.iter().cloned());
                            }
                            for a in p.accounts.iter() {
                                if let Some(CustomValue::Text(t)) = a.custom.get(&field) {
                                    set.insert(t.clone());
                                }
                            }
                        }
                        set.into_iter().take(200).collect::<Vec<_>>()
                    })
                };
                let field_id = unique_id("field");
                view! {
                    <div class="rule">
                        <Show when=move || !fields().is_empty() fallback=move || view! { <p class="muted">{t!(i18n, icp.no_fields)}</p> }>
                            <div class="field field-inline">
                                <label for=field_id.clone()>{t!(i18n, icp.field)}</label>
                                <select id=field_id.clone() on:change=move |ev| {
                                    let chosen = event_target_value(&ev);
                                    edit.run(RuleEdit(IcpRule::CustomField { field: crate::domain::FieldId(chosen), values: vec![], min: None, max: None }));
                                }>
                                    {move || fields().into_iter().map(|f| {
                                        let id = f.id.clone();
                                        view! { <option value=f.id.to_string() selected=move || current().is_some_and(|c| c.0 == id)>{f.name}</option> }
                                    }).collect_view()}
                                </select>
                            </div>
                            {move || if is_number() {
                                let (lo_id, hi_id) = (unique_id("min"), unique_id("max"));
                                let set = move |which: usize, raw: String| {
                                    let Some((field, values, mut min, mut max)) = current() else { return };
                                    let v = parse_number(&raw);
                                    if which == 0 { min = v } else { max = v }
                                    edit.run(RuleEdit(IcpRule::CustomField { field, values, min, max }));
                                };
                                let show = move |v: Option<f64>| v.map(|v| v.to_string()).unwrap_or_default();
                                view! {
                                    <div class="field-row">
                                        <div class="field">
                                            <label for=lo_id.clone()>{t!(i18n, icp.min)}</label>
                                            <input id=lo_id type="text" inputmode="decimal" prop:value=move || show(current().and_then(|c| c.2)) on:change=move |ev| set(0, event_target_value(&ev)) />
                                        </div>
                                        <div class="field">
                                            <label for=hi_id.clone()>{t!(i18n, icp.max)}</label>
                                            <input id=hi_id type="text" inputmode="decimal" prop:value=move || show(current().and_then(|c| c.3)) on:change=move |ev| set(1, event_target_value(&ev)) />
                                        </div>
                                    </div>
                                }.into_any()
                            } else {
                                view! {
                                    <ValueList values=Signal::derive(move || current().map(|c| c.1).unwrap_or_default())
                                        suggestions=Signal::derive(field_suggestions)
                                        label=t_string!(i18n, icp.values).to_string()
                                        on_change=Callback::new(move |values: Vec<String>| {
                                            if let Some((field, _, min, max)) = current() {
                                                edit.run(RuleEdit(IcpRule::CustomField { field, values, min, max }));
                                            }
                                        })/>
                                }.into_any()
                            }}
                        </Show>
                    </div>
                }
                .into_any()
            }
        }
    }
}
