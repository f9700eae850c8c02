import { describe, expect, test } from "vitest";
import { remoteReferences } from "./docs-offline-check.ts";

describe("remoteReferences", () => {
  test("finds scripts, styles, fonts, images and CSS imports from the network", () => {
    const page = `<!DOCTYPE html><html><head>
      <script type="module" src="https://cdn.example/redoc.standalone.js"></script>
      <link rel="modulepreload" href='https://cdn.example/redoc.js'>
      <link href=//fonts.example/css?family=Montserrat rel=stylesheet>
      <style>@import url("https://fonts.example/a.css"); @import 'https://fonts.example/b.css'; .x { background: url(http://img.example/a.png) }</style>
      </head><body><img srcset="a.png 1x, https://img.example/b.png 2x"><div style="background:url('https://x.example/c.png')"></div>
      <svg><image href="https://img.example/d.svg"/></svg></body></html>`;
    expect(remoteReferences(page)).toEqual([
      "<script src=https://cdn.example/redoc.standalone.js>",
      "<link href=https://cdn.example/redoc.js>",
      "<link href=//fonts.example/css?family=Montserrat>",
      "<img srcset=a.png 1x, https://img.example/b.png 2x>",
      "css url(https://x.example/c.png)",
      "<image href=https://img.example/d.svg>",
      "css url(https://fonts.example/a.css)",
      "css url(http://img.example/a.png)",
      "css @import https://fonts.example/b.css",
    ]);
  });

  test("accepts links, local and data: resources, and URLs inside scripts", () => {
    const page = `<html><head><link rel="icon" href="data:,"><style>.a{background:url(data:image/png;base64,AA==)}</style>
      <script>const cdn = "https://cdn.example/icons"; document.write('<img src="https://x.example">');</script></head>
      <body><a href="https://docs.example/api">docs</a><img src="logo.svg"><img src="data:image/svg+xml,%3Csvg%3E"></body></html>`;
    expect(remoteReferences(page)).toEqual([]);
  });
});
