//! The form kit: labelled fields bound to a value. The label is the children and
//! the id that ties label and control is made here, so a form never pairs them
//! by hand. A field's value is a [`Bound`]: a signal of its own, or one field of
//! a draft record.

use super::unique_id;
use crate::ui::i18n::{t_string, use_i18n, Locale};
use leptos::prelude::*;

/// What a field shows and changes. Made from a `RwSignal` of its own, or with
/// [`Bound::field`] from one field of a draft record, so an editor keeps one
/// draft instead of a signal per input.
pub struct Bound<T: Send + Sync + 'static> {
    read: Signal<T>,
    write: SignalSetter<T>,
}

impl<T: Send + Sync + 'static> Clone for Bound<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for Bound<T> {}

impl<T: Clone + Send + Sync + 'static> From<RwSignal<T>> for Bound<T> {
    fn from(signal: RwSignal<T>) -> Self {
        Bound { read: signal.into(), write: SignalSetter::map(move |v| signal.set(v)) }
    }
}

impl Bound<Option<String>> {
    /// A draft record's link to another record (for a `LinkField`): the id's
    /// text or none; `get` and `set` name the field.
    pub fn link<D: Send + Sync + 'static, I: AsRef<str> + for<'a> From<&'a str> + 'static>(
        draft: RwSignal<D>,
        get: fn(&D) -> &Option<I>,
        set: fn(&mut D) -> &mut Option<I>,
    ) -> Self {
        Bound::new(
            move || draft.with(|d| get(d).as_ref().map(|id| id.as_ref().to_string())),
            move |v: Option<String>| draft.update(|d| *set(d) = v.as_deref().map(I::from)),
        )
    }
}

impl<T: Clone + Send + Sync + 'static> Bound<T> {
    /// One field of a draft record: `get` reads it, `set` writes it back.
    pub fn field<D: Send + Sync + 'static>(draft: RwSignal<D>, get: fn(&D) -> T, set: fn(&mut D, T)) -> Self {
        Bound { read: Signal::derive(move || draft.with(get)), write: SignalSetter::map(move |v| draft.update(|d| set(d, v))) }
    }

    /// Any reading and writing, for a value kept in some other shape.
    pub fn new(read: impl Fn() -> T + Send + Sync + 'static, write: impl Fn(T) + Send + Sync + 'static) -> Self {
        Bound { read: Signal::derive(read), write: SignalSetter::map(write) }
    }

    pub fn get(&self) -> T {
        self.read.get()
    }

    pub fn set(&self, value: T) {
        self.write.set(value)
    }
}

/// A label and a control the caller builds, given the id that ties them (for a
/// control the kit has no field for).
#[component]
pub fn Labelled<F, V>(
    /// Builds the control from its id.
    control: F,
    children: Children,
) -> impl IntoView
where
    F: FnOnce(String) -> V,
    V: IntoView + 'static,
{
    let id = unique_id("field");
    view! {
        <div class="field">
            <label for=id.clone()>{children()}</label>
            {control(id)}
        </div>
    }
}

/// A text (or date, number…) input, or a text area when `rows` is given.
#[component]
pub fn TextField(
    #[prop(into)] value: Bound<String>,
    /// The input's `type`.
    #[prop(default = "text")]
    kind: &'static str,
    /// The keyboard a phone shows ("decimal" for amounts).
    #[prop(optional)]
    inputmode: Option<&'static str>,
    /// A short field (a date, an amount) that should not take a row's width.
    #[prop(optional)]
    narrow: bool,
    /// A field that takes what its one-line form leaves (a new name beside a
    /// choice and a button).
    #[prop(optional)]
    grow: bool,
    /// A text area of this many rows instead of a one-line input.
    #[prop(optional)]
    rows: Option<u32>,
    /// The id of a `<datalist>` of suggestions.
    #[prop(optional, into)]
    list: Option<String>,
    /// For a number: the least and greatest value the browser's arrows reach.
    #[prop(optional)]
    min: Option<&'static str>,
    #[prop(optional)] max: Option<&'static str>,
    /// A sample of what to type, shown while the field is empty.
    #[prop(optional)]
    placeholder: Option<&'static str>,
    /// A line under the field that says what to type.
    #[prop(optional, into)]
    hint: Option<Signal<String>>,
    children: Children,
) -> impl IntoView {
    let id = unique_id("field");
    let hint_id = hint.map(|_| unique_id("hint"));
    let described = hint_id.clone();
    let control = match rows {
        Some(rows) => view! { <textarea id=id.clone() rows=rows aria-describedby=described bind:value=(value.read, value.write)></textarea> }.into_any(),
        None => view! {
            <input id=id.clone() type=kind inputmode=inputmode list=list min=min max=max placeholder=placeholder autocomplete="off" aria-describedby=described
                bind:value=(value.read, value.write)/>
        }
        .into_any(),
    };
    view! {
        <div class="field" class:field-narrow=narrow class:field-grow=grow>
            <label for=id>{children()}</label>
            {control}
            {hint.map(|hint| view! { <p class="hint" id=hint_id>{move || hint.get()}</p> })}
        </div>
    }
}

