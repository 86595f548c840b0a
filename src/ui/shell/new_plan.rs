//! What a new plan is asked for, wherever one is started (the first run, the
//! Plans dialog): its name, its currency (by default the one of the browser's
//! region) and the month its fiscal year starts (by default the usual one for
//! that currency).

use crate::domain::{Currency, COMMON_CURRENCIES};
use crate::ui::i18n::{t, t_string, tag, use_i18n, Locale};
use crate::ui::labels;
use crate::ui::state::AppState;
use crate::ui::widgets::unique_id;
use js_sys::{Array, Object, Reflect};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

/// The new plan's answers so far.
#[derive(Clone, Copy)]
pub struct NewPlanDraft {
    pub name: RwSignal<String>,
    pub currency: RwSignal<String>,
    pub month: RwSignal<u8>,
}

impl Default for NewPlanDraft {
    fn default() -> NewPlanDraft {
        let currency = Currency::for_locale(&browser_tag());
        NewPlanDraft {
            name: RwSignal::new(String::new()),
            month: RwSignal::new(currency.usual_fiscal_start()),
            currency: RwSignal::new(currency.code().to_string()),
        }
    }
}

impl NewPlanDraft {
    /// Starts the plan, and clears the name for the next one.
    pub fn create(self, state: AppState) {
        let currency = Currency::try_from(self.currency.get_untracked()).unwrap_or_default();
        state.create_plan(self.name.get_untracked(), currency, self.month.get_untracked());
        self.name.set(String::new());
    }
}

/// The browser's first language tag with a region (`en-GB`), else its first.
fn browser_tag() -> String {
    let Some(nav) = web_sys::window().map(|w| w.navigator()) else { return String::new() };
    let tags: Vec<String> = nav.languages().iter().filter_map(|v| v.as_string()).chain(nav.language()).collect();
    tags.iter().find(|t| t.contains(['-', '_'])).or(tags.first()).cloned().unwrap_or_default()
}

/// A currency's name in the user's language ("Japanese Yen", "日本円"), from
/// the browser's `Intl.DisplayNames`; the code alone where it has none.
fn currency_name(l: Locale, code: &str) -> String {
    let named = (|| {
        let intl = Reflect::get(&js_sys::global(), &"Intl".into()).ok()?;
        let ctor = Reflect::get(&intl, &"DisplayNames".into()).ok()?;
        let options = Object::new();
        Reflect::set(&options, &"type".into(), &"currency".into()).ok()?;
        let args = Array::of2(&Array::of1(&tag(l).into()), &options);
        let names = Reflect::construct(ctor.dyn_ref::<js_sys::Function>()?, &args).ok()?;
        let of = Reflect::get(&names, &"of".into()).ok()?;
        js_sys::Function::from(of).call1(&names, &JsValue::from_str(code)).ok()?.as_string()
    })();
    match named {
        Some(name) => format!("{code} — {name}"),
        None => code.to_string(),
    }
}

/// The three questions, as fields of the form around them.
#[component]
pub fn NewPlanFields(
    draft: NewPlanDraft,
    /// Labels the name "Name of the new plan" (beside other plans' names).
    #[prop(optional)]
    another: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let (name_id, currency_id, month_id) = (unique_id("plan-name"), unique_id("plan-currency"), unique_id("plan-month"));
    view! {
        <div class="field">
            <label for=name_id.clone()>{move || if another { t_string!(i18n, plans.new_name) } else { t_string!(i18n, first_run.name_label) }}</label>
            <input id=name_id type="text" placeholder=move || t_string!(i18n, first_run.name_placeholder)
                bind:value=draft.name />
        </div>
        <div class="field-row">
            <div class="field">
                <label for=currency_id.clone()>{t!(i18n, first_run.currency_label)}</label>
                <select id=currency_id prop:value=move || draft.currency.get()
                    on:change=move |ev| {
                        let code = event_target_value(&ev);
                        if let Ok(c) = Currency::try_from(code.clone()) {
                            draft.month.set(c.usual_fiscal_start());
                        }
                        draft.currency.set(code);
                    }>
                    {COMMON_CURRENCIES.into_iter().map(|code| view! {
                        <option value=code selected=move || draft.currency.get() == code>{move || currency_name(i18n.get_locale(), code)}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for=month_id.clone()>{t!(i18n, first_run.month_label)}</label>
                <select id=month_id prop:value=move || draft.month.get().to_string()
                    on:change=move |ev| {
                        if let Ok(m) = event_target_value(&ev).parse::<u8>() {
                            draft.month.set(m);
                        }
                    }>
                    {(1..=12u8).map(|m| view! {
                        <option value=m.to_string() selected=move || draft.month.get() == m>{move || labels::month(i18n.get_locale(), m)}</option>
                    }).collect_view()}
                </select>
            </div>
        </div>
    }
}
