//! Localized names of the model's enumerations.

use crate::domain::prioritisation::builtin;
use crate::domain::quantity::NumberProblem;
use crate::domain::{
    AccountStatus, ActionStatus, ActivityKind, BuiltinChannel, BuyingRole, Channel, ContentKind, ContentStatus, DealKind, DealStage, Factor, FactorSource,
    HandoffStage, Metric, Outcome, Plan, Stance, Team, Tier, Unit,
};
use crate::editing::EditKind;
use crate::ui::i18n::{td_string, Locale};

/// A CSS class part for one of the model's enumerations: its name in the plan
/// file, lowercased (`InProgress` → `inprogress`). The file's names only change
/// with a migration, so styles never follow a renamed Rust variant.
pub fn css_key<T: serde::Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(name)) => name.to_lowercase(),
        _ => String::new(),
    }
}

pub fn metric(l: Locale, m: Metric) -> String {
    match m {
        Metric::NewContacts => td_string!(l, goals.metrics.newContacts),
        Metric::NewContracts => td_string!(l, goals.metrics.newContracts),
        Metric::NewProductsOffered => td_string!(l, goals.metrics.newProductsOffered),
        Metric::CrossSellUpsellValue => td_string!(l, goals.metrics.crossSellUpsellValue),
        Metric::Revenue => td_string!(l, goals.metrics.revenue),
        Metric::PipelineValue => td_string!(l, goals.metrics.pipelineValue),
        Metric::EngagementRate => td_string!(l, goals.metrics.engagementRate),
        Metric::EngagedAccounts => td_string!(l, goals.metrics.engagedAccounts),
        Metric::SalesCycleDays => td_string!(l, goals.metrics.salesCycleDays),
        Metric::Meetings => td_string!(l, goals.metrics.meetings),
        Metric::Nps => td_string!(l, goals.metrics.nps),
        Metric::EmailOpenRate => td_string!(l, goals.metrics.emailOpenRate),
        Metric::EmailClickRate => td_string!(l, goals.metrics.emailClickRate),
        Metric::WebVisits => td_string!(l, goals.metrics.webVisits),
        Metric::ContentDownloads => td_string!(l, goals.metrics.contentDownloads),
        Metric::Custom => td_string!(l, goals.metrics.custom),
    }
    .to_string()
}

pub const UNITS: [Unit; 5] = [Unit::Count, Unit::Money, Unit::Percent, Unit::Days, Unit::Score];

pub fn unit(l: Locale, u: Unit) -> String {
    match u {
        Unit::Count => td_string!(l, goals.units.count),
        Unit::Money => td_string!(l, goals.units.money),
        Unit::Percent => td_string!(l, goals.units.percent),
        Unit::Days => td_string!(l, goals.units.days),
        Unit::Score => td_string!(l, goals.units.score),
    }
    .to_string()
}

/// Why a typed amount or count is refused, quoting what was typed.
pub fn number_problem(l: Locale, text: &str, p: NumberProblem) -> String {
    let text = text.trim().to_string();
    match p {
        NumberProblem::Empty => td_string!(l, numbers.empty).to_string(),
        NumberProblem::NotANumber => td_string!(l, numbers.not_a_number, text = text).to_string(),
        NumberProblem::TooLarge => td_string!(l, numbers.too_large, text = text).to_string(),
        NumberProblem::TooManyDecimals => td_string!(l, numbers.too_many_decimals, text = text).to_string(),
        NumberProblem::Negative => td_string!(l, numbers.negative, text = text).to_string(),
        NumberProblem::NotWhole => td_string!(l, numbers.not_whole, text = text).to_string(),
        NumberProblem::OtherCurrency(named) => td_string!(l, numbers.other_currency_any, text = text, named = named).to_string(),
    }
}