/// A `<select>` over a fixed list of choices. Option values are positions in
/// the list, never a variant's `Debug` text, so renaming a variant changes
/// nothing the browser sees.
#[component]
pub fn ChoiceField<T, L>(
    choices: Vec<T>,
    #[prop(into)] value: Bound<Option<T>>,
    /// A choice's words in the UI language.
    words: L,
    /// When given, a first option meaning "none of these".
    #[prop(optional, into)]
    none: Option<Signal<String>>,
    children: Children,
) -> impl IntoView
where
    T: Copy + PartialEq + Send + Sync + 'static,
    L: Fn(Locale, T) -> String + Copy + Send + Sync + 'static,
{
    let i18n = use_i18n();
    let id = unique_id("field");
    let list = choices.clone();
    // `prop:selected`, not the attribute: once a person has picked an option the
    // attribute no longer moves the selection, and a reset must.
    view! {
        <div class="field">
            <label for=id.clone()>{children()}</label>
            <select id=id on:change=move |ev| value.set(picked(&list, &event_target_value(&ev)))>
                {none.map(|none| view! { <option value="" prop:selected=move || value.get().is_none()>{move || none.get()}</option> })}
                {choices.into_iter().enumerate().map(|(i, c)| view! {
                    <option value=i.to_string() prop:selected=move || value.get() == Some(c)>{move || words(i18n.get_locale(), c)}</option>
                }).collect_view()}
            </select>
        </div>
    }
}

/// A choice that always has a value, as a [`ChoiceField`] takes it.
pub fn always<D: Send + Sync + 'static, T: Copy + Send + Sync + 'static>(draft: RwSignal<D>, get: fn(&D) -> T, set: fn(&mut D, T)) -> Bound<Option<T>> {
    Bound::new(
        move || Some(draft.with(get)),
        move |v: Option<T>| {
            if let Some(v) = v {
                draft.update(|d| set(d, v))
            }
        },
    )
}

/// A choice of one record, by id, or none ("—" unless `none` says otherwise).
#[component]
pub fn LinkField(
    #[prop(into)] value: Bound<Option<String>>,
    /// (id, name) of the records offered, as [`options`] makes them.
    #[prop(into)]
    options: Signal<Vec<(String, String)>>,
    #[prop(optional, into)] none: Option<Signal<String>>,
    children: Children,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = unique_id("field");
    view! {
        <div class="field">
            <label for=id.clone()>{children()}</label>
            <select id=id on:change=move |ev| { let v = event_target_value(&ev); value.set((!v.is_empty()).then_some(v)); }>
                <option value="" prop:selected=move || value.get().is_none()>
                    {move || none.map(|none| none.get()).unwrap_or_else(|| t_string!(i18n, rec.no_link).to_string())}
                </option>
                {move || options.get().into_iter().map(|(id, name)| {
                    let is = id.clone();
                    view! { <option value=id prop:selected=move || value.get().as_deref() == Some(is.as_str())>{name}</option> }
                }).collect_view()}
            </select>
        </div>
    }
}

/// (id, name) of records of one kind, for a [`LinkField`].
pub fn options<T>(list: &imbl::Vector<T>, id: impl Fn(&T) -> String, name: impl Fn(&T) -> String) -> Vec<(String, String)> {
    list.iter().map(|x| (id(x), name(x))).collect()
}

/// The choice an `<option>` valued by [`choice_value`] names. Option values are
/// positions in the list, never a variant's `Debug` text, so renaming a variant
/// changes nothing the browser sees.
pub fn picked<T: Copy>(choices: &[T], value: &str) -> Option<T> {
    value.parse::<usize>().ok().and_then(|i| choices.get(i).copied())
}

/// The `<option>` value of `choice`: its position in `choices`.
pub fn choice_value<T: PartialEq>(choices: &[T], choice: &T) -> String {
    choices.iter().position(|c| c == choice).map(|i| i.to_string()).unwrap_or_default()
}
