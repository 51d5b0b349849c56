// The Allegraph explorer: a single page over the HTTP API (canned queries, /claims, /actors,
// /documents). Every view's state is in the URL's hash, so a reload or a shared link shows the
// same view. No data is ever inserted as HTML: text goes through textContent.

const KINDS = ["accuse", "deny", "condemn", "blame"];
const VERB = { accuse: "accuses", deny: "denies", condemn: "condemns", blame: "blames" };
const NOUN = { accuse: "accusations", deny: "denials", condemn: "condemnations", blame: "blame" };
const COLOUR = { accuse: "#b03a2e", deny: "#2e6da4", condemn: "#b9770e", blame: "#7d3c98" };
const TYPE_COLOUR = { State: "#2c3e50", Organization: "#5d6d7e", Person: "#839192" };
const DEFAULT_CAP = 50;
const MAX_CAP = 2000;
const TURTLE = "text/turtle";

const state = { render: 0, cy: null, lastNetwork: null };
window.allegraphExplorer = state; // for the browser tests and for curious analysts

// ---------------------------------------------------------------- DOM helpers

function h(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else if (key === "class") node.className = value;
    else if (key === "dataset") Object.assign(node.dataset, value);
    else node.setAttribute(key, value === true ? "" : value);
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  append(node, children);
  return node;
}

const main = () => document.getElementById("main");
const fmt = (n) => (n ?? 0).toLocaleString("en");
const plural = (n, one, many = one + "s") => `${fmt(n)} ${n === 1 ? one : many}`;

// ---------------------------------------------------------------- the API

class ApiError extends Error {
  constructor(status, code, message, hint, url) {
    super(message);
    Object.assign(this, { status, code, hint, url });
  }
}

function apiUrl(path, params = {}) {
  const url = new URL(path, location.origin);
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== "") url.searchParams.set(key, String(value));
  }
  return url.pathname + url.search;
}

async function api(path, params = {}, accept = "application/json") {
  const url = apiUrl(path, params);
  let response;
  try {
    response = await fetch(url, { headers: { Accept: accept } });
  } catch {
    throw new ApiError(0, "unreachable", "the Allegraph server did not answer", "is 'allegraph serve' still running?", url);
  }
  if (!response.ok) {
    let error = null;
    try {
      error = (await response.json()).error;
    } catch {
      /* not our error shape */
    }
    throw new ApiError(
      response.status,
      error?.code ?? "http_error",
      error?.message ?? `the server answered ${response.status} ${response.statusText}`,
      error?.hint ?? null,
      url,
    );
  }
  return accept === "application/json" ? response.json() : response.text();
}

const query = (name, params) => api(`/queries/${name}`, params);

// ---------------------------------------------------------------- routing

