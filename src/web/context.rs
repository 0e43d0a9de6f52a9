//! The page and browser facts stamped on every message. What cannot change during a page's
//! life (user agent, language, screen, referrer) is read once; the URL and title on each
//! event, since single-page apps change them.

use crate::core::events::{Context, Screen};
use std::cell::OnceCell;

struct Fixed {
    referrer: String,
    locale: String,
    user_agent: String,
    screen: Screen,
}

thread_local! {
    static FIXED: OnceCell<Fixed> = const { OnceCell::new() };
}

fn fixed() -> Fixed {
    let window = web_sys::window();
    let navigator = window.as_ref().map(|w| w.navigator());
    let screen = window.as_ref().and_then(|w| w.screen().ok());
    let dpr = window.as_ref().map_or(1.0, |w| w.device_pixel_ratio());
    Fixed {
        referrer: window
            .as_ref()
            .and_then(|w| w.document())
            .map(|d| d.referrer())
            .unwrap_or_default(),
        locale: navigator
            .as_ref()
            .and_then(|n| n.language())
            .unwrap_or_default(),
        user_agent: navigator
            .as_ref()
            .and_then(|n| n.user_agent().ok())
            .unwrap_or_default(),
        screen: Screen {
            width: screen
                .as_ref()
                .and_then(|s| s.width().ok())
                .unwrap_or(0)
                .max(0) as u32,
            height: screen
                .as_ref()
                .and_then(|s| s.height().ok())
                .unwrap_or(0)
                .max(0) as u32,
            density_centi: (dpr * 100.0).round().clamp(0.0, 10_000.0) as u32,
        },
    }
}

pub fn context() -> Context {
    let window = web_sys::window();
    let location = window.as_ref().map(|w| w.location());
    let read = |f: fn(&web_sys::Location) -> Result<String, wasm_bindgen::JsValue>| {
        location
            .as_ref()
            .and_then(|l| f(l).ok())
            .unwrap_or_default()
    };
    let title = window
        .as_ref()
        .and_then(|w| w.document())
        .map(|d| d.title())
        .unwrap_or_default();
    FIXED.with(|cell| {
        let f = cell.get_or_init(fixed);
        Context {
            library_version: crate::VERSION,
            url: read(web_sys::Location::href),
            path: read(web_sys::Location::pathname),
            search: read(web_sys::Location::search),
            title,
            referrer: f.referrer.clone(),
            locale: f.locale.clone(),
            user_agent: f.user_agent.clone(),
            screen: f.screen,
        }
    })
}
