// Access tokens: where the server's token comes from, and how a request's
// "Authorization: Bearer <token>" header is checked against it.
//
// The token is taken from, in order: the ServerOptions field, the
// SITREP_TOKEN environment variable, and the first line of the token file
// ($SITREP_TOKEN_FILE, else $XDG_CONFIG_HOME/sitrep/token, else
// ~/.config/sitrep/token). Leading and trailing white space is dropped.
// No token anywhere means writes are refused (reads are allowed unless
// protected).
//
// Comparison takes the same time whatever the first differing byte, so a
// client cannot find the token byte by byte from response times.
//
// Thread-safety: functions are reentrant (ResolveToken reads the
// environment and the file system).
#ifndef SITREP_API_AUTH_H_
#define SITREP_API_AUTH_H_

#include <string>
#include <string_view>

#include "sitrep/status.h"

namespace sitrep::api {

// A token shorter than this is refused: it could be guessed.
inline constexpr size_t kMinTokenBytes = 16;

struct ResolvedToken {
  std::string token;   // "" = none configured
  std::string source;  // "option", "environment", a file path, or ""
};

// Finds the token as described above. A configured token that is too short
// or has control characters is an error (kInvalidArgument) naming its source.
Result<ResolvedToken> ResolveToken(std::string_view from_options);

// The default token file path (see above); "" if no home folder is known.
std::string DefaultTokenFile();

// True if `a` equals `b`, in time that depends only on their lengths.
bool ConstantTimeEquals(std::string_view a, std::string_view b);

// True if `authorization` is "Bearer <token>" (scheme case-insensitive) for
// the configured, non-empty `token`.
bool BearerMatches(std::string_view authorization, std::string_view token);

}  // namespace sitrep::api

#endif  // SITREP_API_AUTH_H_
