//! The browser's local storage as a [`KeyValueStore`]. Everything the app persists
//! goes through here; the logic on top (atomic saves, recovery) is in
//! `persistence` and is tested natively.

use crate::persistence::{KeyValueStore, StoreError};
use gloo_storage::Storage as _;
use wasm_bindgen::{JsCast, JsValue};

pub struct LocalStore {
    raw: web_sys::Storage,
}

impl LocalStore {
    /// The page's local storage, or why it cannot be used (blocked by privacy
    /// settings, or a browser without it).
    pub fn open() -> Result<LocalStore, String> {
        let window = web_sys::window().ok_or("no window")?;
        match window.local_storage() {
            Ok(Some(_)) => Ok(LocalStore { raw: gloo_storage::LocalStorage::raw() }),
            Ok(None) => Err("this browser has no local storage".into()),
            Err(e) => Err(describe(&e)),
        }
    }
}

fn describe(e: &JsValue) -> String {
    e.dyn_ref::<web_sys::DomException>().map(|d| format!("{}: {}", d.name(), d.message())).or_else(|| e.as_string()).unwrap_or_else(|| "storage error".into())
}

fn classify(e: JsValue) -> StoreError {
    match e.dyn_ref::<web_sys::DomException>() {
        Some(d) if d.name() == "QuotaExceededError" || d.code() == 22 => StoreError::QuotaExceeded,
        _ => StoreError::Unavailable(describe(&e)),
    }
}

impl KeyValueStore for LocalStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.raw.get_item(key).map_err(classify)
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        self.raw.set_item(key, value).map_err(classify)
    }

    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        self.raw.remove_item(key).map_err(classify)
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        let n = self.raw.length().map_err(classify)?;
        Ok((0..n).filter_map(|i| self.raw.key(i).ok().flatten()).collect())
    }
}
