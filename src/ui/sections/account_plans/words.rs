//! The Markdown export's words in the user's language.

use crate::account_plans::markdown::{Heading, Words};
use crate::domain::*;
use crate::ui::format;
use crate::ui::i18n::{td_string, Locale};
use crate::ui::labels;

pub struct UiWords(pub Locale);

impl Words for UiWords {
    fn heading(&self, h: Heading) -> String {
        let l = self.0;
        match h {
            Heading::AccountPlan => td_string!(l, ap.title),
            Heading::Overview => td_string!(l, ap.overview),
            Heading::Business => td_string!(l, ap.business),
            Heading::Challenges => td_string!(l, ap.challenges),
            Heading::Needs => td_string!(l, ap.needs),
            Heading::Owners => td_string!(l, ap.owners),
            Heading::MarketingOwner => td_string!(l, ap.marketing_owner),
            Heading::SalesOwner => td_string!(l, ap.sales_owner),
            Heading::Handoff => td_string!(l, ap.handoff),
            Heading::Goals => td_string!(l, ap.goals),
            Heading::MarketingPlan => td_string!(l, ap.marketing_plan),
            Heading::SalesStrategy => td_string!(l, ap.sales_strategy),
            Heading::Kpis => td_string!(l, ap.kpis),
            Heading::Channels => td_string!(l, ap.channels),
            Heading::KeyPeople => td_string!(l, ap.stakeholders),
            Heading::ExecutionPlan => td_string!(l, ap.execution),
            Heading::Content => td_string!(l, ap.content),
            Heading::Name => td_string!(l, ap.contact_name),
            Heading::Title => td_string!(l, ap.contact_title),
            Heading::Department => td_string!(l, ap.department),
            Heading::Role => td_string!(l, ap.role),
            Heading::Stance => td_string!(l, ap.stance),
            Heading::Relationship => td_string!(l, ap.relationship),
            Heading::Metric => td_string!(l, goals.metric),
            Heading::Target => td_string!(l, goals.target),
            Heading::Due => td_string!(l, ap.due),
            Heading::Start => td_string!(l, ap.start),
            Heading::Action => td_string!(l, ap.action),
            Heading::Channel => td_string!(l, ap.channel),
            Heading::Owner => td_string!(l, ap.owner),
            Heading::Status => td_string!(l, ap.status),
            Heading::Kind => td_string!(l, ap.kind),
            Heading::Link => td_string!(l, ap.link),
            Heading::None => td_string!(l, ap.no_plan),
            Heading::Updated => td_string!(l, ap.updated),
        }
        .to_string()
    }
    fn role(&self, r: BuyingRole) -> String {
        labels::role(self.0, r)
    }
    fn stance(&self, s: Stance) -> String {
        labels::stance(self.0, s)
    }
    fn action_status(&self, s: ActionStatus) -> String {
        labels::action_status(self.0, s)
    }
    fn channel(&self, plan: &Plan, c: &Channel) -> String {
        labels::channel(self.0, plan, c)
    }
    fn content_kind(&self, k: ContentKind) -> String {
        labels::content_kind(self.0, k)
    }
    fn content_status(&self, s: ContentStatus) -> String {
        labels::content_status(self.0, s)
    }
    fn stage(&self, s: HandoffStage) -> String {
        labels::stage(self.0, s)
    }
    fn metric(&self, m: Metric) -> String {
        labels::metric(self.0, m)
    }
    fn target(&self, plan: &Plan, g: &Goal) -> String {
        crate::ui::sections::goals::target_text(g, &plan.currency, self.0)
    }
    fn date(&self, d: Date) -> String {
        format::date(d, self.0)
    }
}
