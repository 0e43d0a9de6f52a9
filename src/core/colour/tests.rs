use super::*;

fn hex(s: &str) -> Rgba {
    parse(s).unwrap_or_else(|| panic!("unreachable: `{s}` is a test colour"))
}

#[test]
fn contrast_ratios_match_published_figures() {
    // Figures from WebAIM's contrast checker.
    for (fg, bg, expected) in [
        ("#000", "#fff", 21.0),
        ("#fff", "#fff", 1.0),
        ("#767676", "#fff", 4.54),
        ("#777", "#fff", 4.48),
        ("#1f2330", "#fff", 15.66),
        ("#5d6475", "#fff", 5.92),
        ("#4f46e5", "#fff", 6.29),
        ("#b7791f", "#fff", 3.64),
        ("#5b5bd6", "#1d2029", 3.03),
    ] {
        let ratio = contrast(hex(fg), hex(bg));
        assert!((ratio - expected).abs() < 0.01, "{fg} on {bg}: {ratio}");
        assert!(
            (contrast(hex(bg), hex(fg)) - ratio).abs() < 1e-12,
            "symmetric"
        );
    }
}

#[test]
fn ratios_are_cut_never_rounded_up() {
    for (ratio, text) in [
        (4.499, "4.4:1"),
        (4.5, "4.5:1"),
        (21.0, "21.0:1"),
        (1.0, "1.0:1"),
    ] {
        assert_eq!(ratio_text(ratio), text);
    }
}

#[test]
fn readable_keeps_a_passing_colour_and_moves_a_failing_one_just_enough() {
    let white = hex("#fff");
    assert_eq!(readable(hex("#4f46e5"), white, TEXT_RATIO), hex("#4f46e5"));
    for (colour, against, min) in [
        ("#999", "#fff", TEXT_RATIO),
        ("#ffd400", "#fff", TEXT_RATIO),
        ("#ffd400", "#f4f4f4", TEXT_RATIO),
        ("#5b5bd6", "#1d2029", TEXT_RATIO),
        ("#333", "#1d2029", TEXT_RATIO),
        ("#d9dce5", "#fff", UI_RATIO),
        ("#777", "#777", TEXT_RATIO),
    ] {
        let (c, bg) = (hex(colour), hex(against));
        let fixed = readable(c, bg, min);
        let ratio = contrast(fixed, bg);
        assert!(
            ratio >= min,
            "{colour} on {against}: {} is {ratio}",
            fixed.hex()
        );
        // One step less of black or white would not be enough.
        assert!(
            ratio < min + 1.5,
            "{colour} on {against} moved too far: {ratio}"
        );
    }
    // Light colours on a dark background are lightened, not darkened.
    let lifted = readable(hex("#5b5bd6"), hex("#1d2029"), TEXT_RATIO);
    assert!(lifted.luminance() > hex("#5b5bd6").luminance());
}

#[test]
fn black_or_white_on_any_accent_reads_at_4_5() {
    for accent in [
        "#ffd400", "#777", "#767676", "#4f46e5", "#00ff00", "#ff0000", "#0000ff", "#fff", "#000",
    ] {
        let bg = hex(accent);
        assert!(contrast(best_on(bg), bg) >= 4.58, "{accent}");
    }
}

#[test]
fn translucent_colours_are_flattened_onto_what_is_below() {
    let half_black = hex("#00000080");
    let flat = half_black.over(hex("#fff"));
    assert_eq!(flat.hex(), "#7f7f7f");
    assert_eq!(flat.a, 1.0);
}

#[test]
fn every_measurable_css_form_parses_to_the_browsers_value() {
    // Values as Chromium computes them.
    for (css, expected) in [
        ("#5b5bd6", "#5b5bd6"),
        ("#FFF", "#ffffff"),
        ("#0f08", "#00ff00"),
        ("rgb(91 91 214)", "#5b5bd6"),
        ("rgba(91, 91, 214, 0.5)", "#5b5bd6"),
        ("rgb(100% 0% 50%)", "#ff0080"),
        ("hsl(240deg 60% 60%)", "#5c5cd6"),
        ("hsl(0.5turn, 100%, 25%)", "#008080"),
        ("hsla(120 100 50 / 50%)", "#00ff00"),
        ("hwb(0 0% 0%)", "#ff0000"),
        ("hwb(200 60% 60%)", "#808080"),
        ("Tomato", "#ff6347"),
        ("rebeccapurple", "#663399"),
    ] {
        let parsed = parse(css).unwrap_or_else(|| panic!("{css} did not parse"));
        assert_eq!(parsed.hex(), expected, "{css}");
    }
    assert_eq!(parse("rgba(0 0 0 / 25%)").map(|c| c.a), Some(0.25));
    assert_eq!(
        parse("#00000080").map(|c| (c.a * 255.0).round()),
        Some(128.0)
    );
    assert_eq!(parse("transparent").map(|c| c.a), Some(0.0));
}

#[test]
fn unmeasurable_or_broken_colours_are_none() {
    for css in [
        "oklch(0.7 0.1 200)",
        "lab(50 20 30)",
        "#12",
        "#ggg",
        "rgb(1 2)",
        "rgb(1 2 3",
        "blu",
        "",
        "var(--x)",
    ] {
        assert_eq!(parse(css), None, "{css}");
    }
}

#[test]
fn the_power_without_libm_matches_powf() {
    for i in 0..=1000 {
        let x = f64::from(i) / 1000.0;
        assert!((pow_2_4(x) - x.powf(2.4)).abs() < 1e-12, "{x}");
    }
}

#[test]
fn css_numbers_are_read_without_the_standard_parser() {
    for (css, expected) in [
        ("rgb(.5 0 0)", 0.5 / 255.0),
        ("rgb(+12 0 0)", 12.0 / 255.0),
        ("rgb(1.2e2 0 0)", 120.0 / 255.0),
        ("rgb(50% 0 0)", 0.5),
    ] {
        let r = parse(css).map(|c| c.r);
        assert!(
            r.is_some_and(|r| (r - expected).abs() < 1e-12),
            "{css}: {r:?}"
        );
    }
    for bad in [
        "rgb(1..2 0 0)",
        "rgb(. 0 0)",
        "rgb(1e 0 0)",
        "rgb(--1 0 0)",
        "rgb(1x 0 0)",
    ] {
        assert_eq!(parse(bad), None, "{bad}");
    }
}
