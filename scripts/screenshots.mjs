// Makes the README's screenshots from the release build (dist/), so that they stay current:
//   make screenshots   (or: scripts/build.sh && node scripts/screenshots.mjs)
import { chromium } from "playwright-core";
import { startServer } from "./serve.mjs";

const port = 8383;
const shots = [
  { file: "overview.png", query: "", width: 1280, height: 1000 },
  { file: "timeline.png", query: "?view=timeline", width: 1280, height: 1100 },
  { file: "province-map.png", query: "?view=map", width: 1280, height: 900 },
  { file: "partner-network.png", query: "?view=partners", width: 1280, height: 1100 },
  { file: "phone.png", query: "?view=themes&theme=theme-health", width: 390, height: 844, mobile: true },
  { file: "lao.png", query: "?view=timeline&lang=lo&item=ev-2022-strategy-launch", width: 1280, height: 900 },
  // The story and the labelled drawings, in both languages, at desktop and phone width.
  ...["story&step=17", "timeline", "map"].flatMap((view) =>
    ["en", "lo"].flatMap((lang) => [
      { file: `${view.split("&")[0]}-${lang}-desktop.png`, query: `?view=${view}&lang=${lang}`, width: 1280, height: 900 },
      { file: `${view.split("&")[0]}-${lang}-phone.png`, query: `?view=${view}&lang=${lang}`, width: 390, height: 844, mobile: true },
    ]),
  ),
  // The snapshot editor: an event with an impossible date typed in, its problem beside the field
  // and in the list; and the translation workbench.
  ...["en", "lo"].flatMap((lang) => [
    { file: `editor-${lang}-desktop.png`, page: "edit.html", query: `?lang=${lang}`, width: 1280, height: 1000, prepare: impossibleDate },
    { file: `editor-${lang}-phone.png`, page: "edit.html", query: `?lang=${lang}`, width: 390, height: 844, mobile: true, prepare: impossibleDate },
  ]),
  { file: "editor-workbench.png", page: "edit.html", query: "", width: 1280, height: 900, prepare: workbench },
];

async function impossibleDate(page) {
  await page.locator(".collections li button").nth(4).click();
  await page.locator(".item-list li button").nth(2).click();
  await page.locator("#f-date").fill("2021-02-30");
  await page.locator(".problems li").first().waitFor();
  await page.locator("#f-date").evaluate((input) => input.scrollIntoView({ block: "center" }));
}

async function workbench(page) {
  await page.locator(".workbench-button").click();
  await page.locator(".workbench select").selectOption("unreviewed");
  await page.locator("#wb-0-lo").focus();
}

const server = await startServer("dist", port);
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
try {
  for (const shot of shots.filter((s) => !process.env.ONLY || s.file.startsWith(process.env.ONLY))) {
    const page = await browser.newPage({ viewport: { width: shot.width, height: shot.height }, isMobile: !!shot.mobile });
    await page.goto(`http://127.0.0.1:${port}/${shot.page ?? ""}${shot.query}`);
    await page.locator(shot.page ? ".editor .problems" : "main h1").first().waitFor();
    if (shot.prepare) await shot.prepare(page);
    await page.evaluate(() => document.fonts.ready);
    await page.waitForTimeout(300);
    await page.screenshot({ path: `docs/screenshots/${shot.file}` });
    await page.close();
    console.log(`docs/screenshots/${shot.file}`);
  }
} finally {
  await browser.close();
  server.close();
}
