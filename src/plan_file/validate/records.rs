//! The checks of one record of each collection, against the ids gathered
//! before it ([`Known`]). Each says whether to keep the record: a record whose
//! required reference dangles is left out in repair mode.

use super::checker::Checker;
use super::{Ids, Kind, RecordPath};
use crate::domain::*;
use crate::plan_file::decode::Origins;
use crate::plan_file::problems::{Entity, ProblemKind};
use imbl::Vector;
use std::collections::{HashMap, HashSet};

/// The ids gathered so far, to check references against.
#[derive(Default)]
pub(super) struct Known {
    pub(super) team: Ids,
    pub(super) fields: Ids,
    pub(super) channels: Ids,
    pub(super) personas: Ids,
    pub(super) rules: Ids,
    /// Each prioritisation factor's id, with the top of its scale.
    pub(super) factors: HashMap<String, f64>,
    pub(super) accounts: Ids,
    pub(super) contacts: Ids,
    pub(super) campaigns: Ids,
    pub(super) content: Ids,
    /// Each contact's account (an activity's contact should be at its account).
    pub(super) contact_account: HashMap<String, String>,
    /// Custom channels that campaigns use but the plan lacks.
    pub(super) missing_channels: Vec<ChannelId>,
    /// The ids of a collection nothing refers to, while its duplicates are
    /// looked for.
    pub(super) others: Ids,
}

impl Known {
    /// Where the ids of `kind` are gathered.
    pub(super) fn ids_mut(&mut self, kind: Kind) -> &mut Ids {
        match kind {
            Kind::Accounts => &mut self.accounts,
            Kind::Contacts => &mut self.contacts,
            Kind::Campaigns => &mut self.campaigns,
            Kind::Content => &mut self.content,
            _ => &mut self.others,
        }
    }
}

pub(super) fn account(c: &mut Checker, k: &mut Known, a: &mut Account, path: RecordPath) -> bool {
    let subject = Some(a.name.clone());
    let s = subject.as_deref();
    c.rules(a, &path, s);
    c.optional_ref(&mut a.marketing_owner, &k.team, Entity::TeamMember, || format!("{path}.marketingOwner"), s);
    c.optional_ref(&mut a.sales_owner, &k.team, Entity::TeamMember, || format!("{path}.salesOwner"), s);
    let mut custom = std::mem::take(&mut a.custom);
    custom.retain(|key, _| c.reference(&k.fields, key.as_str(), Entity::CustomField, || format!("{path}.custom.{key}"), s, true));
    a.custom = custom;
    let mut values = std::mem::take(&mut a.factors);
    values.retain(|key, v| {
        let p = || format!("{path}.factors.{key}");
        match k.factors.get(key.as_str()) {
            None => c.reference(&Ids::default(), key.as_str(), Entity::Factor, p, s, true),
            Some(max) => {
                c.clamp(v, 0.0, *max, p, s);
                true
            }
        }
    });
    a.factors = values;
    true
}

pub(super) fn contact(c: &mut Checker, k: &mut Known, x: &mut Contact, path: RecordPath) -> bool {
    let s = Some(x.name.clone());
    let s = s.as_deref();
    if !c.reference(&k.accounts, x.account.as_str(), Entity::Account, || format!("{path}.account"), s, false) {
        return false;
    }
    c.rules(x, &path, s);
    c.optional_ref(&mut x.reports_to, &k.contacts, Entity::Contact, || format!("{path}.reportsTo"), s);
    if x.reports_to.as_ref() == Some(&x.id) {
        c.report(format!("{path}.reportsTo"), ProblemKind::ReportsToSelfOrCycle, s);
        x.reports_to = None;
    }
    c.optional_ref(&mut x.persona, &k.personas, Entity::Persona, || format!("{path}.persona"), s);
    true
}

pub(super) fn campaign(c: &mut Checker, k: &mut Known, x: &mut Campaign, path: RecordPath) -> bool {
    let s = Some(x.name.clone());
    let s = s.as_deref();
    c.rules(x, &path, s);
    if let Channel::Custom(id) = &x.channel {
        if !c.reference(&k.channels, id.as_str(), Entity::Channel, || format!("{path}.channel"), s, true) && !k.missing_channels.contains(id) {
            k.missing_channels.push(id.clone());
        }
    }
    x.targets.retain(|t| c.reference(&k.accounts, t.as_str(), Entity::Account, || format!("{path}.targets"), s, true));
    x.content.retain(|t| c.reference(&k.content, t.as_str(), Entity::Content, || format!("{path}.content"), s, true));
    c.optional_ref(&mut x.owner, &k.team, Entity::TeamMember, || format!("{path}.owner"), s);
    true
}

