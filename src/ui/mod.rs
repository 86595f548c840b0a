include!(concat!(env!("OUT_DIR"), "/i18n/mod.rs"));
use i18n::*;
use leptos::prelude::*;

pub fn start() {
    console_error_panic_hook::set_once();
    mount_to_body(App);
}

#[component]
fn App() -> impl IntoView {
    view! { <I18nContextProvider><Hello/></I18nContextProvider> }
}

#[component]
fn Hello() -> impl IntoView {
    let i18n = use_i18n();
    let (n, set_n) = signal(1u32);
    view! {
        <h1>{t!(i18n, app_name)}</h1>
        <p id="count">{t!(i18n, accounts_count, count = move || n.get())}</p>
        <button on:click=move |_| set_n.update(|n| *n += 1)>"+"</button>
        <button on:click=move |_| i18n.set_locale(if i18n.get_locale() == Locale::en { Locale::ja } else { Locale::en })>"lang"</button>
    }
}
