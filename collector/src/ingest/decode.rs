//! The request body: optional gzip (with a cap on what it inflates to), then UTF-8 JSON
//! whose messages are kept as the exact bytes received (no re-serialisation).

use crate::error::ApiError;
use axum::body::Bytes;
use axum::http::{header, HeaderMap};
use serde::Deserialize;
use serde_json::value::RawValue;
use serde_json::Value;
use std::borrow::Cow;
use std::io::Read;

/// The body as text, inflated if it was gzipped.
pub fn body_text<'a>(
    headers: &HeaderMap,
    body: &'a Bytes,
    max_decompressed: usize,
) -> Result<Cow<'a, str>, ApiError> {
    let encoding = headers
        .get(header::CONTENT_ENCODING)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("identity")
        .trim()
        .to_ascii_lowercase();
    let bytes: Cow<'a, [u8]> = match encoding.as_str() {
        "identity" | "" => Cow::Borrowed(body),
        "gzip" | "x-gzip" => Cow::Owned(gunzip(body, max_decompressed)?),
        other => {
            return Err(ApiError::UnsupportedEncoding(format!(
                "Content-Encoding `{other}` is not supported: send the body as is or gzip it"
            )))
        }
    };
    let not_utf8 =
        |e: std::str::Utf8Error| ApiError::BadRequest(format!("the body is not UTF-8 text: {e}"));
    match bytes {
        Cow::Borrowed(b) => std::str::from_utf8(b).map(Cow::Borrowed).map_err(not_utf8),
        Cow::Owned(v) => String::from_utf8(v)
            .map(Cow::Owned)
            .map_err(|e| not_utf8(e.utf8_error())),
    }
}

/// A batch envelope; the messages stay raw JSON until each is checked on its own.
#[derive(Deserialize)]
pub struct Envelope<'a> {
    #[serde(borrow, default)]
    pub batch: Option<Vec<&'a RawValue>>,
    #[serde(rename = "sentAt", default)]
    pub sent_at: Option<Value>,
    #[serde(rename = "writeKey", default)]
    pub write_key: Option<Value>,
}

/// Parses `text` as a JSON object of type `T`, with errors that say which of the three
/// failed: not JSON at all, not an object, or an object of the wrong shape.
pub fn object<'a, T: Deserialize<'a>>(text: &'a str, expected: &str) -> Result<T, ApiError> {
    let raw: &RawValue = serde_json::from_str(text)
        .map_err(|e| ApiError::BadRequest(format!("the body is not valid JSON: {e}")))?;
    if !raw.get().starts_with('{') {
        return Err(ApiError::BadRequest(format!("expected {expected}")));
    }
    serde_json::from_str(text)
        .map_err(|e| ApiError::BadRequest(format!("expected {expected}: {e}")))
}

/// Inflates at most `cap` bytes; a body that would inflate further is refused, so a small
/// "zip bomb" cannot exhaust memory.
fn gunzip(body: &[u8], cap: usize) -> Result<Vec<u8>, ApiError> {
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(body)
        .take(cap as u64 + 1)
        .read_to_end(&mut out)
        .map_err(|e| ApiError::BadRequest(format!("the body is not valid gzip: {e}")))?;
    if out.len() > cap {
        return Err(ApiError::TooLarge(format!(
            "the body inflates beyond {cap} bytes"
        )));
    }
    Ok(out)
}
