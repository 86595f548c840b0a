//! Long work the page does in turns (reading a large file, checking its rows):
//! what is happening, how far it got, and a way out.

use leptos::prelude::*;

#[component]
pub fn WorkProgress(
    /// What is being done, in the user's language.
    #[prop(into)]
    text: Signal<String>,
    /// How far it got, 0–100.
    #[prop(into)]
    percent: Signal<u8>,
    /// The label of the button that stops the work.
    #[prop(into, optional)]
    cancel_label: Signal<String>,
    /// Stops the work; without it there is no button (another control stops it).
    #[prop(optional)]
    on_cancel: Option<Callback<()>>,
    #[prop(into)] testid: String,
) -> impl IntoView {
    view! {
        <div class="reading-file" data-testid=testid>
            <p class="muted" role="status">{text}</p>
            <div class="reading-progress">
                <progress max="100" value=move || percent.get() aria-label=text></progress>
                <span class="num" aria-hidden="true">{move || format!("{}%", percent.get())}</span>
                {on_cancel.map(|cancel| view! {
                    <button type="button" class="button button-quiet" on:click=move |_| cancel.run(())>{cancel_label}</button>
                })}
            </div>
        </div>
    }
}

/// A share of work (0–1) as a whole percentage for [`WorkProgress`].
pub fn percent(share: f64) -> u8 {
    (share.clamp(0.0, 1.0) * 100.0).round() as u8
}
