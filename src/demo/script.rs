//! What a demo says, apart from how it is generated: the seller, its
//! companies, people, campaigns and words. One script per language
//! (`japanese`, `english`); the generator (`super`) is shared, so both demos
//! tell the same story with the same shape of data.

/// A company the seller targets.
pub struct Company {
    pub name: &'static str,
    pub domain: &'static str,
    pub industry: &'static str,
    /// A segment, kept as a tag.
    pub segment: &'static str,
    pub employees: Option<u32>,
    /// Annual revenue in the script's `revenue_unit`.
    pub revenue: Option<i64>,
    /// Prefecture or state; empty when unknown (the company's country is then
    /// unknown too).
    pub region: &'static str,
    pub city: &'static str,
    pub technologies: &'static [&'static str],
    /// The value of the ERP custom field; empty when unknown.
    pub erp: &'static str,
}

/// One of the seller's campaigns, placed relative to today.
pub struct CampaignRow {
    pub name: &'static str,
    /// A built-in channel's key, or the id of the script's custom channel.
    pub channel: &'static str,
    /// Days before today it started.
    pub started_ago: i64,
    /// Length in days; `None` for one still running.
    pub days: Option<i64>,
    /// Cost in the plan's currency.
    pub cost: i64,
    /// Indices into `content`.
    pub content: &'static [usize],
}

/// An account plan's texts, for the account at `account`.
pub struct PlanText {
    pub account: usize,
    pub business: &'static str,
    pub challenges: &'static str,
    pub needs: &'static str,
    pub marketing: &'static str,
    pub sales: &'static str,
}

pub struct Persona {
    pub name: &'static str,
    pub role: &'static str,
    pub department: &'static str,
    pub seniority: &'static str,
    pub pains: [&'static str; 3],
}

pub struct Script {
    pub plan_name: &'static str,
    pub currency: &'static str,
    pub fiscal_year_start_month: u8,
    /// Multiplier from a company's `revenue` to the currency's units.
    pub revenue_unit: i64,
    /// The generator works out amounts in yen; divided by this they are in
    /// the script's currency (then rounded to a sensible step).
    pub per_yen: f64,
    /// The country of companies whose region is known.
    pub country: &'static str,
    /// Hours the demo's own clock is ahead of UTC: its meetings and emails
    /// happen in that country's business hours, whatever the viewer's zone.
    pub utc_offset_hours: i32,
    /// The industry the seller sells to (campaigns target it).
    pub core_industry: &'static str,
    pub companies: &'static [Company],
    /// Family names and given names, and whether a name is written family
    /// name first.
    pub surnames: &'static [&'static str],
    pub given_names: &'static [&'static str],
    pub family_name_first: bool,
    /// title, department, buying role key, typical relationship, stance key.
    pub roles: &'static [(&'static str, &'static str, &'static str, u8, &'static str)],
    pub resister_note: &'static str,
    /// name, "marketing" or "sales", email.
    pub team: &'static [(&'static str, &'static str, &'static str)],
    pub products: [&'static str; 4],
    /// title, content kind key, url path.
    pub content: &'static [(&'static str, &'static str, &'static str)],
    /// The seller's site, for content links.
    pub site: &'static str,
    /// Content made for one account: account index, title, kind key, status key, url path.
    pub personal_content: [(usize, &'static str, &'static str, &'static str, &'static str); 4],
    pub campaigns: &'static [CampaignRow],
    /// The monthly webinar series: a name for each topic, taken in turn.
    pub webinar_topics: &'static [&'static str],
    /// Cost of one webinar of the series.
    pub webinar_cost: i64,
    /// Custom fields: ERP vendor (a choice) and sites (a number).
    pub erp_field: &'static str,
    pub erp_options: &'static [&'static str],
    /// ERP vendors the ICP prefers.
    pub erp_preferred: &'static [&'static str],
    pub sites_field: &'static str,
    /// The seller's own channel (`ch_tradeshow`).
    pub custom_channel: &'static str,
    pub icp_regions: &'static [&'static str],
    pub icp_technologies: &'static [&'static str],
    pub personas: [Persona; 3],
    /// The eight KGIs, in the order of `goals`.
    pub goal_names: [&'static str; 8],
    /// Deal names: new, cross-sell, renewal, upsell, pipeline, lost.
    pub deal_names: [&'static str; 6],
    /// Notes on the first three accounts.
    pub account_notes: [&'static str; 3],
    pub include_note: &'static str,
    pub exclude_note: &'static str,
    pub plans: [PlanText; 3],
    /// An account plan's goals and KPIs: contract, revenue; meetings, engagement rate, new contacts.
    pub plan_goal_names: [&'static str; 5],
    pub action_titles: [&'static str; 4],
    pub nps_comments: [&'static str; 5],
    /// Shared notes: account index, text.
    pub notes: [(usize, &'static str); 6],
}
