//! The frame around every section: top bar, navigation, notices.

mod banners;
mod nav;
mod new_plan;
mod plans_dialog;
mod top_bar;

pub use banners::{Banners, ToastRegion};
pub use nav::SideNav;
pub use new_plan::{NewPlanDraft, NewPlanFields};
pub use plans_dialog::PlansDialog;
pub use top_bar::{LanguageSelect, TopBar};