pub(super) fn content(c: &mut Checker, k: &mut Known, x: &mut ContentAsset, path: RecordPath) -> bool {
    let s = Some(x.title.clone());
    c.rules(x, &path, s.as_deref());
    c.optional_ref(&mut x.account, &k.accounts, Entity::Account, || format!("{path}.account"), s.as_deref());
    true
}

pub(super) fn deal(c: &mut Checker, k: &mut Known, x: &mut Deal, path: RecordPath) -> bool {
    let s = Some(x.name.clone());
    let s = s.as_deref();
    if !c.reference(&k.accounts, x.account.as_str(), Entity::Account, || format!("{path}.account"), s, false) {
        return false;
    }
    c.rules(x, &path, s);
    c.optional_ref(&mut x.owner, &k.team, Entity::TeamMember, || format!("{path}.owner"), s);
    c.optional_ref(&mut x.campaign, &k.campaigns, Entity::Campaign, || format!("{path}.campaign"), s);
    true
}

pub(super) fn activity(c: &mut Checker, k: &mut Known, x: &mut Activity, path: RecordPath) -> bool {
    if !c.reference(&k.accounts, x.account.as_str(), Entity::Account, || format!("{path}.account"), None, false) {
        return false;
    }
    c.optional_ref(&mut x.contact, &k.contacts, Entity::Contact, || format!("{path}.contact"), None);
    if let Some(at) = x.contact.as_ref().and_then(|id| k.contact_account.get(id.as_str())) {
        if at != x.account.as_str() {
            c.warn(format!("{path}.contact"), ProblemKind::ContactAtOtherAccount, None);
        }
    }
    c.optional_ref(&mut x.campaign, &k.campaigns, Entity::Campaign, || format!("{path}.campaign"), None);
    c.optional_ref(&mut x.content, &k.content, Entity::Content, || format!("{path}.content"), None);
    c.rules(x, &path, None);
    true
}

pub(super) fn account_plan(c: &mut Checker, k: &mut Known, x: &mut AccountPlan, path: RecordPath) -> bool {
    if !c.reference(&k.accounts, x.account.as_str(), Entity::Account, || format!("{path}.account"), None, false) {
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
        c.rules(&mut action, &ap, s);
        c.optional_ref(&mut action.owner, &k.team, Entity::TeamMember, || format!("{ap}.owner"), s);
        c.optional_ref(&mut action.rule, &k.rules, Entity::Rule, || format!("{ap}.rule"), s);
        if let Some(Channel::Custom(id)) = &action.channel {
            if !c.reference(&k.channels, id.as_str(), Entity::Channel, || format!("{ap}.channel"), s, true) {
                action.channel = None;
            }
        }
        action.content.retain(|t| c.reference(&k.content, t.as_str(), Entity::Content, || format!("{ap}.content"), s, true));
        kept.push(action);
    }
    x.actions = kept;
    x.channels.retain(|ch| match ch {
        Channel::Custom(id) => c.reference(&k.channels, id.as_str(), Entity::Channel, || format!("{path}.channels"), None, true),
        Channel::Builtin(_) => true,
    });
    true
}

pub(super) fn nps_response(c: &mut Checker, k: &mut Known, x: &mut NpsResponse, path: RecordPath) -> bool {
    if !c.reference(&k.accounts, x.account.as_str(), Entity::Account, || format!("{path}.account"), None, false) {
        return false;
    }
    c.optional_ref(&mut x.contact, &k.contacts, Entity::Contact, || format!("{path}.contact"), None);
    c.rules(x, &path, None);
    true
}

pub(super) fn note(c: &mut Checker, k: &mut Known, x: &mut AccountNote, path: RecordPath) -> bool {
    if !c.reference(&k.accounts, x.account.as_str(), Entity::Account, || format!("{path}.account"), None, false) {
        return false;
    }
    c.optional_ref(&mut x.author, &k.team, Entity::TeamMember, || format!("{path}.author"), None);
    true
}

pub(super) fn handoff(c: &mut Checker, k: &mut Known, x: &mut HandoffEvent, path: RecordPath) -> bool {
    if !c.reference(&k.accounts, x.account.as_str(), Entity::Account, || format!("{path}.account"), None, false) {
        return false;
    }
    c.optional_ref(&mut x.by, &k.team, Entity::TeamMember, || format!("{path}.by"), None);
    true
}