/// [`number_problem`] for an amount typed in a plan kept in `plan`: a
/// currency other than the plan's is named with the plan's.
pub fn amount_problem(l: Locale, text: &str, p: NumberProblem, plan: &crate::domain::Currency) -> String {
    match p {
        NumberProblem::OtherCurrency(named) => {
            td_string!(l, numbers.other_currency, text = text.trim().to_string(), named = named, plan = plan.code().to_string()).to_string()
        }
        // Examples in the plan's own currency: a dollar plan is not told about 億.
        NumberProblem::NotANumber => {
            let examples = match plan.code() {
                "JPY" | "CNY" => td_string!(l, numbers.examples_yen),
                "USD" | "CAD" | "AUD" | "NZD" | "SGD" | "HKD" => td_string!(l, numbers.examples_dollar),
                _ => td_string!(l, numbers.examples_other),
            };
            td_string!(l, numbers.not_an_amount, text = text.trim().to_string(), examples = examples.to_string()).to_string()
        }
        p => number_problem(l, text, p),
    }
}

pub fn account_status(l: Locale, s: Option<AccountStatus>) -> String {
    match s {
        None => td_string!(l, status.none),
        Some(AccountStatus::Prospect) => td_string!(l, status.prospect),
        Some(AccountStatus::Customer) => td_string!(l, status.customer),
        Some(AccountStatus::FormerCustomer) => td_string!(l, status.formerCustomer),
        Some(AccountStatus::Partner) => td_string!(l, status.partner),
        Some(AccountStatus::Competitor) => td_string!(l, status.competitor),
    }
    .to_string()
}

/// A month's short name (Nov, 11月), for tight places like a timeline.
pub fn month_short(l: Locale, m: u8) -> String {
    match m {
        1 => td_string!(l, months.s1),
        2 => td_string!(l, months.s2),
        3 => td_string!(l, months.s3),
        4 => td_string!(l, months.s4),
        5 => td_string!(l, months.s5),
        6 => td_string!(l, months.s6),
        7 => td_string!(l, months.s7),
        8 => td_string!(l, months.s8),
        9 => td_string!(l, months.s9),
        10 => td_string!(l, months.s10),
        11 => td_string!(l, months.s11),
        _ => td_string!(l, months.s12),
    }
    .to_string()
}

pub fn month(l: Locale, m: u8) -> String {
    match m {
        1 => td_string!(l, months.m1),
        2 => td_string!(l, months.m2),
        3 => td_string!(l, months.m3),
        4 => td_string!(l, months.m4),
        5 => td_string!(l, months.m5),
        6 => td_string!(l, months.m6),
        7 => td_string!(l, months.m7),
        8 => td_string!(l, months.m8),
        9 => td_string!(l, months.m9),
        10 => td_string!(l, months.m10),
        11 => td_string!(l, months.m11),
        _ => td_string!(l, months.m12),
    }
    .to_string()
}

