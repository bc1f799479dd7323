import { chromium } from "playwright-core";
const base = process.env.BASE ?? "http://127.0.0.1:8390/";
const out = process.env.OUT ?? "/tmp/shots";
const views = (process.env.VIEWS ?? "overview,themes,timeline,map,partners,sources").split(",");
const langs = (process.env.LANGS ?? "lo").split(",");
const extra = process.env.EXTRA ?? "";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox","--disable-gpu","--disable-background-networking","--disable-component-update","--disable-sync"] });
for (const [name, vp] of [["desktop", { width: 1280, height: 800 }], ["phone", { width: 360, height: 780 }]]) {
  const ctx = await browser.newContext({ viewport: vp, deviceScaleFactor: 1, isMobile: name === "phone" });
  const page = await ctx.newPage();
  for (const lang of langs) for (const view of views) {
    await page.goto(`${base}?view=${view}&lang=${lang}${extra}`);
    await page.waitForTimeout(1200);
    await page.screenshot({ path: `${out}/${view}-${lang}-${name}.png`, fullPage: process.env.FULL === "1" });
  }
  await ctx.close();
}
await browser.close();
