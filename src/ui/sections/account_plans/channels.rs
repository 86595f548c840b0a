//! The channel mix: which channels this account is worked through, beside how
//! strongly it has responded to each (from its own history), with the strong
//! ones not yet in the mix marked as suggested.

use super::edit_plan;
use crate::account_plans::{channel_responses, plan_of, suggested_channels};
use crate::browser::clock;
use crate::domain::{AccountId, Channel, ChannelId, CustomChannel, IdGenerator};
use crate::editing::{Change, EditKind};
use crate::icp::normalise;
use crate::ui::i18n::{t, td_string, use_i18n};
use crate::ui::labels;
use crate::ui::state::use_app;
use crate::ui::widgets::unique_id;
use leptos::prelude::*;

#[derive(Clone, PartialEq)]
struct ChannelRow {
    channel: Channel,
    name: String,
    chosen: bool,
    suggested: bool,
    share: f64,
    responses: u32,
}

#[component]
pub fn ChannelsPanel(id: AccountId) -> impl IntoView {
    let state = use_app();
    let i18n = use_i18n();
    let rows = {
        let id = id.clone();
        Memo::new(move |_| {
            let l = i18n.get_locale();
            state.plan.with(|p| {
                let Some(p) = p else { return Vec::new() };
                let mix: Vec<Channel> = plan_of(p, &id).map(|ap| ap.channels.clone()).unwrap_or_default();
                let responses = channel_responses(p, &id, clock::now());
                let suggested: Vec<Channel> = suggested_channels(&responses, &mix).into_iter().map(|r| r.channel.clone()).collect();
                labels::all_channels(p)
                    .into_iter()
                    .map(|c| {
                        let r = responses.iter().find(|r| r.channel == c);
                        ChannelRow {
                            name: labels::channel(l, p, &c),
                            chosen: mix.contains(&c),
                            suggested: suggested.contains(&c),
                            share: r.map_or(0.0, |r| r.share),
                            responses: r.map_or(0, |r| r.responses),
                            channel: c,
                        }
                    })
                    .collect::<Vec<_>>()
            })
        })
    };
    let toggle = Callback::new(move |(channel, on): (Channel, bool)| {
        edit_plan(state, &id, EditKind::EditChannels, |ap| {
            ap.channels.retain(|c| c != &channel);
            if on {
                ap.channels.push(channel);
            }
        });
    });
    let new_name = RwSignal::new(String::new());
    let error: RwSignal<Option<String>> = RwSignal::new(None);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let l = state.locale();
        let name = new_name.get_untracked().trim().to_string();
        if name.is_empty() {
            error.set(Some(td_string!(l, ap.channel_name_required).to_string()));
            return;
        }
        let taken = state
            .plan
            .with_untracked(|p| p.as_ref().is_some_and(|p| labels::all_channels(p).iter().any(|c| normalise(&labels::channel(l, p, c)) == normalise(&name))));
        if taken {
            error.set(Some(td_string!(l, ap.channel_taken, name = name).to_string()));
            return;
        }
        let channel = CustomChannel { id: ChannelId::generate(&mut IdGenerator::random()), name };
        state.dispatch(Change::AddCustomChannel(channel), EditKind::AddChannel);
        new_name.set(String::new());
        error.set(None);
    };
    let field = unique_id("own-channel");
    view! {
        <section class="panel" aria-labelledby="plan-channels">
            <h3 id="plan-channels">{t!(i18n, ap.channels)}</h3>
            <p class="muted no-print">{t!(i18n, ap.channels_hint)}</p>
            <ul class="channel-mix" data-testid="channel-mix">
                // Keyed without the choice and the strength (which moves with the clock), so
                // ticking a box keeps the row and the focus.
                <For each=move || rows.get() key=move |r| (i18n.get_locale_untracked(), r.channel.key().to_string(), r.name.clone(), r.responses) let:r>
                    {
                        let l = i18n.get_locale_untracked();
                        let (channel, find) = (r.channel.clone(), r.channel.clone());
                        let state_of = Memo::new(move |_| rows.with(|v| v.iter().find(|x| x.channel == find).map_or((false, false), |x| (x.chosen, x.suggested))));
                        let responses = if r.responses > 0 { td_string!(l, ap.responses_n, count = r.responses as usize).to_string() } else { td_string!(l, ap.no_responses).to_string() };
                        let width = {
                            let find = r.channel.clone();
                            move || rows.with(|v| v.iter().find(|x| x.channel == find).map_or(0.0, |x| x.share)) * 100.0
                        };
                        let width = move || format!("{:.0}%", width());
                        view! {
                            <li class:chosen=move || state_of.get().0 class:print-hidden=move || !state_of.get().0>
                                <label class="check">
                                    <input type="checkbox" prop:checked=move || state_of.get().0 on:change=move |ev| toggle.run((channel.clone(), event_target_checked(&ev)))/>
                                    <span class="channel-name">{r.name.clone()}</span>
                                </label>
                                <Show when=move || state_of.get().1><span class="chip chip-accent">{t!(i18n, ap.suggested)}</span></Show>
                                <span class="response-bar" aria-hidden="true"><span style:width=width></span></span>
                                <span class="muted response-count">{responses}</span>
                            </li>
                        }
                    }
                </For>
            </ul>
            <form class="inline-form no-print" novalidate on:submit=add>
                <div class="field">
                    <label for=field.clone()>{t!(i18n, ap.own_channel)}</label>
                    <input id=field type="text" prop:value=move || new_name.get() on:input=move |ev| { new_name.set(event_target_value(&ev)); error.set(None); }/>
                </div>
                <button type="submit" class="button">{t!(i18n, ap.add_channel)}</button>
            </form>
            <Show when=move || error.with(Option::is_some)>
                <p class="form-error" role="alert">{move || error.get()}</p>
            </Show>
        </section>
    }
}
