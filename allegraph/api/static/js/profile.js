import { actorHeader, chainLinks, loadActor } from "./actor.js";
import { apiUrl, dataLinks, query } from "./api.js";
import { KINDS, NOUN, TURTLE, fmt, h, main, plural, svg } from "./common.js";
import { bar } from "./overview.js";
import { encodeId, hashFor } from "./router.js";

// ---------------------------------------------------------------- profile

export async function profileView(route, current) {
  const profile = await loadActor(route.id);
  const [speakers, months] = await Promise.all([
    query("spokespeople", { actor: profile.id, limit: 100 }),
    query("actor-months", { actor: profile.id }),
  ]);
  if (!current()) return;
  if (profile.id !== route.id) history.replaceState(null, "", hashFor("profile", profile.id));
  const labels = profile.labels.filter((l) => l !== "Actor" && l !== profile.type);
  main().replaceChildren(
    actorHeader(profile, "profile", route.params),
    h(
      "div",
      { class: "cards" },
      h(
        "section",
        { class: "card", "aria-labelledby": "who-h" },
        h("h2", { id: "who-h" }, "Who"),
        h(
          "dl",
          {},
          h("dt", {}, "Type"),
          h("dd", {}, [profile.type, ...labels].filter(Boolean).join(", ") || "—"),
          profile.role ? [h("dt", {}, "Role"), h("dd", {}, profile.role)] : null,
          profile.title ? [h("dt", {}, "Title"), h("dd", {}, profile.title)] : null,
          h("dt", {}, "Speaks for"),
          h("dd", { id: "speaks-for" }, profile.speaks_for.length ? chainLinks(profile.speaks_for) : "no one else: a side of its own"),
          h("dt", {}, "Documents"),
          h("dd", {}, fmt(profile.documents)),
        ),
      ),
      h(
        "section",
        { class: "card", "aria-labelledby": "made-h" },
        h("h2", { id: "made-h" }, "Claims by kind"),
        madeReceived(profile),
        h("p", { class: "muted small" }, `Made and received by ${profile.name} alone; the network and the timeline also count those who speak for ${profile.name}.`),
      ),
    ),
    h(
      "section",
      { "aria-labelledby": "spokes-h", id: "spokespeople" },
      h("h2", { id: "spokes-h" }, `Who speaks for ${profile.name}`),
      speakers.rows.length
        ? h(
            "table",
            {},
            h("thead", {}, h("tr", {}, h("th", {}, "Person"), h("th", {}, "Role"), h("th", {}, "Title"), h("th", {}, "Through"), h("th", { class: "num" }, "Claims"))),
            h(
              "tbody",
              {},
              speakers.rows.map((r) =>
                h(
                  "tr",
                  {},
                  h("td", {}, h("a", { href: hashFor("profile", r.person_id) }, r.person)),
                  h("td", {}, r.role ?? ""),
                  h("td", {}, r.title ?? ""),
                  h("td", {}, r.speaks_for_id === profile.id ? "directly" : h("a", { href: hashFor("profile", r.speaks_for_id) }, r.speaks_for)),
                  h("td", { class: "num" }, fmt(r.claims)),
                ),
              ),
            ),
          )
        : h("p", { class: "muted" }, `Nobody in the graph speaks for ${profile.name}.`),
    ),
    h(
      "section",
      { "aria-labelledby": "time-h", id: "timeline" },
      h("h2", { id: "time-h" }, "Timeline by month"),
      h("p", { class: "muted" }, `Claims made (above the line) and received (below) by ${profile.name} or by those who speak for ${profile.name}.`),
      timeline(months.rows),
    ),
    dataLinks([
      ["actor (JSON)", apiUrl(`/actors/${encodeId(profile.id)}`)],
      ["actor (Turtle)", apiUrl(`/actors/${encodeId(profile.id)}`), TURTLE],
      ["spokespeople (JSON)", apiUrl("/queries/spokespeople", { actor: profile.id, limit: 100 })],
      ["actor-months (JSON)", apiUrl("/queries/actor-months", { actor: profile.id })],
      ["timeline (JSON)", apiUrl("/queries/timeline", { actor: profile.id })],
    ]),
  );
}

