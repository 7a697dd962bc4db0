//! The HTML a user pastes into their blog to embed the calculator. Pure, so the escaping that
//! keeps a hostile scenario name inert is tested natively.

/// Escapes text for an HTML attribute value, so a scenario name can never break out of it.
pub fn escape_attribute(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '&' => "&amp;".to_string(),
            '<' => "&lt;".to_string(),
            '>' => "&gt;".to_string(),
            '"' => "&quot;".to_string(),
            '\'' => "&#39;".to_string(),
            c => c.to_string(),
        })
        .collect()
}

/// The page a frame loads, beside the calculator at `page_url` (its address without fragment):
/// `embed.html` in the same folder. It names the embed's own files up front, so a blog reader's
/// download of them starts with the page (`scripts/postbuild.py` writes it).
pub fn embed_page(page_url: &str) -> String {
    let path = page_url.split(['?', '#']).next().unwrap_or_default();
    let folder = path.rfind('/').map_or(path, |at| &path[..=at]);
    format!("{folder}{EMBED_PAGE}")
}

/// The calculator beside the embed at `page_url`: the same address for an `#embed=` address of
/// the calculator's own page, the folder for `embed.html`.
pub fn calculator_page(page_url: &str) -> String {
    match page_url.strip_suffix(EMBED_PAGE) {
        Some(folder) if folder.ends_with('/') => folder.to_string(),
        _ => page_url.to_string(),
    }
}

const EMBED_PAGE: &str = "embed.html";

/// The embed code: a lazy iframe (sandboxed; downloads allowed only when export is on) and a
/// parent script that accepts only a number, only from the frame's own origin and window.
pub fn embed_code(url: &str, title: &str, export: bool) -> String {
    let sandbox = if export {
        "allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-downloads"
    } else {
        "allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox"
    };
    format!(
        concat!(
            "<iframe src=\"{url}\" title=\"{title}\" loading=\"lazy\" width=\"100%\" height=\"640\" ",
            "style=\"border:0;width:100%;max-width:100%\" sandbox=\"{sandbox}\"></iframe>\n",
            "<script>(function(s){{var f=s.previousElementSibling,o=new URL(f.src).origin;",
            "addEventListener(\"message\",function(e){{if(e.origin!==o||e.source!==f.contentWindow||",
            "typeof e.data!==\"number\"||!(e.data>0&&e.data<1e5))return;",
            "f.style.height=Math.ceil(e.data)+\"px\"}})}})(document.currentScript);</script>"
        ),
        url = escape_attribute(url),
        title = escape_attribute(title),
        sandbox = sandbox,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hostile_name_stays_inside_its_attribute() {
        let code = embed_code(
            "https://example.test/calc/#embed=ro&lang=ja&s=2.abc",
            "ファネル計算: \"><img src=x onerror=alert(1)>",
            false,
        );
        assert!(!code.contains("<img"));
        assert!(
            code.contains("title=\"ファネル計算: &quot;&gt;&lt;img src=x onerror=alert(1)&gt;\"")
        );
        assert!(
            code.contains("src=\"https://example.test/calc/#embed=ro&amp;lang=ja&amp;s=2.abc\"")
        );
        assert_eq!(code.matches("<script>").count(), 1);
    }

    #[test]
    fn the_embed_page_sits_beside_the_calculator_and_leads_back_to_it() {
        for (calculator, embed) in [
            (
                "https://example.test/calc/",
                "https://example.test/calc/embed.html",
            ),
            (
                "https://example.test/calc/index.html",
                "https://example.test/calc/embed.html",
            ),
            (
                "https://example.test/calc/?utm=1",
                "https://example.test/calc/embed.html",
            ),
            ("http://127.0.0.1:8080/", "http://127.0.0.1:8080/embed.html"),
        ] {
            assert_eq!(embed_page(calculator), embed);
        }
        assert_eq!(
            calculator_page("https://example.test/calc/embed.html"),
            "https://example.test/calc/"
        );
        // an embed address of the calculator's own page (older embed codes) stays on that page
        assert_eq!(
            calculator_page("https://example.test/calc/index.html"),
            "https://example.test/calc/index.html"
        );
        assert_eq!(
            calculator_page("https://example.test/my-embed.html"),
            "https://example.test/my-embed.html"
        );
    }

    #[test]
    fn downloads_are_allowed_only_with_export() {
        assert!(!embed_code("u", "t", false).contains("allow-downloads"));
        assert!(embed_code("u", "t", true).contains("allow-downloads"));
        let code = embed_code("u", "t", true);
        assert!(code.contains("loading=\"lazy\""));
        assert!(code.contains("e.origin!==o"));
        assert!(code.contains("typeof e.data!==\"number\""));
    }
}
