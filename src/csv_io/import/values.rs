//! Reading cell text as values, the way CRMs and Japanese spreadsheets write
//! them. Anything that does not read is a problem for that cell, never a guess.

use super::fields::fold_key;
use crate::domain::quantity::{fold_full_width, parse_count, CurrencyHint, NumberProblem};
use crate::domain::*;
use chrono::{NaiveDate, NaiveDateTime, NaiveTime, TimeZone};

/// A calendar day: `2026-04-01`, `2026/4/1`, `2026.4.1`, `2026年4月1日`,
/// `4/1/2026` (month first, as US tools export; day first when the first number
/// cannot be a month), with any time of day after it ignored.
pub fn date(text: &str) -> Option<Date> {
    let (d, _) = date_time(text)?;
    Some(Date(d))
}

/// An instant. Text with an offset (`2026-04-01T09:30:00+09:00`, `…Z`) is exact;
/// a date and time without one is local time at `offset_minutes` east of UTC (the
/// browser's); a date alone is noon local time, so it stays on its day.
pub fn instant(text: &str, offset_minutes: i32) -> Option<Timestamp> {
    if let Some(t) = Timestamp::parse(text) {
        return Some(t);
    }
    let (day, time) = date_time(text)?;
    let time = time.unwrap_or(NaiveTime::from_hms_opt(12, 0, 0)?);
    let offset = chrono::FixedOffset::east_opt(offset_minutes.clamp(-14 * 60, 14 * 60) * 60)?;
    let local = offset.from_local_datetime(&NaiveDateTime::new(day, time)).single()?;
    Some(Timestamp(local.with_timezone(&chrono::Utc)))
}

fn date_time(text: &str) -> Option<(NaiveDate, Option<NaiveTime>)> {
    let t: String = text.trim().chars().map(fold_full_width).collect();
    let t = t.replace(['年', '月'], "/").replace(['日', 'T'], " ");
    let (day_part, time_part) = match t.trim().split_once(' ') {
        Some((d, rest)) => (d.to_string(), Some(rest.trim().trim_end_matches('Z').to_string())),
        None => (t.trim().to_string(), None),
    };
    let nums: Vec<&str> = day_part.split(['-', '/', '.']).collect();
    let [a, b, c] = nums.as_slice() else { return None };
    let (a, b, c): (u32, u32, u32) = (a.parse().ok()?, b.parse().ok()?, c.parse().ok()?);
    let (y, m, d) = if a >= 1000 {
        (a, b, c)
    } else if c >= 1000 && a > 12 {
        (c, b, a)
    } else if c >= 1000 {
        (c, a, b)
    } else {
        return None;
    };
    let day = NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d)?;
    if !(time::MIN_YEAR..=time::MAX_YEAR).contains(&chrono::Datelike::year(&day)) {
        return None;
    }
    let time = match time_part.filter(|s| !s.is_empty()) {
        None => None,
        Some(s) => Some(
            NaiveTime::parse_from_str(&s, "%H:%M:%S")
                .or_else(|_| NaiveTime::parse_from_str(&s, "%H:%M"))
                .or_else(|_| NaiveTime::parse_from_str(&s, "%H:%M:%S%.f"))
                .ok()?,
        ),
    };
    Some((day, time))
}

/// An amount ≥ 0, in every form the app reads amounts (see
/// [`crate::domain::quantity`]): `¥1,200,000`, `1200000円`, `12億`, `3.5億円`,
/// `1億2,000万円`, `約800万`, `$250K`, `1.2M`; with the currency it named.
pub fn amount(text: &str) -> Result<(Money, CurrencyHint), NumberProblem> {
    let (m, currency) = Money::parse_with_currency(text)?;
    if m.minor() < 0 {
        return Err(NumberProblem::Negative);
    }
    Ok((m, currency))
}

/// A whole number ≥ 0 (`1,200`, `１２００`, `1200名`, `約300人`, `1.2万人`).
pub fn count(text: &str) -> Result<u32, NumberProblem> {
    parse_count(text)?.ok_or(NumberProblem::Empty)
}

