//! What a CSV column can hold, per kind of record, and the automatic guess of
//! which column is which from its heading. Headings are compared folded (case,
//! width, spaces and punctuation ignored), against the names HubSpot, Salesforce
//! and Marketo export and the usual Japanese ones (会社名, 業種, 従業員数, 売上高,
//! 都道府県…).

use crate::icp::normalise;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum RecordKind {
    Accounts,
    Contacts,
    Deals,
    Activities,
}

impl RecordKind {
    pub const ALL: [RecordKind; 4] = [RecordKind::Accounts, RecordKind::Contacts, RecordKind::Deals, RecordKind::Activities];

    /// The fields a column of this kind of file can be mapped to, in the order
    /// the mapping step lists them.
    pub fn fields(self) -> &'static [Field] {
        use Field::*;
        match self {
            RecordKind::Accounts => &[
                Name,
                AccountId,
                Domain,
                Industry,
                Employees,
                Revenue,
                Country,
                Region,
                City,
                Status,
                SalesOwner,
                MarketingOwner,
                Technologies,
                Tags,
                ExpectedDealSize,
                Notes,
            ],
            RecordKind::Contacts => &[Name, FirstName, LastName, Company, CompanyDomain, Email, Title, Department, Phone, Notes],
            RecordKind::Deals => &[Name, Company, CompanyDomain, Amount, Created, Closed, Stage, DealKind, Product, Owner, Notes],
            RecordKind::Activities => &[ActivityKind, At, Company, CompanyDomain, Email, Count, Notes],
        }
    }
}

/// One thing a column can hold. `Name` is the record's name: the company of an
/// account, the person of a contact, the deal's name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Field {
    Name,
    FirstName,
    LastName,
    AccountId,
    /// The account's name, on a contact, deal or activity.
    Company,
    /// The account's web domain (or web site), on any record.
    Domain,
    CompanyDomain,
    Industry,
    Employees,
    Revenue,
    Country,
    /// State, province or prefecture.
    Region,
    City,
    /// A lifecycle stage or account type (customer, prospect…).
    Status,
    /// Our people, by name or email: team members are found or added.
    SalesOwner,
    MarketingOwner,
    /// A deal's owner.
    Owner,
    Technologies,
    Tags,
    ExpectedDealSize,
    Notes,
    Email,
    Title,
    Department,
    Phone,
    Amount,
    Created,
    Closed,
    Stage,
    DealKind,
    Product,
    ActivityKind,
    At,
    Count,
    /// One of the plan's custom fields of accounts, by its position in
    /// `Plan::custom_fields` when the mapping was made.
    Custom(u16),
}

