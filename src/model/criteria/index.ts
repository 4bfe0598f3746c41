/**
 * The circular award criteria (CRITERIA.md): catalogue, the authority's settings, scoring and compliance,
 * answers and their wording. Not re-exported from src/model: a face loads it where the criteria are shown.
 */
export * from "./catalogue";
export * from "./settings";
export * from "./scoring";
export * from "./answers";
export * from "./text";
