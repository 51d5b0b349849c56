import { DEFAULT_CAP, KINDS, MAX_CAP } from "./common.js";

// ---------------------------------------------------------------- the network

export function networkState(params) {
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

export function networkParams(params, changes) {
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

export function networkQueryParams(centre, s) {
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

export const edgeKey = (row) => `${row.source_id}|${row.kind}|${row.target_id}`;
