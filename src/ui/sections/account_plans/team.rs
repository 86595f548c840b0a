//! The team: the people who own accounts and actions. Renaming and changing a
//! team apply when the field is left; someone the notes or hand-off history names
//! cannot be removed (history is not rewritten).

use crate::domain::{IdGenerator, MemberId, Team, TeamMember};
use crate::editing::{member_in_history, Change, EditKind};
use crate::ui::i18n::{t, t_string, td_string, use_i18n};
use crate::ui::labels;
use crate::ui::state::use_app;
use crate::ui::widgets::{choice_value, picked};
use crate::ui::widgets::{unique_id, Modal};
use leptos::prelude::*;

fn team_from(v: &str) -> Team {
    picked(&labels::TEAMS, v).unwrap_or_default()
}

#[component]
pub fn TeamDialog(open: RwSignal<bool>) -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let members = Memo::new(move |_| {
        state.plan.with(|p| p.as_ref().map(|p| p.team.iter().map(|m| (m.clone(), member_in_history(p, &m.id))).collect::<Vec<_>>()).unwrap_or_default())
    });
    let current = move |id: &MemberId| state.plan.with_untracked(|p| p.as_ref().and_then(|p| p.member(id).cloned()));
    let name = RwSignal::new(String::new());
    let team = RwSignal::new(Team::Marketing);
    let error: RwSignal<Option<String>> = RwSignal::new(None);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let n = name.get_untracked().trim().to_string();
        if n.is_empty() {
            error.set(Some(td_string!(state.locale(), ap.member_name_required).to_string()));
            return;
        }
        let m = TeamMember { id: MemberId::generate(&mut IdGenerator::random()), name: n, team: team.get_untracked(), email: String::new() };
        state.dispatch(Change::PutTeamMember(m), EditKind::EditTeam);
        name.set(String::new());
        error.set(None);
    };
    let (name_id, team_id) = (unique_id("member-name"), unique_id("member-team"));
    view! {
        <Modal open title=Signal::derive(move || t_string!(i18n, ap.team_title).to_string()) class="form-dialog">
            <p class="muted">{t!(i18n, ap.team_hint)}</p>
            <table class="data-table" data-testid="team-table">
                <thead><tr>
                    <th scope="col">{t!(i18n, ap.member_name)}</th>
                    <th scope="col">{t!(i18n, ap.member_team)}</th>
                    <th scope="col"><span class="visually-hidden">{t!(i18n, ap.member_remove)}</span></th>
                </tr></thead>
                <tbody>
                    <For each=move || members.get() key=|(m, used)| (m.id.clone(), *used) let:item>
                        {
                            let (m, used) = item;
                            let (rename, reteam, remove) = (m.id.clone(), m.id.clone(), m.id.clone());
                            let label = m.name.clone();
                            view! {
                                <tr>
                                    <td><input type="text" aria-label=move || t_string!(i18n, ap.member_name) value=m.name.clone() on:change=move |ev| {
                                        let n = event_target_value(&ev);
                                        // The member as it is now (the row outlives its edits).
                                        if let Some(m) = current(&rename).filter(|_| !n.trim().is_empty()) {
                                            state.dispatch(Change::PutTeamMember(TeamMember { name: n.trim().to_string(), ..m }), EditKind::EditTeam);
                                        }
                                    }/></td>
                                    <td><select aria-label=move || t_string!(i18n, ap.member_team) on:change=move |ev| {
                                        let t = team_from(&event_target_value(&ev));
                                        if let Some(m) = current(&reteam) {
                                            state.dispatch(Change::PutTeamMember(TeamMember { team: t, ..m }), EditKind::EditTeam);
                                        }
                                    }>
                                        {labels::TEAMS.into_iter().map(|t| view! {
                                            <option value=choice_value(&labels::TEAMS, &t) selected=m.team == t>{move || labels::team(i18n.get_locale(), t)}</option>
                                        }).collect_view()}
                                    </select></td>
                                    <td>
                                        {if used {
                                            view! { <span class="muted">{t!(i18n, ap.member_in_history)}</span> }.into_any()
                                        } else {
                                            view! {
                                                <button type="button" class="button button-small button-danger-quiet"
                                                    aria-label=move || format!("{} {}", t_string!(i18n, ap.member_remove), label)
                                                    on:click=move |_| state.dispatch(Change::RemoveTeamMember(remove.clone()), EditKind::EditTeam)>
                                                    {t!(i18n, ap.member_remove)}
                                                </button>
                                            }.into_any()
                                        }}
                                    </td>
                                </tr>
                            }
                        }
                    </For>
                </tbody>
            </table>
            <form class="inline-form" novalidate on:submit=add>
                <div class="field field-grow">
                    <label for=name_id.clone()>{t!(i18n, ap.member_name)}</label>
                    <input id=name_id type="text" prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))/>
                </div>
                <div class="field">
                    <label for=team_id.clone()>{t!(i18n, ap.member_team)}</label>
                    <select id=team_id on:change=move |ev| team.set(team_from(&event_target_value(&ev)))>
                        {labels::TEAMS.into_iter().map(|t| view! {
                            <option value=choice_value(&labels::TEAMS, &t) selected=move || team.get() == t>{move || labels::team(i18n.get_locale(), t)}</option>
                        }).collect_view()}
                    </select>
                </div>
                <button type="submit" class="button">{t!(i18n, ap.member_add)}</button>
            </form>
            <Show when=move || error.with(Option::is_some)>
                <p class="form-error" role="alert">{move || error.get()}</p>
            </Show>
            <div class="dialog-actions">
                <button type="button" class="button button-primary" on:click=move |_| open.set(false)>{t!(i18n, ap.close)}</button>
            </div>
        </Modal>
    }
}
