//! The domain model: plain data, no behaviour beyond small helpers. Everything the
//! app knows about a plan is one of these types, and the plan file is their JSON.

pub mod account;
pub mod account_plan;
pub mod activity;
pub mod campaign;
pub mod channel;
pub mod collaboration;
pub mod contact;
pub mod deal;
pub mod goal;
pub mod icp;
pub mod ids;
pub mod lists;
pub mod money;
pub mod plan;
pub mod prioritisation;
pub mod quantity;
pub mod record;
pub mod revisions;
pub mod rules;
mod serde_helpers;
pub mod settings;
pub mod sorting;
pub mod team;
pub mod time;

pub use account::{Account, AccountStatus, CustomFieldDef, CustomValue, FieldKind, TargetChoice};
pub use account_plan::{AccountPlan, Action, ActionStatus, Overview};
pub use activity::{Activity, ActivityKind};
pub use campaign::{Campaign, ContentAsset, ContentKind, ContentStatus, CustomChannel};
pub use channel::{BuiltinChannel, Channel};
pub use collaboration::{AccountNote, HandoffEvent, HandoffStage, NpsResponse};
pub use contact::{BuyingRole, Contact, Stance};
pub use deal::{Deal, DealKind, DealStage, Outcome};
pub use goal::{Goal, Metric, Unit};
pub use icp::{IcpCriterion, IcpProfile, IcpRule, Persona, SetMatch, UnknownPolicy};
pub use ids::*;
pub use money::Money;
pub use plan::{Currency, Plan, PlanCounts, COMMON_CURRENCIES};
pub use prioritisation::{Factor, FactorScale, FactorSource, Prioritisation, Tier, TierRule};
pub use record::{normalise_domain, Collection, Record};
pub use revisions::{changed_fields, field_value, from_json, record_key, set_field, settings_records, to_json, FieldRevisions, Revision, Revisions};
pub use rules::{Refusal, Rules};
pub use settings::{distinct_pair, Attribution, EngagementModel, JourneyRules, NbaRule, PlanSettings};
pub use team::{Team, TeamMember};
pub use time::{Date, Timestamp};