function parseHash() {
  const raw = location.hash.replace(/^#\/?/, "");
  const [path, search = ""] = raw.split("?");
  const [view = "", ...rest] = path.split("/");
  return { view, id: rest.length ? decodeURIComponent(rest.join("/")) : null, params: new URLSearchParams(search) };
}

// ids keep their colon ("actor:ba60…", "geonames:170063"): the URLs stay readable
const encodeId = (id) => encodeURIComponent(id).replace(/%3A/gi, ":");

function hashFor(view, id = null, params = null) {
  let hash = `#/${view}`;
  if (id !== null) hash += `/${encodeId(id)}`;
  const search = params ? new URLSearchParams([...params].filter(([, v]) => v !== "" && v !== null)).toString() : "";
  return search ? `${hash}?${search}` : hash;
}

function go(hash, { replace = false } = {}) {
  if (replace) {
    history.replaceState(null, "", hash);
    render();
  } else if (location.hash === hash) {
    render();
  } else {
    location.hash = hash;
  }
}

async function render() {
  const token = ++state.render;
  const route = parseHash();
  hideError();
  closeSuggestions();
  const views = {
    "": overview,
    network: networkView,
    profile: profileView,
    incidents: incidentsView,
    places: placesView,
    place: placeView,
    document: documentView,
  };
  const view = views[route.view];
  const root = main();
  if (state.cy && route.view !== "network") destroyGraph();
  try {
    if (!view) throw new ApiError(404, "not_found", `no view called '${route.view}'`, "start again from the overview", location.hash);
    await view(route, () => token === state.render);
  } catch (error) {
    if (token !== state.render) return;
    root.replaceChildren(h("h1", {}, "Something went wrong"), errorBox(error));
    showError(error);
    console.warn("allegraph explorer:", error.message);
  }
  if (token === state.render) state.done = location.hash; // the view for this URL is complete
}

// ---------------------------------------------------------------- errors

function errorBox(error) {
  const box = h(
    "div",
    { class: "error-box" },
    h("p", { class: "error-message" }, error.message),
    error.hint ? h("p", { class: "error-hint" }, "Hint: ", error.hint) : null,
  );
  if (error instanceof ApiError) {
    box.append(
      h("p", { class: "muted" }, `${error.status || "no answer"} ${error.code} — `, h("code", {}, error.url || "")),
    );
  }
  return box;
}

function showError(error) {
  const banner = document.getElementById("error");
  banner.replaceChildren(
    h("strong", {}, "Error: "),
    error.message,
    error.hint ? h("span", { class: "error-hint" }, ` — ${error.hint}`) : null,
    h("button", { type: "button", class: "link", onclick: hideError, "aria-label": "Dismiss the error" }, "×"),
  );
  banner.hidden = false;
}

function hideError() {
  document.getElementById("error").hidden = true;
}

// ---------------------------------------------------------------- data links (JSON / RDF)

function dataLinks(links) {
  return h(
    "p",
    { class: "data-links" },
    "Data: ",
    links.map(([label, url, accept]) =>
      accept
        ? h("a", { href: url, class: "rdf", title: `${url} with Accept: ${accept}`, onclick: (e) => showRdf(e, label, url, accept) }, label)
        : h("a", { href: url, class: "json", title: url }, label),
    ),
  );
}

async function showRdf(event, label, url, accept) {
  if (event.ctrlKey || event.metaKey || event.shiftKey) return; // the plain URL, as the user asked
  event.preventDefault();
  const dialog = document.getElementById("rdf-dialog");
  document.getElementById("rdf-title").textContent = label;
  document.getElementById("rdf-source").textContent = `GET ${url} with Accept: ${accept}`;
  const text = document.getElementById("rdf-text");
  text.textContent = "Loading…";
  dialog.showModal();
  try {
    const body = await api(url, {}, accept);
    text.textContent = body.length > 200_000 ? body.slice(0, 200_000) + "\n# … (cut here; download for the rest)" : body;
    const download = document.getElementById("rdf-download");
    if (download.href.startsWith("blob:")) URL.revokeObjectURL(download.href);
    download.href = URL.createObjectURL(new Blob([body], { type: accept }));
  } catch (error) {
    text.replaceChildren(errorBox(error));
  }
}

// ---------------------------------------------------------------- search with suggestions

const search = { timer: null, active: -1, items: [], seq: 0 };

function setupSearch() {
  const input = document.getElementById("q");
  const form = document.getElementById("search");
  input.addEventListener("input", () => {
    clearTimeout(search.timer);
    search.timer = setTimeout(suggest, 120);
  });
  input.addEventListener("keydown", (event) => {
    const list = document.getElementById("suggestions");
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (list.hidden) return suggest();
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((search.active + step + search.items.length) % search.items.length);
    } else if (event.key === "Escape") {
      closeSuggestions();
    }
  });
  input.addEventListener("blur", () => setTimeout(closeSuggestions, 150));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (search.active >= 0 && search.items[search.active]) return pick(search.items[search.active]);
    await suggest();
    if (search.items.length) pick(search.items[0]);
  });
  document.addEventListener("keydown", (event) => {
    const typing = ["INPUT", "TEXTAREA", "SELECT"].includes(document.activeElement?.tagName);
    if (event.key === "/" && !typing) {
      event.preventDefault();
      input.focus();
      input.select();
    }
  });
}

async function suggest() {
  const input = document.getElementById("q");
  const text = input.value.trim();
  const seq = ++search.seq;
  if (!text) return closeSuggestions();
  let actors;
  try {
    actors = (await api("/actors", { search: text, limit: 8 })).actors;
  } catch (error) {
    showError(error);
    return;
  }
  if (seq !== search.seq) return;
  search.items = actors;
  search.active = -1;
  const list = document.getElementById("suggestions");
  list.replaceChildren(
    ...(actors.length
      ? actors.map((actor, n) =>
          h(
            "li",
            { id: `suggestion-${n}`, role: "option", "aria-selected": "false", onmousedown: (e) => (e.preventDefault(), pick(actor)) },
            h("span", { class: "name" }, actor.name),
            h("span", { class: "muted" }, " ", describeActor(actor), ` · ${plural(actor.claims_made + actor.claims_received, "claim")}`),
          ),
        )
      : [h("li", { class: "muted", role: "option", "aria-disabled": "true" }, `No actor matches “${text}”`)]),
  );
  list.hidden = false;
  input.setAttribute("aria-expanded", "true");
  if (actors.length) setActive(0);
}

