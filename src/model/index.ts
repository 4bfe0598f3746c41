/** The procurer's vocabulary shared by every face: parameters, bids, comparisons, typed-in entries. */
export * from "./parameters";
export * from "./bid";
export * from "./entries";
export * from "./csv";
export * from "./headers";
export * from "./optionWords";
export * from "./numbers";
export * from "./evaluate";
export * from "./circular";
export * from "./parameterSet";
export * from "./callOff";
