// When the Wasm itself stops (out of memory, or any other abort), Rust's panic hook cannot run:
// this shows the same message and Reload button as that hook (src/app/panic.rs), in plain DOM,
// in place of every explorer given, so that a visitor never waits on "Loading" for ever.
// scripts/embed-hook.mjs puts this text into index.html's start-up script and into embed.js,
// with the app's own strings.
const CRASH_TEXT = {
  en: ["{{en:PanicTitle}}", "{{en:PanicBody}}", "{{en:Reload}}"],
  lo: ["{{lo:PanicTitle}}", "{{lo:PanicBody}}", "{{lo:Reload}}"],
};
function showCrashPanels(explorers, fallbackLang) {
  for (const mount of explorers()) {
    if (mount.querySelector(".iom-panic")) continue; // the panic hook was first
    const shown = mount.querySelector(".iom-explorer[lang]")?.getAttribute("lang") ?? fallbackLang(mount);
    const lang = shown === "lo" ? "lo" : "en";
    const [title, body, reload] = CRASH_TEXT[lang];
    const panel = document.createElement("div");
    panel.className = "iom-explorer iom-panic";
    panel.setAttribute("role", "alert");
    panel.lang = lang;
    const heading = document.createElement("h1");
    heading.textContent = title;
    const text = document.createElement("p");
    text.textContent = body;
    const button = document.createElement("button");
    button.type = "button";
    button.className = "iom-button";
    button.textContent = reload;
    button.addEventListener("click", () => location.reload());
    panel.append(heading, text, button);
    mount.replaceChildren(panel);
  }
}
function watchForCrash(explorers, fallbackLang) {
  const crashed = (reason) => {
    if (reason instanceof WebAssembly.RuntimeError) showCrashPanels(explorers, fallbackLang);
  };
  addEventListener("error", (event) => crashed(event.error));
  addEventListener("unhandledrejection", (event) => crashed(event.reason));
}
