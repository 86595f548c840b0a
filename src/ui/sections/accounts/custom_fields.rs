//! The plan's custom account fields ("ERP vendor", "Contract renewal"): add,
//! rename, change kind and choices, remove. Saved as one undo step.

use crate::domain::{CustomFieldDef, FieldId, FieldKind, IdGenerator};
use crate::editing::{Change, EditKind};
use crate::ui::i18n::{t, t_string, td_string, use_i18n, Locale};
use crate::ui::state::use_app;
use crate::ui::widgets::{DialogFooter, Modal};
use leptos::prelude::*;

const KINDS: [FieldKind; 5] = [FieldKind::Text, FieldKind::Number, FieldKind::Date, FieldKind::Choice, FieldKind::Flag];

fn kind_key(k: FieldKind) -> &'static str {
    match k {
        FieldKind::Text => "text",
        FieldKind::Number => "number",
        FieldKind::Date => "date",
        FieldKind::Choice => "choice",
        FieldKind::Flag => "flag",
    }
}

fn kind_label(l: Locale, k: FieldKind) -> String {
    match k {
        FieldKind::Text => td_string!(l, accounts.kind_text),
        FieldKind::Number => td_string!(l, accounts.kind_number),
        FieldKind::Date => td_string!(l, accounts.kind_date),
        FieldKind::Choice => td_string!(l, accounts.kind_choice),
        FieldKind::Flag => td_string!(l, accounts.kind_flag),
    }
    .to_string()
}

/// A field being edited: the choices as one comma-separated text.
#[derive(Clone)]
struct Draft {
    id: FieldId,
    name: RwSignal<String>,
    kind: RwSignal<FieldKind>,
    options: RwSignal<String>,
}

#[component]
pub fn CustomFields(open: RwSignal<bool>) -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let drafts = RwSignal::new(Vec::<Draft>::new());
    let error = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        if !open.get() {
            return;
        }
        let defs = state.plan.with_untracked(|p| p.as_ref().map(|p| p.custom_fields.iter().cloned().collect::<Vec<_>>()).unwrap_or_default());
        drafts.set(
            defs.into_iter()
                .map(|d| Draft { id: d.id, name: RwSignal::new(d.name), kind: RwSignal::new(d.kind), options: RwSignal::new(d.options.join(", ")) })
                .collect(),
        );
        error.set(None);
    });
    let add = move |_| {
        drafts.update(|d| {
            d.push(Draft {
                id: FieldId::generate(&mut IdGenerator::random()),
                name: RwSignal::new(String::new()),
                kind: RwSignal::new(FieldKind::Text),
                options: RwSignal::new(String::new()),
            })
        })
    };
    let save = move || {
        let l = state.locale();
        let mut defs = Vec::new();
        for d in drafts.get_untracked() {
            let name = d.name.get_untracked().trim().to_string();
            if name.is_empty() {
                error.set(Some(td_string!(l, accounts.field_name_required).to_string()));
                return;
            }
            if defs.iter().any(|x: &CustomFieldDef| x.name == name) {
                error.set(Some(td_string!(l, accounts.field_name_taken, name = name).to_string()));
                return;
            }
            let kind = d.kind.get_untracked();
            let options: Vec<String> = if kind == FieldKind::Choice {
                d.options.get_untracked().split([',', '、']).map(str::trim).filter(|s| !s.is_empty()).map(String::from).collect()
            } else {
                Vec::new()
            };
            defs.push(CustomFieldDef { id: d.id, name, kind, options });
        }
        state.dispatch(Change::SetCustomFields(defs), EditKind::EditCustomFields);
        open.set(false);
    };
    let title = Signal::derive(move || t_string!(i18n, accounts.custom_fields).to_string());
    view! {
        <Modal open title class="form-dialog form-dialog-wide">
            <form class="form" novalidate on:submit=move |ev| { ev.prevent_default(); save(); }>
                <p class="muted">{t!(i18n, accounts.custom_fields_hint)}</p>
                <Show when=move || drafts.with(|d| !d.is_empty()) fallback=move || view! { <p class="empty-state">{t!(i18n, accounts.no_custom_fields)}</p> }>
                    <ul class="field-defs">
                        {move || drafts.get().into_iter().map(|d| {
                            let Draft { id, name, kind, options } = d;
                            let label = move |key: fn(Locale) -> String| move || key(i18n.get_locale());
                            view! {
                                <li class="field-def">
                                    <input type="text" bind:value=name
                                        aria-label=label(|l| td_string!(l, accounts.field_name).to_string())
                                        placeholder=label(|l| td_string!(l, accounts.field_name).to_string())/>
                                    <select prop:value=move || kind_key(kind.get()) aria-label=label(|l| td_string!(l, accounts.field_kind).to_string())
                                        on:change=move |ev| { let v = event_target_value(&ev); if let Some(k) = KINDS.into_iter().find(|k| kind_key(*k) == v) { kind.set(k) } }>
                                        {KINDS.into_iter().map(|k| view! { <option value=kind_key(k)>{move || kind_label(i18n.get_locale(), k)}</option> }).collect_view()}
                                    </select>
                                    <Show when=move || kind.get() == FieldKind::Choice>
                                        <input type="text" bind:value=options
                                            aria-label=label(|l| td_string!(l, accounts.field_options).to_string())
                                            placeholder=label(|l| td_string!(l, accounts.field_options).to_string())/>
                                    </Show>
                                    <button type="button" class="button button-small button-danger-quiet"
                                        aria-label=move || td_string!(i18n.get_locale(), accounts.remove_field, name = name.get()).to_string()
                                        on:click={
                                            let id = id.clone();
                                            move |_| drafts.update(|d| d.retain(|x| x.id != id))
                                        }>{t!(i18n, accounts.remove)}</button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </Show>
                <button type="button" class="button" on:click=add>{t!(i18n, accounts.add_field)}</button>
                <DialogFooter open error submit=Signal::derive(move || t_string!(i18n, accounts.save).to_string())/>
            </form>
        </Modal>
    }
}
