// Retries an assertion until it passes or the time is up (the DOM and the network settle
// asynchronously); the last failure is what the test reports.
export async function eventually(assertion, timeoutMs = 5000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await assertion();
    } catch (e) {
      if (Date.now() > until) throw e;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}
