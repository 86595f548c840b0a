//! Counts per category for a few series side by side (target accounts per journey
//! stage for tiers 1, 2 and 3): one bar per series in each category, the series
//! told apart by colour and by the legend under the chart.

use super::{colours, SIZE};
use plotters::prelude::*;

/// Series colours, in order (at most four series are drawn).
const SERIES: [RGBColor; 4] = [colours::PRIMARY, colours::ACCENT, RGBColor(0x8a, 0x5a, 0x00), colours::TEXT];

/// `values[s][c]`: series `s` in category `c`. `None` when there is nothing to
/// draw (no category, no series, a ragged table, or all zeros) or plotters fails.
pub fn grouped_bars(categories: &[String], series: &[String], values: &[Vec<f64>], axis: &dyn Fn(f64) -> String) -> Option<String> {
    let (n, k) = (categories.len(), series.len().min(SERIES.len()));
    if n == 0 || k == 0 || values.len() < k || values.iter().take(k).any(|v| v.len() != n || v.iter().any(|x| !x.is_finite() || *x < 0.0)) {
        return None;
    }
    let top = values.iter().take(k).flatten().copied().fold(0.0, f64::max);
    if top <= 0.0 {
        return None;
    }
    super::svg(SIZE, |root| {
        let mut chart = ChartBuilder::on(root)
            .margin(12)
            .x_label_area_size(32)
            .y_label_area_size(48)
            .build_cartesian_2d((0..n as u32 - 1).into_segmented(), 0.0..top * 1.15)
            .ok()?;
        let room = f64::from(SIZE.0 - 2 * 12 - 48) / n as f64 - 8.0;
        super::house_style(&mut chart.configure_mesh())
            .x_labels(n)
            .x_label_formatter(&|v| match v {
                SegmentValue::CenterOf(i) => categories.get(*i as usize).map(|c| super::fit(c, room)).unwrap_or_default(),
                _ => String::new(),
            })
            .y_labels(5)
            .y_label_formatter(&|v| axis(*v))
            .draw()
            .ok()?;
        // Each category's slot (in pixels) holds k bars and half a bar of space on
        // either side: a bar is the slot with margins.
        let slot = f64::from(SIZE.0 - 2 * 12 - 48) / n as f64;
        let bar = slot / (k as f64 + 1.0);
        for (s, colour) in SERIES.iter().enumerate().take(k) {
            let left = (bar * (s as f64 + 0.5)).round() as u32;
            let right = (slot - bar * (s as f64 + 1.5)).max(0.0).round() as u32;
            chart
                .draw_series(values[s].iter().enumerate().map(|(c, v)| {
                    let c = c as u32;
                    let mut r = Rectangle::new([(SegmentValue::Exact(c), 0.0), (SegmentValue::Exact(c + 1), *v)], colour.filled());
                    r.set_margin(0, 0, left, right);
                    r
                }))
                .ok()?;
        }
        // The legend, drawn by hand at fixed places: plotters' own legend measures
        // its text with an inline-styled element, which the CSP refuses.
        let font = ("sans-serif", 13).into_font().color(&colours::TEXT);
        let item = 96;
        let x0 = SIZE.0 as i32 - 12 - item * k as i32;
        for (s, colour) in SERIES.iter().enumerate().take(k) {
            let x = x0 + item * s as i32;
            root.draw(&Rectangle::new([(x, 10), (x + 10, 20)], colour.filled())).ok()?;
            root.draw(&Text::new(series[s].clone(), (x + 14, 9), font.clone())).ok()?;
        }
        Some(())
    })
}
