//! A button that opens the system file picker and hands over the picked file's name
//! and the file, to be read a piece at a time. The file input itself is hidden; the
//! button is what people (and keyboards) use. A file over the size limit is
//! refused before it is read: a 2 GB file never reaches memory.

use crate::browser::files::{pick, PickedFile, ReadFailure};
use leptos::html;
use leptos::prelude::*;

#[component]
pub fn FileButton(
    #[prop(into)] label: Signal<String>,
    /// `accept` attribute of the file input.
    #[prop(into)]
    accept: String,
    #[prop(optional, into)] class: String,
    /// Called as soon as a file is picked, with its name.
    #[prop(into)]
    on_pick: Callback<String>,
    /// Largest file read, in bytes.
    max_bytes: u64,
    /// Called with the file's name and the file (or why it cannot be read).
    #[prop(into)]
    on_read: Callback<(String, Result<PickedFile, ReadFailure>)>,
) -> impl IntoView {
    let input = NodeRef::<html::Input>::new();
    let on_change = move |_| {
        let Some(el) = input.get() else { return };
        let Some(file) = el.files().and_then(|f| f.get(0)) else { return };
        // Clear it, so picking the same file again is noticed.
        el.set_value("");
        let name = file.name();
        on_pick.run(name.clone());
        on_read.run((name, pick(file, max_bytes)));
    };
    view! {
        <input type="file" class="visually-hidden" tabindex="-1" aria-hidden="true" accept=accept node_ref=input on:change=on_change />
        <button type="button" class=format!("button {class}") on:click=move |_| {
            if let Some(el) = input.get() {
                el.click();
            }
        }>{move || label.get()}</button>
    }
}
