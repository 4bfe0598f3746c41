// Types for serve-dist.cjs (used by the TypeScript tests).
import type { Server } from "node:https";
export declare const CONTENT_TYPES: Record<string, string>;
export declare function headersFor(relativePath: string): Record<string, string>;
export declare function resolveFile(root: string, urlPath: string): string | undefined;
export declare function serve(options: {
  root: string;
  port?: number;
  cert: Buffer;
  key: Buffer;
}): Promise<{ server: Server; url: string }>;
