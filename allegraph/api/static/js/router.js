// The hash holds each view's whole state: #/VIEW/ID?PARAMS, so a reload or a shared link shows
// the same view. `render` draws the view for the current hash; `state.done` says when it has.

import { ApiError, errorBox, showError } from "./api.js";
import { h, main, state } from "./common.js";

// ---------------------------------------------------------------- routing

export function parseHash() {
  const raw = location.hash.replace(/^#\/?/, "");
  const [path, search = ""] = raw.split("?");
  const [view = "", ...rest] = path.split("/");
  return { view, id: rest.length ? decodeURIComponent(rest.join("/")) : null, params: new URLSearchParams(search) };
}

// ids keep their colon ("actor:ba60…", "geonames:170063"): the URLs stay readable
export const encodeId = (id) => encodeURIComponent(id).replace(/%3A/gi, ":");

export function hashFor(view, id = null, params = null) {
  let hash = `#/${view}`;
  if (id !== null) hash += `/${encodeId(id)}`;
  const search = params ? new URLSearchParams([...params].filter(([, v]) => v !== "" && v !== null)).toString() : "";
  return search ? `${hash}?${search}` : hash;
}

export function go(hash, { replace = false } = {}) {
  if (replace) {
    history.replaceState(null, "", hash);
    render();
  } else if (location.hash === hash) {
    render();
  } else {
    location.hash = hash;
  }
}

const routes = { views: {}, before: () => {} };

// views: {name: async (route, current) => …}; before(route) runs ahead of each view
export function startRouter(views, before) {
  Object.assign(routes, { views, before });
  window.addEventListener("hashchange", render);
  render();
}

export async function render() {
  const token = ++state.render;
  const route = parseHash();
  routes.before(route);
  const view = routes.views[route.view];
  const root = main();
  try {
    if (!view) throw new ApiError(404, "not_found", `no view called '${route.view}'`, "start again from the overview", location.hash);
    await view(route, () => token === state.render);
  } catch (error) {
    if (token !== state.render) return;
    root.replaceChildren(h("h1", {}, "Something went wrong"), errorBox(error));
    showError(error);
    console.warn("allegraph explorer:", error.message);
  }
  if (token !== state.render) return;
  // the link that was followed is gone with the old view: keyboard users continue from the new one
  if (!document.activeElement || document.activeElement === document.body) root.focus({ preventScroll: true });
  state.done = location.hash; // the view for this URL is complete
}
