use super::*;
use crate::domain::*;
use proptest::prelude::*;
use serde_json::json;

fn path(p: &[(&str, usize)]) -> Vec<Segment> {
    p.iter().map(|&(k, i)| if k.is_empty() { Segment::Seq { index: i } } else { Segment::Map { key: k.into() } }).collect()
}

fn fault_of<T: DeserializeOwned + std::fmt::Debug>(v: Value) -> Fault {
    read::<T>(&v).expect_err("should not read")
}

#[test]
fn a_wrong_scalar_is_named_where_it_sits() {
    let f = fault_of::<Account>(json!({"id": "a", "name": "A", "employees": "many", "tags": ["x"]}));
    assert_eq!(f.path, path(&[("employees", 0)]));
    assert_eq!(f.message, "invalid type: string \"many\", expected u32");
    let f = fault_of::<Account>(json!({"id": "a", "name": "A", "tags": ["x", 5]}));
    assert_eq!(f.path, path(&[("tags", 0), ("", 1)]));
}

#[test]
fn a_container_where_a_scalar_belongs_is_named_at_its_start() {
    let f = fault_of::<Account>(json!({"id": "a", "name": {"first": "A"}}));
    assert_eq!(f.path, path(&[("name", 0)]));
    let f = fault_of::<Account>(json!({"id": "a", "name": "A", "tags": [["x"]]}));
    assert_eq!(f.path, path(&[("tags", 0), ("", 0)]));
}

#[test]
fn a_missing_field_is_the_objects_own() {
    let f = fault_of::<Account>(json!({"id": "a"}));
    assert_eq!((f.path, f.message.as_str()), (vec![], "missing field `name`"));
}

#[test]
fn an_unknown_field_is_named_by_its_key() {
    let f = fault_of::<Contact>(json!({"id": "c", "account": "a", "name": "N", "titel": "CEO"}));
    assert_eq!(f.path, path(&[("titel", 0)]));
}

/// Tagged values are read after serde_json has handed them over: their errors
/// are placed where the object holding them stops reading, whether they come
/// first, in the middle or last.
#[test]
fn a_tagged_value_is_named_wherever_it_stands() {
    let rule = json!({"kind": "employees", "min": "big"});
    for criterion in
        [json!({"rule": rule, "id": "c1", "weight": 1}), json!({"id": "c1", "rule": rule, "weight": 1}), json!({"id": "c1", "weight": 1, "rule": rule})]
    {
        let f = fault_of::<IcpProfile>(json!({"criteria": [criterion]}));
        assert_eq!(f.path, path(&[("criteria", 0), ("", 0), ("rule", 0)]), "{criterion}");
        assert_eq!(f.message, "invalid type: string \"big\", expected u32");
    }
    // A missing field of the tagged value, read last, is the value's, not
    // the criterion's.
    let f = fault_of::<IcpProfile>(json!({"criteria": [{"id": "c1", "weight": 1, "rule": {"kind": "industry"}}]}));
    assert_eq!(f.path, path(&[("criteria", 0), ("", 0), ("rule", 0)]));
    assert_eq!(f.message, "missing field `values`");
}

/// serde_json refuses a value that cannot be an enum as a syntax error; the
/// fault is told as reading the tree tells it.
#[test]
fn a_value_that_cannot_be_an_option_is_told_as_a_wrong_type() {
    let deal = |kind: Value| json!({"id": "d", "account": "a", "name": "N", "kind": kind, "amount": 1, "created": "2026-10-27", "stage": "proposal"});
    for (kind, message) in [
        (json!(-5), "invalid type: integer `-5`, expected string or map"),
        (json!(1.5), "invalid type: floating point `1.5`, expected string or map"),
        (json!(null), "invalid type: null, expected string or map"),
        (json!(["new"]), "invalid type: sequence, expected string or map"),
        (json!({}), "invalid value: map, expected map with a single key"),
        (json!({"new": null, "upsell": null}), "invalid value: map, expected map with a single key"),
    ] {
        let f = fault_of::<Deal>(deal(kind.clone()));
        assert_eq!((f.path, f.message.as_str()), (path(&[("kind", 0)]), message), "{kind}");
    }
}

/// The peer this module replaced, over the same trees: `serde_path_to_error`
/// reading the tree itself. Its path, and whether it stopped short: it cannot
/// name a map's key that is not text (an activity kind's points), so it names
/// the map.
fn tracked<T: DeserializeOwned>(v: &Value) -> Option<(Vec<Segment>, bool, String)> {
    let e = serde_path_to_error::deserialize::<_, T>(v).err()?;
    let mut path = Vec::new();
    let mut short = false;
    for segment in e.path().iter() {
        match segment {
            serde_path_to_error::Segment::Seq { index } => path.push(Segment::Seq { index: *index }),
            serde_path_to_error::Segment::Map { key } => path.push(Segment::Map { key: key.clone() }),
            serde_path_to_error::Segment::Enum { .. } => {}
            serde_path_to_error::Segment::Unknown => {
                short = true;
                break;
            }
        }
    }
    Some((path, short, e.inner().to_string()))
}