export function madeReceived(profile) {
  const max = Math.max(1, ...KINDS.flatMap((k) => [profile.made[k] ?? 0, profile.received[k] ?? 0]));
  return h(
    "table",
    { class: "bars" },
    h("thead", {}, h("tr", {}, h("th", {}, "Kind"), h("th", { class: "num" }, "made"), h("th", {}), h("th", { class: "num" }, "received"), h("th", {}))),
    h(
      "tbody",
      {},
      KINDS.map((k) =>
        h(
          "tr",
          {},
          h("th", { scope: "row" }, h("span", { class: `swatch ${k}` }), k),
          h("td", { class: "num" }, fmt(profile.made[k])),
          h("td", { class: "bar-cell" }, bar((profile.made[k] ?? 0) / max, k)),
          h("td", { class: "num" }, fmt(profile.received[k])),
          h("td", { class: "bar-cell" }, bar((profile.received[k] ?? 0) / max, k)),
        ),
      ),
    ),
  );
}

export function monthsBetween(first, last) {
  const out = [];
  let [y, m] = first.split("-").map(Number);
  const [ly, lm] = last.split("-").map(Number);
  while ((y < ly || (y === ly && m <= lm)) && out.length < 600) {
    out.push(`${y}-${String(m).padStart(2, "0")}`);
    m += 1;
    if (m > 12) [y, m] = [y + 1, 1];
  }
  return out;
}

export function timeline(rows) {
  const dated = rows.filter((r) => r.month);
  const undated = rows.filter((r) => !r.month).reduce((n, r) => n + r.claims, 0);
  const note = undated ? h("p", { class: "muted" }, `${plural(undated, "claim")} without a date ${undated === 1 ? "is" : "are"} not on the timeline.`) : null;
  if (!dated.length) return h("div", {}, h("p", {}, "No dated claims."), note);
  const months = monthsBetween(dated[0].month, dated[dated.length - 1].month);
  const cell = new Map();
  for (const r of dated) {
    const key = `${r.month}|${r.direction}`;
    const entry = cell.get(key) ?? {};
    entry[r.kind] = (entry[r.kind] ?? 0) + r.claims;
    cell.set(key, entry);
  }
  const total = (key) => Object.values(cell.get(key) ?? {}).reduce((a, b) => a + b, 0);
  const max = Math.max(1, ...months.flatMap((m) => [total(`${m}|made`), total(`${m}|received`)]));
  const width = Math.max(480, (main().clientWidth || 1000) - 100, months.length * 18);
  const barW = Math.max(4, Math.min(28, width / months.length - 4));
  const half = 90;
  const chart = svg("svg", { viewBox: `0 0 ${width + 60} ${half * 2 + 40}`, width: width + 60, height: half * 2 + 40, class: "timeline", role: "img", "aria-label": "Claims made (above the line) and received (below), by month and kind" });
  chart.append(svg("text", { x: 0, y: 12, class: "axis-label" }, "made"), svg("text", { x: 0, y: half * 2 + 8, class: "axis-label" }, "received"));
  chart.append(svg("line", { x1: 56, x2: width + 56, y1: half + 10, y2: half + 10, class: "axis" }));
  months.forEach((month, i) => {
    const x = 60 + i * (width / months.length);
    for (const direction of ["made", "received"]) {
      let offset = 0;
      for (const kind of KINDS) {
        const n = cell.get(`${month}|${direction}`)?.[kind] ?? 0;
        if (!n) continue;
        const height = (n / max) * (half - 10);
        const y = direction === "made" ? half + 10 - offset - height : half + 10 + offset;
        chart.append(svg("rect", { x, y, width: barW, height, class: `bar ${kind}` }, svg("title", {}, `${month}: ${n} ${NOUN[kind]} ${direction}`)));
        offset += height;
      }
    }
    if (months.length <= 24 || i % Math.ceil(months.length / 24) === 0) {
      chart.append(svg("text", { x: x + barW / 2, y: half * 2 + 34, class: "tick", "text-anchor": "middle" }, month));
    }
  });
  const table = h(
    "details",
    {},
    h("summary", {}, "The same as a table"),
    h(
      "table",
      {},
      h("thead", {}, h("tr", {}, h("th", {}, "Month"), h("th", {}, "Direction"), h("th", {}, "Kind"), h("th", { class: "num" }, "Claims"))),
      h("tbody", {}, dated.map((r) => h("tr", {}, h("td", {}, r.month), h("td", {}, r.direction), h("td", {}, r.kind), h("td", { class: "num" }, fmt(r.claims))))),
    ),
  );
  return h("div", { class: "timeline-wrap" }, h("div", { class: "scroll" }, chart), h("p", { class: "legend" }, KINDS.map((k) => h("span", {}, h("span", { class: `swatch ${k}` }), k))), note, table);
}
