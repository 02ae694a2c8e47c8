/**
 * Hostile servers and addresses at the fetch layer (only loopback servers are ever contacted):
 * every spelling of a private or loopback target refused before a request is sent, on the first
 * hop and on a redirect; a body trickled byte by byte cut off by the read deadline; and DNS answers
 * that change between the check and the connection (rebinding) never let a connection through to
 * an address that was not checked.
 */
import { describe, expect, it } from 'vitest';
import { fetchHarness } from '../helpers/fetch-harness.ts';

const { serve, client, fetchError } = fetchHarness({});

describe('SSRF: every spelling of a private target', () => {
  // all of these name the loopback server of the test, or another private address; none may be reached
  const forms = (port: number) => [
    `http://127.0.0.1:${port}/`,
    `http://2130706433:${port}/`, // decimal
    `http://0x7f000001:${port}/`, // hex
    `http://0x7f.0.0.1:${port}/`, // hex octet
    `http://0177.0.0.1:${port}/`, // octal
    `http://0177.0000.0000.0001:${port}/`,
    `http://127.1:${port}/`, // short
    `http://[::1]:${port}/`,
    `http://[::ffff:127.0.0.1]:${port}/`, // IPv4-mapped IPv6
    `http://[::ffff:7f00:1]:${port}/`,
    `http://[0:0:0:0:0:ffff:127.0.0.1]:${port}/`,
    `http://0.0.0.0:${port}/`,
    `http://0:${port}/`,
    `http://169.254.169.254/latest/meta-data/`, // link-local: cloud metadata
    `http://[fe80::1]:${port}/`,
    `http://10.0.0.1:${port}/`,
    `http://192.168.0.1:${port}/`,
    `http://100.64.0.1:${port}/`,
    `http://[fd00::1]:${port}/`,
  ];

  it('each is refused (permanent refused_address) without a request', async () => {
    const s = await serve((_req, res) => res.end('secret'));
    const c = client({ connectTimeoutMs: 1000 });
    const got: string[] = [];
    for (const url of forms(s.port)) {
      const err = await fetchError(c.get(url));
      if (err.kind !== 'permanent' || err.reason !== 'refused_address') got.push(`${url}: ${err.reason} ${err.message}`);
    }
    expect(got).toEqual([]);
    expect(s.requests).toEqual([]);
  });

  it('a redirect into any of them is refused at that hop', async () => {
    let target = '';
    const s = await serve((req, res) => {
      if (req.url === '/start') {
        res.writeHead(302, { location: target });
        res.end();
      } else res.end('secret');
    });
    // the test server itself stands in for a public host
    const c = client({ allowedAddresses: ['127.0.0.1'], connectTimeoutMs: 1000 });
    // (the spellings of 127.0.0.1 itself are that stand-in: the others must be refused)
    const others = forms(s.port).filter((u) => new URL(u).hostname !== '127.0.0.1');
    expect(others.length).toBeGreaterThan(8);
    for (const url of others) {
      target = url;
      const err = await fetchError(c.get(`${s.origin}/start`));
      expect(err.reason, url).toBe('refused_address');
    }
    expect(s.requests.every((r) => r.url === '/start')).toBe(true);
  });
});

describe('slow and trickling responses', () => {
  it('a body trickled one byte every 100 ms is cut off by the read deadline, not read for ever', async () => {
    const s = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      const t = setInterval(() => res.write('<'), 100);
      res.on('close', () => clearInterval(t));
    });
    const t0 = Date.now();
    const err = await fetchError(client({ allowPrivate: true, readTimeoutMs: 800 }).get(`${s.origin}/trickle`));
    expect(err).toMatchObject({ kind: 'transient', reason: 'timeout' });
    expect(Date.now() - t0).toBeLessThan(2500);
  });

  it('headers trickled slowly are under the same deadline', async () => {
    const s = await serve((req, res) => {
      // flush the status line, then hold the connection open without finishing the headers
      res.socket?.write('HTTP/1.1 200 OK\r\nx-a: 1\r\n');
      const t = setInterval(() => res.socket?.write('x-b: 2\r\n'), 100);
      req.on('close', () => clearInterval(t));
    });
    const t0 = Date.now();
    const err = await fetchError(client({ allowPrivate: true, readTimeoutMs: 800 }).get(`${s.origin}/slow-headers`));
    expect(err.kind).toBe('transient');
    expect(Date.now() - t0).toBeLessThan(2500);
  });
});

describe('DNS answers that change between the check and the connection', () => {
  it('a name first resolving to an allowed address, then to a private one: the connection goes to the checked address, and the name is resolved once per request', async () => {
    const s = await serve((req, res) => res.end(`host=${req.headers.host}`));
    const answers: string[] = [];
    // 127.0.0.1 stands in for a public address (allowedAddresses); later answers say 10.0.0.7
    const c = client({
      allowedAddresses: ['127.0.0.1'],
      resolve: async () => {
        const address = answers.length === 0 ? '127.0.0.1' : '10.0.0.7';
        answers.push(address);
        return [{ address, family: 4 }];
      },
    });
    const res = await c.get(`http://rebind.test:${s.port}/x`);
    expect(res.body.toString()).toBe(`host=rebind.test:${s.port}`);
    expect(answers).toEqual(['127.0.0.1']); // no second lookup at connect time
    // the next request sees the new answer, checks it, and is refused before connecting
    const err = await fetchError(c.get(`http://rebind.test:${s.port}/y`));
    expect(err).toMatchObject({ reason: 'refused_address' });
    expect(err.message).toContain('rebind.test -> 10.0.0.7 (private address)');
    expect(s.requests.map((r) => r.url)).toEqual(['/x']);
  });

  it('a first answer that is private is refused even if a later one would be allowed', async () => {
    const s = await serve((_req, res) => res.end('secret'));
    let n = 0;
    const c = client({
      allowedAddresses: ['127.0.0.1'],
      resolve: async () => [{ address: n++ === 0 ? '169.254.169.254' : '127.0.0.1', family: 4 }],
    });
    const err = await fetchError(c.get(`http://rebind.test:${s.port}/`));
    expect(err.reason).toBe('refused_address');
    expect(n).toBe(1);
    expect(s.requests).toEqual([]);
  });
});
