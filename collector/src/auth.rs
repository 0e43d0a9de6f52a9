//! Credentials: write keys (send events, read one's own progress), the admin token (read
//! everything) and the identity hash (proves a user id came from the host app's server).

use crate::config::{Config, Project};
use crate::error::ApiError;
use axum::http::{header, HeaderMap};
use base64::Engine;
use hmac::{KeyInit, Mac};

/// `Authorization: Basic base64(user:password)` → (user, password).
pub fn basic_auth(headers: &HeaderMap) -> Option<(String, String)> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let encoded = value
        .strip_prefix("Basic ")
        .or_else(|| value.strip_prefix("basic "))?;
    let decoded = base64::engine::general_purpose::STANDARD
        .decode(encoded.trim())
        .ok()?;
    let text = String::from_utf8(decoded).ok()?;
    let (user, password) = text.split_once(':').unwrap_or((&text, ""));
    Some((user.to_owned(), password.to_owned()))
}

/// The write key from Basic auth (Segment sends it as the user name), else from `fallback`
/// (the body's or the query's `writeKey`).
pub fn write_key(headers: &HeaderMap, fallback: Option<&str>) -> Option<String> {
    basic_auth(headers)
        .map(|(user, _)| user)
        .filter(|u| !u.is_empty())
        .or_else(|| fallback.filter(|k| !k.is_empty()).map(str::to_owned))
}

/// The project for a request's write key, checking the page's origin when it sent one.
pub fn project(
    config: &Config,
    headers: &HeaderMap,
    key: Option<&str>,
) -> Result<Project, ApiError> {
    let project = config.project_for_key(key).ok_or_else(|| {
        ApiError::BadWriteKey(match key {
            Some(_) => "unknown write key: use a key listed in one project's `write_keys`".into(),
            None => "a write key is required: send it as the Basic auth user name or as `writeKey`"
                .into(),
        })
    })?;
    if let Some(origin) = headers.get(header::ORIGIN).and_then(|o| o.to_str().ok()) {
        if !project.allows_origin(origin) {
            return Err(ApiError::Forbidden(
                "origin_not_allowed",
                format!("origin {origin} is not in this project's `allowed_origins`"),
            ));
        }
    }
    Ok(project)
}

/// Admin: `Authorization: Bearer <token>` or Basic auth with the token as the password.
pub fn require_admin(config: &Config, headers: &HeaderMap) -> Result<(), ApiError> {
    let Some(expected) = &config.admin_token else {
        return Err(ApiError::NeedsAdmin);
    };
    let bearer = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::to_owned);
    let given = bearer.or_else(|| basic_auth(headers).map(|(_, p)| p));
    match given {
        Some(g) if constant_time_eq(g.as_bytes(), expected.as_bytes()) => Ok(()),
        _ => Err(ApiError::NeedsAdmin),
    }
}

/// hex HMAC-SHA256(secret, user_id): what the host app's server computes for its user.
pub fn user_hash(secret: &str, user_id: &str) -> String {
    let mut mac = hmac::Hmac::<sha2::Sha256>::new_from_slice(secret.as_bytes())
        .expect("unreachable: HMAC accepts keys of any length");
    mac.update(user_id.as_bytes());
    mac.finalize()
        .into_bytes()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

pub fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_hash_matches_a_known_hmac_vector() {
        // RFC 4231 test case 2.
        assert_eq!(
            user_hash("Jefe", "what do ya want for nothing?"),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
    }

    #[test]
    fn basic_auth_reads_segment_style_keys() {
        let mut h = HeaderMap::new();
        h.insert(
            header::AUTHORIZATION,
            "Basic d2tfMTIzOg==".parse().expect("header"),
        ); // wk_123:
        assert_eq!(write_key(&h, Some("body")), Some("wk_123".into()));
        assert_eq!(
            write_key(&HeaderMap::new(), Some("body")),
            Some("body".into())
        );
        assert_eq!(write_key(&HeaderMap::new(), Some("")), None);
    }
}
