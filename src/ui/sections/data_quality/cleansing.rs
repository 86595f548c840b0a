//! Cleansing actions: choose one, see every change it would make (account,
//! field, before → after), apply it as one undoable edit.

use crate::data_quality::cleanse::{preview, CleansePreview, Cleansing as Action, TextField};
use crate::editing::{Change, EditKind};
use crate::ui::format;
use crate::ui::i18n::{t, t_string, td_string, use_i18n, Locale};
use crate::ui::insights::Shared;
use crate::ui::state::{use_app, ToastAction};
use crate::ui::widgets::unique_id;
use crate::ui::widgets::{choice_value, picked};
use leptos::prelude::*;
use std::sync::Arc;

const SHOWN: usize = 200;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Choice {
    Trim,
    Normalise,
    Domain,
    Country,
}

impl Choice {
    const ALL: [Choice; 4] = [Choice::Trim, Choice::Normalise, Choice::Domain, Choice::Country];
}

fn choice_name(l: Locale, c: Choice) -> String {
    match c {
        Choice::Trim => td_string!(l, dq.a_trim),
        Choice::Normalise => td_string!(l, dq.a_normalise),
        Choice::Domain => td_string!(l, dq.a_domain),
        Choice::Country => td_string!(l, dq.a_country),
    }
    .to_string()
}

fn text_field(l: Locale, f: TextField) -> String {
    match f {
        TextField::Name => td_string!(l, dq.f_name),
        TextField::Domain => td_string!(l, dq.f_domain),
        TextField::Industry => td_string!(l, dq.f_industry),
        TextField::Country => td_string!(l, dq.f_country),
        TextField::Region => td_string!(l, dq.f_region),
    }
    .to_string()
}

#[component]
pub fn Cleansing() -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let choice = RwSignal::new(Choice::Trim);
    let country = RwSignal::new(t_string!(i18n, dq.country_default).to_string());
    let result: Memo<Shared<CleansePreview>> = Memo::new(move |_| {
        let action = match choice.get() {
            Choice::Trim => Action::Trim,
            Choice::Normalise => Action::Normalise,
            Choice::Domain => Action::DomainFromEmails,
            Choice::Country => Action::CountryFromPrefecture(country.get()),
        };
        Shared(Arc::new(state.plan.with(|p| p.as_ref().map(|p| preview(p, &action)).unwrap_or_default())))
    });
    let apply = move |_| {
        let r = result.get_untracked();
        let n = r.0.edits.len();
        if n == 0 {
            return;
        }
        let l = state.locale();
        // A cleansing that leaves an account breaking its rules (a name trimmed
        // to nothing) is refused and said; only a change made offers its undo.
        match state.try_dispatch(Change::PutAccounts(r.0.accounts.clone()), EditKind::Cleanse) {
            Ok(()) => state.show_toast(td_string!(l, dq.applied, count = n).to_string(), Some(ToastAction::UndoEdit)),
            Err(refusal) => state.show_toast(crate::ui::problems::refusal(l, refusal), None),
        }
    };
    let action_id = unique_id("cleanse-action");
    let action_label_for = action_id.clone();
    let country_id = unique_id("cleanse-country");
    let rows = move || {
        let l = i18n.get_locale();
        let r = result.get();
        state.plan.with(|p| {
            let Some(p) = p else { return Vec::new() };
            r.0.edits
                .iter()
                .take(SHOWN)
                .map(|e| {
                    let name = p.accounts.get(e.account).map(|a| a.name.clone()).unwrap_or_default();
                    view! {
                        <tr>
                            <th scope="row">{name}</th>
                            <td>{text_field(l, e.field)}</td>
                            <td class="cell-before">{e.before.clone()}</td>
                            <td class="cell-after">{e.after.clone()}</td>
                        </tr>
                    }
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <div class="dq-panel">
            <p>{t!(i18n, dq.cleanse_desc)}</p>
            <div class="toolbar">
                <label class="field field-inline" for=action_label_for>
                    <span>{t!(i18n, dq.action_label)}</span>
                    <select id=action_id data-testid="cleanse-action" on:change=move |ev| {
                        let v = event_target_value(&ev);
                        choice.set(picked(&Choice::ALL, &v).unwrap_or(Choice::Trim));
                    }>
                        {Choice::ALL.into_iter().map(|c| view! {
                            <option value=choice_value(&Choice::ALL, &c) selected=move || choice.get() == c>{move || choice_name(i18n.get_locale(), c)}</option>
                        }).collect_view()}
                    </select>
                </label>
                <Show when=move || choice.get() == Choice::Country>
                    <label class="field field-inline" for=country_id.clone()>
                        <span>{t!(i18n, dq.country_value)}</span>
                        <input id=country_id.clone() type="text" bind:value=country />
                    </label>
                </Show>
            </div>
            {move || {
                let l = i18n.get_locale();
                let r = result.get();
                let n = r.0.edits.len();
                if n == 0 {
                    return view! { <p class="result result-good" data-testid="cleanse-count">{td_string!(l, dq.nothing).to_string()}</p> }.into_any();
                }
                view! {
                    <p data-testid="cleanse-count">{td_string!(l, dq.changes_count, count = n, m = format::integer(r.0.accounts.len() as i64, l)).to_string()}</p>
                    <div class="table-scroll">
                        <table class="data-table" data-testid="cleanse-preview">
                            <thead><tr>
                                <th scope="col">{t!(i18n, dq.col_account)}</th>
                                <th scope="col">{t!(i18n, dq.col_field_name)}</th>
                                <th scope="col">{t!(i18n, dq.col_before)}</th>
                                <th scope="col">{t!(i18n, dq.col_after)}</th>
                            </tr></thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                    {(n > SHOWN).then(|| view! { <p class="muted">{td_string!(l, dq.more_rows, n = n - SHOWN).to_string()}</p> })}
                    <div class="dialog-actions">
                        <button type="button" class="button button-primary" data-testid="cleanse-apply" on:click=apply>
                            {td_string!(l, dq.apply, count = n).to_string()}
                        </button>
                    </div>
                }.into_any()
            }}
        </div>
    }
}
