//! Missing values: per field, per account (most gaps first), the people-side
//! gaps (no decision maker, no email), and what the gaps do to fit % and priority
//! scores, in sentences ("fit % partly unknown for 12 accounts because employee
//! count is empty").

use super::labels;
use crate::data_quality::{missing_report, scoring_gaps, MissingReport, ScoringGap};
use crate::domain::IcpRule;
use crate::ui::format;
use crate::ui::i18n::{t, td_string, use_i18n};
use crate::ui::insights::{use_insights, Shared};
use crate::ui::routing::Section;
use crate::ui::state::use_app;
use leptos::prelude::*;
use std::sync::Arc;

/// Accounts listed in "most gaps" (all are counted).
const SHOWN_ACCOUNTS: usize = 100;

#[component]
pub fn Missing() -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let insights = use_insights();
    let report: Memo<Option<Shared<MissingReport>>> = Memo::new(move |_| state.plan.with(|p| p.as_ref().map(|p| Shared(Arc::new(missing_report(p))))));
    let gaps = Memo::new(move |_| {
        let basis = insights.basis.get();
        state.plan.with(|p| p.as_ref().map(|p| scoring_gaps(p, &basis.0)).unwrap_or_default())
    });
    let gap_lines = move || {
        let l = i18n.get_locale();
        let list = gaps.get();
        if list.is_empty() {
            return view! { <p class="result result-good" data-testid="scoring-gaps">{td_string!(l, dq.no_gaps).to_string()}</p> }.into_any();
        }
        let items = state.plan.with(|p| {
            let Some(p) = p else { return Vec::new() };
            list.iter()
                .map(|g| match g {
                    ScoringGap::Criterion { criterion, field, accounts } => {
                        // The field the criterion reads; tags and custom fields by their own name.
                        let name = match (field, p.icp.criteria.get(*criterion).map(|c| &c.rule)) {
                            (Some(f), _) => labels::account_field(l, *f),
                            (None, Some(IcpRule::CustomField { field, .. })) => {
                                p.custom_fields.iter().find(|x| &x.id == field).map(|x| x.name.clone()).unwrap_or_else(|| field.to_string())
                            }
                            _ => td_string!(l, dq.f_tags).to_string(),
                        };
                        td_string!(l, dq.gap_criterion, count = *accounts, field = name).to_string()
                    }
                    ScoringGap::Factor { factor, accounts } => {
                        let name = p.prioritisation.factors.get(*factor).map(|f| crate::ui::labels::factor_name(l, f)).unwrap_or_default();
                        td_string!(l, dq.gap_factor, count = *accounts, factor = name).to_string()
                    }
                })
                .collect::<Vec<_>>()
        });
        view! { <ul class="gap-list" data-testid="scoring-gaps">{items.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ul> }.into_any()
    };
    let body = move || {
        let Some(r) = report.get() else { return ().into_any() };
        let l = i18n.get_locale();
        let r = r.0;
        let n = |v: usize| format::integer(v as i64, l);
        let share = |v: usize, of: usize| if of == 0 { String::new() } else { format::percent(v as f64 * 100.0 / of as f64, l) };
        let field_rows = r
            .fields
            .iter()
            .map(|(f, missing)| {
                view! {
                    <tr>
                        <th scope="row">{labels::account_field(l, *f)}</th>
                        <td class="num">{n(*missing)}</td>
                        <td class="num">{share(*missing, r.accounts)}</td>
                    </tr>
                }
            })
            .collect_view();
        let worst = state.plan.with(|p| {
            let Some(p) = p else { return Vec::new() };
            r.by_account
                .iter()
                .take(SHOWN_ACCOUNTS)
                .map(|(i, fields)| {
                    let a = &p.accounts[*i];
                    let href = Section::AccountPlans.href_to(a.id.as_str());
                    let list = fields.iter().map(|f| labels::account_field(l, *f)).collect::<Vec<_>>().join(", ");
                    view! { <tr><th scope="row"><a href=href>{a.name.clone()}</a></th><td class="num">{fields.len()}</td><td class="cell-wrap">{list}</td></tr> }
                })
                .collect::<Vec<_>>()
        });
        let with_gaps = r.by_account.len();
        view! {
            <div class="dq-columns">
                <section>
                    <h3>{t!(i18n, dq.fields_title)}</h3>
                    <table class="data-table" data-testid="missing-fields">
                        <thead><tr>
                            <th scope="col">{t!(i18n, dq.col_field_name)}</th>
                            <th scope="col" class="num">{t!(i18n, dq.col_missing)}</th>
                            <th scope="col" class="num">{t!(i18n, dq.col_share)}</th>
                        </tr></thead>
                        <tbody>{field_rows}</tbody>
                    </table>
                </section>
                <section>
                    <h3>{t!(i18n, dq.people_title)}</h3>
                    <dl class="facts" data-testid="missing-people">
                        <div><dt>{t!(i18n, dq.without_contacts)}</dt><dd>{n(r.without_contacts)}</dd></div>
                        <div><dt>{t!(i18n, dq.without_dm)}</dt><dd>{n(r.without_decision_maker)}</dd></div>
                        <div><dt>{t!(i18n, dq.contacts_without_email)}</dt><dd>{n(r.contacts_without_email)}</dd></div>
                        <div><dt>{t!(i18n, dq.contacts_without_role)}</dt><dd>{n(r.contacts_without_role)}</dd></div>
                    </dl>
                </section>
            </div>
            <h3>{t!(i18n, dq.worst_title)}</h3>
            {(with_gaps > SHOWN_ACCOUNTS).then(|| view! { <p class="muted">{td_string!(l, dq.worst_more, shown = SHOWN_ACCOUNTS, n = n(with_gaps)).to_string()}</p> })}
            <div class="table-scroll">
                <table class="data-table" data-testid="missing-accounts">
                    <thead><tr>
                        <th scope="col">{t!(i18n, dq.col_account)}</th>
                        <th scope="col" class="num">{t!(i18n, dq.col_missing)}</th>
                        <th scope="col">{t!(i18n, dq.col_gaps)}</th>
                    </tr></thead>
                    <tbody>{worst}</tbody>
                </table>
            </div>
        }
        .into_any()
    };
    view! {
        <div class="dq-panel">
            <p>{t!(i18n, dq.missing_desc)}</p>
            <h3>{t!(i18n, dq.scoring_title)}</h3>
            {gap_lines}
            {body}
        </div>
    }
}
