//! Charts drawn with plotters into SVG text, shown inline and downloadable as an
//! image. Each chart is drawn from plain figures (the KPI engine's output), comes
//! with a table alternative for people who cannot see it or want the numbers, and
//! is redrawn whenever its figures change.
//!
//! The SVG plotters writes uses presentation attributes only (no `style`), so it
//! passes the app's Content-Security-Policy; user text inside it is escaped by
//! plotters' SVG writer. Never use plotters' series legend (or anything else that
//! measures text in the browser): it measures with an inline-styled element, which
//! the CSP refuses; draw legends by hand (`grouped.rs`).

mod bars;
mod grouped;
mod pareto;
mod progress;
mod weekly_line;

pub use bars::signed_bars;
pub use grouped::grouped_bars;
pub use pareto::pareto;
pub use progress::progress_bars;
pub use weekly_line::weekly_line;

use crate::browser::files;
use crate::ui::i18n::{t, t_string, td_string, use_i18n};
use crate::ui::state::use_app;
use leptos::prelude::*;
use leptos::task::spawn_local;
use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, SVGBackend};

/// A downloaded PNG's pixels per SVG unit: 1,440 px wide, sharp on a projected
/// slide and a high-density screen.
const PNG_SCALE: f64 = 2.0;

/// Width and height of every chart, in SVG units (it scales to its box).
pub const SIZE: (u32, u32) = (720, 280);

/// The palette, from style/tokens.css (plotters needs the values themselves).
pub mod colours {
    use plotters::style::RGBColor;
    pub const PRIMARY: RGBColor = RGBColor(0x2f, 0x3f, 0x9e);
    pub const ACCENT: RGBColor = RGBColor(0x0f, 0x7b, 0x75);
    pub const DANGER: RGBColor = RGBColor(0xb3, 0x26, 0x1e);
    pub const GRID: RGBColor = RGBColor(0xd8, 0xdc, 0xe4);
    pub const TEXT: RGBColor = RGBColor(0x56, 0x60, 0x74);
}

/// About how wide `text` is drawn in the charts' 13 px sans-serif: a wide (CJK,
/// kana, full-width) character a full em, any other about half an em (what
/// common sans-serif faces average over mixed-case text). Plotters
/// cannot measure text under the CSP (see above), so labels are fitted by this.
fn text_width(text: &str) -> f64 {
    text.chars().map(|c| if c >= '\u{1100}' { 13.0 } else { 6.6 }).sum()
}

/// `text` as it fits in `px`: whole, or cut with "…". The table alternative
/// always has the whole text.
pub(crate) fn fit(text: &str, px: f64) -> String {
    if text_width(text) <= px {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 13.0; // the "…"
    for c in text.chars() {
        used += text_width(c.encode_utf8(&mut [0; 4]));
        if used > px {
            break;
        }
        out.push(c);
    }
    out.truncate(out.trim_end().len());
    out.push('…');
    out
}

/// Draws on a white SVG canvas of `size` and returns the SVG text: the frame every
/// chart shares. `None` when `draw` or plotters fails.
fn svg(size: (u32, u32), draw: impl for<'a> FnOnce(&DrawingArea<SVGBackend<'a>, Shift>) -> Option<()>) -> Option<String> {
    use plotters::prelude::*;
    let mut text = String::new();
    {
        let root = SVGBackend::with_string(&mut text, size).into_drawing_area();
        root.fill(&WHITE).ok()?;
        draw(&root)?;
        root.present().ok()?;
    }
    Some(text)
}

/// The mesh every chart shares: no vertical grid, faint horizontal lines, muted
/// axis and labels.
fn house_style<'m, 'a, 'b, X, Y, DB>(mesh: &'m mut plotters::chart::MeshStyle<'a, 'b, X, Y, DB>) -> &'m mut plotters::chart::MeshStyle<'a, 'b, X, Y, DB>
where
    X: plotters::coord::ranged1d::Ranged,
    Y: plotters::coord::ranged1d::Ranged,
    DB: plotters::prelude::DrawingBackend,
{
    use plotters::prelude::*;
    mesh.disable_x_mesh()
        .light_line_style(WHITE)
        .bold_line_style(colours::GRID)
        .axis_style(colours::TEXT)
        .label_style(("sans-serif", 13).into_font().color(&colours::TEXT))
}

/// What every chart of a page shows beyond its own title (the plan and the
/// period), written into a downloaded chart. Provided by the page.
#[derive(Clone, Copy)]
pub struct ChartCaption(pub Signal<String>);

