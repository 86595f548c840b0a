//! NPS responses: the list with the plan's overall NPS, and the editor. Few per
//! plan (a survey a year per customer), so listed in full.

use crate::browser::clock;
use crate::domain::sorting;
use crate::domain::{AccountId, Date, IdGenerator, NpsId, NpsResponse};
use crate::editing::{Change, EditKind};
use crate::kpi::NpsBreakdown;
use crate::ui::format;
use crate::ui::i18n::{t, t_string, td_string, use_i18n};
use crate::ui::state::{use_app, ToastAction};
use crate::ui::widgets::{account_problem, AccountField, Bound, Editor, EditorFooter, LinkField, Modal, TextField};
use leptos::prelude::*;

fn blank() -> NpsResponse {
    NpsResponse {
        id: NpsId::generate(&mut IdGenerator::random()),
        account: AccountId(String::new()),
        contact: None,
        score: 10,
        at: clock::today(),
        comment: String::new(),
    }
}

#[component]
pub fn NpsList() -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let editor = Editor::<NpsResponse>::new();
    // Newest first, with the account's name.
    let rows = move || {
        state.plan.with(|p| {
            let Some(p) = p else { return Vec::new() };
            let mut v: Vec<(NpsResponse, String, String)> = p
                .nps_responses
                .iter()
                .map(|r| {
                    let account = p.accounts.iter().find(|a| a.id == r.account).map(|a| a.name.clone()).unwrap_or_default();
                    let contact = r.contact.as_ref().and_then(|c| p.contacts.iter().find(|x| &x.id == c)).map(|c| c.name.clone()).unwrap_or_else(|| "—".into());
                    (r.clone(), account, contact)
                })
                .collect();
            sorting::sort_by(&mut v, |a, b| b.0.at.cmp(&a.0.at).then_with(|| a.0.id.cmp(&b.0.id)));
            v
        })
    };
    let summary = move || {
        let l = i18n.get_locale();
        let b = state.plan.with(|p| p.as_ref().map(|p| NpsBreakdown::of(p.nps_responses.iter())).unwrap_or_default());
        b.score().map(|s| {
            td_string!(
                l,
                rec.nps_overall,
                nps = format::number(s, l, 0),
                promoters = format::integer(i64::from(b.promoters), l),
                detractors = format::integer(i64::from(b.detractors), l),
                total = format::integer(i64::from(b.total), l)
            )
            .to_string()
        })
    };
    view! {
        <div class="records-toolbar">
            <p class="records-summary" data-testid="nps-summary">{summary}</p>
            <button type="button" class="button button-primary" on:click=move |_| editor.add()>{t!(i18n, rec.add_nps)}</button>
        </div>
        <Show when=move || !rows().is_empty() fallback=move || view! { <p class="empty-state">{t!(i18n, rec.no_nps)}</p> }>
            <div class="table-wrap" tabindex="0" role="region" aria-label=move || t_string!(i18n, rec.tab_nps)>
                <table class="data-table" data-testid="nps-table">
                    <thead>
                        <tr>
                            <th scope="col">{t!(i18n, rec.date)}</th>
                            <th scope="col">{t!(i18n, rec.account)}</th>
                            <th scope="col">{t!(i18n, rec.contact)}</th>
                            <th scope="col" class="num">{t!(i18n, rec.score)}</th>
                            <th scope="col">{t!(i18n, rec.comment)}</th>
                            <th scope="col"><span class="visually-hidden">{t!(i18n, rec.edit)}</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || {
                            let l = i18n.get_locale();
                            rows().into_iter().map(|(r, account, contact)| {
                                let edit_label = format!("{} {} {}", td_string!(l, rec.edit), account, format::date(r.at, l));
                                view! {
                                    <tr>
                                        <td>{format::date(r.at, l)}</td>
                                        <th scope="row" class="ellipsis">{account}</th>
                                        <td class="ellipsis">{contact}</td>
                                        <td class="num">{r.score.to_string()}</td>
                                        <td class="ellipsis">{r.comment.clone()}</td>
                                        <td class="row-actions">
                                            <button type="button" class="button button-small" aria-label=edit_label
                                                on:click=move |_| editor.edit(r.clone())>{t_string!(i18n, rec.edit)}</button>
                                        </td>
                                    </tr>
                                }
                            }).collect::<Vec<_>>()
                        }}
                    </tbody>
                </table>
            </div>
        </Show>
        <NpsEditor editor/>
    }
}

