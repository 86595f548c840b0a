//! What can be wrong with a plan file, in structured form. The UI words each kind in
//! the user's language; `Display` gives the English wording used in logs and tests.

use crate::domain::Refusal;
use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Severity {
    /// The file cannot be imported as it is.
    Error,
    /// Imported, but worth knowing (a date that looks wrong, a repaired value).
    Warning,
}

/// Where the problem is: a place in the text (syntax), a JSON path (values and
/// references), or the file as a whole.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Location {
    File,
    Text { line: usize, column: usize },
    Path(String),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    pub severity: Severity,
    pub location: Location,
    /// The name of the record involved (an account's name), when it has one.
    pub subject: Option<String>,
    pub kind: ProblemKind,
}

/// What kind of file it looks like, when it is not a plan file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    Png,
    Jpeg,
    Gif,
    Webp,
    Pdf,
    /// A ZIP container: Excel, Word and PowerPoint files are ZIPs.
    ZipOrOffice,
    Csv,
    Html,
    Xml,
    /// Bytes that are not UTF-8 text.
    Binary,
}

/// What a value should have been.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Expected {
    Number,
    WholeNumber,
    Text,
    TrueFalse,
    List,
    Object,
    Date,
    DateTime,
    Money,
    Other(String),
}

/// A piece of a file's JSON syntax that is broken.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SyntaxDetail {
    EndsTooEarly,
    TrailingComma,
    ExpectedCommaOrEnd,
    ExpectedValue,
    ExpectedColon,
    TrailingCharacters,
    InvalidNumber,
    InvalidEscape,
    ControlCharacterInText,
    KeyMustBeText,
    TooDeeplyNested,
    Other(String),
}

/// A kind of record, for references.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Entity {
    Account,
    Contact,
    Deal,
    Campaign,
    Content,
    TeamMember,
    Persona,
    CustomField,
    Channel,
    Factor,
    Rule,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ProblemKind {
    EmptyFile,
    WrongFileKind(FileKind),
    TooLarge {
        bytes: u64,
        limit: u64,
    },
    NotAnObject,
    /// The plan's own required details (id, name, dates, currency, fiscal year)
    /// cannot be read: there is no plan to keep any of the file in.
    PlanUnreadable,
    Syntax(SyntaxDetail),
    NotAPlanFile {
        format: Option<String>,
    },
    NewerVersion {
        found: u64,
        supported: u64,
    },
    BadVersion,
    CannotMigrate {
        from: u64,
    },
    MissingField(String),
    UnknownField {
        field: String,
    },
    WrongType {
        expected: Expected,
        got: String,
    },
    UnknownOption {
        got: String,
        allowed: Vec<String>,
    },
    OutOfRange {
        got: String,
        min: String,
        max: String,
    },
    Invalid(String),
    EmptyText,
    BadId,
    DuplicateId(String),
    Dangling {
        entity: Entity,
        id: String,
    },
    ReportsToSelfOrCycle,
    ContactAtOtherAccount,
    /// A record breaks one of its own rules (`domain::Rules`), the same
    /// refusal an edit or a CSV row gets.
    Refused(Refusal),
    NotAscending,
    ValueDropped,
    RecordDropped,
    /// A run of records stored in local storage was missing or unreadable.
    StoredPartLost {
        records: usize,
    },
    ReferenceDropped {
        entity: Entity,
        id: String,
    },
    MoreProblems(usize),
}

/// Whether reading a refused file again in repair mode keeps part of it: not
/// when the file as a whole is refused (not a plan file, broken JSON, a version
/// this app cannot read, no plan in it, or a plan whose own details cannot be
/// read). The fuzz test checks it both ways.
pub fn can_repair(problems: &[Problem]) -> bool {
    use ProblemKind::*;
    !problems.iter().any(|p| {
        matches!(
            (&p.location, &p.kind),
            (_, EmptyFile | WrongFileKind(_) | TooLarge { .. } | NotAnObject | PlanUnreadable | Syntax(_))
                | (_, NotAPlanFile { .. } | NewerVersion { .. } | BadVersion | CannotMigrate { .. })
                | (Location::File, MissingField(_))
        )
    })
}

impl Problem {
    pub fn error(location: Location, kind: ProblemKind) -> Problem {
        Problem { severity: Severity::Error, location, subject: None, kind }
    }

    pub fn warning(location: Location, kind: ProblemKind) -> Problem {
        Problem { severity: Severity::Warning, location, subject: None, kind }
    }

    pub fn at(path: impl Into<String>, kind: ProblemKind) -> Problem {
        Problem::error(Location::Path(path.into()), kind)
    }

    pub fn file(kind: ProblemKind) -> Problem {
        Problem::error(Location::File, kind)
    }

    pub fn with_subject(mut self, subject: Option<String>) -> Problem {
        self.subject = subject.filter(|s| !s.trim().is_empty());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Location::File => Ok(()),
            Location::Text { line, column } => write!(f, "line {line}, column {column}"),
            Location::Path(p) => f.write_str(p),
        }
    }
}

impl fmt::Display for FileKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            FileKind::Png => "a PNG image",
            FileKind::Jpeg => "a JPEG image",
            FileKind::Gif => "a GIF image",
            FileKind::Webp => "a WebP image",
            FileKind::Pdf => "a PDF document",
            FileKind::ZipOrOffice => "a ZIP or Office file (Excel, Word)",
            FileKind::Csv => "a CSV spreadsheet",
            FileKind::Html => "a web page (HTML)",
            FileKind::Xml => "an XML file",
            FileKind::Binary => "not a text file",
        })
    }
}

