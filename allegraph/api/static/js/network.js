import { actorHeader, loadActor } from "./actor.js";
import { apiUrl, dataLinks, query } from "./api.js";
import { DEFAULT_CAP, KINDS, MAX_CAP, TURTLE, VERB, fmt, h, main, plural, state } from "./common.js";
import { showEdge } from "./evidence.js";
import { drawGraph } from "./graph.js";
import { edgeKey, networkParams, networkQueryParams, networkState } from "./params.js";
import { encodeId, go, hashFor } from "./router.js";

export async function networkView(route, current) {
  const s = networkState(route.params);
  const key = `${route.id}?${networkParams(route.params, { edge: "" })}`;
  const panelNow = document.getElementById("evidence");
  if (state.cy && panelNow && state.network?.key === key) {
    // only the chosen edge changed: keep the drawing (and its zoom) and update the panel
    selectEdge(s.edge);
    if (s.edge) await showEdge(panelNow, state.network.profile, s, route.params, current);
    else panelNow.replaceChildren(evidenceHint());
    return;
  }
  const t0 = performance.now();
  const [profile, network] = await Promise.all([
    loadActor(route.id),
    query("actor-network", networkQueryParams(route.id, s)),
  ]);
  if (!current()) return;
  const t1 = performance.now();
  if (profile.id !== route.id) {
    // a name in the URL: keep the id from now on, so the link stays stable
    history.replaceState(null, "", hashFor("network", profile.id, route.params));
  }
  const rows = network.rows;
  const total = rows.length ? rows[0].edges_total : 0;
  const left = total - rows.length;
  const graph = h("div", { id: "graph", role: "img", "aria-label": `Network of ${profile.name}: ${plural(rows.length, "edge")} shown; the table below lists them` });
  const panel = h("aside", { id: "evidence", "aria-live": "polite", "aria-label": "Evidence" });
  const edgeTable = edgeList(rows, profile, route.params);
  main().replaceChildren(
    actorHeader(profile, "network", route.params),
    filterForm(profile, s, route.params),
    h(
      "p",
      { id: "cap-note", class: "cap-note" },
      total === 0
        ? "No claims between this actor and others match these filters."
        : [
            `Showing ${plural(rows.length, "edge")}`,
            left > 0 ? ` of ${fmt(total)}, ranked by number of claims — ${fmt(left)} left out. ` : ` (all of them), ranked by number of claims. `,
            left > 0 && s.cap < MAX_CAP
              ? h(
                  "a",
                  { href: hashFor("network", profile.id, networkParams(route.params, { cap: Math.min(MAX_CAP, s.cap * 2 >= total ? total : s.cap * 2) })), id: "raise-cap" },
                  `Show ${s.cap * 2 >= total ? "all " + fmt(Math.min(total, MAX_CAP)) : fmt(s.cap * 2)}`,
                )
              : null,
          ],
    ),
    h("div", { class: "network" }, h("div", { class: "graph-wrap" }, graph, legend(s.group)), panel),
    edgeTable,
    dataLinks([
      ["actor-network (JSON)", apiUrl("/queries/actor-network", networkQueryParams(profile.id, s))],
      ["actor (JSON)", apiUrl(`/actors/${encodeId(profile.id)}`)],
      ["actor (Turtle)", apiUrl(`/actors/${encodeId(profile.id)}`), TURTLE],
    ]),
  );
  drawGraph(graph, profile, rows, s, route.params);
  state.network = { key: `${profile.id}?${networkParams(route.params, { edge: "" })}`, profile };
  state.lastNetwork = { ms: performance.now() - t0, fetchMs: t1 - t0, drawMs: performance.now() - t1, edges: rows.length, total };
  selectEdge(s.edge);
  if (s.edge) await showEdge(panel, profile, s, route.params, current);
  else panel.append(evidenceHint());
}

export function evidenceHint() {
  return h("p", { class: "muted hint" }, "Click a line (or its “evidence” link in the table below) to read the claims behind it. Click an actor to put it in the middle.");
}

export function selectEdge(key) {
  if (state.cy) {
    state.cy.edges(".chosen").removeClass("chosen");
    if (key) state.cy.getElementById(key).addClass("chosen");
  }
  document.querySelectorAll("#edge-list tr[data-edge]").forEach((tr) => tr.classList.toggle("selected", tr.dataset.edge === key));
}

