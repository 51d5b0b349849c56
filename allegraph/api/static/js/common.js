// Constants, the shared state and DOM helpers. No data is ever inserted as HTML: text goes
// through textContent (append of strings), so nothing from a document can run as markup.

export const KINDS = ["accuse", "deny", "condemn", "blame"];
export const VERB = { accuse: "accuses", deny: "denies", condemn: "condemns", blame: "blames" };
export const NOUN = { accuse: "accusations", deny: "denials", condemn: "condemnations", blame: "blame" };
export const COLOUR = { accuse: "#b03a2e", deny: "#2e6da4", condemn: "#b9770e", blame: "#7d3c98" };
export const TYPE_COLOUR = { State: "#2c3e50", Organization: "#5d6d7e", Person: "#839192" };
export const DEFAULT_CAP = 50;
export const MAX_CAP = 2000;
export const TURTLE = "text/turtle";

export const state = { render: 0, cy: null, lastNetwork: null };

// ---------------------------------------------------------------- DOM helpers

export function h(tag, attrs = {}, ...children) {
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

export function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

export function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  append(node, children);
  return node;
}

export const main = () => document.getElementById("main");
export const fmt = (n) => (n ?? 0).toLocaleString("en");
export const plural = (n, one, many = one + "s") => `${fmt(n)} ${n === 1 ? one : many}`;
export const clip = (text, n) => (!text ? "" : text.length > n ? text.slice(0, n - 1) + "…" : text);

// A link to a source only when it is http(s): a document's url comes from whatever was ingested.
export function externalLink(url, text) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return null;
  return h("a", { href: parsed.href, rel: "noopener noreferrer", target: "_blank" }, text);
}

// " · original" after a source's details, or nothing when it has no usable url
export function originalLink(url) {
  const link = externalLink(url, "original");
  return link ? [" · ", link] : null;
}
