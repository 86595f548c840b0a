//! Adding and editing a deal: account, type (new, cross-sell, upsell, renewal),
//! amount, dates, stage and outcome. Winning or losing needs the close date (the
//! sales cycle is measured to it); choosing "won" offers today.

use super::fields::{account_problem, options, AccountField, BoundInput, ChoiceSelect, EditorFooter, LinkSelect};
use super::{editor_dialog, optional_date};
use crate::browser::clock;
use crate::domain::{AccountId, CampaignId, Date, Deal, DealId, IdGenerator, MemberId, Money, Outcome, Refusal};
use crate::editing::{Change, EditKind};
use crate::ui::i18n::{t, t_string, td_string, use_i18n};
use crate::ui::labels;
use crate::ui::labels::amount_problem;
use crate::ui::problems;
use crate::ui::state::{use_app, ToastAction};
use crate::ui::widgets::{unique_id, Modal};
use leptos::prelude::*;

fn blank() -> Deal {
    Deal::new(DealId::generate(&mut IdGenerator::random()), AccountId(String::new()), "", Money::ZERO, clock::today())
}

#[component]
pub fn DealEditor(editing: RwSignal<Option<Option<Deal>>>) -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let draft: RwSignal<Deal> = RwSignal::new(blank());
    let is_new = RwSignal::new(true);
    let account: RwSignal<Option<AccountId>> = RwSignal::new(None);
    let account_text = RwSignal::new(String::new());
    let (amount, created, closed) = (RwSignal::new(String::new()), RwSignal::new(String::new()), RwSignal::new(String::new()));
    let error: RwSignal<Option<String>> = RwSignal::new(None);
    let open = editor_dialog(editing, move |record: Option<Deal>| {
        is_new.set(record.is_none());
        let d = record.unwrap_or_else(blank);
        account_text.set(String::new());
        account.set((!d.account.as_str().is_empty()).then(|| d.account.clone()));
        amount.set(if d.amount.is_zero() { String::new() } else { d.amount.to_plain_string() });
        created.set(d.created.to_string());
        closed.set(d.closed.map(|c| c.to_string()).unwrap_or_default());
        draft.set(d);
        error.set(None);
    });
    let save = move || {
        let l = state.locale();
        let fail = |m: String| error.set(Some(m));
        let mut d = draft.get_untracked();
        let Some(acc) = account.get_untracked() else { return fail(account_problem(l, &account_text.get_untracked())) };
        let currency = state.currency_untracked();
        let value = match Money::parse_in(&amount.get_untracked(), &currency) {
            Ok(m) => m.unwrap_or(Money::ZERO),
            Err(p) => return fail(amount_problem(l, &amount.get_untracked(), p, &currency)),
        };
        let Some(made) = Date::parse(created.get_untracked().trim()) else { return fail(td_string!(l, rec.date_invalid).to_string()) };
        let Ok(done) = optional_date(&closed.get_untracked()) else { return fail(td_string!(l, rec.date_invalid).to_string()) };
        d.account = acc;
        d.amount = value;
        d.created = made;
        d.closed = done;
        // The deal's own rules (a name, a decided deal's close date, not before
        // its creation) are the plan's: a refusal is said here, by its field.
        let kind = if is_new.get_untracked() { EditKind::AddDeal } else { EditKind::EditDeal };
        match state.try_dispatch(Change::PutDeal(Box::new(d)), kind) {
            Ok(()) | Err(Refusal::NothingToChange) => open.set(false),
            Err(refusal) => fail(problems::refusal_in(l, refusal, &|field| {
                Some(
                    match field {
                        "name" => td_string!(l, rec.deal_name),
                        "amount" => td_string!(l, rec.amount),
                        "created" => td_string!(l, rec.created),
                        "closed" => td_string!(l, rec.closed),
                        _ => return None,
                    }
                    .to_string(),
                )
            })),
        }
    };
    let remove = move |()| {
        let d = draft.get_untracked();
        state.dispatch(Change::RemoveDeal(d.id.clone()), EditKind::RemoveDeal);
        state.show_toast(td_string!(state.locale(), rec.removed_deal, name = d.name.clone()).to_string(), Some(ToastAction::UndoEdit));
        open.set(false);
    };
    let ids: Vec<String> = (0..9).map(|_| unique_id("deal")).collect();
    let campaigns =
        Signal::derive(move || state.plan.with(|p| p.as_ref().map(|p| options(&p.campaigns, |c| c.id.to_string(), |c| c.name.clone())).unwrap_or_default()));
    let team = Signal::derive(move || state.plan.with(|p| p.as_ref().map(|p| options(&p.team, |m| m.id.to_string(), |m| m.name.clone())).unwrap_or_default()));
    let title = Signal::derive(move || if is_new.get() { t_string!(i18n, rec.deal_editor_add) } else { t_string!(i18n, rec.deal_editor_edit) }.to_string());
    view! {
        <Modal open title class="form-dialog">
            <form class="form" novalidate on:submit=move |ev| { ev.prevent_default(); save(); }>
                <div class="field">
                    <label for=ids[0].clone()>{t!(i18n, rec.deal_name)}</label>
                    <input id=ids[0].clone() type="text" prop:value=move || draft.with(|d| d.name.clone())
                        on:input=move |ev| { let v = event_target_value(&ev); draft.update(|d| d.name = v); }/>
                </div>
                <AccountField value=account text=account_text/>
                <div class="field-row">
                    <ChoiceSelect label=Signal::derive(move || t_string!(i18n, rec.deal_kind).to_string()) choices=labels::DEAL_KINDS.to_vec() name=labels::deal_kind
                        current=Signal::derive(move || draft.with(|d| d.kind)) on_pick=Callback::new(move |k| draft.update(|d| d.kind = k))/>
                    <BoundInput label=Signal::derive(move || t_string!(i18n, rec.amount).to_string()) value=amount kind="text" inputmode="decimal"/>
                </div>
                <div class="field-row">
                    <ChoiceSelect label=Signal::derive(move || t_string!(i18n, rec.stage).to_string()) choices=labels::DEAL_STAGES.to_vec() name=labels::deal_stage
                        current=Signal::derive(move || draft.with(|d| d.stage)) on_pick=Callback::new(move |s| draft.update(|d| d.stage = s))/>
                    <ChoiceSelect label=Signal::derive(move || t_string!(i18n, rec.outcome).to_string()) choices=labels::OUTCOMES.to_vec() name=labels::outcome
                        current=Signal::derive(move || draft.with(|d| d.outcome))
                        on_pick=Callback::new(move |o| {
                            draft.update(|d| d.outcome = o);
                            // Deciding a deal offers today as its close date.
                            if o != Outcome::Open && closed.get_untracked().trim().is_empty() {
                                closed.set(clock::today().to_string());
                            }
                        })/>
                </div>
                <div class="field-row">
                    <BoundInput label=Signal::derive(move || t_string!(i18n, rec.created).to_string()) value=created kind="date"/>
                    <BoundInput label=Signal::derive(move || t_string!(i18n, rec.closed).to_string()) value=closed kind="date"/>
                </div>
                <div class="field-row">
                    <div class="field">
                        <label for=ids[6].clone()>{t!(i18n, rec.product)}</label>
                        <input id=ids[6].clone() type="text" prop:value=move || draft.with(|d| d.product.clone())
                            on:input=move |ev| { let v = event_target_value(&ev); draft.update(|d| d.product = v); }/>
                    </div>
                    <LinkSelect label=Signal::derive(move || t_string!(i18n, rec.campaign).to_string()) options=campaigns
                        current=Signal::derive(move || draft.with(|d| d.campaign.as_ref().map(|c| c.to_string())))
                        on_pick=Callback::new(move |v: Option<String>| draft.update(|d| d.campaign = v.map(CampaignId)))/>
                    <LinkSelect label=Signal::derive(move || t_string!(i18n, rec.owner).to_string()) options=team
                        current=Signal::derive(move || draft.with(|d| d.owner.as_ref().map(|c| c.to_string())))
                        on_pick=Callback::new(move |v: Option<String>| draft.update(|d| d.owner = v.map(MemberId)))/>
                </div>
                <EditorFooter open error is_new on_remove=Callback::new(remove)/>
            </form>
        </Modal>
    }
}
