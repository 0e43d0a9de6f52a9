//! Facts about locales the widget needs beyond the strings themselves.

/// Languages written right to left; the widget lays its panels out mirrored for them.
const RTL_LANGUAGES: &[&str] = &[
    "ar", "arc", "ckb", "dv", "fa", "he", "ku", "ps", "sd", "ug", "ur", "yi",
];

/// Whether text in this locale (`ar`, `he-IL`, `fa-IR`…) runs right to left.
pub fn is_rtl(locale: &str) -> bool {
    let language = locale.split(['-', '_']).next().unwrap_or("");
    RTL_LANGUAGES
        .iter()
        .any(|l| l.eq_ignore_ascii_case(language))
}

#[cfg(test)]
mod tests {
    #[test]
    fn right_to_left_locales() {
        for (tag, rtl) in [
            ("ar", true),
            ("he-IL", true),
            ("FA", true),
            ("ckb-IQ", true),
            ("ug", true),
            ("en", false),
            ("fr-CA", false),
            ("", false),
        ] {
            assert_eq!(super::is_rtl(tag), rtl, "{tag}");
        }
    }
}
