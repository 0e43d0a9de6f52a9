// Deterministic onboarding events for dashboard tests: treatment users who move through a
// three-step guide with drop-off, holdout users, traits and accounts, spread over 10 days.
const DAY = 86_400_000;

function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// The demo's guide (www/guides.json), named as the widget names it in every event.
const GUIDE = { guide_id: 'first-project', guide_title: 'Get started' };
const STEPS = ['create-project', 'invite-teammate', 'share-report'];
const TITLES = { 'create-project': 'Create your first project', 'invite-teammate': 'Invite a teammate', 'share-report': 'Share your first report' };
const ACCOUNTS = ['acme', 'globex', 'initech', 'umbrella', 'hooli'];

/** Segment messages for `users` people; returns {messages, expected} with a few known counts. */
export function onboardingMessages({ users = 120, holdoutShare = 0.2, now = Date.now(), seed = 7 } = {}) {
  const random = rng(seed);
  const messages = [];
  const expected = { treatment: 0, holdout: 0, started: 0, completedFirstStep: 0, dismissed: 0, dismissedVia: {}, missingTarget: 0, invalidFile: 0, replayed: 0 };
  let n = 0;
  const msg = (user, type, t, fields) => messages.push({
    type, messageId: `dash-${seed}-${n++}`, userId: user, anonymousId: `anon-${user}`,
    timestamp: new Date(t).toISOString(), context: { library: { name: 'wowpath', version: '0.1.0' } }, ...fields,
  });
  for (let i = 0; i < users; i++) {
    const user = `user-${String(i).padStart(3, '0')}`;
    const account = ACCOUNTS[i % ACCOUNTS.length];
    const plan = random() < 0.5 ? 'trial' : 'team';
    let t = now - (1 + random() * 9) * DAY;
    const holdout = random() < holdoutShare;
    const group = holdout ? 'holdout' : 'treatment';
    expected[group]++;
    msg(user, 'identify', t, { traits: { plan, account, email: `${user}@example.com` } });
    msg(user, 'group', t, { groupId: account, traits: { name: account.toUpperCase(), seats: 5 + (i % 7) } });
    msg(user, 'track', t, { event: 'Onboarding Group Assigned', properties: { group } });
    if (i % 40 === 7) {
      msg(user, 'track', t, { event: 'Onboarding Guide Config Invalid', properties: { source: '/guides-beta.json', errors: '1', first_error: 'guides[0].steps[2].anchor: expected a CSS selector', group } });
      expected.invalidFile++;
    }
    let wowChance = holdout ? 0.3 : 0.35;
    if (!holdout) {
      expected.started++;
      msg(user, 'track', t, { event: 'Onboarding Guide Started', properties: { ...GUIDE, group } });
      // Every tenth person's page lacks the share button the last step points at.
      if (i % 10 === 3) {
        msg(user, 'track', t, { event: 'Onboarding Target Missing', properties: { ...GUIDE, step_id: 'share-report', step_title: TITLES['share-report'], selector: '#share-report', url: '/reports', hidden_matches: 0, group } });
        expected.missingTarget++;
      }
      for (const [index, step] of STEPS.entries()) {
        msg(user, 'track', t, { event: 'Onboarding Step Viewed', properties: { ...GUIDE, step_id: step, step_title: TITLES[step], step_index: index } });
        if (random() < 0.25) {
          // Those who stop close the tour, in one of three ways.
          const via = ['outside', 'close', 'escape'][i % 3];
          msg(user, 'track', t + 1000, { event: 'Onboarding Guide Dismissed', properties: { ...GUIDE, step_id: step, step_title: TITLES[step], via, group } });
          expected.dismissed++;
          // Every fifth of them comes back for the tour later.
          if (i % 5 === 0) {
            msg(user, 'track', t + 60_000, { event: 'Onboarding Guide Replayed', properties: { ...GUIDE, group } });
            expected.replayed++;
          }
          expected.dismissedVia[via] = (expected.dismissedVia[via] || 0) + 1;
          break;
        }
        t += (2 + random() * 30) * 60_000 * (index + 1);
        msg(user, 'track', t, { event: 'Onboarding Step Completed', properties: { ...GUIDE, step_id: step, step_title: TITLES[step], step_index: index, group } });
        if (index === 0) expected.completedFirstStep++;
        wowChance += 0.15;
        if (index === STEPS.length - 1) msg(user, 'track', t, { event: 'Onboarding Guide Completed', properties: { ...GUIDE, group } });
      }
    }
    if (random() < wowChance) {
      const took = (5 + random() * 600) * 60_000;
      msg(user, 'track', t + took, { event: 'Onboarding Wow Reached', properties: { time_to_wow_ms: took, group } });
    }
  }
  return { messages, expected };
}

/** Posts the messages to a collector in batches of 100. */
export async function sendAll(url, messages, writeKey = 'demo') {
  for (let i = 0; i < messages.length; i += 100) {
    const res = await fetch(`${url}/v1/batch`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ batch: messages.slice(i, i + 100), sentAt: new Date().toISOString(), writeKey }),
    });
    const body = await res.json();
    if (res.status !== 200 || !body.success) throw new Error(`seeding failed: ${res.status} ${JSON.stringify(body)}`);
  }
}