/// Headings that mean the field, folded (see `fold_key`). Per kind, because
/// "name" is a company in an accounts file and a person in a contacts file.
fn synonyms(kind: RecordKind, field: Field) -> &'static [&'static str] {
    use Field::*;
    use RecordKind as K;
    match (kind, field) {
        (K::Accounts, Name) => &[
            "name",
            "companyname",
            "company",
            "accountname",
            "account",
            "organization",
            "organisation",
            "会社名",
            "企業名",
            "社名",
            "取引先名",
            "法人名",
            "顧客名",
        ],
        (K::Contacts, Name) => &["name", "fullname", "contactname", "氏名", "名前", "担当者名", "担当者", "お名前"],
        (K::Deals, Name) => &["dealname", "opportunityname", "name", "商談名", "案件名", "取引名"],
        (_, FirstName) => &["firstname", "givenname", "名"],
        (_, LastName) => &["lastname", "surname", "familyname", "姓"],
        (_, AccountId) => &["id", "accountid", "companyid", "recordid", "取引先id", "企業id", "会社id"],
        (_, Company) => {
            &["company", "companyname", "accountname", "account", "associatedcompany", "organization", "会社名", "企業名", "社名", "取引先名", "取引先"]
        }
        (_, Domain) => &["domain", "companydomainname", "website", "websiteurl", "url", "webサイト", "ウェブサイト", "ホームページ", "ドメイン"],
        (_, CompanyDomain) => {
            &["companydomain", "companydomainname", "domain", "website", "url", "会社url", "ドメイン", "会社ドメイン", "webサイト", "ホームページ"]
        }
        (_, Industry) => &["industry", "業種", "業界"],
        (_, Employees) => &["employees", "numberofemployees", "employeecount", "noofemployees", "従業員数", "社員数", "従業員"],
        (_, Revenue) => &["annualrevenue", "revenue", "売上高", "年商", "売上", "年間売上", "年間売上高"],
        (_, Country) => &["country", "countryregion", "billingcountry", "mailingcountry", "国", "国名", "国地域"],
        (_, Region) => &[
            "state",
            "stateregion",
            "region",
            "prefecture",
            "billingstate",
            "stateprovince",
            "billingstateprovince",
            "mailingstateprovince",
            "province",
            "都道府県",
            "地域",
            "所在地",
            "住所都道府県",
        ],
        (_, City) => &["city", "billingcity", "mailingcity", "town", "市区町村", "市町村", "市区郡", "都市", "住所市区町村"],
        (_, Status) => &[
            "lifecyclestage",
            "lifecycle",
            "type",
            "accounttype",
            "companytype",
            "customerstatus",
            "status",
            "relationship",
            "ライフサイクルステージ",
            "顧客区分",
            "取引区分",
            "顧客ステータス",
            "顧客種別",
            "取引先種別",
            "ステータス",
            "区分",
        ],
        (_, SalesOwner) => &[
            "companyowner",
            "accountowner",
            "owner",
            "salesowner",
            "salesrep",
            "accountmanager",
            "担当営業",
            "営業担当",
            "営業担当者",
            "自社担当",
            "自社担当者",
            "担当",
            "所有者",
            "会社の所有者",
            "会社所有者",
            "取引先所有者",
            "アカウントオーナー",
        ],
        (_, MarketingOwner) => &["marketingowner", "marketingcontact", "mktowner", "マーケティング担当", "マーケティング担当者", "マーケ担当"],
        (_, Owner) => {
            &["dealowner", "opportunityowner", "owner", "salesrep", "商談所有者", "取引所有者", "商談担当", "担当営業", "営業担当", "営業担当者", "所有者"]
        }
        (_, Technologies) => &["technologies", "techstack", "technology", "利用技術", "導入製品", "導入システム"],
        (_, Tags) => &["tags", "tag", "labels", "タグ", "ラベル"],
        (_, ExpectedDealSize) => &["expecteddealsize", "想定案件規模", "見込み金額", "想定金額"],
        (_, Notes) => &["notes", "note", "description", "subject", "メモ", "備考", "説明", "件名"],
        (_, Email) => &["email", "emailaddress", "contactemail", "mail", "メールアドレス", "メール", "eメール", "電子メール"],
        (_, Title) => &["title", "jobtitle", "役職", "役職名", "肩書"],
        (_, Department) => &["department", "部署", "部署名", "部門"],
        (_, Phone) => &["phone", "phonenumber", "mobilephone", "mobile", "tel", "tel会社", "tel直通", "会社電話", "直通電話", "電話番号", "電話", "携帯電話"],
        (_, Amount) => &["amount", "dealamount", "金額", "受注金額", "商談金額", "見込金額"],
        (_, Created) => &["createdate", "createddate", "created", "作成日", "商談開始日", "登録日"],
        (_, Closed) => &["closedate", "closeddate", "完了予定日", "成約日", "受注日", "クローズ日", "完了日"],
        (_, Stage) => &["stage", "dealstage", "phase", "フェーズ", "ステージ", "商談フェーズ", "ステータス"],
        (_, DealKind) => &["type", "dealtype", "opportunitytype", "種別", "商談種別", "取引種別"],
        (_, Product) => &["product", "productname", "製品", "商品", "製品名"],
        (_, ActivityKind) => &["activitytype", "type", "activity", "eventtype", "活動種別", "種別", "アクティビティ", "行動"],
        (_, At) => &["activitydate", "date", "timestamp", "datetime", "occurredat", "日時", "日付", "活動日", "実施日"],
        (_, Count) => &["count", "times", "回数", "件数"],
        _ => &[],
    }
}

/// Text folded for comparison with known words (headings, stage and activity
/// names): case and width folded, spaces, `_`, `-`, `.`, `/`, brackets and the
/// like removed.
pub fn fold_key(h: &str) -> String {
    normalise(h).chars().filter(|c| c.is_alphanumeric()).collect()
}

/// The field each heading most likely means for `kind` (each field at most once,
/// the first column that names it wins).
pub fn guess_mapping(kind: RecordKind, headings: &[String]) -> Vec<Option<Field>> {
    let folded: Vec<String> = headings.iter().map(|h| fold_key(h)).collect();
    let mut mapping = vec![None; headings.len()];
    // Exact synonyms first, field by field in priority order, so "Company Domain
    // Name" goes to the domain and not to "company" when both are present.
    for &field in kind.fields() {
        let words = synonyms(kind, field);
        if let Some(i) = (0..folded.len()).find(|&i| mapping[i].is_none() && words.contains(&folded[i].as_str())) {
            mapping[i] = Some(field);
        }
    }
    mapping
}

