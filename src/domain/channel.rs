//! Marketing channels: the six the method names, plus the user's own.

use super::ids::ChannelId;
use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::borrow::Cow;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum BuiltinChannel {
    FieldSales,
    Email,
    Social,
    Ads,
    Events,
    UserGroups,
}

impl BuiltinChannel {
    pub const ALL: [BuiltinChannel; 6] =
        [BuiltinChannel::FieldSales, BuiltinChannel::Email, BuiltinChannel::Social, BuiltinChannel::Ads, BuiltinChannel::Events, BuiltinChannel::UserGroups];

    /// The key written in files.
    pub fn key(self) -> &'static str {
        match self {
            BuiltinChannel::FieldSales => "fieldSales",
            BuiltinChannel::Email => "email",
            BuiltinChannel::Social => "social",
            BuiltinChannel::Ads => "ads",
            BuiltinChannel::Events => "events",
            BuiltinChannel::UserGroups => "userGroups",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.key() == key)
    }
}

/// A channel is written as its key: a built-in key (`email`) or the id of one of the
/// plan's custom channels (`ch_...`).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Channel {
    Builtin(BuiltinChannel),
    Custom(ChannelId),
}

impl Channel {
    pub fn key(&self) -> &str {
        match self {
            Channel::Builtin(b) => b.key(),
            Channel::Custom(id) => id.as_str(),
        }
    }

    pub fn from_key(key: &str) -> Channel {
        BuiltinChannel::from_key(key).map(Channel::Builtin).unwrap_or_else(|| Channel::Custom(ChannelId(key.to_string())))
    }
}

impl Serialize for Channel {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.key())
    }
}

impl<'de> Deserialize<'de> for Channel {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Channel, D::Error> {
        let key = String::deserialize(d)?;
        if key.trim().is_empty() {
            return Err(serde::de::Error::custom("a channel is missing"));
        }
        Ok(Channel::from_key(&key))
    }
}

impl JsonSchema for Channel {
    fn schema_name() -> Cow<'static, str> {
        "Channel".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "minLength": 1,
            "description": "A built-in channel (fieldSales, email, social, ads, events, userGroups) or the id of one of plan.customChannels."
        })
    }
}
