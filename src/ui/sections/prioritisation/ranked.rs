//! The ranked list of target accounts: rank, movement since the weights started
//! moving, score with each factor's contribution as a stacked bar, tier (with a
//! pin), and every factor value with where it comes from and a manual override.

use crate::domain::quantity::parse_number;
use crate::domain::{Account, Factor, Tier};
use crate::editing::{Change, EditKind};
use crate::prioritisation::{TierSource, ValueSource};
use crate::ui::format;
use crate::ui::i18n::{t, t_string, td_string, use_i18n, Locale};
use crate::ui::insights::use_insights;
use crate::ui::labels;
use crate::ui::state::use_app;
use crate::ui::widgets::{InlineInput, VirtualTable};
use leptos::prelude::*;

const ROW_HEIGHT: f64 = 48.0;

/// A factor value with one decimal, on either scale; empty when there is none.
fn value_text(v: Option<f64>, l: Locale) -> String {
    v.map(|v| format::number(v, l, 1)).unwrap_or_default()
}

/// "↑3", "↓1" or "–", with words for screen readers.
fn movement_text(l: Locale, m: Option<i64>) -> (String, String, &'static str) {
    match m {
        Some(n) if n > 0 => (format!("↑{n}"), td_string!(l, prio.moved_up, n = n).to_string(), "moved-up"),
        Some(n) if n < 0 => (format!("↓{}", -n), td_string!(l, prio.moved_down, n = -n).to_string(), "moved-down"),
        Some(_) => ("–".into(), td_string!(l, prio.not_moved).to_string(), "moved-none"),
        None => (String::new(), String::new(), "moved-none"),
    }
}

#[component]
pub fn Ranked() -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let insights = use_insights();
    let factors = Memo::new(move |_| state.plan.with(|p| p.as_ref().map(|p| p.prioritisation.factors.clone()).unwrap_or_default()));
    let rows = Memo::new(move |_| insights.ranking.with(|r| r.order.clone()));
    let header = move || {
        view! {
            <tr>
                <th scope="col" class="num">{t!(i18n, accounts.rank)}</th>
                <th scope="col"><span class="visually-hidden">{t!(i18n, prio.movement)}</span></th>
                <th scope="col">{t!(i18n, accounts.name)}</th>
                <th scope="col" class="num">{t!(i18n, accounts.score)}</th>
                <th scope="col">{t!(i18n, prio.contributions)}</th>
                <th scope="col">{t!(i18n, accounts.tier)}</th>
                {move || factors.get().into_iter().map(|f| view! { <th scope="col" class="num factor-col">{labels::factor_name(i18n.get_locale(), &f)}</th> }).collect_view()}
            </tr>
        }
    };
    // Rows are kept per position: a new order updates their cells in place rather
    // than building every visible row again (most of a weight change's time was
    // removing and inserting rows).
    let render_row = move |k: usize| view! { <RankedRow position=k rows factors/> };
    view! {
        <section class="ranked" aria-labelledby="ranked-title">
            <div class="section-head">
                <h2 id="ranked-title">{t!(i18n, prio.ranked_title)}</h2>
                <p class="muted" data-testid="ranked-summary">{move || {
                    let l = i18n.get_locale();
                    let counts = insights.ranking.with(|r| r.tier_counts);
                    let tiers = td_string!(l, prio.tier_summary, t1 = format::integer(counts[0] as i64, l), t2 = format::integer(counts[1] as i64, l), t3 = format::integer(counts[2] as i64, l)).to_string();
                    format!("{} · {tiers}", td_string!(l, prio.ranked_summary, n = format::integer(rows.with(Vec::len) as i64, l)))
                }}</p>
            </div>
            <Legend factors/>
            <Show when=move || rows.with(|r| !r.is_empty()) fallback=move || view! { <p class="empty-state">{t!(i18n, prio.no_targets)}</p> }>
                <VirtualTable count=Signal::derive(move || rows.with(Vec::len)) row_height=ROW_HEIGHT class="ranked-table"
                    header=header() render_row label=Signal::derive(move || t_string!(i18n, prio.ranked_title).to_string()) test_id="ranked-table"/>
            </Show>
        </section>
    }
}

#[component]
fn Legend(factors: Memo<Vec<Factor>>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <ul class="legend" aria-hidden="true">
            {move || factors.get().into_iter().enumerate().map(|(k, f)| view! {
                <li><span class=format!("swatch seg-{}", k % 8)></span>{labels::factor_name(i18n.get_locale(), &f)}</li>
            }).collect_view()}
        </ul>
    }
}

