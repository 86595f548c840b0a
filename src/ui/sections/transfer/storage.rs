//! What this browser holds for the app, and the backups of unreadable data.

use crate::persistence::keys::parse_head;
use crate::ui::format;
use crate::ui::i18n::{t, td_string, use_i18n};
use crate::ui::state::use_app;
use leptos::prelude::*;

#[component]
pub fn StorageInfo() -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let usage = move || {
        state.plans.track();
        state.backups.track();
        state.save_status.track();
        state.storage_usage()
    };
    view! {
        <article class="card" data-testid="storage-card">
            <h2>{t!(i18n, transfer.storage_title)}</h2>
            <p>{move || usage().map(|u| td_string!(i18n.get_locale(), transfer.storage_used, size = format::storage_size(u.total, i18n.get_locale())).to_string())}</p>
            <h3>{t!(i18n, transfer.backups_title)}</h3>
            <Show when=move || !state.backups.with(|b| b.is_empty()) fallback=move || view! { <p class="muted">{t!(i18n, transfer.backups_none)}</p> }>
                <ul class="backup-list" data-testid="backup-list">
                    <For each=move || state.backups.get() key=|b| b.key.clone() let:backup>
                        {
                            let (k1, k2) = (backup.key.clone(), backup.key.clone());
                            let what = if parse_head(&backup.original).is_some() || backup.original.contains(":plan:") {
                                backup.original.split(':').nth(2).unwrap_or("").to_string()
                            } else {
                                backup.original.clone()
                            };
                            let made = backup.made_at;
                            let size = backup.size;
                            view! {
                                <li>
                                    <span>{move || {
                                        let l = i18n.get_locale();
                                        td_string!(l, transfer.backup_of, what = what.clone(),
                                            when = made.map(|m| format::date_time(m, l)).unwrap_or_default(),
                                            size = format::storage_size(size, l)).to_string()
                                    }}</span>
                                    <button type="button" class="button button-small" on:click=move |_| state.download_backup(&k1)>{t!(i18n, transfer.download)}</button>
                                    <button type="button" class="button button-small button-danger-quiet" on:click=move |_| state.delete_backup(&k2)>{t!(i18n, transfer.delete_backup)}</button>
                                </li>
                            }
                        }
                    </For>
                </ul>
            </Show>
        </article>
    }
}
