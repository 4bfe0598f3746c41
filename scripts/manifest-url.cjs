// Production URL rewrite for manifest.xml: one setting (ADDIN_PUBLIC_URL) moves EVERY dev URL to the
// public host. Shared by webpack.config.js (copy to dist) and test/manifest.test.ts, so the test checks
// the exact function the build uses.
"use strict";

const DEV_ORIGIN = "https://localhost:3000/";

/** Normalises an ADDIN_PUBLIC_URL value; throws with a readable reason when Office could not use it. */
function normalisePublicUrl(value) {
  let url;
  try {
    url = new URL(String(value).trim());
  } catch {
    throw new Error(`ADDIN_PUBLIC_URL is not a URL: "${value}" (example: https://lcc.example.eu/)`);
  }
  if (url.protocol !== "https:") throw new Error(`ADDIN_PUBLIC_URL must use https (Office refuses http): "${value}"`);
  if (url.search || url.hash) throw new Error(`ADDIN_PUBLIC_URL must not carry ?query or #fragment: "${value}"`);
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

/** Replaces every https://localhost:3000/ in the manifest text with the public base URL. */
function rewriteManifestUrls(xml, publicUrl) {
  // "&" is legal in a URL path but not raw in XML attributes.
  return xml.split(DEV_ORIGIN).join(normalisePublicUrl(publicUrl).replace(/&/g, "&amp;"));
}

module.exports = { DEV_ORIGIN, normalisePublicUrl, rewriteManifestUrls };
