use super::*;

const PRETTY: &str = "{\n  \"version\": 1,\n  \"guides\": []\n}\n";

fn checked(text: &str) -> StampCheck {
    check(text, &json::parse(text).expect("test text is JSON"))
}

#[test]
fn a_stamped_file_matches_and_stamping_again_changes_nothing() {
    let stamped = write(PRETTY).expect("stamps");
    assert_eq!(checked(&stamped), StampCheck::Matches);
    assert_eq!(write(&stamped).expect("stamps again"), stamped);
}

#[test]
fn the_stamp_goes_first_indented_like_the_next_member() {
    let stamped = write(PRETTY).expect("stamps");
    assert!(
        stamped.starts_with("{\n  \"checked\": \"wowpath:"),
        "{stamped}"
    );
    assert!(stamped.ends_with("\",\n  \"version\": 1,\n  \"guides\": []\n}\n"));
    let compact = write("{\"version\":1,\"guides\":[]}").expect("stamps");
    assert!(compact.starts_with("{\"checked\": \"wowpath:"), "{compact}");
    assert_eq!(checked(&compact), StampCheck::Matches);
}

#[test]
fn any_edit_after_stamping_breaks_the_match() {
    let stamped = write(PRETTY).expect("stamps");
    let digits = stamped.find(PREFIX).expect("has a stamp") + PREFIX.len();
    for i in 0..stamped.len() {
        if (digits..digits + DIGITS).contains(&i) {
            continue;
        }
        let mut bytes = stamped.clone().into_bytes();
        // A space for a space would be no edit; everything else is one.
        bytes[i] = if bytes[i] == b' ' { b'\t' } else { b' ' };
        let Ok(edited) = String::from_utf8(bytes) else {
            continue;
        };
        if let Ok(root) = json::parse(&edited) {
            let found = check(&edited, &root);
            assert_ne!(found, StampCheck::Matches, "byte {i} changed: {edited}");
        }
    }
}

#[test]
fn changing_the_digits_is_stale_and_bad_forms_are_malformed() {
    let stamped = write(PRETTY).expect("stamps");
    let digits = stamped.find(PREFIX).expect("has a stamp") + PREFIX.len();
    let mut other = stamped.clone();
    let flipped = if &stamped[digits..=digits] == "0" {
        "1"
    } else {
        "0"
    };
    other.replace_range(digits..=digits, flipped);
    assert_eq!(checked(&other), StampCheck::Stale);

    assert_eq!(checked(PRETTY), StampCheck::Missing);
    for bad in [
        "\"wowpath:0123\"",
        "\"wowpath:0123456789ABCDEF\"",
        "\"WOWPATH:0123456789abcdef\"",
        "\"wowpath:0123456789abcde\\u0066\"",
        "\"0123456789abcdef\"",
        "12",
        "null",
    ] {
        let text = format!("{{\"checked\": {bad}, \"version\": 1}}");
        assert_eq!(checked(&text), StampCheck::Malformed, "{bad}");
    }
}

#[test]
fn a_malformed_stamp_is_replaced_and_non_objects_are_refused() {
    let text = "{\"checked\": 7, \"version\": 1}";
    let stamped = write(text).expect("stamps");
    assert_eq!(checked(&stamped), StampCheck::Matches);
    assert!(stamped.ends_with(", \"version\": 1}"));
    assert_eq!(write("[1]"), Err(StampError::NotAnObject));
    assert_eq!(write("{}"), Err(StampError::NotAnObject));
    assert!(matches!(write("{"), Err(StampError::NotJson(_))));
}
