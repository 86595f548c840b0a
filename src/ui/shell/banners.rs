//! Banners that stay until their situation is resolved, and the toast region
//! (announced to screen readers).

use crate::persistence::Finding;
use crate::ui::format;
use crate::ui::i18n::{t, t_string, td_string, use_i18n};
use crate::ui::routing::{go, Section};
use crate::ui::state::{use_app, Banner, ToastAction};
use leptos::prelude::*;

#[component]
pub fn Banners(plans_open: RwSignal<bool>) -> impl IntoView {
    let state = use_app();
    view! {
        <div class="banners">
            <For each=move || state.banners.get() key=|b| format!("{b:?}") let:banner>
                <BannerView banner plans_open/>
            </For>
        </div>
    }
}

#[component]
fn BannerView(banner: Banner, plans_open: RwSignal<bool>) -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let dismiss = {
        let b = banner.clone();
        move |_| state.dismiss_banner(&b)
    };
    let dismiss_button = move || {
        view! { <button type="button" class="button button-quiet" on:click=dismiss.clone()>{t!(i18n, notices.dismiss)}</button> }
    };
    let (tone, body) = match banner.clone() {
        Banner::StorageFull => (
            "danger",
            view! {
                <strong>{t!(i18n, notices.storage_full_title)}</strong>
                <p>{t!(i18n, notices.storage_full_body)}</p>
                <div class="banner-actions">
                    <button type="button" class="button button-primary" on:click=move |_| state.export_current()>{t!(i18n, notices.export_now)}</button>
                    <button type="button" class="button" on:click=move |_| plans_open.set(true)>{t!(i18n, notices.manage_plans)}</button>
                </div>
            }
            .into_any(),
        ),
        Banner::SaveNotVerified => ("warning", view! { <p>{t!(i18n, notices.not_verified)}</p> {dismiss_button()} }.into_any()),
        Banner::StorageUnavailable(why) => (
            "danger",
            view! {
                <p>{move || td_string!(i18n.get_locale(), notices.storage_unavailable, why = why.clone()).to_string()}</p>
                <div class="banner-actions">
                    <button type="button" class="button button-primary" on:click=move |_| state.export_current()>{t!(i18n, notices.export_now)}</button>
                </div>
            }
            .into_any(),
        ),
        Banner::Conflict { theirs } => {
            let name = theirs.name.clone();
            let at = theirs.saved_at;
            (
                "danger",
                view! {
                    <strong>{t!(i18n, notices.conflict_title)}</strong>
                    <p>{move || td_string!(i18n.get_locale(), notices.conflict_body, name = name.clone(), time = format::date_time(at, i18n.get_locale())).to_string()}</p>
                    <div class="banner-actions">
                        <button type="button" class="button" on:click=move |_| state.take_theirs()>{t!(i18n, notices.load_theirs)}</button>
                        <button type="button" class="button button-primary" on:click=move |_| state.keep_mine_as_copy()>{t!(i18n, notices.keep_mine)}</button>
                    </div>
                }
                .into_any(),
            )
        }
        Banner::DeletedElsewhere { .. } => (
            "danger",
            view! {
                <p>{t!(i18n, notices.deleted_elsewhere)}</p>
                <div class="banner-actions">
                    <button type="button" class="button button-primary" on:click=move |_| state.restore_deleted_here()>{t!(i18n, notices.restore_here)}</button>
                    <button type="button" class="button" on:click=move |_| state.close_deleted_here()>{t!(i18n, notices.close_it)}</button>
                </div>
            }
            .into_any(),
        ),
        Banner::Recovered(findings) => {
            let left = findings.iter().any(|f| matches!(f, Finding::LeftInPlace { .. }));
            let backups: Vec<String> = findings
                .iter()
                .filter_map(|f| match f {
                    Finding::Quarantined { backup, .. } => Some(backup.clone()),
                    _ => None,
                })
                .collect();
            (
                "warning",
                view! {
                    <strong>{t!(i18n, notices.recovered_title)}</strong>
                    <p>{t!(i18n, notices.recovered_body)} " " {left.then(|| view! { {t!(i18n, notices.left_in_place)} })}</p>
                    <div class="banner-actions">
                        {backups.into_iter().map(|key| view! {
                            <button type="button" class="button button-primary" on:click=move |_| state.download_backup(&key)>{t!(i18n, notices.download_data)}</button>
                        }).collect_view()}
                        <Show when=move || state.plan.with(Option::is_some)>
                            <button type="button" class="button" on:click=move |_| go(Section::Transfer)>{t!(i18n, notices.see_backups)}</button>
                        </Show>
                        {dismiss_button()}
                    </div>
                }
                .into_any(),
            )
        }
        Banner::Repaired { count } => (
            "warning",
            view! {
                <p>{move || td_string!(i18n.get_locale(), notices.repaired, count = count).to_string()}</p>
                <div class="banner-actions">
                    <button type="button" class="button" on:click=move |_| go(Section::Transfer)>{t!(i18n, notices.see_backups)}</button>
                    {dismiss_button()}
                </div>
            }
            .into_any(),
        ),
        Banner::LoadFailed { name, backup } => (
            "danger",
            view! {
                <p>{move || td_string!(i18n.get_locale(), notices.load_failed, name = name.clone()).to_string()}</p>
                <div class="banner-actions">
                    {backup.map(|key| view! {
                        <button type="button" class="button button-primary" on:click=move |_| state.download_backup(&key)>{t!(i18n, notices.download_data)}</button>
                    })}
                    {dismiss_button()}
                </div>
            }
            .into_any(),
        ),
    };
    let role = if tone == "danger" { "alert" } else { "status" };
    view! { <section class=format!("banner banner-{tone}") role=role>{body}</section> }
}

#[component]
pub fn ToastRegion() -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    view! {
        <div class="toast-region" aria-live="polite">
            {move || state.toast.get().map(|toast| {
                let action = toast.action.clone();
                view! {
                    <div class="toast" role="status">
                        <span>{toast.text.clone()}</span>
                        {action.map(|a| view! {
                            <button type="button" class="button button-small" on:click=move |_| {
                                state.toast.set(None);
                                match &a {
                                    ToastAction::UndoDelete(id) => state.undelete(id),
                                    ToastAction::UndoEdit => state.undo(),
                                }
                            }>{move || t_string!(i18n, plans.undo)}</button>
                        })}
                    </div>
                }
            })}
        </div>
    }
}
