//! The shared log: notes per account with author and time, newest first.

use crate::browser::clock;
use crate::domain::sorting;
use crate::domain::{AccountId, AccountNote, IdGenerator, MemberId, NoteId};
use crate::editing::{Change, EditKind};
use crate::ui::format;
use crate::ui::i18n::{t, t_string, td_string, use_i18n};
use crate::ui::state::use_app;
use crate::ui::widgets::unique_id;
use leptos::prelude::*;

#[component]
pub fn NotesPanel(id: AccountId) -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let text = RwSignal::new(String::new());
    let author = RwSignal::new(String::new());
    let notes = {
        let id = id.clone();
        Memo::new(move |_| {
            let l = i18n.get_locale();
            state.plan.with(|p| {
                let Some(p) = p else { return Vec::new() };
                let mut list: Vec<&AccountNote> = p.notes.iter().filter(|n| n.account == id).collect();
                sorting::sort_by_key(&mut list, |n| std::cmp::Reverse(n.at));
                list.into_iter()
                    .map(|n| {
                        let who = n.author.as_ref().and_then(|a| p.member(a)).map(|m| m.name.clone()).unwrap_or_else(|| td_string!(l, ap.someone).to_string());
                        (n.id.clone(), td_string!(l, ap.note_by, who = who, when = format::date_time(n.at, l)).to_string(), n.text.clone())
                    })
                    .collect::<Vec<_>>()
            })
        })
    };
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let body = text.get_untracked();
        if body.trim().is_empty() {
            return;
        }
        let a = author.get_untracked();
        let note = AccountNote {
            id: NoteId::generate(&mut IdGenerator::random()),
            account: id.clone(),
            author: (!a.is_empty()).then_some(MemberId(a)),
            at: clock::now(),
            text: body.trim().to_string(),
        };
        state.dispatch(Change::AddNote(note), EditKind::AddNote);
        text.set(String::new());
    };
    let (text_id, author_id) = (unique_id("note-text"), unique_id("note-author"));
    view! {
        <section class="panel" aria-labelledby="plan-notes">
            <h3 id="plan-notes">{t!(i18n, ap.log)}</h3>
            <p class="muted no-print">{t!(i18n, ap.log_hint)}</p>
            <form class="form no-print" on:submit=add>
                <div class="field">
                    <label for=text_id.clone() class="visually-hidden">{t!(i18n, ap.log)}</label>
                    <textarea id=text_id rows="2" placeholder=move || t_string!(i18n, ap.log_placeholder)
                        bind:value=text></textarea>
                </div>
                <div class="inline-form">
                    <div class="field">
                        <label for=author_id.clone()>{t!(i18n, ap.author)}</label>
                        <select id=author_id on:change=move |ev| author.set(event_target_value(&ev))>
                            <option value="">{t!(i18n, ap.unassigned)}</option>
                            {move || super::members(state).into_iter().map(|(id, name)| view! { <option value=id>{name}</option> }).collect_view()}
                        </select>
                    </div>
                    <button type="submit" class="button" disabled=move || text.with(|t| t.trim().is_empty())>{t!(i18n, ap.add_note)}</button>
                </div>
            </form>
            <Show when=move || notes.with(|n| !n.is_empty()) fallback=move || view! { <p class="muted">{t!(i18n, ap.no_notes)}</p> }>
                <ol class="notes-log" data-testid="notes-log">
                    <For each=move || notes.get() key=|(id, line, _)| (id.clone(), line.clone()) let:item>
                        <li><p class="muted">{item.1.clone()}</p><p class="note-text">{item.2.clone()}</p></li>
                    </For>
                </ol>
            </Show>
        </section>
    }
}
