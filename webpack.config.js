// Add-in bundle, in the shape of Microsoft's Office-Addin-TaskPane-React template.
// Differences from the template, and why:
// - no polyfill/vendor entries and no babel/html-loader: Excel's web views are modern (Edge WebView2/Safari),
//   and HtmlWebpackPlugin's built-in template loader is enough for the pages;
// - a third page, workbench.html: the add-in's UI in a plain browser (no Excel, no office.js), used by `npm start`
//   on machines without Excel; it may load ExcelJS, but only lazily through `import("exceljs")`;
// - ts-loader runs with transpileOnly: type checking is `npm run typecheck` (tsc --noEmit);
// - production file names carry a content hash and shared code is split into chunks, so Office's web view
//   caches what did not change; the task pane's initial JavaScript is measured by `npm run bench:bundle`;
// - the pane's Web Worker for legacy .xls/.et (src/xlsx/readLegacyInWorker.ts) needs no rule: webpack 5 makes
//   `new Worker(new URL("./legacyWorkbook.worker.ts", import.meta.url))` a chunk of its own, with its own runtime
//   (importScripts), which loads the same sheetjs chunk as the page;
// - `*.txt` imports are bundled as strings (the sample plans in seeds/, imported lazily);
// - `output.clean` keeps dist/cli.cjs(.map), which scripts/build-cli.mjs writes before webpack runs;
// - office.js comes from node_modules in development (served at /office-js/) so dev and tests never need the CDN;
// - the dev server falls back to plain http when office-addin-dev-certs cannot install its CA (e.g. Linux without sudo);
// - the production origin is a setting, not the template's https://www.contoso.com/ placeholder: `webpack --mode
//   production --env origin=https://host/path/` (or TB_ORIGIN) rewrites every URL of dist/manifest.xml to it, and a
//   production build without one fails (scripts/manifest.mjs; `npm test` builds with https://example.test/addin/);
// - a production build also writes dist/unified/: the unified manifest for Microsoft 365 (manifest.json) made from
//   dist/manifest.xml by Microsoft's converter, and the app package target-breakdown.zip, both checked offline
//   (UnifiedManifestPlugin below, scripts/unifiedManifest.mjs); the build fails on a problem;
// - every page carries a Content-Security-Policy <meta> (contentSecurityPolicy below; docs/deploy.md);
// - the dev server listens on 127.0.0.1 only and sends no Access-Control-Allow-Origin (the pages are same-origin).

const path = require("path");
const devCerts = require("office-addin-dev-certs");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { Compilation, WebpackError, sources } = require("webpack");

const officeJsHost = "https://appsforoffice.microsoft.com";
const officeJsCdn = `${officeJsHost}/lib/1/hosted/office.js`;
const officeJsDev = "/office-js/office.js";

/**
 * The Content-Security-Policy of a page (a <meta>, so it holds on any static host). `officeJs`: the page loads
 * office.js (taskpane, commands), from Microsoft's CDN when `cdn`, else from this server (/office-js/).
 * - scripts from this origin only, plus the CDN where office.js comes from (it loads its host-specific files
 *   from the same place); no inline script and no eval anywhere;
 * - style-src 'unsafe-inline': Fluent UI's Griffel inserts <style> elements at run time and React sets style
 *   attributes; a nonce would have to be new per response, which a static host cannot do;
 * - connect-src: this origin; on office.js pages also the CDN and office.js's own usage telemetry (it loads
 *   ariatelemetry/ from its base path and posts to *.pipe.aria.microsoft.com), and frame-src its logging proxy;
 * - no frame-ancestors: browsers ignore it in a <meta>, and Office on the web shows the pane in an iframe of
 *   Office's own domains, which must stay allowed (docs/deploy.md says what a host's headers may add).
 */
