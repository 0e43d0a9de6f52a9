//! Every guide file the validator accepts reads back equal after writing it out: nothing the
//! reader keeps is lost or changed by the model's serialization (defaults, renames, scalars).

#[path = "roundtrip/generate.rs"]
mod generate;

use generate::file;
use proptest::prelude::*;
use wowpath::core::guide::load;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn accepted_guides_round_trip(original in file()) {
        let text = serde_json::to_string_pretty(&original).expect("the model serializes");
        let loaded = load(&text);
        // The generator aims at valid files; anything it gets wrong must be reported, not read.
        let Some(read) = loaded.file else {
            prop_assert!(loaded.has_errors(), "{:?}", loaded.diagnostics);
            return Ok(());
        };
        prop_assert_eq!(&read, &original, "{}", text);
        let again = serde_json::to_string_pretty(&read).expect("serializes");
        prop_assert_eq!(again, text);
    }
}

#[test]
fn the_generator_mostly_makes_valid_files() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let mut accepted = 0;
    for _ in 0..100 {
        let f = file().new_tree(&mut runner).expect("a value").current();
        let loaded = load(&serde_json::to_string(&f).expect("serializes"));
        if loaded.file.is_some() {
            accepted += 1;
        } else {
            eprintln!("{:?}", loaded.diagnostics.first());
        }
    }
    assert!(
        accepted >= 80,
        "only {accepted} of 100 generated files were accepted"
    );
}
