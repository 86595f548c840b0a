//! Revenue concentration (Pareto): each customer's share of the period's revenue
//! as bars, largest first, with the cumulative share as a line over them, so
//! "the top fifth brings 70 %" can be read off the curve.

use super::{colours, SIZE};
use plotters::prelude::*;

/// `shares` and `cumulative` in %, one per customer (largest first), labelled by
/// `labels`. `None` when there is nothing to draw or plotters fails.
pub fn pareto(labels: &[String], shares: &[f64], cumulative: &[f64], axis: &dyn Fn(f64) -> String) -> Option<String> {
    let n = shares.len();
    if n == 0 || labels.len() != n || cumulative.len() != n || shares.iter().chain(cumulative).any(|v| !v.is_finite()) {
        return None;
    }
    super::svg(SIZE, |root| {
        let mut chart = ChartBuilder::on(root)
            .margin(12)
            .x_label_area_size(32)
            .y_label_area_size(56)
            .build_cartesian_2d((0..n as u32 - 1).into_segmented(), 0.0..105.0)
            .ok()?;
        // Names under the bars only while they fit.
        let named = n <= 8;
        super::house_style(&mut chart.configure_mesh())
            // Never 0: plotters then loops looking for key points (the tab hung).
            .x_labels(n)
            .x_label_formatter(&|v| match v {
                SegmentValue::CenterOf(i) if named => labels.get(*i as usize).cloned().unwrap_or_default(),
                _ => String::new(),
            })
            .y_labels(6)
            .y_label_formatter(&|v| axis(*v))
            .draw()
            .ok()?;
        chart
            .draw_series(shares.iter().enumerate().map(|(i, v)| {
                let i = i as u32;
                let mut bar = Rectangle::new([(SegmentValue::Exact(i), 0.0), (SegmentValue::Exact(i + 1), *v)], colours::PRIMARY.mix(0.75).filled());
                bar.set_margin(0, 0, 3, 3);
                bar
            }))
            .ok()?;
        let points: Vec<(SegmentValue<u32>, f64)> = cumulative.iter().enumerate().map(|(i, v)| (SegmentValue::CenterOf(i as u32), *v)).collect();
        chart.draw_series(LineSeries::new(points.clone(), colours::ACCENT.stroke_width(2))).ok()?;
        chart.draw_series(points.into_iter().map(|p| Circle::new(p, 3, colours::ACCENT.filled()))).ok()?;
        Some(())
    })
}
