// The OpenAPI 3 description of the HTTP API, served at /api/openapi.json.
//
// Written by hand beside the handlers (api.cc) and checked by a test that
// every route the server answers is described and every described route is
// answered.
//
// Thread-safety: pure function.
#ifndef SITREP_API_OPENAPI_H_
#define SITREP_API_OPENAPI_H_

#include <string>

namespace sitrep::api {

// The document as compact JSON.
std::string OpenApiDocument();

}  // namespace sitrep::api

#endif  // SITREP_API_OPENAPI_H_
