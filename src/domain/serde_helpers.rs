//! Small predicates for `skip_serializing_if`: files omit empty values, which keeps
//! them short (a plan can hold 200,000 activities) and still reads back identically.

pub fn is_default<T: Default + PartialEq>(v: &T) -> bool {
    *v == T::default()
}
