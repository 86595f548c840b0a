//! The demo's fixed content: a fictional Japanese SaaS vendor ("FactoryLink", a
//! manufacturing DX platform) and the companies it targets. All names are invented;
//! domains use the reserved `.example` top-level domain.

/// name, domain, industry, segment tag, employees, revenue (¥ hundred millions),
/// prefecture, technologies, ERP vendor.
pub type CompanyRow = (&'static str, &'static str, &'static str, &'static str, Option<u32>, Option<i64>, &'static str, &'static [&'static str], &'static str);

pub const COMPANIES: &[CompanyRow] = &[
    ("株式会社ミナト精機", "minato-seiki.example", "製造業", "機械", Some(1200), Some(320), "神奈川県", &["SAP S/4HANA", "Excel管理"], "SAP"),
    ("北斗電子工業株式会社", "hokuto-denshi.example", "製造業", "電子部品", Some(2800), Some(860), "東京都", &["Oracle EBS", "Salesforce"], "Oracle"),
    ("三河オートパーツ株式会社", "mikawa-autoparts.example", "製造業", "自動車部品", Some(4500), Some(1500), "愛知県", &["SAP S/4HANA", "自社開発システム"], "SAP"),
    ("浪速化学工業株式会社", "naniwa-chem.example", "製造業", "化学", Some(900), Some(410), "大阪府", &["OBIC7"], "OBIC"),
    ("さくら食品株式会社", "sakura-foods.example", "製造業", "食品", Some(1600), Some(580), "静岡県", &["自社開発システム", "kintone"], "内製"),
    ("東邦ロジスティクス株式会社", "toho-logi.example", "運輸・物流業", "物流", Some(3200), Some(950), "東京都", &["Microsoft Dynamics"], "その他"),
    ("青葉メディカル株式会社", "aoba-medical.example", "製造業", "医療機器", Some(650), Some(180), "宮城県", &["SAP Business One"], "SAP"),
    ("富士見精密株式会社", "fujimi-precision.example", "製造業", "精密機器", Some(420), Some(95), "長野県", &["Excel管理"], "内製"),
    ("瀬戸内マリンテック株式会社", "setouchi-marine.example", "製造業", "造船", Some(2100), Some(730), "広島県", &["Oracle EBS"], "Oracle"),
    ("株式会社カナデ製作所", "kanade-ss.example", "製造業", "金属加工", Some(180), Some(32), "新潟県", &["Excel管理"], "内製"),
    ("大和テキスタイル株式会社", "yamato-textile.example", "製造業", "繊維", Some(760), Some(220), "大阪府", &["OBIC7"], "OBIC"),
    ("日進エレクトロニクス株式会社", "nisshin-elec.example", "製造業", "電子部品", Some(5400), Some(2100), "京都府", &["SAP S/4HANA", "Salesforce"], "SAP"),
    ("株式会社ひかり物産", "hikari-bussan.example", "卸売業", "商社", Some(1100), Some(1200), "東京都", &["Salesforce"], "その他"),
    ("株式会社グリーンフィールド建設", "greenfield-kensetsu.example", "建設業", "建設", Some(2400), Some(880), "埼玉県", &["自社開発システム"], "内製"),
    ("東和システムズ株式会社", "towa-systems.example", "情報通信業", "SIer", Some(950), Some(150), "東京都", &["Salesforce", "kintone"], "その他"),
    ("みなと信用金庫", "minato-shinkin.example", "金融業", "金融", Some(800), Some(120), "神奈川県", &[], "その他"),
    ("株式会社スマイルリテール", "smile-retail.example", "小売業", "小売", Some(6000), Some(1800), "福岡県", &["SAP S/4HANA"], "SAP"),
    ("中部プラスチック工業株式会社", "chubu-plastic.example", "製造業", "樹脂成形", Some(540), Some(140), "愛知県", &["Excel管理"], "内製"),
    ("株式会社アルファ工機", "alpha-koki.example", "製造業", "工作機械", Some(1350), Some(470), "愛知県", &["SAP S/4HANA"], "SAP"),
    ("関東ベアリング株式会社", "kanto-bearing.example", "製造業", "機械部品", Some(3000), Some(1020), "群馬県", &["Oracle EBS"], "Oracle"),
    ("株式会社オーシャン水産", "ocean-suisan.example", "製造業", "食品", Some(380), Some(110), "北海道", &["Excel管理"], "内製"),
    ("九州セミコンダクター株式会社", "kyushu-semi.example", "製造業", "半導体", Some(2600), Some(1300), "福岡県", &["SAP S/4HANA", "自社開発システム"], "SAP"),
    ("株式会社タカミ薬品", "takami-yakuhin.example", "製造業", "医薬品", Some(1900), Some(760), "大阪府", &["SAP S/4HANA"], "SAP"),
    ("株式会社白鷺重工", "shirasagi-heavy.example", "製造業", "重工業", Some(7800), Some(4200), "兵庫県", &["SAP S/4HANA", "Oracle EBS"], "SAP"),
    ("株式会社エムズ・ファクトリー", "ms-factory.example", "製造業", "受託製造", Some(260), Some(48), "埼玉県", &["kintone"], "その他"),
    ("信州フーズ株式会社", "shinshu-foods.example", "製造業", "食品", Some(300), Some(82), "長野県", &["OBIC7"], "OBIC"),
    ("株式会社ネクストモビリティ", "next-mobility.example", "製造業", "自動車部品", Some(1750), Some(640), "静岡県", &["SAP S/4HANA"], "SAP"),
    ("東京エナジーソリューションズ株式会社", "tokyo-energy.example", "電気・ガス業", "エネルギー", Some(1400), Some(1900), "東京都", &["Oracle EBS"], "Oracle"),
    ("株式会社みらい教育", "mirai-edu.example", "教育・学習支援業", "教育", Some(320), Some(29), "東京都", &["kintone"], "その他"),
    ("株式会社ハーベスト農機", "harvest-noki.example", "製造業", "農業機械", Some(880), Some(290), "岡山県", &["OBIC7"], "OBIC"),
    ("株式会社サンライズ電機", "sunrise-denki.example", "製造業", "電気機器", Some(2200), Some(810), "神奈川県", &["SAP S/4HANA", "Salesforce"], "SAP"),
    ("株式会社コスモパッケージ", "cosmo-package.example", "製造業", "包装資材", Some(610), Some(170), "埼玉県", &["自社開発システム"], "内製"),
    ("株式会社やまびこ物流", "yamabiko-logi.example", "運輸・物流業", "物流", Some(1050), Some(260), "愛知県", &["kintone"], "その他"),
    ("ニッポン・ケミカルズ株式会社", "nippon-chemicals.example", "製造業", "化学", Some(3600), Some(1450), "東京都", &["SAP S/4HANA"], "SAP"),
    ("株式会社リンクスメディア", "lynx-media.example", "情報通信業", "メディア", Some(140), Some(16), "東京都", &[], "その他"),
    ("株式会社トライスター工業", "tristar-kogyo.example", "製造業", "金属加工", Some(450), Some(100), "大阪府", &["Excel管理"], "内製"),
    ("株式会社ベイサイドホテルズ", "bayside-hotels.example", "宿泊業", "ホテル", Some(1200), Some(230), "神奈川県", &[], "その他"),
    ("株式会社清流ビバレッジ", "seiryu-beverage.example", "製造業", "飲料", Some(990), Some(440), "静岡県", &["SAP Business One"], "SAP"),
    // Incomplete records, as real CRM exports have them.
    ("株式会社テクノロード", "techno-road.example", "製造業", "電子部品", None, None, "愛知県", &[], ""),
    ("株式会社丸福商事", "", "卸売業", "商社", Some(90), None, "", &[], ""),
    // The same company as the first, entered again by someone else.
    ("(株)ミナト精機", "www.minato-seiki.example", "製造業", "機械", Some(1200), None, "神奈川県", &[], ""),
];

pub const SURNAMES: &[&str] = &[
    "佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤", "吉田", "山田", "佐々木", "山口",
    "松本", "井上", "木村", "林", "斎藤", "清水", "山崎", "森", "池田", "橋本", "阿部", "石川", "前田", "藤田", "小川",
    "岡田", "後藤", "長谷川", "村上", "近藤", "石井", "坂本", "遠藤", "青木", "藤井", "西村",
];

pub const GIVEN_NAMES: &[&str] = &[
    "健一", "誠", "大輔", "直樹", "浩二", "隆", "翔太", "拓也", "美咲", "彩", "陽子", "恵", "由美", "真理子", "和也",
    "剛", "修", "智子", "裕子", "亮", "聡", "奈々", "亜希子", "優子", "博之",
];

/// title, department, buying role key, typical relationship, stance key.
pub const ROLES: &[(&str, &str, &str, u8, &str)] = &[
    ("代表取締役社長", "経営", "decisionMaker", 3, "neutral"),
    ("取締役 製造本部長", "製造本部", "decisionMaker", 5, "supporter"),
    ("財務部長", "財務部", "budgetHolder", 4, "neutral"),
    ("生産技術部 課長", "生産技術部", "champion", 8, "supporter"),
    ("情報システム部長", "情報システム部", "influencer", 5, "neutral"),
    ("工場長", "製造本部", "influencer", 6, "supporter"),
    ("品質保証部長", "品質保証部", "resister", 2, "opponent"),
    ("購買部 課長", "購買部", "gatekeeper", 4, "neutral"),
    ("製造課 リーダー", "製造本部", "user", 7, "supporter"),
];

pub const TEAM: &[(&str, &str, &str)] = &[
    ("山本 彩", "marketing", "aya.yamamoto@factorylink.example"),
    ("中村 翔太", "marketing", "shota.nakamura@factorylink.example"),
    ("高橋 誠", "sales", "makoto.takahashi@factorylink.example"),
    ("鈴木 美咲", "sales", "misaki.suzuki@factorylink.example"),
    ("伊藤 大輔", "sales", "daisuke.ito@factorylink.example"),
];

pub const PRODUCTS: &[&str] = &["FactoryLink 生産管理", "設備IoTモニタリング", "品質トレーサビリティ", "保守サポート プレミアム"];

/// title, kind key, url path.
pub const CONTENT: &[(&str, &str, &str)] = &[
    ("ホワイトペーパー「製造業DXの進め方 2026」", "whitepaper", "wp-dx-2026"),
    ("導入事例「ミナト精機様：段取り時間を32%削減」", "caseStudy", "case-minato"),
    ("動画「3分でわかるFactoryLink」", "video", "video-3min"),
    ("ウェビナー録画「IoTで止まらない工場へ」", "webinar", "webinar-iot"),
    ("ROI試算シート", "material", "roi-sheet"),
    ("業界レポート「自動車部品サプライチェーンの今」", "ebook", "report-auto"),
    ("ブログ「設備保全を予知保全に変える5つの手順」", "blogPost", "blog-pdm"),
];

/// name, channel key, days before the anchor it started, length in days, cost (¥ thousands), content indices.
pub type CampaignRow = (&'static str, &'static str, i64, i64, i64, &'static [usize]);

pub const CAMPAIGNS: &[CampaignRow] = &[
    ("製造DXセミナー 2026 東京", "events", 240, 1, 1_200, &[0, 1]),
    ("ウェビナー「IoTで止まらない工場へ」", "events", 150, 1, 300, &[3]),
    ("メールナーチャリング 上期", "email", 330, 150, 120, &[0, 6]),
    ("メールナーチャリング 下期", "email", 160, 150, 120, &[1, 5]),
    ("LinkedIn広告 製造業経営層", "ads", 300, 120, 1_500, &[2]),
    ("検索広告「生産管理 クラウド」", "ads", 200, 180, 900, &[2, 0]),
    ("展示会 ものづくりワールド名古屋", "ch_tradeshow", 100, 3, 2_500, &[1, 4]),
    ("FactoryLink ユーザー会 2026", "userGroups", 60, 1, 400, &[1]),
    ("役員向けABM訪問キャンペーン", "fieldSales", 120, 90, 600, &[4, 5]),
    ("SNS事例発信", "social", 280, 250, 200, &[1, 6]),
];
