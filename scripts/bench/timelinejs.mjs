// The benchmark's baseline: TimelineJS3 (npm @knight-lab/timelinejs 3.9.11) drawing the same
// events from the same snapshot, marking "tljs-ready" when its `loaded` event fires.
const snapshotUrl = new URLSearchParams(location.search).get("snapshot") ?? "/data/strategy.json";
const text = (t) => (typeof t === "string" ? t : t.en);
const date = (d) => {
  const [year, month, day] = d.split("-").map(Number);
  return { year, ...(month ? { month } : {}), ...(day ? { day } : {}) };
};
const snapshot = await (await fetch(snapshotUrl)).json();
const data = {
  events: snapshot.events.map((e) => ({
    start_date: date(e.date),
    ...(e.end ? { end_date: date(e.end) } : {}),
    text: { headline: text(e.title), text: text(e.summary) },
  })),
};
const timeline = new TL.Timeline("timeline", data, { hash_bookmark: false });
timeline.on("loaded", () => performance.mark("tljs-ready"));
