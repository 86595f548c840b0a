//! Files in and out: downloads made from text in memory (nothing is uploaded), and
//! reading the bytes of a file the user picked.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Offers `content` to the user as a download named `file_name`.
pub fn download(file_name: &str, mime: &str, content: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&JsValue::from_str(content));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(|_| "could not make the file")?;
    download_blob(file_name, &blob)
}

/// Offers `content` (binary, such as a workbook) as a download.
pub fn download_bytes(file_name: &str, mime: &str, content: &[u8]) -> Result<(), String> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(content));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).map_err(|_| "could not make the file")?;
    download_blob(file_name, &blob)
}

pub fn download_blob(file_name: &str, blob: &web_sys::Blob) -> Result<(), String> {
    let url = web_sys::Url::create_object_url_with_blob(blob).map_err(|_| "could not make a download link")?;
    let offered = download_url(file_name, &url);
    // The browser has started the download; the link can go.
    let _ = web_sys::Url::revoke_object_url(&url);
    offered
}

/// Offers what `url` points at (a blob: or data: URL) as a download named `file_name`.
fn download_url(file_name: &str, url: &str) -> Result<(), String> {
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let a: web_sys::HtmlAnchorElement = document.create_element("a").map_err(|_| "no link")?.dyn_into().map_err(|_| "no link")?;
    a.set_href(url);
    a.set_download(file_name);
    a.style().set_property("display", "none").ok();
    let body = document.body().ok_or("no body")?;
    body.append_child(&a).ok();
    a.click();
    body.remove_child(&a).ok();
    Ok(())
}

/// Offers the drawing `svg` as a PNG at `scale` times its size (sharp when a
/// slide is projected or shown on a high-density screen): the browser draws
/// it on a canvas, so the PNG looks as the chart does on the page.
pub async fn download_svg_as_png(file_name: &str, svg: &str, scale: f64) -> Result<(), String> {
    let parts = js_sys::Array::of1(&JsValue::from_str(svg));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("image/svg+xml");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(|_| "could not make the image")?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| "could not make the image")?;
    let image = web_sys::HtmlImageElement::new().map_err(|_| "no image")?;
    image.set_src(&url);
    let decoded = wasm_bindgen_futures::JsFuture::from(image.decode()).await;
    let _ = web_sys::Url::revoke_object_url(&url);
    decoded.map_err(|_| "the drawing could not be read")?;
    let (w, h) = (f64::from(image.natural_width()) * scale, f64::from(image.natural_height()) * scale);
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let canvas: web_sys::HtmlCanvasElement = document.create_element("canvas").map_err(|_| "no canvas")?.dyn_into().map_err(|_| "no canvas")?;
    canvas.set_width(w.round() as u32);
    canvas.set_height(h.round() as u32);
    let context: web_sys::CanvasRenderingContext2d = canvas.get_context("2d").ok().flatten().ok_or("no canvas")?.dyn_into().map_err(|_| "no canvas")?;
    context.draw_image_with_html_image_element_and_dw_and_dh(&image, 0.0, 0.0, w, h).map_err(|_| "the drawing could not be drawn")?;
    let png = canvas.to_data_url_with_type("image/png").map_err(|_| "the image could not be written")?;
    download_url(file_name, &png)
}

/// A picked file, read a piece at a time when asked: the browser never holds
/// all of it in memory at once (a 100 MB `ArrayBuffer` stayed in the tab's
/// memory until its next full garbage collection), and neither does the app
/// (Wasm memory never shrinks: a 100 MB copy would stay 100 MB).
#[derive(Clone)]
pub struct PickedFile(web_sys::File);

/// Bytes copied at a time by [`PickedFile::bytes`].
const BYTES_PIECE: usize = 4 << 20;

impl PickedFile {
    /// How many bytes the file has (whole numbers of bytes, well within
    /// f64's exact range).
    pub fn len(&self) -> usize {
        self.0.size() as usize
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The bytes from `at`, at most `max` of them (fewer at the end). The
    /// browser starts reading them at once, before the result is awaited, so
    /// the next piece can be read while the app works on this one.
    pub fn piece(&self, at: usize, max: usize) -> impl std::future::Future<Output = Result<Vec<u8>, ReadFailure>> {
        let end = at.saturating_add(max).min(self.len());
        let reading = self.0.slice_with_f64_and_f64(at.min(end) as f64, end as f64).map(|blob| JsFuture::from(blob.array_buffer()));
        async move {
            let buffer = reading.map_err(|_| ReadFailure::Unreadable)?.await.map_err(|_| ReadFailure::Unreadable)?;
            Ok(js_sys::Uint8Array::new(&buffer).to_vec())
        }
    }

    /// All of the file's bytes, copied into the app a piece at a time: each
    /// copy is a short task (one copy of 64 MB held the page for about 80 ms),
    /// and the browser never holds the whole file.
    pub async fn bytes(&self) -> Result<Vec<u8>, ReadFailure> {
        let total = self.len();
        let mut bytes = Vec::with_capacity(total);
        let mut coming = (total > 0).then(|| self.piece(0, BYTES_PIECE));
        while let Some(next) = coming.take() {
            let piece = next.await?;
            if piece.is_empty() {
                // Shorter than when it was picked: it changed meanwhile.
                return Err(ReadFailure::Unreadable);
            }
            let at = bytes.len() + piece.len();
            if at < total {
                coming = Some(self.piece(at, BYTES_PIECE));
            }
            bytes.extend_from_slice(&piece);
        }
        Ok(bytes)
    }
}

/// Why a picked file's bytes are not there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReadFailure {
    /// Larger than the reader takes: refused before reading a byte of it.
    TooLarge { bytes: u64, limit: u64 },
    /// The browser could not read it (moved, deleted, changed, no permission).
    Unreadable,
}

/// A picked file of at most `limit` bytes, not read yet.
pub fn pick(file: web_sys::File, limit: u64) -> Result<PickedFile, ReadFailure> {
    // File sizes are whole numbers of bytes, well within f64's exact range.
    let bytes = file.size() as u64;
    if bytes > limit {
        return Err(ReadFailure::TooLarge { bytes, limit });
    }
    Ok(PickedFile(file))
}
