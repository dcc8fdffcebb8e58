// Add-in bundle, in the shape of Microsoft's Office-Addin-TaskPane-React template.
// Differences from the template, and why:
// - no polyfill/vendor entries and no babel/html-loader: Excel's web views are modern (Edge WebView2/Safari),
//   and HtmlWebpackPlugin's built-in template loader is enough for the two pages;
// - ts-loader runs with transpileOnly: type checking is `npm run typecheck` (tsc --noEmit);
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
  const config = {
    devtool: "source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      clean: { keep: /^cli\.cjs(\.map)?$/ },
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true } },
        },
      ],
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
      maxAssetSize: 1024 * 1024,
      maxEntrypointSize: 1024 * 1024,
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
