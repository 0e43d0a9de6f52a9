// Helpers for the event delivery suites: a page of tests/pages/events.html pointed at an
// endpoint, and queries of the collector's SQLite file by the `n` each generated event carries.
export const eventsUrl = (collector, options) => `${collector.url}/events.html?${new URLSearchParams(options)}`;

export async function openEvents(context, url) {
  const page = await context.newPage();
  const consoleMessages = [];
  page.on('console', (m) => consoleMessages.push({ type: m.type(), text: m.text() }));
  page.on('pageerror', (e) => consoleMessages.push({ type: 'pageerror', text: String(e) }));
  await page.goto(url);
  await page.waitForFunction(() => window.wowpath.loaded === true);
  return { page, consoleMessages };
}

/** Tracks `name` once for each n in [from, to), synchronously in the page. */
export const trackRange = (page, name, from, to, extra = {}) =>
  page.evaluate(
    ({ name, from, to, extra }) => {
      for (let n = from; n < to; n++) window.wowpath('track', name, { n, ...extra });
    },
    { name, from, to, extra },
  );

/** The `n` of every stored event called `name`, with how many rows each has. */
export const storedNs = (collector, name) =>
  collector.query(
    `SELECT json_extract(raw, '$.properties.n') AS n, COUNT(*) AS copies FROM events WHERE event = '${name}' GROUP BY n ORDER BY n`,
  );

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
