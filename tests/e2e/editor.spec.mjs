// The snapshot editor (edit.html), driven as the people who keep the content use it: change an
// event's titles in English and Lao, type an impossible date and see the problem, fix it, reload
// and find the draft, download, and check the file with snapshot-check and a diff; the
// translation sheet out and back in; deleting an item others name; the preview; keyboard flow;
// the Lao interface; bad files; and axe, at desktop and phone width (the two projects).
import { test, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";

const shipped = readFileSync("public/data/strategy.json", "utf8");
const snapshot = JSON.parse(shipped);
// An event with an English and a Lao title and a day-precise date, chosen from the data.
const event = snapshot.events.find((e) => typeof e.title === "object" && e.title.lo && /^\d{4}-\d\d-\d\d$/.test(e.date));
const titleOf = (value) => (typeof value === "string" ? value : value.en);

async function openEditor(page, query = "") {
  // The editor asks before a tab with changes not downloaded is left: the tests accept, and
  // keep the kinds of dialog asked.
  const dialogs = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.type());
    dialog.accept();
  });
  await page.goto(`./edit.html${query}`);
  await expect(page.locator(".problems")).toBeVisible();
  return dialogs;
}

async function openItem(page, collection, title) {
  await page.locator(".collections").getByRole("button", { name: new RegExp(`^${collection}`) }).click();
  await page.locator(".item-list").getByRole("searchbox").fill(title);
  await page.locator(".item-list li button").first().click();
  await expect(page.locator(".item-form h2")).toContainText(title);
}

async function download(page, name) {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name }).click()]);
  const path = test.info().outputPath(file.suggestedFilename());
  await file.saveAs(path);
  return { name: file.suggestedFilename(), path, text: readFileSync(path, "utf8") };
}

