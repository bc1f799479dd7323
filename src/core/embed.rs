//! The two embed snippets for the current view and filters (the "Embed" dialog).

use super::url_state::UrlState;

/// The message type an explorer in iframe mode posts to its parent (README, "Embedding").
pub const HEIGHT_MESSAGE: &str = "iom-explorer:height";

fn escape_attr(value: &str) -> String {
    value
        .replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// A link to the standalone explorer that reproduces `state` (view, language, filters, open
/// item), outside any frame: what "Copy link" and a printout give wherever the explorer is
/// shown (a script embed may not keep its state in its host's address). `page` is the
/// explorer page's address without its query, e.g. `https://example.org/explorer/index.html`.
pub fn standalone_link(page: &str, state: &UrlState) -> String {
    let page_state = UrlState {
        embed: false,
        ..state.clone()
    };
    format!("{page}{}", page_state.to_query())
}

/// An iframe in iframe mode, with a listener that sizes it from the height messages.
/// `base` is the explorer's folder URL, ending in `/`.
pub fn iframe_snippet(base: &str, state: &UrlState) -> String {
    let mut frame = UrlState {
        embed: true,
        item: None,
        snapshot: None,
        ..state.clone()
    };
    frame.filters.query = frame.filters.query.trim().to_owned();
    let src = format!("{base}index.html{}", frame.to_query());
    format!(
        "<iframe src=\"{}\" title=\"IOM Lao PDR Strategy Explorer\" style=\"width:100%;border:0\" height=\"800\" loading=\"lazy\"></iframe>\n\
<script>\n\
  addEventListener(\"message\", (event) => {{\n\
    if (event.data && event.data.type === \"{HEIGHT_MESSAGE}\") {{\n\
      for (const frame of document.querySelectorAll(\"iframe\")) {{\n\
        if (frame.contentWindow === event.source) frame.height = Math.ceil(event.data.height);\n\
      }}\n\
    }}\n\
  }});\n\
</script>",
        escape_attr(&src)
    )
}

/// A `data-iom-explorer` element and the loader script.
pub fn script_snippet(base: &str, state: &UrlState) -> String {
    let filters = UrlState {
        filters: state.filters.clone(),
        ..UrlState::default()
    }
    .to_query();
    let filters = filters.strip_prefix('?').unwrap_or(&filters);
    let mut attributes = format!(
        "data-iom-explorer data-view=\"{}\" data-lang=\"{}\"",
        state.view.code(),
        state.lang.code()
    );
    if !filters.is_empty() {
        attributes.push_str(&format!(" data-filters=\"{}\"", escape_attr(filters)));
    }
    format!(
        "<div {attributes}></div>\n<script type=\"module\" src=\"{}embed.js\"></script>",
        escape_attr(base)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_standalone_link_carries_the_state_but_not_the_frame() {
        let state = UrlState::parse("view=map&lang=lo&province=LA-SV&q=tb&item=p-mpi&embed=1");
        let link = standalone_link("https://example.org/explorer/index.html", &state);
        let (page, query) = link.split_once('?').unwrap();
        assert_eq!(page, "https://example.org/explorer/index.html");
        let read = UrlState::parse(query);
        assert!(!read.embed);
        assert_eq!(
            UrlState {
                embed: true,
                ..read
            },
            state
        );
        assert_eq!(
            standalone_link("https://example.org/index.html", &UrlState::default()),
            "https://example.org/index.html"
        );
    }
    use crate::core::text::Lang;
    use crate::core::url_state::View;

    fn state() -> UrlState {
        UrlState::parse("view=timeline&lang=lo&theme=theme-health&province=LA-SV&q=a%22b&item=ev-x")
    }

    /// The value of the first `name="…"` attribute in `snippet`, unescaped.
    fn attribute(snippet: &str, name: &str) -> String {
        snippet
            .split(&format!("{name}=\""))
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap()
            .replace("&amp;", "&")
    }

    #[test]
    fn the_iframe_snippet_opens_the_same_view_and_filters_in_iframe_mode() {
        let snippet = iframe_snippet("https://example.org/explorer/", &state());
        let src = attribute(&snippet, "src");
        let query = src.split_once('?').unwrap().1;
        let back = UrlState::parse(query);
        assert!(back.embed);
        assert_eq!(back.view, View::Timeline);
        assert_eq!(back.lang, Lang::Lo);
        assert_eq!(back.filters, state().filters);
        assert_eq!(back.item, None, "a details panel is not part of an embed");
        assert!(snippet.contains(HEIGHT_MESSAGE));
    }

    #[test]
    fn the_script_snippet_carries_view_language_and_filters_as_attributes() {
        let snippet = script_snippet("https://example.org/explorer/", &state());
        assert!(snippet.contains("data-view=\"timeline\" data-lang=\"lo\""));
        assert!(snippet.contains("src=\"https://example.org/explorer/embed.js\""));
        let filters = attribute(&snippet, "data-filters");
        assert_eq!(UrlState::parse(&filters).filters, state().filters);
        assert!(
            !snippet.contains("a\"b"),
            "quotes in the search are escaped"
        );
    }
}
