//! Checks a decoded plan as a whole: ids present and unique, references that point
//! at records in the plan, values in their ranges, dates in order.
//!
//! Strict mode reports errors. Repair mode fixes what it can and says so: a dangling
//! optional reference is removed, a record whose required reference dangles is left
//! out, a value out of range is clamped, a later duplicate is left out.

use super::decode::{Mode, Origins};
use super::problems::{Entity, Location, Problem, ProblemKind, Severity};
use crate::domain::ids::check_id;
use crate::domain::*;
use imbl::Vector;
use rustc_hash::FxHashSet;
use std::collections::{HashMap, HashSet};
use std::fmt;

/// The ids of one collection, to check references against.
type Ids = FxHashSet<String>;

/// Where a record is in the file ("plan.accounts[3]"), written out only when a
/// problem is reported: formatting every field's path of 250,000 records up
/// front was most of the check's time.
#[derive(Clone, Copy)]
struct RecordPath<'a> {
    origins: &'a Origins,
    collection: &'a str,
    index: usize,
}

impl fmt::Display for RecordPath<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.origins.path(self.collection, self.index))
    }
}

/// Removes the records at `indices` (ascending) from `items`.
fn drop_indices<T: Clone>(items: &mut Vector<T>, indices: &[usize]) {
    if indices.is_empty() {
        return;
    }
    let mut at = 0;
    let mut next = indices.iter().peekable();
    items.retain(|_| {
        let keep = next.peek() != Some(&&at);
        if !keep {
            next.next();
        }
        at += 1;
        keep
    });
}