/// A customer status from the words CRMs use for lifecycle stages and account
/// types (HubSpot "customer", "salesqualifiedlead"; Salesforce "Customer -
/// Direct", "Channel Partner / Reseller"; 既存顧客, 見込み客, 休眠顧客…).
pub fn status(text: &str) -> Option<AccountStatus> {
    let k = fold_key(text);
    let has = |words: &[&str]| words.iter().any(|w| k.contains(w));
    Some(if has(&["former", "churn", "inactivecustomer", "lapsed", "休眠", "解約", "過去顧客", "元顧客", "失注顧客"]) {
        AccountStatus::FormerCustomer
    } else if has(&["competitor", "競合"]) {
        AccountStatus::Competitor
    } else if has(&["partner", "reseller", "integrator", "パートナー", "代理店", "販売店"]) {
        AccountStatus::Partner
    } else if has(&["customer", "evangelist", "client", "既存顧客", "既存", "顧客", "取引中", "取引先", "契約中", "導入済"]) {
        AccountStatus::Customer
    } else if has(&["prospect", "lead", "subscriber", "opportunity", "mql", "sql", "target", "見込", "新規", "リード", "商談中", "ターゲット", "未取引"])
    {
        AccountStatus::Prospect
    } else {
        return None;
    })
}

/// A yes/no cell: `yes`/`no`, `true`/`false`, `1`/`0`, `y`/`n`, `はい`/`いいえ`,
/// `有`/`無`, `あり`/`なし`, `○`/`×`, `✓`; an empty cell is no value.
pub fn flag(text: &str) -> Option<bool> {
    match crate::icp::normalise(text).trim() {
        "yes" | "y" | "true" | "1" | "はい" | "有" | "あり" | "○" | "◯" | "✓" | "✔" => Some(true),
        "no" | "n" | "false" | "0" | "いいえ" | "無" | "なし" | "×" | "✗" => Some(false),
        _ => None,
    }
}

/// A number, possibly negative or with decimals (`1,200.5`, `１２００`, `-3`).
pub fn number(text: &str) -> Option<f64> {
    crate::domain::quantity::parse_number(text.trim()).filter(|v| v.is_finite())
}

/// A list in one cell: `SAP; Salesforce`, `SAP、Salesforce`, `a|b`, one per line.
pub fn list(text: &str) -> Vec<String> {
    text.split([';', ',', '、', '|', '\n', '；', '，']).map(str::trim).filter(|s| !s.is_empty()).map(str::to_string).collect()
}

/// A deal's stage and outcome from the stage names CRMs use (HubSpot's
/// "appointmentscheduled", Salesforce's "Closed Won", Japanese "受注"…).
pub fn stage(text: &str) -> Option<(DealStage, Outcome)> {
    let k = fold_key(text);
    let has = |words: &[&str]| words.iter().any(|w| k.contains(w));
    Some(if has(&["won", "受注", "成約", "契約締結"]) {
        (DealStage::Closed, Outcome::Won)
    } else if has(&["lost", "失注", "見送り", "不成立"]) {
        (DealStage::Closed, Outcome::Lost)
    } else if has(&["negotiat", "contractsent", "decisionmaker", "交渉", "稟議", "契約"]) {
        (DealStage::Negotiation, Outcome::Open)
    } else if has(&["proposal", "presentation", "quote", "提案", "見積", "デモ"]) {
        (DealStage::Proposal, Outcome::Open)
    } else if has(&["qualif", "appointment", "prospect", "discovery", "lead", "ヒアリング", "初回", "見込", "アポ", "リード"]) {
        (DealStage::Qualification, Outcome::Open)
    } else {
        return None;
    })
}

/// A deal's kind: new business, cross-sell, upsell or renewal.
pub fn deal_kind(text: &str) -> Option<DealKind> {
    let k = fold_key(text);
    let has = |words: &[&str]| words.iter().any(|w| k.contains(w));
    Some(if has(&["cross", "クロス"]) {
        DealKind::CrossSell
    } else if has(&["upsell", "upgrade", "アップ", "追加"]) {
        DealKind::Upsell
    } else if has(&["renew", "更新", "継続"]) {
        DealKind::Renewal
    } else if has(&["new", "新規"]) {
        DealKind::New
    } else {
        return None;
    })
}

