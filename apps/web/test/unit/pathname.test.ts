import { describe, expect, it } from 'vitest';
import { pathnameOf } from '../../server/http/pathname.ts';

describe('pathnameOf', () => {
  it.each([
    ['/api/machines/heartbeat', '/api/machines/heartbeat'],
    ['/api/tickets?status=open&q=impressora', '/api/tickets'],
    ['/_next/static/chunks/main-app.js', '/_next/static/chunks/main-app.js'],
    ['/favicon.ico', '/favicon.ico'],
    [undefined, '/'],
    // Anything unusual goes through the URL parser and comes out as it would normalise it.
    ['/api/../api/health', '/api/health'],
    ['/api/./health', '/api/health'],
    ['/machines/%41BC', '/machines/%41BC'],
    ['/_next/static/media/font.12ab.woff2', '/_next/static/media/font.12ab.woff2'],
    ['http://chamados.test/api/health?x=1', '/api/health'],
    ['/api//health', '/api//health'],
  ])('reads %s as %s', (requestUrl, expected) => {
    expect(pathnameOf(requestUrl)).toBe(expected);
    if (requestUrl)
      expect(pathnameOf(requestUrl)).toBe(new URL(requestUrl, 'http://localhost').pathname);
  });
});
