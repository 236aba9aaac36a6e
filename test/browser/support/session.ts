// One static server over dist/ and one Chromium per test file, opened before the tests and
// closed after them.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './browser.ts';
import { serveDist, type StaticServer } from './server.ts';

export interface SiteSession { readonly server: StaticServer; readonly browser: Browser }

export function openSite(): SiteSession {
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await serveDist();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get server() { return server!; },
    get browser() { return browser!; },
  };
}
