//! Calls whose own name and properties already exceed the limit of one event: refused before
//! anything is done, so the host's Promise says so instead of resolving over a dropped event.

use super::queue::MAX_EVENT_BYTES;

/// `call`: `track`, `identify`, `group` or `page`. The message adds its context and ids to
/// these, so one that passes here can still be refused when queued (with a console warning).
pub fn check_call_size(call: &str, name: &str, properties_json: &str) -> Result<(), String> {
    let bytes = name.len() + properties_json.len();
    if bytes <= MAX_EVENT_BYTES {
        return Ok(());
    }
    Err(format!(
        "this {call} call was not carried out: its name and properties alone come to {bytes} \
         bytes of JSON, and an event may be at most {} KB ({MAX_EVENT_BYTES} bytes); send less \
         in its properties and keep large values in your own store, referred to by id",
        MAX_EVENT_BYTES / 1024
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_limit_counts_bytes_of_name_and_properties() {
        let props = |n: usize| format!("{{\"s\":\"{}\"}}", "x".repeat(n));
        // `{"s":""}` is 8 bytes: with a 4-byte name, 32,756 characters fill the limit exactly.
        assert_eq!(check_call_size("track", "Name", &props(32_756)), Ok(()));
        let e = check_call_size("track", "Name", &props(32_757)).expect_err("one byte over");
        assert!(e.starts_with("this track call was not carried out: its name and properties alone come to 32769 bytes"), "{e}");
        assert!(e.contains("at most 32 KB (32768 bytes)"), "{e}");
        // Bytes, not characters: 11,000 three-byte characters are 33,000 bytes.
        let wide = format!("{{\"s\":\"{}\"}}", "€".repeat(11_000));
        let e = check_call_size("identify", "user-1", &wide).expect_err("wide");
        assert!(e.starts_with("this identify call"), "{e}");
        assert!(
            check_call_size("page", "x".repeat(40_000).as_str(), "{}").is_err(),
            "a long name counts too"
        );
    }
}
