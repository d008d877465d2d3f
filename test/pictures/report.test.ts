/**
 * The HTML report, opened in a real headless browser (Debian's chromium driven by playwright-core):
 * it must render its diagrams (inline <svg> with non-zero boxes) with no console errors and no
 * network. Skipped only outside CI when /usr/bin/chromium is absent; under CI=true (where .ci/run
 * installs chromium) a missing browser fails the test instead of skipping it.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers.ts';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
const inCI = Boolean(process.env.CI);
if (!hasChromium && !inCI) console.warn(`report browser test skipped: ${CHROMIUM} not found (install Debian's chromium: apt-get install -y chromium)`);
/** Where the screenshot goes (not committed). */
export const SCREENSHOT_DIR = join(tmpdir(), 'afterlife-report');

describe('afterlife report', () => {
  const dir = mkdtempSync(join(tmpdir(), 'afl-report-'));
  const file = join(dir, 'report.html');

  it('writes one self-contained HTML file', async () => {
    const r = await runCli(['report', 'paper/running-example', '--out', file]);
    expect(r.code).toBe(0);
    const html = readFileSync(file, 'utf8');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).not.toMatch(/<script|<link |src="http|href="http/);
    expect(html).toContain('<details><summary>Mermaid source');
    expect(html).toContain('class="claims"');
    expect(html).toContain("race: W[1] write 'record' has no path to the response");
  });

  it.skipIf(!hasChromium && !inCI)('renders its diagrams in headless chromium without console errors', async () => {
    const userDataDir = mkdtempSync(join(tmpdir(), 'afl-chromium-'));
    const args = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
    const context = await chromium.launchPersistentContext(userDataDir, { executablePath: CHROMIUM, args, viewport: { width: 1300, height: 1000 } });
    try {
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('console', (m) => void (m.type() === 'error' && problems.push(m.text())));
      page.on('pageerror', (e) => void problems.push(e.message));
      page.on('request', (r) => void (!r.url().startsWith('file:') && !r.url().startsWith('data:') && problems.push(`network: ${r.url()}`)));
      await page.goto(`file://${file}`);
      const boxes: { w: number; h: number }[] = await page.evaluate(
        '[...document.querySelectorAll("svg")].map((s) => { const b = s.getBoundingClientRect(); return { w: b.width, h: b.height }; })',
      );
      // counterexamples (one per distinct run) + promise graph + state graph
      expect(boxes.length).toBeGreaterThanOrEqual(3);
      expect(boxes.every((b) => b.w > 50 && b.h > 50)).toBe(true);
      expect(problems).toEqual([]);
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      await page.screenshot({ path: join(SCREENSHOT_DIR, 'report.png') });
    } finally {
      await context.close();
    }
  });
});