async function axe(page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`);
}

test("an editor changes an event's titles, fixes an impossible date, keeps the draft over a reload and downloads only the edit", async ({ page }) => {
  const dialogs = await openEditor(page);
  await expect(page.locator(".problems")).toContainText("No problems");
  const oldTitle = titleOf(event.title);
  await openItem(page, "Events", oldTitle);

  const newEnglish = `${oldTitle} (edited)`;
  const newLao = `${event.title.lo} ແກ້ໄຂ`;
  await page.getByLabel("Title (English)").fill(newEnglish);
  await page.getByLabel("Title (Lao)").fill(newLao);

  // An impossible date: the problem in words beside the field, and in the list of problems.
  const [year, month] = event.date.split("-");
  const leap = Number(year) % 4 === 0;
  const impossible = `${year}-02-30`;
  await page.getByLabel("Date", { exact: true }).fill(impossible);
  const dateField = page.locator('.field[data-field="date"]');
  await expect(dateField.locator(".field-problems")).toContainText(`day 30 does not exist in ${year}-02, which has ${leap ? 29 : 28} days`);
  await expect(page.getByLabel("Date", { exact: true })).toHaveAttribute("aria-invalid", "true");
  const listed = page.locator(".problems li button");
  await expect(listed).toHaveCount(1);
  await expect(listed).toContainText("Date");
  // The list jumps to the field, from another part of the snapshot.
  await page.locator(".collections").getByRole("button", { name: /^Sources/ }).click();
  await listed.click();
  await expect(page.getByLabel("Date", { exact: true })).toBeFocused();
  // Downloading now warns that the explorer would refuse the file.
  await page.getByRole("button", { name: "Download the snapshot" }).click();
  await expect(page.locator(".refusal")).toContainText("1 problems");
  await page.getByRole("button", { name: "Cancel" }).click();

  await page.getByLabel("Date", { exact: true }).fill(event.date);
  await expect(page.locator(".problems")).toContainText("No problems");
  expect(month).toBeTruthy();

  // A reload (or a crash) keeps the draft.
  await expect(page.locator(".kept")).toHaveText("Changes not downloaded yet");
  await page.waitForTimeout(600);
  await page.reload();
  expect(dialogs, "leaving with changes not downloaded asks first").toContain("beforeunload");
  await expect(page.locator(".notice")).toContainText("was restored");
  await openItem(page, "Events", newEnglish);
  await expect(page.getByLabel("Title (English)")).toHaveValue(newEnglish);
  await expect(page.getByLabel("Title (Lao)")).toHaveValue(newLao);
  await expect(page.locator(".changes")).toContainText(`${event.id}: title.en, title.lo changed`);

  const file = await download(page, "Download the snapshot");
  expect(file.name).toBe("strategy.json");
  await expect(page.locator(".kept")).toHaveText("Draft kept in this browser");
  // Downloaded: leaving no longer asks.
  const asked = dialogs.length;
  await page.reload();
  await expect(page.locator(".notice")).toContainText("was restored");
  expect(dialogs.length).toBe(asked);

  // The checker accepts it, and its diff against the repository's copy is just the edit.
  const checker = `${process.env.CARGO_TARGET_DIR ?? "target"}/debug/snapshot-check`;
  const run = spawnSync(checker, [file.path], { encoding: "utf8" });
  expect(run.status, run.stdout + run.stderr).toBe(0);
  const before = shipped.split("\n");
  const after = file.text.split("\n");
  expect(after.length).toBe(before.length);
  const changed = after.filter((line, i) => line !== before[i]);
  expect(changed).toEqual([
    `        "en": ${JSON.stringify(newEnglish)},`,
    `        "lo": ${JSON.stringify(newLao)},`,
  ]);
});

test("undo and redo step through the edits, typing in one field being one step", async ({ page }) => {
  await openEditor(page);
  const title = page.getByLabel("Title (English)");
  const original = await title.inputValue();
  await title.focus();
  await title.press("End");
  await title.pressSequentially(" abc");
  await expect(title).toHaveValue(`${original} abc`);
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(title).toHaveValue(original);
  await page.getByRole("button", { name: "Redo" }).click();
  await expect(title).toHaveValue(`${original} abc`);
});

test("discarding a draft with changes not downloaded asks first", async ({ page }) => {
  let answer = "dismiss";
  const asked = [];
  page.on("dialog", (dialog) => {
    asked.push(dialog.message());
    return answer === "accept" ? dialog.accept() : dialog.dismiss();
  });
  await page.goto("./edit.html");
  const title = page.getByLabel("Title (English)");
  const original = await title.inputValue();
  await title.fill("Changed, not downloaded");
  const discard = page.getByRole("button", { name: "Discard the draft and open the published snapshot" });
  await discard.click();
  expect(asked).toEqual(["Your changes have not been downloaded. Discard them?"]);
  await expect(title).toHaveValue("Changed, not downloaded");
  answer = "accept";
  await discard.click();
  await expect(title).toHaveValue(original);
  await expect(page.locator(".kept")).toHaveText("Draft kept in this browser");
});

// A small CSV reader and writer, as a spreadsheet would read and save the sheet.
function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), (i += 1);
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") row.push(cell), (cell = "");
    else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i += 1;
      row.push(cell), rows.push(row), (row = []), (cell = "");
    } else cell += c;
  }
  if (cell || row.length) row.push(cell), rows.push(row);
  return rows;
}
const writeCsv = (rows) => "\ufeff" + rows.map((row) => row.map((cell) => `"${cell.replaceAll('"', '""')}"`).join(",")).join("\r\n") + "\r\n";

test("the translation sheet goes out and comes back, and a row whose English changed is refused", async ({ page }) => {
  await openEditor(page);
  const sheet = await download(page, "Export a translation sheet (CSV)");
  expect(sheet.name).toBe("strategy-translations.csv");
  expect(sheet.text.charCodeAt(0)).toBe(0xfeff);
  const rows = parseCsv(sheet.text.slice(1));
  const header = rows[0];
  const [id, field, english, lao, status] = ["id", "field", "english", "lao", "status"].map((name) => header.indexOf(name));
  const target = rows.findIndex((row, i) => i > 0 && row[id] === event.id && row[field] === "title");
  expect(target).toBeGreaterThan(0);
  const translated = rows.map((row) => [...row]);
  translated[target][lao] = "ຫົວຂໍ້ໃໝ່ ຈາກຕາຕະລາງ";
  translated[target][status] = "reviewed";
  const path = test.info().outputPath("translated.csv");
  writeFileSync(path, writeCsv(translated));
  await page.locator('input[type="file"][accept*="csv"]').setInputFiles(path);
  await expect(page.locator(".notice")).toContainText("1 texts changed");
  await openItem(page, "Events", titleOf(event.title));
  await expect(page.getByLabel("Title (Lao)")).toHaveValue("ຫົວຂໍ້ໃໝ່ ຈາກຕາຕະລາງ");
  await expect(page.locator("#f-title-status")).toHaveValue("reviewed");

  // The English changed since the export: the row is refused, by its row number and id.
  const stale = rows.map((row) => [...row]);
  stale[target][english] = "An English text the snapshot does not have";
  stale[target][lao] = "ອີກ";
  writeFileSync(path, writeCsv(stale));
  await page.locator('input[type="file"][accept*="csv"]').setInputFiles(path);
  await expect(page.locator(".notice.problem")).toContainText("was not read");
  await expect(page.locator(".notice.problem")).toContainText(new RegExp(`row ${target + 1} \\(${event.id}, title\\)`, "i"));
  await expect(page.locator(".notice.problem")).toContainText(event.id);
  await expect(page.getByLabel("Title (Lao)")).toHaveValue("ຫົວຂໍ້ໃໝ່ ຈາກຕາຕະລາງ");
});

test("deleting a theme that others name says which, and can remove those names", async ({ page }) => {
  await openEditor(page);
  const theme = snapshot.themes[0];
  await openItem(page, "Thematic areas", titleOf(theme.name));
  await page.getByRole("button", { name: "Delete", exact: true }).click();
  const confirm = page.getByRole("alertdialog");
  const naming = snapshot.events.filter((e) => e.themes.includes(theme.id));
  await expect(confirm).toContainText(titleOf(naming[0].title));
  await confirm.getByRole("button", { name: "Delete it and remove those names" }).click();
  await expect(page.locator(".problems")).toContainText("No problems");
  await expect(page.locator(".changes")).toContainText(`${theme.id} was removed`);
  await page.locator(".collections").getByRole("button", { name: /^Events/ }).click();
  await page.locator(".item-list").getByRole("searchbox").fill(titleOf(naming[0].title));
  await page.locator(".item-list li button").first().click();
  await expect(page.locator('.field[data-field="themes"] .chips')).not.toContainText(titleOf(theme.name));
});

test("a reference is added by name from the suggestions, and an unknown name is said", async ({ page }) => {
  await openEditor(page);
  await openItem(page, "Events", titleOf(event.title));
  const province = snapshot.provinces.find((p) => !event.provinces.includes(p.code));
  const add = page.locator("#f-provinces");
  await add.fill(province.code);
  await add.press("Enter");
  await add.blur();
  const chips = page.locator('.field[data-field="provinces"] .chips');
  await expect(chips).toContainText(titleOf(province.name));
  await add.fill("Atlantis");
  await add.blur();
  await expect(page.locator('.field[data-field="provinces"]')).toContainText("No item is called “Atlantis”");
  await chips.getByRole("button", { name: `Remove ${titleOf(province.name)}` }).click();
  await expect(chips).not.toContainText(titleOf(province.name));
});

test("the preview opens the explorer on the draft", async ({ page, context }) => {
  await openEditor(page);
  const title = page.getByLabel("Title (English)");
  await title.fill("A draft title for the preview");
  await expect(page.locator(".kept")).toHaveText("Changes not downloaded yet");
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForTimeout(800);
  const [preview] = await Promise.all([context.waitForEvent("page"), page.getByRole("link", { name: "Preview in the explorer" }).click()]);
  await expect(preview.getByText("this is not the published snapshot")).toBeVisible();
  await expect(preview.locator("body")).toContainText("A draft title for the preview");
});

test("the workbench flows from one Lao text to the next with Ctrl+Enter, marking each reviewed", async ({ page }) => {
  await openEditor(page);
  await page.getByRole("button", { name: "Translations" }).click();
  await page.locator(".workbench select").selectOption("unreviewed");
  const rows = page.locator(".wb-row");
  await expect(rows.first()).toBeVisible();
  const first = page.locator("#wb-0-lo");
  await first.focus();
  await page.keyboard.press("Control+Enter");
  await expect(rows.nth(0).locator(".status")).toHaveText("reviewed");
  await expect(page.locator("#wb-1-lo")).toBeFocused();
  await page.keyboard.press("Control+Enter");
  await expect(rows.nth(1).locator(".status")).toHaveText("reviewed");
  await expect(page.locator(".changes li")).toHaveCount(await page.locator(".changes li").count());
  await expect(page.locator(".changes")).toContainText("lo_status changed");
  // Missing Lao is its own filter.
  await page.locator(".workbench select").selectOption("missing");
  const missing = await rows.count();
  for (let i = 0; i < Math.min(missing, 3); i += 1) await expect(rows.nth(i).locator(".status")).toHaveText("missing");
});

test("keyboard only: reach a part, an item and a field, edit it, and undo", async ({ page }) => {
  await openEditor(page);
  // Tab until the focus is on a given element (a keyboard user's path, in the page's order).
  const tabTo = async (locator, key = "Tab") => {
    for (let i = 0; i < 150; i += 1) {
      if (await locator.evaluate((element) => element === document.activeElement)) return;
      await page.keyboard.press(key);
    }
    throw new Error("not reached by Tab");
  };
  await tabTo(page.locator(".collections").getByRole("button", { name: /^Events/ }));
  await page.keyboard.press("Enter");
  const first = page.locator(".item-list li button").first();
  await tabTo(first);
  await page.keyboard.press("Enter");
  await expect(page.locator("#editor-form")).toBeFocused();
  const title = page.getByLabel("Title (English)");
  await tabTo(title);
  await page.keyboard.press("End");
  await page.keyboard.type(" typed");
  await expect(title).toHaveValue(/ typed$/);
  await tabTo(page.getByRole("button", { name: "Undo" }), "Shift+Tab");
  await page.keyboard.press("Enter");
  await expect(title).not.toHaveValue(/ typed$/);
});

test("the Lao interface labels every field in Lao", async ({ page }) => {
  await openEditor(page, "?lang=lo");
  await expect(page.locator("html")).toHaveAttribute("lang", "lo");
  await expect(page.locator("h1")).toHaveText("ເຄື່ອງມືແກ້ໄຂຂໍ້ມູນ");
  await expect(page.getByLabel("ຫົວຂໍ້ (ພາສາລາວ)")).toBeVisible();
  await expect(page.getByLabel("ຫົວຂໍ້ (ພາສາອັງກິດ)")).toBeVisible();
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByLabel("Title (Lao)")).toBeVisible();
});

