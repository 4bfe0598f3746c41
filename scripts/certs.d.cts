// Types for certs.cjs (used by the TypeScript tests).
export declare function certificatesUsable(dir: string): boolean;
export declare function localCertificates(dir: string): Promise<string>;
