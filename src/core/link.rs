//! How a source's address is shown: its site, not a long (often percent-encoded) URL that a
//! visitor cannot read and a phone cannot fit. The link itself still goes to the full address.

/// The host of an absolute URL without a leading `www.`: `laopdr.iom.int`. The whole input when
/// it has no `scheme://host` (the validator refuses such links; this only never panics).
pub fn site(url: &str) -> &str {
    let Some((_, rest)) = url.split_once("://") else {
        return url;
    };
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let host = &rest[..end];
    // Credentials and ports are not part of a site's name.
    let host = host.rsplit_once('@').map_or(host, |(_, host)| host);
    let host = host.split_once(':').map_or(host, |(host, _)| host);
    let host = host.strip_prefix("www.").unwrap_or(host);
    if host.is_empty() {
        url
    } else {
        host
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shows_the_site_of_a_long_encoded_address() {
        assert_eq!(
            site("https://lo.m.wikipedia.org/wiki/%E0%BB%81%E0%BA%82%E0%BA%A7%E0%BA%87"),
            "lo.m.wikipedia.org"
        );
        assert_eq!(
            site("https://www.laocivilsociety.org/a/b?c=d"),
            "laocivilsociety.org"
        );
        assert_eq!(site("https://laopdr.iom.int"), "laopdr.iom.int");
        assert_eq!(site("https://user@example.org:8443/x#y"), "example.org");
    }

    #[test]
    fn an_address_without_a_host_is_shown_as_it_is() {
        assert_eq!(site("not a url"), "not a url");
        assert_eq!(site("https:///path"), "https:///path");
    }
}
