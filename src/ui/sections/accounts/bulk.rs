//! Bulk actions on the selected accounts: set a field on all of them at once, or
//! delete them (one undo step either way).

use super::{team_choices, use_table, INDUSTRY_LIST};
use crate::domain::{Account, AccountId, MemberId, TargetChoice, Tier};
use crate::editing::{Change, EditKind};
use crate::ui::format;
use crate::ui::i18n::{t, t_string, td_string, use_i18n};
use crate::ui::state::{use_app, ToastAction};
use crate::ui::widgets::{Labelled, Modal};
use leptos::prelude::*;

/// A bulk change to one field; "keep" leaves it as each account has it.
#[derive(Clone, Default)]
struct BulkEdit {
    industry: Option<String>,
    marketing: Option<Option<MemberId>>,
    sales: Option<Option<MemberId>>,
    target: Option<TargetChoice>,
    tier: Option<Option<Tier>>,
}

impl BulkEdit {
    fn apply(&self, a: &mut Account) {
        if let Some(v) = &self.industry {
            a.industry = v.clone();
        }
        if let Some(v) = &self.marketing {
            a.marketing_owner = v.clone();
        }
        if let Some(v) = &self.sales {
            a.sales_owner = v.clone();
        }
        if let Some(v) = self.target {
            a.target = v;
        }
        if let Some(v) = self.tier {
            a.tier = v;
        }
    }
}

const KEEP: &str = "__keep";

#[component]
pub fn BulkBar() -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let table = use_table();
    let count = move || table.selected.with(|s| s.len());
    let open = RwSignal::new(false);
    let delete = move |_| {
        let ids: Vec<AccountId> = table.selected.get_untracked().into_iter().collect();
        let n = ids.len();
        state.dispatch(Change::RemoveAccounts(ids), EditKind::DeleteAccounts);
        table.selected.set(Default::default());
        let l = state.locale();
        state.show_toast(td_string!(l, accounts.deleted_many, count = n, n = format::integer(n as i64, l)).to_string(), Some(ToastAction::UndoEdit));
    };
    view! {
        <Show when=move || { count() > 0 }>
            <div class="bulk-bar" role="region" aria-label=move || t_string!(i18n, accounts.bulk_label) data-testid="bulk-bar">
                <span role="status">{move || { let l = i18n.get_locale(); td_string!(l, accounts.selected, count = count(), n = format::integer(count() as i64, l)).to_string() }}</span>
                <button type="button" class="button" on:click=move |_| open.set(true)>{t!(i18n, accounts.bulk_edit)}</button>
                <button type="button" class="button button-danger" on:click=delete>{t!(i18n, accounts.bulk_delete)}</button>
                <button type="button" class="button button-quiet" on:click=move |_| table.selected.set(Default::default())>{t!(i18n, accounts.clear_selection)}</button>
            </div>
        </Show>
        <BulkEditor open/>
    }
}

