//! Who started onboarding but has not reached wow in the expected time, and where they
//! stopped, so someone can reach out before they churn.

use super::guides::step_order;
use super::people::Person;
use super::titles::Titles;
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct StuckUser {
    pub user: String,
    pub account: Option<String>,
    pub plan: Option<String>,
    pub guide_id: String,
    /// The guide's title as the widget sent it, else its id.
    pub guide_title: String,
    /// The first step not completed, in guide order; `None` if all steps are done.
    pub stopped_at: Option<String>,
    /// That step's title as the widget sent it, else its id.
    pub stopped_at_title: Option<String>,
    pub steps_done: usize,
    pub steps_total: usize,
    pub started_at: i64,
    pub last_seen: i64,
    pub traits: BTreeMap<String, String>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct StuckAccount {
    pub account: String,
    pub stuck_users: usize,
    pub last_seen: i64,
    /// The step where most of its stuck users stopped, by title (else id).
    pub common_step: Option<String>,
}

pub fn stuck(
    people: &[&Person],
    titles: &Titles,
    now_ms: i64,
    after_ms: i64,
) -> (Vec<StuckUser>, Vec<StuckAccount>) {
    // Each variant of a guide has its own steps: where someone stopped is among theirs.
    let mut order: BTreeMap<(&str, Option<&str>), Vec<String>> = BTreeMap::new();
    for p in people {
        for (g, run) in &p.guides {
            order.entry((g, run.variant.as_deref())).or_default();
        }
    }
    for ((g, variant), steps) in order.iter_mut() {
        *steps = step_order(
            people
                .iter()
                .filter_map(|p| p.guides.get(*g))
                .filter(|r| r.variant.as_deref() == *variant),
        );
    }
    let mut users = Vec::new();
    for p in people
        .iter()
        .filter(|p| p.wow_at.is_none() && p.group.as_deref() != Some("holdout"))
    {
        // The guide they touched last is where they are.
        let Some((g, run, began)) = p
            .guides
            .iter()
            .filter_map(|(g, r)| Some((g, r, r.began_at()?)))
            .max_by_key(|(_, _, began)| *began)
        else {
            continue;
        };
        if now_ms - began < after_ms {
            continue;
        }
        let steps = order
            .get(&(g.as_str(), run.variant.as_deref()))
            .cloned()
            .unwrap_or_default();
        let done = |s: &String| run.steps.get(s).is_some_and(|st| st.completed_at.is_some());
        let stopped_at = steps.iter().find(|s| !done(s)).cloned();
        users.push(StuckUser {
            user: p.id.clone(),
            account: p.account.clone(),
            plan: p.traits.get("plan").cloned(),
            guide_id: g.clone(),
            guide_title: titles.guide(g).to_owned(),
            stopped_at_title: stopped_at.as_deref().map(|s| titles.step(g, s).to_owned()),
            stopped_at,
            steps_done: steps.iter().filter(|s| done(s)).count(),
            steps_total: steps.len(),
            started_at: began,
            last_seen: p.last_seen,
            traits: p.traits.clone(),
        });
    }
    users.sort_by(|a, b| b.last_seen.cmp(&a.last_seen).then(a.user.cmp(&b.user)));
    let mut accounts: BTreeMap<&str, Vec<&StuckUser>> = BTreeMap::new();
    for u in &users {
        if let Some(a) = &u.account {
            accounts.entry(a).or_default().push(u);
        }
    }
    let mut out: Vec<StuckAccount> = accounts
        .into_iter()
        .map(|(a, us)| {
            let mut tally: BTreeMap<&str, usize> = BTreeMap::new();
            for u in &us {
                *tally
                    .entry(u.stopped_at_title.as_deref().unwrap_or("(all steps done)"))
                    .or_default() += 1;
            }
            StuckAccount {
                account: a.to_owned(),
                stuck_users: us.len(),
                last_seen: us.iter().map(|u| u.last_seen).max().unwrap_or(0),
                common_step: tally
                    .into_iter()
                    .max_by_key(|(_, n)| *n)
                    .map(|(s, _)| s.to_owned()),
            }
        })
        .collect();
    out.sort_by(|a, b| {
        b.stuck_users
            .cmp(&a.stuck_users)
            .then(a.account.cmp(&b.account))
    });
    (users, out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::people::{GuideRun, Step};

    fn person(id: &str, variant: &str, done: &[(&str, i64)], not_done: &[(&str, i64)]) -> Person {
        let step = |index: i64, completed_at: Option<i64>| Step {
            index: Some(index),
            viewed_at: Some(0),
            completed_at,
        };
        let steps = done
            .iter()
            .map(|(s, i)| (s.to_string(), step(*i, Some(1))))
            .chain(
                not_done
                    .iter()
                    .map(|(s, i)| (s.to_string(), step(*i, None))),
            )
            .collect();
        let run = GuideRun {
            started_at: Some(0),
            steps,
            variant: Some(variant.into()),
            ..GuideRun::default()
        };
        Person {
            id: id.into(),
            guides: [("g".to_string(), run)].into(),
            last_seen: 1,
            ..Person::default()
        }
    }

    #[test]
    fn where_someone_stopped_is_among_the_steps_of_their_variant() {
        let short = person("ann", "short", &[("b", 0)], &[]);
        let full = person("bob", "full", &[("a", 0)], &[("b", 1)]);
        let (users, _) = stuck(&[&short, &full], &Titles::default(), 10, 5);
        let got: Vec<(&str, Option<&str>, usize, usize)> = users
            .iter()
            .map(|u| {
                let at = u.stopped_at.as_deref();
                (u.user.as_str(), at, u.steps_done, u.steps_total)
            })
            .collect();
        assert_eq!(
            got,
            [("ann", None, 1, 1), ("bob", Some("b"), 1, 2)],
            "`short` leaves out step a, so ann did all of her steps"
        );
    }
}