/// The row at `position` of the ranking; the account shown there follows the order.
#[component]
fn RankedRow(position: usize, rows: Memo<Vec<usize>>, factors: Memo<Vec<Factor>>) -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let insights = use_insights();
    // The account's index in the plan; the cells below read it, so they follow it.
    let at = Memo::new(move |_| rows.with(|r| r.get(position).copied()));
    let id = Memo::new(move |_| at.get().and_then(|i| state.plan.with(|p| p.as_ref().and_then(|p| p.accounts.get(i)).map(|a| a.id.clone()))));
    let name = Signal::derive(move || {
        at.get().and_then(|i| state.plan.with(|p| p.as_ref().and_then(|p| p.accounts.get(i)).map(|a| a.name.clone()))).unwrap_or_default()
    });
    let rank = Memo::new(move |_| at.get().and_then(|i| insights.ranking.with(|r| (i < r.scores.len()).then(|| r.account(i)))));
    let score = move || rank.with(|r| r.as_ref().map_or(0.0, |r| r.score));
    // Every weight change changes every score; the rank and the tier mostly
    // stay, and what shows them (the tier select's six parts) is then left alone.
    let position_rank = Memo::new(move |_| rank.with(|r| r.as_ref().and_then(|r| r.rank)));
    let tier = Memo::new(move |_| rank.with(|r| r.as_ref().and_then(|r| r.tier)));
    let tier = move || tier.get();
    let movement = Memo::new(move |_| movement_text(i18n.get_locale(), at.get().and_then(|i| insights.movement(i))));
    let contributions = Memo::new(move |_| {
        let b = insights.basis.get();
        at.get().map(|i| insights.ranking.with(|r| r.contributions(&b, i))).unwrap_or_default()
    });
    let bar_label = move || {
        let l = i18n.get_locale();
        let parts: Vec<String> = factors.with(|fs| {
            contributions.with(|cs| fs.iter().zip(cs).map(|(f, c)| format!("{} {}", labels::factor_name(l, f), format::number(*c, l, 1))).collect())
        });
        td_string!(l, prio.bar_label, parts = parts.join(" + "), score = format::number(score(), l, 1)).to_string()
    };
    let bar_columns = move || contributions.with(|cs| cs.iter().map(|c| format!("{:.3}%", c.clamp(0.0, 100.0))).collect::<Vec<_>>().join(" "));
    // A commit can move the edited account away while focus stays in this row
    // (Enter, or Tab to the next value): typing on would then edit the account
    // that took its place, so focus leaves the row when its account changes. Only
    // after this turn's rendering: by then every field shows its new account's
    // saved value, so the blur's change event has nothing stale to commit.
    let row = NodeRef::<leptos::html::Tr>::new();
    Effect::watch(
        move || at.get(),
        move |_, before, _| {
            if before.is_some() && focused_within(row).is_some() {
                set_timeout(move || drop_focus_within(row), std::time::Duration::ZERO);
            }
        },
        false,
    );
    let pin = move |v: String| {
        let Some(a) = at.get_untracked().and_then(|i| state.plan.with_untracked(|p| p.as_ref().and_then(|p| p.accounts.get(i).cloned()))) else { return };
        let tier = v.parse::<u8>().ok().and_then(|n| Tier::try_from(n).ok());
        state.dispatch(Change::PutAccounts(vec![Account { tier, ..a }]), EditKind::EditAccount);
    };
    view! {
        <tr node_ref=row aria-rowindex=(position + 2).to_string() data-account=move || id.get().map(|id| id.to_string())>
            <td class="num rank-cell">{move || position_rank.get().map(|r| format!("#{r}")).unwrap_or_default()}</td>
            <td class=move || format!("movement {}", movement.with(|m| m.2))>
                <span aria-hidden="true">{move || movement.with(|m| m.0.clone())}</span>
                <span class="visually-hidden">{move || movement.with(|m| m.1.clone())}</span>
            </td>
            <th scope="row" class="ellipsis">{move || name.get()}</th>
            <td class="num score-cell">{move || format::number(score(), i18n.get_locale(), 1)}</td>
            <td>
                // The segments are a grid's columns: one style change per row
                // when the weights move, not one per factor.
                <span class="stacked-bar" role="img" aria-label=bar_label style:grid-template-columns=bar_columns>
                    {move || (0..factors.with(Vec::len)).map(|k| view! { <span class=format!("seg seg-{}", k % 8)></span> }).collect_view()}
                </span>
            </td>
            <td class="tier-cell">
                <select aria-label=move || td_string!(i18n.get_locale(), prio.tier_of, name = name.get()).to_string()
                    class=move || tier().map(|(t, _)| format!("tier-select tier-{}", t.number())).unwrap_or_default()
                    on:change=move |ev| pin(event_target_value(&ev))>
                    <option value="" selected=move || !matches!(tier(), Some((_, TierSource::Pinned)))>
                        {move || {
                            let l = i18n.get_locale();
                            match tier() {
                                Some((t, TierSource::Rule)) => td_string!(l, prio.tier_auto_n, n = t.number()).to_string(),
                                _ => td_string!(l, prio.tier_auto).to_string(),
                            }
                        }}
                    </option>
                    {Tier::ALL.into_iter().map(|t| view! {
                        <option value=t.number().to_string() selected=move || tier() == Some((t, TierSource::Pinned))>
                            {move || td_string!(i18n.get_locale(), prio.tier_pinned_n, n = t.number()).to_string()}
                        </option>
                    }).collect_view()}
                </select>
            </td>
            {move || factors.get().into_iter().enumerate().map(|(k, f)| view! { <FactorCell at k factor=f name/> }).collect_view()}
        </tr>
    }
}

