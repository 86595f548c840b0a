//! Editing the next-best-action rules: when (an activity kind), what to suggest,
//! through which channel, due within how many days, on or off.

use crate::domain::{ActivityKind, Channel, IdGenerator, NbaRule, RuleId};
use crate::editing::{Change, EditKind};
use crate::ui::i18n::{t, t_string, td_string, use_i18n};
use crate::ui::labels;
use crate::ui::state::use_app;
use crate::ui::widgets::{choice_value, picked};
use crate::ui::widgets::{DialogFooter, Modal};
use leptos::prelude::*;

#[derive(Clone, PartialEq)]
struct Draft {
    rule: NbaRule,
    days: String,
}

#[component]
pub fn RulesDialog(open: RwSignal<bool>) -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let drafts: RwSignal<Vec<Draft>> = RwSignal::new(Vec::new());
    let error: RwSignal<Option<String>> = RwSignal::new(None);
    Effect::new(move |_| {
        if open.get() {
            let rules = state.plan.with_untracked(|p| p.as_ref().map(|p| p.settings.next_best_actions.clone()).unwrap_or_default());
            drafts.set(rules.into_iter().map(|r| Draft { days: r.within_days.to_string(), rule: r }).collect());
            error.set(None);
        }
    });
    let channels = move || {
        state.plan.with(|p| {
            p.as_ref()
                .map(|p| labels::all_channels(p).into_iter().map(|c| (c.key().to_string(), labels::channel(i18n.get_locale(), p, &c))).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    };
    let save = move || {
        let mut rules = Vec::new();
        for (n, d) in drafts.get_untracked().into_iter().enumerate() {
            match d.days.trim().parse::<u32>() {
                Ok(days) if days <= 365 => rules.push(NbaRule { within_days: days, ..d.rule }),
                _ => {
                    error.set(Some(td_string!(state.locale(), ap.rule_days_invalid, n = n + 1).to_string()));
                    return;
                }
            }
        }
        state.dispatch(Change::SetNbaRules(rules), EditKind::EditRules);
        open.set(false);
    };
    let add = move |_| {
        drafts.update(|d| {
            d.push(Draft {
                rule: NbaRule {
                    id: RuleId::generate(&mut IdGenerator::random()),
                    when: ActivityKind::ContentDownload,
                    suggest: String::new(),
                    channel: None,
                    within_days: 3,
                    enabled: true,
                },
                days: "3".into(),
            })
        })
    };
    // Rows are keyed by rule id and never rebuilt by their own edits, so focus
    // stays where the user is (a rebuilt row would drop it after Tab).
    let edit = move |id: &RuleId, f: &dyn Fn(&mut Draft)| {
        drafts.update(|d| {
            if let Some(x) = d.iter_mut().find(|x| &x.rule.id == id) {
                f(x);
            }
        })
    };
    view! {
        <Modal open title=Signal::derive(move || t_string!(i18n, ap.rules_title).to_string()) class="form-dialog wide-dialog">
            <form class="form" novalidate on:submit=move |ev| { ev.prevent_default(); save(); }>
                <p class="muted">{t!(i18n, ap.rules_hint)}</p>
                <table class="data-table" data-testid="rules-table">
                    <thead><tr>
                        <th scope="col">{t!(i18n, ap.rule_enabled)}</th>
                        <th scope="col">{t!(i18n, ap.rule_when)}</th>
                        <th scope="col">{t!(i18n, ap.rule_suggest)}</th>
                        <th scope="col">{t!(i18n, ap.rule_channel)}</th>
                        <th scope="col">{t!(i18n, ap.rule_days)}</th>
                        <th scope="col"><span class="visually-hidden">{t!(i18n, ap.rule_remove)}</span></th>
                    </tr></thead>
                    <tbody>
                        <For each=move || drafts.get() key=|d| d.rule.id.clone() let:d>
                            {
                                let id = d.rule.id.clone();
                                let n = {
                                    let id = id.clone();
                                    Memo::new(move |_| drafts.with(|v| v.iter().position(|x| x.rule.id == id).map_or(0, |p| p + 1)))
                                };
                                // Copy (it holds only a memo), so every label closure can have one.
                                let label = move |what: String| format!("{what} ({})", n.get());
                                let channel_key = d.rule.channel.as_ref().map(|c| c.key().to_string()).unwrap_or_default();
                                let (i1, i2, i3, i4, i5, i6) = (id.clone(), id.clone(), id.clone(), id.clone(), id.clone(), id);
                                view! {
                                    <tr>
                                        <td><input type="checkbox" aria-label=move || label(t_string!(i18n, ap.rule_enabled).to_string()) prop:checked=d.rule.enabled
                                            on:change=move |ev| { let on = event_target_checked(&ev); edit(&i1, &|x| x.rule.enabled = on); }/></td>
                                        <td><select aria-label=move || label(t_string!(i18n, ap.rule_when).to_string()) on:change=move |ev| {
                                            let v = event_target_value(&ev);
                                            if let Some(k) = picked(&ActivityKind::ALL, &v) { edit(&i2, &|x| x.rule.when = k); }
                                        }>
                                            {ActivityKind::ALL.into_iter().map(|k| view! {
                                                <option value=choice_value(&ActivityKind::ALL, &k) selected=d.rule.when == k>{move || labels::activity_kind(i18n.get_locale(), k)}</option>
                                            }).collect_view()}
                                        </select></td>
                                        <td><input type="text" aria-label=move || label(t_string!(i18n, ap.rule_suggest).to_string()) value=d.rule.suggest.clone()
                                            on:change=move |ev| { let v = event_target_value(&ev); edit(&i3, &|x| x.rule.suggest = v.clone()); }/></td>
                                        <td><select aria-label=move || label(t_string!(i18n, ap.rule_channel).to_string()) on:change=move |ev| {
                                            let v = event_target_value(&ev);
                                            edit(&i4, &|x| x.rule.channel = (!v.is_empty()).then(|| Channel::from_key(&v)));
                                        }>
                                            <option value="" selected=channel_key.is_empty()>{t!(i18n, ap.no_channel)}</option>
                                            {channels().into_iter().map(|(key, name)| {
                                                let selected = key == channel_key;
                                                view! { <option value=key selected=selected>{name}</option> }
                                            }).collect_view()}
                                        </select></td>
                                        <td><input type="number" min="0" max="365" class="narrow" aria-label=move || label(t_string!(i18n, ap.rule_days).to_string()) value=d.days.clone()
                                            on:change=move |ev| { let v = event_target_value(&ev); edit(&i5, &|x| x.days = v.clone()); }/></td>
                                        <td><button type="button" class="icon-button" aria-label=move || label(t_string!(i18n, ap.rule_remove).to_string())
                                            on:click=move |_| drafts.update(|d| d.retain(|x| x.rule.id != i6))><span aria-hidden="true">"✕"</span></button></td>
                                    </tr>
                                }
                            }
                        </For>
                    </tbody>
                </table>
                <button type="button" class="button button-small" on:click=add>{t!(i18n, ap.rule_add)}</button>
                <DialogFooter open error submit=Signal::derive(move || t_string!(i18n, ap.save).to_string())/>
            </form>
        </Modal>
    }
}
