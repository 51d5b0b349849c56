import { COLOUR, TYPE_COLOUR, h, state } from "./common.js";
import { edgeKey, networkParams } from "./params.js";
import { go, hashFor } from "./router.js";

export function destroyGraph() {
  if (state.cy) state.cy.destroy();
  state.cy = null;
  state.network = null;
}

export function drawGraph(container, profile, rows, s, params) {
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
