/** The procurer's vocabulary shared by every face: parameters, bids, comparisons, parsing. */
export * from "./parameters";
export * from "./bid";
export * from "./parse";
export * from "./csv";
export * from "./evaluate";
export * from "./circular";
