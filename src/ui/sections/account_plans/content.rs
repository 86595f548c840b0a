//! Personalised content made for this account: dedicated pages, materials and
//! newsletters, each with a status and a link (only http(s) links are followed).

use crate::account_plans::markdown::is_web_link;
use crate::domain::{AccountId, ContentAsset, ContentId, ContentKind, ContentStatus, IdGenerator};
use crate::editing::{Change, EditKind};
use crate::ui::i18n::{t, t_string, td_string, use_i18n};
use crate::ui::labels;
use crate::ui::state::{use_app, ToastAction};
use crate::ui::widgets::{ChoiceField, DialogFooter, Editor, Modal, TextField};
use leptos::prelude::*;

#[component]
pub fn ContentPanel(id: AccountId) -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let editor = Editor::<ContentAsset>::new();
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
                <button type="button" class="button button-small no-print" on:click=move |_| editor.add()>{t!(i18n, ap.add_content)}</button>
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
                                            <button type="button" class="button button-small" on:click=move |_| editor.edit(edit.clone())>{td_string!(l, ap.edit).to_string()}</button>
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
            <ContentEditor account=id.clone() editor/>
        </section>
    }
}

#[component]
fn ContentEditor(account: AccountId, editor: Editor<ContentAsset>) -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let open = editor.open();
    let title = RwSignal::new(String::new());
    let kind = RwSignal::new(Some(ContentKind::LandingPage));
    let status: RwSignal<Option<ContentStatus>> = RwSignal::new(Some(ContentStatus::Planned));
    let url = RwSignal::new(String::new());
    let error: RwSignal<Option<String>> = RwSignal::new(None);
    editor.on_open(move |c| {
        title.set(c.as_ref().map(|c| c.title.clone()).unwrap_or_default());
        kind.set(Some(c.as_ref().map_or(ContentKind::LandingPage, |c| c.kind)));
        status.set(c.as_ref().map_or(Some(ContentStatus::Planned), |c| c.status));
        url.set(c.as_ref().map(|c| c.url.clone()).unwrap_or_default());
        error.set(None);
    });
    let save = move || {
        let l = state.locale();
        let u = url.get_untracked().trim().to_string();
        if !u.is_empty() && !is_web_link(&u) {
            return error.set(Some(td_string!(l, ap.link_invalid).to_string()));
        }
        let (title, kind, status) = (title.get_untracked(), kind.get_untracked().unwrap_or(ContentKind::LandingPage), status.get_untracked());
        let existing = editor.record_untracked();
        let edit = if existing.is_some() { EditKind::EditContent } else { EditKind::AddContent };
        let asset = match existing {
            Some(c) => ContentAsset { title, kind, status, url: u, ..c },
            None => ContentAsset {
                id: ContentId::generate(&mut IdGenerator::random()),
                title,
                kind,
                url: u,
                account: Some(account.clone()),
                status,
                created: Some(crate::browser::clock::today()),
                notes: String::new(),
                updated_at: None,
            },
        };
        editor.commit(state, Change::PutContent(Box::new(asset)), edit, error, &[("title", td_string!(l, ap.content_title))]);
    };
    let dialog_title =
        Signal::derive(move || if editor.is_new() { t_string!(i18n, ap.content_editor_add) } else { t_string!(i18n, ap.content_editor_edit) }.to_string());
    view! {
        <Modal open title=dialog_title class="form-dialog">
            <form class="form" novalidate on:submit=move |ev| { ev.prevent_default(); save(); }>
                <TextField value=title>{t!(i18n, ap.content_title)}</TextField>
                <div class="field-row">
                    <ChoiceField choices=labels::CONTENT_KINDS.to_vec() words=labels::content_kind value=kind>{t!(i18n, ap.kind)}</ChoiceField>
                    <ChoiceField choices=labels::CONTENT_STATUSES.to_vec() words=labels::content_status value=status
                        none=Signal::derive(move || t_string!(i18n, ap.no_status).to_string())>{t!(i18n, ap.status)}</ChoiceField>
                </div>
                <TextField value=url kind="url" placeholder="https://">{t!(i18n, ap.link)}</TextField>
                <DialogFooter open error submit=Signal::derive(move || t_string!(i18n, ap.save).to_string())/>
            </form>
        </Modal>
    }
}
