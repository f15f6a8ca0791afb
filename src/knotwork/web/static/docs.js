// Starts Swagger UI on /docs. Kept in a file because the pages allow no
// inline script. Requests made with "Try it out" carry the page's CSRF token,
// and nothing is fetched from another host (no online validator badge).
(function () {
  "use strict";
  const meta = document.querySelector('meta[name="csrf-token"]');
  window.SwaggerUIBundle({
    url: "/openapi.json",
    dom_id: "#swagger-ui",
    validatorUrl: null,
    deepLinking: true,
    presets: [window.SwaggerUIBundle.presets.apis],
    layout: "BaseLayout",
    requestInterceptor: (request) => {
      if (meta) request.headers["X-CSRF-Token"] = meta.content;
      return request;
    },
  });
})();