/// `svg` (plotters' output) under a band with `title` and `caption`: a chart
/// pasted into slides on its own still says what it shows.
pub(crate) fn titled(svg: &str, title: &str, caption: &str) -> String {
    const BAND: u32 = 52;
    let escape = |t: &str| t.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;");
    let number = |name: &str| -> u32 {
        let head = svg.split('>').next().unwrap_or_default();
        head.split(&format!(" {name}=\"")).nth(1).and_then(|r| r.split('"').next()).and_then(|v| v.parse().ok()).unwrap_or(0)
    };
    let (w, h) = (number("width").max(1), number("height"));
    let inner = svg.replacen("<svg ", &format!("<svg x=\"0\" y=\"{BAND}\" "), 1);
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{total}\" viewBox=\"0 0 {w} {total}\">\
         <rect width=\"{w}\" height=\"{total}\" fill=\"#FFFFFF\"/>\
         <text x=\"12\" y=\"22\" font-family=\"sans-serif\" font-size=\"16\" font-weight=\"700\" fill=\"#1B2230\">{title}</text>\
         <text x=\"12\" y=\"42\" font-family=\"sans-serif\" font-size=\"12\" fill=\"#566074\">{caption}</text>{inner}</svg>",
        total = h + BAND,
        title = escape(title),
        caption = escape(caption),
    )
}

/// A chart's frame: title, the drawing (an image with the title as its name), a
/// download button and the table alternative. `svg` is `None` when there is
/// nothing to draw; `empty` then says so.
#[component]
pub fn ChartFrame(
    /// Test id and download file name.
    id: &'static str,
    #[prop(into)] title: Signal<String>,
    #[prop(into)] svg: Signal<Option<String>>,
    #[prop(into)] empty: Signal<String>,
    /// Column headings and rows of the table alternative.
    #[prop(into)]
    table: Signal<(Vec<String>, Vec<Vec<String>>)>,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app();
    let caption = use_context::<ChartCaption>();
    // The drawing with its title and caption, as a file would hold it.
    let file = move || {
        let caption = caption.map(|c| c.0.get_untracked()).unwrap_or_default();
        svg.get_untracked().map(|s| titled(&s, &title.get_untracked(), &caption))
    };
    let save_svg = move |_| {
        if let Some(image) = file() {
            let _ = files::download(&format!("{id}.svg"), "image/svg+xml", &image);
        }
    };
    let save_png = move |_| {
        if let Some(image) = file() {
            spawn_local(async move {
                if let Err(why) = files::download_svg_as_png(&format!("{id}.png"), &image, PNG_SCALE).await {
                    state.show_toast(td_string!(state.locale(), charts.png_failed, reason = why).to_string(), None);
                }
            });
        }
    };
    view! {
        <figure class="chart" data-testid=id>
            <figcaption class="chart-head">
                <span class="chart-title">{title}</span>
                <span class="chart-downloads no-print">
                    <button type="button" class="button button-small" on:click=save_png disabled=move || svg.with(Option::is_none)
                        aria-label=move || format!("{} – {}", t_string!(i18n, charts.download_png), title.get())>
                        {t!(i18n, charts.download_png)}
                    </button>
                    <button type="button" class="button button-small" on:click=save_svg disabled=move || svg.with(Option::is_none)
                        aria-label=move || format!("{} – {}", t_string!(i18n, charts.download_svg_name), title.get())>
                        {t!(i18n, charts.download_svg)}
                    </button>
                </span>
            </figcaption>
            {move || match svg.get() {
                Some(s) => view! { <div class="chart-drawing" role="img" aria-label=move || title.get() inner_html=s></div> }.into_any(),
                None => view! { <p class="empty-state">{move || empty.get()}</p> }.into_any(),
            }}
            <details class="chart-table no-print">
                <summary>{t!(i18n, charts.as_table)}</summary>
                <table class="data-table">
                    <thead><tr>{move || table.with(|(h, _)| h.iter().map(|c| view! { <th scope="col">{c.clone()}</th> }).collect_view())}</tr></thead>
                    <tbody>
                        {move || table.with(|(_, rows)| rows.iter().map(|r| view! {
                            <tr>{r.iter().map(|c| view! { <td>{c.clone()}</td> }).collect_view()}</tr>
                        }).collect_view())}
                    </tbody>
                </table>
            </details>
        </figure>
    }
}
