//! Every logged activity, newest first, filtered by account, kind and campaign.
//! Plans hold hundreds of thousands of activities, so only the visible rows are
//! rendered (`VirtualTable`) and names are looked up through one index per plan.

use super::activity_editor::ActivityEditor;
use crate::domain::sorting;
use crate::domain::{Activity, ActivityKind, CampaignId, Plan};
use crate::icp::normalise;
use crate::ui::format;
use crate::ui::i18n::{t, t_string, td_string, use_i18n};
use crate::ui::insights::Shared;
use crate::ui::labels;
use crate::ui::state::use_app;
use crate::ui::widgets::{choice_value, picked, unique_id, Editor, VirtualTable};
use leptos::prelude::*;
use std::collections::HashMap;
use std::sync::Arc;

const ROW_HEIGHT: f64 = 44.0;

/// Names of the records an activity points at, by id.
#[derive(Default)]
pub struct Names {
    pub accounts: HashMap<String, String>,
    contacts: HashMap<String, String>,
    campaigns: HashMap<String, String>,
    content: HashMap<String, String>,
}

impl Names {
    pub fn of(p: &Plan) -> Names {
        Names {
            accounts: p.accounts.iter().map(|a| (a.id.to_string(), a.name.clone())).collect(),
            contacts: p.contacts.iter().map(|c| (c.id.to_string(), c.name.clone())).collect(),
            campaigns: p.campaigns.iter().map(|c| (c.id.to_string(), c.name.clone())).collect(),
            content: p.content.iter().map(|c| (c.id.to_string(), c.title.clone())).collect(),
        }
    }

    fn get(map: &HashMap<String, String>, id: Option<&str>) -> String {
        id.and_then(|id| map.get(id).cloned()).unwrap_or_else(|| "—".into())
    }
}

/// Positions of the activities the filters keep, newest first (ties in plan
/// order). Sorted on (time, position) pairs, not by looking the activities up
/// again for every comparison: 200,000 of them re-sort within a keystroke.
fn select(p: &Plan, names: &Names, search: &str, kind: Option<ActivityKind>, campaign: Option<&CampaignId>) -> Vec<usize> {
    let key = normalise(search);
    // Accounts whose name matches, decided once per account rather than per activity.
    let matching: Option<std::collections::HashSet<&str>> =
        (!key.is_empty()).then(|| names.accounts.iter().filter(|(_, n)| normalise(n).contains(&key)).map(|(id, _)| id.as_str()).collect());
    let mut rows: Vec<(i64, usize)> = p
        .activities
        .iter()
        .enumerate()
        .filter(|(_, a)| kind.is_none_or(|k| a.kind == k))
        .filter(|(_, a)| campaign.is_none_or(|c| a.campaign.as_ref() == Some(c)))
        .filter(|(_, a)| matching.as_ref().is_none_or(|m| m.contains(a.account.as_str())))
        .map(|(i, a)| (a.at.millis(), i))
        .collect();
    sorting::sort_by(&mut rows, |x, y| y.0.cmp(&x.0).then(x.1.cmp(&y.1)));
    rows.into_iter().map(|(_, i)| i).collect()
}

