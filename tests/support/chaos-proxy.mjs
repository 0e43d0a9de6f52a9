// A real HTTP server in front of the real collector that misbehaves on purpose. Each
// `POST /v1/batch` gets the fault that `proxy.plan(body)` names; everything else (pages, the
// widget) is passed through, so a page can also be served from the proxy's own origin.
//
//   pass         forward to the collector, answer with its answer
//   500          answer 500 without forwarding
//   stored-503   forward (the events are stored), then answer 503: the client must resend
//   429          answer 429, Retry-After: 1 (seconds)
//   429-date     answer 429, Retry-After as an HTTP date one second ahead
//   413          answer 413 without forwarding
//   400          answer 400 without forwarding
//   slow         wait 0.6 s, then forward
//   hang         never answer (the client's timeout must fire)
//   reset        destroy the connection without an answer
//
// `down()` closes the port (connections are refused) until `up()`. `pageHeaders` are added to
// every passed-through page (the benchmark makes its page cross-origin isolated with them,
// for a finer `performance.now()`).
import http from 'node:http';

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': '*',
  'access-control-allow-methods': 'GET, POST, OPTIONS',
  'access-control-expose-headers': 'Retry-After',
};

export async function startChaosProxy(target, { pageHeaders = {} } = {}) {
  const sockets = new Set();
  const proxy = {
    url: '',
    plan: () => 'pass',
    /** Every batch request: its fault, message ids, write key, size and headers. */
    requests: [],
    preflights: 0,
    faults: {},
    down,
    up,
    stop,
  };
  let port = 0;
  let server;

  const forward = async (req, body) => {
    const headers = { 'content-type': req.headers['content-type'] || 'text/plain' };
    if (req.headers['content-encoding']) headers['content-encoding'] = req.headers['content-encoding'];
    const r = await fetch(`${target}${req.url}`, { method: req.method, headers, body: req.method === 'POST' ? body : undefined });
    return { status: r.status, type: r.headers.get('content-type'), body: Buffer.from(await r.arrayBuffer()) };
  };

  const handle = async (req, res) => {
    const chunks = [];
    for await (const c of req) chunks.push(c);
    const body = Buffer.concat(chunks);
    if (req.method === 'OPTIONS') {
      proxy.preflights += 1;
      res.writeHead(204, CORS).end();
      return;
    }
    if (!(req.method === 'POST' && req.url.startsWith('/v1/batch'))) {
      const r = await forward(req, body);
      res.writeHead(r.status, { 'content-type': r.type || 'application/octet-stream', ...pageHeaders }).end(r.body);
      return;
    }
    const fault = proxy.plan(body) || 'pass';
    proxy.faults[fault] = (proxy.faults[fault] || 0) + 1;
    let ids = [];
    let writeKey;
    try {
      const parsed = JSON.parse(body.toString('utf8'));
      ids = parsed.batch.map((m) => m.messageId);
      writeKey = parsed.writeKey;
    } catch {
      // gzip or damaged: the collector decides
    }
    proxy.requests.push({ fault, ids, writeKey, bytes: body.length, headers: req.headers });
    const answer = (status, extra = {}, text = '') => res.writeHead(status, { ...CORS, ...extra }).end(text);
    switch (fault) {
      case '500':
      case '413':
      case '400':
        return answer(Number(fault), {}, `{"error":"injected ${fault}"}`);
      case '429':
        return answer(429, { 'retry-after': '1' });
      case '429-date':
        return answer(429, { 'retry-after': new Date(Date.now() + 1000).toUTCString() });
      case 'hang':
        return; // the socket is destroyed by the client's timeout, or by stop()
      case 'reset':
        return req.socket.destroy();
      case 'slow':
        await new Promise((r) => setTimeout(r, 600));
        break;
      default:
        break;
    }
    const r = await forward(req, body);
    if (fault === 'stored-503') return answer(503);
    res.writeHead(r.status, { ...CORS, 'content-type': 'application/json' }).end(r.body);
  };

  function listen() {
    server = http.createServer((req, res) =>
      handle(req, res).catch(() => {
        res.destroy();
      }),
    );
    server.keepAliveTimeout = 500;
    server.on('connection', (s) => {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    });
    return new Promise((ok, fail) => {
      server.once('error', fail);
      server.listen(port, '127.0.0.1', () => {
        port = server.address().port;
        proxy.url = `http://127.0.0.1:${port}`;
        ok();
      });
    });
  }

  async function down() {
    const closed = new Promise((r) => server.close(r));
    for (const s of sockets) s.destroy();
    await closed;
  }

  async function up() {
    for (let i = 0; ; i++) {
      try {
        return await listen();
      } catch (e) {
        if (i > 50) throw e;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  }

  async function stop() {
    if (server.listening) await down();
  }

  await listen();
  return proxy;
}