export function legend(grouped) {
  return h(
    "p",
    { class: "legend" },
    KINDS.map((k) => h("span", {}, h("span", { class: `swatch ${k}` }), VERB[k])),
    grouped ? null : h("span", {}, h("span", { class: "swatch speaks" }), "speaks for"),
    h("span", { class: "muted" }, "thicker = more claims"),
  );
}

export function filterForm(profile, s, params) {
  const update = (changes) => go(hashFor("network", profile.id, networkParams(params, { ...changes, edge: "" })));
  const kindBoxes = KINDS.map((kind) =>
    h(
      "label",
      { class: "check" },
      h("input", {
        type: "checkbox",
        name: "kind",
        value: kind,
        checked: s.kinds.includes(kind),
        onchange: (e) => {
          const chosen = [...e.target.form.querySelectorAll("input[name=kind]:checked")].map((i) => i.value);
          update({ kinds: chosen });
        },
      }),
      h("span", { class: `swatch ${kind}` }),
      kind,
    ),
  );
  const onDate = (key) => (e) => {
    if (!e.target.value || /^\d{4}-\d{2}-\d{2}$/.test(e.target.value)) update({ [key]: e.target.value });
  };
  return h(
    "form",
    { class: "filters", "aria-label": "Network filters", onsubmit: (e) => e.preventDefault() },
    h("fieldset", {}, h("legend", {}, "Kinds"), kindBoxes),
    h(
      "fieldset",
      {},
      h("legend", {}, "Dates"),
      h("label", {}, "from ", h("input", { type: "date", name: "since", value: s.since, onchange: onDate("since") })),
      h("label", {}, " to ", h("input", { type: "date", name: "until", value: s.until, onchange: onDate("until") })),
    ),
    h(
      "fieldset",
      {},
      h("legend", {}, "Edges"),
      h("label", {}, "at least ", h("input", { type: "number", name: "min", min: 1, max: 100000, value: s.min, class: "short", onchange: (e) => update({ min: parseInt(e.target.value, 10) || 1 }) }), " claims each;"),
      h("label", {}, " the top ", h("input", { type: "number", name: "cap", min: 1, max: MAX_CAP, value: s.cap, class: "short", onchange: (e) => update({ cap: Math.min(MAX_CAP, Math.max(1, parseInt(e.target.value, 10) || DEFAULT_CAP)) }) }), " edges"),
    ),
    h(
      "fieldset",
      {},
      h("legend", {}, "Options"),
      h("label", { class: "check" }, h("input", { type: "checkbox", name: "hedged", checked: s.hedged, onchange: (e) => update({ hedged: e.target.checked }) }), "hedged claims"),
      h("label", { class: "check" }, h("input", { type: "checkbox", name: "group", checked: s.group, onchange: (e) => update({ group: e.target.checked }) }), "people with their side"),
    ),
  );
}

export function edgeList(rows, profile, params) {
  const selected = networkState(params).edge;
  if (!rows.length) return h("div", { id: "edge-list" });
  return h(
    "section",
    { id: "edge-list", "aria-labelledby": "edges-h" },
    h("h2", { id: "edges-h" }, "Edges"),
    h(
      "table",
      {},
      h("thead", {}, h("tr", {}, h("th", {}, "From"), h("th", {}, "Kind"), h("th", {}, "To"), h("th", { class: "num" }, "Claims"), h("th", {}, h("span", { class: "visually-hidden" }, "Evidence")))),
      h(
        "tbody",
        {},
        rows.map((row) => {
          const key = edgeKey(row);
          return h(
            "tr",
            { class: key === selected ? "selected" : null, dataset: { edge: key } },
            h("td", {}, actorLink(row.source, row.source_id, profile.id, params)),
            h("td", {}, h("span", { class: `swatch ${row.kind}` }), VERB[row.kind]),
            h("td", {}, actorLink(row.target, row.target_id, profile.id, params)),
            h("td", { class: "num" }, fmt(row.claims)),
            h("td", {}, h("a", { href: hashFor("network", profile.id, networkParams(params, { edge: key })), class: "evidence-link", "aria-label": `Evidence: ${row.source} ${VERB[row.kind]} ${row.target}` }, "evidence")),
          );
        }),
      ),
    ),
  );
}

export function actorLink(name, id, centre, params) {
  if (id === centre) return h("strong", {}, name);
  return h("a", { href: hashFor("network", id, networkParams(params, { edge: "" })), title: `Put ${name} in the middle` }, name);
}
