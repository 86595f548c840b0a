//! The checks of the plan's own fields and short lists (team, goals, custom
//! fields and channels, ICP, settings), and of what spans a whole collection
//! (marked pairs, reporting lines).

use super::checker::{range_kind, Checker};
use super::records::Known;
use super::{Cursor, Ids};
use crate::domain::ids::check_id;
use crate::domain::prioritisation::MAX_WEIGHT;
use crate::domain::sorting;
use crate::domain::*;
use crate::plan_file::decode::{Mode, Origins};
use crate::plan_file::problems::{Entity, ProblemKind};
use imbl::Vector;
use std::collections::{HashMap, HashSet};

/// The plan's own fields and short lists, and the ids the collections after
/// them refer to (team members, custom fields and channels, personas,
/// prioritisation factors, next-best-action rules).
pub(super) fn head(c: &mut Checker, k: &mut Known, plan: &mut Plan, origins: &Origins) {
    c.plan_fields(plan);
    Cursor::default().ids(c, &mut k.team, &mut plan.team, origins, "team", usize::MAX, |m| (m.id.as_str(), &m.name));
    for (i, m) in plan.team.iter_mut().enumerate() {
        c.rules(m, &origins.path("team", i), None);
    }
    c.goals("plan.goals", &mut plan.goals, origins, "goals");
    Cursor::default().ids(c, &mut k.fields, &mut plan.custom_fields, origins, "customFields", usize::MAX, |f| (f.id.as_str(), &f.name));
    Cursor::default().ids(c, &mut k.channels, &mut plan.custom_channels, origins, "customChannels", usize::MAX, |ch| (ch.id.as_str(), &ch.name));
    for (i, ch) in plan.custom_channels.iter().enumerate() {
        let path = origins.path("customChannels", i);
        c.non_empty(&ch.name, || format!("{path}.name"), None);
        if BuiltinChannel::from_key(ch.id.as_str()).is_some() {
            c.report(format!("{path}.id"), ProblemKind::DuplicateId(ch.id.to_string()), Some(&ch.name));
        }
    }
    k.personas = plan.icp.personas.iter().map(|p| p.id.as_str()).collect();
    k.factors = plan.prioritisation.factors.iter().map(|f| (f.id.to_string(), f.scale.max())).collect();
    c.icp(&mut plan.icp, &k.fields);
    c.settings(&mut plan.settings, &k.channels);
    k.rules = plan.settings.next_best_actions.iter().map(|r| r.id.as_str()).collect();
}

impl Checker {
    fn plan_fields(&mut self, plan: &mut Plan) {
        if check_id(plan.id.as_str()).is_err() {
            self.report("plan.id".into(), ProblemKind::BadId, None);
        }
        self.non_empty(&plan.name.clone(), || "plan.name".into(), None);
        if !(1..=12).contains(&plan.fiscal_year_start_month) {
            self.report("plan.fiscalYearStartMonth".into(), range_kind(f64::from(plan.fiscal_year_start_month), 1.0, 12.0), None);
            plan.fiscal_year_start_month = 4;
        }
        let p = &mut plan.prioritisation;
        let mut seen = HashSet::new();
        for (i, f) in p.factors.iter_mut().enumerate() {
            let path = format!("plan.prioritisation.factors[{i}]");
            if !seen.insert(f.id.to_string()) {
                self.report(format!("{path}.id"), ProblemKind::DuplicateId(f.id.to_string()), Some(&f.name));
            }
            self.clamp(&mut f.weight, 0.0, MAX_WEIGHT, || format!("{path}.weight"), None);
        }
        if p.opportunity_bands.windows(2).any(|w| w[1] <= w[0]) || p.opportunity_bands.len() > 10 {
            self.report("plan.prioritisation.opportunityBands".into(), ProblemKind::NotAscending, None);
            if self.mode == Mode::Repair {
                sorting::sort(&mut p.opportunity_bands);
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
            self.clamp(&mut cr.weight, 0.0, MAX_WEIGHT, || format!("{path}.weight"), None);
            if let IcpRule::CustomField { field, .. } = &cr.rule {
                let f = field.to_string();
                if !self.reference(fields, &f, Entity::CustomField, || format!("{path}.rule.field"), None, false) && self.mode == Mode::Repair {
                    continue;
                }
            }
            kept.push(cr);
        }
        icp.criteria = kept;
        let mut seen = HashSet::new();
        for (i, p) in icp.personas.iter_mut().enumerate() {
            if !seen.insert(p.id.to_string()) {
                self.report(format!("plan.icp.personas[{i}].id"), ProblemKind::DuplicateId(p.id.to_string()), Some(&p.name));
            }
            let name = p.name.clone();
            self.rules(p, &format!("plan.icp.personas[{i}]"), Some(&name));
        }
    }

    /// Pairs marked "Not duplicates": each must name two accounts of the plan
    /// (repair drops the pair). Order and repeats are put right silently: they
    /// change nothing the pair means.
    pub(super) fn distinct_accounts(&mut self, pairs: &mut Vec<[AccountId; 2]>, accounts: &Ids) {
        let mut at = 0;
        pairs.retain(|pair| {
            let n = at;
            at += 1;
            let path = || format!("plan.settings.distinctAccounts[{n}]");
            pair.iter().all(|id| self.reference(accounts, id.as_str(), Entity::Account, path, None, true))
        });
        for pair in pairs.iter_mut() {
            sorting::sort(pair);
        }
        sorting::sort(pairs);
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

    /// Reporting lines that loop (A reports to B reports to A) cannot be drawn as
    /// an org chart: report them and, in repair mode, cut the loop.
    pub(super) fn reporting_cycles(&mut self, contacts: &mut Vector<Contact>, origins: &Origins) {
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
