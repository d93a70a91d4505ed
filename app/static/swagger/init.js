// Starts Swagger UI on /docs with the service's own OpenAPI description (app/docs.py). A file of
// its own, not an inline script, so that the page's Content-Security-Policy allows no inline code.
window.addEventListener("load", function () {
  "use strict";
  window.ui = SwaggerUIBundle({
    url: "/openapi.json",
    dom_id: "#swagger-ui",
    deepLinking: true,
    persistAuthorization: false,
    presets: [SwaggerUIBundle.presets.apis],
    layout: "BaseLayout",
  });
});