test("a file that is not a snapshot is refused with its problem; a broken snapshot opens with its problems", async ({ page }) => {
  await openEditor(page);
  const input = page.locator('input[type="file"][accept*="json"]');
  const notJson = test.info().outputPath("notes.json");
  writeFileSync(notJson, "these are my notes");
  await input.setInputFiles(notJson);
  await expect(page.locator(".notice.problem")).toContainText("notes.json was not opened");
  await expect(page.locator(".notice.problem")).toContainText("not valid JSON");
  await expect(page.locator(".problems")).toContainText("No problems");

  await input.setInputFiles("tests/broken/impossible-date.json");
  await expect(page.locator(".notice")).toContainText("Opened impossible-date.json");
  await expect(page.locator(".problems li")).not.toHaveCount(0);
  await expect(page.locator(".problems")).toContainText("does not exist");
});

test("a snapshot dropped on the page opens; Duplicate adds a copy with an id of its own", async ({ page }) => {
  await openEditor(page);
  const text = readFileSync("tests/broken/impossible-date.json", "utf8");
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], "dropped.json", { type: "application/json" }));
    document.querySelector(".editor").dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }));
  }, text);
  await expect(page.locator(".notice")).toContainText("Opened dropped.json");
  await expect(page.locator(".problems li")).not.toHaveCount(0);

  await page.getByRole("button", { name: "Discard the draft and open the published snapshot" }).click();
  await expect(page.locator(".problems")).toContainText("No problems");
  await openItem(page, "Events", titleOf(event.title));
  await page.getByRole("button", { name: "Duplicate" }).click();
  await expect(page.getByLabel("Id", { exact: true })).toHaveValue(`${event.id}-copy`);
  await expect(page.getByLabel("Title (English)")).toHaveValue(titleOf(event.title));
  await expect(page.locator(".problems")).toContainText("No problems");
  await expect(page.locator(".changes")).toContainText(`${event.id}-copy was added`);
});

for (const lang of ["en", "lo"]) {
  test(`no WCAG A/AA violations in ${lang}: an item with a problem, and the workbench`, async ({ page }) => {
    await openEditor(page, `?lang=${lang}`);
    expect(await axe(page)).toEqual([]);
    await page.locator(".collections li button").nth(4).click();
    await page.locator(".item-list li button").first().click();
    await page.locator("#f-date").fill("2021-02-30");
    await expect(page.locator(".problems li")).toHaveCount(1);
    expect(await axe(page)).toEqual([]);
    await page.locator(".workbench-button").click();
    await expect(page.locator(".wb-row").first()).toBeVisible();
    expect(await axe(page)).toEqual([]);
  });
}
