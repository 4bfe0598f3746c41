// Project-local https certificates for localhost (no sudo, no trust store): a CA and a localhost
// certificate it signed, made by office-addin-dev-certs. Shared by `npm start` (Linux) and `npm run serve:dist`.
"use strict";
const { X509Certificate, createPrivateKey } = require("node:crypto");
const { readFileSync, rmSync } = require("node:fs");
const { join } = require("node:path");

/** True when dir holds a CA, a localhost certificate it signed, and the matching key, valid for 2+ days. */
function certificatesUsable(dir) {
  try {
    const ca = new X509Certificate(readFileSync(join(dir, "ca.crt")));
    const cert = new X509Certificate(readFileSync(join(dir, "localhost.crt")));
    const key = createPrivateKey(readFileSync(join(dir, "localhost.key")));
    const soon = Date.now() + 2 * 24 * 3600 * 1000;
    return (
      cert.verify(ca.publicKey) &&
      cert.checkPrivateKey(key) &&
      cert.checkHost("localhost") !== undefined &&
      new Date(cert.validTo).getTime() > soon &&
      new Date(ca.validTo).getTime() > soon
    );
  } catch {
    return false;
  }
}

/** Generates certificates into dir (30 days), reusing valid ones; resolves with dir. */
async function localCertificates(dir) {
  if (certificatesUsable(dir)) return dir;
  rmSync(dir, { recursive: true, force: true }); // generateCertificates never overwrites an existing CA
  const { generateCertificates } = require("office-addin-dev-certs");
  await generateCertificates(join(dir, "ca.crt"), join(dir, "localhost.crt"), join(dir, "localhost.key"), 30);
  if (!certificatesUsable(dir)) throw new Error(`generated certificates in ${dir} do not verify`);
  return dir;
}

module.exports = { certificatesUsable, localCertificates };
