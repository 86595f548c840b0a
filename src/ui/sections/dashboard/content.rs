//! Content performance per asset in the period: views, downloads, video views and
//! the share watched, and which accounts engaged (target accounts counted apart).

use crate::domain::AccountId;
use crate::kpi::{content_performance, Period};
use crate::ui::format;
use crate::ui::i18n::{t, t_string, td_string, use_i18n, Locale};
use crate::ui::labels;
use crate::ui::state::use_app;
use leptos::prelude::*;

/// Accounts named in a row before "and n more".
const NAMED: usize = 3;

#[component]
pub fn ContentPerformancePanel(period: Memo<Option<Period>>, targets: Memo<Vec<AccountId>>) -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let rows = move || -> Vec<Vec<String>> {
        let l = i18n.get_locale();
        let Some(period) = period.get() else { return Vec::new() };
        targets.with(|targets| {
            state.plan.with(|p| {
                let Some(p) = p else { return Vec::new() };
                content_performance(p, &period, targets)
                    .into_iter()
                    .filter_map(|r| {
                        let asset = p.content.iter().find(|c| c.id == r.content)?;
                        let mut names: Vec<String> =
                            r.accounts.iter().take(NAMED).filter_map(|id| p.accounts.iter().find(|a| &a.id == id).map(|a| a.name.clone())).collect();
                        if r.accounts.len() > NAMED {
                            names.push(td_string!(l, dash.and_more, n = format::integer((r.accounts.len() - NAMED) as i64, l)).to_string());
                        }
                        Some(vec![
                            asset.title.clone(),
                            labels::content_kind(l, asset.kind),
                            format::integer(r.views as i64, l),
                            format::integer(r.downloads as i64, l),
                            format::integer(r.video_views as i64, l),
                            r.watched.map(|w| format::percent(w, l)).unwrap_or_else(|| "—".into()),
                            format!("{} ({})", format::integer(r.accounts.len() as i64, l), format::integer(r.target_accounts as i64, l)),
                            if names.is_empty() { "—".into() } else { names.join(if l == Locale::ja { "、" } else { ", " }) },
                        ])
                    })
                    .collect()
            })
        })
    };
    let numeric = [false, false, true, true, true, true, true, false];
    view! {
        <h2>{t!(i18n, dash.content)}</h2>
        <p class="muted">{t!(i18n, dash.content_hint)}</p>
        <Show when=move || !rows().is_empty() fallback=move || view! { <p class="empty-state">{t!(i18n, dash.no_content)}</p> }>
            <div class="table-wrap" tabindex="0" role="region" aria-label=move || t_string!(i18n, dash.content)>
                <table class="data-table" data-testid="content-performance">
                    <thead><tr>
                        <th scope="col">{t!(i18n, dash.asset)}</th>
                        <th scope="col">{t!(i18n, rec.kind)}</th>
                        <th scope="col" class="num">{t!(i18n, dash.views)}</th>
                        <th scope="col" class="num">{t!(i18n, dash.downloads)}</th>
                        <th scope="col" class="num">{t!(i18n, dash.video_views)}</th>
                        <th scope="col" class="num">{t!(i18n, dash.watched)}</th>
                        <th scope="col" class="num">{t!(i18n, dash.accounts_engaged)}</th>
                        <th scope="col">{t!(i18n, dash.which_accounts)}</th>
                    </tr></thead>
                    <tbody>
                        {move || rows().into_iter().map(|cells| {
                            let mut cells = cells.into_iter().zip(numeric);
                            let head = cells.next().map(|(c, _)| c).unwrap_or_default();
                            view! {
                                <tr>
                                    <th scope="row" class="ellipsis" title=head.clone()>{head.clone()}</th>
                                    {cells.map(|(c, num)| view! { <td class:num=num class:wrap=!num>{c}</td> }).collect_view()}
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </Show>
    }
}
