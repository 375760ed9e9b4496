// How long a job's page takes in Firefox: first hit rows shown, a sort over the whole list, the next page.
//   node scripts/firefox-check/timing.mjs 'http://127.0.0.1:8090/#/jobs/<id>'   (after npm ci in this folder)
import puppeteer from 'puppeteer-core';

const [url] = process.argv.slice(2);
const browser = await puppeteer.launch({ browser: 'firefox', executablePath: process.env.FIREFOX || '/usr/bin/firefox-esr', headless: true });
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  const start = Date.now();
  await page.goto(url);
  await page.waitForSelector('#hits tbody tr', { timeout: 120000 });
  const shown = Date.now();
  await page.click("th[data-key='mw'] button");
  await page.waitForFunction(() => document.querySelector("th[data-key='mw']").getAttribute('aria-sort') === 'descending');
  const sorted = Date.now();
  await page.click('#page-next');
  const next = Date.now();
  console.log(JSON.stringify({ firstRowsMs: shown - start, sortMs: sorted - shown, nextPageMs: next - sorted,
    page: await page.$eval('#page-text', e => e.textContent) }));
} finally {
  await browser.close();
}