function setActive(n) {
  search.active = n;
  const input = document.getElementById("q");
  document.querySelectorAll("#suggestions [role=option]").forEach((li, i) => li.setAttribute("aria-selected", String(i === n)));
  input.setAttribute("aria-activedescendant", `suggestion-${n}`);
}

function closeSuggestions() {
  const list = document.getElementById("suggestions");
  if (!list) return;
  list.hidden = true;
  search.items = [];
  search.active = -1;
  const input = document.getElementById("q");
  input.setAttribute("aria-expanded", "false");
  input.removeAttribute("aria-activedescendant");
}

function pick(actor) {
  const input = document.getElementById("q");
  input.value = actor.name;
  closeSuggestions();
  const { view, params } = parseHash();
  const keep = ["network", "profile", "incidents"].includes(view) ? view : "network";
  go(hashFor(keep, actor.id, keep === "network" ? networkParams(params, { edge: "" }) : null));
}

function describeActor(actor) {
  const bits = [actor.type || "actor"];
  if (actor.title) bits.push(actor.title);
  else if (actor.role) bits.push(actor.role);
  if (actor.represents && actor.represents !== actor.name) bits.push(`for ${actor.represents}`);
  return bits.join(", ");
}

// ---------------------------------------------------------------- overview

async function overview(route, current) {
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

function kindBars(byKind) {
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

function bar(fraction, kind) {
  const outer = h("span", { class: "bar-track" });
  const inner = h("span", { class: `bar ${kind}` });
  inner.style.width = `${Math.round(fraction * 100)}%`;
  outer.append(inner);
  return outer;
}

function rankTable(title, caption, rows, otherColumn, otherLabel) {
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

const clip = (text, n) => (!text ? "" : text.length > n ? text.slice(0, n - 1) + "…" : text);

// ---------------------------------------------------------------- an actor's header and tabs

async function loadActor(id) {
  return api(`/actors/${encodeId(id)}`);
}

function actorHeader(profile, active, params) {
  const chain = profile.speaks_for?.length ? ["speaks for ", chainLinks(profile.speaks_for)] : [];
  const keep = active === "network" ? params : parseHash().params;
  const tabs = [
    ["network", "Network"],
    ["profile", "Profile"],
    ["incidents", "Incidents & places"],
  ];
  document.title = `${profile.name} — Allegraph explorer`;
  return h(
    "div",
    { class: "actor-head" },
    h("h1", {}, profile.name, h("span", { class: "muted type" }, ` ${[profile.type, profile.title || profile.role].filter(Boolean).join(", ")}`)),
    chain.length ? h("p", { class: "chain" }, chain) : null,
    h(
      "nav",
      { class: "tabs", "aria-label": "Views of this actor" },
      tabs.map(([view, label]) =>
        h(
          "a",
          { href: hashFor(view, profile.id, view === "network" ? networkParams(keep, {}) : null), "aria-current": view === active ? "page" : null },
          label,
        ),
      ),
    ),
  );
}

function chainLinks(names) {
  const parts = [];
  names.forEach((name, n) => {
    if (n) parts.push(" → ");
    parts.push(h("a", { href: hashFor("profile", name) }, name));
  });
  return parts;
}

// ---------------------------------------------------------------- the network

function networkState(params) {
  const kinds = (params.get("kinds") ?? KINDS.join(",")).split(",").filter((k) => KINDS.includes(k));
  const cap = Math.min(MAX_CAP, Math.max(1, parseInt(params.get("cap") || DEFAULT_CAP, 10) || DEFAULT_CAP));
  return {
    kinds,
    since: params.get("since") || "",
    until: params.get("until") || "",
    min: Math.max(1, parseInt(params.get("min") || "1", 10) || 1),
    hedged: params.get("hedged") !== "0",
    group: params.get("group") !== "0",
    cap,
    edge: params.get("edge") || "",
  };
}

function networkParams(params, changes) {
  const s = { ...networkState(params), ...changes };
  const out = new URLSearchParams();
  if (s.kinds.length !== KINDS.length) out.set("kinds", s.kinds.join(",") || "none");
  if (s.since) out.set("since", s.since);
  if (s.until) out.set("until", s.until);
  if (s.min > 1) out.set("min", String(s.min));
  if (!s.hedged) out.set("hedged", "0");
  if (!s.group) out.set("group", "0");
  if (s.cap !== DEFAULT_CAP) out.set("cap", String(s.cap));
  if (s.edge) out.set("edge", s.edge);
  return out;
}

function networkQueryParams(centre, s) {
  return {
    actor: centre,
    kinds: s.kinds.length === KINDS.length ? null : s.kinds.join(",") || "none",
    since: s.since,
    until: s.until,
    min_claims: s.min,
    hedged: s.hedged,
    group: s.group,
    limit: s.cap,
  };
}

async function networkView(route, current) {
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

function evidenceHint() {
  return h("p", { class: "muted hint" }, "Click a line (or its “evidence” link in the table below) to read the claims behind it. Click an actor to put it in the middle.");
}

function selectEdge(key) {
  if (state.cy) {
    state.cy.edges(".chosen").removeClass("chosen");
    if (key) state.cy.getElementById(key).addClass("chosen");
  }
  document.querySelectorAll("#edge-list tr[data-edge]").forEach((tr) => tr.classList.toggle("selected", tr.dataset.edge === key));
}

function legend(grouped) {
  return h(
    "p",
    { class: "legend" },
    KINDS.map((k) => h("span", {}, h("span", { class: `swatch ${k}` }), VERB[k])),
    grouped ? null : h("span", {}, h("span", { class: "swatch speaks" }), "speaks for"),
    h("span", { class: "muted" }, "thicker = more claims"),
  );
}

function filterForm(profile, s, params) {
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

const edgeKey = (row) => `${row.source_id}|${row.kind}|${row.target_id}`;

function edgeList(rows, profile, params) {
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

function actorLink(name, id, centre, params) {
  if (id === centre) return h("strong", {}, name);
  return h("a", { href: hashFor("network", id, networkParams(params, { edge: "" })), title: `Put ${name} in the middle` }, name);
}

function destroyGraph() {
  if (state.cy) state.cy.destroy();
  state.cy = null;
  state.network = null;
}

function drawGraph(container, profile, rows, s, params) {
  destroyGraph();
  if (typeof window.cytoscape !== "function") {
    container.append(h("p", { class: "error-box" }, "The graph library did not load; the table below has the same edges."));
    return;
  }
  const nodes = new Map();
  const addNode = (id, name, type, side) => {
    const node = nodes.get(id) ?? { id, name, type, side, weight: 0, centre: id === profile.id };
    nodes.set(id, node);
    return node;
  };
  addNode(profile.id, profile.name, profile.type, profile.represents_id ?? profile.id);
  const maxClaims = Math.max(1, ...rows.map((r) => r.claims));
  const edges = rows.map((row) => {
    addNode(row.source_id, row.source, row.source_type, row.source_side_id).weight += row.claims;
    addNode(row.target_id, row.target, row.target_type, row.target_side_id).weight += row.claims;
    return {
      group: "edges",
      data: {
        id: edgeKey(row),
        source: row.source_id,
        target: row.target_id,
        kind: row.kind,
        claims: row.claims,
        width: 1.5 + 8 * Math.sqrt(row.claims / maxClaims),
        colour: COLOUR[row.kind],
      },
      classes: "claims",
    };
  });
  const speaks = [];
  if (!s.group) {
    for (const node of nodes.values()) {
      if (node.side && node.side !== node.id && nodes.has(node.side)) {
        speaks.push({ group: "edges", data: { id: `speaks|${node.id}`, source: node.id, target: node.side }, classes: "speaks" });
      }
    }
  }
  const maxWeight = Math.max(1, ...[...nodes.values()].map((n) => n.weight));
  // room for the bundles of parallel lines between two actors; counts on the lines while few
  const pairs = new Map();
  for (const row of rows) {
    const pair = [row.source_id, row.target_id].sort().join(" ");
    pairs.set(pair, (pairs.get(pair) ?? 0) + 1);
  }
  const spacing = Math.min(220, 20 + 10 * Math.max(0, ...pairs.values()));
  const labelled = rows.length <= 30;
  const elements = [
    ...[...nodes.values()].map((n) => ({
      group: "nodes",
      data: { id: n.id, label: n.name, type: n.type || "Actor", size: n.centre ? 56 : 22 + 26 * Math.sqrt(n.weight / maxWeight), centre: n.centre, weight: n.weight },
      classes: n.centre ? "centre" : "",
    })),
    ...edges,
    ...speaks,
  ];
  const cy = window.cytoscape({
    container,
    elements,
    minZoom: 0.1,
    maxZoom: 4,
    boxSelectionEnabled: false,
    autoungrabify: false,
    style: [
      {
        selector: "node",
        style: {
          label: "data(label)",
          width: "data(size)",
          height: "data(size)",
          "background-color": (n) => TYPE_COLOUR[n.data("type")] ?? "#888",
          shape: (n) => (n.data("type") === "State" ? "ellipse" : n.data("type") === "Person" ? "round-rectangle" : "round-hexagon"),
          color: "#1b1b1b",
          "font-size": 11,
          "text-valign": "bottom",
          "text-margin-y": 3,
          "text-wrap": "wrap",
          "text-max-width": 120,
          "text-background-color": "#ffffff",
          "text-background-opacity": 0.75,
          "text-background-padding": 1,
        },
      },
      { selector: "node.centre", style: { "border-width": 4, "border-color": "#f1c40f", "font-size": 14, "font-weight": "bold" } },
      {
        selector: "edge.claims",
        style: {
          width: "data(width)",
          "line-color": "data(colour)",
          "target-arrow-color": "data(colour)",
          "target-arrow-shape": "triangle",
          "curve-style": "bezier",
          "control-point-step-size": 40,
          "arrow-scale": 0.9,
          opacity: 0.8,
          label: labelled ? "data(claims)" : "",
          "font-size": 9,
          color: "#333",
          "text-background-color": "#fff",
          "text-background-opacity": 0.8,
          "text-background-padding": 1,
        },
      },
      { selector: "edge.speaks", style: { width: 1.5, "line-color": "#aaa", "line-style": "dashed", "curve-style": "straight", opacity: 0.7 } },
      { selector: "edge.claims:selected, edge.claims.chosen", style: { opacity: 1, label: "data(claims)", "underlay-color": "#f1c40f", "underlay-opacity": 0.6, "underlay-padding": 4, "z-index": 10 } },
      { selector: "node:selected", style: { "border-width": 3, "border-color": "#f1c40f" } },
    ],
    // the centre in the middle and, while they fit, everyone else on one ring (so that no line
    // from the centre crosses a neighbour); more nodes go on rings by activity, busiest inside
    layout: {
      name: "concentric",
      concentric: (n) => (n.data("centre") ? 1e9 : nodes.size <= 40 ? 1 : n.data("weight")),
      levelWidth: () => (nodes.size <= 40 ? 1 : Math.max(1, maxWeight / 4)),
      minNodeSpacing: spacing,
      animate: false,
      padding: 24,
    },
  });
  state.cy = cy;
  cy.on("tap", "edge", (event) => {
    const edge = event.target;
    if (edge.hasClass("speaks")) return;
    go(hashFor("network", profile.id, networkParams(params, { edge: edge.id() })));
  });
  cy.on("tap", "node", (event) => {
    const id = event.target.id();
    if (id === profile.id) go(hashFor("profile", id));
    else go(hashFor("network", id, networkParams(params, { edge: "" })));
  });
  cy.on("mouseover", "node, edge", () => (container.style.cursor = "pointer"));
  cy.on("mouseout", "node, edge", () => (container.style.cursor = ""));
}

// ---------------------------------------------------------------- the evidence panel

async function showEdge(panel, profile, s, params, current) {
  const [source, kind, target] = s.edge.split("|");
  const args = { actor: profile.id, source, kind, target, group: s.group, since: s.since, until: s.until, hedged: s.hedged, limit: 100 };
  panel.replaceChildren(h("p", { class: "muted" }, "Loading the evidence…"));
  let result;
  try {
    result = await query("edge-evidence", args);
  } catch (error) {
    if (current()) panel.replaceChildren(errorBox(error));
    return;
  }
  if (!current()) return;
  const rows = result.rows;
  const names = state.cy ? [state.cy.getElementById(source).data("label"), state.cy.getElementById(target).data("label")] : [source, target];
  const close = h("a", { href: hashFor("network", profile.id, networkParams(params, { edge: "" })), class: "close", "aria-label": "Close the evidence" }, "×");
  panel.replaceChildren(
    close,
    h("h2", { id: "evidence-h" }, `${names[0] ?? source} ${VERB[kind] ?? kind} ${names[1] ?? target}`),
    h("p", { class: "muted" }, rows.length === 100 ? "The newest 100 claims" : plural(rows.length, "claim"), ", newest first"),
    rows.length ? h("ol", { class: "claims" }, rows.map((row) => claimCard(row))) : h("p", {}, "No claims on this edge with these filters."),
    dataLinks([
      ["edge-evidence (JSON)", apiUrl("/queries/edge-evidence", args)],
      ["claims (Turtle)", apiUrl("/claims", { speaker: source, target, kind }), TURTLE],
    ]),
  );
  panel.scrollTop = 0;
}

function claimCard(row) {
  const facts = [
    row.date ? `dated ${row.date}` : "undated",
    row.modality,
    row.confidence !== null && row.confidence !== undefined ? `confidence ${row.confidence.toFixed(2)}` : null,
  ].filter(Boolean);
  return h(
    "li",
    { class: "claim", id: `claim-${row.claim_id}`, dataset: { claim: row.claim_id } },
    h("p", { class: "who" }, h("span", { class: `swatch ${row.kind}` }), h("strong", {}, row.speaker), ` ${VERB[row.kind]} `, h("strong", {}, row.target ?? "—"), row.charge ? h("span", { class: "muted" }, ` — ${clip(row.charge, 140)}`) : null),
    sentenceInContext(row),
    row.quote ? h("blockquote", {}, row.quote) : null,
    h("p", { class: "facts muted" }, facts.join(" · ")),
    row.responds_to
      ? h(
          "p",
          { class: "responds" },
          "Answers ",
          h("strong", {}, row.responds_to_speaker ?? "an accusation"),
          ": ",
          h("q", {}, clip(row.responds_to_evidence, 220)),
        )
      : null,
    source(row),
  );
}

// The sentence is marked by its offsets into the document; the text around it gives the context.
function sentenceInContext(row) {
  const text = row.context;
  const from = row.start - (row.context_start ?? 0);
  const to = row.end - (row.context_start ?? 0);
  if (!text || from < 0 || to > text.length || from >= to) return h("p", { class: "sentence" }, h("mark", {}, row.evidence));
  let before = text.slice(0, from);
  let sentence = text.slice(from, to);
  let after = text.slice(to);
  // the sentence's own span may end in the paragraph break after it
  const trailing = sentence.match(/\s+$/)?.[0] ?? "";
  if (trailing) {
    sentence = sentence.slice(0, sentence.length - trailing.length);
    after = trailing + after;
  }
  before = trimToParagraph(before, true);
  after = trimToParagraph(after, false);
  return h(
    "p",
    { class: "sentence", title: `characters ${row.start}–${row.end} of the document` },
    before ? h("span", { class: "context" }, (row.context_start > 0 && before === text.slice(0, from) ? "…" : "") + before) : null,
    h("mark", {}, markCharge(sentence, row.charge)),
    after ? h("span", { class: "context" }, after) : null,
  );
}

function trimToParagraph(text, before) {
  const parts = text.split(/\n\s*\n/);
  const kept = before ? parts[parts.length - 1] : parts[0];
  return kept.replace(/\s+/g, " ").replace(before ? /^\s+/ : /\s+$/, "") + (before && kept ? " " : "");
}

function markCharge(sentence, charge) {
  const words = (charge || "").replace(/[\s…]+$/, "").trim();
  const at = words.length > 3 ? sentence.indexOf(words) : -1;
  if (at < 0) return sentence;
  return [sentence.slice(0, at), h("strong", { class: "charge" }, words), sentence.slice(at + words.length)];
}

function source(row) {
  return h(
    "p",
    { class: "source" },
    h("a", { href: hashFor("document", row.document_id, new URLSearchParams({ claim: row.claim_id })), class: "doc-title" }, row.document || row.document_id),
    row.outlet ? ` · ${row.outlet}` : null,
    row.published ? ` · published ${row.published}` : null,
    row.url ? [" · ", h("a", { href: row.url, rel: "noopener noreferrer", target: "_blank" }, "original")] : null,
    " · ",
    h("a", { href: hashFor("document", row.document_id, new URLSearchParams({ claim: row.claim_id })) }, "all claims in reading order"),
  );
}

// ---------------------------------------------------------------- profile

async function profileView(route, current) {
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
          h("dd", { id: "speaks-for" }, profile.speaks_for.length ? chainLinks(profile.speaks_for) : "itself"),
          h("dt", {}, "Documents"),
          h("dd", {}, fmt(profile.documents)),
        ),
      ),
      h(
        "section",
        { class: "card", "aria-labelledby": "made-h" },
        h("h2", { id: "made-h" }, "Claims by kind"),
        madeReceived(profile),
        h("p", { class: "muted small" }, `Made and received by ${profile.name} itself; the network and the timeline also count whoever speaks for it.`),
      ),
    ),
    h(
      "section",
      { "aria-labelledby": "spokes-h", id: "spokespeople" },
      h("h2", { id: "spokes-h" }, "Who speaks for it"),
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
        : h("p", { class: "muted" }, "Nobody in the graph speaks for this actor."),
    ),
    h(
      "section",
      { "aria-labelledby": "time-h", id: "timeline" },
      h("h2", { id: "time-h" }, "Timeline by month"),
      h("p", { class: "muted" }, `Claims made (above the line) and received (below) by ${profile.name} or anyone who speaks for it.`),
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

function madeReceived(profile) {
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

function monthsBetween(first, last) {
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

function timeline(rows) {
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

// ---------------------------------------------------------------- incidents and places

async function incidentsView(route, current) {
  const profile = await loadActor(route.id);
  const [about, located] = await Promise.all([
    query("actor-incidents", { actor: profile.id, limit: 200 }),
    profile.type === "State" ? query("incidents-at", { place: profile.id, limit: 200 }) : Promise.resolve(null),
  ]);
  if (!current()) return;
  if (profile.id !== route.id) history.replaceState(null, "", hashFor("incidents", profile.id));
  main().replaceChildren(
    actorHeader(profile, "incidents", route.params),
    h("section", { "aria-labelledby": "about-h" }, h("h2", { id: "about-h" }, `Incidents its claims are about`), incidentTable(about.rows)),
    located ? h("section", { "aria-labelledby": "in-h" }, h("h2", { id: "in-h" }, `Incidents in ${profile.name}`), incidentTable(located.rows)) : null,
    dataLinks([
      ["actor-incidents (JSON)", apiUrl("/queries/actor-incidents", { actor: profile.id, limit: 200 })],
      located ? ["incidents-at (JSON)", apiUrl("/queries/incidents-at", { place: profile.id, limit: 200 })] : null,
    ].filter(Boolean)),
  );
}

function geonames(placeId) {
  const match = /^geonames:(\d+)$/.exec(placeId || "");
  return match ? h("a", { href: `https://www.geonames.org/${match[1]}`, rel: "noopener noreferrer", target: "_blank", title: "GeoNames" }, `GeoNames ${match[1]}`) : null;
}

function coordinates(lat, lon) {
  return lat === null || lat === undefined ? "" : `${lat.toFixed(3)}, ${lon.toFixed(3)}`;
}

function incidentTable(rows) {
  if (!rows.length) return h("p", { class: "muted" }, "None.");
  return h(
    "table",
    { class: "incidents" },
    h("thead", {}, h("tr", {}, h("th", {}, "Incident"), h("th", {}, "Date"), h("th", { class: "num" }, "Casualties"), h("th", {}, "Place"), h("th", { class: "num" }, "Claims"), h("th", {}, "For example"))),
    h(
      "tbody",
      {},
      rows.map((r) =>
        h(
          "tr",
          {},
          h("td", {}, r.incident, h("span", { class: "muted" }, r.type && r.type !== r.incident ? ` (${r.type})` : "")),
          h("td", {}, r.date ?? "—"),
          h("td", { class: "num" }, r.casualties ?? "—"),
          h("td", {}, r.place_id ? [h("a", { href: hashFor("place", r.place_id) }, r.place), " ", h("span", { class: "muted" }, coordinates(r.latitude, r.longitude)), " ", geonames(r.place_id)] : "—"),
          h("td", { class: "num" }, fmt(r.claims)),
          h("td", { class: "example" }, r.example_document_id ? h("a", { href: hashFor("document", r.example_document_id, new URLSearchParams({ claim: r.example_claim_id })) }, clip(r.example_evidence, 140)) : ""),
        ),
      ),
    ),
  );
}

async function placesView(route, current) {
  const text = route.params.get("search") || "";
  const places = await query("places", { search: text || null, limit: 200 });
  if (!current()) return;
  document.title = "Places — Allegraph explorer";
  const input = h("input", { type: "search", name: "search", value: text, placeholder: "Idlib, Aleppo…", "aria-label": "Find a place" });
  main().replaceChildren(
    h("h1", {}, "Places"),
    h("p", { class: "lede" }, "Geocoded places where incidents happened, with the state they lie in. Pick one for its incidents; a state's incidents are on its page too."),
    h(
      "form",
      { class: "inline", role: "search", onsubmit: (e) => (e.preventDefault(), go(hashFor("places", null, new URLSearchParams({ search: input.value.trim() })))) },
      input,
      h("button", {}, "Find"),
    ),
    places.rows.length
      ? h(
          "table",
          {},
          h("thead", {}, h("tr", {}, h("th", {}, "Place"), h("th", {}, "State"), h("th", {}, "Coordinates"), h("th", { class: "num" }, "Incidents"), h("th", {}, "GeoNames"))),
          h(
            "tbody",
            {},
            places.rows.map((r) =>
              h(
                "tr",
                {},
                h("td", {}, h("a", { href: hashFor("place", r.place_id) }, r.place)),
                h("td", {}, r.state_id ? h("a", { href: hashFor("incidents", r.state_id) }, r.state) : "—"),
                h("td", {}, coordinates(r.latitude, r.longitude)),
                h("td", { class: "num" }, fmt(r.incidents)),
                h("td", {}, geonames(r.place_id)),
              ),
            ),
          ),
        )
      : h("p", {}, text ? `No place matches “${text}”.` : "No geocoded places yet."),
    dataLinks([["places (JSON)", apiUrl("/queries/places", { search: text || null, limit: 200 })]]),
  );
}

async function placeView(route, current) {
  const incidents = await query("incidents-at", { place: route.id, limit: 200 });
  if (!current()) return;
  const name = incidents.rows.find((r) => r.place_id === route.id)?.place ?? route.id;
  document.title = `${name} — Allegraph explorer`;
  main().replaceChildren(
    h("h1", {}, name, " ", h("span", { class: "muted type" }, geonames(route.id) ?? "")),
    h("p", {}, h("a", { href: "#/places" }, "All places")),
    h("section", { "aria-labelledby": "at-h" }, h("h2", { id: "at-h" }, "Incidents here"), incidentTable(incidents.rows)),
    dataLinks([["incidents-at (JSON)", apiUrl("/queries/incidents-at", { place: route.id, limit: 200 })]]),
  );
}

// ---------------------------------------------------------------- a document

async function documentView(route, current) {
  const doc = await api(`/documents/${encodeId(route.id)}`);
  if (!current()) return;
  const chosen = route.params.get("claim");
  document.title = `${doc.title || doc.id} — Allegraph explorer`;
  main().replaceChildren(
    h("h1", {}, doc.title || doc.id),
    h(
      "p",
      { class: "muted" },
      [doc.source, doc.published ? `published ${doc.published}` : null, doc.length ? `${fmt(doc.length)} characters` : null, `id ${doc.id}`].filter(Boolean).join(" · "),
      doc.url ? [" · ", h("a", { href: doc.url, rel: "noopener noreferrer", target: "_blank" }, "original")] : null,
    ),
    h("h2", {}, `${plural(doc.claims.length, "claim")} in reading order`),
    h(
      "ol",
      { class: "claims reading" },
      doc.claims.map((c) =>
        h(
          "li",
          { class: c.claim_id === chosen ? "claim chosen" : "claim", id: `claim-${c.claim_id}`, tabindex: "-1" },
          h(
            "p",
            { class: "who" },
            h("span", { class: `swatch ${c.kind}` }),
            h("a", { href: hashFor("network", c.speaker_id) }, c.speaker ?? c.speaker_id),
            ` ${VERB[c.kind]} `,
            c.target_id ? h("a", { href: hashFor("network", c.target_id) }, c.target ?? c.target_id) : "—",
            h("span", { class: "muted" }, ` · characters ${c.start}–${c.end}`),
          ),
          h("p", { class: "sentence" }, h("mark", {}, markCharge(c.evidence, c.charge))),
          c.quote ? h("blockquote", {}, c.quote) : null,
          h("p", { class: "facts muted" }, [c.date ? `dated ${c.date}` : "undated", c.modality, c.confidence != null ? `confidence ${c.confidence.toFixed(2)}` : null, c.responds_to.length ? "answers an accusation" : null].filter(Boolean).join(" · ")),
        ),
      ),
    ),
    dataLinks([
      ["document (JSON)", apiUrl(`/documents/${encodeId(doc.id)}`)],
      ["claims-in-document (JSON)", apiUrl("/queries/claims-in-document", { document: doc.id })],
      ["claims (Turtle)", apiUrl("/claims", { document: doc.id, limit: 1000 }), TURTLE],
    ]),
  );
  if (chosen) {
    const item = document.getElementById(`claim-${chosen}`);
    if (item) {
      item.scrollIntoView({ block: "center" });
      item.focus({ preventScroll: true });
    }
  }
}

// ---------------------------------------------------------------- start

document.addEventListener("keydown", (event) => {
  if (event.key === "Escape" && parseHash().params.get("edge") && !document.getElementById("rdf-dialog").open) {
    const { id, params } = parseHash();
    go(hashFor("network", id, networkParams(params, { edge: "" })));
  }
});
window.addEventListener("hashchange", render);
setupSearch();
render();
