// The Allegraph explorer: a single page over the HTTP API (canned queries, /claims, /actors,
// /documents). Each view is a module; this one wires them to the router.

import { hideError } from "./api.js";
import { state } from "./common.js";
import { documentView } from "./document.js";
import { destroyGraph } from "./graph.js";
import { networkView } from "./network.js";
import { overview } from "./overview.js";
import { networkParams } from "./params.js";
import { incidentsView, placesView, placeView } from "./places.js";
import { profileView } from "./profile.js";
import { go, hashFor, parseHash, startRouter } from "./router.js";
import { closeSuggestions, setupSearch } from "./search.js";

const VIEWS = {
  "": overview,
  network: networkView,
  profile: profileView,
  incidents: incidentsView,
  places: placesView,
  place: placeView,
  document: documentView,
};

function beforeEachView(route) {
  hideError();
  closeSuggestions();
  if (state.cy && route.view !== "network") destroyGraph();
}

// Escape closes the evidence panel (the dialog handles its own Escape)
document.addEventListener("keydown", (event) => {
  if (event.key === "Escape" && parseHash().params.get("edge") && !document.getElementById("rdf-dialog").open) {
    const { id, params } = parseHash();
    go(hashFor("network", id, networkParams(params, { edge: "" })));
  }
});

window.allegraphExplorer = state; // for the browser tests and for curious analysts
setupSearch();
startRouter(VIEWS, beforeEachView);
