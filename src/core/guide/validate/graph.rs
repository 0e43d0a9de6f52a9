//! Prerequisites as graphs: cycles (nothing in them can ever start), what depends on a cycle,
//! and steps no experiment variant can show.

use super::Ctx;
use crate::core::guide::model::{Guide, GuideFile};

/// `edges[i]` = (index of the required item, position in `requires`).
type Edges = Vec<Vec<(usize, usize)>>;

struct Findings {
    /// (item, position in its `requires`, the cycle as item indices starting at the required one).
    cycles: Vec<(usize, usize, Vec<usize>)>,
    /// For items outside cycles that depend on one: the position in `requires` that leads
    /// there, and the item required there.
    blocked: Vec<Option<(usize, usize)>>,
}

pub fn check(ctx: &mut Ctx<'_>, file: &GuideFile) {
    let guides: Vec<&str> = file.guides.iter().map(|g| g.id.as_str()).collect();
    let edges = edges_of(&guides, file.guides.iter().map(|g| &g.requires));
    report(ctx, &edges, &guides, "guide", |i| format!("/guides/{i}"));
    for (g, guide) in file.guides.iter().enumerate() {
        let steps: Vec<&str> = guide.steps.iter().map(|s| s.id.as_str()).collect();
        let edges = edges_of(&steps, guide.steps.iter().map(|s| &s.requires));
        report(ctx, &edges, &steps, "step", |i| {
            format!("/guides/{g}/steps/{i}")
        });
        variants(ctx, g, guide);
    }
}

fn edges_of<'a>(ids: &[&str], requires: impl Iterator<Item = &'a Vec<String>>) -> Edges {
    requires
        .enumerate()
        .map(|(i, reqs)| {
            reqs.iter()
                .enumerate()
                .filter_map(|(k, r)| Some((ids.iter().position(|id| id == r)?, k)))
                .filter(|(j, _)| *j != i) // requiring itself is reported on its own
                .collect()
        })
        .collect()
}

fn report(
    ctx: &mut Ctx<'_>,
    edges: &Edges,
    ids: &[&str],
    what: &str,
    at: impl Fn(usize) -> String,
) {
    let found = analyse(edges);
    for (i, k, cycle) in &found.cycles {
        let mut names: Vec<String> = cycle.iter().map(|c| format!("`{}`", ids[*c])).collect();
        names.push(format!("`{}`", ids[cycle[0]]));
        ctx.error(
            "cycle",
            &format!("{}/requires/{k}", at(*i)),
            format!("{what}s require each other in a cycle ({}): none of them can ever start; remove one of these `requires`", names.join(" → ")),
        );
    }
    for (i, k) in found.blocked.iter().enumerate() {
        if let Some(k) = k {
            let (k, via) = (k.0, ids[k.1]);
            let p = format!("{}/requires/{k}", at(i));
            ctx.error("unreachable", &p, format!("{what} `{}` can never start: it requires `{via}`, which waits on a prerequisite cycle", ids[i]));
        }
    }
}

/// Iterative depth-first search (a long chain of `requires` must not exhaust the stack).
fn analyse(edges: &Edges) -> Findings {
    let n = edges.len();
    let mut colour = vec![0u8; n]; // 0 unseen, 1 on the stack, 2 done
    let mut in_cycle = vec![false; n];
    let mut cycles = Vec::new();
    for root in 0..n {
        if colour[root] != 0 {
            continue;
        }
        let mut stack: Vec<(usize, usize)> = vec![(root, 0)];
        colour[root] = 1;
        while let Some(&mut (node, ref mut next)) = stack.last_mut() {
            let Some(&(target, k)) = edges[node].get(*next) else {
                colour[node] = 2;
                stack.pop();
                continue;
            };
            *next += 1;
            match colour[target] {
                0 => {
                    colour[target] = 1;
                    stack.push((target, 0));
                }
                1 => {
                    let from = stack.iter().position(|(x, _)| *x == target).unwrap_or(0);
                    let cycle: Vec<usize> = stack[from..].iter().map(|(x, _)| *x).collect();
                    cycle.iter().for_each(|c| in_cycle[*c] = true);
                    cycles.push((node, k, cycle));
                }
                _ => {}
            }
        }
    }
    // Items that (transitively) require an item of a cycle, by fixed point.
    let mut waits = in_cycle.clone();
    let mut blocked = vec![None; n];
    let mut changed = true;
    while changed {
        changed = false;
        for i in 0..n {
            if waits[i] {
                continue;
            }
            if let Some(&(t, k)) = edges[i].iter().find(|(t, _)| waits[*t]) {
                waits[i] = true;
                blocked[i] = Some((k, t));
                changed = true;
            }
        }
    }
    Findings { cycles, blocked }
}

fn variants(ctx: &mut Ctx<'_>, g: usize, guide: &Guide) {
    let lists: Vec<&Vec<String>> = guide
        .variants
        .iter()
        .filter_map(|v| v.steps.as_ref())
        .collect();
    if guide.variants.is_empty() || lists.len() < guide.variants.len() {
        return;
    }
    for (s, step) in guide.steps.iter().enumerate() {
        if !lists.iter().any(|l| l.contains(&step.id)) {
            ctx.warn(
                "unreachable",
                &format!("/guides/{g}/steps/{s}"),
                format!(
                    "no variant shows step `{}`: add it to a variant's `steps` or remove it",
                    step.id
                ),
            );
        }
    }
    for (v, variant) in guide.variants.iter().enumerate() {
        for (i, id) in variant.steps.iter().flatten().enumerate() {
            let Some(step) = guide.steps.iter().find(|s| s.id == *id) else {
                continue;
            };
            if let Some(missing) = step
                .requires
                .iter()
                .find(|r| !variant.steps.iter().flatten().any(|x| x == *r))
            {
                ctx.warn(
                    "unreachable",
                    &format!("/guides/{g}/variants/{v}/steps/{i}"),
                    format!("variant `{}` shows step `{id}` but not `{missing}`, which it requires: it can never start in this variant", variant.id),
                );
            }
        }
    }
}