#[component]
fn BulkEditor(open: RwSignal<bool>) -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let table = use_table();
    let [industry, marketing, sales, target, tier] = std::array::from_fn(|_| RwSignal::new(KEEP.to_string()));
    let industry_text = RwSignal::new(String::new());
    Effect::new(move |_| {
        if open.get() {
            for s in [industry, marketing, sales, target, tier] {
                s.set(KEEP.into());
            }
            industry_text.set(String::new());
        }
    });
    let member = |v: String| if v.is_empty() { None } else { Some(MemberId(v)) };
    let keep_or = |v: String| (v != KEEP).then_some(v);
    let save = move || {
        let edit = BulkEdit {
            industry: keep_or(industry.get_untracked()).map(|_| industry_text.get_untracked().trim().to_string()),
            marketing: keep_or(marketing.get_untracked()).map(member),
            sales: keep_or(sales.get_untracked()).map(member),
            target: keep_or(target.get_untracked()).map(|v| match v.as_str() {
                "include" => TargetChoice::Include,
                "exclude" => TargetChoice::Exclude,
                _ => TargetChoice::Auto,
            }),
            tier: keep_or(tier.get_untracked()).map(|v| v.parse::<u8>().ok().and_then(|n| Tier::try_from(n).ok())),
        };
        let selected = table.selected.get_untracked();
        let changed: Vec<Account> = state.plan.with_untracked(|p| {
            p.iter()
                .flat_map(|p| p.accounts.iter())
                .filter(|a| selected.contains(&a.id))
                .map(|a| {
                    let mut a = a.clone();
                    edit.apply(&mut a);
                    a
                })
                .collect()
        });
        let n = changed.len();
        state.dispatch(Change::PutAccounts(changed), EditKind::EditAccounts);
        open.set(false);
        let l = state.locale();
        state.show_toast(td_string!(l, accounts.bulk_done, count = n, n = format::integer(n as i64, l)).to_string(), Some(ToastAction::UndoEdit));
    };
    let team = move || team_choices(state);
    let keep = move || view! { <option value=KEEP>{move || t_string!(i18n, accounts.keep)}</option> };
    let owner = move |label: Signal<String>, value: RwSignal<String>| {
        view! {
            <Labelled control=move |id| view! {
                <select id=id prop:value=move || value.get() on:change=move |ev| value.set(event_target_value(&ev))>
                    {keep()}
                    <option value="">{move || t_string!(i18n, accounts.no_owner)}</option>
                    {move || team().into_iter().map(|(id, name)| view! { <option value=id>{name}</option> }).collect_view()}
                </select>
            }>{move || label.get()}</Labelled>
        }
    };
    let title = Signal::derive(move || {
        let l = i18n.get_locale();
        let n = table.selected.with(|s| s.len());
        td_string!(l, accounts.bulk_title, count = n, n = format::integer(n as i64, l)).to_string()
    });
    view! {
        <Modal open title class="form-dialog">
            <form class="form" novalidate on:submit=move |ev| { ev.prevent_default(); save(); }>
                <p class="muted">{t!(i18n, accounts.bulk_hint)}</p>
                <Labelled control=move |id| view! {
                    <select id=id prop:value=move || industry.get() on:change=move |ev| industry.set(event_target_value(&ev))>
                        {keep()}
                        <option value="set">{move || t_string!(i18n, accounts.set_to)}</option>
                    </select>
                    <Show when=move || industry.get() != KEEP>
                        <input type="text" list=INDUSTRY_LIST aria-label=move || t_string!(i18n, accounts.new_industry)
                            bind:value=industry_text/>
                    </Show>
                }>{t!(i18n, accounts.industry)}</Labelled>
                {owner(Signal::derive(move || t_string!(i18n, accounts.marketing_owner).to_string()), marketing)}
                {owner(Signal::derive(move || t_string!(i18n, accounts.sales_owner).to_string()), sales)}
                <Labelled control=move |id| view! {
                    <select id=id prop:value=move || target.get() on:change=move |ev| target.set(event_target_value(&ev))>
                        {keep()}
                        <option value="auto">{move || t_string!(i18n, icp.choice_auto)}</option>
                        <option value="include">{move || t_string!(i18n, icp.choice_include)}</option>
                        <option value="exclude">{move || t_string!(i18n, icp.choice_exclude)}</option>
                    </select>
                }>{t!(i18n, accounts.target_choice)}</Labelled>
                <Labelled control=move |id| view! {
                    <select id=id prop:value=move || tier.get() on:change=move |ev| tier.set(event_target_value(&ev))>
                        {keep()}
                        <option value="">{move || t_string!(i18n, accounts.tier_auto)}</option>
                        {Tier::ALL.into_iter().map(|t| view! { <option value=t.number().to_string()>{move || td_string!(i18n.get_locale(), accounts.tier_n, n = t.number()).to_string()}</option> }).collect_view()}
                    </select>
                }>{t!(i18n, accounts.tier_pin)}</Labelled>
                <div class="dialog-actions">
                    <button type="button" class="button" on:click=move |_| open.set(false)>{t!(i18n, accounts.cancel)}</button>
                    <button type="submit" class="button button-primary">{t!(i18n, accounts.apply)}</button>
                </div>
            </form>
        </Modal>
    }
}
