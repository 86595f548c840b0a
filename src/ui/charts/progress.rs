//! Progress towards targets as horizontal bars (KGI progress): one bar per goal,
//! its length the share of the target reached, with a line at 100 %.

use super::{colours, SIZE};
use plotters::prelude::*;

/// Room for the labels beside the bars; a longer label is cut (the table
/// alternative has the full name).
const LABEL_AREA: u32 = 200;

/// `percent[i]` is goal i's progress in % (None: nothing measured, drawn empty).
/// `axis` writes a percentage in the user's locale.
pub fn progress_bars(labels: &[String], percent: &[Option<f64>], axis: &dyn Fn(f64) -> String) -> Option<String> {
    if percent.is_empty() || labels.len() != percent.len() {
        return None;
    }
    let top = percent.iter().flatten().copied().filter(|v| v.is_finite()).fold(100.0, f64::max).min(400.0) * 1.08;
    let n = percent.len() as u32;
    let height = SIZE.1.max(48 + 34 * n);
    super::svg((SIZE.0, height), |root| {
        let mut chart = ChartBuilder::on(root)
            .margin(12)
            .x_label_area_size(32)
            .y_label_area_size(LABEL_AREA)
            .build_cartesian_2d(0.0..top, (0..n - 1).into_segmented())
            .ok()?;
        super::house_style(&mut chart.configure_mesh())
            .y_labels(labels.len())
            .y_label_formatter(&|v| match v {
                // Plotters counts upwards; the first goal goes at the top.
                SegmentValue::CenterOf(i) => labels.get((n - 1 - *i) as usize).map(|l| super::fit(l, f64::from(LABEL_AREA) - 12.0)).unwrap_or_default(),
                _ => String::new(),
            })
            .x_label_formatter(&|v| axis(*v))
            .draw()
            .ok()?;
        chart
            .draw_series(percent.iter().enumerate().map(|(i, p)| {
                let i = n - 1 - i as u32;
                let v = p.filter(|v| v.is_finite()).unwrap_or(0.0).clamp(0.0, top);
                let colour = if v >= 100.0 { colours::ACCENT } else { colours::PRIMARY };
                let mut bar = Rectangle::new([(0.0, SegmentValue::Exact(i)), (v, SegmentValue::Exact(i + 1))], colour.filled());
                bar.set_margin(8, 8, 0, 0);
                bar
            }))
            .ok()?;
        chart
            .draw_series(std::iter::once(PathElement::new(
                vec![(100.0, SegmentValue::Exact(0)), (100.0, SegmentValue::Exact(n))],
                colours::TEXT.stroke_width(2),
            )))
            .ok()?;
        Some(())
    })
}
