//! Facts about the page and browser: the clock and randomness (`context.rs` has the rest).

use crate::core::time::Millis;

pub fn now_ms() -> Millis {
    js_sys::Date::now() as Millis
}

/// 16 random bytes from the browser's CSPRNG (available in insecure contexts too, unlike
/// `randomUUID`).
pub fn random_bytes() -> [u8; 16] {
    let mut bytes = [0u8; 16];
    let filled = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .is_some_and(|c| c.get_random_values_with_u8_array(&mut bytes).is_ok());
    if !filled {
        // No crypto object (very old or unusual embedders): ids only need to be unique.
        let seed = (js_sys::Math::random() * 2f64.powi(52)) as u64 ^ now_ms();
        bytes[..8].copy_from_slice(&seed.to_le_bytes());
        bytes[8..]
            .copy_from_slice(&((js_sys::Math::random() * 2f64.powi(52)) as u64).to_le_bytes());
    }
    bytes
}
