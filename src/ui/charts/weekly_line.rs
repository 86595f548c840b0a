//! A count per week as a line with points (engagement over time).

use super::{colours, SIZE};
use plotters::prelude::*;

/// Draws `values` (one per week, labelled by `labels`) as SVG; `None` when there
/// are no weeks or plotters fails.
pub fn weekly_line(labels: &[String], values: &[u64]) -> Option<String> {
    if values.is_empty() || labels.len() != values.len() {
        return None;
    }
    super::svg(SIZE, |root| {
        let top = values.iter().copied().max().unwrap_or(0).max(4);
        let top = top + top / 10 + 1;
        let n = values.len();
        // Room on the right for the half of the last week's date that lies past
        // its point ("Dec 2, 2026" was cut at "Dec 2, 20").
        let mut chart = ChartBuilder::on(root)
            .margin(12)
            .margin_right(44)
            .x_label_area_size(32)
            .y_label_area_size(48)
            .build_cartesian_2d(0..n.saturating_sub(1).max(1), 0..top)
            .ok()?;
        let label_of = |i: &usize| labels.get(*i).cloned().unwrap_or_default();
        super::house_style(&mut chart.configure_mesh()).x_labels(n.min(7)).x_label_formatter(&label_of).y_labels(5).draw().ok()?;
        let points = values.iter().enumerate().map(|(i, v)| (i, *v));
        chart.draw_series(LineSeries::new(points.clone(), colours::PRIMARY.stroke_width(2))).ok()?;
        chart.draw_series(points.map(|p| Circle::new(p, 3, colours::PRIMARY.filled()))).ok()?;
        Some(())
    })
}
