//! The account plan's engine (steps 3, 5, 6 and 7 of the method): the org chart
//! drawn from reports-to, the channels an account responds to, next best actions
//! from recent behaviour, the hand-off status between marketing and sales, and
//! the plan as a Markdown document.

mod channels;
mod handoff;
pub mod markdown;
mod next_best;
mod org_chart;

pub use channels::{activity_channel, channel_responses, suggested_channels, ChannelResponse};
pub use handoff::{current_stage, current_stages, handoff_history};
pub use next_best::{accept, suggestions, Suggestion, LOOKBACK_DAYS};
pub use org_chart::{org_chart, OrgNode};

use crate::domain::{AccountId, AccountPlan, Contact, Plan};

/// The account's plan, if one was written.
pub fn plan_of<'a>(plan: &'a Plan, account: &AccountId) -> Option<&'a AccountPlan> {
    plan.account_plans.iter().find(|p| &p.account == account)
}

/// The account's contacts, in the plan's order.
pub fn contacts_of<'a>(plan: &'a Plan, account: &AccountId) -> Vec<&'a Contact> {
    plan.contacts.iter().filter(|c| &c.account == account).collect()
}
