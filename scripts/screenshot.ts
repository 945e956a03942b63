// Dev helper: screenshot pages of the running preview server.
// Usage: node scripts/screenshot.ts <path> <out.png> [width] [dark|light] [print]
import { chromium } from '@playwright/test';

const [path = '/', out = '/tmp/shot.png', width = '1280', theme = 'light', media] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
const page = await browser.newPage({
  viewport: { width: Number(width), height: 900 },
  colorScheme: theme === 'dark' ? 'dark' : 'light',
});
if (media === 'print') await page.emulateMedia({ media: 'print' });
await page.goto(`http://127.0.0.1:4321${path}`);
if (process.env.SCROLL) await page.evaluate((y) => window.scrollTo(0, y), Number(process.env.SCROLL));
await page.screenshot({ path: out, fullPage: !process.env.SCROLL && media !== 'print' });
await browser.close();
