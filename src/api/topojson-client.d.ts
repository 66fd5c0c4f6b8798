// The package ships no types; only `feature` is used (world outline for the map).
declare module 'topojson-client' {
  const topojson: { feature(topology: unknown, object: unknown): unknown };
  export default topojson;
}
