// Manifest rewrites at build time. The URL rewrite: one setting (ADDIN_PUBLIC_URL) moves EVERY dev URL to the
// public host. Shared by webpack.config.js (copy to dist) and test/manifest.test.ts, so the test checks
// the exact function the build uses. And the <Version>, which always follows package.json.
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

/**
 * Office's <Version> for a package.json version: "1.4.2" -> "1.4.2.0". Excel caches function metadata
 * per add-in version, so every release must change it; deriving it from package.json means a release
 * cannot forget. Office accepts up to four numeric parts only, so "1.0.0-beta" is refused.
 */
function officeVersion(packageVersion) {
  const m = /^(\d{1,5})\.(\d{1,5})\.(\d{1,5})$/.exec(String(packageVersion));
  if (!m) throw new Error(`package.json version "${packageVersion}" cannot be an Office manifest version (use major.minor.patch)`);
  return `${m[1]}.${m[2]}.${m[3]}.0`;
}

/** Writes the Office version of packageVersion into the one <Version> element of the manifest. */
function setManifestVersion(xml, packageVersion) {
  const tags = xml.match(/<Version>[^<]*<\/Version>/g) ?? [];
  if (tags.length !== 1) throw new Error(`manifest.xml must have exactly one <Version> element, found ${tags.length}`);
  return xml.replace(/<Version>[^<]*<\/Version>/, `<Version>${officeVersion(packageVersion)}</Version>`);
}

module.exports = { DEV_ORIGIN, normalisePublicUrl, rewriteManifestUrls, officeVersion, setManifestVersion };
