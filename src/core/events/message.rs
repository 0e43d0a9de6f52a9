use crate::core::json::write_escaped;
use crate::core::time::{iso8601, Millis};
use core::fmt::Write;

/// Who the events are about.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Identity {
    pub anonymous_id: String,
    pub user_id: Option<String>,
}

/// Facts about the page and browser at capture time.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Context {
    pub library_version: &'static str,
    pub url: String,
    pub path: String,
    pub title: String,
    pub referrer: String,
    /// The query string, `?` included (Segment's `context.page.search`).
    pub search: String,
    pub locale: String,
    pub user_agent: String,
    pub screen: Screen,
}

/// `context.screen`: CSS pixels and the device pixel ratio.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Screen {
    pub width: u32,
    pub height: u32,
    /// `devicePixelRatio` in hundredths (125 is 1.25): integers keep Rust's float formatter,
    /// about 11 KB, out of the widget.
    pub density_centi: u32,
}

/// One message about to be queued. `properties_json` must already be a JSON object's text.
pub struct Message<'a> {
    pub kind: &'static str,
    pub message_id: &'a str,
    /// The message's name: `event` of a track, `name` of a page, `groupId` of a group.
    pub event: Option<&'a str>,
    pub properties_json: &'a str,
    pub timestamp: Millis,
}

fn field(out: &mut String, name: &str, value: &str) {
    out.push(',');
    write_escaped(out, name);
    out.push(':');
    write_escaped(out, value);
}

impl Message<'_> {
    /// The message's JSON text, as it will travel inside a batch. `context_json` is
    /// `Context::to_json`'s text: events of one burst share it, so it is written once.
    pub fn to_json(&self, who: &Identity, context_json: &str) -> String {
        let mut out = String::with_capacity(160 + self.properties_json.len() + context_json.len());
        out.push_str("{\"type\":");
        write_escaped(&mut out, self.kind);
        field(&mut out, "messageId", self.message_id);
        field(&mut out, "anonymousId", &who.anonymous_id);
        if let Some(user_id) = &who.user_id {
            field(&mut out, "userId", user_id);
        }
        if let Some(event) = self.event {
            let name = match self.kind {
                "page" | "screen" => "name",
                "group" => "groupId",
                _ => "event",
            };
            field(&mut out, name, event);
        }
        let payload = if self.kind == "identify" || self.kind == "group" {
            "traits"
        } else {
            "properties"
        };
        out.push_str(",\"");
        out.push_str(payload);
        out.push_str("\":");
        out.push_str(self.properties_json);
        field(&mut out, "timestamp", &iso8601(self.timestamp));
        out.push_str(",\"context\":");
        out.push_str(context_json);
        out.push('}');
        out
    }
}

impl Context {
    /// `context` as JSON: library, page, locale, userAgent and screen.
    pub fn to_json(&self) -> String {
        let ctx = self;
        let mut out = String::with_capacity(256 + self.url.len() * 2 + self.user_agent.len());
        out.push_str("{\"library\":{\"name\":\"wowpath\",\"version\":");
        write_escaped(&mut out, ctx.library_version);
        out.push_str("},\"page\":{\"url\":");
        write_escaped(&mut out, &ctx.url);
        field(&mut out, "path", &ctx.path);
        field(&mut out, "title", &ctx.title);
        field(&mut out, "referrer", &ctx.referrer);
        field(&mut out, "search", &ctx.search);
        out.push('}');
        field(&mut out, "locale", &ctx.locale);
        field(&mut out, "userAgent", &ctx.user_agent);
        let s = ctx.screen;
        let d = if s.density_centi == 0 {
            100
        } else {
            s.density_centi
        };
        let _ = write!(
            out,
            ",\"screen\":{{\"width\":{},\"height\":{},\"density\":{}",
            s.width,
            s.height,
            d / 100
        );
        match d % 100 {
            0 => {}
            c if c % 10 == 0 => {
                let _ = write!(out, ".{}", c / 10);
            }
            c => {
                let _ = write!(out, ".{c:02}");
            }
        }
        out.push_str("}}");
        out
    }
}

