// An offline map of places: Natural Earth country outlines (world-atlas, shipped as data),
// projected with d3-geo and decoded with topojson-client, all vendored from npm. No tiles.

import { h, plural, svg } from "./common.js";
import { hashFor } from "./router.js";

const WIDTH = 1200;
const HEIGHT = 420;
let world = null;

function countries() {
  world ??= fetch("/explorer/vendor/countries-110m.json")
    .then((response) => (response.ok ? response.json() : Promise.reject(new Error(`outline map: ${response.status}`))))
    .then((topology) => window.topojson.feature(topology, topology.objects.countries));
  return world;
}

// The points' bounding box, widened so that a single place still shows its region.
function frame(points) {
  const lons = points.map((p) => p.longitude);
  const lats = points.map((p) => p.latitude);
  const pad = (lo, hi, min) => Math.max(min, (hi - lo) * 0.3);
  const [west, east] = [Math.min(...lons), Math.max(...lons)];
  const [south, north] = [Math.min(...lats), Math.max(...lats)];
  const dx = pad(west, east, 12);
  const dy = pad(south, north, 7);
  const clampLat = (v) => Math.max(-85, Math.min(85, v));
  return {
    type: "MultiPoint",
    coordinates: [
      [Math.max(-180, west - dx), clampLat(south - dy)],
      [Math.min(180, east + dx), clampLat(north + dy)],
    ],
  };
}

// points: [{id, name, latitude, longitude, incidents}]; each links to its place's view
export async function placeMap(points) {
  const located = points.filter((p) => p.latitude !== null && p.latitude !== undefined && p.longitude !== null);
  if (!located.length) return null;
  if (!window.d3?.geoPath || !window.topojson) return h("p", { class: "muted" }, "The map's libraries did not load; the table has the same places.");
  let land;
  try {
    land = await countries();
  } catch (error) {
    return h("p", { class: "muted" }, `No map: ${error.message}`);
  }
  const projection = window.d3.geoEquirectangular().fitExtent([[16, 16], [WIDTH - 16, HEIGHT - 16]], frame(located));
  const path = window.d3.geoPath(projection);
  const map = svg("svg", { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: "map", role: "img", "aria-label": `Map of ${plural(located.length, "place")}` });
  map.append(svg("rect", { x: 0, y: 0, width: WIDTH, height: HEIGHT, class: "sea" }));
  for (const country of land.features) {
    const d = path(country);
    if (d) map.append(svg("path", { d, class: "country" }, svg("title", {}, country.properties?.name ?? "")));
  }
  const most = Math.max(1, ...located.map((p) => p.incidents ?? 1));
  for (const place of located) {
    const [x, y] = projection([place.longitude, place.latitude]);
    const r = 5 + 9 * Math.sqrt((place.incidents ?? 1) / most);
    const link = svg("a", { href: hashFor("place", place.id), class: "place-dot" });
    link.append(
      svg("circle", { cx: x, cy: y, r }, svg("title", {}, `${place.name}: ${plural(place.incidents ?? 0, "incident")}`)),
      svg("text", { x: x + r + 3, y: y + 4 }, place.name),
    );
    map.append(link);
  }
  return h("figure", { class: "map-wrap" }, map, h("figcaption", { class: "muted small" }, "Outlines: Natural Earth (world-atlas), 1:110m. Dot size: incidents."));
}

// one dot per place from incident rows (incidents-at, actor-incidents)
export function placesOf(rows) {
  const byPlace = new Map();
  for (const row of rows) {
    if (!row.place_id) continue;
    const place = byPlace.get(row.place_id) ?? { id: row.place_id, name: row.place, latitude: row.latitude, longitude: row.longitude, incidents: 0 };
    place.incidents += 1;
    byPlace.set(row.place_id, place);
  }
  return [...byPlace.values()];
}
