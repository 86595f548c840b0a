//! Import problems and refused edits in the user's language: where, and what is wrong.

use crate::domain::Refusal;
use crate::plan_file::problems::{Entity, Expected, FileKind, Location, Problem, ProblemKind, SyntaxDetail};
use crate::ui::i18n::{td_string, Locale};

/// Where the problem is (a line and column, or a JSON path with the record's
/// name), if it is not about the file as a whole.
pub fn location(l: Locale, p: &Problem) -> Option<String> {
    let place = match &p.location {
        Location::File => return None,
        Location::Text { line, column } => td_string!(l, problems.at_line, line = *line, column = *column).to_string(),
        Location::Path(path) => path.clone(),
    };
    Some(match &p.subject {
        Some(s) => format!("{place} ({s})"),
        None => place,
    })
}

pub fn message(l: Locale, p: &Problem) -> String {
    use ProblemKind::*;
    match &p.kind {
        EmptyFile => td_string!(l, problems.empty_file).to_string(),
        WrongFileKind(k) => td_string!(l, problems.wrong_kind, kind = file_kind(l, *k)).to_string(),
        TooLarge { bytes, limit } => td_string!(l, problems.too_large, size = bytes / 1_048_576, limit = limit / 1_048_576).to_string(),
        NotAnObject => td_string!(l, problems.not_object).to_string(),
        PlanUnreadable => td_string!(l, problems.plan_unreadable).to_string(),
        Syntax(d) => td_string!(l, problems.syntax, detail = syntax(l, d)).to_string(),
        NotAPlanFile { format: Some(f) } => td_string!(l, problems.not_plan_format, format = f.clone()).to_string(),
        NotAPlanFile { format: None } => td_string!(l, problems.not_plan).to_string(),
        NewerVersion { found, supported } => td_string!(l, problems.newer, found = *found, supported = *supported).to_string(),
        BadVersion => td_string!(l, problems.bad_version).to_string(),
        CannotMigrate { from } => td_string!(l, problems.cannot_migrate, from = *from).to_string(),
        MissingField(f) => td_string!(l, problems.missing, field = f.clone()).to_string(),
        UnknownField { field } => td_string!(l, problems.unknown_field, field = field.clone()).to_string(),
        WrongType { expected: e, got } => td_string!(l, problems.wrong_type, expected = expected(l, e), got = got.clone()).to_string(),
        UnknownOption { got, allowed } => td_string!(l, problems.unknown_option, got = format!("“{got}”"), allowed = allowed.join(", ")).to_string(),
        OutOfRange { got, min, max } => td_string!(l, problems.out_of_range, got = got.clone(), min = min.clone(), max = max.clone()).to_string(),
        Invalid(detail) => td_string!(l, problems.invalid, detail = detail.clone()).to_string(),
        EmptyText => td_string!(l, problems.empty_text).to_string(),
        BadId => td_string!(l, problems.bad_id).to_string(),
        DuplicateId(id) => td_string!(l, problems.duplicate_id, id = id.clone()).to_string(),
        Dangling { entity: e, id } => td_string!(l, problems.dangling, entity = entity(l, *e), id = id.clone()).to_string(),
        ReportsToSelfOrCycle => td_string!(l, problems.reports_loop).to_string(),
        ContactAtOtherAccount => td_string!(l, problems.contact_elsewhere).to_string(),
        Refused(r) => refusal(l, *r),
        NotAscending => td_string!(l, problems.not_ascending).to_string(),
        ValueDropped => td_string!(l, problems.value_dropped).to_string(),
        RecordDropped => td_string!(l, problems.record_dropped).to_string(),
        StoredPartLost { records } => td_string!(l, problems.stored_part_lost, count = *records).to_string(),
        ReferenceDropped { entity: e, id } => td_string!(l, problems.reference_dropped, entity = entity(l, *e), id = id.clone()).to_string(),
        MoreProblems(n) => td_string!(l, problems.more, count = *n).to_string(),
    }
}

/// Why an edit, a CSV row or a record of a file is refused, in one sentence
/// that names the field. Every entry point words a `domain::Refusal` here.
pub fn refusal(l: Locale, r: Refusal) -> String {
    refusal_in(l, r, &|_| None)
}

/// [`refusal`], naming the fields as a form labels them (`form_label` gives a
/// field's label by its name in the file, where the form has one), so the
/// sentence points at what the person sees.
pub fn refusal_in(l: Locale, r: Refusal, form_label: &dyn Fn(&str) -> Option<String>) -> String {
    let name = |key: &str| form_label(key).unwrap_or_else(|| refused_field(l, key));
    match r {
        Refusal::Empty(f) => td_string!(l, refusals.empty, field = name(f)).to_string(),
        Refusal::Negative(f) => td_string!(l, refusals.negative, field = name(f)).to_string(),
        Refusal::TooLarge(f, max) => td_string!(l, refusals.too_large, field = name(f), max = max).to_string(),
        Refusal::Zero(f) => td_string!(l, refusals.zero, field = name(f)).to_string(),
        Refusal::BeforeStart(f, start) => td_string!(l, refusals.before_start, field = name(f), start = name(start)).to_string(),
        Refusal::NoCloseDate => td_string!(l, refusals.no_close_date).to_string(),
        Refusal::Missing(f, _) => td_string!(l, refusals.missing, field = name(f)).to_string(),
        Refusal::NameTaken => td_string!(l, refusals.name_taken).to_string(),
        Refusal::InHistory => td_string!(l, refusals.in_history).to_string(),
        Refusal::OutOfRange(f) => td_string!(l, refusals.out_of_range, field = name(f)).to_string(),
        Refusal::NothingToChange => td_string!(l, refusals.nothing).to_string(),
    }
}

