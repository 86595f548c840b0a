//! The storage the app saves into, reduced to what it needs: text values under text
//! keys. The browser's local storage implements it at the edge; [`MemoryStore`]
//! implements it for tests, with a quota and injectable faults.

use std::collections::BTreeMap;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreError {
    /// The browser refused the write: its storage for this site is full.
    QuotaExceeded,
    /// Storage cannot be used at all (disabled, or blocked by privacy settings).
    Unavailable(String),
}

pub trait KeyValueStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError>;
    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError>;
    fn remove(&mut self, key: &str) -> Result<(), StoreError>;
    fn keys(&self) -> Result<Vec<String>, StoreError>;
}

/// Size of an entry as browsers count it: UTF-16 code units of key and value.
pub fn entry_size(key: &str, value: &str) -> usize {
    key.encode_utf16().count() + value.encode_utf16().count()
}

/// An in-memory store for tests.
#[derive(Clone, Debug, Default)]
pub struct MemoryStore {
    pub entries: BTreeMap<String, String>,
    /// Total size allowed (see [`entry_size`]); `None` for unlimited.
    pub quota: Option<usize>,
    /// Makes every write store only this many characters, to test read-back.
    pub truncate_writes_to: Option<usize>,
    /// Makes every operation fail, as when storage is disabled.
    pub unavailable: bool,
}

impl MemoryStore {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn with_quota(quota: usize) -> Self {
        MemoryStore { quota: Some(quota), ..Self::default() }
    }

    pub fn used(&self) -> usize {
        self.entries.iter().map(|(k, v)| entry_size(k, v)).sum()
    }

    fn check(&self) -> Result<(), StoreError> {
        if self.unavailable {
            Err(StoreError::Unavailable("storage is disabled".into()))
        } else {
            Ok(())
        }
    }
}

impl KeyValueStore for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.check()?;
        Ok(self.entries.get(key).cloned())
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        self.check()?;
        if let Some(quota) = self.quota {
            let current = self.entries.get(key).map_or(0, |v| entry_size(key, v));
            if self.used() - current + entry_size(key, value) > quota {
                return Err(StoreError::QuotaExceeded);
            }
        }
        let stored = match self.truncate_writes_to {
            Some(n) => value.chars().take(n).collect(),
            None => value.to_string(),
        };
        self.entries.insert(key.to_string(), stored);
        Ok(())
    }

    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        self.check()?;
        self.entries.remove(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        self.check()?;
        Ok(self.entries.keys().cloned().collect())
    }
}