/// `{"batch":[…],"sentAt":"…","writeKey":"…"}` from message texts. When events had to be
/// dropped because the queue was full, the batch says how many in a batch-level `context`
/// (which Segment merges into every message).
pub fn batch_body<'a>(
    messages: impl IntoIterator<Item = &'a str>,
    sent_at: Millis,
    write_key: &str,
    dropped: u64,
) -> String {
    let mut out = String::from("{\"batch\":[");
    for (i, m) in messages.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(m);
    }
    out.push(']');
    field(&mut out, "sentAt", &iso8601(sent_at));
    field(&mut out, "writeKey", write_key);
    if dropped > 0 {
        let _ = write!(out, ",\"context\":{{\"droppedEvents\":{dropped}}}");
    }
    out.push('}');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::json;

    #[test]
    fn a_track_message_is_valid_segment_json() {
        let who = Identity {
            anonymous_id: "anon-1".into(),
            user_id: Some("u\"1".into()),
        };
        let ctx = Context {
            library_version: "0.1.0",
            url: "http://x/app".into(),
            path: "/app".into(),
            ..Context::default()
        };
        let m = Message {
            kind: "track",
            message_id: "m-1",
            event: Some("Project Created"),
            properties_json: "{\"n\":1}",
            timestamp: 0,
        };
        let body = batch_body([m.to_json(&who, &ctx.to_json()).as_str()], 1000, "wk", 0);
        let node = json::parse(&body).expect("valid JSON");
        let msg = &node
            .get("batch")
            .and_then(|b| match &b.value {
                json::Value::Array(a) => a.first().cloned(),
                _ => None,
            })
            .expect("one message");
        assert_eq!(msg.get("type").and_then(|n| n.as_str()), Some("track"));
        assert_eq!(msg.get("userId").and_then(|n| n.as_str()), Some("u\"1"));
        assert_eq!(
            msg.get("timestamp").and_then(|n| n.as_str()),
            Some("1970-01-01T00:00:00.000Z")
        );
        assert_eq!(
            msg.get("properties")
                .and_then(|p| p.get("n"))
                .and_then(|n| n.as_f64()),
            Some(1.0)
        );
        let lib = msg
            .get("context")
            .and_then(|c| c.get("library"))
            .and_then(|l| l.get("name"))
            .and_then(|n| n.as_str());
        assert_eq!(lib, Some("wowpath"));
        assert_eq!(
            node.get("sentAt").and_then(|n| n.as_str()),
            Some("1970-01-01T00:00:01.000Z")
        );
    }

    #[test]
    fn page_and_group_names_and_the_screen_go_where_segment_wants_them() {
        let who = Identity {
            anonymous_id: "a".into(),
            user_id: None,
        };
        let table = [
            ("page", 200, "\"name\":\"Pricing\"", "\"density\":2}"),
            ("group", 125, "\"groupId\":\"Pricing\"", "\"density\":1.25}"),
            ("track", 150, "\"event\":\"Pricing\"", "\"density\":1.5}"),
            ("screen", 0, "\"name\":\"Pricing\"", "\"density\":1}"),
        ];
        for (kind, density_centi, name, density) in table {
            let ctx = Context {
                search: "?q=1".into(),
                screen: Screen {
                    width: 1280,
                    height: 800,
                    density_centi,
                },
                ..Context::default()
            };
            let m = Message {
                kind,
                message_id: "m",
                event: Some("Pricing"),
                properties_json: "{}",
                timestamp: 0,
            };
            let text = m.to_json(&who, &ctx.to_json());
            assert!(json::parse(&text).is_ok(), "{text}");
            assert!(text.contains(name), "{text}");
            assert!(text.contains(density), "{text}");
            assert!(text.contains("\"search\":\"?q=1\""), "{text}");
            let payload = if kind == "group" {
                "traits"
            } else {
                "properties"
            };
            assert!(text.contains(&format!("\"{payload}\":{{}}")), "{text}");
        }
        let body = batch_body([], 0, "wk", 3);
        assert!(
            body.ends_with(",\"context\":{\"droppedEvents\":3}}"),
            "{body}"
        );
    }

    #[test]
    fn strings_are_escaped_in_runs() {
        let mut out = String::new();
        crate::core::json::write_escaped(&mut out, "plain é \"q\" a\\b\n\t<x>\u{1}\u{2028}end");
        assert_eq!(
            out,
            "\"plain é \\\"q\\\" a\\\\b\\n\\t\\u003cx>\\u0001\\u2028end\""
        );
        assert_eq!(
            json::parse(&out)
                .ok()
                .and_then(|n| n.as_str().map(str::to_string))
                .as_deref(),
            Some("plain é \"q\" a\\b\n\t<x>\u{1}\u{2028}end")
        );
    }
}
