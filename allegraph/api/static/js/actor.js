import { api } from "./api.js";
import { h } from "./common.js";
import { networkParams } from "./params.js";
import { encodeId, hashFor, parseHash } from "./router.js";

// ---------------------------------------------------------------- an actor's header and tabs

export async function loadActor(id) {
  return api(`/actors/${encodeId(id)}`);
}

export function actorHeader(profile, active, params) {
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

export function chainLinks(names) {
  const parts = [];
  names.forEach((name, n) => {
    if (n) parts.push(" → ");
    parts.push(h("a", { href: hashFor("profile", name) }, name));
  });
  return parts;
}
