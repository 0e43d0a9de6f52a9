//! Structured logs: one JSON object per line on stderr, so any log shipper can parse them.

use serde_json::{Map, Value};

fn line(level: &str, msg: &str, fields: &[(&str, Value)]) {
    let mut obj = Map::new();
    obj.insert("ts".into(), crate::time::format_ms(now_ms()).into());
    obj.insert("level".into(), level.into());
    obj.insert("msg".into(), msg.into());
    for (k, v) in fields {
        obj.insert((*k).into(), v.clone());
    }
    eprintln!("{}", Value::Object(obj));
}

fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as i64)
}

pub fn info(msg: &str, fields: &[(&str, Value)]) {
    line("info", msg, fields);
}

pub fn warn(msg: &str, fields: &[(&str, Value)]) {
    line("warn", msg, fields);
}

pub fn error(msg: &str, fields: &[(&str, Value)]) {
    line("error", msg, fields);
}
