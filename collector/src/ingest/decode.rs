//! The request body: optional gzip (with a cap on what it inflates to), then JSON.

use crate::error::ApiError;
use axum::body::Bytes;
use axum::http::{header, HeaderMap};
use serde_json::Value;
use std::io::Read;

pub fn body_json(
    headers: &HeaderMap,
    body: &Bytes,
    max_decompressed: usize,
) -> Result<Value, ApiError> {
    let encoding = headers
        .get(header::CONTENT_ENCODING)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("identity")
        .trim()
        .to_ascii_lowercase();
    let inflated;
    let bytes: &[u8] = match encoding.as_str() {
        "identity" | "" => body,
        "gzip" | "x-gzip" => {
            inflated = gunzip(body, max_decompressed)?;
            &inflated
        }
        other => {
            return Err(ApiError::UnsupportedEncoding(format!(
                "Content-Encoding `{other}` is not supported: send the body as is or gzip it"
            )))
        }
    };
    serde_json::from_slice(bytes)
        .map_err(|e| ApiError::BadRequest(format!("the body is not valid JSON: {e}")))
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
