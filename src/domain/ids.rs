//! Stable identifiers. Every entity has a typed id (an account id cannot be passed
//! where a contact id is expected) that never changes once given, so that files
//! exchanged between colleagues can be merged by id.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Longest id accepted from a file: generous for ids that come from CRMs.
pub const MAX_ID_LEN: usize = 100;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident, $prefix:literal) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl $name {
            /// Prefix of the ids this app generates for this kind of entity.
            pub const PREFIX: &'static str = $prefix;

            /// A new, random id.
            pub fn generate(ids: &mut IdGenerator) -> Self {
                Self(ids.next($prefix))
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                Self(s.to_string())
            }
        }
    };
}

id_type!(/// A plan (one per ABM programme).
    PlanId, "plan");
id_type!(/// A person on the seller's team (marketing or sales).
    MemberId, "mem");
id_type!(/// A KGI / goal.
    GoalId, "goal");
id_type!(/// An ICP criterion.
    CriterionId, "crit");
id_type!(/// A buyer persona.
    PersonaId, "per");
id_type!(/// A prioritisation factor. The four built-in factors have fixed ids
    /// (`fit`, `opportunity`, `purchase`, `relationship`).
    FactorId, "fac");
id_type!(/// A custom field definition.
    FieldId, "fld");
id_type!(/// A user-defined marketing channel.
    ChannelId, "ch");
id_type!(/// A target (or candidate) account: a company.
    AccountId, "acc");
id_type!(/// A contact / stakeholder at an account.
    ContactId, "con");
id_type!(/// A deal or order.
    DealId, "deal");
id_type!(/// A campaign.
    CampaignId, "cmp");
id_type!(/// A content asset.
    ContentId, "cnt");
id_type!(/// An activity (one touch: an email opened, a meeting, a visit...).
    ActivityId, "act");
id_type!(/// An account plan.
    AccountPlanId, "ap");
id_type!(/// An action in an account plan's execution plan.
    ActionId, "task");
id_type!(/// An NPS response.
    NpsId, "nps");
id_type!(/// A note in an account's shared log.
    NoteId, "note");
id_type!(/// A change of an account's sales/marketing hand-off status.
    HandoffId, "hof");
id_type!(/// A next-best-action rule.
    RuleId, "rule");
id_type!(/// A KPI chosen in an account plan.
    KpiId, "kpi");

/// Makes new ids: a prefix, `_`, and 16 random characters of Crockford base32
/// (80 bits), so ids made in different browsers do not collide when files are merged.
pub struct IdGenerator {
    rng: fastrand::Rng,
}

const ALPHABET: &[u8; 32] = b"0123456789abcdefghjkmnpqrstvwxyz";

impl IdGenerator {
    /// Seeded from the platform's entropy (crypto.getRandomValues in the browser).
    pub fn random() -> Self {
        Self { rng: fastrand::Rng::new() }
    }

    /// Deterministic ids, for the demo plan and tests.
    pub fn seeded(seed: u64) -> Self {
        Self { rng: fastrand::Rng::with_seed(seed) }
    }

    pub fn next(&mut self, prefix: &str) -> String {
        let mut s = String::with_capacity(prefix.len() + 17);
        s.push_str(prefix);
        s.push('_');
        for _ in 0..16 {
            s.push(ALPHABET[self.rng.usize(..32)] as char);
        }
        s
    }
}

/// Why a text is not acceptable as an id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IdProblem {
    Empty,
    TooLong,
    ControlCharacter,
}

/// Ids come from files too: any printable text up to [`MAX_ID_LEN`] characters.
pub fn check_id(id: &str) -> Result<(), IdProblem> {
    if id.trim().is_empty() {
        Err(IdProblem::Empty)
    } else if id.chars().count() > MAX_ID_LEN {
        Err(IdProblem::TooLong)
    } else if id.chars().any(char::is_control) {
        Err(IdProblem::ControlCharacter)
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_ids_have_prefix_and_length() {
        let mut ids = IdGenerator::seeded(1);
        let id = AccountId::generate(&mut ids);
        assert!(id.as_str().starts_with("acc_"));
        assert_eq!(id.as_str().len(), 4 + 16);
        assert!(check_id(id.as_str()).is_ok());
    }

    #[test]
    fn seeded_generators_repeat_and_differ_between_calls() {
        let a: Vec<String> = {
            let mut g = IdGenerator::seeded(7);
            (0..3).map(|_| g.next("x")).collect()
        };
        let mut g = IdGenerator::seeded(7);
        let b: Vec<String> = (0..3).map(|_| g.next("x")).collect();
        assert_eq!(a, b);
        assert_ne!(a[0], a[1]);
    }

    #[test]
    fn check_id_rejects_bad_ids() {
        assert_eq!(check_id(""), Err(IdProblem::Empty));
        assert_eq!(check_id("  "), Err(IdProblem::Empty));
        assert_eq!(check_id(&"a".repeat(101)), Err(IdProblem::TooLong));
        assert_eq!(check_id("a\nb"), Err(IdProblem::ControlCharacter));
        assert!(check_id("0015g00000XyZ").is_ok());
    }
}