impl fmt::Display for Expected {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Expected::Number => f.write_str("a number"),
            Expected::WholeNumber => f.write_str("a whole number"),
            Expected::Text => f.write_str("text"),
            Expected::TrueFalse => f.write_str("true or false"),
            Expected::List => f.write_str("a list"),
            Expected::Object => f.write_str("an object"),
            Expected::Date => f.write_str("a date like 2026-04-01"),
            Expected::DateTime => f.write_str("a date and time like 2026-04-01T09:30:00Z"),
            Expected::Money => f.write_str("an amount of money"),
            Expected::Other(s) => f.write_str(s),
        }
    }
}

impl fmt::Display for Entity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Entity::Account => "account",
            Entity::Contact => "contact",
            Entity::Deal => "deal",
            Entity::Campaign => "campaign",
            Entity::Content => "content asset",
            Entity::TeamMember => "team member",
            Entity::Persona => "persona",
            Entity::CustomField => "custom field",
            Entity::Channel => "channel",
            Entity::Factor => "factor",
            Entity::Rule => "rule",
        })
    }
}

impl fmt::Display for SyntaxDetail {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SyntaxDetail::EndsTooEarly => f.write_str("the file ends too early (it may have been cut off)"),
            SyntaxDetail::TrailingComma => f.write_str("a comma before a closing bracket"),
            SyntaxDetail::ExpectedCommaOrEnd => f.write_str("a comma or a closing bracket is missing"),
            SyntaxDetail::ExpectedValue => f.write_str("a value is missing or is not valid JSON"),
            SyntaxDetail::ExpectedColon => f.write_str("a colon is missing after a name"),
            SyntaxDetail::TrailingCharacters => f.write_str("there is more text after the end of the data"),
            SyntaxDetail::InvalidNumber => f.write_str("a number is not written correctly"),
            SyntaxDetail::InvalidEscape => f.write_str("a backslash escape in a text is not valid"),
            SyntaxDetail::ControlCharacterInText => f.write_str("a text contains a line break or control character"),
            SyntaxDetail::KeyMustBeText => f.write_str("a name must be text in double quotes"),
            SyntaxDetail::TooDeeplyNested => f.write_str("the data is nested too deeply"),
            SyntaxDetail::Other(s) => f.write_str(s),
        }
    }
}

impl fmt::Display for ProblemKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use ProblemKind::*;
        match self {
            EmptyFile => f.write_str("the file is empty"),
            WrongFileKind(k) => write!(f, "this is {k}, not an ABM Planner plan file (.json)"),
            TooLarge { bytes, limit } => write!(f, "the file is too large ({bytes} bytes; the limit is {limit})"),
            NotAnObject => f.write_str("this JSON is not an ABM Planner plan file"),
            PlanUnreadable => f.write_str("the plan's own details cannot be read, so nothing in the file can be kept"),
            Syntax(d) => write!(f, "the JSON is broken: {d}"),
            NotAPlanFile { format: Some(x) } => write!(f, "this is a {x:?} file, not an ABM Planner plan file"),
            NotAPlanFile { format: None } => f.write_str("this JSON file is not an ABM Planner plan file (it has no \"format\")"),
            NewerVersion { found, supported } => write!(
                f,
                "this file was made by a newer version of ABM Planner (format version {found}; this app reads up to {supported}); update the app to open it"
            ),
            BadVersion => f.write_str("the file's schemaVersion is not a version number"),
            CannotMigrate { from } => write!(f, "files of format version {from} cannot be read by this version of ABM Planner"),
            MissingField(name) => write!(f, "{name:?} is missing"),
            UnknownField { field } => write!(f, "{field:?} is not a field ABM Planner knows"),
            WrongType { expected, got } => write!(f, "expected {expected}, got {got}"),
            UnknownOption { got, allowed } => write!(f, "{got:?} is not one of the allowed values ({})", allowed.join(", ")),
            OutOfRange { got, min, max } => write!(f, "{got} is out of range ({min}–{max})"),
            Invalid(s) => f.write_str(s),
            EmptyText => f.write_str("must not be empty"),
            BadId => f.write_str("is not a valid id (empty, too long, or with control characters)"),
            DuplicateId(id) => write!(f, "the id {id:?} is used twice"),
            Dangling { entity, id } => write!(f, "refers to {entity} {id:?}, which is not in the file"),
            ReportsToSelfOrCycle => f.write_str("the reporting line loops back on itself"),
            ContactAtOtherAccount => f.write_str("the contact belongs to another account"),
            Refused(r) => write!(f, "{r}"),
            NotAscending => f.write_str("values must go up from one to the next"),
            ValueDropped => f.write_str("the value was unreadable and was left out"),
            RecordDropped => f.write_str("the record was unreadable and was left out"),
            StoredPartLost { records } => {
                write!(f, "{records} stored records could not be read (their part of local storage is missing or damaged) and were left out")
            }
            ReferenceDropped { entity, id } => write!(f, "the reference to the missing {entity} {id:?} was removed"),
            MoreProblems(n) => write!(f, "and {n} more problems"),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.location, &self.subject) {
            (Location::File, _) => write!(f, "{}", self.kind),
            (loc, Some(s)) => write!(f, "{loc} ({s}): {}", self.kind),
            (loc, None) => write!(f, "{loc}: {}", self.kind),
        }
    }
}