/// A refused field's label: the merge's list of fields, except where a name
/// reads differently alone in a sentence (a content asset's `title`, a goal's
/// `target`, dates named as dates).
fn refused_field(l: Locale, key: &str) -> String {
    match key {
        "title" => td_string!(l, fields.content_title).to_string(),
        "target" => td_string!(l, fields.goal_target).to_string(),
        "created" => td_string!(l, fields.creation_date).to_string(),
        "start" => td_string!(l, fields.start_date).to_string(),
        "end" => td_string!(l, fields.end_date).to_string(),
        "due" => td_string!(l, fields.due_date).to_string(),
        _ => crate::ui::field_names::field_name(l, key).unwrap_or_else(|| key.to_string()),
    }
}

fn file_kind(l: Locale, k: FileKind) -> String {
    match k {
        FileKind::Png => td_string!(l, problems.kinds.png),
        FileKind::Jpeg => td_string!(l, problems.kinds.jpeg),
        FileKind::Gif => td_string!(l, problems.kinds.gif),
        FileKind::Webp => td_string!(l, problems.kinds.webp),
        FileKind::Pdf => td_string!(l, problems.kinds.pdf),
        FileKind::ZipOrOffice => td_string!(l, problems.kinds.zip),
        FileKind::Csv => td_string!(l, problems.kinds.csv),
        FileKind::Html => td_string!(l, problems.kinds.html),
        FileKind::Xml => td_string!(l, problems.kinds.xml),
        FileKind::Binary => td_string!(l, problems.kinds.binary),
    }
    .to_string()
}

fn expected(l: Locale, e: &Expected) -> String {
    match e {
        Expected::Number => td_string!(l, problems.expected.number).to_string(),
        Expected::WholeNumber => td_string!(l, problems.expected.whole_number).to_string(),
        Expected::Text => td_string!(l, problems.expected.text).to_string(),
        Expected::TrueFalse => td_string!(l, problems.expected.true_false).to_string(),
        Expected::List => td_string!(l, problems.expected.list).to_string(),
        Expected::Object => td_string!(l, problems.expected.object).to_string(),
        Expected::Date => td_string!(l, problems.expected.date).to_string(),
        Expected::DateTime => td_string!(l, problems.expected.date_time).to_string(),
        Expected::Money => td_string!(l, problems.expected.money).to_string(),
        Expected::Other(s) => s.clone(),
    }
}

fn syntax(l: Locale, d: &SyntaxDetail) -> String {
    match d {
        SyntaxDetail::EndsTooEarly => td_string!(l, problems.syntax_detail.ends_early).to_string(),
        SyntaxDetail::TrailingComma => td_string!(l, problems.syntax_detail.trailing_comma).to_string(),
        SyntaxDetail::ExpectedCommaOrEnd => td_string!(l, problems.syntax_detail.comma_or_end).to_string(),
        SyntaxDetail::ExpectedValue => td_string!(l, problems.syntax_detail.value).to_string(),
        SyntaxDetail::ExpectedColon => td_string!(l, problems.syntax_detail.colon).to_string(),
        SyntaxDetail::TrailingCharacters => td_string!(l, problems.syntax_detail.trailing).to_string(),
        SyntaxDetail::InvalidNumber => td_string!(l, problems.syntax_detail.number).to_string(),
        SyntaxDetail::InvalidEscape => td_string!(l, problems.syntax_detail.escape).to_string(),
        SyntaxDetail::ControlCharacterInText => td_string!(l, problems.syntax_detail.control).to_string(),
        SyntaxDetail::KeyMustBeText => td_string!(l, problems.syntax_detail.key).to_string(),
        SyntaxDetail::TooDeeplyNested => td_string!(l, problems.syntax_detail.deep).to_string(),
        SyntaxDetail::Other(s) => s.clone(),
    }
}

fn entity(l: Locale, e: Entity) -> String {
    match e {
        Entity::Account => td_string!(l, problems.entities.account),
        Entity::Contact => td_string!(l, problems.entities.contact),
        Entity::Deal => td_string!(l, problems.entities.deal),
        Entity::Campaign => td_string!(l, problems.entities.campaign),
        Entity::Content => td_string!(l, problems.entities.content),
        Entity::TeamMember => td_string!(l, problems.entities.member),
        Entity::Persona => td_string!(l, problems.entities.persona),
        Entity::CustomField => td_string!(l, problems.entities.field),
        Entity::Channel => td_string!(l, problems.entities.channel),
        Entity::Factor => td_string!(l, problems.entities.factor),
        Entity::Rule => td_string!(l, problems.entities.rule),
    }
    .to_string()
}
