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
// - the dev server falls back to plain http when office-addin-dev-certs cannot install its CA (e.g. Linux without sudo).

const path = require("path");
const devCerts = require("office-addin-dev-certs");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const urlDev = "https://localhost:3000/";
const urlProd = "https://www.contoso.com/"; // CHANGE THIS TO YOUR PRODUCTION DEPLOYMENT LOCATION
const officeJsCdn = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const officeJsDev = "/office-js/office.js";

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

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const officeJs = dev ? officeJsDev : officeJsCdn;
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
        templateParameters: { officeJs },
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
        templateParameters: { officeJs },
      }),
      new HtmlWebpackPlugin({
        // The browser workbench: no office.js at all.
        filename: "workbench.html",
        template: "./src/workbench/workbench.html",
        chunks: ["workbench"],
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
            transform(content) {
              if (dev) {
                return content;
              } else {
                return content.toString().replace(new RegExp(urlDev, "g"), urlProd);
              }
            },
          },
        ],
      }),
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
      headers: {
        "Access-Control-Allow-Origin": "*",
      },
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