fn compare<T: DeserializeOwned>(v: &Value) -> Result<(), TestCaseError> {
    match (read::<T>(v), tracked::<T>(v)) {
        (Ok(_), None) => {}
        // An option written as a map of several members: serde_json reads the
        // first member as the option and names what is wrong with it; the
        // tracker refuses the map's size first.
        (Err(ours), Some((path, _, message))) if message == "invalid value: map, expected map with a single key" && ours.path.len() > path.len() => {
            prop_assert!(ours.path.starts_with(&path), "{:?} within {:?}, tree: {}", ours.path, path, v);
        }
        (Err(ours), Some((path, short, message))) => {
            prop_assert_eq!(&ours.message, &message, "tree: {}", v);
            if short {
                prop_assert!(ours.path.starts_with(&path), "{:?} within {:?}, tree: {}", ours.path, path, v);
            } else {
                prop_assert_eq!(&ours.path, &path, "tree: {}", v);
            }
        }
        (ours, theirs) => prop_assert!(false, "ours {:?}, theirs {:?}, tree: {}", ours.err(), theirs, v),
    }
    Ok(())
}

/// Every node of a tree, by path.
fn nodes(v: &Value, here: &mut Vec<Segment>, out: &mut Vec<Vec<Segment>>) {
    out.push(here.clone());
    match v {
        Value::Object(map) => {
            for (key, member) in map {
                here.push(Segment::Map { key: key.clone() });
                nodes(member, here, out);
                here.pop();
            }
        }
        Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                here.push(Segment::Seq { index });
                nodes(item, here, out);
                here.pop();
            }
        }
        _ => {}
    }
}

fn node_mut<'a>(v: &'a mut Value, path: &[Segment]) -> &'a mut Value {
    path.iter().fold(v, |node, s| match s {
        Segment::Seq { index } => &mut node[*index],
        Segment::Map { key } => &mut node[key.as_str()],
    })
}

/// Values a broken file holds where others belong.
fn wrong(pick: usize) -> Value {
    [
        json!("x"),
        json!(-5),
        json!(300),
        json!(1.5),
        json!(true),
        json!(null),
        json!([]),
        json!({}),
        json!("2026-02-30"),
        json!(["x", 1]),
        json!({"kind": "nope"}),
        json!({"by": "x"}),
        json!(99999999999u64),
        json!("999999999999999999"),
    ][pick % 14]
        .clone()
}

/// Breaks `v` at a few places: a value replaced, a member removed, a member
/// unknown added, members reordered.
fn break_tree(mut v: Value, edits: &[(usize, usize, usize)]) -> Value {
    for &(at, how, pick) in edits {
        let mut all = Vec::new();
        nodes(&v, &mut Vec::new(), &mut all);
        let target = all[at % all.len()].clone();
        match how % 4 {
            0 => *node_mut(&mut v, &target) = wrong(pick),
            1 => {
                if let Some((Segment::Map { key }, parent)) = target.split_last() {
                    if let Value::Object(map) = node_mut(&mut v, parent) {
                        map.shift_remove(key);
                    }
                }
            }
            2 => {
                if let Value::Object(map) = node_mut(&mut v, &target) {
                    map.insert(format!("extra{pick}"), wrong(pick));
                }
            }
            _ => {
                if let Value::Object(map) = node_mut(&mut v, &target) {
                    // The first members move to the end.
                    for _ in 0..pick % 3 {
                        if let Some(key) = map.keys().next().cloned() {
                            if let Some(member) = map.shift_remove(&key) {
                                map.insert(key, member);
                            }
                        }
                    }
                }
            }
        }
    }
    v
}

fn demo() -> Plan {
    let now = Timestamp::from_millis(1_790_000_000_000).expect("a time");
    crate::demo::demo_plan(PlanId("p".into()), Date::from_ymd(2026, 11, 24).expect("a day"), now)
}

fn trees<T: serde::Serialize>(records: impl Iterator<Item = T>) -> Vec<Value> {
    records.map(|r| to_json(&r)).collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    /// For any record of the demo broken at a few places, the fault is named
    /// as `serde_path_to_error` names it: the same path, the same wording.
    #[test]
    fn faults_are_placed_as_a_tracking_reader_places_them(
        kind in 0usize..10,
        record in 0usize..1000,
        edits in proptest::collection::vec((0usize..1000, 0usize..4, 0usize..100), 1..4),
    ) {
        let plan = demo();
        let pick = |trees: Vec<Value>| break_tree(trees[record % trees.len()].clone(), &edits);
        match kind {
            0 => compare::<Account>(&pick(trees(plan.accounts.iter())))?,
            1 => compare::<Contact>(&pick(trees(plan.contacts.iter())))?,
            2 => compare::<Deal>(&pick(trees(plan.deals.iter())))?,
            3 => compare::<Campaign>(&pick(trees(plan.campaigns.iter())))?,
            4 => compare::<Activity>(&pick(trees(plan.activities.iter())))?,
            5 => compare::<AccountPlan>(&pick(trees(plan.account_plans.iter())))?,
            6 => compare::<Goal>(&pick(trees(plan.goals.iter())))?,
            7 => compare::<IcpProfile>(&pick(vec![to_json(&plan.icp)]))?,
            8 => compare::<Prioritisation>(&pick(vec![to_json(&plan.prioritisation)]))?,
            _ => compare::<PlanSettings>(&pick(vec![to_json(&plan.settings)]))?,
        }
    }
}