#[component]
pub fn ActivityList() -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let editor = Editor::<Activity>::new();
    let search = RwSignal::new(String::new());
    let kind: RwSignal<Option<ActivityKind>> = RwSignal::new(None);
    let campaign: RwSignal<Option<CampaignId>> = RwSignal::new(None);
    let names = Memo::new(move |_| Shared(Arc::new(state.plan.with(|p| p.as_ref().map(Names::of).unwrap_or_default()))));
    let rows = Memo::new(move |_| {
        let names = names.get();
        let (s, k, c) = (search.get(), kind.get(), campaign.get());
        state.plan.with(|p| p.as_ref().map(|p| select(p, &names, &s, k, c.as_ref())).unwrap_or_default())
    });
    let total = move || state.plan.with(|p| p.as_ref().map_or(0, |p| p.activities.len()));
    let header = move || {
        view! {
            <tr>
                <th scope="col" class="col-when">{t!(i18n, rec.when)}</th>
                <th scope="col" class="col-account">{t!(i18n, rec.account)}</th>
                <th scope="col" class="col-kind">{t!(i18n, rec.kind)}</th>
                <th scope="col" class="col-contact">{t!(i18n, rec.contact)}</th>
                <th scope="col" class="col-campaign">{t!(i18n, rec.campaign)}</th>
                <th scope="col" class="col-content">{t!(i18n, rec.content)}</th>
                <th scope="col" class="col-note">{t!(i18n, rec.notes)}</th>
                <th scope="col" class="col-edit"><span class="visually-hidden">{t!(i18n, rec.edit)}</span></th>
            </tr>
        }
    };
    let render_row = move |i: usize| {
        let l = i18n.get_locale();
        let Some(pos) = rows.with(|r| r.get(i).copied()) else { return ().into_any() };
        let Some(a) = state.plan.with(|p| p.as_ref().and_then(|p| p.activities.get(pos).cloned())) else { return ().into_any() };
        let n = names.get();
        let account = Names::get(&n.accounts, Some(a.account.as_str()));
        let mut what = labels::activity_kind(l, a.kind);
        if let Some(c) = a.count {
            what = format!("{what} ×{}", format::integer(i64::from(c), l));
        }
        if let Some(v) = a.progress {
            what = format!("{what} ({})", format::percent(f64::from(v), l));
        }
        let contact = Names::get(&n.contacts, a.contact.as_ref().map(|c| c.as_str()));
        let campaign = Names::get(&n.campaigns, a.campaign.as_ref().map(|c| c.as_str()));
        let content = Names::get(&n.content, a.content.as_ref().map(|c| c.as_str()));
        let edit_label = format!("{} {} {}", td_string!(l, rec.edit), account, format::date_time(a.at, l));
        view! {
            <tr aria-rowindex=(i + 2).to_string()>
                <td>{format::date_time(a.at, l)}</td>
                <th scope="row" title=account.clone()>{account.clone()}</th>
                <td title=what.clone()>{what.clone()}</td>
                <td title=contact.clone()>{contact.clone()}</td>
                <td title=campaign.clone()>{campaign.clone()}</td>
                <td title=content.clone()>{content.clone()}</td>
                <td title=a.note.clone()>{a.note.clone()}</td>
                <td class="row-actions">
                    <button type="button" class="button button-small" aria-label=edit_label
                        on:click=move |_| editor.edit(a.clone())>{t_string!(i18n, rec.edit)}</button>
                </td>
            </tr>
        }
        .into_any()
    };
    let (search_id, kind_id, campaign_id) = (unique_id("act-search"), unique_id("act-kind"), unique_id("act-campaign"));
    view! {
        <div class="records-toolbar">
            <div class="field field-inline">
                <label for=search_id.clone()>{t!(i18n, rec.search)}</label>
                <input id=search_id type="search" bind:value=search/>
            </div>
            <div class="field field-inline">
                <label for=kind_id.clone()>{t!(i18n, rec.kind)}</label>
                <select id=kind_id on:change=move |ev| { let v = event_target_value(&ev); kind.set(picked(&ActivityKind::ALL, &v)); }>
                    <option value="">{t!(i18n, rec.all)}</option>
                    {ActivityKind::ALL.into_iter().map(|k| view! { <option value=choice_value(&ActivityKind::ALL, &k)>{move || labels::activity_kind(i18n.get_locale(), k)}</option> }).collect_view()}
                </select>
            </div>
            <div class="field field-inline">
                <label for=campaign_id.clone()>{t!(i18n, rec.campaign)}</label>
                <select id=campaign_id on:change=move |ev| { let v = event_target_value(&ev); campaign.set((!v.is_empty()).then_some(CampaignId(v))); }>
                    <option value="">{t!(i18n, rec.all)}</option>
                    {move || state.plan.with(|p| p.as_ref().map(|p| p.campaigns.iter().map(|c| view! { <option value=c.id.to_string()>{c.name.clone()}</option> }).collect::<Vec<_>>()).unwrap_or_default())}
                </select>
            </div>
            <span class="muted records-count" aria-live="polite" data-testid="activities-count">
                {move || { let (n, total) = (rows.with(Vec::len), total()); td_string!(i18n.get_locale(), rec.shown, count = n, total = format::integer(total as i64, i18n.get_locale())).to_string() }}
            </span>
            <button type="button" class="button button-primary" on:click=move |_| editor.add()>{t!(i18n, rec.log_activity)}</button>
        </div>
        <Show when=move || { total() > 0 } fallback=move || view! { <p class="empty-state">{t!(i18n, rec.no_activities)}</p> }>
            <Show when=move || rows.with(|r| !r.is_empty()) fallback=move || view! { <p class="empty-state">{t!(i18n, rec.no_match)}</p> }>
                <VirtualTable count=Signal::derive(move || rows.with(Vec::len)) row_height=ROW_HEIGHT class="activities-table fixed-columns"
                    header=header() render_row label=Signal::derive(move || t_string!(i18n, rec.activities_label).to_string()) test_id="activities-table"/>
            </Show>
        </Show>
        <ActivityEditor editor/>
    }
}
