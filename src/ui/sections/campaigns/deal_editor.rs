//! Adding and editing a deal: account, type (new, cross-sell, upsell, renewal),
//! amount, dates, stage and outcome. Winning or losing needs the close date (the
//! sales cycle is measured to it); choosing "won" offers today.

use super::optional_date;
use crate::browser::clock;
use crate::domain::{AccountId, Date, Deal, DealId, IdGenerator, Money, Outcome};
use crate::editing::{Change, EditKind};
use crate::ui::i18n::{t, t_string, td_string, use_i18n};
use crate::ui::labels;
use crate::ui::labels::amount_problem;
use crate::ui::state::{use_app, ToastAction};
use crate::ui::widgets::{account_problem, always, options, AccountField, Bound, ChoiceField, Editor, EditorFooter, LinkField, Modal, TextField};
use leptos::prelude::*;

fn blank() -> Deal {
    Deal::new(DealId::generate(&mut IdGenerator::random()), AccountId(String::new()), "", Money::ZERO, clock::today())
}

#[component]
pub fn DealEditor(editor: Editor<Deal>) -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let draft: RwSignal<Deal> = RwSignal::new(blank());
    let account: RwSignal<Option<AccountId>> = RwSignal::new(None);
    let account_text = RwSignal::new(String::new());
    let (amount, created, closed) = (RwSignal::new(String::new()), RwSignal::new(String::new()), RwSignal::new(String::new()));
    let error: RwSignal<Option<String>> = RwSignal::new(None);
    let open = editor.open();
    editor.on_open(move |record: Option<Deal>| {
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
        let kind = if editor.record_untracked().is_none() { EditKind::AddDeal } else { EditKind::EditDeal };
        let labels = [
            ("name", td_string!(l, rec.deal_name)),
            ("amount", td_string!(l, rec.amount)),
            ("created", td_string!(l, rec.created)),
            ("closed", td_string!(l, rec.closed)),
        ];
        editor.commit(state, Change::PutDeal(Box::new(d)), kind, error, &labels);
    };
    let remove = move |()| {
        let d = draft.get_untracked();
        state.dispatch(Change::RemoveDeal(d.id.clone()), EditKind::RemoveDeal);
        state.show_toast(td_string!(state.locale(), rec.removed_deal, name = d.name.clone()).to_string(), Some(ToastAction::UndoEdit));
        open.set(false);
    };
    let campaigns =
        Signal::derive(move || state.plan.with(|p| p.as_ref().map(|p| options(&p.campaigns, |c| c.id.to_string(), |c| c.name.clone())).unwrap_or_default()));
    let team = Signal::derive(move || state.plan.with(|p| p.as_ref().map(|p| options(&p.team, |m| m.id.to_string(), |m| m.name.clone())).unwrap_or_default()));
    let title = Signal::derive(move || if editor.is_new() { t_string!(i18n, rec.deal_editor_add) } else { t_string!(i18n, rec.deal_editor_edit) }.to_string());
    // Deciding a deal offers today as its close date.
    let outcome = Bound::new(
        move || Some(draft.with(|d| d.outcome)),
        move |o: Option<Outcome>| {
            let Some(o) = o else { return };
            draft.update(|d| d.outcome = o);
            if o != Outcome::Open && closed.get_untracked().trim().is_empty() {
                closed.set(clock::today().to_string());
            }
        },
    );
    view! {
        <Modal open title class="form-dialog">
            <form class="form" novalidate on:submit=move |ev| { ev.prevent_default(); save(); }>
                <TextField value=Bound::field(draft, |d| d.name.clone(), |d, v| d.name = v)>{t!(i18n, rec.deal_name)}</TextField>
                <AccountField value=account text=account_text/>
                <div class="field-row">
                    <ChoiceField choices=labels::DEAL_KINDS.to_vec() words=labels::deal_kind value=always(draft, |d| d.kind, |d, k| d.kind = k)>
                        {t!(i18n, rec.deal_kind)}
                    </ChoiceField>
                    <TextField value=amount inputmode="decimal">{t!(i18n, rec.amount)}</TextField>
                </div>
                <div class="field-row">
                    <ChoiceField choices=labels::DEAL_STAGES.to_vec() words=labels::deal_stage value=always(draft, |d| d.stage, |d, s| d.stage = s)>
                        {t!(i18n, rec.stage)}
                    </ChoiceField>
                    <ChoiceField choices=labels::OUTCOMES.to_vec() words=labels::outcome value=outcome>{t!(i18n, rec.outcome)}</ChoiceField>
                </div>
                <div class="field-row">
                    <TextField value=created kind="date">{t!(i18n, rec.created)}</TextField>
                    <TextField value=closed kind="date">{t!(i18n, rec.closed)}</TextField>
                </div>
                <div class="field-row">
                    <TextField value=Bound::field(draft, |d| d.product.clone(), |d, v| d.product = v)>{t!(i18n, rec.product)}</TextField>
                    <LinkField options=campaigns
                        value=Bound::link(draft, |d| &d.campaign, |d| &mut d.campaign)>
                        {t!(i18n, rec.campaign)}
                    </LinkField>
                    <LinkField options=team
                        value=Bound::link(draft, |d| &d.owner, |d| &mut d.owner)>
                        {t!(i18n, rec.owner)}
                    </LinkField>
                </div>
                <EditorFooter open error is_new=Signal::derive(move || editor.is_new()) on_remove=Callback::new(remove)/>
            </form>
        </Modal>
    }
}
