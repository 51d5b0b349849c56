import { h } from "./common.js";

// ---------------------------------------------------------------- the API

export class ApiError extends Error {
  constructor(status, code, message, hint, url) {
    super(message);
    Object.assign(this, { status, code, hint, url });
  }
}

export function apiUrl(path, params = {}) {
  const url = new URL(path, location.origin);
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== "") url.searchParams.set(key, String(value));
  }
  return url.pathname + url.search;
}

export async function api(path, params = {}, accept = "application/json") {
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

export const query = (name, params) => api(`/queries/${name}`, params);
// ---------------------------------------------------------------- errors

export function errorBox(error) {
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

export function showError(error) {
  const banner = document.getElementById("error");
  banner.replaceChildren(
    h("strong", {}, "Error: "),
    error.message,
    error.hint ? h("span", { class: "error-hint" }, ` — ${error.hint}`) : null,
    h("button", { type: "button", class: "link", onclick: hideError, "aria-label": "Dismiss the error" }, "×"),
  );
  banner.hidden = false;
}

export function hideError() {
  document.getElementById("error").hidden = true;
}

// ---------------------------------------------------------------- data links (JSON / RDF)

export function dataLinks(links) {
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

export async function showRdf(event, label, url, accept) {
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
