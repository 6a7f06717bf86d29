/**
 * Renders the app icons in public/icons/ from their SVG sources to the PNG sizes the web app
 * manifest lists (192 and 512 px; maskable 512 px), with the system Chromium — no image library.
 *
 * Usage: npx tsx scripts/make-icons.ts   (CHROMIUM_PATH overrides /usr/bin/chromium)
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

const ICONS = fileURLToPath(new URL('../public/icons/', import.meta.url));
const OUTPUTS: [source: string, output: string, size: number][] = [
  ['icon.svg', 'icon-192.png', 192],
  ['icon.svg', 'icon-512.png', 512],
  ['icon-maskable.svg', 'icon-maskable-512.png', 512],
];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  for (const [source, output, size] of OUTPUTS) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const svg = readFileSync(`${ICONS}${source}`, 'utf8');
    await page.setContent(
      `<style>html,body{margin:0}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`,
    );
    await page.screenshot({ path: `${ICONS}${output}`, omitBackground: true });
    await page.close();
    console.log(`public/icons/${output} (${size}×${size})`);
  }
} finally {
  await browser.close();
}
