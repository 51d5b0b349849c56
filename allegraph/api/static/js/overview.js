import { apiUrl, dataLinks, query } from "./api.js";
import { KINDS, clip, fmt, h, main, plural } from "./common.js";
import { hashFor } from "./router.js";

// ---------------------------------------------------------------- overview

export async function overview(route, current) {
  const [summary, accusers, accused] = await Promise.all([
    query("graph-summary"),
    query("top-accusers", { limit: 10 }),
    query("most-accused", { limit: 10 }),
  ]);
  if (!current()) return;
  const rows = summary.rows;
  const claims = rows.filter((r) => r.what === "claims");
  const total = claims.reduce((n, r) => n + r.count, 0);
  const dates = claims.flatMap((r) => [r.first_date, r.last_date]).filter(Boolean).sort();
  const count = (what) => rows.filter((r) => r.what === what).reduce((n, r) => n + r.count, 0);
  const byKind = Object.fromEntries(claims.map((r) => [r.name, r.count]));
  const actors = rows.filter((r) => r.what === "actors");
  document.title = "Allegraph explorer";
  main().replaceChildren(
    h("h1", {}, "Who accused whom of what"),
    h(
      "p",
      { class: "lede" },
      `${plural(total, "claim")} from ${plural(count("documents"), "document")}, between ${plural(count("actors"), "actor")}`,
      dates.length ? `, dated ${dates[0]} to ${dates[dates.length - 1]}` : ", none of them dated",
      ". Type a name above, or start from a side below.",
    ),
    h(
      "div",
      { class: "cards" },
      h(
        "section",
        { class: "card", "aria-labelledby": "kinds-h" },
        h("h2", { id: "kinds-h" }, "Claims by kind"),
        kindBars(byKind),
      ),
      h(
        "section",
        { class: "card", "aria-labelledby": "actors-h" },
        h("h2", { id: "actors-h" }, "Actors"),
        h("ul", { class: "plain" }, actors.map((r) => h("li", {}, `${fmt(r.count)} ${r.name ?? "untyped"}`))),
      ),
      h(
        "section",
        { class: "card", "aria-labelledby": "range-h" },
        h("h2", { id: "range-h" }, "Coverage"),
        h(
          "ul",
          { class: "plain" },
          h("li", {}, dates.length ? `Claims dated ${dates[0]} – ${dates[dates.length - 1]}` : "No dated claims"),
          h("li", {}, `${plural(count("documents"), "document")}`),
          h("li", {}, h("a", { href: "#/places" }, `${plural(count("incidents"), "incident")} at ${plural(count("places"), "place")}`)),
        ),
      ),
    ),
    h(
      "div",
      { class: "two" },
      rankTable("Top accusers", "Who makes the most accusations and blame (people count for their side)", accusers.rows, "targets", "sides accused"),
      rankTable("Most accused", "Who receives the most accusations and blame", accused.rows, "accusers", "accusers"),
    ),
    dataLinks([
      ["graph-summary (JSON)", apiUrl("/queries/graph-summary")],
      ["top-accusers (JSON)", apiUrl("/queries/top-accusers", { limit: 10 })],
      ["most-accused (JSON)", apiUrl("/queries/most-accused", { limit: 10 })],
      ["whole graph (Turtle)", apiUrl("/export", { format: "ttl" })],
    ]),
  );
}

export function kindBars(byKind) {
  const max = Math.max(1, ...KINDS.map((k) => byKind[k] ?? 0));
  return h(
    "table",
    { class: "bars" },
    h(
      "tbody",
      {},
      KINDS.map((kind) =>
        h(
          "tr",
          {},
          h("th", { scope: "row" }, h("span", { class: `swatch ${kind}` }), kind),
          h("td", { class: "num" }, fmt(byKind[kind] ?? 0)),
          h("td", { class: "bar-cell" }, bar((byKind[kind] ?? 0) / max, kind)),
        ),
      ),
    ),
  );
}

export function bar(fraction, kind) {
  const outer = h("span", { class: "bar-track" });
  const inner = h("span", { class: `bar ${kind}` });
  inner.style.width = `${Math.round(fraction * 100)}%`;
  outer.append(inner);
  return outer;
}

export function rankTable(title, caption, rows, otherColumn, otherLabel) {
  return h(
    "section",
    { class: "rank" },
    h("h2", {}, title),
    h("p", { class: "muted" }, caption),
    rows.length
      ? h(
          "table",
          {},
          h("thead", {}, h("tr", {}, h("th", {}, "#"), h("th", {}, "Actor"), h("th", { class: "num" }, "Claims"), h("th", { class: "num" }, otherLabel), h("th", {}, "For example"))),
          h(
            "tbody",
            {},
            rows.map((row, n) =>
              h(
                "tr",
                {},
                h("td", { class: "num" }, n + 1),
                h("td", {}, h("a", { href: hashFor("network", row.actor_id) }, row.actor), h("span", { class: "muted" }, ` ${row.type ?? ""}`)),
                h("td", { class: "num" }, fmt(row.accusations)),
                h("td", { class: "num" }, fmt(row[otherColumn])),
                h(
                  "td",
                  { class: "example" },
                  row.example_document_id
                    ? h("a", { href: hashFor("document", row.example_document_id, new URLSearchParams({ claim: row.example_claim_id })) }, clip(row.example_evidence, 120))
                    : "",
                ),
              ),
            ),
          ),
        )
      : h("p", {}, "Nothing yet: ingest some articles with 'allegraph ingest'."),
  );
}
