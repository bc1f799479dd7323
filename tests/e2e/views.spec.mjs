// The timeline, the province map and the partners view, as a visitor uses them.
import { test, expect } from "@playwright/test";
import { readFileSync, mkdirSync } from "node:fs";
import { gotoLive } from "./live.mjs";

const snapshot = JSON.parse(readFileSync("public/data/strategy.json", "utf8"));
const en = (text) => (typeof text === "string" ? text : text.en);
const shots = "tests/e2e/artifacts/screenshots";
mkdirSync(shots, { recursive: true });

// Dates as core/date.rs orders them: by the first day they can mean, the coarser first at equal
// starts; the timeline's keyboard order then breaks ties by id (core/timeline.rs, chronological).
const dateParts = (date) => date.split("-").map(Number);
const dateKey = (date) => {
  const [year, month = 1, day = 1] = dateParts(date);
  return [year, month, day, dateParts(date).length];
};
const compareKeys = (a, b) => a.reduce((found, x, i) => found || x - b[i], 0);
const chronological = [...snapshot.events].sort(
  (a, b) => compareKeys(dateKey(a.date), dateKey(b.date)) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
);
// A date at its own precision in the browser's en-GB words, a span as "start – end" (app/intl.rs).
const formatDate = (date) => {
  const [year, month, day] = dateParts(date);
  const fields = [["year", "numeric"], ["month", "long"], ["day", "numeric"]].slice(0, dateParts(date).length);
  const format = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", ...Object.fromEntries(fields) });
  return format.format(new Date(Date.UTC(year, (month ?? 1) - 1, day ?? 1)));
};
const spoken = (e) => `${e.end && e.end !== e.date ? `${formatDate(e.date)} – ${formatDate(e.end)}` : formatDate(e.date)}: ${en(e.title)}`;

