//! A modal dialog on the native `<dialog>` element: the browser keeps focus inside
//! it, closes it with Escape and returns focus to where it was.

use crate::ui::i18n::{t_string, use_i18n};
use leptos::html;
use leptos::prelude::*;

#[component]
pub fn Modal(
    /// Open while true; closing the dialog (Escape, close button) sets it false.
    open: RwSignal<bool>,
    #[prop(into)] title: Signal<String>,
    #[prop(optional, into)] class: String,
    children: Children,
) -> impl IntoView {
    let i18n = use_i18n();
    let node = NodeRef::<html::Dialog>::new();
    let title_id = super::unique_id("dialog-title");
    let labelled_by = title_id.clone();
    Effect::new(move |_| {
        let want = open.get();
        if let Some(d) = node.get() {
            if want && !d.open() {
                let _ = d.show_modal();
            } else if !want && d.open() {
                d.close();
            }
        }
    });
    view! {
        <dialog node_ref=node class=format!("modal {class}") aria-labelledby=labelled_by on:close=move |_| open.set(false)>
            <div class="modal-head">
                <h2 id=title_id>{move || title.get()}</h2>
                <button type="button" class="icon-button" aria-label=move || t_string!(i18n, app.close) on:click=move |_| open.set(false)>
                    <span aria-hidden="true">"×"</span>
                </button>
            </div>
            <div class="modal-body">{children()}</div>
        </dialog>
    }
}