function contentSecurityPolicy({ officeJs = false, cdn = false, dev = false } = {}) {
  const remote = officeJs && cdn ? ` ${officeJsHost}` : "";
  const telemetry = officeJs ? " https://*.pipe.aria.microsoft.com" : "";
  // `webpack serve`'s live reload talks over a WebSocket to the dev server (older WebKit does not count ws: as 'self').
  const reload = dev ? " ws://localhost:* wss://localhost:* ws://127.0.0.1:* wss://127.0.0.1:*" : "";
  return [
    "default-src 'self'",
    `script-src 'self'${remote}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    `connect-src 'self'${remote}${telemetry}${reload}`,
    // office.js outside a known host (and on Office 2013-era hosts) loads o15apptofilemappingtable.js, whose logger
    // frames Microsoft's telemetry proxy after 3 s.
    ...(officeJs ? ["frame-src 'self' https://telemetryservice.firstpartyapps.oaspapps.com"] : []),
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join("; ");
}

/**
 * Production: derives dist/unified/ (manifest.json, its localization file, color.png, outline.png and
 * target-breakdown.zip) from the manifest.xml asset CopyWebpackPlugin made, after that step (a derived-assets
 * stage); a problem is a compilation error, so the build fails with the list (scripts/unifiedManifest.mjs).
 */
class UnifiedManifestPlugin {
  constructor(origin) {
    this.origin = origin;
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap("UnifiedManifestPlugin", (compilation) => {
      compilation.hooks.processAssets.tapPromise(
        { name: "UnifiedManifestPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_DERIVED },
        async () => {
          const asset = compilation.getAsset("manifest.xml");
          if (!asset) return; // CopyWebpackPlugin's own error says why
          const unified = await import("./scripts/unifiedManifest.mjs");
          try {
            const xml = asset.source.source().toString();
            const { files, zip } = await unified.unifiedPackage(xml, { origin: this.origin });
            for (const { name, data } of [...files, { name: unified.ZIP_NAME, data: zip }])
              compilation.emitAsset(`${unified.UNIFIED_DIR}/${name}`, new sources.RawSource(data));
          } catch (err) {
            const error = new WebpackError(
              err instanceof unified.UnifiedManifestError ? err.message : String(err),
            );
            error.stack = err.stack;
            compilation.errors.push(error);
          }
        },
      );
    });
  }
}

async function getServerOptions() {
  try {
    const httpsOptions = await devCerts.getHttpsServerOptions();
    return {
      type: "https",
      options: { ca: httpsOptions.ca, key: httpsOptions.key, cert: httpsOptions.cert },
    };
  } catch (err) {
    // Not fatal: the pane still works in a browser over http; sideloading into Office needs trusted https.
    console.warn(`[webpack] HTTPS certificates unavailable, serving over http instead: ${err.message}`);
    return { type: "http" };
  }
}

module.exports = async (env = {}, options = {}) => {
  const dev = options.mode === "development";
  const officeJs = dev ? officeJsDev : officeJsCdn;
  const manifest = await import("./scripts/manifest.mjs");
  // Production only: development builds keep the manifest's https://localhost:3000/ for sideloading.
  const origin = dev ? undefined : manifest.parseOrigin(manifest.originSetting(env));
  // Hashed names only in production: development builds are served by scripts/serve.mjs and webpack serve.
  const jsName = dev ? "[name].js" : "[name].[contenthash:8].js";
  const config = {
    devtool: "source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
      workbench: "./src/workbench/index.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: jsName,
      chunkFilename: jsName,
      clean: { keep: /^cli\.cjs(\.map)?$/ },
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
      // ExcelJS's package.json "browser" field points webpack at dist/exceljs.min.js, a self-contained bundle
      // that needs no Node polyfills; only the workbench loads it, lazily.
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true } },
        },
        {
          // Plan documents (seeds/*.txt) imported as strings; see src/assets.d.ts for the type.
          test: /\.txt$/,
          type: "asset/source",
        },
      ],
    },
    optimization: {
      // Every page gets its own entry chunk; node_modules code shared by the pages (React, Fluent UI) and
      // lazily imported modules (ExcelJS, sample plans) go into separate, separately cached chunks.
      splitChunks: {
        chunks: "all",
        cacheGroups: {
          // Named, so bench/bundle.mjs and the size hints below can tell it apart.
          exceljs: {
            test: /[\\/]node_modules[\\/]exceljs[\\/]/,
            name: "exceljs",
            chunks: "async",
            priority: 20,
          },
          // The `docx` package, for the 通报 only (src/docx/renderBulletinDocx.ts imports it at the click).
          docx: {
            test: /[\\/]node_modules[\\/]docx[\\/]/,
            name: "docx",
            chunks: "async",
            priority: 20,
          },
          // SheetJS, for legacy .xls/.et files only (src/xlsx/readLegacyWorkbook.ts imports it lazily); its code
          // pages stay a chunk of their own, fetched for Excel 95 files only.
          sheetjs: {
            test: /[\\/]node_modules[\\/]@e965[\\/]xlsx[\\/](?!dist[\\/]cpexcel)/,
            name: "sheetjs",
            chunks: "async",
            priority: 20,
          },
        },
      },
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
        templateParameters: { officeJs, csp: contentSecurityPolicy({ officeJs: true, cdn: !dev, dev }) },
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
        templateParameters: { officeJs, csp: contentSecurityPolicy({ officeJs: true, cdn: !dev, dev }) },
      }),
      new HtmlWebpackPlugin({
        // The browser workbench: no office.js at all.
        filename: "workbench.html",
        template: "./src/workbench/workbench.html",
        chunks: ["workbench"],
        templateParameters: { csp: contentSecurityPolicy({ dev }) },
      }),
      new HtmlWebpackPlugin({
        // The manifest's SupportUrl and LearnMoreUrl: static, no script.
        filename: "support.html",
        template: "./src/support/support.html",
        chunks: [],
        inject: false,
        templateParameters: {
          csp: "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; base-uri 'none'; form-action 'none'",
        },
      }),
      new CopyWebpackPlugin({
        patterns: [
          {
            from: "assets/*",
            to: "assets/[name][ext]",
          },
          {
            from: "manifest*.xml",
            to: "[name][ext]",
            // Development: as is (https://localhost:3000/). Production: every URL under the origin, checked.
            transform: (content) => (dev ? content : manifest.productionManifest(content.toString(), origin)),
          },
        ],
      }),
      // Production: dist/unified/, the unified manifest and app package made from dist/manifest.xml, checked.
      ...(dev ? [] : [new UnifiedManifestPlugin(origin)]),
    ],
    performance: {
      // React + Fluent UI exceed webpack's 244 KiB web default; the pane is loaded once and cached by Office.
      // ExcelJS (about 0.95 MB minified) is a lazy chunk of the workbench only, and `docx` (about 0.5 MB) one of
      // the 通报 download, so both are left out of the hints.
      maxAssetSize: 1024 * 1024,
      maxEntrypointSize: 1024 * 1024,
      assetFilter: (name) => name.endsWith(".js") && !/exceljs|docx/i.test(name),
    },
    devServer: {
      hot: true,
      // This machine only (Excel reaches https://localhost:3000 over loopback); no CORS headers: the pages, their
      // scripts and /office-js/ are all same-origin.
      host: "127.0.0.1",
      static: {
        directory: path.resolve(__dirname, "node_modules/@microsoft/office-js/dist"),
        publicPath: "/office-js",
      },
      // Certificates are only needed for `webpack serve`; a plain build must not try to create them.
      server: env.WEBPACK_BUILD ? undefined : await getServerOptions(),
      port: process.env.npm_package_config_dev_server_port || 3000,
    },
  };

  return config;
};
