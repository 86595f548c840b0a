//! The merge preview: what a teammate's file adds and updates, each field both
//! changed with both values and who changed it when, and every setting that
//! differs. Nothing changes until "Apply merge"; the merge is one undo step.

use super::import::Stage;
use crate::browser::clock;
use crate::domain::{from_json, Collection, Factor, Plan};
use crate::editing::{Change, EditKind};
use crate::plan_file::merge::{
    apply_merge, ChoiceKey, Conflict, ConflictReason, FieldSide, FieldUpdate, MergePreview, Resolution, SettingDiff, SettingGroup, Tally,
};
use crate::plan_file::Imported;
use crate::ui::field_names;
use crate::ui::format;
use crate::ui::i18n::{t, t_string, td_string, use_i18n, Locale};
use crate::ui::labels;
use crate::ui::state::{use_app, ToastAction};
use crate::ui::widgets::{joined, unique_id};
use leptos::prelude::*;
use std::collections::HashMap;

/// Conflicts listed one by one; more follow the choice for all (a file from a
/// plan edited before fields had revisions can differ in thousands of fields).
const SHOWN: usize = 60;

pub fn collection_label(l: Locale, c: Collection) -> String {
    match c {
        Collection::Team => td_string!(l, collections.team),
        Collection::Goals => td_string!(l, collections.goals),
        Collection::CustomFields => td_string!(l, collections.custom_fields),
        Collection::CustomChannels => td_string!(l, collections.custom_channels),
        Collection::Accounts => td_string!(l, collections.accounts),
        Collection::Contacts => td_string!(l, collections.contacts),
        Collection::Deals => td_string!(l, collections.deals),
        Collection::Campaigns => td_string!(l, collections.campaigns),
        Collection::Content => td_string!(l, collections.content),
        Collection::Activities => td_string!(l, collections.activities),
        Collection::AccountPlans => td_string!(l, collections.account_plans),
        Collection::NpsResponses => td_string!(l, collections.nps),
        Collection::Notes => td_string!(l, collections.notes),
        Collection::Handoffs => td_string!(l, collections.handoffs),
    }
    .to_string()
}

fn group_label(l: Locale, g: SettingGroup) -> String {
    match g {
        SettingGroup::Icp => td_string!(l, fields.group_icp),
        SettingGroup::Prioritisation => td_string!(l, fields.group_prioritisation),
        SettingGroup::Rules => td_string!(l, fields.group_rules),
    }
    .to_string()
}

/// A field path (`industry`, `overview.needs`, `custom.erp`) in the user's
/// words: custom fields and factors by the names the plans give them.
fn field_label(l: Locale, plans: [&Plan; 2], collection: Option<Collection>, path: &str) -> String {
    let (top, inner) = path.split_once('.').map_or((path, None), |(t, i)| (t, Some(i)));
    match (top, inner) {
        ("custom", Some(id)) => {
            let name = plans.iter().flat_map(|p| p.custom_fields.iter()).find(|f| f.id.as_str() == id).map_or(id.to_string(), |f| f.name.clone());
            return td_string!(l, fields.custom_value, name = name).to_string();
        }
        ("factors", Some(id)) => {
            let name =
                plans.iter().flat_map(|p| p.prioritisation.factors.iter()).find(|f| f.id.as_str() == id).map_or(id.to_string(), |f| labels::factor_name(l, f));
            return td_string!(l, fields.factor_value, name = name).to_string();
        }
        ("overview", Some(part)) => return field_label(l, plans, collection, part),
        ("factors", None) if collection.is_none() => return td_string!(l, fields.weights).to_string(),
        ("target", None) if collection == Some(Collection::Goals) => return td_string!(l, fields.goal_target).to_string(),
        _ => {}
    }
    // A field the list does not know yet: its name in the file.
    let Some(label) = field_names::field_name(l, top) else { return inner.map_or(top.to_string(), |i| format!("{top} · {i}")) };
    match inner {
        Some(i) => format!("{label} · {i}"),
        None => label,
    }
}

/// "Aiko, 2026/12/07 10:15" — who changed a side and when, where known.
fn side_note(l: Locale, side: &FieldSide) -> String {
    let when = side.at.map(|t| format::date_time(t, l)).unwrap_or_default();
    let who = if side.by.is_empty() { td_string!(l, transfer.no_name).to_string() } else { side.by.clone() };
    match when.is_empty() {
        false => td_string!(l, transfer.changed_by, who = who, when = when).to_string(),
        true if side.by.is_empty() => String::new(),
        true => who,
    }
}

