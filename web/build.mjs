// Copies the explorer's npm dependencies into the Python package, so that `allegraph serve`
// ships them and a browser on an offline machine needs nothing from the internet.
//   npm ci --prefix web && npm run build --prefix web
// vendor.json maps each shipped file to its source in node_modules; the copies are committed
// and tests/test_explorer.py checks that they match web/node_modules.
import { copyFileSync, mkdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const vendor = join(here, "..", "allegraph", "api", "static", "vendor");
const files = JSON.parse(readFileSync(join(here, "vendor.json"), "utf8"));

mkdirSync(vendor, { recursive: true });
for (const [to, from] of Object.entries(files)) {
  copyFileSync(join(here, "node_modules", from), join(vendor, to));
  console.log(`allegraph/api/static/vendor/${to} <- node_modules/${from}`);
}