pub fn edit_kind(l: Locale, k: EditKind) -> String {
    match k {
        EditKind::RenamePlan => td_string!(l, edits.rename_plan),
        EditKind::PlanSettings => td_string!(l, edits.plan_settings),
        EditKind::EditGoal => td_string!(l, edits.edit_goal),
        EditKind::AddGoal => td_string!(l, edits.add_goal),
        EditKind::RemoveGoal => td_string!(l, edits.remove_goal),
        EditKind::MoveGoal => td_string!(l, edits.move_goal),
        EditKind::Replace => td_string!(l, edits.replace),
        EditKind::Merge => td_string!(l, edits.merge),
        EditKind::AddAccount => td_string!(l, edits.add_account),
        EditKind::EditAccount => td_string!(l, edits.edit_account),
        EditKind::EditAccounts => td_string!(l, edits.edit_accounts),
        EditKind::DeleteAccounts => td_string!(l, edits.delete_accounts),
        EditKind::EditFactorValue => td_string!(l, edits.edit_factor_value),
        EditKind::EditIcp => td_string!(l, edits.edit_icp),
        EditKind::EditPersonas => td_string!(l, edits.edit_personas),
        EditKind::EditTargetList => td_string!(l, edits.edit_target_list),
        EditKind::EditWeights => td_string!(l, edits.edit_weights),
        EditKind::EditTiers => td_string!(l, edits.edit_tiers),
        EditKind::EditCustomFields => td_string!(l, edits.edit_custom_fields),
        EditKind::EditAccountPlan => td_string!(l, edits.edit_account_plan),
        EditKind::AddAction => td_string!(l, edits.add_action),
        EditKind::EditAction => td_string!(l, edits.edit_action),
        EditKind::RemoveAction => td_string!(l, edits.remove_action),
        EditKind::AcceptSuggestion => td_string!(l, edits.accept_suggestion),
        EditKind::EditChannels => td_string!(l, edits.edit_channels),
        EditKind::AddContact => td_string!(l, edits.add_contact),
        EditKind::EditContact => td_string!(l, edits.edit_contact),
        EditKind::RemoveContact => td_string!(l, edits.remove_contact),
        EditKind::AddContent => td_string!(l, edits.add_content),
        EditKind::EditContent => td_string!(l, edits.edit_content),
        EditKind::RemoveContent => td_string!(l, edits.remove_content),
        EditKind::AddNote => td_string!(l, edits.add_note),
        EditKind::ChangeHandoff => td_string!(l, edits.change_handoff),
        EditKind::EditOwners => td_string!(l, edits.edit_owners),
        EditKind::EditTeam => td_string!(l, edits.edit_team),
        EditKind::EditRules => td_string!(l, edits.edit_rules),
        EditKind::AddChannel => td_string!(l, edits.add_channel),
        EditKind::AddCampaign => td_string!(l, edits.add_campaign),
        EditKind::EditCampaign => td_string!(l, edits.edit_campaign),
        EditKind::RemoveCampaign => td_string!(l, edits.remove_campaign),
        EditKind::AddActivity => td_string!(l, edits.add_activity),
        EditKind::EditActivity => td_string!(l, edits.edit_activity),
        EditKind::RemoveActivities => td_string!(l, edits.remove_activities),
        EditKind::AddDeal => td_string!(l, edits.add_deal),
        EditKind::EditDeal => td_string!(l, edits.edit_deal),
        EditKind::RemoveDeal => td_string!(l, edits.remove_deal),
        EditKind::AddNps => td_string!(l, edits.add_nps),
        EditKind::EditNps => td_string!(l, edits.edit_nps),
        EditKind::RemoveNps => td_string!(l, edits.remove_nps),
        EditKind::ImportCsv => td_string!(l, edits.import_csv),
        EditKind::MergeAccounts => td_string!(l, edits.merge_accounts),
        EditKind::MarkDistinct => td_string!(l, edits.mark_distinct),
        EditKind::Cleanse => td_string!(l, edits.cleanse),
    }
    .to_string()
}

/// A factor's name: the user's, or the built-in one in the user's language.
pub fn factor_name(l: Locale, f: &Factor) -> String {
    if !f.name.is_empty() {
        return f.name.clone();
    }
    match f.id.as_str() {
        builtin::FIT => td_string!(l, factors.fit).to_string(),
        builtin::OPPORTUNITY => td_string!(l, factors.opportunity).to_string(),
        builtin::PURCHASE => td_string!(l, factors.purchase).to_string(),
        builtin::RELATIONSHIP => td_string!(l, factors.relationship).to_string(),
        other => other.to_string(),
    }
}

/// Where a factor's values come from.
pub fn factor_source(l: Locale, s: FactorSource) -> String {
    match s {
        FactorSource::Manual => td_string!(l, prio.source_manual),
        FactorSource::IcpFit => td_string!(l, prio.source_fit),
        FactorSource::Opportunity => td_string!(l, prio.source_opportunity),
        FactorSource::PurchaseHistory => td_string!(l, prio.source_purchase),
        FactorSource::Relationship => td_string!(l, prio.source_relationship),
        FactorSource::Engagement => td_string!(l, prio.source_engagement),
        FactorSource::PurchaseProbability => td_string!(l, prio.source_probability),
    }
    .to_string()
}

