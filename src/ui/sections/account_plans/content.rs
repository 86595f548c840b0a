//! Personalised content made for this account: dedicated pages, materials and
//! newsletters, each with a status and a link (only http(s) links are followed).

use crate::account_plans::markdown::is_web_link;
use crate::domain::{AccountId, ContentAsset, ContentId, ContentKind, ContentStatus, IdGenerator};
use crate::editing::{Change, EditKind};
use crate::ui::i18n::{t, t_string, td_string, use_i18n};
use crate::ui::labels;
use crate::ui::state::{use_app, ToastAction};
use crate::ui::widgets::{choice_value, picked};
use crate::ui::widgets::{unique_id, DialogFooter, Modal};
use leptos::prelude::*;

#[component]
pub fn ContentPanel(id: AccountId) -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let open = RwSignal::new(false);
    let editing: RwSignal<Option<ContentAsset>> = RwSignal::new(None);
    let items = {
        let id = id.clone();
        Memo::new(move |_| {
            state
                .plan
                .with(|p| p.as_ref().map(|p| p.content.iter().filter(|c| c.account.as_ref() == Some(&id)).cloned().collect::<Vec<_>>()).unwrap_or_default())
        })
    };
    view! {
        <section class="panel" aria-labelledby="plan-content">
            <div class="panel-head">
                <h3 id="plan-content">{t!(i18n, ap.content)}</h3>
                <button type="button" class="button button-small no-print" on:click=move |_| { editing.set(None); open.set(true); }>{t!(i18n, ap.add_content)}</button>
            </div>
            <p class="muted no-print">{t!(i18n, ap.content_hint)}</p>
            <Show when=move || items.with(|i| !i.is_empty()) fallback=move || view! { <p class="muted">{t!(i18n, ap.no_content)}</p> }>
                <div class="table-wrap">
                <table class="data-table" data-testid="plan-content">
                    <thead><tr>
                        <th scope="col">{t!(i18n, ap.content_title)}</th>
                        <th scope="col">{t!(i18n, ap.kind)}</th>
                        <th scope="col">{t!(i18n, ap.status)}</th>
                        <th scope="col">{t!(i18n, ap.link)}</th>
                        <th scope="col" class="no-print"><span class="visually-hidden">{t!(i18n, accounts.actions)}</span></th>
                    </tr></thead>
                    <tbody>
                        {move || {
                            let l = i18n.get_locale();
                            items.get().into_iter().map(|c| {
                                let (edit, remove, name) = (c.clone(), c.id.clone(), c.title.clone());
                                let link = if is_web_link(&c.url) {
                                    let url = c.url.trim().to_string();
                                    let text = url.clone();
                                    view! { <a href=url target="_blank" rel="noopener noreferrer">{text}</a> }.into_any()
                                } else if c.url.trim().is_empty() {
                                    view! { <span>"—"</span> }.into_any()
                                } else {
                                    view! { <span>{c.url.clone()}</span> }.into_any()
                                };
                                view! {
                                    <tr>
                                        <th scope="row">{c.title.clone()}</th>
                                        <td>{labels::content_kind(l, c.kind)}</td>
                                        <td>{c.status.map(|s| labels::content_status(l, s)).unwrap_or_else(|| "—".into())}</td>
                                        <td class="link-cell">{link}</td>
                                        <td class="row-actions no-print">
                                            <button type="button" class="button button-small" on:click=move |_| { editing.set(Some(edit.clone())); open.set(true); }>{td_string!(l, ap.edit).to_string()}</button>
                                            <button type="button" class="button button-small button-danger-quiet" on:click=move |_| {
                                                state.dispatch(Change::RemoveContent(remove.clone()), EditKind::RemoveContent);
                                                state.show_toast(td_string!(state.locale(), goals.deleted, name = name.clone()).to_string(), Some(ToastAction::UndoEdit));
                                            }>{td_string!(l, ap.delete).to_string()}</button>
                                        </td>
                                    </tr>
                                }
                            }).collect_view()
                        }}
                    </tbody>
                </table>
                </div>
            </Show>
            <ContentEditor account=id.clone() open editing/>
        </section>
    }
}