/// Maps to the plan's custom fields (`names`, in `Plan::custom_fields` order)
/// the columns still unmapped whose heading is a field's name, folded as other
/// headings are: an export that has a column "ERPベンダー" fills the field of
/// that name. Accounts only: the fields belong to accounts.
pub fn guess_custom(kind: RecordKind, headings: &[String], names: &[&str], mapping: &mut [Option<Field>]) {
    if kind != RecordKind::Accounts {
        return;
    }
    for (k, name) in names.iter().enumerate().take(usize::from(u16::MAX)) {
        let field = Field::Custom(k as u16);
        let key = fold_key(name);
        if key.is_empty() || mapping.contains(&Some(field)) {
            continue;
        }
        if let Some(i) = (0..headings.len()).find(|&i| mapping.get(i) == Some(&None) && fold_key(&headings[i]) == key) {
            mapping[i] = Some(field);
        }
    }
}

/// The kind of record a file most likely holds: the kind whose required
/// columns are found, then the one with the most columns recognised.
pub fn guess_kind(headings: &[String]) -> RecordKind {
    let score = |kind: RecordKind| {
        let mapping = guess_mapping(kind, headings);
        let found = mapping.iter().flatten().count();
        (missing_required(kind, &mapping).is_empty(), found)
    };
    // Ties go to the earlier kind (accounts first).
    let mut best = (RecordKind::Accounts, score(RecordKind::Accounts));
    for kind in RecordKind::ALL.into_iter().skip(1) {
        let s = score(kind);
        if s > best.1 {
            best = (kind, s);
        }
    }
    best.0
}

/// Which required fields a mapping lacks. An account is named; a contact is
/// named (full name, or first/last name) and belongs to an account (company
/// name, company domain, or the domain of their email); a deal has a name, an
/// amount, a creation date and an account; an activity a kind, a time and an
/// account (or a contact's email).
pub fn missing_required(kind: RecordKind, mapping: &[Option<Field>]) -> Vec<Requirement> {
    let has = |f: Field| mapping.contains(&Some(f));
    let linked = has(Field::Company) || has(Field::CompanyDomain) || has(Field::Email);
    let mut missing = Vec::new();
    let mut need = |ok: bool, r: Requirement| {
        if !ok {
            missing.push(r);
        }
    };
    match kind {
        RecordKind::Accounts => need(has(Field::Name), Requirement::Field(Field::Name)),
        RecordKind::Contacts => {
            need(has(Field::Name) || has(Field::FirstName) || has(Field::LastName), Requirement::Field(Field::Name));
            need(linked, Requirement::Account);
        }
        RecordKind::Deals => {
            need(has(Field::Name), Requirement::Field(Field::Name));
            need(has(Field::Amount), Requirement::Field(Field::Amount));
            need(has(Field::Created), Requirement::Field(Field::Created));
            need(has(Field::Company) || has(Field::CompanyDomain), Requirement::Account);
        }
        RecordKind::Activities => {
            need(has(Field::ActivityKind), Requirement::Field(Field::ActivityKind));
            need(has(Field::At), Requirement::Field(Field::At));
            need(linked, Requirement::Account);
        }
    }
    missing
}