/// A side's value in the user's words: the weights by factor name and share,
/// ids of accounts, people, content and campaigns by their names.
fn side_value(l: Locale, side: &FieldSide, plans: &(Plan, Plan), weights: bool) -> String {
    use serde_json::Value;
    if let Some(factors) = side.raw.as_ref().filter(|_| weights).and_then(from_json::<Vec<Factor>>) {
        let total: f64 = factors.iter().map(|f| f.weight).sum();
        return factors
            .iter()
            .map(|f| {
                let share = if total > 0.0 { 100.0 * f.weight / total } else { 0.0 };
                format!("{} {} ({})", labels::factor_name(l, f), format::number(f.weight, l, 1), format::percent(share, l))
            })
            .collect::<Vec<_>>()
            .join(" · ");
    }
    let name = |id: &str| -> Option<String> {
        [&plans.0, &plans.1].into_iter().find_map(|p| {
            p.accounts
                .iter()
                .find(|a| a.id.as_str() == id)
                .map(|a| a.name.clone())
                .or_else(|| p.contacts.iter().find(|c| c.id.as_str() == id).map(|c| c.name.clone()))
                .or_else(|| p.team.iter().find(|m| m.id.as_str() == id).map(|m| m.name.clone()))
                .or_else(|| p.content.iter().find(|c| c.id.as_str() == id).map(|c| c.title.clone()))
                .or_else(|| p.campaigns.iter().find(|c| c.id.as_str() == id).map(|c| c.name.clone()))
        })
    };
    let named = match &side.raw {
        Some(Value::String(id)) => name(id),
        Some(Value::Array(items)) if !items.is_empty() && items.iter().all(Value::is_string) => {
            let names: Option<Vec<String>> = items.iter().map(|v| v.as_str().and_then(name)).collect();
            names.map(|n| n.join(" · "))
        }
        _ => None,
    };
    match named {
        Some(text) => text,
        None if side.value.is_empty() => td_string!(l, transfer.empty_value).to_string(),
        None => side.value.clone(),
    }
}

/// What a field taken from the file changes: "before → after", or for a list
/// (target accounts, tags) what it adds and removes.
fn change_text(l: Locale, mine: &FieldSide, theirs: &FieldSide, plans: &(Plan, Plan)) -> String {
    use serde_json::Value;
    let items = |side: &FieldSide| -> Option<Vec<Value>> {
        match &side.raw {
            Some(Value::Array(v)) if v.iter().all(|x| !x.is_object() && !x.is_array()) => Some(v.clone()),
            None | Some(Value::Null) => Some(Vec::new()),
            _ => None,
        }
    };
    if let (Some(before), Some(after)) = (items(mine), items(theirs)) {
        if !before.is_empty() && !after.is_empty() {
            let word = |values: Vec<Value>| {
                let side = FieldSide { value: short_text_of(&values), raw: Some(Value::Array(values)), ..FieldSide::default() };
                side_value(l, &side, plans, false)
            };
            let added: Vec<Value> = after.iter().filter(|v| !before.contains(v)).cloned().collect();
            let removed: Vec<Value> = before.iter().filter(|v| !after.contains(v)).cloned().collect();
            let mut parts = Vec::new();
            if !added.is_empty() {
                parts.push(td_string!(l, transfer.list_added, items = word(added)).to_string());
            }
            if !removed.is_empty() {
                parts.push(td_string!(l, transfer.list_removed, items = word(removed)).to_string());
            }
            if !parts.is_empty() {
                return parts.join(list_separator(l));
            }
        }
    }
    td_string!(l, transfer.update_line, from = side_value(l, mine, plans, false), to = side_value(l, theirs, plans, false)).to_string()
}

fn short_text_of(values: &[serde_json::Value]) -> String {
    values.iter().map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_string)).collect::<Vec<_>>().join(" · ")
}

fn list_separator(l: Locale) -> &'static str {
    if l == Locale::ja {
        "、"
    } else {
        "; "
    }
}

/// One side's value, and below it who changed it when.
fn side_view(side: FieldSide, plans: StoredValue<(Plan, Plan)>, weights: bool) -> impl IntoView {
    let i18n = use_i18n();
    let side = StoredValue::new(side);
    view! {
        <span class="side-value">{move || side.with_value(|s| plans.with_value(|p| side_value(i18n.get_locale(), s, p, weights)))}</span>
        <span class="muted side-note">{move || side.with_value(|s| side_note(i18n.get_locale(), s))}</span>
    }
}

