//! What every stored record has in common: an id, a display name and (for some) the
//! time of its last change. Lets merging and listing treat all collections alike.

use super::*;

/// The plan's lists of records.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Collection {
    Team,
    Goals,
    CustomFields,
    CustomChannels,
    Accounts,
    Contacts,
    Deals,
    Campaigns,
    Content,
    Activities,
    AccountPlans,
    NpsResponses,
    Notes,
    Handoffs,
}

impl Collection {
    pub const ALL: [Collection; 14] = [
        Collection::Team,
        Collection::Goals,
        Collection::CustomFields,
        Collection::CustomChannels,
        Collection::Accounts,
        Collection::Contacts,
        Collection::Deals,
        Collection::Campaigns,
        Collection::Content,
        Collection::Activities,
        Collection::AccountPlans,
        Collection::NpsResponses,
        Collection::Notes,
        Collection::Handoffs,
    ];

    /// The collection's name in the plan file (`accountPlans`).
    pub fn key(self) -> &'static str {
        match self {
            Collection::Team => "team",
            Collection::Goals => "goals",
            Collection::CustomFields => "customFields",
            Collection::CustomChannels => "customChannels",
            Collection::Accounts => "accounts",
            Collection::Contacts => "contacts",
            Collection::Deals => "deals",
            Collection::Campaigns => "campaigns",
            Collection::Content => "content",
            Collection::Activities => "activities",
            Collection::AccountPlans => "accountPlans",
            Collection::NpsResponses => "npsResponses",
            Collection::Notes => "notes",
            Collection::Handoffs => "handoffs",
        }
    }
}

pub trait Record: Clone + PartialEq {
    fn id(&self) -> &str;
    /// A name to show the user.
    fn label(&self) -> String;
    fn updated_at(&self) -> Option<Timestamp> {
        None
    }
}

macro_rules! record {
    ($ty:ty, |$s:ident| $label:expr) => {
        impl Record for $ty {
            fn id(&self) -> &str {
                self.id.as_str()
            }
            fn label(&self) -> String {
                let $s = self;
                $label
            }
        }
    };
    ($ty:ty, |$s:ident| $label:expr, updated) => {
        impl Record for $ty {
            fn id(&self) -> &str {
                self.id.as_str()
            }
            fn label(&self) -> String {
                let $s = self;
                $label
            }
            fn updated_at(&self) -> Option<Timestamp> {
                self.updated_at
            }
        }
    };
}

record!(TeamMember, |s| s.name.clone());
record!(Goal, |s| s.name.clone());
record!(CustomFieldDef, |s| s.name.clone());
record!(CustomChannel, |s| s.name.clone());
record!(Account, |s| s.name.clone(), updated);
record!(Contact, |s| s.name.clone(), updated);
record!(Deal, |s| s.name.clone(), updated);
record!(Campaign, |s| s.name.clone(), updated);
record!(ContentAsset, |s| s.title.clone(), updated);
record!(Activity, |s| format!("{:?} {}", s.kind, s.at));
record!(AccountPlan, |s| s.account.to_string(), updated);
record!(NpsResponse, |s| format!("NPS {} {}", s.score, s.at));
record!(AccountNote, |s| s.text.chars().take(40).collect());
record!(HandoffEvent, |s| format!("{:?} {}", s.stage, s.at));

/// A company's web domain in a form that compares: lower case, without scheme,
/// `www.`, path or trailing dot.
pub fn normalise_domain(domain: &str) -> String {
    let d = domain.trim().to_lowercase();
    let d = d.split_once("://").map_or(d.as_str(), |(_, rest)| rest);
    let d = d.split(['/', '?', '#']).next().unwrap_or("");
    let d = d.strip_prefix("www.").unwrap_or(d);
    d.trim_end_matches('.').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn domains_compare_after_normalising() {
        assert_eq!(normalise_domain("https://www.Minato-Seiki.co.jp/about"), "minato-seiki.co.jp");
        assert_eq!(normalise_domain(" minato-seiki.co.jp. "), "minato-seiki.co.jp");
        assert_eq!(normalise_domain(""), "");
    }
}
