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

pub fn download_blob(file_name: &str, blob: &web_sys::Blob) -> Result<(), String> {
    let url = web_sys::Url::create_object_url_with_blob(blob).map_err(|_| "could not make a download link")?;
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let a: web_sys::HtmlAnchorElement =
        document.create_element("a").map_err(|_| "no link")?.dyn_into().map_err(|_| "no link")?;
    a.set_href(&url);
    a.set_download(file_name);
    a.style().set_property("display", "none").ok();
    let body = document.body().ok_or("no body")?;
    body.append_child(&a).ok();
    a.click();
    body.remove_child(&a).ok();
    // The browser has started the download; the link can go.
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// A picked file's bytes, still in the browser's memory.
#[derive(Clone)]
pub struct FileBuffer(js_sys::Uint8Array);

impl FileBuffer {
    /// A copy of the bytes in the app's memory.
    pub fn to_vec(&self) -> Vec<u8> {
        self.0.to_vec()
    }

    /// How many bytes the file has.
    pub fn len(&self) -> usize {
        self.0.length() as usize
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Copies the bytes from `at` into `out`, as many as fit: how many. The
    /// file is read a piece at a time, never copied whole into the app's
    /// memory (Wasm memory never shrinks: a 100 MB copy would stay 100 MB).
    pub fn copy_piece(&self, at: usize, out: &mut [u8]) -> usize {
        let at = at.min(self.len());
        let n = out.len().min(self.len() - at);
        // Both fit in u32: the buffer's length is one.
        self.0.subarray(at as u32, (at + n) as u32).copy_to(&mut out[..n]);
        n
    }
}

/// Why a picked file's bytes are not there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReadFailure {
    /// Larger than the reader takes: refused before reading a byte of it.
    TooLarge { bytes: u64, limit: u64 },
    /// The browser could not read it (moved, deleted, no permission).
    Unreadable,
}

/// The bytes of a picked file of at most `limit` bytes.
pub async fn read_file(file: &web_sys::File, limit: u64) -> Result<FileBuffer, ReadFailure> {
    // File sizes are whole numbers of bytes, well within f64's exact range.
    let bytes = file.size() as u64;
    if bytes > limit {
        return Err(ReadFailure::TooLarge { bytes, limit });
    }
    let buffer = JsFuture::from(file.array_buffer()).await.map_err(|_| ReadFailure::Unreadable)?;
    Ok(FileBuffer(js_sys::Uint8Array::new(&buffer)))
}
