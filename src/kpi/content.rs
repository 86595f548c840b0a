//! Content performance per asset: how often each asset was viewed and downloaded,
//! how much of its videos was watched, and which accounts engaged with it.
//! Definitions in docs/kpis.md.

use super::{times, Period};
use super::{Map, Set};
use crate::domain::sorting;
use crate::domain::*;
use std::collections::BTreeSet;

#[derive(Clone, Debug, PartialEq)]
pub struct ContentPerformance {
    pub content: ContentId,
    /// Web visits and email clicks that opened the asset.
    pub views: u64,
    pub downloads: u64,
    pub video_views: u64,
    /// Average share of the video watched over the video views that say how
    /// much (0–100); `None` when none does.
    pub watched: Option<f64>,
    /// Every activity on the asset (times its count).
    pub touches: u64,
    /// Accounts with any activity on the asset, in plan order.
    pub accounts: Vec<AccountId>,
    /// How many of those are target accounts.
    pub target_accounts: usize,
}

/// One row per content asset of the plan (in plan order, assets without activity
/// included with zeros), for the activities in the period; then sorted by
/// engaged accounts, then touches, most first.
pub fn content_performance(plan: &Plan, period: &Period, targets: &[AccountId]) -> Vec<ContentPerformance> {
    let index: Map<&ContentId, usize> = plan.content.iter().enumerate().map(|(i, c)| (&c.id, i)).collect();
    let mut rows: Vec<ContentPerformance> = plan
        .content
        .iter()
        .map(|c| ContentPerformance {
            content: c.id.clone(),
            views: 0,
            downloads: 0,
            video_views: 0,
            watched: None,
            touches: 0,
            accounts: Vec::new(),
            target_accounts: 0,
        })
        .collect();
    let mut engaged: Vec<BTreeSet<&AccountId>> = vec![BTreeSet::new(); rows.len()];
    let mut watched: Vec<(f64, u64)> = vec![(0.0, 0); rows.len()];
    let within = period.instants();
    for a in plan.activities.iter().filter(|a| within.holds(a.at)) {
        let Some(&i) = a.content.as_ref().and_then(|c| index.get(c)) else { continue };
        let n = times(a);
        let r = &mut rows[i];
        r.touches += n;
        match a.kind {
            ActivityKind::WebVisit | ActivityKind::EmailClicked => r.views += n,
            ActivityKind::ContentDownload => r.downloads += n,
            ActivityKind::VideoView => {
                r.video_views += n;
                if let Some(p) = a.progress {
                    watched[i].0 += f64::from(p.min(100)) * n as f64;
                    watched[i].1 += n;
                }
            }
            _ => {}
        }
        engaged[i].insert(&a.account);
    }
    let target: Set<&AccountId> = targets.iter().collect();
    let order: Map<&AccountId, usize> = plan.accounts.iter().enumerate().map(|(i, a)| (&a.id, i)).collect();
    for (i, r) in rows.iter_mut().enumerate() {
        let mut accounts: Vec<&AccountId> = engaged[i].iter().copied().collect();
        sorting::sort_by_key(&mut accounts, |a| order.get(a).copied().unwrap_or(usize::MAX));
        r.target_accounts = accounts.iter().filter(|a| target.contains(*a)).count();
        r.accounts = accounts.into_iter().cloned().collect();
        r.watched = (watched[i].1 > 0).then(|| watched[i].0 / watched[i].1 as f64);
    }
    // Stable: equal rows keep the plan's order.
    sorting::sort_by(&mut rows, |a, b| b.accounts.len().cmp(&a.accounts.len()).then(b.touches.cmp(&a.touches)));
    rows
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;
    use super::*;

    fn asset(id: &str) -> ContentAsset {
        ContentAsset {
            id: ContentId(id.into()),
            title: id.into(),
            kind: ContentKind::default(),
            url: String::new(),
            account: None,
            status: None,
            created: None,
            notes: String::new(),
            updated_at: None,
        }
    }

    fn on(mut a: Activity, content: &str, progress: Option<u8>) -> Activity {
        a.content = Some(ContentId(content.into()));
        a.progress = progress;
        a.id = ActivityId(format!("{}_{content}_{progress:?}", a.id));
        a
    }

    #[test]
    fn views_downloads_watched_share_and_accounts_per_asset() {
        let mut p = plan_with(vec![
            on(activity("a", ActivityKind::WebVisit, 2, None), "video", None),
            on(activity("b", ActivityKind::VideoView, 3, None), "video", Some(100)),
            on(activity("b", ActivityKind::VideoView, 4, Some(3)), "video", Some(20)),
            on(activity("c", ActivityKind::VideoView, 5, None), "video", None),
            on(activity("a", ActivityKind::ContentDownload, 6, Some(2)), "paper", None),
            on(activity("c", ActivityKind::ContentDownload, 40, None), "paper", None), // December: outside
            activity("a", ActivityKind::Meeting, 7, None),
        ]);
        for id in ["a", "b", "c"] {
            p.accounts.push_back(Account::new(AccountId(id.into()), id));
        }
        p.content.push_back(asset("paper"));
        p.content.push_back(asset("video"));
        p.content.push_back(asset("unused"));
        let rows = content_performance(&p, &november(), &[AccountId("b".into())]);
        assert_eq!(rows.iter().map(|r| r.content.as_str()).collect::<Vec<_>>(), ["video", "paper", "unused"]);
        let video = &rows[0];
        assert_eq!((video.views, video.video_views, video.touches), (1, 5, 6));
        // (100 × 1 + 20 × 3) ÷ 4 views that say how much; the one without progress does not count.
        assert_eq!(video.watched, Some(40.0));
        assert_eq!(video.accounts, vec![AccountId("a".into()), AccountId("b".into()), AccountId("c".into())]);
        assert_eq!(video.target_accounts, 1);
        let paper = &rows[1];
        assert_eq!((paper.downloads, paper.touches, paper.accounts.len(), paper.watched), (2, 2, 1, None));
        assert_eq!((rows[2].touches, rows[2].accounts.len()), (0, 0));
    }
}
