//! A table cell's value edited in place: it looks like text until focused, commits
//! on Enter or when focus leaves, and Escape puts back the saved value. A value the
//! commit refuses stays in the field, marked invalid, with the reason as its hint.

use leptos::prelude::*;

#[component]
pub fn InlineInput(
    /// The saved value, as text.
    #[prop(into)]
    value: Signal<String>,
    /// The accessible name ("Industry of Toyo Robotics").
    #[prop(into)]
    label: Signal<String>,
    /// Commits a new text; returns false when the text is refused.
    on_commit: Callback<String, bool>,
    /// Why a refused text was refused.
    #[prop(into)]
    invalid_hint: Signal<String>,
    #[prop(optional)] numeric: bool,
    #[prop(optional, into)] list: Option<String>,
) -> impl IntoView {
    let invalid = RwSignal::new(false);
    // A new saved value (an undo, another tab, or the row now showing another
    // account) replaces the field's text, and with it a refused text's mark.
    Effect::watch(
        move || value.track(),
        move |_, _, _| {
            if invalid.get_untracked() {
                invalid.set(false);
            }
        },
        false,
    );
    // A commit can re-order the table and so remove this very row: after it (and
    // for the blur that removal causes) every reactive value may be gone.
    let commit = move |el: web_sys::HtmlInputElement| {
        let text = el.value();
        let Some(saved) = value.try_get_untracked() else { return };
        if text == saved {
            invalid.try_set(false);
            return;
        }
        if let Some(ok) = on_commit.try_run(text) {
            invalid.try_set(!ok);
        }
    };
    view! {
        <input class="inline-input" class:num=numeric type="text" inputmode=if numeric { "decimal" } else { "text" }
            list=list
            prop:value=move || value.get()
            aria-label=move || label.get()
            aria-invalid=move || invalid.get().to_string()
            title=move || if invalid.get() { invalid_hint.get() } else { String::new() }
            on:change=move |ev| commit(event_target::<web_sys::HtmlInputElement>(&ev))
            on:keydown=move |ev: web_sys::KeyboardEvent| {
                let el = event_target::<web_sys::HtmlInputElement>(&ev);
                match ev.key().as_str() {
                    "Enter" => commit(el),
                    "Escape" => {
                        if let Some(saved) = value.try_get_untracked() {
                            el.set_value(&saved);
                            invalid.try_set(false);
                        }
                    }
                    _ => {}
                }
            }/>
    }
}
