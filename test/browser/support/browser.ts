// Debian's chromium driven by playwright-core: never a downloaded browser. CHROMIUM_PATH
// overrides the binary. A page records its console errors and uncaught exceptions, so a
// test can say "this page logged nothing".
import { chromium, type Browser, type Page } from 'playwright-core';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export interface WatchedPage { page: Page; errors: string[] }

/** A new page whose console errors and page errors are collected in `errors`. */
export async function watchedPage(browser: Browser, options: { colorScheme?: 'light' | 'dark' } = {}): Promise<WatchedPage> {
  const page = await browser.newPage({ colorScheme: options.colorScheme ?? 'light' });
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${page.url()}: console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
  return { page, errors };
}