/// How to give a factor of this source values, for a factor that lacks them.
pub fn factor_fill_hint(l: Locale, s: FactorSource) -> String {
    match s {
        FactorSource::IcpFit => td_string!(l, prio.fill_fit),
        FactorSource::Opportunity => td_string!(l, prio.fill_opportunity),
        FactorSource::PurchaseHistory => td_string!(l, prio.fill_purchase),
        FactorSource::Relationship => td_string!(l, prio.fill_relationship),
        FactorSource::Manual | FactorSource::Engagement => td_string!(l, prio.fill_manual),
        FactorSource::PurchaseProbability => td_string!(l, prio.fill_probability),
    }
    .to_string()
}

/// The engagement style of a tier (1:1, 1:few, 1:many).
pub fn tier_style(l: Locale, t: Tier) -> String {
    match t {
        Tier::One => td_string!(l, prio.tier_one_to_one),
        Tier::Two => td_string!(l, prio.tier_one_to_few),
        Tier::Three => td_string!(l, prio.tier_one_to_many),
    }
    .to_string()
}

pub fn role(l: Locale, r: BuyingRole) -> String {
    match r {
        BuyingRole::DecisionMaker => td_string!(l, ap.roles.decisionMaker),
        BuyingRole::BudgetHolder => td_string!(l, ap.roles.budgetHolder),
        BuyingRole::Influencer => td_string!(l, ap.roles.influencer),
        BuyingRole::Champion => td_string!(l, ap.roles.champion),
        BuyingRole::User => td_string!(l, ap.roles.user),
        BuyingRole::Gatekeeper => td_string!(l, ap.roles.gatekeeper),
        BuyingRole::Resister => td_string!(l, ap.roles.resister),
    }
    .to_string()
}

pub const STANCES: [Stance; 3] = [Stance::Supporter, Stance::Neutral, Stance::Opponent];

pub fn stance(l: Locale, s: Stance) -> String {
    match s {
        Stance::Supporter => td_string!(l, ap.stances.supporter),
        Stance::Neutral => td_string!(l, ap.stances.neutral),
        Stance::Opponent => td_string!(l, ap.stances.opponent),
    }
    .to_string()
}

pub const ACTION_STATUSES: [ActionStatus; 4] = [ActionStatus::Planned, ActionStatus::InProgress, ActionStatus::Done, ActionStatus::Cancelled];

pub fn action_status(l: Locale, s: ActionStatus) -> String {
    match s {
        ActionStatus::Planned => td_string!(l, ap.action_status.planned),
        ActionStatus::InProgress => td_string!(l, ap.action_status.inProgress),
        ActionStatus::Done => td_string!(l, ap.action_status.done),
        ActionStatus::Cancelled => td_string!(l, ap.action_status.cancelled),
    }
    .to_string()
}

pub fn builtin_channel(l: Locale, c: BuiltinChannel) -> String {
    match c {
        BuiltinChannel::FieldSales => td_string!(l, ap.channel_names.fieldSales),
        BuiltinChannel::Email => td_string!(l, ap.channel_names.email),
        BuiltinChannel::Social => td_string!(l, ap.channel_names.social),
        BuiltinChannel::Ads => td_string!(l, ap.channel_names.ads),
        BuiltinChannel::Events => td_string!(l, ap.channel_names.events),
        BuiltinChannel::UserGroups => td_string!(l, ap.channel_names.userGroups),
    }
    .to_string()
}

/// A channel's name: built-in ones in the user's language, the plan's own by name.
pub fn channel(l: Locale, plan: &Plan, c: &Channel) -> String {
    match c {
        Channel::Builtin(b) => builtin_channel(l, *b),
        Channel::Custom(id) => plan.custom_channels.iter().find(|x| &x.id == id).map(|x| x.name.clone()).unwrap_or_else(|| id.to_string()),
    }
}

