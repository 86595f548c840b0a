//! Personas of the ideal buyer, attached to the ICP.

use super::{profile, try_update_icp, update_icp, use_state};
use crate::domain::{IdGenerator, Persona, PersonaId};
use crate::editing::EditKind;
use crate::ui::i18n::{t, t_string, td_string, use_i18n};
use crate::ui::widgets::{joined, DialogFooter, Editor, Modal, TextField};
use leptos::prelude::*;

#[component]
pub fn Personas() -> impl IntoView {
    let state = use_state();
    let i18n = use_i18n();
    let editor = Editor::<Persona>::new();
    let personas = move || profile(state).personas;
    view! {
        <section class="card personas" aria-labelledby="personas-title">
            <div class="section-head">
                <h2 id="personas-title">{t!(i18n, icp.personas_title)}</h2>
                <button type="button" class="button" on:click=move |_| editor.add()>{t!(i18n, icp.add_persona)}</button>
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
                                        <button type="button" class="button button-small" on:click=move |_| editor.edit(edit.clone())>{t!(i18n, icp.edit)}</button>
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
            <PersonaEditor editor/>
        </section>
    }
}

#[component]
fn PersonaEditor(editor: Editor<Persona>) -> impl IntoView {
    let state = use_state();
    let i18n = use_i18n();
    let open = editor.open();
    let [name, role, department, seniority, pains] = std::array::from_fn(|_| RwSignal::new(String::new()));
    let error = RwSignal::new(None::<String>);
    editor.on_open(move |p| {
        let get = |f: fn(&Persona) -> String| p.as_ref().map(f).unwrap_or_default();
        name.set(get(|p| p.name.clone()));
        role.set(get(|p| p.role.clone()));
        department.set(get(|p| p.department.clone()));
        seniority.set(get(|p| p.seniority.clone()));
        pains.set(get(|p| p.pains.join("\n")));
        error.set(None);
    });
    let save = move || {
        let l = state.locale();
        let existing = editor.record_untracked();
        let persona = Persona {
            id: existing.as_ref().map(|p| p.id.clone()).unwrap_or_else(|| PersonaId::generate(&mut IdGenerator::random())),
            name: name.get_untracked(),
            role: role.get_untracked(),
            department: department.get_untracked(),
            seniority: seniority.get_untracked(),
            pains: pains.get_untracked().lines().map(String::from).collect(),
            notes: existing.as_ref().map(|p| p.notes.clone()).unwrap_or_default(),
        };
        // The persona's rules (a name) are the plan's, said by the form's label.
        let saved = try_update_icp(state, EditKind::EditPersonas, move |icp| match icp.personas.iter_mut().find(|p| p.id == persona.id) {
            Some(slot) => *slot = persona,
            None => icp.personas.push(persona),
        });
        editor.finish(l, saved, error, &[("name", td_string!(l, icp.persona_name))]);
    };
    let title =
        Signal::derive(move || if editor.is_new() { t_string!(i18n, icp.persona_add_title) } else { t_string!(i18n, icp.persona_edit_title) }.to_string());
    view! {
        <Modal open title class="form-dialog">
            <form class="form" novalidate on:submit=move |ev| { ev.prevent_default(); save(); }>
                <TextField value=name>{t!(i18n, icp.persona_name)}</TextField>
                <TextField value=role>{t!(i18n, icp.persona_role)}</TextField>
                <TextField value=department>{t!(i18n, icp.persona_department)}</TextField>
                <TextField value=seniority>{t!(i18n, icp.persona_seniority)}</TextField>
                <TextField value=pains rows=4>{t!(i18n, icp.persona_pains)}</TextField>
                <DialogFooter open error submit=Signal::derive(move || t_string!(i18n, icp.save).to_string())/>
            </form>
        </Modal>
    }
}
