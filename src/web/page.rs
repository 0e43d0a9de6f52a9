//! Facts about the page and browser: the clock, randomness, the URL and the language.

use crate::core::events::Context;
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

pub fn context() -> Context {
    let window = web_sys::window();
    let location = window.as_ref().map(|w| w.location());
    let document = window.as_ref().and_then(|w| w.document());
    let navigator = window.as_ref().map(|w| w.navigator());
    Context {
        library_version: crate::VERSION,
        url: location
            .as_ref()
            .and_then(|l| l.href().ok())
            .unwrap_or_default(),
        path: location
            .as_ref()
            .and_then(|l| l.pathname().ok())
            .unwrap_or_default(),
        title: document.as_ref().map(|d| d.title()).unwrap_or_default(),
        referrer: document.as_ref().map(|d| d.referrer()).unwrap_or_default(),
        locale: navigator
            .as_ref()
            .and_then(|n| n.language())
            .unwrap_or_default(),
        user_agent: navigator
            .as_ref()
            .and_then(|n| n.user_agent().ok())
            .unwrap_or_default(),
    }
}
