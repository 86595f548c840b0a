//! Signed values per category as bars from zero (ROI by channel, accounts per stage): above the line
//! in the accent colour, below it in the danger colour, so the sign shows by
//! position as well as by colour.

use super::{colours, SIZE};
use plotters::prelude::*;

/// `None` when there is nothing to draw or plotters fails.
/// `axis` writes an axis value in the user's locale (a percentage, a count).
/// `legend` names the two colours (at or above zero, below it); it is drawn
/// when bars fall on both sides, where colour carries meaning.
pub fn signed_bars(labels: &[String], values: &[f64], axis: &dyn Fn(f64) -> String, legend: Option<[&str; 2]>) -> Option<String> {
    if values.is_empty() || labels.len() != values.len() || values.iter().any(|v| !v.is_finite()) {
        return None;
    }
    let lo = values.iter().copied().fold(0.0, f64::min);
    let hi = values.iter().copied().fold(0.0, f64::max);
    let pad = ((hi - lo) * 0.1).max(10.0);
    let (lo, hi) = (if lo < 0.0 { lo - pad } else { 0.0 }, hi + pad);
    let legend = legend.filter(|_| values.iter().any(|v| *v < 0.0) && values.iter().any(|v| *v >= 0.0));
    super::svg(SIZE, |root| {
        let n = values.len() as u32;
        let mut chart =
            // A legend gets a band of its own above the bars.
            ChartBuilder::on(root).margin(12).margin_top(if legend.is_some() { 34 } else { 12 }).x_label_area_size(32).y_label_area_size(56).build_cartesian_2d((0..n - 1).into_segmented(), lo..hi).ok()?;
        // Each label fits its bar's slot, so neighbours never overlap.
        let slot = f64::from(SIZE.0 - 2 * 12 - 56) / f64::from(n) - 8.0;
        super::house_style(&mut chart.configure_mesh())
            .x_labels(labels.len())
            .x_label_formatter(&|v| match v {
                SegmentValue::CenterOf(i) => labels.get(*i as usize).map(|l| super::fit(l, slot)).unwrap_or_default(),
                _ => String::new(),
            })
            .y_label_formatter(&|v| axis(*v))
            .draw()
            .ok()?;
        chart
            .draw_series(values.iter().enumerate().map(|(i, v)| {
                let i = i as u32;
                let colour = if *v >= 0.0 { colours::ACCENT } else { colours::DANGER };
                let mut bar = Rectangle::new([(SegmentValue::Exact(i), 0.0), (SegmentValue::Exact(i + 1), *v)], colour.filled());
                bar.set_margin(0, 0, 12, 12);
                bar
            }))
            .ok()?;
        chart.draw_series(std::iter::once(PathElement::new(vec![(SegmentValue::Exact(0), 0.0), (SegmentValue::Exact(n), 0.0)], colours::TEXT))).ok()?;
        if let Some(words) = legend {
            // Drawn by hand at fixed places, right-aligned: plotters' own legend
            // measures its text with an inline-styled element, which the CSP refuses.
            let font = ("sans-serif", 13).into_font().color(&colours::TEXT);
            let widths = words.map(|w| 14 + super::text_width(w).ceil() as i32 + 16);
            let mut x = SIZE.0 as i32 - 12 - widths.iter().sum::<i32>();
            for ((word, colour), width) in words.iter().zip([colours::ACCENT, colours::DANGER]).zip(widths) {
                root.draw(&Rectangle::new([(x, 10), (x + 10, 20)], colour.filled())).ok()?;
                root.draw(&Text::new(word.to_string(), (x + 14, 9), font.clone())).ok()?;
                x += width;
            }
        }
        Some(())
    })
}