/// Every channel the plan offers: the six built-in ones, then the plan's own.
pub fn all_channels(plan: &Plan) -> Vec<Channel> {
    BuiltinChannel::ALL.into_iter().map(Channel::Builtin).chain(plan.custom_channels.iter().map(|c| Channel::Custom(c.id.clone()))).collect()
}

pub const CONTENT_KINDS: [ContentKind; 11] = [
    ContentKind::LandingPage,
    ContentKind::WebPage,
    ContentKind::Material,
    ContentKind::Newsletter,
    ContentKind::Whitepaper,
    ContentKind::CaseStudy,
    ContentKind::Video,
    ContentKind::Webinar,
    ContentKind::Ebook,
    ContentKind::BlogPost,
    ContentKind::Other,
];

pub fn content_kind(l: Locale, k: ContentKind) -> String {
    match k {
        ContentKind::Whitepaper => td_string!(l, ap.content_kinds.whitepaper),
        ContentKind::CaseStudy => td_string!(l, ap.content_kinds.caseStudy),
        ContentKind::Video => td_string!(l, ap.content_kinds.video),
        ContentKind::Webinar => td_string!(l, ap.content_kinds.webinar),
        ContentKind::LandingPage => td_string!(l, ap.content_kinds.landingPage),
        ContentKind::WebPage => td_string!(l, ap.content_kinds.webPage),
        ContentKind::Material => td_string!(l, ap.content_kinds.material),
        ContentKind::Newsletter => td_string!(l, ap.content_kinds.newsletter),
        ContentKind::Ebook => td_string!(l, ap.content_kinds.ebook),
        ContentKind::BlogPost => td_string!(l, ap.content_kinds.blogPost),
        ContentKind::Other => td_string!(l, ap.content_kinds.other),
    }
    .to_string()
}

pub const CONTENT_STATUSES: [ContentStatus; 5] =
    [ContentStatus::Planned, ContentStatus::InProgress, ContentStatus::Ready, ContentStatus::Published, ContentStatus::Retired];

pub fn content_status(l: Locale, s: ContentStatus) -> String {
    match s {
        ContentStatus::Planned => td_string!(l, ap.content_status.planned),
        ContentStatus::InProgress => td_string!(l, ap.content_status.inProgress),
        ContentStatus::Ready => td_string!(l, ap.content_status.ready),
        ContentStatus::Published => td_string!(l, ap.content_status.published),
        ContentStatus::Retired => td_string!(l, ap.content_status.retired),
    }
    .to_string()
}

pub const STAGES: [HandoffStage; 4] = [HandoffStage::MarketingQualified, HandoffStage::SalesAccepted, HandoffStage::Opportunity, HandoffStage::Recycled];

pub fn stage(l: Locale, s: HandoffStage) -> String {
    match s {
        HandoffStage::MarketingQualified => td_string!(l, ap.stages.marketingQualified),
        HandoffStage::SalesAccepted => td_string!(l, ap.stages.salesAccepted),
        HandoffStage::Opportunity => td_string!(l, ap.stages.opportunity),
        HandoffStage::Recycled => td_string!(l, ap.stages.recycled),
    }
    .to_string()
}

pub fn activity_kind(l: Locale, k: ActivityKind) -> String {
    match k {
        ActivityKind::EmailSent => td_string!(l, ap.activity_kinds.emailSent),
        ActivityKind::EmailOpened => td_string!(l, ap.activity_kinds.emailOpened),
        ActivityKind::EmailClicked => td_string!(l, ap.activity_kinds.emailClicked),
        ActivityKind::WebVisit => td_string!(l, ap.activity_kinds.webVisit),
        ActivityKind::ContentDownload => td_string!(l, ap.activity_kinds.contentDownload),
        ActivityKind::VideoView => td_string!(l, ap.activity_kinds.videoView),
        ActivityKind::WebinarRegistered => td_string!(l, ap.activity_kinds.webinarRegistered),
        ActivityKind::WebinarAttended => td_string!(l, ap.activity_kinds.webinarAttended),
        ActivityKind::EventAttended => td_string!(l, ap.activity_kinds.eventAttended),
        ActivityKind::Meeting => td_string!(l, ap.activity_kinds.meeting),
        ActivityKind::Call => td_string!(l, ap.activity_kinds.call),
        ActivityKind::SocialEngagement => td_string!(l, ap.activity_kinds.socialEngagement),
        ActivityKind::AdImpression => td_string!(l, ap.activity_kinds.adImpression),
        ActivityKind::AdClick => td_string!(l, ap.activity_kinds.adClick),
        ActivityKind::FormSubmitted => td_string!(l, ap.activity_kinds.formSubmitted),
    }
    .to_string()
}

