/**
 * Debian's chromium driven by playwright-core, for tests that look at a page as a person would.
 * No browser download: the system binary (`apt-get install chromium`; .ci/run installs it). When it
 * is missing the test fails and says so: it never skips.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

/** Flags for a quiet, offline, throwaway browser (the profile is a fresh temp folder). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Browser {
  context: BrowserContext;
  /** Closes the browser and removes its profile folder; safe to call twice. */
  close(): Promise<void>;
}

export async function launchChromium(viewport = { width: 1280, height: 720 }): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`[chromium] ${CHROMIUM} not found: install Debian's chromium (apt-get install -y chromium; .ci/run does it)`);
  }
  const profile = await mkdtemp(join(tmpdir(), 'newsnlp-chromium-'));
  // launchPersistentContext passes the profile as --user-data-dir (playwright refuses it in args)
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport,
    offline: true,
  });
  let closed = false;
  return {
    context,
    async close() {
      if (closed) return;
      closed = true;
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
