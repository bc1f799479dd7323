// How the benchmark learns that a page has made a performance mark: the page itself tells,
// through a PerformanceObserver installed before any of its scripts. Polling for the mark would
// run Playwright's injected script on the page's main thread (about 8 ms at its first run) in
// the middle of the start-up being timed.

/** Makes `window.__benchMarked` in every page of `context` a promise that settles when `mark` is made. */
export function watchForMark(context, mark) {
  return context.addInitScript((m) => {
    window.__benchMarked = new Promise((done) => {
      new PerformanceObserver((list, observer) => {
        if (list.getEntries().some((entry) => entry.name === m)) {
          observer.disconnect();
          done();
        }
      }).observe({ type: "mark", buffered: true });
    });
  }, mark);
}

/** Waits in `page` for the mark that `watchForMark` watches, at most `timeout` ms (then throws). */
export function markMade(page, timeout) {
  return page.evaluate(
    (timeout) => Promise.race([window.__benchMarked, new Promise((_, fail) => setTimeout(() => fail(new Error("timeout")), timeout))]),
    timeout,
  );
}
