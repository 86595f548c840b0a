//! Several plans per browser: switch, create, rename, duplicate, delete (confirmed,
//! undoable) and restore recently deleted ones.

use crate::domain::PlanId;
use crate::persistence::Head;
use crate::ui::first_run::{demos, other_demo_label};
use crate::ui::format;
use crate::ui::i18n::{t, t_string, td_string, use_i18n};
use crate::ui::shell::{NewPlanDraft, NewPlanFields};
use crate::ui::state::use_app;
use crate::ui::widgets::{unique_id, Modal};
use leptos::prelude::*;

#[component]
pub fn PlansDialog(open: RwSignal<bool>) -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let draft = NewPlanDraft::default();
    let confirm: RwSignal<Option<Head>> = RwSignal::new(None);
    let confirm_open = RwSignal::new(false);
    Effect::new(move |_| {
        if !confirm_open.get() {
            confirm.set(None);
        }
    });
    let create = move || {
        draft.create(state);
        open.set(false);
    };
    let demo_in = move |k: usize| {
        move |_| {
            state.load_demo(demos(state.locale())[k]);
            open.set(false);
        }
    };
    view! {
        <Modal open title=Signal::derive(move || t_string!(i18n, plans.title).to_string()) class="plans-dialog">
            <ul class="plan-list" data-testid="plan-list">
                <For each=move || state.plans.get() key=|h| (h.plan_id.clone(), h.name.clone(), h.revision) let:head>
                    <PlanRow head open confirm confirm_open/>
                </For>
            </ul>
            <Show when=move || state.plans.with(|p| p.is_empty())>
                <p class="muted">{t!(i18n, plans.none)}</p>
            </Show>
            <section class="plan-new">
                <h3>{t!(i18n, plans.new_title)}</h3>
                <form class="form" on:submit=move |ev| { ev.prevent_default(); create(); }>
                    <NewPlanFields draft another=true/>
                    <div class="form-actions">
                        <button type="submit" class="button button-primary">{t!(i18n, plans.create)}</button>
                        <button type="button" class="button" on:click=demo_in(0)>{t!(i18n, plans.load_demo)}</button>
                        <button type="button" class="button" on:click=demo_in(1)>{move || other_demo_label(i18n.get_locale())}</button>
                    </div>
                </form>
            </section>
            <Show when=move || !state.deleted.with(|d| d.is_empty())>
                <section class="plan-deleted">
                    <h3>{t!(i18n, plans.deleted_title)}</h3>
                    <p class="muted">{t!(i18n, plans.deleted_hint)}</p>
                    <ul class="plan-list">
                        <For each=move || state.deleted.get() key=|h| h.plan_id.clone() let:head>
                            {
                                let id = head.plan_id.clone();
                                let when = head.deleted_at;
                                view! {
                                    <li class="plan-row">
                                        <div class="plan-row-main">
                                            <span class="plan-row-name">{head.name.clone()}</span>
                                            <span class="muted">{move || when.map(|w| td_string!(i18n.get_locale(), plans.deleted_on, when = format::date_time(w, i18n.get_locale())).to_string())}</span>
                                        </div>
                                        <button type="button" class="button button-small" on:click=move |_| { state.undelete(&id); open.set(false); }>
                                            {t!(i18n, plans.restore)}
                                        </button>
                                    </li>
                                }
                            }
                        </For>
                    </ul>
                </section>
            </Show>
        </Modal>
        <Modal open=confirm_open title=Signal::derive(move || t_string!(i18n, plans.confirm_title).to_string()) class="confirm-dialog">
            <p>{move || confirm.get().map(|h| td_string!(i18n.get_locale(), plans.confirm_body, name = h.name).to_string())}</p>
            <div class="dialog-actions">
                <button type="button" class="button" on:click=move |_| confirm_open.set(false)>{t!(i18n, plans.cancel)}</button>
                <button type="button" class="button button-danger" on:click=move |_| {
                    if let Some(h) = confirm.get_untracked() {
                        state.delete(&h.plan_id);
                    }
                    confirm_open.set(false);
                }>{t!(i18n, plans.confirm_delete)}</button>
            </div>
        </Modal>
    }
}

#[component]
fn PlanRow(head: Head, open: RwSignal<bool>, confirm: RwSignal<Option<Head>>, confirm_open: RwSignal<bool>) -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let id: PlanId = head.plan_id.clone();
    let is_current = {
        let id = id.clone();
        move || state.plan.with(|p| p.as_ref().is_some_and(|p| p.id == id))
    };
    let renaming = RwSignal::new(false);
    let name = RwSignal::new(head.name.clone());
    let input_id = unique_id("rename");
    let summary = {
        let h = head.clone();
        move || {
            let l = i18n.get_locale();
            td_string!(l, plans.summary, count = h.counts.accounts, n = format::integer(h.counts.accounts as i64, l), when = format::date_time(h.saved_at, l))
                .to_string()
        }
    };
    let (open_id, rename_id, dup_id) = (id.clone(), id.clone(), id.clone());
    let current_name = head.name.clone();
    view! {
        <li class="plan-row" class:plan-row-current=is_current.clone()>
            <Show when=move || renaming.get() fallback={
                let open_id = open_id.clone();
                let head_name = head.name.clone();
                let is_current = is_current.clone();
                move || {
                    let open_id = open_id.clone();
                    view! {
                        <div class="plan-row-main">
                            <button type="button" class="link-button plan-row-name" on:click=move |_| { state.open_plan(&open_id); open.set(false); }>
                                {head_name.clone()}
                            </button>
                            <Show when=is_current.clone()><span class="badge">{t!(i18n, plans.current)}</span></Show>
                            <span class="muted">{summary}</span>
                        </div>
                    }
                }
            }>
                {
                    let rename_id = rename_id.clone();
                    let input_id = input_id.clone();
                    let current_name = current_name.clone();
                    view! {
                        <form class="inline-form plan-row-main" on:submit={
                            let rename_id = rename_id.clone();
                            move |ev| { ev.prevent_default(); state.rename(&rename_id, name.get_untracked()); renaming.set(false); }
                        }>
                            <label for=input_id.clone() class="visually-hidden">
                                {move || td_string!(i18n.get_locale(), plans.rename_label, name = current_name.clone()).to_string()}
                            </label>
                            <input id=input_id.clone() type="text" bind:value=name />
                            <button type="submit" class="button button-primary button-small">{t!(i18n, plans.save_name)}</button>
                            <button type="button" class="button button-small" on:click=move |_| renaming.set(false)>{t!(i18n, plans.cancel)}</button>
                        </form>
                    }
                }
            </Show>
            <div class="plan-row-actions">
                <button type="button" class="button button-small" on:click=move |_| renaming.set(true)>{t!(i18n, plans.rename)}</button>
                <button type="button" class="button button-small" on:click=move |_| { state.duplicate(&dup_id); open.set(false); }>{t!(i18n, plans.duplicate)}</button>
                <button type="button" class="button button-small button-danger-quiet" on:click={
                    let head = head.clone();
                    move |_| { confirm.set(Some(head.clone())); confirm_open.set(true); }
                }>{t!(i18n, plans.delete)}</button>
            </div>
        </li>
    }
}
