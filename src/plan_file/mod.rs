//! The plan file: a versioned JSON envelope around a plan, and everything needed to
//! read one safely (sniffing, syntax, values, references, migrations), write one
//! with a stable order, and merge one into the current plan.

pub mod careful;
pub mod decode;
pub mod envelope;
pub mod export;
pub mod fault;
pub mod import;
pub mod merge;
pub mod migrate;
pub mod pieces;
pub mod problems;
pub mod schema;
pub mod sniff;
pub mod syntax;
pub mod validate;

pub use decode::Mode;
pub use envelope::{Envelope, FORMAT, SCHEMA_VERSION};
pub use export::{file_name, safe_stem, to_file_text, to_storage_text};
pub use import::{read_plan_bytes, read_plan_text, Checking, Imported};
pub use pieces::PieceReader;
pub use problems::{can_repair, Location, Problem, ProblemKind, Severity};
