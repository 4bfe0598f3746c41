// Types for manifest-url.cjs (used by the TypeScript tests).
export declare const DEV_ORIGIN: "https://localhost:3000/";
export declare function normalisePublicUrl(value: string): string;
export declare function rewriteManifestUrls(xml: string, publicUrl: string): string;
export declare function officeVersion(packageVersion: string): string;
export declare function setManifestVersion(xml: string, packageVersion: string): string;
