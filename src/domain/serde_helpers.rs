//! Small predicates for `skip_serializing_if`: files omit empty values, which keeps
//! them short (a plan can hold 200,000 activities) and still reads back identically.

pub fn is_default<T: Default + PartialEq>(v: &T) -> bool {
    *v == T::default()
}

/// Reads a JSON list straight into an imbl `Vector`. imbl's own reader fills a
/// `Vec` and then converts it, so 200,000 activities were held twice at once
/// (tens of MB more at an import's peak).
pub fn records<'de, D, T>(reader: D) -> Result<imbl::Vector<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: serde::Deserialize<'de> + Clone,
{
    struct Records<T>(std::marker::PhantomData<T>);
    impl<'de, T: serde::Deserialize<'de> + Clone> serde::de::Visitor<'de> for Records<T> {
        type Value = imbl::Vector<T>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a sequence")
        }
        fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
            let mut records = imbl::Vector::new();
            while let Some(record) = seq.next_element()? {
                records.push_back(record);
            }
            Ok(records)
        }
    }
    reader.deserialize_seq(Records(std::marker::PhantomData))
}