pub const TEAMS: [Team; 3] = [Team::Marketing, Team::Sales, Team::Other];

pub fn team(l: Locale, t: Team) -> String {
    match t {
        Team::Marketing => td_string!(l, ap.team_marketing),
        Team::Sales => td_string!(l, ap.team_sales),
        Team::Other => td_string!(l, ap.team_other),
    }
    .to_string()
}

/// A goal's progress status in words (the dashboard's KGI table).
pub fn goal_status(l: Locale, s: crate::kpi::GoalStatus) -> String {
    match s {
        crate::kpi::GoalStatus::Achieved => td_string!(l, dash.status_achieved),
        crate::kpi::GoalStatus::OnTrack => td_string!(l, dash.status_on_track),
        crate::kpi::GoalStatus::Behind => td_string!(l, dash.status_behind),
        crate::kpi::GoalStatus::Missed => td_string!(l, dash.status_missed),
        crate::kpi::GoalStatus::NoData => td_string!(l, dash.status_no_data),
    }
    .to_string()
}

/// A journey stage's name.
pub fn journey_stage(l: Locale, s: crate::kpi::Stage) -> String {
    match s {
        crate::kpi::Stage::Unaware => td_string!(l, dash.stage_unaware),
        crate::kpi::Stage::Aware => td_string!(l, dash.stage_aware),
        crate::kpi::Stage::Engaged => td_string!(l, dash.stage_engaged),
        crate::kpi::Stage::MarketingQualified => td_string!(l, dash.stage_mql),
        crate::kpi::Stage::Opportunity => td_string!(l, dash.stage_opportunity),
        crate::kpi::Stage::Customer => td_string!(l, dash.stage_customer),
    }
    .to_string()
}

pub const DEAL_KINDS: [DealKind; 4] = [DealKind::New, DealKind::CrossSell, DealKind::Upsell, DealKind::Renewal];

pub fn deal_kind(l: Locale, k: DealKind) -> String {
    match k {
        DealKind::New => td_string!(l, rec.deal_kinds.newBusiness),
        DealKind::CrossSell => td_string!(l, rec.deal_kinds.crossSell),
        DealKind::Upsell => td_string!(l, rec.deal_kinds.upsell),
        DealKind::Renewal => td_string!(l, rec.deal_kinds.renewal),
    }
    .to_string()
}

pub const DEAL_STAGES: [DealStage; 4] = [DealStage::Qualification, DealStage::Proposal, DealStage::Negotiation, DealStage::Closed];

pub fn deal_stage(l: Locale, s: DealStage) -> String {
    match s {
        DealStage::Qualification => td_string!(l, rec.deal_stages.qualification),
        DealStage::Proposal => td_string!(l, rec.deal_stages.proposal),
        DealStage::Negotiation => td_string!(l, rec.deal_stages.negotiation),
        DealStage::Closed => td_string!(l, rec.deal_stages.closed),
    }
    .to_string()
}

pub const OUTCOMES: [Outcome; 3] = [Outcome::Open, Outcome::Won, Outcome::Lost];

pub fn outcome(l: Locale, o: Outcome) -> String {
    match o {
        Outcome::Open => td_string!(l, rec.outcomes.open),
        Outcome::Won => td_string!(l, rec.outcomes.won),
        Outcome::Lost => td_string!(l, rec.outcomes.lost),
    }
    .to_string()
}
