/** The wizard's public face: mount `<App host={host} />` with a host from src/host (createHost). */
export { App } from "./App";