#[component]
pub(super) fn MergePreviewView(file: String, imported: Box<Imported>, preview: MergePreview, stage: RwSignal<Stage, LocalStorage>) -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let choices: RwSignal<HashMap<ChoiceKey, Resolution>> = RwSignal::new(preview.default_choices());
    let tallies: Vec<_> = preview.tallies.iter().filter(|(_, t)| *t != Tally::default()).cloned().collect();
    let empty = preview.is_empty();
    let nothing_new = preview.nothing_new();
    let added = preview.added_examples.clone();
    let currency = preview.currency_differs.clone();
    let distinct_added = preview.distinct_added;
    // The choices "for all": fields both changed, and settings both changed.
    let decisions: Vec<ChoiceKey> = preview
        .conflicts
        .iter()
        .filter(|c| !matches!(c.reason, ConflictReason::SameDomain { .. }))
        .map(Conflict::key)
        .chain(preview.settings.iter().filter(|s| s.both_changed).map(SettingDiff::key))
        .collect();
    let to_decide = preview.conflicts.len() + preview.settings.iter().filter(|s| s.both_changed).count();
    let incoming = imported.plan.clone();
    let current = state.plan.get_untracked().unwrap_or_else(|| incoming.clone());
    let plans = StoredValue::new((current, incoming.clone()));
    let apply = move |_| {
        let Some(current) = state.plan.get_untracked() else { return };
        let (merged, _repairs) = apply_merge(&current, &incoming, &choices.get_untracked(), clock::now(), &state.author());
        state.dispatch(Change::ReplaceContent(Box::new(merged)), EditKind::Merge);
        state.show_toast(td_string!(state.locale(), transfer.merged).to_string(), Some(ToastAction::UndoEdit));
        stage.set(Stage::Idle);
    };
    view! {
        <section class="result" data-testid="merge-preview">
            <h3>{move || td_string!(i18n.get_locale(), transfer.merge_title_file, file = file.clone()).to_string()}</h3>
            <Show when=move || empty>
                <p>{t!(i18n, transfer.merge_nothing)}</p>
            </Show>
            {(!empty && nothing_new).then(|| view! { <p data-testid="merge-nothing-new">{t!(i18n, transfer.merge_nothing_new)}</p> })}
            {(to_decide > 0).then(|| view! {
                <p class="note-warning" data-testid="merge-to-decide">{move || td_string!(i18n.get_locale(), transfer.to_decide_summary, count = to_decide, n = to_decide).to_string()}</p>
            })}
            <div class="table-scroll">
                <table class="data-table compact">
                    <thead><tr>
                        <th scope="col">{t!(i18n, transfer.collection)}</th>
                        <th scope="col" class="num">{t!(i18n, transfer.merge_added)}</th>
                        <th scope="col" class="num">{t!(i18n, transfer.merge_updated)}</th>
                        <th scope="col" class="num">{t!(i18n, transfer.merge_to_decide)}</th>
                        <th scope="col" class="num">{t!(i18n, transfer.merge_unchanged)}</th>
                        <th scope="col" class="num">{t!(i18n, transfer.merge_only_mine)}</th>
                    </tr></thead>
                    <tbody>
                        {move || tallies.iter().map(|(c, t)| {
                            let l = i18n.get_locale();
                            view! { <tr><th scope="row">{collection_label(l, *c)}</th><td class="num">{t.added}</td><td class="num">{t.updated}</td><td class="num">{t.to_decide}</td><td class="num">{t.unchanged}</td><td class="num">{t.only_mine}</td></tr> }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            {(!added.is_empty()).then(|| view! {
                <p>{t!(i18n, transfer.merge_examples_added)}{move || if i18n.get_locale() == Locale::ja { "" } else { " " }}{joined(added.iter().map(|(_, n)| n.clone()), "、")}</p>
            })}
            <Updates updates=preview.updates.clone() total=preview.total().updated plans/>
            {currency.map(|(mine, theirs)| view! {
                <p class="note-warning">{move || td_string!(i18n.get_locale(), transfer.currency_differs, mine = mine.code().to_string(), theirs = theirs.code().to_string()).to_string()}</p>
            })}
            {(distinct_added > 0).then(|| view! {
                <p data-testid="merge-distinct">{move || td_string!(i18n.get_locale(), transfer.merge_distinct_added, n = distinct_added).to_string()}</p>
            })}
            {(decisions.len() > 1).then(|| {
                let all = StoredValue::new(decisions);
                let set_all = move |res: Resolution| choices.update(|c| all.with_value(|keys| keys.iter().for_each(|k| { c.insert(k.clone(), res); })));
                view! {
                    <div class="button-row">
                        <button type="button" class="button" on:click=move |_| set_all(Resolution::KeepMine)>{t!(i18n, transfer.keep_all_mine)}</button>
                        <button type="button" class="button" on:click=move |_| set_all(Resolution::TakeTheirs)>{t!(i18n, transfer.take_all_theirs)}</button>
                    </div>
                }
            })}
            <Settings settings=preview.settings.clone() choices plans/>
            <Conflicts conflicts=preview.conflicts.clone() choices plans/>
            <div class="dialog-actions">
                <button type="button" class="button" on:click=move |_| stage.set(Stage::Idle)>{t!(i18n, transfer.cancel)}</button>
                <button type="button" class="button button-primary" disabled=empty on:click=apply>{t!(i18n, transfer.apply_merge)}</button>
            </div>
        </section>
    }
}

/// The fields the merge takes from the file without asking, one per line.
#[component]
fn Updates(updates: Vec<FieldUpdate>, total: usize, plans: StoredValue<(Plan, Plan)>) -> impl IntoView {
    let i18n = use_i18n();
    (!updates.is_empty()).then(|| {
        let n = updates.len();
        let l = move || i18n.get_locale();
        let items = updates
            .into_iter()
            .map(|u| {
                let (collection, field, label) = (u.collection, u.field.clone(), u.label.clone());
                let (mine, theirs) = (StoredValue::new(u.mine), StoredValue::new(u.theirs));
                view! {
                    <li>
                        <strong>{move || collection_label(l(), collection)}" · "{label}</strong>
                        " — "{move || plans.with_value(|(a, b)| field_label(l(), [a, b], Some(collection), &field))}": "
                        {move || mine.with_value(|m| theirs.with_value(|t| plans.with_value(|p| change_text(l(), m, t, p))))}
                        " "<span class="muted">{move || theirs.with_value(|s| side_note(l(), s))}</span>
                    </li>
                }
            })
            .collect_view();
        view! {
            <details class="merge-updates" data-testid="merge-updates">
                <summary>{move || td_string!(l(), transfer.updates_listed, count = total.max(n), n = total.max(n)).to_string()}</summary>
                <ul>{items}</ul>
            </details>
        }
    })
}

/// Every setting the file has otherwise, each with a choice; those where the
/// file is behind are folded away (kept as ours unless taken).
#[component]
fn Settings(settings: Vec<SettingDiff>, choices: RwSignal<HashMap<ChoiceKey, Resolution>>, plans: StoredValue<(Plan, Plan)>) -> impl IntoView {
    let i18n = use_i18n();
    (!settings.is_empty()).then(|| {
        let (older, current): (Vec<_>, Vec<_>) = settings.into_iter().partition(|s| !s.both_changed && s.suggested == Resolution::KeepMine);
        let older_n = older.len();
        let current_empty = current.is_empty();
        let card = move |s: SettingDiff| {
            let weights = s.group == SettingGroup::Prioritisation && s.field == "factors";
            let l = move || i18n.get_locale();
            let field = s.field.clone();
            let name = move || format!("{} · {}", group_label(l(), s.group), plans.with_value(|(a, b)| field_label(l(), [a, b], None, &field)));
            let name2 = name.clone();
            let why = match (s.both_changed, s.suggested) {
                (true, _) => Some(true),
                (false, Resolution::TakeTheirs) => Some(false),
                _ => None,
            };
            let title = view! {
                <strong>{name}</strong>" "
                {why.map(|both| view! { <span class="muted">{move || if both { t_string!(i18n, transfer.conflict_both) } else { t_string!(i18n, transfer.newer_in_file) }}</span> })}
            };
            let aria = move || td_string!(l(), transfer.choice_for, name = name2()).to_string();
            let key = s.key();
            choice_card(title.into_any(), aria, (s.mine, s.theirs), weights, key, false, choices, plans, "merge-setting")
        };
        let shown = current.into_iter().map(card).collect_view();
        let folded = older.into_iter().map(card).collect_view();
        let any_shown = !current_empty;
        view! {
            <h4>{t!(i18n, transfer.settings_differ)}</h4>
            {any_shown.then(|| view! {
                <p class="muted">{t!(i18n, transfer.settings_differ_desc)}</p>
                <ul class="conflict-list" data-testid="merge-settings">{shown}</ul>
            })}
            {(older_n > 0).then(|| view! {
                <details data-testid="merge-settings-older">
                    <summary>{move || td_string!(i18n.get_locale(), transfer.settings_older, n = older_n).to_string()}</summary>
                    <ul class="conflict-list">{folded}</ul>
                </details>
            })}
        }
    })
}

/// Fields both plans changed (and the same company under another id), each
/// with both values, who changed it when, and a choice.
#[component]
fn Conflicts(conflicts: Vec<Conflict>, choices: RwSignal<HashMap<ChoiceKey, Resolution>>, plans: StoredValue<(Plan, Plan)>) -> impl IntoView {
    let i18n = use_i18n();
    (!conflicts.is_empty()).then(|| {
        let more = conflicts.len().saturating_sub(SHOWN);
        let items = conflicts.into_iter().take(SHOWN).map(|c| conflict_item(c, choices, plans)).collect_view();
        view! {
            <h4>{t!(i18n, transfer.merge_conflicts)}</h4>
            <p class="muted">{t!(i18n, transfer.conflicts_desc)}</p>
            <ul class="conflict-list">{items}</ul>
            {(more > 0).then(|| view! { <p class="muted">{move || td_string!(i18n.get_locale(), transfer.conflicts_more, n = more).to_string()}</p> })}
        }
    })
}

fn conflict_item(c: Conflict, choices: RwSignal<HashMap<ChoiceKey, Resolution>>, plans: StoredValue<(Plan, Plan)>) -> impl IntoView {
    let i18n = use_i18n();
    let l = move || i18n.get_locale();
    let same_domain = matches!(c.reason, ConflictReason::SameDomain { .. });
    let (collection, reason, field) = (c.collection, c.reason.clone(), c.field.clone());
    let field_name = move || (!field.is_empty()).then(|| plans.with_value(|(a, b)| field_label(l(), [a, b], Some(collection), &field)));
    let field_name2 = field_name.clone();
    let record = c.mine_label.clone();
    let record2 = record.clone();
    let title = view! {
        <strong>{move || collection_label(l(), collection)}" · "{record.clone()}</strong>
        {move || field_name().map(|f| format!(" — {f}"))}
        " "
        <span class="muted">{move || match reason {
            ConflictReason::BothChanged => t_string!(i18n, transfer.conflict_both),
            ConflictReason::MineNewer => t_string!(i18n, transfer.conflict_mine_newer),
            ConflictReason::SameDomain { .. } => t_string!(i18n, transfer.conflict_same_domain),
        }}</span>
    };
    let aria = move || match field_name2() {
        Some(f) => td_string!(l(), transfer.field_choice_for, field = f, name = record2.clone()).to_string(),
        None => td_string!(l(), transfer.choice_for, name = record2.clone()).to_string(),
    };
    let key = c.key();
    choice_card(title.into_any(), aria, (c.mine, c.theirs), false, key, same_domain, choices, plans, "merge-conflict")
}

/// One difference as a card: what it is, both sides with who changed each
/// when, and the choice (for the same company under another id, also "Keep
/// both").
#[allow(clippy::too_many_arguments)]
fn choice_card(
    title: AnyView,
    aria: impl Fn() -> String + Send + Sync + 'static,
    (mine, theirs): (FieldSide, FieldSide),
    weights: bool,
    key: ChoiceKey,
    keep_both: bool,
    choices: RwSignal<HashMap<ChoiceKey, Resolution>>,
    plans: StoredValue<(Plan, Plan)>,
    testid: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let mut options = vec![(Resolution::KeepMine, "mine"), (Resolution::TakeTheirs, "theirs")];
    if keep_both {
        options.push((Resolution::KeepBoth, "both"));
    }
    let group = unique_id("choice");
    view! {
        <li class="conflict" data-testid=testid>
            <p>{title}</p>
            <dl class="conflict-sides">
                <div><dt>{t!(i18n, transfer.yours)}</dt><dd>{side_view(mine, plans, weights)}</dd></div>
                <div><dt>{t!(i18n, transfer.in_file)}</dt><dd>{side_view(theirs, plans, weights)}</dd></div>
            </dl>
            <div class="radio-row" role="radiogroup" aria-label=aria>
                {options.into_iter().map(|(res, tag)| {
                    let (key, key2) = (key.clone(), key.clone());
                    let id = format!("{group}-{tag}");
                    let for_id = id.clone();
                    view! {
                        <label for=for_id class="radio">
                            <input type="radio" id=id name=group.clone()
                                prop:checked=move || choices.with(|c| c.get(&key).copied().unwrap_or(Resolution::KeepMine) == res)
                                on:change=move |_| choices.update(|c| { c.insert(key2.clone(), res); }) />
                            {move || match res {
                                Resolution::KeepMine => t_string!(i18n, transfer.keep_mine),
                                Resolution::TakeTheirs => t_string!(i18n, transfer.take_theirs),
                                Resolution::KeepBoth => t_string!(i18n, transfer.keep_both),
                            }}
                        </label>
                    }
                }).collect_view()}
            </div>
        </li>
    }
}
