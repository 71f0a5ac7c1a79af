import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { serve } from '../../src/cli/serve.ts';

describe('serve', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-serve-'));
  writeFileSync(join(dir, 'index.html'), '<p>home</p>');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('asks `before` first, and serves the files for whatever it leaves', async () => {
    const server = await serve(dir, {
      before: (request, response) => {
        if (request.url !== '/ping') return false;
        response.end('pong');
        return true;
      },
    });
    try {
      expect(await (await fetch(`${server.url}ping`)).text()).toBe('pong');
      expect(await (await fetch(server.url)).text()).toBe('<p>home</p>');
      expect((await fetch(`${server.url}missing`)).status).toBe(404);
    } finally {
      await server.close();
    }
  });
});