#[component]
fn ContentEditor(account: AccountId, open: RwSignal<bool>, editing: RwSignal<Option<ContentAsset>>) -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let title = RwSignal::new(String::new());
    let kind = RwSignal::new(ContentKind::LandingPage);
    let status: RwSignal<Option<ContentStatus>> = RwSignal::new(Some(ContentStatus::Planned));
    let url = RwSignal::new(String::new());
    let error: RwSignal<Option<String>> = RwSignal::new(None);
    Effect::new(move |_| {
        if !open.get() {
            return;
        }
        let c = editing.get_untracked();
        title.set(c.as_ref().map(|c| c.title.clone()).unwrap_or_default());
        kind.set(c.as_ref().map_or(ContentKind::LandingPage, |c| c.kind));
        status.set(c.as_ref().map_or(Some(ContentStatus::Planned), |c| c.status));
        url.set(c.as_ref().map(|c| c.url.clone()).unwrap_or_default());
        error.set(None);
    });
    let save = move || {
        let l = state.locale();
        let t = title.get_untracked().trim().to_string();
        if t.is_empty() {
            error.set(Some(td_string!(l, ap.title_required).to_string()));
            return;
        }
        let u = url.get_untracked().trim().to_string();
        if !u.is_empty() && !is_web_link(&u) {
            error.set(Some(td_string!(l, ap.link_invalid).to_string()));
            return;
        }
        let existing = editing.get_untracked();
        let edit = if existing.is_some() { EditKind::EditContent } else { EditKind::AddContent };
        let asset = match existing {
            Some(c) => ContentAsset { title: t, kind: kind.get_untracked(), status: status.get_untracked(), url: u, ..c },
            None => ContentAsset {
                id: ContentId::generate(&mut IdGenerator::random()),
                title: t,
                kind: kind.get_untracked(),
                url: u,
                account: Some(account.clone()),
                status: status.get_untracked(),
                created: Some(crate::browser::clock::today()),
                notes: String::new(),
                updated_at: None,
            },
        };
        state.dispatch(Change::PutContent(Box::new(asset)), edit);
        open.set(false);
    };
    let ids: Vec<String> = (0..4).map(|_| unique_id("content")).collect();
    let dialog_title = Signal::derive(move || {
        if editing.with(Option::is_some) { t_string!(i18n, ap.content_editor_edit) } else { t_string!(i18n, ap.content_editor_add) }.to_string()
    });
    view! {
        <Modal open title=dialog_title class="form-dialog">
            <form class="form" novalidate on:submit=move |ev| { ev.prevent_default(); save(); }>
                <div class="field">
                    <label for=ids[0].clone()>{t!(i18n, ap.content_title)}</label>
                    <input id=ids[0].clone() type="text" prop:value=move || title.get() on:input=move |ev| title.set(event_target_value(&ev))/>
                </div>
                <div class="field-row">
                    <div class="field">
                        <label for=ids[1].clone()>{t!(i18n, ap.kind)}</label>
                        <select id=ids[1].clone() on:change=move |ev| {
                            let v = event_target_value(&ev);
                            if let Some(k) = picked(&labels::CONTENT_KINDS, &v) { kind.set(k); }
                        }>
                            {labels::CONTENT_KINDS.into_iter().map(|k| view! {
                                <option value=choice_value(&labels::CONTENT_KINDS, &k) selected=move || kind.get() == k>{move || labels::content_kind(i18n.get_locale(), k)}</option>
                            }).collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label for=ids[2].clone()>{t!(i18n, ap.status)}</label>
                        <select id=ids[2].clone() on:change=move |ev| {
                            let v = event_target_value(&ev);
                            status.set(picked(&labels::CONTENT_STATUSES, &v));
                        }>
                            <option value="" selected=move || status.get().is_none()>{t!(i18n, ap.no_status)}</option>
                            {labels::CONTENT_STATUSES.into_iter().map(|s| view! {
                                <option value=choice_value(&labels::CONTENT_STATUSES, &s) selected=move || status.get() == Some(s)>{move || labels::content_status(i18n.get_locale(), s)}</option>
                            }).collect_view()}
                        </select>
                    </div>
                </div>
                <div class="field">
                    <label for=ids[3].clone()>{t!(i18n, ap.link)}</label>
                    <input id=ids[3].clone() type="url" placeholder="https://" prop:value=move || url.get() on:input=move |ev| url.set(event_target_value(&ev))/>
                </div>
                <DialogFooter open error submit=Signal::derive(move || t_string!(i18n, ap.save).to_string())/>
            </form>
        </Modal>
    }
}
