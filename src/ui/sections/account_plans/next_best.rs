//! Next best actions: suggestions from this account's recent behaviour by the
//! plan's rules, each accepted into the execution plan with one click.

use super::edit_plan;
use crate::account_plans::{accept, suggestions, Suggestion};
use crate::browser::clock;
use crate::domain::{AccountId, ActionId, BuiltinChannel, Channel, IdGenerator, Plan};
use crate::editing::EditKind;
use crate::ui::format;
use crate::ui::i18n::{t, td_string, use_i18n, Locale};
use crate::ui::labels;
use crate::ui::state::use_app;
use leptos::prelude::*;

/// The suggestion's wording: the rule's own, or the default for its trigger.
fn title(l: Locale, p: &Plan, s: &Suggestion) -> String {
    if !s.title.is_empty() {
        return s.title.clone();
    }
    let what = labels::activity_kind(l, s.when);
    let base = td_string!(l, ap.nba_default_title, what = what).to_string();
    match &s.channel {
        Some(c) => format!("{base} ({})", labels::channel(l, p, c)),
        None => base,
    }
}

#[component]
pub fn NextBestPanel(id: AccountId) -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let rules_open = RwSignal::new(false);
    let items = {
        let id = id.clone();
        Memo::new(move |_| {
            let l = i18n.get_locale();
            state.plan.with(|p| {
                let Some(p) = p else { return Vec::new() };
                suggestions(p, Some(&id), clock::today())
                    .into_iter()
                    .map(|s| {
                        let who = s.contact.as_ref().and_then(|c| p.contacts.iter().find(|x| &x.id == c)).map(|c| c.name.clone()).unwrap_or_default();
                        let because =
                            td_string!(l, ap.nba_because, what = labels::activity_kind(l, s.when), who = who, when = format::date(s.at.date(), l)).to_string();
                        (title(l, p, &s), because, s)
                    })
                    .collect::<Vec<_>>()
            })
        })
    };
    let take = Callback::new(move |(text, s): (String, Suggestion)| {
        let owner = state.plan.with_untracked(|p| {
            p.as_ref().and_then(|p| p.accounts.iter().find(|a| a.id == s.account)).and_then(|a| {
                if s.channel == Some(Channel::Builtin(BuiltinChannel::FieldSales)) {
                    a.sales_owner.clone()
                } else {
                    a.marketing_owner.clone()
                }
            })
        });
        let action = accept(&s, ActionId::generate(&mut IdGenerator::random()), text.clone(), owner, clock::today());
        edit_plan(state, &s.account, EditKind::AcceptSuggestion, |ap| ap.actions.push(action));
        state.show_toast(td_string!(state.locale(), ap.nba_accepted, title = text).to_string(), None);
    });
    view! {
        <section class="panel no-print" aria-labelledby="plan-nba">
            <div class="panel-head">
                <h3 id="plan-nba">{t!(i18n, ap.nba)}</h3>
                <button type="button" class="button button-small" on:click=move |_| rules_open.set(true)>{t!(i18n, ap.rules)}</button>
            </div>
            <p class="muted">{t!(i18n, ap.nba_hint)}</p>
            <Show when=move || items.with(|i| !i.is_empty()) fallback=move || view! { <p class="muted" data-testid="nba-none">{t!(i18n, ap.nba_none)}</p> }>
                <ul class="suggestions" data-testid="nba-list">
                    {move || items.get().into_iter().map(|(text, because, s)| {
                        let l = i18n.get_locale();
                        let due = td_string!(l, ap.nba_due, date = format::date(s.due, l)).to_string();
                        let overdue = s.due < clock::today();
                        let accept_text = text.clone();
                        view! {
                            <li class="suggestion">
                                <div>
                                    <strong>{text}</strong>
                                    <span class="muted">{because}</span>
                                </div>
                                <span class:overdue=overdue>{due}{overdue.then(|| format!(" · {}", td_string!(l, ap.overdue)))}</span>
                                <button type="button" class="button button-small button-primary" on:click=move |_| take.run((accept_text.clone(), s.clone()))>
                                    {t!(i18n, ap.nba_accept)}
                                </button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </Show>
            <super::rules::RulesDialog open=rules_open/>
        </section>
    }
}
