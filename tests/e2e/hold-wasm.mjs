// Holds the explorer's Wasm download until the returned function is called, so a test can see
// the page as a visitor on a slow connection does before the app starts.
export async function holdWasm(page) {
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route(/_bg\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}
