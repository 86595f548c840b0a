//! Adding and editing a campaign: its channel, dates, cost, owner and the target
//! accounts it reaches — picked one by one or a whole tier at once (1:1, 1:few,
//! 1:many), since ABM campaigns are usually run per tier.

use super::optional_date;
use crate::browser::clock;
use crate::domain::{AccountId, BuiltinChannel, Campaign, CampaignId, Channel, IdGenerator, Money, Tier};
use crate::editing::{Change, EditKind};
use crate::ui::i18n::{t, t_string, td_string, use_i18n};
use crate::ui::insights::use_insights;
use crate::ui::labels;
use crate::ui::labels::amount_problem;
use crate::ui::state::{use_app, ToastAction};
use crate::ui::widgets::{options, unique_id, AccountPicker, Bound, Editor, EditorFooter, Labelled, LinkField, Modal, TextField};
use leptos::prelude::*;

fn blank() -> Campaign {
    Campaign {
        id: CampaignId::generate(&mut IdGenerator::random()),
        name: String::new(),
        channel: Channel::Builtin(BuiltinChannel::Events),
        start: clock::today(),
        end: None,
        cost: Money::ZERO,
        targets: Vec::new(),
        content: Vec::new(),
        owner: None,
        notes: String::new(),
        updated_at: None,
    }
}

