/** The method, pure: no Office, DOM or React. Every face computes through these exports. */
export * from "./result";
export * from "./checks";
export * from "./discounting";
export * from "./lcc";
export * from "./commitments";
export * from "./externalities";
export * from "./energy";
export * from "./co2";
export * from "./residualValue";
export * from "./scoring";
export * from "./eac";
export * from "./imaging";
export * from "./sensitivity";
export * from "./random";
