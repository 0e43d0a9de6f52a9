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
    let mut order: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for p in people {
        for g in p.guides.keys() {
            order.entry(g).or_default();
        }
    }
    for (g, steps) in order.iter_mut() {
        *steps = step_order(people.iter().filter_map(|p| p.guides.get(*g)));
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
        let steps = order.get(g.as_str()).cloned().unwrap_or_default();
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
