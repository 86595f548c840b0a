//! Sections of the app, addressed by the URL's hash (`#/goals`), so links and
//! reloads work from any sub-path a static host serves the app at, and from a
//! file opened from disk.

use leptos::prelude::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    Overview,
    Goals,
    Icp,
    Accounts,
    Prioritisation,
    AccountPlans,
    Campaigns,
    Dashboard,
    DataQuality,
    Transfer,
}

impl Section {
    pub const ALL: [Section; 10] = [
        Section::Overview,
        Section::Goals,
        Section::Icp,
        Section::Accounts,
        Section::Prioritisation,
        Section::AccountPlans,
        Section::Campaigns,
        Section::Dashboard,
        Section::DataQuality,
        Section::Transfer,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            Section::Overview => "overview",
            Section::Goals => "goals",
            Section::Icp => "icp",
            Section::Accounts => "accounts",
            Section::Prioritisation => "prioritisation",
            Section::AccountPlans => "account-plans",
            Section::Campaigns => "campaigns",
            Section::Dashboard => "dashboard",
            Section::DataQuality => "data-quality",
            Section::Transfer => "import-export",
        }
    }

    pub fn href(self) -> String {
        format!("#/{}", self.slug())
    }

    pub fn from_hash(hash: &str) -> Section {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let slug = path.split('/').next().unwrap_or_default();
        Section::ALL.into_iter().find(|s| s.slug() == slug).unwrap_or(Section::Overview)
    }

    /// A link to one record inside the section (`#/account-plans/acc_123`).
    pub fn href_to(self, id: &str) -> String {
        format!("#/{}/{}", self.slug(), js_sys::encode_uri_component(id))
    }
}

/// The record the URL points at inside a section, if any (`acc_123` in
/// `#/account-plans/acc_123`).
pub fn detail_from_hash(hash: &str) -> Option<String> {
    let path = hash.trim_start_matches('#').trim_start_matches('/');
    let (_, rest) = path.split_once('/')?;
    let id = js_sys::decode_uri_component(rest).ok().and_then(|s| s.as_string()).unwrap_or_else(|| rest.to_string());
    (!id.is_empty()).then_some(id)
}

/// The record in the URL, kept in sync with the address bar.
pub fn detail_signal() -> RwSignal<Option<String>> {
    let detail = RwSignal::new(detail_from_hash(&current_hash()));
    let handle = window_event_listener(leptos::ev::hashchange, move |_| {
        let now = detail_from_hash(&current_hash());
        if detail.get_untracked() != now {
            detail.set(now);
            to_top();
        }
    });
    on_cleanup(move || handle.remove());
    detail
}

/// A new page opens at its top, as a new page of a site would: a link followed
/// from the end of a long section must not land in the middle of the next.
fn to_top() {
    if let Some(w) = web_sys::window() {
        w.scroll_to_with_x_and_y(0.0, 0.0);
    }
}

fn current_hash() -> String {
    web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default()
}

/// The section in the URL, kept in sync with the address bar.
pub fn section_signal() -> RwSignal<Section> {
    let section = RwSignal::new(Section::from_hash(&current_hash()));
    // Set only on a real change: moving between records of one section must not
    // rebuild the section (and lose its filters).
    let handle = window_event_listener(leptos::ev::hashchange, move |_| {
        let now = Section::from_hash(&current_hash());
        if section.get_untracked() != now {
            section.set(now);
            to_top();
        }
    });
    on_cleanup(move || handle.remove());
    section
}

/// Goes to a section (as following a link would).
pub fn go(section: Section) {
    if let Some(w) = web_sys::window() {
        let _ = w.location().set_hash(&section.href());
    }
}
