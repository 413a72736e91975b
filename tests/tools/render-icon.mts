// Renders resources/icon.svg to the PNG electron-builder packages (run after editing the SVG).
import { readFileSync, writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../e2e/chromium';

const svg = readFileSync('resources/icon.svg', 'utf8');
const browser = await chromium.launch(chromiumLaunchOptions());
const page = await browser.newPage({ viewport: { width: 512, height: 512 } });
await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
writeFileSync('resources/icon.png', await page.locator('svg').screenshot({ omitBackground: true }));
await browser.close();