pub fn validate(plan: &mut Plan, origins: &Origins, mode: Mode, problems: &mut Vec<Problem>) {
    let mut c = Checker { mode, problems };
    c.plan_fields(plan);

    let team = c.unique_ids("team", &mut plan.team, origins, |m| m.id.as_str(), |m| &m.name);
    for (i, m) in plan.team.iter().enumerate() {
        c.non_empty(&m.name, || format!("{}.name", origins.path("team", i)), None);
    }
    c.goals("plan.goals", &mut plan.goals, origins, "goals");
    let fields = c.unique_ids("customFields", &mut plan.custom_fields, origins, |f| f.id.as_str(), |f| &f.name);
    let channels = c.unique_ids("customChannels", &mut plan.custom_channels, origins, |ch| ch.id.as_str(), |ch| &ch.name);
    for (i, ch) in plan.custom_channels.iter().enumerate() {
        let path = origins.path("customChannels", i);
        c.non_empty(&ch.name, || format!("{path}.name"), None);
        if BuiltinChannel::from_key(ch.id.as_str()).is_some() {
            c.report(format!("{path}.id"), ProblemKind::DuplicateId(ch.id.to_string()), Some(&ch.name));
        }
    }
    let personas: Ids = plan.icp.personas.iter().map(|p| p.id.to_string()).collect();
    let factors: HashMap<String, f64> =
        plan.prioritisation.factors.iter().map(|f| (f.id.to_string(), f.scale.max())).collect();
    c.icp(&mut plan.icp, &fields);
    c.settings(&mut plan.settings, &channels);
    let rules: Ids = plan.settings.next_best_actions.iter().map(|r| r.id.to_string()).collect();

    let accounts = c.unique_ids("accounts", &mut plan.accounts, origins, |a| a.id.as_str(), |a| &a.name);
    c.distinct_accounts(&mut plan.settings.distinct_accounts, &accounts);
    c.each(&mut plan.accounts, origins, "accounts", |c, a, path| {
        c.non_empty(&a.name, || format!("{path}.name"), None);
        let subject = Some(a.name.clone());
        let s = subject.as_deref();
        c.non_negative_money(&mut a.annual_revenue, || format!("{path}.annualRevenue"), s);
        c.non_negative_money(&mut a.expected_deal_size, || format!("{path}.expectedDealSize"), s);
        c.optional_ref(&mut a.marketing_owner, &team, Entity::TeamMember, || format!("{path}.marketingOwner"), s);
        c.optional_ref(&mut a.sales_owner, &team, Entity::TeamMember, || format!("{path}.salesOwner"), s);
        let mut custom = std::mem::take(&mut a.custom);
        custom.retain(|k, _| c.reference(&fields, k.as_str(), Entity::CustomField, || format!("{path}.custom.{k}"), s, true));
        a.custom = custom;
        let mut values = std::mem::take(&mut a.factors);
        values.retain(|k, v| {
            let p = || format!("{path}.factors.{k}");
            match factors.get(k.as_str()) {
                None => c.reference(&Ids::default(), k.as_str(), Entity::Factor, p, s, true),
                Some(max) => {
                    c.clamp(v, 0.0, *max, p, s);
                    true
                }
            }
        });
        a.factors = values;
        true
    });

    let contacts = c.unique_ids("contacts", &mut plan.contacts, origins, |x| x.id.as_str(), |x| &x.name);
    let contact_account: HashMap<String, String> =
        plan.contacts.iter().map(|x| (x.id.to_string(), x.account.to_string())).collect();
    c.each(&mut plan.contacts, origins, "contacts", |c, x, path| {
        let s = Some(x.name.clone());
        let s = s.as_deref();
        if !c.reference(&accounts, x.account.as_str(), Entity::Account, || format!("{path}.account"), s, false) {
            return false;
        }
        c.non_empty(&x.name, || format!("{path}.name"), None);
        if let Some(r) = x.relationship.as_mut() {
            let mut v = f64::from(*r);
            c.clamp(&mut v, 0.0, 10.0, || format!("{path}.relationship"), s);
            *r = v as u8;
        }
        c.optional_ref(&mut x.reports_to, &contacts, Entity::Contact, || format!("{path}.reportsTo"), s);
        if x.reports_to.as_ref() == Some(&x.id) {
            c.report(format!("{path}.reportsTo"), ProblemKind::ReportsToSelfOrCycle, s);
            x.reports_to = None;
        }
        c.optional_ref(&mut x.persona, &personas, Entity::Persona, || format!("{path}.persona"), s);
        true
    });
    c.reporting_cycles(&mut plan.contacts, origins);

    let campaigns = c.unique_ids("campaigns", &mut plan.campaigns, origins, |x| x.id.as_str(), |x| &x.name);
    let content = c.unique_ids("content", &mut plan.content, origins, |x| x.id.as_str(), |x| &x.title);
    let mut missing_channels: Vec<ChannelId> = Vec::new();
    c.each(&mut plan.campaigns, origins, "campaigns", |c, x, path| {
        let s = Some(x.name.clone());
        let s = s.as_deref();
        c.non_empty(&x.name, || format!("{path}.name"), None);
        if let Channel::Custom(id) = &x.channel {
            if !c.reference(&channels, id.as_str(), Entity::Channel, || format!("{path}.channel"), s, true)
                && !missing_channels.contains(id)
            {
                missing_channels.push(id.clone());
            }
        }
        c.dates_in_order(Some(x.start), x.end, || format!("{path}.end"), s);
        c.non_negative(&mut x.cost, || format!("{path}.cost"), s);
        x.targets.retain(|t| c.reference(&accounts, t.as_str(), Entity::Account, || format!("{path}.targets"), s, true));
        x.content.retain(|t| c.reference(&content, t.as_str(), Entity::Content, || format!("{path}.content"), s, true));
        c.optional_ref(&mut x.owner, &team, Entity::TeamMember, || format!("{path}.owner"), s);
        true
    });
    // Repair keeps campaigns whose custom channel is missing by restoring the channel.
    if mode == Mode::Repair {
        for id in missing_channels {
            plan.custom_channels.push_back(CustomChannel { name: id.to_string(), id });
        }
    }

    c.each(&mut plan.content, origins, "content", |c, x, path| {
        let s = Some(x.title.clone());
        c.non_empty(&x.title, || format!("{path}.title"), None);
        c.optional_ref(&mut x.account, &accounts, Entity::Account, || format!("{path}.account"), s.as_deref());
        true
    });

    let _ = c.unique_ids("deals", &mut plan.deals, origins, |x| x.id.as_str(), |x| &x.name);
    c.each(&mut plan.deals, origins, "deals", |c, x, path| {
        let s = Some(x.name.clone());
        let s = s.as_deref();
        if !c.reference(&accounts, x.account.as_str(), Entity::Account, || format!("{path}.account"), s, false) {
            return false;
        }
        c.non_empty(&x.name, || format!("{path}.name"), None);
        c.non_negative(&mut x.amount, || format!("{path}.amount"), s);
        c.dates_in_order(Some(x.created), x.closed, || format!("{path}.closed"), s);
        c.optional_ref(&mut x.owner, &team, Entity::TeamMember, || format!("{path}.owner"), s);
        c.optional_ref(&mut x.campaign, &campaigns, Entity::Campaign, || format!("{path}.campaign"), s);
        true
    });

    let _ = c.unique_ids("activities", &mut plan.activities, origins, |x| x.id.as_str(), |_| "");
    c.each(&mut plan.activities, origins, "activities", |c, x, path| {
        if !c.reference(&accounts, x.account.as_str(), Entity::Account, || format!("{path}.account"), None, false) {
            return false;
        }
        c.optional_ref(&mut x.contact, &contacts, Entity::Contact, || format!("{path}.contact"), None);
        if let Some(at) = x.contact.as_ref().and_then(|id| contact_account.get(id.as_str())) {
            if at != x.account.as_str() {
                c.warn(format!("{path}.contact"), ProblemKind::ContactAtOtherAccount, None);
            }
        }
        c.optional_ref(&mut x.campaign, &campaigns, Entity::Campaign, || format!("{path}.campaign"), None);
        c.optional_ref(&mut x.content, &content, Entity::Content, || format!("{path}.content"), None);
        if x.count == Some(0) {
            c.report(format!("{path}.count"), range_kind(0.0, 1.0, f64::from(u32::MAX)), None);
            x.count = None;
        }
        if let Some(p) = x.progress.as_mut() {
            if *p > 100 {
                c.report(format!("{path}.progress"), range_kind(f64::from(*p), 0.0, 100.0), None);
                *p = 100;
            }
        }
        true
    });

    let _ = c.unique_ids("accountPlans", &mut plan.account_plans, origins, |x| x.id.as_str(), |_| "");
    c.each(&mut plan.account_plans, origins, "accountPlans", |c, x, path| {
        if !c.reference(&accounts, x.account.as_str(), Entity::Account, || format!("{path}.account"), None, false) {
            return false;
        }
        let mut goals: Vector<Goal> = x.goals.iter().cloned().collect();
        c.goals(&format!("{path}.goals"), &mut goals, &Origins::identity(), "");
        x.goals = goals.into_iter().collect();
        let mut kpis: Vector<Goal> = x.kpis.iter().cloned().collect();
        c.goals(&format!("{path}.kpis"), &mut kpis, &Origins::identity(), "");
        x.kpis = kpis.into_iter().collect();
        let mut seen = HashSet::new();
        let mut kept = Vec::new();
        for (i, mut action) in std::mem::take(&mut x.actions).into_iter().enumerate() {
            let ap = format!("{path}.actions[{i}]");
            let s = Some(action.title.clone());
            let s = s.as_deref();
            if !seen.insert(action.id.to_string()) {
                c.report(format!("{ap}.id"), ProblemKind::DuplicateId(action.id.to_string()), s);
                continue;
            }
            c.non_empty(&action.title, || format!("{ap}.title"), None);
            c.optional_ref(&mut action.owner, &team, Entity::TeamMember, || format!("{ap}.owner"), s);
            c.optional_ref(&mut action.rule, &rules, Entity::Rule, || format!("{ap}.rule"), s);
            if let Some(Channel::Custom(id)) = &action.channel {
                if !c.reference(&channels, id.as_str(), Entity::Channel, || format!("{ap}.channel"), s, true) {
                    action.channel = None;
                }
            }
            action.content.retain(|t| c.reference(&content, t.as_str(), Entity::Content, || format!("{ap}.content"), s, true));
            c.dates_in_order(action.start, action.due, || format!("{ap}.due"), s);
            kept.push(action);
        }
        x.actions = kept;
        x.channels.retain(|ch| match ch {
            Channel::Custom(id) => c.reference(&channels, id.as_str(), Entity::Channel, || format!("{path}.channels"), None, true),
            Channel::Builtin(_) => true,
        });
        true
    });

    let _ = c.unique_ids("npsResponses", &mut plan.nps_responses, origins, |x| x.id.as_str(), |_| "");
    c.each(&mut plan.nps_responses, origins, "npsResponses", |c, x, path| {
        if !c.reference(&accounts, x.account.as_str(), Entity::Account, || format!("{path}.account"), None, false) {
            return false;
        }
        c.optional_ref(&mut x.contact, &contacts, Entity::Contact, || format!("{path}.contact"), None);
        if x.score > 10 {
            c.report(format!("{path}.score"), range_kind(f64::from(x.score), 0.0, 10.0), None);
            x.score = 10;
        }
        true
    });

    let _ = c.unique_ids("notes", &mut plan.notes, origins, |x| x.id.as_str(), |_| "");
    c.each(&mut plan.notes, origins, "notes", |c, x, path| {
        if !c.reference(&accounts, x.account.as_str(), Entity::Account, || format!("{path}.account"), None, false) {
            return false;
        }
        c.optional_ref(&mut x.author, &team, Entity::TeamMember, || format!("{path}.author"), None);
        true
    });

    let _ = c.unique_ids("handoffs", &mut plan.handoffs, origins, |x| x.id.as_str(), |_| "");
    c.each(&mut plan.handoffs, origins, "handoffs", |c, x, path| {
        if !c.reference(&accounts, x.account.as_str(), Entity::Account, || format!("{path}.account"), None, false) {
            return false;
        }
        c.optional_ref(&mut x.by, &team, Entity::TeamMember, || format!("{path}.by"), None);
        true
    });
}

