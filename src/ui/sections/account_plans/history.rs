//! The account's behaviour history (`kpi::account_history`): every activity, deal,
//! NPS response, hand-off and note, newest first, shown a page at a time — an
//! engaged account gathers thousands of touches. An activity can be logged here
//! for the account without leaving its plan.

use crate::domain::{AccountId, Activity, Outcome, Plan};
use crate::kpi::{account_history, Happened};
use crate::ui::format;
use crate::ui::i18n::{t, td_string, use_i18n, Locale};
use crate::ui::labels;
use crate::ui::sections::campaigns::activity_editor::{blank, ActivityEditor};
use crate::ui::state::use_app;
use crate::ui::widgets::{joined, Editor};
use leptos::prelude::*;

/// Entries shown at first and added by "show more".
const PAGE: usize = 30;

/// One line of the history: when, what (the kind of event) and the details.
#[derive(Clone, PartialEq)]
struct Line {
    when: String,
    kind: String,
    what: String,
    /// Values the user wrote (contact, campaign, note…), shown joined.
    detail: Vec<String>,
}

fn name_of<T>(list: &imbl::Vector<T>, matches: impl Fn(&T) -> bool, name: impl Fn(&T) -> String) -> Option<String> {
    list.iter().find(|x| matches(x)).map(name)
}

fn describe(p: &Plan, e: Happened<'_>, l: Locale) -> (String, String, Vec<String>) {
    let money = |m| format::money(m, &p.currency, l);
    match e {
        Happened::Activity(a) => {
            let mut what = labels::activity_kind(l, a.kind);
            if let Some(n) = a.count {
                what = format!("{what} ×{}", format::integer(i64::from(n), l));
            }
            let parts: Vec<String> = [
                a.contact.as_ref().and_then(|c| name_of(&p.contacts, |x| &x.id == c, |x| x.name.clone())),
                a.campaign.as_ref().and_then(|c| name_of(&p.campaigns, |x| &x.id == c, |x| x.name.clone())),
                a.content.as_ref().and_then(|c| name_of(&p.content, |x| &x.id == c, |x| x.title.clone())),
                a.progress.map(|v| format::percent(f64::from(v), l)),
                (!a.note.is_empty()).then(|| a.note.clone()),
            ]
            .into_iter()
            .flatten()
            .collect();
            ("activity".into(), what, parts)
        }
        Happened::DealOpened(d) => (
            "deal".into(),
            td_string!(l, ap.history_deal_opened, name = d.name.clone(), amount = money(d.amount)).to_string(),
            vec![labels::deal_kind(l, d.kind)],
        ),
        Happened::DealClosed(d) => {
            let what = if d.outcome == Outcome::Won {
                td_string!(l, ap.history_deal_won, name = d.name.clone(), amount = money(d.amount)).to_string()
            } else {
                td_string!(l, ap.history_deal_lost, name = d.name.clone(), amount = money(d.amount)).to_string()
            };
            (format!("deal-{}", if d.outcome == Outcome::Won { "won" } else { "lost" }), what, vec![labels::deal_kind(l, d.kind)])
        }
        Happened::Nps(r) => ("nps".into(), td_string!(l, ap.history_nps, score = r.score.to_string()).to_string(), vec![r.comment.clone()]),
        Happened::Handoff(h) => ("handoff".into(), td_string!(l, ap.history_handoff, stage = labels::stage(l, h.stage)).to_string(), vec![h.note.clone()]),
        Happened::Note(n) => ("note".into(), td_string!(l, ap.history_note).to_string(), vec![n.text.clone()]),
    }
}

#[component]
pub fn HistoryPanel(id: AccountId) -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let shown = RwSignal::new(PAGE);
    let editor = Editor::<Activity>::new();
    let account = id.clone();
    // (lines shown, total): only the shown entries are described.
    let lines = Memo::new(move |_| {
        let l = i18n.get_locale();
        let limit = shown.get();
        state.plan.with(|p| {
            let Some(p) = p else { return (Vec::new(), 0) };
            let all = account_history(p, &account);
            let total = all.len();
            let lines = all
                .into_iter()
                .take(limit)
                .map(|e| {
                    let dated = !matches!(e.what, Happened::Activity(_) | Happened::Handoff(_) | Happened::Note(_));
                    let when = if dated { format::date(e.at.date(), l) } else { format::date_time(e.at, l) };
                    let (kind, what, detail) = describe(p, e.what, l);
                    Line { when, kind, what, detail }
                })
                .collect::<Vec<_>>();
            (lines, total)
        })
    });
    let log = move |_| editor.edit(Activity { account: id.clone(), ..blank() });
    view! {
        <section class="panel no-print" aria-labelledby="plan-history" data-testid="account-history">
            <div class="panel-head">
                <h3 id="plan-history">{t!(i18n, ap.history)}</h3>
                <button type="button" class="button button-small no-print" on:click=log>{t!(i18n, ap.log_activity)}</button>
            </div>
            <p class="muted no-print">{t!(i18n, ap.history_hint)}</p>
            <Show when=move || lines.with(|(_, n)| *n > 0) fallback=move || view! { <p class="muted">{t!(i18n, ap.history_empty)}</p> }>
                <ol class="history">
                    {move || lines.get().0.into_iter().map(|line| view! {
                        <li class=format!("history-entry history-{}", line.kind)>
                            <span class="history-when">{line.when}</span>
                            <span class="history-what">{line.what}</span>
                            <span class="history-detail muted">{joined(line.detail, " · ")}</span>
                        </li>
                    }).collect_view()}
                </ol>
                <div class="history-foot no-print">
                    <span class="muted" data-testid="history-count">{move || {
                        let l = i18n.get_locale();
                        let (n, total) = lines.with(|(v, t)| (v.len(), *t));
                        td_string!(l, ap.history_count, shown = format::integer(n as i64, l), total = format::integer(total as i64, l)).to_string()
                    }}</span>
                    <Show when=move || lines.with(|(v, t)| v.len() < *t)>
                        <button type="button" class="button button-small" on:click=move |_| shown.update(|n| *n += PAGE)>
                            {move || {
                                let l = i18n.get_locale();
                                let left = lines.with(|(v, t)| t - v.len()).min(PAGE);
                                td_string!(l, ap.history_more, n = format::integer(left as i64, l)).to_string()
                            }}
                        </button>
                    </Show>
                </div>
            </Show>
            <ActivityEditor editor/>
        </section>
    }
}
