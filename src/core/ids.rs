//! Identifiers made from random bytes the adapter supplies.

/// A random (version 4) UUID in its usual text form.
pub fn uuid_v4(mut bytes: [u8; 16]) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    // Hex digits by table, not `write!`: one id is made per event, on `track`'s path.
    let mut out = String::with_capacity(36);
    for (i, b) in bytes.iter().enumerate() {
        if matches!(i, 4 | 6 | 8 | 10) {
            out.push('-');
        }
        out.push(HEX[usize::from(b >> 4)] as char);
        out.push(HEX[usize::from(b & 0x0f)] as char);
    }
    out
}

/// What `identify`'s `userHash` must be: the 64 hex digits of HMAC-SHA256(identity secret,
/// userId). Checked here, where the mistake is made, rather than met later as a 403 from the
/// collector on every progress fetch.
pub fn check_user_hash(hash: &str) -> Result<(), String> {
    let hash = hash.trim();
    let problem = if hash.len() != 64 {
        let n = hash.chars().count();
        format!("is {n} character{} long", if n == 1 { "" } else { "s" })
    } else if let Some(c) = hash.chars().find(|c| !c.is_ascii_hexdigit()) {
        format!("contains '{c}', which is not a hex digit")
    } else {
        return Ok(());
    };
    Err(format!(
        "identify's userHash {problem}; it must be the 64 hex digits of HMAC-SHA256(identity \
         secret, userId), computed on your server"
    ))
}

#[cfg(test)]
mod tests {
    #[test]
    fn sets_version_and_variant_bits() {
        assert_eq!(
            super::uuid_v4([0xff; 16]),
            "ffffffff-ffff-4fff-bfff-ffffffffffff"
        );
        assert_eq!(
            super::uuid_v4([0; 16]),
            "00000000-0000-4000-8000-000000000000"
        );
    }

    #[test]
    fn a_user_hash_is_64_hex_digits() {
        let good = "a".repeat(32) + &"F0".repeat(16);
        assert_eq!(super::check_user_hash(&good), Ok(()));
        assert_eq!(
            super::check_user_hash(&format!(" {good}\n")),
            Ok(()),
            "as the collector, trims"
        );
        let e = super::check_user_hash("5").expect_err("short");
        assert!(
            e.starts_with("identify's userHash is 1 character long; it must be the 64 hex digits"),
            "{e}"
        );
        let e = super::check_user_hash(&("g".to_string() + &good[1..])).expect_err("not hex");
        assert!(e.contains("contains 'g', which is not a hex digit"), "{e}");
        // base64 of the same 32 bytes is a common mix-up: 44 characters.
        let e = super::check_user_hash("q83vEjRWeJq83vEjRWeJq83vEjRWeJq83vEjRWeJq80=")
            .expect_err("base64");
        assert!(e.contains("is 44 characters long"), "{e}");
    }
}