#[component]
pub fn CampaignEditor(editor: Editor<Campaign>) -> impl IntoView {
    let state = use_app();
    let insights = use_insights();
    let i18n = use_i18n();
    let draft: RwSignal<Campaign> = RwSignal::new(blank());
    let (start, end, cost) = (RwSignal::new(String::new()), RwSignal::new(String::new()), RwSignal::new(String::new()));
    let picked: RwSignal<Option<AccountId>> = RwSignal::new(None);
    let picked_text = RwSignal::new(String::new());
    let error: RwSignal<Option<String>> = RwSignal::new(None);
    let open = editor.open();
    editor.on_open(move |record: Option<Campaign>| {
        let c = record.unwrap_or_else(blank);
        start.set(c.start.to_string());
        end.set(c.end.map(|d| d.to_string()).unwrap_or_default());
        cost.set(if c.cost.is_zero() { String::new() } else { c.cost.to_plain_string() });
        draft.set(c);
        picked.set(None);
        picked_text.set(String::new());
        error.set(None);
    });
    let save = move || {
        let l = state.locale();
        let mut c = draft.get_untracked();
        let fail = |m: String| error.set(Some(m));
        let Some(s) = crate::domain::Date::parse(start.get_untracked().trim()) else { return fail(td_string!(l, rec.date_invalid).to_string()) };
        let Ok(e) = optional_date(&end.get_untracked()) else { return fail(td_string!(l, rec.date_invalid).to_string()) };
        let currency = state.currency_untracked();
        let money = match Money::parse_in(&cost.get_untracked(), &currency) {
            Ok(m) => m,
            Err(p) => return fail(amount_problem(l, &cost.get_untracked(), p, &currency)),
        };
        c.start = s;
        c.end = e;
        c.cost = money.unwrap_or(Money::ZERO);
        // The campaign's own rules (a name, no negative cost, an end not before
        // the start) are the plan's: a refusal is said here, by its field.
        let kind = if editor.record_untracked().is_none() { EditKind::AddCampaign } else { EditKind::EditCampaign };
        let labels =
            [("name", td_string!(l, rec.name)), ("start", td_string!(l, rec.start)), ("end", td_string!(l, rec.end)), ("cost", td_string!(l, rec.cost))];
        editor.commit(state, Change::PutCampaign(Box::new(c)), kind, error, &labels);
    };
    let remove = move |()| {
        let c = draft.get_untracked();
        state.dispatch(Change::RemoveCampaign(c.id.clone()), EditKind::RemoveCampaign);
        state.show_toast(td_string!(state.locale(), rec.removed_campaign, name = c.name.clone()).to_string(), Some(ToastAction::UndoEdit));
        open.set(false);
    };
    let add_target = move || {
        if let Some(id) = picked.get_untracked() {
            draft.update(|c| {
                if !c.targets.contains(&id) {
                    c.targets.push(id);
                }
            });
            picked.set(None);
            picked_text.set(String::new());
        }
    };
    // Target-list accounts of a tier, in rank order.
    let tier_accounts = move |tier: Tier| -> Vec<AccountId> {
        let ranking = insights.ranking.get();
        state.plan.with(|p| {
            let Some(p) = p else { return Vec::new() };
            ranking
                .order
                .iter()
                .filter(|&&i| ranking.tiers.get(i).copied().flatten().is_some_and(|(t, _)| t == tier))
                .filter_map(|&i| p.accounts.get(i).map(|a| a.id.clone()))
                .collect()
        })
    };
    let target_names = move || {
        let ids = draft.with(|c| c.targets.clone());
        state.plan.with(|p| {
            let Some(p) = p else { return Vec::new() };
            ids.into_iter()
                .map(|id| {
                    let name = p.accounts.iter().find(|a| a.id == id).map(|a| a.name.clone()).unwrap_or_else(|| id.to_string());
                    (id, name)
                })
                .collect::<Vec<_>>()
        })
    };
    let picker_id = unique_id("campaign-target");
    let team = Signal::derive(move || state.plan.with(|p| p.as_ref().map(|p| options(&p.team, |m| m.id.to_string(), |m| m.name.clone())).unwrap_or_default()));
    let title =
        Signal::derive(move || if editor.is_new() { t_string!(i18n, rec.campaign_editor_add) } else { t_string!(i18n, rec.campaign_editor_edit) }.to_string());
    view! {
        <Modal open title class="form-dialog">
            <form class="form" novalidate on:submit=move |ev| { ev.prevent_default(); save(); }>
                <TextField value=Bound::field(draft, |c| c.name.clone(), |c, v| c.name = v)>{t!(i18n, rec.name)}</TextField>
                <div class="field-row">
                    <Labelled control=move |id| view! {
                        <select id=id on:change=move |ev| {
                            let v = event_target_value(&ev);
                            let channel = state.plan.with_untracked(|p| p.as_ref().and_then(|p| labels::all_channels(p).into_iter().find(|c| c.key() == v)));
                            if let Some(ch) = channel { draft.update(|c| c.channel = ch); }
                        }>
                            {move || {
                                let l = i18n.get_locale();
                                state.plan.with(|p| p.as_ref().map(|p| labels::all_channels(p).into_iter().map(|ch| {
                                    let key = ch.key().to_string();
                                    let name = labels::channel(l, p, &ch);
                                    view! { <option value=key prop:selected=move || draft.with(|c| c.channel == ch)>{name}</option> }
                                }).collect::<Vec<_>>()).unwrap_or_default())
                            }}
                        </select>
                    }>{t!(i18n, rec.channel)}</Labelled>
                    <LinkField options=team
                        value=Bound::link(draft, |c| &c.owner, |c| &mut c.owner)>
                        {t!(i18n, rec.owner)}
                    </LinkField>
                </div>
                <div class="field-row">
                    <TextField value=start kind="date">{t!(i18n, rec.start)}</TextField>
                    <TextField value=end kind="date">{t!(i18n, rec.end)}</TextField>
                    <TextField value=cost inputmode="decimal">{t!(i18n, rec.cost)}</TextField>
                </div>
                <fieldset class="field targets-field">
                    <legend>
                        {t!(i18n, rec.targets)} " · "
                        {move || { let n = draft.with(|c| c.targets.len()); td_string!(i18n.get_locale(), rec.targets_n, count = n).to_string() }}
                    </legend>
                    <ul class="chips" data-testid="campaign-targets">
                        {move || target_names().into_iter().map(|(id, name)| {
                            let remove_label = td_string!(i18n.get_locale(), rec.remove_target, name = name.clone()).to_string();
                            view! {
                                <li class="chip">{name}
                                    <button type="button" class="chip-remove" aria-label=remove_label
                                        on:click=move |_| draft.update(|c| c.targets.retain(|t| t != &id))>"×"</button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                    <div class="picker-row">
                        <label for=picker_id.clone() class="visually-hidden">{t!(i18n, rec.add_target)}</label>
                        <AccountPicker value=picked text=picked_text id=picker_id.clone()/>
                        <button type="button" class="button button-small" disabled=move || picked.with(Option::is_none) on:click=move |_| add_target()>{t!(i18n, rec.add_target)}</button>
                    </div>
                    <div class="button-row">
                        {Tier::ALL.into_iter().enumerate().map(|(n, tier)| view! {
                            <button type="button" class="button button-small" on:click=move |_| {
                                let add = tier_accounts(tier);
                                draft.update(|c| for id in add { if !c.targets.contains(&id) { c.targets.push(id); } });
                            }>{move || { let count = tier_accounts(tier).len(); td_string!(i18n.get_locale(), rec.add_tier, n = n + 1, accounts = count).to_string() }}</button>
                        }).collect_view()}
                        <button type="button" class="button button-small button-danger-quiet" on:click=move |_| draft.update(|c| c.targets.clear())
                            disabled=move || draft.with(|c| c.targets.is_empty())>{t!(i18n, rec.clear_targets)}</button>
                    </div>
                </fieldset>
                <TextField value=Bound::field(draft, |c| c.notes.clone(), |c, v| c.notes = v) rows=2>{t!(i18n, rec.notes)}</TextField>
                <EditorFooter open error is_new=Signal::derive(move || editor.is_new()) on_remove=Callback::new(remove)/>
            </form>
        </Modal>
    }
}
