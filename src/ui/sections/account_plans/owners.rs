//! Marketing and sales on the same account: an owner on each side, and the
//! hand-off status with who changed it and when.

use crate::account_plans::handoff_history;
use crate::browser::clock;
use crate::domain::{AccountId, HandoffEvent, HandoffId, HandoffStage, IdGenerator, MemberId};
use crate::editing::{Change, EditKind};
use crate::ui::format;
use crate::ui::i18n::{t, td_string, use_i18n};
use crate::ui::labels;
use crate::ui::state::use_app;
use crate::ui::widgets::unique_id;
use crate::ui::widgets::{choice_value, picked};
use leptos::prelude::*;

#[derive(Clone, Copy)]
enum Side {
    Marketing,
    Sales,
}

#[component]
fn OwnerSelect(id: AccountId, side: Side) -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let field = unique_id("owner");
    let current = {
        let id = id.clone();
        move || {
            state.plan.with(|p| {
                p.as_ref().and_then(|p| p.accounts.iter().find(|a| a.id == id)).and_then(|a| match side {
                    Side::Marketing => a.marketing_owner.clone(),
                    Side::Sales => a.sales_owner.clone(),
                })
            })
        }
    };
    let change = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        let owner = (!v.is_empty()).then_some(MemberId(v));
        let Some(mut a) = state.plan.with_untracked(|p| p.as_ref().and_then(|p| p.accounts.iter().find(|a| a.id == id).cloned())) else { return };
        match side {
            Side::Marketing => a.marketing_owner = owner,
            Side::Sales => a.sales_owner = owner,
        }
        state.dispatch(Change::PutAccounts(vec![a]), EditKind::EditOwners);
    };
    view! {
        <div class="field">
            <label for=field.clone()>{move || match side {
                Side::Marketing => td_string!(i18n.get_locale(), ap.marketing_owner),
                Side::Sales => td_string!(i18n.get_locale(), ap.sales_owner),
            }}</label>
            <select id=field on:change=change>
                <option value="" selected={let c = current.clone(); move || c().is_none()}>{t!(i18n, ap.unassigned)}</option>
                {move || super::members(state).into_iter().map(|(mid, name)| {
                    let c = current.clone();
                    let is = mid.clone();
                    view! { <option value=mid selected=move || c().is_some_and(|o| o.as_str() == is)>{name}</option> }
                }).collect_view()}
            </select>
        </div>
    }
}

#[component]
pub fn OwnersPanel(id: AccountId) -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let team_open = RwSignal::new(false);
    let stage = RwSignal::new(HandoffStage::MarketingQualified);
    let by = RwSignal::new(String::new());
    let note = RwSignal::new(String::new());
    let history = {
        let id = id.clone();
        Memo::new(move |_| {
            let l = i18n.get_locale();
            state.plan.with(|p| {
                let Some(p) = p else { return Vec::new() };
                handoff_history(p, &id)
                    .into_iter()
                    .map(|h| {
                        let who = h.by.as_ref().and_then(|m| p.member(m)).map(|m| m.name.clone()).unwrap_or_else(|| td_string!(l, ap.someone).to_string());
                        (
                            h.stage,
                            td_string!(l, ap.handoff_entry, stage = labels::stage(l, h.stage), who = who, when = format::date_time(h.at, l)).to_string(),
                            h.note.clone(),
                        )
                    })
                    .collect::<Vec<_>>()
            })
        })
    };
    // Suggest the next stage and the owner on the side that usually records it.
    {
        let id = id.clone();
        Effect::new(move |_| {
            let current = history.with(|h| h.first().map(|x| x.0));
            let next = match current {
                None | Some(HandoffStage::Recycled) => HandoffStage::MarketingQualified,
                Some(HandoffStage::MarketingQualified) => HandoffStage::SalesAccepted,
                Some(_) => HandoffStage::Opportunity,
            };
            stage.set(next);
            let owner = state.plan.with_untracked(|p| {
                p.as_ref().and_then(|p| p.accounts.iter().find(|a| a.id == id)).and_then(|a| {
                    if next == HandoffStage::MarketingQualified {
                        a.marketing_owner.clone()
                    } else {
                        a.sales_owner.clone()
                    }
                })
            });
            by.set(owner.map(|o| o.to_string()).unwrap_or_default());
        });
    }
    let record = {
        let id = id.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let event = HandoffEvent {
                id: HandoffId::generate(&mut IdGenerator::random()),
                account: id.clone(),
                stage: stage.get_untracked(),
                by: Some(by.get_untracked()).filter(|b| !b.is_empty()).map(MemberId),
                at: clock::now(),
                note: note.get_untracked().trim().to_string(),
            };
            state.dispatch(Change::AddHandoff(event), EditKind::ChangeHandoff);
            note.set(String::new());
        }
    };
    let (stage_id, by_id, note_id) = (unique_id("handoff-stage"), unique_id("handoff-by"), unique_id("handoff-note"));
    view! {
        <section class="panel" aria-labelledby="plan-owners">
            <div class="panel-head">
                <h3 id="plan-owners">{t!(i18n, ap.owners)}</h3>
                <button type="button" class="button button-small no-print" on:click=move |_| team_open.set(true)>{t!(i18n, ap.manage_team)}</button>
            </div>
            <div class="two-columns">
                <OwnerSelect id=id.clone() side=Side::Marketing/>
                <OwnerSelect id=id.clone() side=Side::Sales/>
            </div>
            <h4>{t!(i18n, ap.handoff)}</h4>
            <p data-testid="handoff-current">
                {move || history.with(|h| h.first().map(|x| x.1.clone())).unwrap_or_else(|| td_string!(i18n.get_locale(), ap.handoff_none).to_string())}
            </p>
            <form class="inline-form no-print" on:submit=record>
                <div class="field">
                    <label for=stage_id.clone()>{t!(i18n, ap.handoff_move)}</label>
                    <select id=stage_id on:change=move |ev| {
                        let v = event_target_value(&ev);
                        if let Some(s) = picked(&labels::STAGES, &v) {
                            stage.set(s);
                        }
                    }>
                        {labels::STAGES.into_iter().map(|s| view! {
                            <option value=choice_value(&labels::STAGES, &s) selected=move || stage.get() == s>{move || labels::stage(i18n.get_locale(), s)}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for=by_id.clone()>{t!(i18n, ap.handoff_by)}</label>
                    <select id=by_id on:change=move |ev| by.set(event_target_value(&ev))>
                        <option value="" selected=move || by.with(String::is_empty)>{t!(i18n, ap.unassigned)}</option>
                        {move || super::members(state).into_iter().map(|(mid, name)| {
                            let is = mid.clone();
                            view! { <option value=mid selected=move || by.with(|b| *b == is)>{name}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div class="field field-grow">
                    <label for=note_id.clone()>{t!(i18n, ap.handoff_note)}</label>
                    <input id=note_id type="text" bind:value=note/>
                </div>
                <button type="submit" class="button">{t!(i18n, ap.handoff_record)}</button>
            </form>
            <Show when=move || history.with(|h| h.len() > 1)>
                <details class="no-print">
                    <summary>{t!(i18n, ap.handoff_history)}</summary>
                    <ol class="history" data-testid="handoff-history">
                        {move || history.get().into_iter().map(|(_, text, note)| view! {
                            <li>{text}{(!note.is_empty()).then(|| view! { <span class="muted">" — " {note}</span> })}</li>
                        }).collect_view()}
                    </ol>
                </details>
            </Show>
            <super::team::TeamDialog open=team_open/>
        </section>
    }
}
