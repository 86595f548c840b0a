//! The campaigns: channel, dates, cost, target accounts and how many responses
//! (activities) each has drawn. Few enough per plan to list in full.

use super::campaign_editor::CampaignEditor;
use crate::domain::{Campaign, CampaignId};
use crate::ui::format;
use crate::ui::i18n::{t, t_string, td_string, use_i18n};
use crate::ui::labels;
use crate::ui::state::use_app;
use crate::ui::widgets::Editor;
use leptos::prelude::*;
use std::collections::HashMap;

#[component]
pub fn CampaignList() -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let editor = Editor::<Campaign>::new();
    let responses = Memo::new(move |_| {
        state.plan.with(|p| {
            let mut n: HashMap<CampaignId, u64> = HashMap::new();
            if let Some(p) = p {
                for a in p.activities.iter() {
                    if let Some(c) = &a.campaign {
                        *n.entry(c.clone()).or_default() += u64::from(a.count.unwrap_or(1));
                    }
                }
            }
            n
        })
    });
    let rows = move || state.plan.with(|p| p.as_ref().map(|p| p.campaigns.iter().cloned().collect::<Vec<_>>()).unwrap_or_default());
    view! {
        <div class="records-toolbar">
            <button type="button" class="button button-primary" on:click=move |_| editor.add()>{t!(i18n, rec.add_campaign)}</button>
        </div>
        <Show when=move || !rows().is_empty() fallback=move || view! { <p class="empty-state">{t!(i18n, rec.no_campaigns)}</p> }>
            <div class="table-wrap" tabindex="0" role="region" aria-label=move || t_string!(i18n, rec.tab_campaigns)>
                <table class="data-table" data-testid="campaigns-table">
                    <thead>
                        <tr>
                            <th scope="col">{t!(i18n, rec.name)}</th>
                            <th scope="col">{t!(i18n, rec.channel)}</th>
                            <th scope="col">{t!(i18n, rec.dates)}</th>
                            <th scope="col" class="num">{t!(i18n, rec.cost)}</th>
                            <th scope="col" class="num">{t!(i18n, rec.targets)}</th>
                            <th scope="col" class="num">{t!(i18n, rec.responses)}</th>
                            <th scope="col"><span class="visually-hidden">{t!(i18n, rec.edit)}</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || {
                            let l = i18n.get_locale();
                            let counts = responses.get();
                            state.plan.with(|p| {
                                let Some(p) = p else { return Vec::new() };
                                rows().into_iter().map(|c| {
                                    let dates = match c.end {
                                        Some(e) if e == c.start => format::date(e, l),
                                        Some(e) => format!("{} – {}", format::date(c.start, l), format::date(e, l)),
                                        None => format!("{} –", format::date(c.start, l)),
                                    };
                                    let channel = labels::channel(l, p, &c.channel);
                                    let cost = format::money(c.cost, &p.currency, l);
                                    let targets = format::integer(c.targets.len() as i64, l);
                                    let n = format::integer(counts.get(&c.id).copied().unwrap_or(0) as i64, l);
                                    let name = c.name.clone();
                                    let edit_label = format!("{} {}", td_string!(l, rec.edit), c.name);
                                    view! {
                                        <tr>
                                            <th scope="row" class="ellipsis">{name}</th>
                                            <td>{channel}</td>
                                            <td>{dates}</td>
                                            <td class="num">{cost}</td>
                                            <td class="num">{targets}</td>
                                            <td class="num">{n}</td>
                                            <td class="row-actions">
                                                <button type="button" class="button button-small" aria-label=edit_label
                                                    on:click=move |_| editor.edit(c.clone())>{t_string!(i18n, rec.edit)}</button>
                                            </td>
                                        </tr>
                                    }
                                }).collect::<Vec<_>>()
                            })
                        }}
                    </tbody>
                </table>
            </div>
        </Show>
        <CampaignEditor editor/>
    }
}