test.describe("timeline", () => {
  test("the list shows every event and project, with year-only dates as years", async ({ page }, info) => {
    await gotoLive(page, "./?view=timeline");
    await expect(page.locator("svg.iom-tl-svg")).toBeVisible();
    await page.screenshot({ path: `${shots}/timeline-en-${info.project.name}.png`, fullPage: true });
    await page.getByRole("button", { name: "List" }).click();
    const events = page.locator(".iom-tl-list ol").first().getByRole("listitem");
    await expect(events).toHaveCount(snapshot.events.length);
    await expect(page.locator(".iom-tl-list ol").nth(1).getByRole("listitem")).toHaveCount(snapshot.projects.length);
    const yearOnly = snapshot.events.find((e) => /^\d{4}$/.test(e.date));
    const row = events.filter({ hasText: en(yearOnly.title) }).first();
    await expect(row.locator("time")).toHaveText(yearOnly.date);
    const inferred = snapshot.events.filter((e) => e.inferred).length;
    await expect(page.locator(".iom-tl-list ol").first().getByText("date inferred")).toHaveCount(inferred);
  });

  test("the timeline is one tab stop: arrows, Home and End move and are announced, Enter opens", async ({ page }) => {
    await gotoLive(page, "./?view=timeline");
    const frame = page.getByRole("group", { name: /Timeline of the events shown/ });
    await frame.focus();
    const [first, second, last] = [chronological[0], chronological[1], chronological.at(-1)];
    await page.keyboard.press("Home");
    const live = page.locator(".iom-timeline [aria-live=polite]");
    await expect(live).toHaveText(spoken(first));
    await page.keyboard.press("ArrowRight");
    await expect(live).toHaveText(spoken(second));
    await page.keyboard.press("ArrowLeft");
    await expect(live).toHaveText(spoken(first));
    await page.keyboard.press("End");
    await expect(live).toHaveText(spoken(last));
    await page.keyboard.press("Enter");
    await expect(page.getByRole("dialog").getByRole("heading", { level: 2 })).toHaveText(en(last.title));
  });

  test("the keyboard's ring and tip stay visible on every event, clustered ones included", async ({ page }) => {
    await gotoLive(page, "./?view=timeline");
    const frame = page.getByRole("group", { name: /Timeline of the events shown/ });
    await frame.focus();
    await page.keyboard.press("Home");
    const ring = page.locator(".iom-tl-svg .iom-active-ring");
    const tip = page.locator(".iom-tl-tip");
    let inClusters = 0;
    for (let i = 0; i < snapshot.events.length; i++) {
      await expect(ring).toBeVisible();
      await expect(tip).toBeVisible();
      if (await ring.evaluate((el) => el.tagName === "rect")) {
        // Drawn around the cluster that holds the event: exactly one cluster lies inside it.
        const box = await ring.boundingBox();
        const inside = await page.locator(".iom-cluster rect").evaluateAll(
          (rects, b) =>
            rects
              .map((r) => r.getBoundingClientRect())
              .filter((r) => r.left >= b.x && r.right <= b.x + b.width && r.top >= b.y && r.bottom <= b.y + b.height).length,
          box,
        );
        expect(inside).toBe(1);
        inClusters += 1;
      }
      await page.keyboard.press("ArrowRight");
    }
    // At phone width some events are always in clusters; at desktop width there may be none.
    if ((page.viewportSize()?.width ?? 0) < 600) expect(inClusters).toBeGreaterThan(0);
  });

  test("pointing at a marker shows its date and title, placed without breaking the page's CSP", async ({ page }, info) => {
    test.skip(info.project.name === "phone", "phones have no pointer to hover with");
    await page.addInitScript(() => {
      window.__violations = [];
      document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(e.violatedDirective));
    });
    await gotoLive(page, "./?view=timeline");
    const launch = snapshot.events.find((e) => e.id === "ev-2022-strategy-launch");
    await page.locator(`.iom-tl-svg [data-id="${launch.id}"]`).last().hover();
    const tip = page.locator(".iom-tl-tip");
    const day = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
    await expect(tip).toHaveText(`${day.format(new Date(launch.date))}: ${en(launch.title)}`);
    const [tipBox, frameBox] = [await tip.boundingBox(), await page.locator(".iom-tl-frame").boundingBox()];
    expect(tipBox.x).toBeGreaterThanOrEqual(frameBox.x);
    expect(tipBox.x + tipBox.width).toBeLessThanOrEqual(frameBox.x + frameBox.width);
    await page.locator(".iom-timeline h1").hover();
    await expect(tip).toHaveCount(0);
    expect(await page.evaluate(() => window.__violations)).toEqual([]);
  });

  test("a search hides markers and clearing it brings each back once", async ({ page }, info) => {
    await gotoLive(page, "./?view=timeline");
    if (info.project.name === "phone") await page.getByRole("button", { name: /^Filters/ }).click();
    const marks = page.locator(".iom-tl-svg .iom-marks > *");
    await expect(marks.first()).toBeVisible();
    const ids = async () => (await marks.evaluateAll((nodes) => nodes.map((n) => n.getAttribute("data-id")))).sort();
    const before = await ids();
    expect(new Set(before).size).toBe(before.length);
    const search = page.getByRole("searchbox", { name: "Search" });
    await search.fill("health");
    await expect.poll(async () => (await ids()).length).toBeLessThan(before.length);
    const narrowed = await ids();
    expect(new Set(narrowed).size).toBe(narrowed.length);
    await search.fill("");
    await expect.poll(ids).toEqual(before);
  });

  test("markers moved by typing are where a fresh load of the same search draws them", async ({ page }, info) => {
    // Markers keep their node and move when a search packs the rows again: the drawing must
    // not depend on the way there.
    const drawing = () =>
      page.locator(".iom-tl-svg").evaluate((svg) =>
        [...svg.querySelectorAll(".iom-marks > *, .iom-spans > *")]
          .map((n) => ["data-id", "x", "y", "width", "cx", "cy"].map((a) => n.getAttribute(a)).join(" ") + " " + n.tagName)
          .sort(),
      );
    const fresh = async (query) => {
      await gotoLive(page, `./?view=timeline${query}`);
      await expect(page.locator(".iom-tl-svg .iom-marks > *").first()).toBeVisible();
      return drawing();
    };
    const all = await fresh("");
    const narrowed = await fresh("&q=hea");
    expect(narrowed.length).toBeLessThan(all.length);
    await gotoLive(page, "./?view=timeline");
    if (info.project.name === "phone") await page.getByRole("button", { name: /^Filters/ }).click();
    await expect(page.locator(".iom-tl-svg .iom-marks > *").first()).toBeVisible();
    const search = page.getByRole("searchbox", { name: "Search" });
    await search.pressSequentially("hea", { delay: 50 });
    await expect.poll(drawing).toEqual(narrowed);
    await search.fill("");
    await expect.poll(drawing).toEqual(all);
  });

  test("a long list shows a page of rows and a button for the next ones", async ({ page }) => {
    // The shipped snapshot with each event five times over (new ids), served in its place.
    const copies = [1, 2, 3, 4].flatMap((n) => snapshot.events.map((e) => ({ ...e, id: `${e.id}-copy-${n}` })));
    const long = { ...snapshot, events: [...snapshot.events, ...copies] };
    await page.route("**/data/strategy.json", (route) => route.fulfill({ json: long }));
    await gotoLive(page, "./?view=timeline");
    await page.getByRole("button", { name: "List" }).click();
    const rows = page.locator(".iom-tl-list ol").first().getByRole("listitem");
    const total = long.events.length;
    await expect(rows).toHaveCount(200);
    await page.getByRole("button", { name: `Show ${total - 200} more (${total} in all)` }).click();
    await expect(rows).toHaveCount(total);
    await expect(page.getByRole("button", { name: /^Show \d+ more/ })).toHaveCount(0);
  });

  test("the year handles set the shared year filter", async ({ page }) => {
    await gotoLive(page, "./?view=timeline");
    await page.getByRole("slider", { name: /First year/ }).fill("2015");
    await expect(page).toHaveURL(/from=2015/);
    await page.getByRole("button", { name: "List" }).click();
    const dates = await page.locator(".iom-tl-list ol").first().locator("time").allTextContents();
    const expected = snapshot.events.filter((e) => Number((e.end ?? e.date).slice(0, 4)) >= 2015).length;
    expect(dates.length).toBe(expected);
    await page.getByRole("button", { name: "Show 2001–2026" }).click();
    await expect(page).not.toHaveURL(/from=/);
  });

  test("lanes switch between thematic areas and kinds", async ({ page }) => {
    await gotoLive(page, "./?view=timeline");
    await page.getByRole("button", { name: "Kind", exact: true }).click();
    await expect(page.locator("svg.iom-tl-svg text", { hasText: "IOM's work" })).toHaveCount(1);
    await expect(page.locator("svg.iom-tl-svg text", { hasText: "Context" })).toHaveCount(1);
  });

  test("the drawing fits its container at phone width", async ({ page }, info) => {
    test.skip(info.project.name !== "phone", "phone width only");
    await gotoLive(page, "./?view=timeline&lang=lo");
    const svg = page.locator("svg.iom-tl-svg");
    await expect(svg).toBeVisible();
    const width = Number(await svg.getAttribute("width"));
    expect(width).toBeGreaterThan(250);
    expect(width).toBeLessThanOrEqual(360);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${shots}/timeline-lo-phone.png`, fullPage: true });
  });
});

test.describe("province map", () => {
  test("every province is a named toggle of the shared province filter", async ({ page }, info) => {
    await page.goto("./?view=map");
    const map = page.getByRole("group", { name: /Map of Lao PDR's 18 provinces/ });
    const provinces = map.getByRole("button");
    await expect(provinces).toHaveCount(18);
    const sv = snapshot.provinces.find((p) => p.code === "LA-SV");
    const button = map.getByRole("button", { name: new RegExp(`^${sv.name.en} \\(partners: \\d+, events: \\d+, projects: \\d+\\)$`) });
    await expect(button).toHaveAttribute("aria-pressed", "false");
    await page.screenshot({ path: `${shots}/map-en-${info.project.name}.png`, fullPage: true });
    await button.click();
    await expect(button).toHaveAttribute("aria-pressed", "true");
    await expect(page).toHaveURL(/province=LA-SV/);
    await expect(page.getByRole("button", { name: `Remove filter: ${sv.name.en}` })).toBeVisible();
    await button.focus();
    await page.keyboard.press("Enter");
    await expect(button).toHaveAttribute("aria-pressed", "false");
  });

  test("a filter updates the provinces in place: keyboard focus stays, the labels follow the table", async ({ page }, info) => {
    await page.goto("./?view=map");
    const map = page.getByRole("group", { name: /Map of Lao PDR's 18 provinces/ });
    const sv = snapshot.provinces.find((p) => p.code === "LA-SV");
    const button = map.getByRole("button", { name: new RegExp(`^${sv.name.en} \\(`) });
    await button.focus();
    await page.keyboard.press("Enter");
    await expect(button).toHaveAttribute("aria-pressed", "true");
    // The province a keyboard user toggled is still the one in focus (a redrawn map loses it).
    await expect(button).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(button).toHaveAttribute("aria-pressed", "false");
    await expect(button).toBeFocused();

    const labels = async () => Object.fromEntries(
      await map.getByRole("button").evaluateAll((paths) => paths.map((p) => [p.querySelector("title").textContent, p.getAttribute("aria-label")])),
    );
    const before = await labels();
    // On a phone the filters fold into a panel.
    if (info.project.name === "phone") await page.getByRole("button", { name: /^Filters/ }).click();
    await page.getByRole("searchbox", { name: "Search" }).fill("japan");
    await expect.poll(async () => JSON.stringify(await labels())).not.toBe(JSON.stringify(before));
    // Each province's label gives the same counts as its row in the table.
    const rows = await page.getByRole("table", { name: /Provinces and what is linked/ }).locator("tbody tr").evaluateAll((trs) =>
      trs.map((tr) => [tr.querySelector("th").textContent.trim(), [...tr.querySelectorAll("td")].map((td) => td.textContent)]));
    expect(rows).toHaveLength(18);
    const after = await labels();
    for (const [name, [partners, events, projects]] of rows) {
      expect(after[name]).toBe(`${name} (partners: ${partners}, events: ${events}, projects: ${projects})`);
    }
  });

  test("the legend, attribution, disclaimer and table are there", async ({ page }) => {
    await gotoLive(page, "./?view=map");
    // With no filter, a province's count is what names it (core/geo.rs, province_counts); the
    // legend is class 0 ("none") and up to five equal bins of 1 to the largest count (Shading).
    const linked = (code) => [snapshot.partners, snapshot.events, snapshot.projects].flat().filter((item) => item.provinces.includes(code)).length;
    const max = Math.max(...snapshot.provinces.map((p) => linked(p.code)));
    const classes = Math.min(5, max);
    const bins = Array.from({ length: classes }, (_, j) => [Math.ceil((j * max) / classes) + 1, Math.ceil(((j + 1) * max) / classes)]);
    const legend = ["0 (none)", ...bins.map(([low, high]) => (low === high ? `${low}` : `${low}–${high}`))];
    await expect(page.getByRole("list", { name: "Partners, events and projects linked" }).getByRole("listitem")).toHaveText(legend);
    await expect(page.locator(".iom-map").getByText("Boundaries © OpenStreetMap contributors, ODbL 1.0")).toBeVisible();
    await expect(page.locator(".iom-map").getByText(/do not imply official endorsement or acceptance/)).toBeVisible();
    const table = page.getByRole("table", { name: "Provinces and what is linked to them under the current filters" });
    await expect(table.getByRole("rowheader")).toHaveCount(18);
  });

  test("the other views follow a province chosen on the map", async ({ page }) => {
    await page.goto("./?view=map");
    const map = page.getByRole("group", { name: /Map of Lao PDR's 18 provinces/ });
    await map.getByRole("button", { name: /^Attapeu \(/ }).click();
    await page.getByRole("navigation", { name: "Explorer views" }).getByRole("link", { name: "Partners" }).click();
    await expect(page).toHaveURL(/province=LA-AT/);
    const expected = snapshot.partners.filter((p) => p.provinces.includes("LA-AT")).length;
    await expect(page.locator("table.iom-directory tbody tr")).toHaveCount(expected);
  });
});

test.describe("partners", () => {
  test("the directory lists every partner and sorts", async ({ page }, info) => {
    await page.goto("./?view=partners");
    const rows = page.locator("table.iom-directory tbody").getByRole("rowheader");
    await expect(rows).toHaveCount(snapshot.partners.length);
    // core/directory.rs: names in lower case, compared as Rust compares strings (their UTF-8
    // bytes), ties in snapshot order; descending is that order reversed.
    const lower = snapshot.partners.map((p, i) => [Buffer.from(en(p.name).toLowerCase()), i]);
    const ascending = lower.sort(([a, i], [b, j]) => Buffer.compare(a, b) || i - j).map(([, i]) => en(snapshot.partners[i].name));
    const nameHeader = page.getByRole("columnheader", { name: /Name/ });
    await expect(nameHeader).toHaveAttribute("aria-sort", "ascending");
    await expect(rows).toHaveText(ascending);
    await nameHeader.getByRole("button").click();
    await expect(nameHeader).toHaveAttribute("aria-sort", "descending");
    await expect(rows).toHaveText([...ascending].reverse());
    await page.screenshot({ path: `${shots}/partners-en-${info.project.name}.png`, fullPage: true });
  });

  test("the directory's names open the partner, and its themes open the theme", async ({ page }) => {
    await page.goto("./?view=partners");
    const partner = snapshot.partners.find((p) => p.themes.length > 0);
    const theme = snapshot.themes.find((t) => t.id === partner.themes[0]);
    const row = page.locator("table.iom-directory tbody tr").filter({ has: page.getByRole("rowheader", { name: en(partner.name), exact: true }) });
    await row.getByRole("rowheader").getByRole("button").click();
    const dialog = page.getByRole("dialog");
    await expect(dialog.getByRole("heading", { level: 2 })).toHaveText(en(partner.name));
    await page.keyboard.press("Escape");
    await expect(dialog).toHaveCount(0);
    await row.getByRole("button", { name: en(theme.name), exact: true }).click();
    await expect(dialog.getByRole("heading", { level: 2 })).toHaveText(en(theme.name));
  });

  test("switching to Lao rewrites the directory's rows and keeps its order and filter", async ({ page }) => {
    await page.goto("./?view=partners&partner_kind=government");
    const governments = snapshot.partners.filter((p) => p.kind === "government");
    const rows = page.locator("table.iom-directory tbody tr");
    await expect(rows).toHaveCount(governments.length);
    const kinds = rows.locator("td:first-of-type");
    await expect(kinds.first()).toHaveText("Government");
    await page.getByRole("button", { name: "ພາສາລາວ" }).click();
    await expect(rows).toHaveCount(governments.length);
    await expect(kinds.first()).toHaveText("ລັດຖະບານ");
    expect(await kinds.allTextContents()).toEqual(governments.map(() => "ລັດຖະບານ"));
    const lao = (p) => (typeof p.name === "string" ? p.name : p.name.lo ?? p.name.en);
    const names = await rows.getByRole("rowheader").allTextContents();
    expect(names.map((n) => n.trim()).sort()).toEqual(governments.map(lao).sort());
  });

  test("a search keeps the directory's rows that stay, and clearing it puts the others back in order", async ({ page }, info) => {
    await page.goto("./?view=partners");
    if (info.project.name === "phone") await page.getByRole("button", { name: /^Filters/ }).click();
    const names = page.locator("table.iom-directory tbody").getByRole("rowheader");
    await expect(names).toHaveCount(snapshot.partners.length);
    const before = await names.allTextContents();
    const partner = snapshot.partners.find((p) => /japan/i.test(en(p.name))) ?? snapshot.partners[0];
    const row = page.locator("table.iom-directory tbody tr").filter({ has: page.getByRole("rowheader", { name: en(partner.name), exact: true }) });
    await row.evaluate((r) => (r.dataset.probe = "kept"));
    const search = page.getByRole("searchbox", { name: "Search" });
    await search.fill(en(partner.name));
    await expect.poll(() => names.count()).toBeLessThan(snapshot.partners.length);
    await expect(row).toHaveAttribute("data-probe", "kept");
    await search.fill("");
    await expect(names).toHaveCount(snapshot.partners.length);
    expect(await names.allTextContents()).toEqual(before);
    await expect(row).toHaveAttribute("data-probe", "kept");
  });

  test("a search that matches nothing says so instead of an empty drawing and table, and clearing it brings both back", async ({ page }, info) => {
    await page.goto("./?view=partners");
    if (info.project.name === "phone") await page.getByRole("button", { name: /^Filters/ }).click();
    const rows = page.locator("table.iom-directory tbody").getByRole("rowheader");
    await expect(rows).toHaveCount(snapshot.partners.length);
    await page.getByRole("searchbox", { name: "Search" }).fill("zzzz nothing here");
    await expect(page.getByText("Nothing matches these filters.")).toHaveCount(2);
    await expect(page.locator("svg.iom-network-svg")).toBeHidden();
    await expect(page.locator("table.iom-directory")).toBeHidden();
    await page.getByRole("button", { name: "Clear the filters" }).first().click();
    await expect(page.getByText("Nothing matches these filters.")).toHaveCount(0);
    await expect(page.locator("svg.iom-network-svg")).toBeVisible();
    await expect(rows).toHaveCount(snapshot.partners.length);
  });

  const NETWORK = "Network of partners, thematic areas and funded projects";

  test("the network follows the width of its frame and keeps every node", async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto("./?view=partners");
    const svg = page.locator("svg.iom-network-svg");
    const funded = snapshot.projects.filter((p) => p.donors.length).length;
    const total = snapshot.themes.length + snapshot.partners.length + funded;
    await expect(svg.getByRole("button")).toHaveCount(total);
    const wide = Number(await svg.getAttribute("width"));
    await page.setViewportSize({ width: 360, height: 800 });
    await expect.poll(async () => Number(await svg.getAttribute("width"))).toBeLessThan(wide);
    await expect(svg.getByRole("button")).toHaveCount(total);
    const box = await svg.boundingBox();
    expect(box.width).toBeLessThanOrEqual(360);
  });
  const nodeName = (name) => new RegExp(`: ${en(name).replace(/[()]/g, ".")}, `);

  test("the network has a node per theme, partner and funded project; focus lights a node's links and Enter opens it", async ({ page }) => {
    await page.goto("./?view=partners");
    const network = page.getByRole("group", { name: NETWORK });
    const funded = snapshot.projects.filter((p) => p.donors.length).length;
    await expect(network.getByRole("button")).toHaveCount(snapshot.themes.length + snapshot.partners.length + funded);
    const theme = snapshot.themes[0];
    const linked = snapshot.partners.find((p) => p.themes.includes(theme.id));
    const unlinked = snapshot.partners.find((p) => !p.themes.includes(theme.id));
    const opacity = (name) => network.getByRole("button", { name: nodeName(name) }).evaluate((e) => getComputedStyle(e).opacity);
    expect(await opacity(unlinked.name)).toBe("1");
    const node = network.getByRole("button", { name: new RegExp(`^Thematic area: ${en(theme.name).replace(/[()]/g, ".")}`) });
    await node.focus();
    // The rest of the drawing dims; the node, its partners and their links stay bright and named.
    await expect.poll(() => opacity(unlinked.name)).toBe("0.25");
    expect(await opacity(linked.name)).toBe("1");
    expect(await node.evaluate((e) => getComputedStyle(e).opacity)).toBe("1");
    await expect(page.locator(".iom-node-label", { hasText: en(linked.name).slice(0, 22) }).first()).toBeAttached();
    expect(await page.locator(".iom-edge--lit").getAttribute("d")).toMatch(/^M/);
    await page.keyboard.press("Enter");
    await expect(page.getByRole("dialog").getByRole("heading", { level: 2 })).toHaveText(en(theme.name));
  });

  test("pointing at a node lights it, leaving the drawing puts the light out, and a click opens it", async ({ page }) => {
    await page.goto("./?view=partners");
    const network = page.getByRole("group", { name: NETWORK });
    const partner = snapshot.partners.find((p) => p.themes.length > 0);
    const node = network.getByRole("button", { name: nodeName(partner.name) });
    await node.hover();
    await expect(page.locator("svg.iom-network-svg.iom-network--focus")).toHaveCount(1);
    await expect(page.locator(".iom-node-label", { hasText: en(partner.name).slice(0, 22) })).toHaveCount(1);
    await page.getByRole("heading", { level: 1 }).hover();
    await expect(page.locator("svg.iom-network--focus")).toHaveCount(0);
    await node.click();
    await expect(page.getByRole("dialog").getByRole("heading", { level: 2 })).toHaveText(en(partner.name));
  });

  test("a search keeps the nodes that stay and closes the rings up; clearing it brings every node back in order", async ({ page }, info) => {
    await page.goto("./?view=partners");
    if (info.project.name === "phone") await page.getByRole("button", { name: /^Filters/ }).click();
    const network = page.getByRole("group", { name: NETWORK });
    const buttons = network.getByRole("button");
    const funded = snapshot.projects.filter((p) => p.donors.length).length;
    const total = snapshot.themes.length + snapshot.partners.length + funded;
    await expect(buttons).toHaveCount(total);
    const labels = () => buttons.evaluateAll((nodes) => nodes.map((n) => n.getAttribute("aria-label")));
    const before = await labels();
    const partner = snapshot.partners.find((p) => /japan/i.test(en(p.name))) ?? snapshot.partners[0];
    const node = network.getByRole("button", { name: nodeName(partner.name) });
    // Marks the element itself, to tell a kept node from a new one with the same name.
    const place = await node.evaluate((e) => {
      e.dataset.probe = "kept";
      return e.getAttribute("transform");
    });
    await page.getByRole("searchbox", { name: "Search" }).fill(en(partner.name));
    await expect.poll(async () => (await labels()).length).toBeLessThan(total);
    await expect(node).toHaveAttribute("data-probe", "kept");
    expect(await node.getAttribute("transform")).not.toBe(place);
    await page.getByRole("searchbox", { name: "Search" }).fill("");
    await expect(buttons).toHaveCount(total);
    expect(await labels()).toEqual(before);
    await expect(node).toHaveAttribute("data-probe", "kept");
  });

  test("a partner-kind filter applies to the network and the directory", async ({ page }) => {
    await page.goto("./?view=partners&partner_kind=donor");
    const donors = snapshot.partners.filter((p) => p.kind === "donor").length;
    await expect(page.locator("table.iom-directory tbody").getByRole("rowheader")).toHaveCount(donors);
    const network = page.getByRole("group", { name: "Network of partners, thematic areas and funded projects" });
    await expect(network.getByRole("button", { name: /^Donor: / })).toHaveCount(donors);
    await expect(network.getByRole("button", { name: /^Government: / })).toHaveCount(0);
  });
});
