import { api, showError } from "./api.js";
import { h, plural } from "./common.js";
import { networkParams } from "./params.js";
import { go, hashFor, parseHash } from "./router.js";

// ---------------------------------------------------------------- search with suggestions

export const search = { timer: null, active: -1, items: [], seq: 0 };

export function setupSearch() {
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

export async function suggest() {
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

export function setActive(n) {
  search.active = n;
  const input = document.getElementById("q");
  document.querySelectorAll("#suggestions [role=option]").forEach((li, i) => li.setAttribute("aria-selected", String(i === n)));
  input.setAttribute("aria-activedescendant", `suggestion-${n}`);
}

export function closeSuggestions() {
  const list = document.getElementById("suggestions");
  if (!list) return;
  list.hidden = true;
  search.items = [];
  search.active = -1;
  const input = document.getElementById("q");
  input.setAttribute("aria-expanded", "false");
  input.removeAttribute("aria-activedescendant");
}

export function pick(actor) {
  const input = document.getElementById("q");
  input.value = actor.name;
  closeSuggestions();
  const { view, params } = parseHash();
  const keep = ["network", "profile", "incidents"].includes(view) ? view : "network";
  go(hashFor(keep, actor.id, keep === "network" ? networkParams(params, { edge: "" }) : null));
}

export function describeActor(actor) {
  const bits = [actor.type || "actor"];
  if (actor.title) bits.push(actor.title);
  else if (actor.role) bits.push(actor.role);
  if (actor.represents && actor.represents !== actor.name) bits.push(`for ${actor.represents}`);
  return bits.join(", ");
}
