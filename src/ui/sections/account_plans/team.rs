//! The team: the people who own accounts and actions. Renaming and changing a
//! team apply when the field is left; someone the notes or hand-off history names
//! cannot be removed (history is not rewritten).

use crate::domain::{IdGenerator, MemberId, Refusal, Team, TeamMember};
use crate::editing::{member_in_history, Change, EditKind};
use crate::ui::i18n::{t, t_string, td_string, use_i18n};
use crate::ui::labels;
use crate::ui::state::use_app;
use crate::ui::widgets::{choice_value, labelled_refusal, picked, ChoiceField, Modal, TextField};
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
    let team = RwSignal::new(Some(Team::Marketing));
    let error: RwSignal<Option<String>> = RwSignal::new(None);
    // A member's rules (a name, not a teammate's) are the plan's: a refusal is
    // said under the table, naming the field as the table does.
    let refused = move |r| {
        let l = state.locale();
        error.set(Some(labelled_refusal(l, r, &[("name", td_string!(l, ap.member_name))])));
    };
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let m = TeamMember {
            id: MemberId::generate(&mut IdGenerator::random()),
            name: name.get_untracked(),
            team: team.get_untracked().unwrap_or_default(),
            email: String::new(),
        };
        match state.try_dispatch(Change::PutTeamMember(m), EditKind::EditTeam) {
            Ok(()) => {
                name.set(String::new());
                error.set(None);
            }
            Err(r) => refused(r),
        }
    };
    view! {
        <Modal open title=Signal::derive(move || t_string!(i18n, ap.team_title).to_string()) class="form-dialog">
            <p class="muted">{t!(i18n, ap.team_hint)}</p>
            <table class="data-table team-table" data-testid="team-table">
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
                                        let Some(m) = current(&rename) else { return };
                                        let was = m.name.clone();
                                        match state.try_dispatch(Change::PutTeamMember(TeamMember { name: n, ..m }), EditKind::EditTeam) {
                                            Ok(()) | Err(Refusal::NothingToChange) => error.set(None),
                                            Err(r) => {
                                                // The field shows the name kept, not the refused one.
                                                event_target::<web_sys::HtmlInputElement>(&ev).set_value(&was);
                                                refused(r);
                                            }
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
            <form class="inline-form team-add" novalidate on:submit=add>
                <TextField value=name grow=true>{t!(i18n, ap.member_name)}</TextField>
                <ChoiceField choices=labels::TEAMS.to_vec() words=labels::team value=team>{t!(i18n, ap.member_team)}</ChoiceField>
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
