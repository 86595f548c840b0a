//! The frame around every section: top bar, navigation, notices.

mod banners;
mod nav;
mod plans_dialog;
mod top_bar;

pub use banners::{Banners, ToastRegion};
pub use nav::SideNav;
pub use plans_dialog::PlansDialog;
pub use top_bar::{LanguageSelect, TopBar};
