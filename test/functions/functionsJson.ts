/**
 * The shape of functions.json (and its -nl/-fr copies), as custom-functions-metadata writes it and Excel
 * reads it: the parts the tests look at.
 */
export interface Parameter {
  name: string;
  description?: string;
  type?: string;
  dimensionality?: string;
  optional?: boolean;
  repeating?: boolean;
}
export interface FunctionMeta {
  id: string;
  name: string;
  description?: string;
  parameters: Parameter[];
  result: { type?: string; dimensionality?: string };
  options?: Record<string, boolean>;
}
export interface Metadata {
  functions: FunctionMeta[];
}
