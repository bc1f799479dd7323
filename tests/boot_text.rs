//! The start-up status that index.html and embed.js show before the app runs is copied at build
//! time from the Rust UI strings (`scripts/ui-text.mjs`, run by `scripts/embed-hook.mjs`). This
//! runs that script (Node, which the build needs anyway) on the two files and checks that what
//! it puts in is exactly what the app itself says, in both languages, and that the files carry
//! placeholders rather than texts of their own.

use iom_lao_explorer::core::i18n::{t, Msg};
use iom_lao_explorer::core::text::Lang;
use std::process::Command;

/// What the page shows: the status, and the failure with a Reload link.
const BOOT: &[Msg] = &[Msg::Loading, Msg::StartFailed, Msg::Reload];
/// What the page shows when the Wasm stops: the panic hook's message and Reload.
const CRASH: &[Msg] = &[Msg::PanicTitle, Msg::PanicBody, Msg::Reload];
/// Each file, and the messages it must carry.
/// What the standalone page adds: the note for a browser without scripts.
const PAGE: &[Msg] = &[Msg::Loading, Msg::StartFailed, Msg::Reload, Msg::NoScript];
const FILES: [(&str, &[Msg]); 3] = [
    ("index.html", PAGE),
    ("scripts/embed.template.js", BOOT),
    ("scripts/crash-panel.js", CRASH),
];

fn msg_named(name: &str) -> Msg {
    *Msg::ALL
        .iter()
        .find(|msg| format!("{msg:?}") == name)
        .unwrap_or_else(|| panic!("a placeholder names Msg::{name}, which does not exist"))
}

#[test]
fn start_up_texts_are_the_rust_strings() {
    for (file, needed) in FILES {
        let output = Command::new("node")
            .args(["scripts/ui-text.mjs", file])
            .output()
            .expect("node must be installed (the build's hooks need it): see scripts/setup.sh");
        assert!(
            output.status.success(),
            "scripts/ui-text.mjs {file} failed:\n{}",
            String::from_utf8_lossy(&output.stderr)
        );
        let copied: serde_json::Value =
            serde_json::from_slice(&output.stdout).expect("scripts/ui-text.mjs prints JSON");
        for lang in Lang::ALL {
            let code = lang.code();
            let texts = copied[code]
                .as_object()
                .unwrap_or_else(|| panic!("no {code} texts"));
            for (name, text) in texts {
                assert_eq!(
                    text.as_str(),
                    Some(t(lang, msg_named(name))),
                    "{file}: the build would put another text than the app's for Msg::{name} ({code})"
                );
            }
            for &msg in needed {
                assert!(
                    texts.contains_key(&format!("{msg:?}")),
                    "{file} has no placeholder {{{{{code}:{msg:?}}}}}"
                );
            }
        }
    }
}

#[test]
fn start_up_files_have_no_texts_of_their_own() {
    for (file, needed) in FILES {
        let source = std::fs::read_to_string(file).unwrap();
        for lang in Lang::ALL {
            for &msg in needed {
                let text = t(lang, msg);
                // "Reload" is too short to look for in a file that says "reload" in its comments.
                if text.chars().count() > 12 {
                    assert!(
                        !source.contains(text),
                        "{file} has its own copy of Msg::{msg:?}: write {{{{{code}:{msg:?}}}}} instead",
                        code = lang.code()
                    );
                }
            }
        }
    }
}
