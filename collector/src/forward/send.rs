//! One POST of a batch to the destination, and what its answer means for the stream.
//! ureq (blocking, rustls) runs on the forwarder's own thread, so https destinations such
//! as api.segment.io work and nothing of this touches the ingest runtime.

use super::target::Forward;
use base64::Engine;
use std::time::Duration;

/// What to do after one attempt.
#[derive(Debug, PartialEq)]
pub enum Outcome {
    /// A 2xx: the destination has the batch.
    Delivered,
    /// Try the same batch again later: the network failed, or a 5xx, 408 or 429.
    /// `after` is the destination's `Retry-After`, when it sent one.
    Retry {
        reason: String,
        after: Option<Duration>,
    },
    /// The destination refuses every batch (401, 403, 404, 405, a redirect): the endpoint or
    /// the write key is wrong. Retried like `Retry`, never dropped, and logged as an error.
    Misconfigured { status: u16, detail: String },
    /// This batch is refused (any other 4xx): retrying it as is cannot help.
    Refused { status: u16, detail: String },
}

pub struct Sender {
    client: ureq::Agent,
    url: String,
    authorization: String,
}

/// A destination's error text is logged, so keep it short.
const DETAIL_BYTES: usize = 300;

impl Sender {
    pub fn new(forward: &Forward, timeout: Duration) -> Sender {
        let config = ureq::Agent::config_builder()
            .timeout_global(Some(timeout))
            .http_status_as_error(false)
            .max_redirects(0)
            .max_redirects_will_error(false)
            .user_agent(concat!("wowpath-collector/", env!("CARGO_PKG_VERSION")))
            .build();
        let credentials = format!("{}:", forward.write_key);
        Sender {
            client: config.into(),
            url: forward.batch_url(),
            authorization: format!(
                "Basic {}",
                base64::engine::general_purpose::STANDARD.encode(credentials)
            ),
        }
    }

    pub fn post(&self, body: &str) -> Outcome {
        let answer = self
            .client
            .post(&self.url)
            .header("Content-Type", "application/json")
            .header("Authorization", &self.authorization)
            .send(body);
        let mut response = match answer {
            Ok(r) => r,
            Err(e) => {
                return Outcome::Retry {
                    reason: e.to_string(),
                    after: None,
                }
            }
        };
        let status = response.status().as_u16();
        if (200..300).contains(&status) {
            return Outcome::Delivered;
        }
        let after = response
            .headers()
            .get("retry-after")
            .and_then(|v| v.to_str().ok())
            .and_then(retry_after);
        let mut detail = response
            .body_mut()
            .with_config()
            .limit(DETAIL_BYTES as u64 * 4)
            .read_to_string()
            .unwrap_or_default();
        if detail.len() > DETAIL_BYTES {
            let cut = (0..=DETAIL_BYTES)
                .rev()
                .find(|&i| detail.is_char_boundary(i));
            detail.truncate(cut.unwrap_or(0));
        }
        classify(status, after, detail)
    }
}

fn classify(status: u16, after: Option<Duration>, detail: String) -> Outcome {
    match status {
        408 | 429 | 500..=599 => Outcome::Retry {
            reason: format!("HTTP {status}: {detail}"),
            after,
        },
        300..=399 | 401 | 403 | 404 | 405 => Outcome::Misconfigured { status, detail },
        _ => Outcome::Refused { status, detail },
    }
}

/// `Retry-After`: seconds, or an HTTP date (`Sun, 06 Nov 1994 08:49:37 GMT`).
pub fn retry_after(value: &str) -> Option<Duration> {
    let value = value.trim();
    if let Ok(secs) = value.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    let parts: Vec<&str> = value.split_whitespace().collect();
    let [_, day, month, year, time, "GMT"] = parts.as_slice() else {
        return None;
    };
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let month = MONTHS.iter().position(|m| m == month)? + 1;
    let at = crate::time::parse_iso8601(&format!("{year}-{month:02}-{day:0>2}T{time}Z"))?;
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?
        .as_millis() as i64;
    Some(Duration::from_millis(at.saturating_sub(now).max(0) as u64))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_decide_between_retrying_and_giving_up() {
        let retry = |s| matches!(classify(s, None, String::new()), Outcome::Retry { .. });
        assert!([408, 429, 500, 502, 503].into_iter().all(retry));
        let config = |s| {
            matches!(
                classify(s, None, String::new()),
                Outcome::Misconfigured { .. }
            )
        };
        assert!([301, 401, 403, 404].into_iter().all(config));
        let refused = |s| matches!(classify(s, None, String::new()), Outcome::Refused { .. });
        assert!([400, 413, 422].into_iter().all(refused));
    }

    #[test]
    fn retry_after_is_seconds_or_a_date() {
        assert_eq!(retry_after(" 7 "), Some(Duration::from_secs(7)));
        assert_eq!(
            retry_after("Sun, 06 Nov 1994 08:49:37 GMT"),
            Some(Duration::ZERO),
            "a date in the past means now"
        );
        assert_eq!(retry_after("soon"), None);
    }
}
