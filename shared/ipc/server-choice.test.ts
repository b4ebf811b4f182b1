import { describe, expect, it } from 'vitest';
import { checkBalieServer, normalizeServerUrl, type HealthAnswer } from './server-choice';

const answer = (status: number, body: unknown): HealthAnswer => ({ status, json: async () => body });
const healthy = { status: 'ok', database: { kind: 'pglite', ok: true }, version: '0.1.0' };

describe('choosing the server on a first run', () => {
  it('takes plain http(s) addresses and keeps them without a trailing slash', () => {
    expect(normalizeServerUrl(' http://127.0.0.1:4870/ ')).toBe('http://127.0.0.1:4870');
    expect(normalizeServerUrl('https://balie.example.org/ind/')).toBe('https://balie.example.org/ind');
  });

  it('refuses other schemes, credentials, queries, fragments and text that is no address', () => {
    for (const typed of ['javascript:alert(1)', 'ftp://server', 'file:///etc/passwd', 'http://user:pw@server', 'http://server/?x=1', 'http://server/#a', 'balie server', '', 'http://']) {
      expect(normalizeServerUrl(typed), typed).toBeNull();
    }
  });

  it("accepts a Balie server's health answer, also a degraded one, and refuses anything else", async () => {
    expect(await checkBalieServer('http://s', async () => answer(200, healthy))).toEqual({ ok: true });
    expect(await checkBalieServer('http://s', async () => answer(503, { ...healthy, status: 'degraded' }))).toEqual({ ok: true });
    expect(await checkBalieServer('http://s', async () => answer(404, { error: 'not-found' }))).toEqual({ ok: false, error: 'not-balie' });
    expect(await checkBalieServer('http://s', async () => answer(200, '<html>'))).toEqual({ ok: false, error: 'not-balie' });
    expect(await checkBalieServer('http://s', async () => Promise.reject(new Error('ECONNREFUSED')))).toEqual({ ok: false, error: 'unreachable' });
  });

  it('asks for the health route under the chosen address', async () => {
    const asked: string[] = [];
    await checkBalieServer('https://balie.example.org/ind', async (url) => (asked.push(url), answer(200, healthy)));
    expect(asked).toEqual(['https://balie.example.org/ind/api/v1/health']);
  });
});
