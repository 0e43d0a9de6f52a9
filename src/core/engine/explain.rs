//! Why a guide is or is not showing, for the debug mode.

use crate::core::time::iso8601;
use core::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    Showing,
    /// Eligible, but a guide with a higher priority (or already running) is showing.
    Waiting {
        behind: String,
    },
    Holdout,
    VariantWithoutSteps {
        variant: String,
    },
    Completed,
    Dismissed,
    /// `once`: it was shown in an earlier session.
    ShownInEarlierSession,
    /// Its `schedule` has not begun.
    NotYet {
        from: u64,
    },
    /// Its `schedule` is over.
    Ended {
        until: u64,
    },
    Prerequisite {
        guide: String,
    },
    NotOnUrl {
        path: String,
    },
    Trait {
        name: String,
    },
    SignedUpTooLongAgo,
    WaitingForEvent {
        event: String,
    },
    WaitingForUrl {
        pattern: String,
    },
    Manual,
    Cooldown {
        until: u64,
    },
}

impl fmt::Display for Decision {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Decision::Showing => f.write_str("showing"),
            Decision::Waiting { behind } => write!(
                f,
                "eligible, waiting behind guide `{behind}` (one guide at a time)"
            ),
            Decision::Holdout => f.write_str("hidden: this user is in the holdout group"),
            Decision::VariantWithoutSteps { variant } => {
                write!(f, "hidden: variant `{variant}` shows no steps")
            }
            Decision::Completed => f.write_str("done: every step is complete"),
            Decision::Dismissed => f.write_str("hidden: the user dismissed it"),
            Decision::ShownInEarlierSession => {
                f.write_str("hidden: frequency `once` and it was shown in an earlier session")
            }
            Decision::NotYet { from } => write!(f, "waiting: scheduled from {}", iso8601(*from)),
            Decision::Ended { until } => {
                write!(f, "hidden: its schedule ended at {}", iso8601(*until))
            }
            Decision::Prerequisite { guide } => {
                write!(f, "waiting: guide `{guide}` must be completed first")
            }
            Decision::NotOnUrl { path } => {
                write!(f, "hidden: `{path}` matches none of its target URLs")
            }
            Decision::Trait { name } => {
                write!(f, "hidden: trait `{name}` does not match its targeting")
            }
            Decision::SignedUpTooLongAgo => f.write_str(
                "hidden: the user signed up too long ago (or the sign-up trait is missing)",
            ),
            Decision::WaitingForEvent { event } => {
                write!(f, "waiting: starts when `{event}` is tracked")
            }
            Decision::WaitingForUrl { pattern } => {
                write!(f, "waiting: starts on a URL matching `{pattern}`")
            }
            Decision::Manual => {
                f.write_str("waiting: starts only through wowpath('start', id) or a button")
            }
            Decision::Cooldown { until } => write!(
                f,
                "waiting: cool-down after the previous guide, until {}",
                iso8601(*until)
            ),
        }
    }
}
