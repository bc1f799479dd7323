// Share, export and print, as a visitor uses them.
import { test, expect } from "@playwright/test";
import { readFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { gotoLive } from "./live.mjs";

const snapshot = JSON.parse(readFileSync("public/data/strategy.json", "utf8"));

// The records of a CSV file (RFC 4180: quoted fields may hold commas, quotes and line breaks),
// each as an object keyed by the header's labels; the byte-order mark is skipped.
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = "";
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = "";
  };
  for (let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c !== '"') field += c;
      else if (text[i + 1] === '"') field += text[++i];
      else quoted = false;
    } else if (c === '"') {
      quoted = true;
    } else if (c === ",") {
      endField();
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      endField();
      rows.push(row);
      row = [];
    } else {
      field += c;
    }
  }
  if (field !== "" || row.length > 0) {
    endField();
    rows.push(row);
  }
  const [header, ...records] = rows;
  return { header, records: records.map((r) => Object.fromEntries(header.map((label, i) => [label, r[i]]))) };
}

async function download(page, name) {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name }).click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), text: readFileSync(path, "utf8") };
}

test("Copy link copies the address of the current view and filters", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await gotoLive(page, "./?view=themes&theme=theme-health&lang=lo");
  await page.getByText("ແບ່ງປັນ ແລະ ສົ່ງອອກ").click();
  await page.getByRole("button", { name: "ສຳເນົາລິ້ງ" }).click();
  await expect(page.getByText("ສຳເນົາລິ້ງແລ້ວ")).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  // The same page with the same state (the explorer writes its parameters in its own order).
  const [link, here] = [new URL(copied), new URL(page.url())];
  expect(link.origin + link.pathname).toBe(here.origin + here.pathname);
  expect([...link.searchParams].sort()).toEqual([...here.searchParams].sort());
  expect(link.searchParams.get("theme")).toBe("theme-health");
});

test("CSV exports have a BOM, labelled columns in the UI language and the filtered rows", async ({ page }) => {
  await gotoLive(page, "./?view=themes&province=LA-SV");
  await page.getByText("Share and export").click();
  const events = await download(page, "Events (CSV)");
  expect(events.name).toBe("iom-lao-events.csv");
  expect(events.text.charCodeAt(0)).toBe(0xfeff);
  expect(events.text.split("\n")[0]).toContain("Title,Date,End");
  // Exactly the events and partners that name the province themselves pass the province filter
  // (core/filter.rs with the links of core/index.rs: an event is not in a province through its
  // partners), in snapshot order, and each row lists the province.
  const sv = snapshot.provinces.find((p) => p.code === "LA-SV");
  const inSv = (items) => items.filter((item) => item.provinces.includes("LA-SV")).map((item) => item.id);
  const eventRows = parseCsv(events.text).records;
  expect(eventRows.map((row) => row.Id)).toEqual(inSv(snapshot.events));
  for (const row of eventRows) expect(row.Provinces.split("; "), row.Id).toContain(sv.name.en);

  await gotoLive(page, "./?view=themes&province=LA-SV&lang=lo");
  await page.getByText("ແບ່ງປັນ ແລະ ສົ່ງອອກ").click();
  const partners = await download(page, "ຄູ່ຮ່ວມງານ (CSV)");
  const { header, records: partnerRows } = parseCsv(partners.text);
  expect(header.slice(0, 4)).toEqual(["ລະຫັດ", "ຊື່", expect.any(String), "ປະເພດ"]);
  expect(partnerRows.map((row) => row["ລະຫັດ"])).toEqual(inSv(snapshot.partners));
  for (const row of partnerRows) {
    expect(row["ແຂວງ"].split("; "), row["ລະຫັດ"]).toContain(sv.name.lo);
    // The kind is the Lao label, not the snapshot's code.
    expect(row["ປະເພດ"], row["ລະຫັດ"]).toMatch(/^[\u0e80-\u0eff ]+$/);
  }
});

test("the JSON export is a snapshot that passes the snapshot checker", async ({ page }) => {
  await gotoLive(page, "./?view=partners&partner_kind=donor");
  await page.getByText("Share and export").click();
  const json = await download(page, "Snapshot of the results (JSON)");
  const subset = JSON.parse(json.text);
  expect(subset.partners.some((p) => p.kind === "donor")).toBe(true);
  // Where cargo put it (make test builds it in `cargo test`).
  const checker = `${process.env.CARGO_TARGET_DIR ?? "target"}/debug/snapshot-check`;
  const file = test.info().outputPath("subset.json");
  (await import("node:fs")).writeFileSync(file, json.text);
  const run = spawnSync(checker, [file], { encoding: "utf8" });
  expect(run.status, run.stdout + run.stderr).toBe(0);
  expect(run.stdout).toContain(": ok: ");
});

test("the timeline, the map and the network download as SVG and PNG", async ({ page }) => {
  const drawings = [
    ["timeline", "iom-lao-timeline", "svg.iom-tl-svg", "iom-mark"],
    ["map", "iom-lao-province-map", "svg.iom-map-svg", "iom-province"],
    ["partners", "iom-lao-partner-network", "svg.iom-network-svg", "iom-node-wrap"],
  ];
  for (const [view, base, selector, part] of drawings) {
    await gotoLive(page, `./?view=${view}`);
    await expect(page.locator(selector)).toBeVisible();
    await page.getByText("Share and export").click();
    const svg = await download(page, "Image (SVG)");
    expect(svg.name).toBe(`${base}.svg`);
    expect(svg.text).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(svg.text).toContain("<style>");
    expect(svg.text).toContain(part);
    const [png] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Image (PNG)" }).click()]);
    expect(png.suggestedFilename()).toBe(`${base}.png`);
    const bytes = readFileSync(await png.path());
    expect(bytes.subarray(1, 4).toString()).toBe("PNG");
  }
});

test("an image the browser cannot make is said in the status line, in the UI language, not dropped", async ({ page }) => {
  // A canvas the browser will not read back (as with a tainted canvas or a locked-down browser).
  await page.addInitScript(() => {
    HTMLCanvasElement.prototype.toDataURL = () => {
      throw new DOMException("The canvas may not be exported.", "SecurityError");
    };
  });
  await gotoLive(page, "./?view=timeline");
  await page.getByText("Share and export").click();
  const status = page.locator(".iom-share__status");
  await page.getByRole("button", { name: "Image (PNG)" }).click();
  await expect(status).toHaveText("This browser could not make the file. Try another browser, or print the page instead.");
  // The SVG does not need the canvas: it still downloads, and the status clears.
  const svg = await download(page, "Image (SVG)");
  expect(svg.name).toBe("iom-lao-timeline.svg");
  await expect(status).toHaveText("");
  await gotoLive(page, "./?view=timeline&lang=lo");
  await page.locator(".iom-share summary").click();
  await page.locator(".iom-share__actions button").filter({ hasText: "PNG" }).click();
  await expect(status).toHaveText(/ບຣາວເຊີນີ້ບໍ່ສາມາດສ້າງໄຟລ໌ໄດ້/);
});

test("printing shows the filters at the top, the sources at the end, and no navigation", async ({ page }) => {
  await page.goto("./?view=themes&theme=theme-health&province=LA-SV");
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Explorer views" })).toBeHidden();
  await expect(page.getByRole("searchbox", { name: "Search" })).toBeHidden();
  await expect(page.getByText("Filters: Migration health · Savannakhet")).toBeVisible();
  const sources = page.getByRole("heading", { name: "Sources of the items shown" });
  await expect(sources).toBeVisible();
  await page.emulateMedia({ media: "screen" });
  await expect(sources).toBeHidden();
});
