//! The accounts in the plan, read-only for now (the full table with ICP fit,
//! search, sorting and editing comes with the ICP and prioritisation release).

use crate::domain::{Account, Plan};
use crate::ui::format;
use crate::ui::i18n::{t, td_string, use_i18n, Locale};
use crate::ui::state::use_app;
use leptos::prelude::*;

struct Row {
    id: String,
    name: String,
    industry: String,
    employees: String,
    revenue: String,
    region: String,
    contacts: String,
    owners: String,
}

fn row(p: &Plan, a: &Account, contacts: usize, l: Locale) -> Row {
    let member = |id: &Option<crate::domain::MemberId>| {
        id.as_ref().and_then(|id| p.team.iter().find(|m| &m.id == id)).map(|m| m.name.clone()).unwrap_or_else(|| "—".into())
    };
    Row {
        id: a.id.to_string(),
        name: a.name.clone(),
        industry: if a.industry.is_empty() { "—".into() } else { a.industry.clone() },
        employees: a.employees.map(|e| format::integer(i64::from(e), l)).unwrap_or_else(|| "—".into()),
        revenue: a.annual_revenue.map(|m| format::money_compact(m, &p.currency, l)).unwrap_or_else(|| "—".into()),
        region: if a.region.is_empty() { "—".into() } else { a.region.clone() },
        contacts: format::integer(contacts as i64, l),
        owners: format!("{} / {}", member(&a.marketing_owner), member(&a.sales_owner)),
    }
}

#[component]
pub fn Accounts() -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let rows = move || {
        let l = i18n.get_locale();
        state.plan.with(|p| {
            let Some(p) = p else { return Vec::new() };
            let mut per_account = std::collections::HashMap::new();
            for c in p.contacts.iter() {
                *per_account.entry(c.account.as_str()).or_insert(0usize) += 1;
            }
            p.accounts.iter().map(|a| row(p, a, per_account.get(a.id.as_str()).copied().unwrap_or(0), l)).collect::<Vec<_>>()
        })
    };
    let count = move || state.plan.with(|p| p.as_ref().map_or(0, |p| p.accounts.len()));
    view! {
        <section class="section" aria-labelledby="section-title">
            <header class="section-head">
                <h1 id="section-title">{t!(i18n, accounts.title)}</h1>
                <span class="muted">{move || td_string!(i18n.get_locale(), accounts.count, count = format::integer(count() as i64, i18n.get_locale())).to_string()}</span>
            </header>
            <p class="lead">{t!(i18n, accounts.intro)}</p>
            <Show when=move || { count() > 0 } fallback=move || view! { <p class="muted">{t!(i18n, accounts.empty)}</p> }>
                <div class="table-wrap">
                    <table class="data-table" data-testid="accounts-table">
                        <thead>
                            <tr>
                                <th scope="col">{t!(i18n, accounts.name)}</th>
                                <th scope="col">{t!(i18n, accounts.industry)}</th>
                                <th scope="col" class="num">{t!(i18n, accounts.employees)}</th>
                                <th scope="col" class="num">{t!(i18n, accounts.revenue)}</th>
                                <th scope="col">{t!(i18n, accounts.region)}</th>
                                <th scope="col" class="num">{t!(i18n, accounts.contacts)}</th>
                                <th scope="col">{t!(i18n, accounts.owners)}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {move || rows().into_iter().map(|r| view! {
                                <tr data-id=r.id>
                                    <th scope="row">{r.name}</th>
                                    <td>{r.industry}</td>
                                    <td class="num">{r.employees}</td>
                                    <td class="num">{r.revenue}</td>
                                    <td>{r.region}</td>
                                    <td class="num">{r.contacts}</td>
                                    <td>{r.owners}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            </Show>
        </section>
    }
}
