// The explorer's UI strings for the files that show text before the app runs (index.html's
// status, embed.js's): the Rust i18n files are their one source. A file carries a placeholder
// `{{en:Loading}}` (`Msg::Loading` in English) and scripts/embed-hook.mjs replaces it, at build
// time, with the string of the `Msg::Loading => "…",` line of src/core/i18n/en.rs.
// Anything else there (a message missing or written on several lines, an escape other than \"
// and \\, a placeholder left over) fails the build. tests/boot_text.rs checks this against the
// compiled strings.
//
// Run as a script, it prints the strings that the given files' placeholders name, as JSON:
//   node scripts/ui-text.mjs index.html scripts/embed.template.js
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const LANGS = ["en", "lo"];
const PLACEHOLDER = /\{\{(en|lo):(\w+)\}\}/g;
const root = new URL("..", import.meta.url);

const fail = (message) => {
  throw new Error(`ui-text: ${message}`);
};

// Every `Msg::Name => "text",` line of a language file, as a Map from Name to text.
function readLanguage(lang) {
  const path = `src/core/i18n/${lang}.rs`;
  const messages = new Map();
  for (const line of readFileSync(new URL(path, root), "utf8").split("\n")) {
    if (!/^\s*Msg::/.test(line)) continue;
    const match = line.match(/^\s*Msg::(\w+) => "((?:[^"\\]|\\["\\])*)",$/);
    if (!match) continue; // not a plain one-line string: only an error if a placeholder names it
    if (messages.has(match[1])) fail(`Msg::${match[1]} appears twice in ${path}`);
    messages.set(match[1], match[2].replace(/\\(["\\])/g, "$1"));
  }
  return messages;
}

let languages;
/** The text of `Msg::<name>` in `lang` ("en" or "lo"), as src/core/i18n/<lang>.rs has it. */
export function uiText(lang, name) {
  languages ??= Object.fromEntries(LANGS.map((l) => [l, readLanguage(l)]));
  if (!LANGS.includes(lang)) fail(`unknown language ${lang}`);
  const text = languages[lang].get(name);
  if (text === undefined) {
    fail(`no line \`Msg::${name} => "text",\` in src/core/i18n/${lang}.rs (a plain string on one line)`);
  }
  return text;
}

const escapeHtml = (text) =>
  text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);

/** `html` with each `{{lang:Name}}` replaced by that text, escaped for HTML. */
export function fillHtml(html, what) {
  return check(html.replace(PLACEHOLDER, (_, lang, name) => escapeHtml(uiText(lang, name))), what);
}

/** `code` with each `"{{lang:Name}}"` (a JS string literal) replaced by that text's literal. */
export function fillJs(code, what) {
  return check(code.replace(/"\{\{(en|lo):(\w+)\}\}"/g, (_, lang, name) => JSON.stringify(uiText(lang, name))), what);
}

function check(text, what) {
  const left = text.match(/\{\{\s*\w*\s*:\s*\w*\s*\}\}/);
  if (left) fail(`${what}: placeholder ${left[0]} was not replaced (write {{en:Name}} or {{lo:Name}})`);
  return text;
}

/** Every (lang, Name) that the placeholders of `text` name. */
export function placeholders(text) {
  return [...text.matchAll(PLACEHOLDER)].map(([, lang, name]) => ({ lang, name }));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const strings = Object.fromEntries(LANGS.map((lang) => [lang, {}]));
  for (const file of process.argv.slice(2)) {
    for (const { lang, name } of placeholders(readFileSync(file, "utf8"))) strings[lang][name] = uiText(lang, name);
  }
  console.log(JSON.stringify(strings));
}