#[component]
fn NpsEditor(editor: Editor<NpsResponse>) -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let draft: RwSignal<NpsResponse> = RwSignal::new(blank());
    let account: RwSignal<Option<AccountId>> = RwSignal::new(None);
    let account_text = RwSignal::new(String::new());
    let (score, date) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let error: RwSignal<Option<String>> = RwSignal::new(None);
    let open = editor.open();
    editor.on_open(move |record: Option<NpsResponse>| {
        let r = record.unwrap_or_else(blank);
        account_text.set(String::new());
        account.set((!r.account.as_str().is_empty()).then(|| r.account.clone()));
        score.set(r.score.to_string());
        date.set(r.at.to_string());
        draft.set(r);
        error.set(None);
    });
    let save = move || {
        let l = state.locale();
        let fail = |m: String| error.set(Some(m));
        let mut r = draft.get_untracked();
        let Some(acc) = account.get_untracked() else { return fail(account_problem(l, &account_text.get_untracked())) };
        let Some(s) = score.get_untracked().trim().parse::<u8>().ok().filter(|s| *s <= 10) else { return fail(td_string!(l, rec.score_invalid).to_string()) };
        let Some(at) = Date::parse(date.get_untracked().trim()) else { return fail(td_string!(l, rec.date_invalid).to_string()) };
        if r.account != acc {
            r.contact = None;
        }
        r.account = acc;
        r.score = s;
        r.at = at;
        let kind = if editor.record_untracked().is_none() { EditKind::AddNps } else { EditKind::EditNps };
        editor.commit(state, Change::PutNps(r), kind, error, &[("score", td_string!(l, rec.score)), ("at", td_string!(l, rec.date))]);
    };
    let remove = move |()| {
        let r = draft.get_untracked();
        state.dispatch(Change::RemoveNps(r.id.clone()), EditKind::RemoveNps);
        state.show_toast(td_string!(state.locale(), rec.removed_nps).to_string(), Some(ToastAction::UndoEdit));
        open.set(false);
    };
    let contacts = Signal::derive(move || {
        let Some(acc) = account.get() else { return Vec::new() };
        state.plan.with(|p| {
            p.as_ref()
                .map(|p| p.contacts.iter().filter(|c| c.account == acc).map(|c| (c.id.to_string(), c.name.clone())).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    });
    let title = Signal::derive(move || if editor.is_new() { t_string!(i18n, rec.nps_editor_add) } else { t_string!(i18n, rec.nps_editor_edit) }.to_string());
    view! {
        <Modal open title class="form-dialog">
            <form class="form" novalidate on:submit=move |ev| { ev.prevent_default(); save(); }>
                <AccountField value=account text=account_text/>
                <LinkField options=contacts
                    value=Bound::link(draft, |r| &r.contact, |r| &mut r.contact)>
                    {t!(i18n, rec.contact)}
                </LinkField>
                <div class="field-row">
                    <TextField value=score kind="number" inputmode="numeric" min="0" max="10">{t!(i18n, rec.score)}</TextField>
                    <TextField value=date kind="date">{t!(i18n, rec.date)}</TextField>
                </div>
                <TextField value=Bound::field(draft, |r| r.comment.clone(), |r, v| r.comment = v) rows=2>{t!(i18n, rec.comment)}</TextField>
                <EditorFooter open error is_new=Signal::derive(move || editor.is_new()) on_remove=Callback::new(remove)/>
            </form>
        </Modal>
    }
}
