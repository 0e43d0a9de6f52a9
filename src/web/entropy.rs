//! Random bytes for message ids, drawn from the browser's CSPRNG a few kilobytes at a time:
//! one `getRandomValues` call per 64 ids keeps `track()` cheap.

use std::cell::RefCell;

const POOL: usize = 16 * 64;

thread_local! {
    static BYTES: RefCell<(Vec<u8>, usize)> = const { RefCell::new((Vec::new(), POOL)) };
}

fn refill(buf: &mut Vec<u8>) {
    buf.resize(POOL, 0);
    let filled = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .is_some_and(|c| c.get_random_values_with_u8_array(buf).is_ok());
    if !filled {
        // No crypto object (very old or unusual embedders): ids only need to be unique.
        for b in buf.iter_mut() {
            *b = (js_sys::Math::random() * 256.0) as u8;
        }
    }
}

/// 16 fresh random bytes.
pub fn bytes16() -> [u8; 16] {
    BYTES.with(|cell| {
        let (buf, used) = &mut *cell.borrow_mut();
        if *used + 16 > buf.len() {
            refill(buf);
            *used = 0;
        }
        let mut out = [0u8; 16];
        out.copy_from_slice(&buf[*used..*used + 16]);
        *used += 16;
        out
    })
}

/// Uniform in [0, 1), for retry jitter.
pub fn unit() -> f64 {
    js_sys::Math::random()
}