/// The focused element, when it is inside `row`.
fn focused_within(row: NodeRef<leptos::html::Tr>) -> Option<web_sys::HtmlElement> {
    // The row may be gone (the table scrolled and rendered other rows).
    let Some(Some(row)) = row.try_get_untracked() else { return None };
    let focused = document().active_element()?;
    if !row.contains(Some(&focused)) {
        return None;
    }
    wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(focused).ok()
}

/// Blurs the focused element when it is inside `row`.
fn drop_focus_within(row: NodeRef<leptos::html::Tr>) {
    if let Some(el) = focused_within(row) {
        let _ = el.blur();
    }
}

/// A factor's value: what is used, where it came from, and a field to override it.
#[component]
fn FactorCell(at: Memo<Option<usize>>, k: usize, factor: Factor, name: Signal<String>) -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let insights = use_insights();
    let value = Memo::new(move |_| at.get().and_then(|i| insights.basis.with(|b| b.value(i, k))));
    let account_id = move || at.get_untracked().and_then(|i| state.plan.with_untracked(|p| p.as_ref().and_then(|p| p.accounts.get(i)).map(|a| a.id.clone())));
    let max = factor.scale.max();
    let fid = factor.id.clone();
    let label_factor = factor.clone();
    let commit = Callback::new(move |text: String| {
        let Some(account) = account_id() else { return false };
        let v = if text.trim().is_empty() {
            None
        } else {
            match parse_number(&text).filter(|v| (0.0..=max).contains(v)) {
                Some(v) => Some(v),
                None => return false,
            }
        };
        state.dispatch(Change::SetFactorValue { account, factor: fid.clone(), value: v }, EditKind::EditFactorValue);
        true
    });
    let source = move || value.get().map(|v| v.source);
    let fill = factor.source;
    // A value typed by hand says so, and what the data says beside it: the
    // override is never silent.
    let badge = move || {
        let l = i18n.get_locale();
        match value.get() {
            Some(v) if v.source == ValueSource::Manual => match v.derived.filter(|d| v.value.is_none_or(|x| (x - d).abs() >= 0.05)) {
                Some(d) => (td_string!(l, prio.badge_typed_data, value = value_text(Some(d), l)).to_string(), "source-badge source-typed"),
                None => (td_string!(l, prio.badge_typed).to_string(), "source-badge source-typed"),
            },
            Some(v) if v.source == ValueSource::Derived => (td_string!(l, prio.badge_auto).to_string(), "source-badge source-auto"),
            _ => (td_string!(l, prio.badge_missing).to_string(), "source-badge source-missing"),
        }
    };
    let derived_hint = move || {
        let l = i18n.get_locale();
        match value.get() {
            Some(v) if v.source == ValueSource::Manual => match v.derived {
                Some(d) => td_string!(l, prio.data_says, value = value_text(Some(d), l)).to_string(),
                None => td_string!(l, prio.data_says_nothing).to_string(),
            },
            Some(v) if v.source == ValueSource::Missing => labels::factor_fill_hint(l, fill),
            None => labels::factor_fill_hint(l, fill),
            _ => String::new(),
        }
    };
    let fid2 = factor.id.clone();
    let clear = move |_| {
        let Some(account) = account_id() else { return };
        state.dispatch(Change::SetFactorValue { account, factor: fid2.clone(), value: None }, EditKind::EditFactorValue);
    };
    view! {
        <td class="factor-cell"><div class="factor-stack">
            <span class=move || badge().1 title=derived_hint>{move || badge().0}</span>
            <InlineInput numeric=true value=Signal::derive(move || value_text(value.get().and_then(|v| v.value), i18n.get_locale()))
                label=Signal::derive(move || td_string!(i18n.get_locale(), prio.value_of, factor = labels::factor_name(i18n.get_locale(), &label_factor), name = name.get()).to_string())
                invalid_hint=Signal::derive(move || {
                    let l = i18n.get_locale();
                    td_string!(l, prio.value_invalid, max = format::number(max, l, 0)).to_string()
                })
                on_commit=commit/>
            <Show when=move || source() == Some(ValueSource::Manual)>
                <button type="button" class="icon-button reset-value" on:click=clear.clone()
                    aria-label=move || td_string!(i18n.get_locale(), prio.use_data_for, name = name.get()).to_string()
                    title=derived_hint>
                    <span aria-hidden="true">"↺"</span>
                </button>
            </Show>
        </div></td>
    }
}
