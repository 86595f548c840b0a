//! Personas of the ideal buyer, attached to the ICP.

use super::{profile, update_icp, use_state};
use crate::domain::{IdGenerator, Persona, PersonaId};
use crate::editing::EditKind;
use crate::ui::i18n::{t, t_string, use_i18n};
use crate::ui::widgets::{joined, unique_id, Modal};
use leptos::prelude::*;

#[component]
pub fn Personas() -> impl IntoView {
    let state = use_state();
    let i18n = use_i18n();
    let open = RwSignal::new(false);
    let editing: RwSignal<Option<Persona>> = RwSignal::new(None);
    let personas = move || profile(state).personas;
    view! {
        <section class="card personas" aria-labelledby="personas-title">
            <div class="section-head">
                <h2 id="personas-title">{t!(i18n, icp.personas_title)}</h2>
                <button type="button" class="button" on:click=move |_| { editing.set(None); open.set(true); }>{t!(i18n, icp.add_persona)}</button>
            </div>
            <Show when=move || !personas().is_empty() fallback=move || view! { <p class="muted">{t!(i18n, icp.no_personas)}</p> }>
                <ul class="persona-list">
                    <For each=personas key=|p| format!("{p:?}") let:persona>
                        {
                            let (edit, remove) = (persona.clone(), persona.id.clone());
                            view! {
                                <li class="persona">
                                    <h3>{persona.name.clone()}</h3>
                                    <p class="muted">{joined([persona.role.clone(), persona.department.clone(), persona.seniority.clone()], " · ")}</p>
                                    <ul class="pains">{persona.pains.iter().map(|p| view! { <li>{p.clone()}</li> }).collect_view()}</ul>
                                    <div class="row-actions">
                                        <button type="button" class="button button-small" on:click=move |_| { editing.set(Some(edit.clone())); open.set(true); }>{t!(i18n, icp.edit)}</button>
                                        <button type="button" class="button button-small button-danger-quiet" on:click=move |_| {
                                            let id = remove.clone();
                                            update_icp(state, EditKind::EditPersonas, move |icp| icp.personas.retain(|p| p.id != id));
                                        }>{t!(i18n, icp.delete)}</button>
                                    </div>
                                </li>
                            }
                        }
                    </For>
                </ul>
            </Show>
            <PersonaEditor open editing/>
        </section>
    }
}

#[component]
fn PersonaEditor(open: RwSignal<bool>, editing: RwSignal<Option<Persona>>) -> impl IntoView {
    let state = use_state();
    let i18n = use_i18n();
    let fields: [RwSignal<String>; 5] = std::array::from_fn(|_| RwSignal::new(String::new()));
    let error = RwSignal::new(false);
    Effect::new(move |_| {
        if !open.get() {
            return;
        }
        let p = editing.get_untracked();
        let get = |f: fn(&Persona) -> String| p.as_ref().map(f).unwrap_or_default();
        fields[0].set(get(|p| p.name.clone()));
        fields[1].set(get(|p| p.role.clone()));
        fields[2].set(get(|p| p.department.clone()));
        fields[3].set(get(|p| p.seniority.clone()));
        fields[4].set(get(|p| p.pains.join("\n")));
        error.set(false);
    });
    let save = move || {
        let name = fields[0].get_untracked();
        if name.trim().is_empty() {
            error.set(true);
            return;
        }
        let existing = editing.get_untracked();
        let persona = Persona {
            id: existing.as_ref().map(|p| p.id.clone()).unwrap_or_else(|| PersonaId::generate(&mut IdGenerator::random())),
            name: name.trim().to_string(),
            role: fields[1].get_untracked().trim().to_string(),
            department: fields[2].get_untracked().trim().to_string(),
            seniority: fields[3].get_untracked().trim().to_string(),
            pains: fields[4].get_untracked().lines().map(str::trim).filter(|l| !l.is_empty()).map(String::from).collect(),
            notes: existing.as_ref().map(|p| p.notes.clone()).unwrap_or_default(),
        };
        update_icp(state, EditKind::EditPersonas, move |icp| match icp.personas.iter_mut().find(|p| p.id == persona.id) {
            Some(slot) => *slot = persona,
            None => icp.personas.push(persona),
        });
        open.set(false);
    };
    let ids: Vec<String> = (0..5).map(|_| unique_id("persona")).collect();
    let title = Signal::derive(move || {
        if editing.with(Option::is_some) { t_string!(i18n, icp.persona_edit_title) } else { t_string!(i18n, icp.persona_add_title) }.to_string()
    });
    let labels = [
        Signal::derive(move || t_string!(i18n, icp.persona_name).to_string()),
        Signal::derive(move || t_string!(i18n, icp.persona_role).to_string()),
        Signal::derive(move || t_string!(i18n, icp.persona_department).to_string()),
        Signal::derive(move || t_string!(i18n, icp.persona_seniority).to_string()),
    ];
    view! {
        <Modal open title class="form-dialog">
            <form class="form" novalidate on:submit=move |ev| { ev.prevent_default(); save(); }>
                {(0..4).map(|k| {
                    let id = ids[k].clone();
                    let f = fields[k];
                    view! {
                        <div class="field">
                            <label for=id.clone()>{move || labels[k].get()}</label>
                            <input id=id type="text" prop:value=move || f.get() on:input=move |ev| f.set(event_target_value(&ev)) />
                        </div>
                    }
                }).collect_view()}
                <div class="field">
                    <label for=ids[4].clone()>{t!(i18n, icp.persona_pains)}</label>
                    <textarea id=ids[4].clone() rows="4" prop:value=move || fields[4].get() on:input=move |ev| fields[4].set(event_target_value(&ev))></textarea>
                </div>
                <Show when=move || error.get()>
                    <p class="form-error" role="alert">{t!(i18n, icp.persona_name_required)}</p>
                </Show>
                <div class="dialog-actions">
                    <button type="button" class="button" on:click=move |_| open.set(false)>{t!(i18n, icp.cancel)}</button>
                    <button type="submit" class="button button-primary">{t!(i18n, icp.save)}</button>
                </div>
            </form>
        </Modal>
    }
}
