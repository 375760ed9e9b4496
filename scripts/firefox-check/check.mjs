// The web page in Firefox: opens a finished job's page, waits for the hit table with every structure
// drawn and the histogram, sorts by MW, checks the order, fails on any page error; keeps screenshots.
import puppeteer from 'puppeteer-core';

const [url, out] = process.argv.slice(2);
const browser = await puppeteer.launch({ browser: 'firefox', executablePath: process.env.FIREFOX || '/usr/bin/firefox-esr', headless: true });
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  const errors = [];
  page.on('pageerror', e => errors.push(String(e)));
  page.on('console', m => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(url);
  await page.waitForSelector('#hits tbody tr', { timeout: 60000 });
  await page.waitForFunction(() => [...document.querySelectorAll('#hits img.structure')].every(i => i.complete && i.naturalWidth > 0), { timeout: 60000 });
  const rows = await page.$$eval('#hits tbody tr', r => r.length);
  const histogram = await page.$eval('#histogram svg', s => s.getAttribute('aria-label'));
  await page.screenshot({ path: `${out}/firefox-job.png` });
  await page.click("th[data-key='mw'] button");
  const mw = await page.$$eval('#hits tbody tr', trs => {
    const index = [...document.querySelectorAll('#hits thead th')].findIndex(th => th.dataset.key === 'mw');
    return trs.map(tr => Number(tr.children[index].textContent));
  });
  await page.$eval('#hits-card', e => e.scrollIntoView());
  await page.screenshot({ path: `${out}/firefox-hits-by-mw.png` });
  const sorted = mw.every((v, i) => i === 0 || mw[i - 1] >= v);
  console.log(JSON.stringify({ browser: await browser.version(), rows, histogram, sorted, errors }));
  if (rows < 1 || !histogram || !sorted || errors.length) {
    console.error('firefox-check: FAILED');
    process.exitCode = 1;
  }
} finally {
  await browser.close();
}
