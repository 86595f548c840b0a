//! The plan file round trip: what is exported imports back as the same plan, and
//! exporting that again gives the same bytes (so exports diff cleanly).

mod support;

use abm_planner::domain::Timestamp;
use abm_planner::plan_file::{read_plan_text, to_file_text, to_storage_text, Mode};
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn export_import_export_is_byte_identical(plan in support::random_plan::plan()) {
        let at = Timestamp::parse("2026-11-23T09:00:00Z").unwrap();
        let first = to_file_text(&plan, at);
        let read = read_plan_text(&first, Mode::Strict)
            .unwrap_or_else(|problems| panic!("a generated plan must import: {:#?}", &problems[..problems.len().min(5)]));
        prop_assert!(read.warnings.is_empty(), "{:?}", read.warnings);
        prop_assert_eq!(&read.plan, &plan);
        let second = to_file_text(&read.plan, at);
        prop_assert_eq!(first, second);
    }

    #[test]
    fn storage_text_round_trips(plan in support::random_plan::plan()) {
        let at = Timestamp::parse("2026-11-23T09:00:00Z").unwrap();
        let text = to_storage_text(&plan, at);
        let read = read_plan_text(&text, Mode::Repair).unwrap();
        prop_assert_eq!(read.plan, plan);
        prop_assert!(!text.contains('\n'), "storage text is compact");
    }
}
