use crate::core::json::write_escaped;
use crate::core::time::{iso8601, Millis};

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
    pub locale: String,
    pub user_agent: String,
}

/// One message about to be queued. `properties_json` must already be a JSON object's text.
pub struct Message<'a> {
    pub kind: &'static str,
    pub message_id: &'a str,
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
    /// The message's JSON text, as it will travel inside a batch.
    pub fn to_json(&self, who: &Identity, ctx: &Context) -> String {
        let mut out = String::with_capacity(256 + self.properties_json.len());
        out.push_str("{\"type\":");
        write_escaped(&mut out, self.kind);
        field(&mut out, "messageId", self.message_id);
        field(&mut out, "anonymousId", &who.anonymous_id);
        if let Some(user_id) = &who.user_id {
            field(&mut out, "userId", user_id);
        }
        if let Some(event) = self.event {
            field(&mut out, "event", event);
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
        out.push_str(",\"context\":{\"library\":{\"name\":\"wowpath\",\"version\":");
        write_escaped(&mut out, ctx.library_version);
        out.push_str("},\"page\":{\"url\":");
        write_escaped(&mut out, &ctx.url);
        field(&mut out, "path", &ctx.path);
        field(&mut out, "title", &ctx.title);
        field(&mut out, "referrer", &ctx.referrer);
        out.push('}');
        field(&mut out, "locale", &ctx.locale);
        field(&mut out, "userAgent", &ctx.user_agent);
        out.push_str("}}");
        out
    }
}

/// `{"batch":[…],"sentAt":"…","writeKey":"…"}` from message texts.
pub fn batch_body<'a>(
    messages: impl IntoIterator<Item = &'a str>,
    sent_at: Millis,
    write_key: &str,
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
        let body = batch_body([m.to_json(&who, &ctx).as_str()], 1000, "wk");
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
}
