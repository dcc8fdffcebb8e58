// Module types for non-code imports that webpack.config.js bundles.

/** A text file (e.g. a sample plan in seeds/) bundled as its contents (webpack `asset/source`). */
declare module "*.txt" {
  const text: string;
  export default text;
}
