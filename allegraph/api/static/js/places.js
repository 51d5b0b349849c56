import { actorHeader, loadActor } from "./actor.js";
import { apiUrl, dataLinks, query } from "./api.js";
import { clip, fmt, h, main } from "./common.js";
import { placeMap, placesOf } from "./map.js";
import { go, hashFor } from "./router.js";

// ---------------------------------------------------------------- incidents and places

export async function incidentsView(route, current) {
  const profile = await loadActor(route.id);
  const [about, located] = await Promise.all([
    query("actor-incidents", { actor: profile.id, limit: 200 }),
    profile.type === "State" ? query("incidents-at", { place: profile.id, limit: 200 }) : Promise.resolve(null),
  ]);
  const map = await placeMap(placesOf([...about.rows, ...(located?.rows ?? [])]));
  if (!current()) return;
  if (profile.id !== route.id) history.replaceState(null, "", hashFor("incidents", profile.id));
  main().replaceChildren(
    actorHeader(profile, "incidents", route.params),
    map,
    h("section", { "aria-labelledby": "about-h" }, h("h2", { id: "about-h" }, `Incidents its claims are about`), incidentTable(about.rows)),
    located ? h("section", { "aria-labelledby": "in-h" }, h("h2", { id: "in-h" }, `Incidents in ${profile.name}`), incidentTable(located.rows)) : null,
    dataLinks([
      ["actor-incidents (JSON)", apiUrl("/queries/actor-incidents", { actor: profile.id, limit: 200 })],
      located ? ["incidents-at (JSON)", apiUrl("/queries/incidents-at", { place: profile.id, limit: 200 })] : null,
    ].filter(Boolean)),
  );
}

export function geonames(placeId) {
  const match = /^geonames:(\d+)$/.exec(placeId || "");
  return match ? h("a", { href: `https://www.geonames.org/${match[1]}`, rel: "noopener noreferrer", target: "_blank", title: "GeoNames" }, `GeoNames ${match[1]}`) : null;
}

export function coordinates(lat, lon) {
  return lat === null || lat === undefined ? "" : `${lat.toFixed(3)}, ${lon.toFixed(3)}`;
}

export function incidentTable(rows) {
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

export async function placesView(route, current) {
  const text = route.params.get("search") || "";
  const places = await query("places", { search: text || null, limit: 200 });
  const map = await placeMap(places.rows.map((r) => ({ id: r.place_id, name: r.place, latitude: r.latitude, longitude: r.longitude, incidents: r.incidents })));
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
    map,
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

export async function placeView(route, current) {
  const incidents = await query("incidents-at", { place: route.id, limit: 200 });
  const map = await placeMap(placesOf(incidents.rows));
  if (!current()) return;
  const name = incidents.rows.find((r) => r.place_id === route.id)?.place ?? route.id;
  document.title = `${name} — Allegraph explorer`;
  main().replaceChildren(
    h("h1", {}, name, " ", h("span", { class: "muted type" }, geonames(route.id) ?? "")),
    h("p", {}, h("a", { href: "#/places" }, "All places")),
    map,
    h("section", { "aria-labelledby": "at-h" }, h("h2", { id: "at-h" }, "Incidents here"), incidentTable(incidents.rows)),
    dataLinks([["incidents-at (JSON)", apiUrl("/queries/incidents-at", { place: route.id, limit: 200 })]]),
  );
}