/// Something the mapping must provide before a preview can be made.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Requirement {
    Field(Field),
    /// A column that says which account the record belongs to.
    Account,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn japanese_account_headings() {
        let headings = h(&["会社名", "業種", "従業員数", "売上高", "都道府県", "ＵＲＬ"]);
        assert_eq!(guess_kind(&headings), RecordKind::Accounts);
        assert_eq!(
            guess_mapping(RecordKind::Accounts, &headings),
            vec![Some(Field::Name), Some(Field::Industry), Some(Field::Employees), Some(Field::Revenue), Some(Field::Region), Some(Field::Domain)]
        );
    }

    #[test]
    fn hubspot_companies_and_contacts() {
        let companies =
            h(&["Record ID", "Company name", "Company Domain Name", "Industry", "Number of Employees", "Annual Revenue", "Country/Region", "State/Region"]);
        assert_eq!(guess_kind(&companies), RecordKind::Accounts);
        let m = guess_mapping(RecordKind::Accounts, &companies);
        assert_eq!(m[0], Some(Field::AccountId));
        assert_eq!(m[2], Some(Field::Domain));
        assert_eq!(m[7], Some(Field::Region));

        let contacts = h(&["First Name", "Last Name", "Email", "Job Title", "Company Name", "Phone Number"]);
        assert_eq!(guess_kind(&contacts), RecordKind::Contacts);
        let m = guess_mapping(RecordKind::Contacts, &contacts);
        assert_eq!(m, vec![Some(Field::FirstName), Some(Field::LastName), Some(Field::Email), Some(Field::Title), Some(Field::Company), Some(Field::Phone)]);
    }

    #[test]
    fn salesforce_opportunities_and_marketo_activities() {
        let opps = h(&["Opportunity Name", "Account Name", "Amount", "Created Date", "Close Date", "Stage", "Type"]);
        assert_eq!(guess_kind(&opps), RecordKind::Deals);
        assert!(missing_required(RecordKind::Deals, &guess_mapping(RecordKind::Deals, &opps)).is_empty());

        let acts = h(&["Email Address", "Activity Type", "Activity Date", "Company"]);
        assert_eq!(guess_kind(&acts), RecordKind::Activities);
    }

    #[test]
    fn requirements_name_what_is_missing() {
        let m = guess_mapping(RecordKind::Deals, &h(&["商談名", "金額"]));
        assert_eq!(missing_required(RecordKind::Deals, &m), vec![Requirement::Field(Field::Created), Requirement::Account]);
        let m = guess_mapping(RecordKind::Contacts, &h(&["姓", "名", "メールアドレス"]));
        assert!(missing_required(RecordKind::Contacts, &m).is_empty(), "the email's domain finds the account");
    }

    #[test]
    fn columns_named_as_custom_fields_fill_them() {
        let headings = h(&["会社名", "ＥＲＰ ベンダー", "Plants", "Industry"]);
        let mut m = guess_mapping(RecordKind::Accounts, &headings);
        guess_custom(RecordKind::Accounts, &headings, &["工場数", "ERPベンダー", "plants", "industry"], &mut m);
        // Width, case and spaces folded; a column already mapped stays so.
        assert_eq!(m, vec![Some(Field::Name), Some(Field::Custom(1)), Some(Field::Custom(2)), Some(Field::Industry)]);
        let mut contacts = guess_mapping(RecordKind::Contacts, &headings);
        let before = contacts.clone();
        guess_custom(RecordKind::Contacts, &headings, &["ERPベンダー"], &mut contacts);
        assert_eq!(contacts, before, "custom fields are accounts' only");
    }

    #[test]
    fn owners_places_and_statuses_from_crm_exports() {
        let hubspot = h(&["Record ID", "Company name", "Company owner", "City", "State/Region", "Lifecycle Stage"]);
        let m = guess_mapping(RecordKind::Accounts, &hubspot);
        assert_eq!(m[2..], [Some(Field::SalesOwner), Some(Field::City), Some(Field::Region), Some(Field::Status)]);
        let salesforce = h(&["Account Name", "Account Owner", "Billing City", "Billing State/Province", "Type", "Marketing Owner"]);
        let m = guess_mapping(RecordKind::Accounts, &salesforce);
        assert_eq!(
            m,
            vec![Some(Field::Name), Some(Field::SalesOwner), Some(Field::City), Some(Field::Region), Some(Field::Status), Some(Field::MarketingOwner)]
        );
        let japanese = h(&["会社名", "担当営業", "市区町村", "都道府県", "顧客区分"]);
        assert_eq!(guess_mapping(RecordKind::Accounts, &japanese)[1..], [Some(Field::SalesOwner), Some(Field::City), Some(Field::Region), Some(Field::Status)]);
        assert_eq!(guess_kind(&salesforce), RecordKind::Accounts);
        let deals = h(&["Deal Name", "Associated Company", "Amount", "Create Date", "Deal owner"]);
        assert_eq!(guess_mapping(RecordKind::Deals, &deals)[4], Some(Field::Owner));
    }

    #[test]
    fn business_card_exports_are_contacts() {
        // Sansan / Eight style: 会社名, 部署名, 役職, 氏名 (or 姓 + 名), メールアドレス…
        let cards = h(&["会社名", "部署名", "役職", "氏名", "メールアドレス", "TEL会社", "URL", "名刺交換日"]);
        assert_eq!(guess_kind(&cards), RecordKind::Contacts);
        let m = guess_mapping(RecordKind::Contacts, &cards);
        assert_eq!(
            m,
            vec![
                Some(Field::Company),
                Some(Field::Department),
                Some(Field::Title),
                Some(Field::Name),
                Some(Field::Email),
                Some(Field::Phone),
                Some(Field::CompanyDomain),
                None
            ]
        );
        let split = h(&["会社名", "部署名", "役職", "姓", "名", "E-mail"]);
        assert_eq!(guess_kind(&split), RecordKind::Contacts);
        let marketo = h(&["First Name", "Last Name", "Email Address", "Company Name", "Job Title", "Department"]);
        assert_eq!(guess_kind(&marketo), RecordKind::Contacts);
    }

    #[test]
    fn each_field_is_guessed_once() {
        let m = guess_mapping(RecordKind::Accounts, &h(&["会社名", "企業名"]));
        assert_eq!(m, vec![Some(Field::Name), None]);
    }
}