/// An activity's kind from the names MA tools use ("Open Email", "Visit Web
/// Page", "メール開封", "セミナー参加"…) or this app's own (`emailOpened`).
pub fn activity_kind(text: &str) -> Option<ActivityKind> {
    use ActivityKind as A;
    // This app's own names, folded once (a CSV import reads every row's kind).
    static OWN_NAMES: std::sync::OnceLock<Vec<(String, ActivityKind)>> = std::sync::OnceLock::new();
    let own = OWN_NAMES.get_or_init(|| A::ALL.iter().map(|a| (fold_key(&format!("{a:?}")), *a)).collect());
    let k = fold_key(text);
    if let Some((_, kind)) = own.iter().find(|(name, _)| *name == k) {
        return Some(*kind);
    }
    let has = |words: &[&str]| words.iter().any(|w| k.contains(w));
    let ad = has(&["ad", "広告"]) && !has(&["download", "ダウンロード"]);
    Some(if ad && has(&["click", "クリック"]) {
        A::AdClick
    } else if ad && has(&["impression", "view", "表示", "インプレッション"]) {
        A::AdImpression
    } else if has(&["open", "開封"]) {
        A::EmailOpened
    } else if has(&["click", "クリック"]) {
        A::EmailClicked
    } else if has(&["sendemail", "emailsent", "sent", "送信", "配信"]) {
        A::EmailSent
    } else if has(&["webinar", "ウェビナー", "オンラインセミナー"]) {
        if has(&["regist", "登録", "申込", "申し込"]) {
            A::WebinarRegistered
        } else {
            A::WebinarAttended
        }
    } else if has(&["download", "ダウンロード", "資料請求"]) {
        A::ContentDownload
    } else if has(&["video", "動画", "視聴"]) {
        A::VideoView
    } else if has(&["event", "seminar", "tradeshow", "展示会", "セミナー", "イベント", "カンファレンス"]) {
        A::EventAttended
    } else if has(&["form", "フォーム", "問い合わせ", "問合せ", "inquiry"]) {
        A::FormSubmitted
    } else if has(&["visit", "pageview", "webpage", "閲覧", "サイト訪問", "アクセス"]) {
        A::WebVisit
    } else if has(&["meeting", "商談", "面談", "打ち合わせ", "打合せ", "訪問"]) {
        A::Meeting
    } else if has(&["call", "電話", "架電"]) {
        A::Call
    } else if has(&["social", "sns", "linkedin", "twitter", "facebook", "いいね"]) {
        A::SocialEngagement
    } else {
        return None;
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_the_usual_spellings() {
        let d = Date::from_ymd(2026, 4, 1);
        for t in ["2026-04-01", "2026/4/1", "2026.04.01", "2026年4月1日", "２０２６/０４/０１", "4/1/2026", "2026-04-01 10:22", "2026-04-01T10:22:00Z"]
        {
            assert_eq!(date(t), d, "{t}");
        }
        assert_eq!(date("13/4/2026"), Date::from_ymd(2026, 4, 13), "day first when it cannot be a month");
        for bad in ["", "2026-13-01", "2026-02-30", "yesterday", "1/2/3", "0001-01-01", "2026-04-01 25:00"] {
            assert_eq!(date(bad), None, "{bad}");
        }
    }

    #[test]
    fn instants_use_the_offset_only_when_the_text_has_none() {
        let jst = 9 * 60;
        assert_eq!(instant("2026-04-01T09:30:00Z", jst).map(|t| t.to_string()), Some("2026-04-01T09:30:00Z".into()));
        assert_eq!(instant("2026/4/1 9:30", jst).map(|t| t.to_string()), Some("2026-04-01T00:30:00Z".into()));
        assert_eq!(instant("2026-04-01", jst).map(|t| t.date()), Date::from_ymd(2026, 4, 1), "a bare date stays on its day");
        assert_eq!(instant("soon", jst), None);
    }

    #[test]
    fn amounts_with_japanese_and_english_units() {
        let m = |v: i64| Money::from_major(v);
        let read = |t: &str| amount(t).map(|(m, _)| m).ok();
        assert_eq!(read("¥1,200,000"), Some(m(1_200_000)));
        assert_eq!(read("1200000円"), Some(m(1_200_000)));
        assert_eq!(read("12億"), Some(m(1_200_000_000)));
        assert_eq!(read("3.5億円"), Some(m(350_000_000)));
        assert_eq!(read("1億2,000万円"), Some(m(120_000_000)), "two units together");
        assert_eq!(read("約1兆2000億円"), Some(m(1_200_000_000_000)));
        assert_eq!(read("1,200百万円"), Some(m(1_200_000_000)));
        assert_eq!(read("８００万"), Some(m(8_000_000)));
        assert_eq!(read("$1.2M"), Some(m(1_200_000)));
        assert_eq!(read("250K"), Some(m(250_000)));
        assert_eq!(read("12500.5"), Some(Money::from_minor(1_250_050)));
        assert_eq!(amount("$1.2M").map(|(_, c)| c), Ok(Some("USD")));
        assert_eq!(amount("-5"), Err(NumberProblem::Negative));
        for bad in ["", "lots", "1e400億", "NaN"] {
            assert!(amount(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn statuses_from_lifecycle_stages_and_types() {
        for (text, want) in [
            ("customer", Some(AccountStatus::Customer)),
            ("Customer - Direct", Some(AccountStatus::Customer)),
            ("salesqualifiedlead", Some(AccountStatus::Prospect)),
            ("Prospect", Some(AccountStatus::Prospect)),
            ("Channel Partner / Reseller", Some(AccountStatus::Partner)),
            ("既存顧客", Some(AccountStatus::Customer)),
            ("見込み客", Some(AccountStatus::Prospect)),
            ("休眠顧客", Some(AccountStatus::FormerCustomer)),
            ("競合", Some(AccountStatus::Competitor)),
            ("Other", None),
        ] {
            assert_eq!(status(text), want, "{text}");
        }
    }

    #[test]
    fn whole_numbers_lists_and_domains() {
        assert_eq!(count("1,200名"), Ok(1200));
        assert_eq!(count("約300人"), Ok(300));
        assert_eq!(count("12.5"), Err(NumberProblem::NotWhole));
        assert_eq!(list("SAP; Salesforce、kintone | Slack"), vec!["SAP", "Salesforce", "kintone", "Slack"]);
    }

    #[test]
    fn stages_kinds_and_activity_kinds() {
        assert_eq!(stage("Closed Won"), Some((DealStage::Closed, Outcome::Won)));
        assert_eq!(stage("closedlost"), Some((DealStage::Closed, Outcome::Lost)));
        assert_eq!(stage("受注"), Some((DealStage::Closed, Outcome::Won)));
        assert_eq!(stage("appointmentscheduled"), Some((DealStage::Qualification, Outcome::Open)));
        assert_eq!(stage("提案中"), Some((DealStage::Proposal, Outcome::Open)));
        assert_eq!(stage("???"), None);
        assert_eq!(deal_kind("Existing Business - Upsell"), Some(DealKind::Upsell));
        assert_eq!(deal_kind("新規"), Some(DealKind::New));
        assert_eq!(activity_kind("Open Email"), Some(ActivityKind::EmailOpened));
        assert_eq!(activity_kind("Click Link in Email"), Some(ActivityKind::EmailClicked));
        assert_eq!(activity_kind("Visit Web Page"), Some(ActivityKind::WebVisit));
        assert_eq!(activity_kind("ウェビナー申込"), Some(ActivityKind::WebinarRegistered));
        assert_eq!(activity_kind("セミナー参加"), Some(ActivityKind::EventAttended));
        assert_eq!(activity_kind("資料ダウンロード"), Some(ActivityKind::ContentDownload));
        assert_eq!(activity_kind("広告クリック"), Some(ActivityKind::AdClick));
        assert_eq!(activity_kind("emailOpened"), Some(ActivityKind::EmailOpened));
        assert_eq!(activity_kind("商談"), Some(ActivityKind::Meeting));
        assert_eq!(activity_kind("unknown thing"), None);
    }
}