fn range_kind(got: f64, min: f64, max: f64) -> ProblemKind {
    ProblemKind::OutOfRange { got: number_text(got), min: number_text(min), max: number_text(max) }
}

fn number_text(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

struct Checker<'a> {
    mode: Mode,
    problems: &'a mut Vec<Problem>,
}

impl Checker<'_> {
    fn report(&mut self, path: String, kind: ProblemKind, subject: Option<&str>) {
        let severity = match self.mode {
            Mode::Strict => Severity::Error,
            Mode::Repair => Severity::Warning,
        };
        self.problems.push(
            Problem { severity, location: Location::Path(path), subject: None, kind }
                .with_subject(subject.map(str::to_string)),
        );
    }

    fn warn(&mut self, path: String, kind: ProblemKind, subject: Option<&str>) {
        self.problems.push(Problem::warning(Location::Path(path), kind).with_subject(subject.map(str::to_string)));
    }

    /// Visits each record in place with its file path; records for which `f`
    /// returns false are left out (only ever in repair mode: strict mode keeps
    /// all and reports). In place, because a copy of 200,000 activities was half
    /// an import's memory.
    fn each<T: Clone>(
        &mut self,
        items: &mut Vector<T>,
        origins: &Origins,
        key: &str,
        mut f: impl FnMut(&mut Self, &mut T, RecordPath) -> bool,
    ) {
        let mut dropped = Vec::new();
        for (index, item) in items.iter_mut().enumerate() {
            if !f(self, item, RecordPath { origins, collection: key, index }) && self.mode == Mode::Repair {
                dropped.push(index);
            }
        }
        drop_indices(items, &dropped);
    }

    /// Checks ids and leaves out later duplicates; returns the set of ids.
    fn unique_ids<T: Clone>(
        &mut self,
        key: &str,
        items: &mut Vector<T>,
        origins: &Origins,
        id: impl Fn(&T) -> &str,
        name: impl Fn(&T) -> &str,
    ) -> Ids {
        let mut seen = Ids::with_capacity_and_hasher(items.len(), Default::default());
        let mut dropped = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let this = id(item);
            let kind = if check_id(this).is_err() {
                ProblemKind::BadId
            } else if !seen.insert(this.to_string()) {
                ProblemKind::DuplicateId(this.to_string())
            } else {
                continue;
            };
            self.report(format!("{}.id", origins.path(key, i)), kind, Some(name(item)));
            dropped.push(i);
        }
        if self.mode == Mode::Repair {
            drop_indices(items, &dropped);
        }
        seen
    }

    fn reference(
        &mut self,
        set: &Ids,
        id: &str,
        entity: Entity,
        path: impl FnOnce() -> String,
        subject: Option<&str>,
        optional: bool,
    ) -> bool {
        if set.contains(id) {
            return true;
        }
        let path = path();
        self.report(path.clone(), ProblemKind::Dangling { entity, id: id.to_string() }, subject);
        if self.mode == Mode::Repair {
            let kind = if optional {
                ProblemKind::ReferenceDropped { entity, id: id.to_string() }
            } else {
                ProblemKind::RecordDropped
            };
            self.warn(path, kind, subject);
        }
        false
    }

    fn optional_ref<I: AsRef<str>>(
        &mut self,
        r: &mut Option<I>,
        set: &Ids,
        entity: Entity,
        path: impl FnOnce() -> String,
        subject: Option<&str>,
    ) {
        if let Some(id) = r.as_ref() {
            if !self.reference(set, id.as_ref(), entity, path, subject, true) && self.mode == Mode::Repair {
                *r = None;
            }
        }
    }

    fn non_empty(&mut self, text: &str, path: impl FnOnce() -> String, subject: Option<&str>) {
        if text.trim().is_empty() {
            self.report(path(), ProblemKind::EmptyText, subject);
        }
    }

    fn clamp(&mut self, v: &mut f64, min: f64, max: f64, path: impl FnOnce() -> String, subject: Option<&str>) {
        if !(min..=max).contains(v) {
            self.report(path(), range_kind(*v, min, max), subject);
            *v = v.clamp(min, max);
        }
    }

    fn non_negative(&mut self, m: &mut Money, path: impl FnOnce() -> String, subject: Option<&str>) {
        if m.minor() < 0 {
            self.report(path(), ProblemKind::OutOfRange { got: m.to_plain_string(), min: "0".into(), max: "—".into() }, subject);
            *m = Money::ZERO;
        }
    }

    fn non_negative_money(&mut self, m: &mut Option<Money>, path: impl FnOnce() -> String, subject: Option<&str>) {
        if let Some(v) = m.as_mut() {
            self.non_negative(v, path, subject);
        }
    }

    fn dates_in_order(&mut self, start: Option<Date>, end: Option<Date>, path: impl FnOnce() -> String, subject: Option<&str>) {
        if let (Some(s), Some(e)) = (start, end) {
            if e < s {
                self.warn(path(), ProblemKind::EndsBeforeStart, subject);
            }
        }
    }

    fn plan_fields(&mut self, plan: &mut Plan) {
        if check_id(plan.id.as_str()).is_err() {
            self.report("plan.id".into(), ProblemKind::BadId, None);
        }
        self.non_empty(&plan.name.clone(), || "plan.name".into(), None);
        if !(1..=12).contains(&plan.fiscal_year_start_month) {
            self.report(
                "plan.fiscalYearStartMonth".into(),
                range_kind(f64::from(plan.fiscal_year_start_month), 1.0, 12.0),
                None,
            );
            plan.fiscal_year_start_month = 4;
        }
        let p = &mut plan.prioritisation;
        let mut seen = HashSet::new();
        for (i, f) in p.factors.iter_mut().enumerate() {
            let path = format!("plan.prioritisation.factors[{i}]");
            if !seen.insert(f.id.to_string()) {
                self.report(format!("{path}.id"), ProblemKind::DuplicateId(f.id.to_string()), Some(&f.name));
            }
            self.clamp(&mut f.weight, 0.0, 1000.0, || format!("{path}.weight"), None);
        }
        if p.opportunity_bands.windows(2).any(|w| w[1] <= w[0]) || p.opportunity_bands.len() > 10 {
            self.report("plan.prioritisation.opportunityBands".into(), ProblemKind::NotAscending, None);
            if self.mode == Mode::Repair {
                p.opportunity_bands.sort();
                p.opportunity_bands.dedup();
                p.opportunity_bands.truncate(10);
            }
        }
        match &mut p.tiers {
            TierRule::Score { tier1_min, tier2_min } => {
                self.clamp(tier1_min, 0.0, 100.0, || "plan.prioritisation.tiers.tier1Min".into(), None);
                self.clamp(tier2_min, 0.0, 100.0, || "plan.prioritisation.tiers.tier2Min".into(), None);
                if *tier2_min > *tier1_min {
                    self.report("plan.prioritisation.tiers".into(), ProblemKind::NotAscending, None);
                    std::mem::swap(tier1_min, tier2_min);
                }
            }
            TierRule::Capacity { .. } => {}
        }
    }

    fn icp(&mut self, icp: &mut IcpProfile, fields: &Ids) {
        self.clamp(&mut icp.fit_threshold, 0.0, 100.0, || "plan.icp.fitThreshold".into(), None);
        self.clamp(&mut icp.near_miss_percent, 0.0, 100.0, || "plan.icp.nearMissPercent".into(), None);
        let mut seen = HashSet::new();
        let mut kept = Vec::new();
        for (i, mut cr) in std::mem::take(&mut icp.criteria).into_iter().enumerate() {
            let path = format!("plan.icp.criteria[{i}]");
            if !seen.insert(cr.id.to_string()) {
                self.report(format!("{path}.id"), ProblemKind::DuplicateId(cr.id.to_string()), None);
            }
            self.clamp(&mut cr.weight, 0.0, 1000.0, || format!("{path}.weight"), None);
            if let IcpRule::CustomField { field, .. } = &cr.rule {
                let f = field.to_string();
                if !self.reference(fields, &f, Entity::CustomField, || format!("{path}.rule.field"), None, false)
                    && self.mode == Mode::Repair
                {
                    continue;
                }
            }
            kept.push(cr);
        }
        icp.criteria = kept;
        let mut seen = HashSet::new();
        for (i, p) in icp.personas.iter().enumerate() {
            if !seen.insert(p.id.to_string()) {
                self.report(format!("plan.icp.personas[{i}].id"), ProblemKind::DuplicateId(p.id.to_string()), Some(&p.name));
            }
        }
    }

    /// Pairs marked "Not duplicates": each must name two accounts of the plan
    /// (repair drops the pair). Order and repeats are put right silently: they
    /// change nothing the pair means.
    fn distinct_accounts(&mut self, pairs: &mut Vec<[AccountId; 2]>, accounts: &Ids) {
        let mut at = 0;
        pairs.retain(|pair| {
            let n = at;
            at += 1;
            let path = || format!("plan.settings.distinctAccounts[{n}]");
            pair.iter().all(|id| self.reference(accounts, id.as_str(), Entity::Account, path, None, true))
        });
        for pair in pairs.iter_mut() {
            pair.sort();
        }
        pairs.sort();
        pairs.dedup();
        pairs.retain(|[a, b]| a != b);
    }

    fn settings(&mut self, s: &mut PlanSettings, channels: &Ids) {
        let mut seen = HashSet::new();
        for (i, r) in s.next_best_actions.iter_mut().enumerate() {
            let path = format!("plan.settings.nextBestActions[{i}]");
            if !seen.insert(r.id.to_string()) {
                self.report(format!("{path}.id"), ProblemKind::DuplicateId(r.id.to_string()), None);
            }
            if let Some(Channel::Custom(id)) = &r.channel {
                if !self.reference(channels, id.as_str(), Entity::Channel, || format!("{path}.channel"), None, true) {
                    r.channel = None;
                }
            }
        }
        let e = &mut s.engagement;
        if e.half_life_days == 0 {
            self.report("plan.settings.engagement.halfLifeDays".into(), range_kind(0.0, 1.0, 3650.0), None);
            e.half_life_days = 30;
        }
        for (k, v) in e.points.iter_mut() {
            let key = serde_json::to_value(k).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default();
            self.clamp(v, 0.0, 1000.0, || format!("plan.settings.engagement.points.{key}"), None);
        }
        let j = &mut s.journey;
        if j.window_days == 0 {
            self.report("plan.settings.journey.windowDays".into(), range_kind(0.0, 1.0, 3650.0), None);
            j.window_days = 180;
        }
        if j.qualified_min_score < j.engaged_min_score {
            self.report("plan.settings.journey".into(), ProblemKind::NotAscending, None);
            std::mem::swap(&mut j.qualified_min_score, &mut j.engaged_min_score);
        }
    }

    fn goals(&mut self, base: &str, goals: &mut Vector<Goal>, origins: &Origins, key: &str) {
        let mut seen = HashSet::new();
        let mut kept = Vector::new();
        for (i, g) in goals.iter().enumerate() {
            let path = if key.is_empty() { format!("{base}[{i}]") } else { origins.path(key, i) };
            if !seen.insert(g.id.to_string()) {
                self.report(format!("{path}.id"), ProblemKind::DuplicateId(g.id.to_string()), Some(&g.name));
                if self.mode == Mode::Repair {
                    continue;
                }
            }
            self.non_empty(&g.name, || format!("{path}.name"), None);
            let mut g = g.clone();
            if g.target < 0.0 {
                self.report(format!("{path}.target"), range_kind(g.target, 0.0, f64::MAX), Some(&g.name));
                g.target = 0.0;
            }
            self.dates_in_order(g.start, g.due, || format!("{path}.due"), Some(&g.name));
            kept.push_back(g);
        }
        *goals = kept;
    }

    /// Reporting lines that loop (A reports to B reports to A) cannot be drawn as
    /// an org chart: report them and, in repair mode, cut the loop.
    fn reporting_cycles(&mut self, contacts: &mut Vector<Contact>, origins: &Origins) {
        let index: HashMap<String, usize> = contacts.iter().enumerate().map(|(i, c)| (c.id.to_string(), i)).collect();
        let mut state = vec![0u8; contacts.len()]; // 0 unvisited, 1 on path, 2 done
        let mut cut = Vec::new();
        for start in 0..contacts.len() {
            let mut path = Vec::new();
            let mut at = Some(start);
            while let Some(i) = at {
                match state[i] {
                    2 => break,
                    1 => {
                        cut.push(i);
                        break;
                    }
                    _ => {}
                }
                state[i] = 1;
                path.push(i);
                at = contacts[i].reports_to.as_ref().and_then(|r| index.get(r.as_str()).copied());
            }
            for i in path {
                state[i] = 2;
            }
        }
        for i in cut {
            let name = contacts[i].name.clone();
            self.report(format!("{}.reportsTo", origins.path("contacts", i)), ProblemKind::ReportsToSelfOrCycle, Some(&name));
            if self.mode == Mode::Repair {
                if let Some(c) = contacts.get_mut(i) {
                    c.reports_to = None;
                }
            }
        }
    }
}
